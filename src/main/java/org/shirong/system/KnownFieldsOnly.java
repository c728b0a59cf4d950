package org.shirong.system;

import com.fasterxml.jackson.databind.DeserializationFeature;
import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * A JSON body sent to Shirong's own API ({@code POST /api/campaigns}, {@code /api/zones}, {@code /api/cases}, …) may
 * carry only the fields its endpoint reads: any other is refused by {@link ApiExceptionHandler} with 400 naming it, and
 * nothing is done. Jackson's default ignores it, so a caller who sent {@code units} or {@code due-after-phase-start}
 * with a campaign (template settings, not the start's) or a {@code polygon} with a zone got 201 and a campaign or zone
 * without what they believed they had set — as an import refuses a column it does not know. Only the reading of request
 * bodies is strict: the application's ObjectMapper, which reads stored JSON and webhook answers, stays as it is.
 */
@Configuration(proxyBeanMethods = false)
class KnownFieldsOnly implements WebMvcConfigurer {

    @Override
    public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
        for (HttpMessageConverter<?> converter : converters) {
            if (converter instanceof MappingJackson2HttpMessageConverter json) {
                json.setObjectMapper(json.getObjectMapper().copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES));
            }
        }
    }
}
