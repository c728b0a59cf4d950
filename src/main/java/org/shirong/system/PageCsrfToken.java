package org.shirong.system;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Gives Shirong's pages (templates/pages/_page.ftlh) the webapps' session CSRF token, which a page's own call to
 * {@code /api} sends in {@code X-XSRF-TOKEN} to be taken as the logged-in user ({@link ApiAuthenticationFilter}). The
 * webapps' cookie holding it is scoped to {@code /camunda}, out of the pages' reach. A cross-site page cannot read it
 * here either; the page is not stored, as it carries the session's secret.
 */
@Configuration(proxyBeanMethods = false)
class PageCsrfToken implements WebMvcConfigurer, HandlerInterceptor {

    private static final String MODEL_ATTRIBUTE = "csrfToken";

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/shirong/**");
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler, ModelAndView page) {
        if (page == null || page.getViewName() == null || page.getViewName().startsWith("redirect:")) {
            return;
        }
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME) instanceof String token) {
            page.addObject(MODEL_ATTRIBUTE, token);
            response.setHeader("Cache-Control", "no-store");
        }
    }
}
