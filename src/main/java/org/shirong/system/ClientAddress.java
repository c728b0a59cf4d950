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
 * {@code server.forward-headers-strategy: native} so that this is the user's address, not the proxy's.
 */
class ClientAddress extends HttpFilter {

    static final String OUTSIDE_HTTP = "本机";

    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

    static String current() {
        String address = CURRENT.get();
        return address == null ? OUTSIDE_HTTP : address;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        CURRENT.set(request.getRemoteAddr());
        try {
            chain.doFilter(request, response);
        } finally {
            CURRENT.remove();
        }
    }
}
