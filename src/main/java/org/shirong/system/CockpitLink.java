package org.shirong.system;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
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
 * Whether the header of Shirong's pages (templates/pages/_page.ftlh: case, map, 责任区 and error pages) offers the
 * 驾驶舱: only to a caller whom Cockpit lets in (its application grant, as the webapps' own filter checks it), so a
 * unit's clerk is not led to a page that refuses them. The webapps' session answers for the logged-in user, even on
 * an error page; a page opened with HTTP Basic has the caller the {@code /api} filter authenticated.
 */
@Configuration(proxyBeanMethods = false)
class CockpitLink implements WebMvcConfigurer, HandlerInterceptor {

    private static final String MODEL_ATTRIBUTE = "cockpitLink";
    private static final String COCKPIT = "cockpit";

    private final ProcessEngine engine;

    CockpitLink(ProcessEngine engine) {
        this.engine = engine;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/shirong/**", "/error");
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler, ModelAndView page) {
        if (page != null && page.getViewName() != null && !page.getViewName().startsWith("redirect:")) {
            page.addObject(MODEL_ATTRIBUTE, mayOpenCockpit(request));
        }
    }

    private boolean mayOpenCockpit(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        Authentications logins = session == null ? null : AuthenticationUtil.getAuthsFromSession(session);
        if (logins != null && logins.getAuthenticationForProcessEngine(engine.getName()) instanceof UserAuthentication user) {
            return user.getAuthorizedApps() != null && user.getAuthorizedApps().contains(COCKPIT);
        }
        Authentication caller = engine.getIdentityService().getCurrentAuthentication();
        return caller != null && engine.getAuthorizationService().isUserAuthorized(caller.getUserId(), caller.getGroupIds(),
                Permissions.ACCESS, Resources.APPLICATION, COCKPIT);
    }
}
