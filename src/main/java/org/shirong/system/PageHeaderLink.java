package org.shirong.system;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * A link of the header of Shirong's pages (templates/pages/_page.ftlh: case, report, map, 责任区 and error pages) that only
 * some callers are offered, so that nobody is led to a page that refuses them: the page's model gets
 * {@code modelAttribute} true or false. The webapps' session answers for the logged-in user, even on an error page; a
 * page opened with HTTP Basic has the caller the {@code /api} filter authenticated.
 */
public abstract class PageHeaderLink implements WebMvcConfigurer, HandlerInterceptor {

    private final String modelAttribute;
    protected final ProcessEngine engine;

    protected PageHeaderLink(String modelAttribute, ProcessEngine engine) {
        this.modelAttribute = modelAttribute;
        this.engine = engine;
    }

    /** Whether the link is offered: {@code sessionUser} the webapps' logged-in user, or null (then the engine's caller). */
    protected abstract boolean offered(UserAuthentication sessionUser);

    /** What the page's model gets: whether the link is offered, unless a link says more (its label). */
    protected Object modelValue(UserAuthentication sessionUser) {
        return offered(sessionUser);
    }

    /** The caller the link is for: the webapps' logged-in user, else the engine's current one (HTTP Basic); null if none. */
    protected org.camunda.bpm.engine.impl.identity.Authentication caller(UserAuthentication sessionUser) {
        return sessionUser != null ? new org.camunda.bpm.engine.impl.identity.Authentication(sessionUser.getIdentityId(),
                sessionUser.getGroupIds(), sessionUser.getTenantIds()) : engine.getIdentityService().getCurrentAuthentication();
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/shirong/**", "/error");
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler, ModelAndView page) {
        if (page != null && page.getViewName() != null && !page.getViewName().startsWith("redirect:")) {
            page.addObject(modelAttribute, modelValue(sessionUser(request)));
        }
    }

    private UserAuthentication sessionUser(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        Authentications logins = session == null ? null : AuthenticationUtil.getAuthsFromSession(session);
        return logins != null && logins.getAuthenticationForProcessEngine(engine.getName()) instanceof UserAuthentication user
                ? user : null;
    }
}
