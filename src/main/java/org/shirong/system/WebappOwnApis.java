package org.shirong.system;

import jakarta.ws.rs.core.Application;
import java.util.HashSet;
import java.util.Set;
import org.camunda.bpm.admin.impl.web.AdminApplication;
import org.camunda.bpm.cockpit.impl.web.CockpitApplication;
import org.camunda.bpm.engine.rest.exception.ExceptionHandler;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.camunda.bpm.tasklist.impl.web.TasklistApplication;
import org.camunda.bpm.welcome.impl.web.WelcomeApplication;
import org.glassfish.jersey.servlet.ServletContainer;
import org.glassfish.jersey.servlet.ServletProperties;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The webapps' own APIs (Cockpit's, Admin's with the login, Tasklist's and the Welcome page's) as Camunda's
 * applications, except that their failures are answered by {@link WebappErrorAnswers}: a database that is away is 503
 * in Chinese there too, where Camunda's mappers answered 500 with a stack in the log. Registered under the names
 * Camunda's webapp initializer uses, before it runs, so it keeps these (as {@link WebappEngineApi} does).
 */
@Configuration(proxyBeanMethods = false)
class WebappOwnApis {

    static final String COCKPIT = "Cockpit Api";
    static final String ADMIN = "Admin Api";
    static final String TASKLIST = "Tasklist Api";
    static final String WELCOME = "Welcome Api";

    @Bean
    ServletRegistrationBean<ServletContainer> cockpitApiServlet(CamundaBpmProperties camunda) {
        return servlet(camunda, COCKPIT, "/api/cockpit/*", Cockpit.class);
    }

    @Bean
    ServletRegistrationBean<ServletContainer> adminApiServlet(CamundaBpmProperties camunda) {
        return servlet(camunda, ADMIN, "/api/admin/*", Admin.class);
    }

    @Bean
    ServletRegistrationBean<ServletContainer> tasklistApiServlet(CamundaBpmProperties camunda) {
        return servlet(camunda, TASKLIST, "/api/tasklist/*", Tasklist.class);
    }

    @Bean
    ServletRegistrationBean<ServletContainer> welcomeApiServlet(CamundaBpmProperties camunda) {
        return servlet(camunda, WELCOME, "/api/welcome/*", Welcome.class);
    }

    private static ServletRegistrationBean<ServletContainer> servlet(CamundaBpmProperties camunda, String name,
            String path, Class<? extends Application> application) {
        var registration = new ServletRegistrationBean<>(new ServletContainer(),
                camunda.getWebapp().getApplicationPath() + path);
        registration.setName(name);
        registration.addInitParameter(ServletProperties.JAXRS_APPLICATION_CLASS, application.getName());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** Camunda's classes of an application with {@link WebappErrorAnswers} in place of its exception mappers. */
    static Set<Class<?>> withOurErrorAnswers(Application camundas) {
        Set<Class<?>> classes = new HashSet<>(camundas.getClasses());
        classes.remove(ExceptionHandler.class);
        classes.remove(RestExceptionHandler.class);
        classes.add(WebappErrorAnswers.class);
        return classes;
    }

    /** Jersey's JSON feature without its exception mappers, before its discovery registers the one with them. */
    @SuppressWarnings("deprecation")
    static Set<Object> jsonWithoutItsMappers() {
        return Set.of(SharedObjectMapper.jsonFeature());
    }

    public static class Cockpit extends Application {
        @Override
        public Set<Class<?>> getClasses() {
            return withOurErrorAnswers(new CockpitApplication());
        }

        @Override
        @SuppressWarnings("deprecation")
        public Set<Object> getSingletons() {
            return jsonWithoutItsMappers();
        }
    }

    public static class Admin extends Application {
        @Override
        public Set<Class<?>> getClasses() {
            return withOurErrorAnswers(new AdminApplication());
        }

        @Override
        @SuppressWarnings("deprecation")
        public Set<Object> getSingletons() {
            return jsonWithoutItsMappers();
        }
    }

    public static class Tasklist extends Application {
        @Override
        public Set<Class<?>> getClasses() {
            return withOurErrorAnswers(new TasklistApplication());
        }

        @Override
        @SuppressWarnings("deprecation")
        public Set<Object> getSingletons() {
            return jsonWithoutItsMappers();
        }
    }

    public static class Welcome extends Application {
        @Override
        public Set<Class<?>> getClasses() {
            return withOurErrorAnswers(new WelcomeApplication());
        }
    }
}
