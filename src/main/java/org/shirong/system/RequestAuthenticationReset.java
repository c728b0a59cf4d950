package org.shirong.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every request (and its async and error dispatches) starts and ends anonymous: the engine's authentication
 * ({@link IdentityService#setAuthentication}) and the webapps' {@link Authentications} live in thread-locals of the
 * server's reused worker threads, and only the login filters ({@link ApiAuthenticationFilter},
 * {@link CachedIdentityRestFilter}, Camunda's webapp filter) set them — for their own paths. A user left on a thread
 * by any code that forgot to clear it would otherwise be taken as the caller of a later request on a path no login
 * filter covers. Registered first, for all paths; such a leftover is cleared and logged (with its path, to find the
 * code that left it).
 */
class RequestAuthenticationReset extends HttpFilter {

    private static final Logger LOG = LoggerFactory.getLogger(RequestAuthenticationReset.class);

    private final IdentityService identityService;
    private final AtomicLong leftoversCleared = new AtomicLong();

    RequestAuthenticationReset(IdentityService identityService) {
        this.identityService = identityService;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Authentication leftover = identityService.getCurrentAuthentication();
        if (leftover != null || Authentications.getCurrent() != null) {
            leftoversCleared.incrementAndGet();
            LOG.warn("请求 {} {}（{}）开始时线程上留有登录身份 {}，已清除", request.getMethod(), request.getRequestURI(),
                    request.getDispatcherType(), leftover == null ? "(webapp)" : leftover.getUserId());
        }
        clear();
        try {
            chain.doFilter(request, response);
        } finally {
            clear();
        }
    }

    private void clear() {
        identityService.clearAuthentication();
        Authentications.clearCurrent();
    }

    /** How many requests found a user left on their thread (each is also logged). */
    long leftoversCleared() {
        return leftoversCleared.get();
    }
}
