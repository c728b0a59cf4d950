package org.shirong.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import java.util.regex.Matcher;
import org.camunda.bpm.webapp.impl.engine.ProcessEnginesFilter;

/**
 * A Tasklist, Cockpit or Admin start page naming an engine or webapp that does not exist
 * ({@code /camunda/app/tasklist/nosuch/}) is 404. Camunda's page filter took the name as an engine's, failed on it
 * and answered 500, logging an ERROR with a stack trace at each such request.
 */
class UnknownWebappPageFilter extends HttpFilter {

    static final String APPLICATION_PATH = "/camunda";
    private static final Set<String> APPS = Set.of("cockpit", "admin", "tasklist", "welcome");
    private static final String INDEX_PAGE = "index.html";
    private static final String SETUP_PAGE = "setup/";

    private final String engineName;

    UnknownWebappPageFilter(String engineName) {
        this.engineName = engineName;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith(APPLICATION_PATH)) {
            Matcher page = ProcessEnginesFilter.APP_PREFIX_PATTERN.matcher(path.substring(APPLICATION_PATH.length()));
            if (page.matches() && indexPage(page.group(3)) && !known(page.group(1), page.group(2))) {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /** Where Camunda serves the app's start page for the engine named (its scripts and styles sit beside it). */
    private static boolean indexPage(String rest) {
        return rest == null || rest.isEmpty() || SETUP_PAGE.equals(rest);
    }

    /** Null parts are the ones Camunda redirects to the default for. */
    private boolean known(String app, String engine) {
        return (app == null || APPS.contains(app)) && (engine == null || INDEX_PAGE.equals(engine) || engineName.equals(engine));
    }
}
