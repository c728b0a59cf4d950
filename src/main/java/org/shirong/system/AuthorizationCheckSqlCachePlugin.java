package org.shirong.system;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/** Gives the engine's MyBatis {@link AuthorizationCheckSqlCache}: the authorization check's SQL built once per shape (issue 13, W1). */
@Component
class AuthorizationCheckSqlCachePlugin extends AbstractProcessEnginePlugin {

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        configuration.getSqlSessionFactory().getConfiguration().addInterceptor(new AuthorizationCheckSqlCache());
    }
}
