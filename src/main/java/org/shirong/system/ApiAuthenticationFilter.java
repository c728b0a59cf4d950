package org.shirong.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants;

/**
 * Authenticates calls to Shirong's own {@code /api}: HTTP Basic against the identity service, or the
 * user already logged in to the webapps (Tasklist, Cockpit), for reading calls (GET, so that a task form
 * can show a case's photos) and for writing calls that carry the session's CSRF token in
 * {@code X-XSRF-TOKEN}, as the webapps' own calls do (Tasklist's inbox marks messages read). A cross-site
 * page can neither send HTTP Basic on the user's behalf nor read the token. A session whose user's password has
 * changed since it logged in, or who was deleted, no longer counts ({@link SessionCredentials}).
 */
class ApiAuthenticationFilter extends HttpFilter {

    private final ProcessEngine engine;
    private final AuthenticatedIdentities identities;
    private final SessionCredentials sessions;
    private final HttpBasicAuthenticationProvider basic;

    ApiAuthenticationFilter(ProcessEngine engine, AuthenticatedIdentities identities, SessionCredentials sessions,
            LoginThrottle throttle) {
        this.engine = engine;
        this.identities = identities;
        this.sessions = sessions;
        this.basic = new CachedBasicAuthentication(identities, throttle);
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        IdentityService identity = engine.getIdentityService();
        String userId = webappUser(request);
        if (userId == null) {
            AuthenticationResult result = basic.extractAuthenticatedUser(request, engine);
            if (!result.isAuthenticated()) {
                // A webapp page's own call (it sends the CSRF header) whose session has ended must not make the browser
                // pop up its English Basic login box over Tasklist; scripts and curl still get the challenge.
                if (request.getHeader(CsrfConstants.CSRF_TOKEN_HEADER_NAME) == null) {
                    basic.augmentResponseByAuthenticationChallenge(response, engine);
                }
                response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
                return;
            }
            userId = result.getAuthenticatedUser();
        }
        identities.authenticate(identity, userId);
        try {
            chain.doFilter(request, response);
        } finally {
            identity.clearAuthentication();
        }
    }

    private String webappUser(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null || !("GET".equals(request.getMethod()) || carriesCsrfToken(request, session))) {
            return null;
        }
        return sessions.user(session);
    }

    private static boolean carriesCsrfToken(HttpServletRequest request, HttpSession session) {
        Object expected = session.getAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME);
        String given = request.getHeader(CsrfConstants.CSRF_TOKEN_HEADER_NAME);
        return expected instanceof String token && given != null
                && MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }
}
