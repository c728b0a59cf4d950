package org.shirong.system;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Registers {@link ContentHeaders} for Shirong's API and pages, before authentication, so that its refusals carry them too. */
@Configuration(proxyBeanMethods = false)
class ContentHeadersConfiguration {

    @Bean
    FilterRegistrationBean<ContentHeaders> contentHeaders(@Value("${shirong.map.tiles:}") String tiles) {
        var registration = new FilterRegistrationBean<>(new ContentHeaders(tiles));
        registration.setName("shirong-content-headers");
        registration.addUrlPatterns("/api/*", "/shirong/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 3);
        return registration;
    }
}
