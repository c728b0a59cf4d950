package org.shirong.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * Refuses a changing request (POST, PUT, PATCH, DELETE) that a browser sends on behalf of another website. The
 * webapps' session has its CSRF token, but a browser also replays HTTP Basic credentials its user once typed in (the
 * login box of the case page, say) with any form another site submits to Shirong. Such a request is recognised by what
 * the browser itself adds and no page can forge: {@code Sec-Fetch-Site} other than same-origin or none, or, from
 * browsers without it, an {@code Origin} naming another host, or, from old engines that send neither on a form post
 * (the IE mode of the "双核" browsers still common on government PCs), a {@code Referer} naming another host or none
 * that can be read (s53 S6); the scheme counts too ({@code http://} is another site to an HTTPS Shirong). Clients that are not browsers (scripts, the import tool) send none of the three and are not
 * affected; neither is a {@code Referer} of Shirong's own pages.
 */
class CrossSiteRequestGuard extends HttpFilter {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
    private static final Set<String> OWN_SITE = Set.of("same-origin", "none");

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (SAFE_METHODS.contains(request.getMethod().toUpperCase(Locale.ROOT)) || !fromAnotherSite(request)) {
            chain.doFilter(request, response);
            return;
        }
        JsonErrors.write(response, HttpServletResponse.SC_FORBIDDEN, "CROSS_SITE_REQUEST",
                "拒绝来自其他网站的提交：请直接在 Shirong 的页面中操作。");
    }

    static boolean fromAnotherSite(HttpServletRequest request) {
        String fetchSite = request.getHeader("Sec-Fetch-Site");
        if (fetchSite != null) {
            return !OWN_SITE.contains(fetchSite.strip().toLowerCase(Locale.ROOT));
        }
        String origin = request.getHeader("Origin");
        if (origin != null) {
            return !sameSite(origin, request);
        }
        String referer = request.getHeader("Referer");
        return referer != null && !sameSite(originOf(referer), request);
    }

    /**
     * The scheme and host of a referring page's address, without its path and query: what an old browser puts there
     * (unencoded Chinese, spaces, braces) need not be a URI Java reads for the page to be Shirong's own.
     */
    private static String originOf(String referer) {
        String address = referer.strip();
        int hostAt = address.indexOf("://");
        if (hostAt < 0) {
            return address;
        }
        int end = hostAt + 3;
        while (end < address.length() && "/?#".indexOf(address.charAt(end)) < 0) {
            end++;
        }
        return address.substring(0, end);
    }

    /**
     * The origin's (or referring page's) scheme, host and port against the request's: its scheme as it reached Shirong
     * (behind a reverse proxy ending HTTPS, the proxy's {@code X-Forwarded-Proto}, which Tomcat applies with
     * {@code server.forward-headers-strategy: native}), and the Host header the browser sent (a proxy in front keeps it,
     * or says so). A page served over plain HTTP under the site's name is another site (secreview-s59 S7).
     */
    private static boolean sameSite(String origin, HttpServletRequest request) {
        String host = request.getHeader("Host");
        if (host == null) {
            return false;
        }
        try {
            URI uri = URI.create(origin.strip());
            if (uri.getHost() == null) {
                return false; // "null": a sandboxed frame or a file
            }
            if (!request.getScheme().equalsIgnoreCase(uri.getScheme())) {
                return false;
            }
            String authority = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
            return authority.equalsIgnoreCase(host.strip()) || withoutDefaultPort(host, uri.getScheme()).equalsIgnoreCase(authority);
        } catch (IllegalArgumentException unreadable) {
            return false;
        }
    }

    private static String withoutDefaultPort(String host, String scheme) {
        String h = host.strip();
        String defaultPort = "https".equalsIgnoreCase(scheme) ? ":443" : ":80";
        return h.endsWith(defaultPort) ? h.substring(0, h.length() - defaultPort.length()) : h;
    }
}
