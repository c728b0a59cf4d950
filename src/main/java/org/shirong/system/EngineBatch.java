package org.shirong.system;

import java.util.function.Supplier;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.springframework.stereotype.Component;

/**
 * Runs a series of engine service calls in one command context (issue 13, W6): each call still goes through the engine's
 * checks and interceptors, but what they write is flushed once at the end, in JDBC batches and in the engine's own order
 * (users, groups and tenants before their memberships), and an entity read or written by an earlier call is taken from
 * the context's cache instead of the database. Queries still read the database, so a series must not query for what it
 * wrote itself. Seeding the organisations on an empty database made some 3,500 commands, each flushed on its own.
 */
@Component
public class EngineBatch {

    private final ProcessEngineConfigurationImpl configuration;

    public EngineBatch(ProcessEngine engine) {
        this.configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    }

    /** Runs {@code calls} in one command context (joining the caller's transaction, if any); a failure rolls it all back. */
    public <T> T run(Supplier<T> calls) {
        return configuration.getCommandExecutorTxRequired().execute(context -> calls.get());
    }

    /** Runs one engine-internal command, in the current command context if there is one. */
    public <T> T execute(Command<T> command) {
        return configuration.getCommandExecutorTxRequired().execute(command);
    }
}
