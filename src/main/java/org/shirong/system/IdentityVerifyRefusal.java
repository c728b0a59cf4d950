package org.shirong.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;

/**
 * Refuses the engine's {@code identity/verify} (is this user's password that?) to everyone but administrators, on the
 * engine REST API and the webapps' API alike (secreview-s50 I5): it let staff test colleagues' passwords, and no page uses
 * it (Tasklist, Cockpit and Admin log in at {@code /camunda/api/admin/auth}; a user changes their own password with
 * {@code PUT /user/{id}/credentials}). Matches the decoded path without path parameters, in any letter case.
 */
class IdentityVerifyRefusal extends HttpFilter {

    private static final Pattern VERIFY = Pattern.compile("(?i).*/identity/verify/?$");

    private final IdentityService identityService;

    IdentityVerifyRefusal(IdentityService identityService) {
        this.identityService = identityService;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        if (!VERIFY.matcher(path).matches()) {
            chain.doFilter(request, response);
            return;
        }
        String caller = caller(request, path);
        if (caller == null || administrator(caller)) {
            // no caller: the API's own authentication answers 401
            chain.doFilter(request, response);
            return;
        }
        JsonErrors.write(response, HttpServletResponse.SC_FORBIDDEN, "PASSWORD_CHECK_NOT_PERMITTED",
                "只有管理员可以核对用户的密码；登录请用任务列表、驾驶舱或“管理”的登录页。");
    }

    /**
     * The engine REST API's caller as its Basic authentication (run before this filter) set them; the webapps' caller from
     * their session only, where a Basic header proves nothing.
     */
    private String caller(HttpServletRequest request, String path) {
        if (path.startsWith("/engine-rest/")) {
            Authentication authenticated = identityService.getCurrentAuthentication();
            return authenticated == null ? null : authenticated.getUserId();
        }
        HttpSession session = request.getSession(false);
        Authentications logins = session == null ? null : AuthenticationUtil.getAuthsFromSession(session);
        return logins == null ? null : logins.getAuthentications().stream()
                .map(org.camunda.bpm.webapp.impl.security.auth.Authentication::getName).findFirst().orElse(null);
    }

    private boolean administrator(String caller) {
        return identityService.createUserQuery().userId(caller).memberOfGroup(Groups.CAMUNDA_ADMIN).count() > 0;
    }
}
