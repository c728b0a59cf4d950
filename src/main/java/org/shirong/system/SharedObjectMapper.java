package org.shirong.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;
import java.util.HashSet;
import java.util.Set;
import org.camunda.bpm.engine.rest.hal.Hal;
import org.camunda.bpm.engine.rest.impl.CamundaRestResources;
import org.camunda.bpm.engine.rest.mapper.JacksonConfigurator;
import org.glassfish.jersey.jackson.JacksonFeature;

/**
 * The ObjectMapper of {@code /engine-rest}, configured as Camunda's {@link JacksonConfigurator} configures one (its date
 * format, unknown properties ignored, java.time) and then shared by every request, so that Jackson keeps the
 * serializers it builds. Sharing is safe: the mapper is not changed after it is configured, and Jackson copies a
 * configured date format before each use.
 */
@Provider
@Produces({MediaType.APPLICATION_JSON, Hal.APPLICATION_HAL_JSON})
public class SharedObjectMapper implements ContextResolver<ObjectMapper> {

    /**
     * Camunda's REST configuration classes with this resolver in place of {@link JacksonConfigurator} and
     * {@link EngineErrorAnswers} in place of Camunda's exception mappers, so that it is the only mapper of engine failures.
     */
    static Set<Class<?>> inCamundaConfiguration() {
        Set<Class<?>> classes = new HashSet<>();
        for (Class<?> configuration : CamundaRestResources.getConfigurationClasses()) {
            if (configuration != JacksonConfigurator.class && !EngineErrorAnswers.CAMUNDAS.contains(configuration)) {
                classes.add(configuration);
            }
        }
        classes.add(SharedObjectMapper.class);
        classes.add(EngineErrorAnswers.class);
        classes.add(NullRequestBody.class);
        return classes;
    }

    /**
     * Jersey's Jackson feature (its JSON reader and writer, which use this resolver's mapper) without the exception mappers
     * it adds by default: they answer a body Jackson cannot read with Jackson's English, naming Camunda's classes, as
     * text, and would be chosen before {@link EngineErrorAnswers} for being closer to the exception's type (s53 S4).
     */
    static JacksonFeature jsonFeature() {
        return JacksonFeature.withoutExceptionMappers();
    }

    // configured at the first request, after the engine's REST set its date format (CustomJacksonDateFormatListener)
    private volatile ObjectMapper mapper;

    @Override
    public ObjectMapper getContext(Class<?> type) {
        ObjectMapper m = mapper;
        if (m == null) {
            synchronized (this) {
                if (mapper == null) {
                    mapper = JacksonConfigurator.configureObjectMapper(new ObjectMapper());
                }
                m = mapper;
            }
        }
        return m;
    }
}
