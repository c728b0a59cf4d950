package org.shirong.system;

import jakarta.ws.rs.core.Application;
import java.util.Set;
import org.camunda.bpm.engine.rest.mapper.JacksonConfigurator;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.camunda.bpm.webapp.impl.engine.EngineRestApplication;
import org.glassfish.jersey.servlet.ServletContainer;
import org.glassfish.jersey.servlet.ServletProperties;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The engine API of the webapps ({@code /camunda/api/engine}, which Tasklist calls for its task lists, counts, forms,
 * claims and completions) as Camunda's {@link EngineRestApplication}, except that its JSON is read and written with one
 * {@link SharedObjectMapper} (Camunda's {@link JacksonConfigurator} builds an ObjectMapper, and with it every Jackson
 * serializer, for every look-up), that its {@code /task} resource is the one of {@link TaskListResources} and that
 * a body Jackson cannot read is answered by {@link EngineErrorAnswers} ({@link SharedObjectMapper#jsonFeature()}).
 * Registered under the name Camunda's webapp initializer uses ("Engine Api") before it runs, so it keeps this one;
 * the webapps' filters (authentication, CSRF, engines) stay on the path as Camunda registers them.
 */
@Configuration(proxyBeanMethods = false)
class WebappEngineApi {

    static final String SERVLET_NAME = "Engine Api";

    @Bean
    ServletRegistrationBean<ServletContainer> webappEngineApiServlet(CamundaBpmProperties camunda) {
        var registration = new ServletRegistrationBean<>(new ServletContainer(),
                camunda.getWebapp().getApplicationPath() + "/api/engine/*");
        registration.setName(SERVLET_NAME);
        registration.addInitParameter(ServletProperties.JAXRS_APPLICATION_CLASS, Resources.class.getName());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** {@link EngineRestApplication}'s classes with the two replacements above. */
    public static class Resources extends Application {

        @Override
        public Set<Class<?>> getClasses() {
            Set<Class<?>> classes = SharedObjectMapper.inCamundaConfiguration();
            classes.add(TaskListResources.NamedEngine.class);
            return classes;
        }

        /** Jersey's JSON feature without its exception mappers, before its discovery registers the one with them. */
        @Override
        @SuppressWarnings("deprecation")
        public Set<Object> getSingletons() {
            return Set.of(SharedObjectMapper.jsonFeature());
        }
    }
}
