package org.shirong.system;

import java.util.List;
import org.camunda.bpm.engine.impl.cfg.CompositeProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.camunda.bpm.spring.boot.starter.util.CamundaSpringBootUtil;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The engine configuration Camunda Spring Boot would make ({@code CamundaBpmConfiguration.processEngineConfigurationImpl}:
 * its fields, every plugin of the context), as a {@link MappingsAheadEngineConfiguration}.
 */
@Configuration(proxyBeanMethods = false)
class EngineConfigurationSetup {

    @Bean
    ProcessEngineConfigurationImpl processEngineConfigurationImpl(List<ProcessEnginePlugin> plugins,
            ObjectProvider<EngineMappingsAhead.Read> mappingsAhead) {
        SpringProcessEngineConfiguration configuration =
                CamundaSpringBootUtil.initCustomFields(new MappingsAheadEngineConfiguration(mappingsAhead.getIfAvailable()));
        configuration.getProcessEnginePlugins().add(new CompositeProcessEnginePlugin(plugins));
        return configuration;
    }
}
