package org.shirong.zone;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Whether the header of Shirong's pages (templates/pages/_page.ftlh) offers 责任区: only to a caller whose organisation
 * has the module ({@link ZoneSettings#enabled}; 锦溪镇 has none) or who administers. The webapps' session answers for
 * the logged-in user; a page opened with HTTP Basic has the caller the {@code /api} filter authenticated.
 */
@Configuration(proxyBeanMethods = false)
class ZoneLink implements WebMvcConfigurer, HandlerInterceptor {

    private static final String MODEL_ATTRIBUTE = "zonesLink";

    private final ProcessEngine engine;
    private final ZoneAccess access;

    ZoneLink(ProcessEngine engine, ZoneAccess access) {
        this.engine = engine;
        this.access = access;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/shirong/**", "/error");
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler, ModelAndView page) {
        if (page != null && page.getViewName() != null && !page.getViewName().startsWith("redirect:")) {
            page.addObject(MODEL_ATTRIBUTE, access.offersZones(caller(request)));
        }
    }

    private Authentication caller(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        Authentications logins = session == null ? null : AuthenticationUtil.getAuthsFromSession(session);
        if (logins != null && logins.getAuthenticationForProcessEngine(engine.getName()) instanceof UserAuthentication user) {
            return new Authentication(user.getIdentityId(), user.getGroupIds(), user.getTenantIds());
        }
        return engine.getIdentityService().getCurrentAuthentication();
    }
}
