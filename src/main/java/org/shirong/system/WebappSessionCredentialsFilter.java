package org.shirong.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.regex.Pattern;

/**
 * Before the webapps' own authentication: logs out a session whose user's password has changed since it logged in, or who
 * was deleted ({@link SessionCredentials}); after a login, stamps the session with the password it logged in with. A user
 * who changes their own password in Tasklist or Admin keeps that session (it is stamped again); their other sessions end.
 */
class WebappSessionCredentialsFilter extends HttpFilter {

    private static final Pattern LOGIN = Pattern.compile("/camunda/api/admin/auth/user/[^/]+/login/[^/]+");

    private final SessionCredentials credentials;
    private final Pattern ownCredentials;

    WebappSessionCredentialsFilter(SessionCredentials credentials, String engineName) {
        this.credentials = credentials;
        this.ownCredentials = Pattern.compile("/camunda/api/engine/engine/" + Pattern.quote(engineName) + "/user/([^/]+)/credentials");
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String before = credentials.user(request.getSession(false));
        chain.doFilter(request, response);
        HttpSession session = request.getSession(false);
        if (session == null || response.getStatus() >= 300) {
            return;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        var own = ownCredentials.matcher(path);
        boolean changedOwnPassword = before != null && "PUT".equals(request.getMethod()) && own.matches()
                && before.equals(own.group(1));
        boolean loggedIn = "POST".equals(request.getMethod()) && LOGIN.matcher(path).matches();
        if (loggedIn || changedOwnPassword || credentials.unstamped(session)) {
            credentials.record(session);
        }
    }
}
