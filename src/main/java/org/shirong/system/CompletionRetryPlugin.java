package org.shirong.system;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Adds {@link CompletionRetryInterceptor} before the engine's transaction interceptor. Ordered last
 * among the plugins and appended to the end of the pre-command interceptors, so it is the innermost
 * of them: interceptors other plugins add (e.g. turning conflicts into 409 answers) see only a
 * conflict that remained after the retries.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class CompletionRetryPlugin extends AbstractProcessEnginePlugin {

    private final CompletionRetryProperties properties;

    CompletionRetryPlugin(CompletionRetryProperties properties) {
        this.properties = properties;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<CommandInterceptor> interceptors = configuration.getCustomPreCommandInterceptorsTxRequired() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreCommandInterceptorsTxRequired());
        interceptors.add(new CompletionRetryInterceptor(properties));
        configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
    }
}
