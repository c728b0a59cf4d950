package org.shirong.system;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Registers {@link ContentHeaders} for Shirong's API and pages and {@link EngineDataHeaders} for the engine API (both its
 * own and the webapps'), before authentication, so that its refusals carry them too; and {@link StaticAssetCaching} for
 * the pages' scripts, styles and pictures.
 */
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

    @Bean
    FilterRegistrationBean<EngineDataHeaders> engineDataHeaders() {
        var registration = new FilterRegistrationBean<>(new EngineDataHeaders());
        registration.setName("shirong-engine-data-headers");
        registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 3);
        return registration;
    }

    @Bean
    FilterRegistrationBean<StaticAssetCaching> staticAssetCaching() {
        var registration = new FilterRegistrationBean<>(new StaticAssetCaching());
        registration.setName("shirong-static-asset-caching");
        registration.addUrlPatterns("/webjars/*", "/camunda/app/*", "/camunda/lib/*", "/camunda/assets/*", "/camunda/api/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 3);
        return registration;
    }
}
