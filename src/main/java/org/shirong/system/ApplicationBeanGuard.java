package org.shirong.system;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.context.ApplicationContext;

/**
 * An engine guard that decides by an application bean ({@link TenantWork}, {@link WholeOrganizationReaders}): the engine is
 * built before the organisations are read, so the bean is looked up when the guard first needs it.
 */
abstract class ApplicationBeanGuard<B> extends CommandInterceptor {

    protected final ProcessEngineConfigurationImpl configuration;
    private final ApplicationContext applicationContext;
    private final Class<B> type;
    private volatile B bean;

    ApplicationBeanGuard(ProcessEngineConfigurationImpl configuration, ApplicationContext applicationContext, Class<B> type) {
        this.configuration = configuration;
        this.applicationContext = applicationContext;
        this.type = type;
    }

    /** The bean, looked up on first use (two first uses at once look it up twice, harmlessly). */
    protected final B bean() {
        B found = bean;
        if (found == null) {
            bean = found = applicationContext.getBean(type);
        }
        return found;
    }
}
