package org.shirong.system;

import java.util.stream.Collectors;
import org.camunda.bpm.engine.rest.impl.CamundaRestResources;
import org.camunda.bpm.engine.rest.impl.DefaultProcessEngineRestServiceImpl;
import org.camunda.bpm.engine.rest.impl.NamedProcessEngineRestServiceImpl;
import org.camunda.bpm.engine.rest.mapper.JacksonConfigurator;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.springframework.stereotype.Component;

/**
 * {@code /engine-rest} as the Camunda starter configures it, except that its JSON is read and written with one
 * {@link SharedObjectMapper}: Camunda's {@link JacksonConfigurator} builds a new ObjectMapper for every look-up, so that
 * each request also built its Jackson serializers and deserializers anew (issue 13, W1); and that its {@code /task}
 * resource neither searches the query class's methods nor the class path for the engine on every request
 * ({@link TaskListResources}); and that a body Jackson cannot read is answered by {@link EngineErrorAnswers}, not by
 * the text of Jersey's Jackson exception mappers ({@link SharedObjectMapper#jsonFeature()}).
 */
@Component
class EngineRestResources extends CamundaJerseyResourceConfig {

    @Override
    protected void registerCamundaRestResources() {
        registerClasses(CamundaRestResources.getResourceClasses().stream()
                .map(c -> c == DefaultProcessEngineRestServiceImpl.class ? TaskListResources.DefaultEngine.class
                        : c == NamedProcessEngineRestServiceImpl.class ? TaskListResources.NamedEngine.class : c)
                .collect(Collectors.toSet()));
        registerClasses(SharedObjectMapper.inCamundaConfiguration());
        register(SharedObjectMapper.jsonFeature());
    }
}
