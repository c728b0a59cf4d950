package org.shirong.system;

import java.util.List;
import java.util.Map;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.web.servlet.error.DefaultErrorAttributes;
import org.springframework.stereotype.Component;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;

/**
 * Spring Boot's error answer (an unknown address, a refusal by the webapps' own filters, an uncaught exception) in
 * Chinese and with the API's {@code errors} list, where it said {@code "error":"Not Found"}. Browsers still get the
 * Chinese page of {@code templates/error.ftlh}, which reads the same {@code status}.
 */
@Component
class ChineseErrorAttributes extends DefaultErrorAttributes {

    @Override
    public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
        Map<String, Object> attributes = super.getErrorAttributes(request, options);
        int status = attributes.get("status") instanceof Integer known ? known : 500;
        String path = attributes.get("path") instanceof String known ? known : null;
        String code = HttpStatusTexts.code(status);
        String message = status == 405 && request instanceof ServletWebRequest servlet
                ? HttpStatusTexts.methodNotAllowed(servlet.getRequest().getMethod(), path,
                        getError(request) instanceof HttpRequestMethodNotSupportedException refused && refused.getSupportedMethods() != null
                                ? List.of(refused.getSupportedMethods()) : List.of())
                : HttpStatusTexts.message(status, path);
        attributes.put("error", code);
        attributes.put("code", code);
        attributes.put("message", message);
        attributes.put("errors", List.of(Map.of("code", code, "message", message)));
        return attributes;
    }
}
