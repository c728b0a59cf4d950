package org.shirong.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** In Shirong's application the engine starts with the MyBatis mappings {@link EngineMappingsAhead} read ahead. */
@ShirongWebTest
@SharesSpringContext
class EngineMappingsAheadInContextTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    ProcessEngineConfiguration engineConfiguration;

    @Test
    void theEngineTookTheMappingsReadAhead() {
        assertThat(engineConfiguration).isInstanceOf(MappingsAheadEngineConfiguration.class);
        assertThat(context.getBean(EngineMappingsAhead.BEAN, EngineMappingsAhead.Read.class).taken()).isTrue();
    }
}
