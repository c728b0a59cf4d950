package org.shirong.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A login the {@link LoginThrottle} refused without looking at the password is answered 429 with Retry-After and a Chinese
 * sentence saying until when ("登录失败次数过多，请于 09:45 后再试，或请管理员解除") on every door: HTTP Basic on {@code /api}
 * and {@code /engine-rest}, the webapps' login form. It is said for any password sent during the pause, so the answer never
 * tells whether the password was right; the 401 of a checked wrong password passes unchanged (relreview-s58 L3: a paused
 * login looked exactly like a typo, and the person kept retrying into the pause).
 */
class LoginPauseAnswers extends HttpFilter {

    static final String CODE = "LOGIN_PAUSED";

    private static final ThreadLocal<Instant[]> PAUSED = new ThreadLocal<>();
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The throttle refused a password check of the request being served, until {@code until}; outside HTTP nothing. */
    static void refused(Instant until) {
        Instant[] pause = PAUSED.get();
        if (pause != null) {
            pause[0] = until;
        }
    }

    /** The sentence for a pause that ends at {@code until}: the minute it has ended by, in the town's time. */
    static String message(Instant until) {
        Instant minute = until.truncatedTo(ChronoUnit.MINUTES);
        Instant ended = minute.equals(until) ? minute : minute.plus(1, ChronoUnit.MINUTES);
        return "登录失败次数过多，请于 " + CLOCK.format(ended.atZone(ZoneId.systemDefault())) + " 后再试，或请管理员解除";
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Instant[] pause = new Instant[1];
        PausedAnswer answer = new PausedAnswer(response, pause);
        PAUSED.set(pause);
        try {
            chain.doFilter(request, answer);
        } finally {
            PAUSED.remove();
        }
        if (answer.refused && !response.isCommitted()) {
            answer(response, pause[0], request.getRequestURI());
        }
    }

    private static void answer(HttpServletResponse response, Instant until, String path) throws IOException {
        String message = message(until);
        long seconds = Math.max(1, (Duration.between(Instant.now(), until).toMillis() + 999) / 1000);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", 429);
        body.put("error", CODE);
        body.put("code", CODE);
        body.put("message", message);
        body.put("errors", List.of(Map.of("code", CODE, "message", message)));
        body.put("path", path);
        response.resetBuffer();
        response.setStatus(429);
        response.setHeader("Retry-After", String.valueOf(seconds));
        response.setContentType("application/json;charset=UTF-8");
        response.getOutputStream().write(JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Holds back the 401 (status or error page) and the Basic challenge of a request whose password check the throttle
     * refused, so that the filter can answer it; any other answer goes through.
     */
    private static final class PausedAnswer extends HttpServletResponseWrapper {

        private final Instant[] pause;
        private boolean refused;

        PausedAnswer(HttpServletResponse response, Instant[] pause) {
            super(response);
            this.pause = pause;
        }

        private boolean heldBack(int status) {
            refused |= status == HttpServletResponse.SC_UNAUTHORIZED && pause[0] != null;
            return refused;
        }

        @Override
        public void setStatus(int status) {
            if (!heldBack(status)) {
                super.setStatus(status);
            }
        }

        @Override
        public void sendError(int status) throws IOException {
            if (!heldBack(status)) {
                super.sendError(status);
            }
        }

        @Override
        public void sendError(int status, String message) throws IOException {
            if (!heldBack(status)) {
                super.sendError(status, message);
            }
        }

        @Override
        public void setHeader(String name, String value) {
            if (pause[0] == null || !"WWW-Authenticate".equalsIgnoreCase(name)) {
                super.setHeader(name, value);
            }
        }

        @Override
        public void addHeader(String name, String value) {
            if (pause[0] == null || !"WWW-Authenticate".equalsIgnoreCase(name)) {
                super.addHeader(name, value);
            }
        }
    }
}
