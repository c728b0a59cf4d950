package org.shirong.system;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * No REVOKE authorizations, so no look for one: {@link RevokeAuthorizationGuard} refuses to save any, and once the
 * engine has found none stored at start-up it checks authorizations without first asking the database whether the
 * caller has a REVOKE row ({@code authorizationCheckRevokes=never}; the engine's default {@code auto} asks once in every
 * command that checks, about a tenth of a case's reads, issue 13). A database that still holds REVOKE rows (made before
 * this guard, or written into the table directly) keeps the engine's default and says so in the log.
 */
@Component
class RevokeChecksPlugin extends AbstractProcessEnginePlugin {

    private static final Logger LOG = LoggerFactory.getLogger(RevokeChecksPlugin.class);

    private ProcessEngineConfigurationImpl configuration;

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        this.configuration = configuration;
        List<CommandInterceptor> interceptors = configuration.getCustomPreCommandInterceptorsTxRequired() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreCommandInterceptorsTxRequired());
        interceptors.add(new RevokeAuthorizationGuard());
        configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        if (!ProcessEngineConfiguration.AUTHORIZATION_CHECK_REVOKE_AUTO.equalsIgnoreCase(configuration.getAuthorizationCheckRevokes())) {
            return; // set explicitly (always / never): as configured
        }
        long revokes = engine.getAuthorizationService().createAuthorizationQuery()
                .authorizationType(Authorization.AUTH_TYPE_REVOKE).count();
        if (revokes == 0) {
            configuration.setAuthorizationCheckRevokes(ProcessEngineConfiguration.AUTHORIZATION_CHECK_REVOKE_NEVER);
        } else {
            LOG.warn("数据库中有 {} 条“撤销”（REVOKE）类授权：每次权限检查前仍先查找撤销授权。删除这些授权（改为删除相应的授予）"
                    + "并重启后可省去这一查询", revokes);
        }
    }
}
