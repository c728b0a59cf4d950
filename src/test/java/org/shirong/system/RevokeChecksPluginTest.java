package org.shirong.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.junit.jupiter.api.Test;

/**
 * The engine skips the look for REVOKE rows only when none is stored at start-up; a database that still holds one (made
 * before the guard, or written into the table directly) keeps the engine's default, and an explicit setting stays.
 */
@SharesJvm
class RevokeChecksPluginTest {

    @Test
    void withoutStoredRevokesChecksSkipTheLookAndTheGuardIsInstalled() {
        var configuration = new StandaloneInMemProcessEngineConfiguration();
        startEngine(configuration, 0);
        assertThat(configuration.getAuthorizationCheckRevokes()).isEqualTo(ProcessEngineConfiguration.AUTHORIZATION_CHECK_REVOKE_NEVER);
        assertThat(configuration.getCustomPreCommandInterceptorsTxRequired()).hasAtLeastOneElementOfType(RevokeAuthorizationGuard.class);
    }

    @Test
    void aDatabaseHoldingRevokesKeepsTheEnginesLook() {
        var configuration = new StandaloneInMemProcessEngineConfiguration();
        startEngine(configuration, 3);
        assertThat(configuration.getAuthorizationCheckRevokes()).isEqualTo(ProcessEngineConfiguration.AUTHORIZATION_CHECK_REVOKE_AUTO);
    }

    @Test
    void anExplicitSettingIsKept() {
        var configuration = new StandaloneInMemProcessEngineConfiguration();
        configuration.setAuthorizationCheckRevokes(ProcessEngineConfiguration.AUTHORIZATION_CHECK_REVOKE_ALWAYS);
        startEngine(configuration, 0);
        assertThat(configuration.getAuthorizationCheckRevokes()).isEqualTo(ProcessEngineConfiguration.AUTHORIZATION_CHECK_REVOKE_ALWAYS);
    }

    private static void startEngine(StandaloneInMemProcessEngineConfiguration configuration, long storedRevokes) {
        RevokeChecksPlugin plugin = new RevokeChecksPlugin();
        plugin.preInit(configuration);
        plugin.postProcessEngineBuild(engineStoring(storedRevokes));
    }

    private static ProcessEngine engineStoring(long revokes) {
        ProcessEngine engine = mock(ProcessEngine.class, RETURNS_DEEP_STUBS);
        when(engine.getAuthorizationService().createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_REVOKE).count())
                .thenReturn(revokes);
        return engine;
    }
}
