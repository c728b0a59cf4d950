package org.shirong.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * A request that failed because the database is away (restarted, the network to it down, the pool unable to connect
 * in time) is answered 503 in Chinese with {@code Retry-After}, and logged as one WARN line, where it was a 500 with a
 * stack trace in the log. Whether the database is away is read from the failure's causes: no connection to be had (a
 * transaction that could not begin, the pool's wait timed out), or an SQL state of class 08 (connection exception) or
 * 57P (the server shutting down). Other failures pass on unchanged. The engine API answers the same through
 * {@link EngineErrorAnswers}, the webapps' own APIs (Cockpit's, Admin's…) through {@link WebappErrorAnswers}.
 */
class DatabaseUnavailable extends HttpFilter {

    static final String CODE = "DATABASE_UNAVAILABLE";
    static final String MESSAGE = "数据库暂时无法连接，请稍后重试；一直如此时请联系系统管理员";
    static final String RETRY_AFTER_SECONDS = "5";
    /** In the shapes of both APIs: the engine's {@code type}/{@code code}/{@code message} and {@code /api}'s {@code errors}. */
    static final String BODY = "{\"type\":\"DatabaseUnavailable\",\"code\":\"" + CODE + "\",\"message\":\"" + MESSAGE
            + "\",\"errors\":[{\"code\":\"" + CODE + "\",\"message\":\"" + MESSAGE + "\"}]}";

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseUnavailable.class);

    /** Whether {@code failure} is owed to the database being away or to the pool having no connection free in time. */
    static boolean causes(Throwable failure) {
        return away(failure) || poolExhausted(failure);
    }

    /**
     * Whether the database could not be reached: an SQL state of class 08 or 57P anywhere in the causes (the pool's
     * timeout carries the last connection failure's), or a commit or rollback on a connection the pool had closed.
     * Only this kind is logged in one WARN line without the engine's and Spring's ERRORs ({@link DatabaseAwayLogging}).
     */
    static boolean away(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof TransactionSystemException ending && (ending.getApplicationException() != null
                    && away(ending.getApplicationException())
                    || ending.getCause() instanceof SQLException sql && sql.getSQLState() == null)) {
                // The commit or rollback failed on a connection the pool had closed (its SQLException has no state),
                // after a statement lost the connection (or the driver failed on the lost connection in its own way).
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether no connection was had in time although the database answers (every connection in use: a burst, a long
     * lock wait, a leak). Still answered 503, so that a client retries, but logged as the fault it is, with its ERRORs.
     */
    static boolean poolExhausted(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof CannotCreateTransactionException || cause instanceof SQLTransientConnectionException) {
                return !away(failure);
            }
        }
        return false;
    }

    static void logged(String method, String uri, Throwable failure) {
        LOG.warn("Database unavailable, answered 503: {} {} ({})", method, uri, rootCause(failure));
    }

    /** The innermost cause of {@code failure} as {@code SimpleClassName: message}, for a one-line log. */
    static String rootCause(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    /** The 503 of a JAX-RS API ({@code api} names it in the log line), for its exception mapper. */
    static Response answer(String api, String path, Throwable failure) {
        logged(api, path, failure);
        return Response.status(Response.Status.SERVICE_UNAVAILABLE).header("Retry-After", RETRY_AFTER_SECONDS)
                .entity(BODY).type(MediaType.APPLICATION_JSON_TYPE).build();
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | IOException | RuntimeException failure) {
            if (!causes(failure) || response.isCommitted()) {
                throw failure;
            }
            logged(request.getMethod(), request.getRequestURI(), failure);
            response.reset();
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
            response.setContentType("application/json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter().write(BODY);
        }
    }
}
