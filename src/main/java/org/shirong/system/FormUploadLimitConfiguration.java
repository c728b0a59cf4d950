package org.shirong.system;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Registers {@link FormUploadLimitFilter} for form submissions through the engine REST API and the webapps' API. */
@Configuration(proxyBeanMethods = false)
class FormUploadLimitConfiguration {

    @Bean
    FilterRegistrationBean<FormUploadLimitFilter> formUploadLimitFilter(
            @Value("${shirong.rectification.max-form-bytes}") long maxFormBytes,
            @Value("${shirong.rectification.max-photo-bytes}") long maxPhotoBytes) {
        var registration = new FilterRegistrationBean<>(new FormUploadLimitFilter(maxFormBytes, maxPhotoBytes));
        registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
        return registration;
    }
}
