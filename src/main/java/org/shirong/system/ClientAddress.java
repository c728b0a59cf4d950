package org.shirong.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Remembers, for the request being served, the address it comes from, so that the login throttle in
 * the engine can tell one client from another. Behind a reverse proxy set
 * {@code server.forward-headers-strategy: native} so that this is the user's address, not the proxy's. It keeps the request
 * and its answer too, for the signed cookie of a browser that logged in before ({@link KnownDevices}).
 */
class ClientAddress extends HttpFilter {

    static final String OUTSIDE_HTTP = "本机";

    private static final ThreadLocal<Exchange> CURRENT = new ThreadLocal<>();

    /** The request being served and its answer, for the login throttle's known-device cookie ({@link KnownDevices}). */
    record Exchange(HttpServletRequest request, HttpServletResponse response) {
    }

    static String current() {
        Exchange exchange = CURRENT.get();
        return exchange == null ? OUTSIDE_HTTP : exchange.request().getRemoteAddr();
    }

    /** The request being served and its answer; null outside HTTP. */
    static Exchange exchange() {
        return CURRENT.get();
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        CURRENT.set(new Exchange(request, response));
        try {
            chain.doFilter(request, response);
        } finally {
            CURRENT.remove();
        }
    }
}
