package org.shirong.system;

import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * After each class of the shared JVM ({@link SharesJvm}): the engine's test doubles (thread-bound {@link Mocks}, which
 * Camunda's extension leaves registered), its clock and the engines' authenticated user are reset, so that a later class
 * passes or fails on its own and not on what an earlier one registered.
 */
class SharedJvmHygiene implements AfterAllCallback {

    @Override
    public void afterAll(ExtensionContext context) {
        Mocks.reset();
        ClockUtil.reset();
        ProcessEngines.getProcessEngines().values().forEach(engine -> engine.getIdentityService().clearAuthentication());
    }
}
