package org.shirong.system;

import java.util.function.Consumer;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

/** Runs one of the engine's own checks (authorization, tenant) as its commands do: with each of its command checkers. */
final class EngineChecks {

    private EngineChecks() {
    }

    static void each(CommandContext context, Consumer<CommandChecker> check) {
        context.getProcessEngineConfiguration().getCommandCheckers().forEach(check);
    }
}
