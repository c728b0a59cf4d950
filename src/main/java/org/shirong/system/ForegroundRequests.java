package org.shirong.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UrlPathHelper;

/**
 * The requests people are waiting for on this node, so that bulk work in the background can give way to them (issue
 * 13, W2: on two cores an import's workers made a single report take three times as long). Every HTTP request counts
 * from the moment it reaches the application until it is answered ({@code /api}, {@code /engine-rest}, the webapps),
 * except the uploads of an import themselves ({@code POST …/import}), which are the bulk work. Background work calls
 * {@link #awaitNone} before each step; a request holds it back only during its first {@code longest}, and one wait
 * never lasts longer, so a slow or long-polling request, or a steady stream of them, cannot stop the work.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ForegroundRequests extends HttpFilter {

    /** A request in flight and when it began ({@link System#nanoTime}); identity, not value, is its key. */
    private static final class InFlight {
        final long since = System.nanoTime();
    }

    /** The request the current thread is answering, which never holds back what it does itself. */
    private static final ThreadLocal<InFlight> OWN = new ThreadLocal<>();
    /** How the current thread gives way when it is background work ({@link #asBackground}); null for any other thread. */
    private static final ThreadMark<Runnable> GIVE_WAY = new ThreadMark<>();

    private final Set<InFlight> inFlight = ConcurrentHashMap.newKeySet();
    private final AtomicInteger waiting = new AtomicInteger();
    private final Object answered = new Object();

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if ("POST".equals(request.getMethod())
                && UrlPathHelper.defaultInstance.getPathWithinApplication(request).endsWith("/import")) {
            chain.doFilter(request, response);
            return;
        }
        InFlight mine = new InFlight();
        inFlight.add(mine);
        OWN.set(mine);
        try {
            chain.doFilter(request, response);
        } finally {
            OWN.remove();
            inFlight.remove(mine);
            if (waiting.get() > 0) {
                synchronized (answered) {
                    answered.notifyAll();
                }
            }
        }
    }

    /**
     * Returns once no request that began less than {@code longest} ago is in flight, or after {@code longest}; true
     * when it had to wait. Called while answering a request, that request is not waited for.
     */
    public boolean awaitNone(Duration longest) {
        long limit = longest.toNanos();
        long start = System.nanoTime();
        if (youngestSince(start - limit) == null) {
            return false;
        }
        waiting.incrementAndGet();
        try {
            synchronized (answered) {
                for (long now = start; ; now = System.nanoTime()) {
                    Long since = youngestSince(now - limit);
                    long until = since == null ? now : Math.min(start + limit, since + limit);
                    if (until - now <= 0) {
                        return true;
                    }
                    TimeUnit.NANOSECONDS.timedWait(answered, until - now);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        } finally {
            waiting.decrementAndGet();
        }
    }

    /**
     * Does {@code work} on the current thread as background work: the steps deep inside it that know nothing of it, such
     * as each part of the engine's flush ({@link EngineEntityManager}), call {@link #giveWay}, which then waits as
     * {@link #awaitNone} does with {@code longest}.
     */
    public <T> T asBackground(Duration longest, Supplier<T> work) {
        return givingWay(() -> awaitNone(longest), work);
    }

    /** Does {@code work} on the current thread, where {@link #giveWay} runs {@code giveWay}. */
    static <T> T givingWay(Runnable giveWay, Supplier<T> work) {
        return GIVE_WAY.around(giveWay, work);
    }

    /** On a thread doing background work ({@link #asBackground}), waits for the requests in flight; otherwise nothing. */
    public static void giveWay() {
        Runnable giveWay = GIVE_WAY.get();
        if (giveWay != null) {
            giveWay.run();
        }
    }

    /** How many threads are waiting in {@link #awaitNone} now. */
    public int waiting() {
        return waiting.get();
    }

    /** When the youngest request in flight that began after {@code after} began; null when there is none. */
    private Long youngestSince(long after) {
        InFlight own = OWN.get();
        Long youngest = null;
        for (InFlight request : inFlight) {
            if (request != own && request.since - after > 0 && (youngest == null || request.since - youngest > 0)) {
                youngest = request.since;
            }
        }
        return youngest;
    }
}
