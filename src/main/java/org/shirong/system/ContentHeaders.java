package org.shirong.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What Shirong's own answers ({@code /api/*}, {@code /shirong/*}) tell the browser about their content: every answer
 * {@code X-Content-Type-Options: nosniff} (a photo is shown as the image it says it is, never run as a page), and an HTML
 * answer a Content-Security-Policy: Shirong's pages ({@code /shirong/*}) run only their own scripts and styles and show
 * only their own images and the map's tiles; a document ({@code /api/documents/{id}}) runs nothing and loads nothing but
 * images. Either may be framed only by Shirong itself (the map in the 驾驶舱). A controller that sets nosniff itself
 * (责任区 photos) keeps one header.
 */
class ContentHeaders extends HttpFilter {

    static final String NOSNIFF = "X-Content-Type-Options";
    static final String POLICY = "Content-Security-Policy";
    static final String DOCUMENT_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; "
            + "base-uri 'none'; form-action 'none'; frame-ancestors 'self'";
    private static final Pattern ORIGIN = Pattern.compile("^(https?://)([^/?#]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern HOST_SOURCE = Pattern.compile("^(\\*\\.)?[^*{}]+$");

    private final String pagePolicy;

    /** {@code tiles}: the map's tile URL template ({@code shirong.map.tiles}), whose server the pages may show images of. */
    ContentHeaders(String tiles) {
        this.pagePolicy = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:"
                + tileSource(tiles) + "; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; "
                + "form-action 'self'; frame-ancestors 'self'";
    }

    /** The tile server as a CSP source: " http://10.0.0.8", " https://*.tile.example.org" for a {s} subdomain; "" for none. */
    static String tileSource(String tiles) {
        Matcher origin = ORIGIN.matcher(tiles == null ? "" : tiles.strip());
        if (!origin.find()) {
            return ""; // no tiles, or tiles of Shirong's own server ('self')
        }
        String host = origin.group(2).replaceAll("\\{[^}]*}", "*");
        return " " + (HOST_SOURCE.matcher(host).matches() ? origin.group(1) + host : origin.group(1).replace("//", ""));
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader(NOSNIFF, "nosniff");
        String path = request.getRequestURI().substring(request.getContextPath().length());
        chain.doFilter(request, new Declared(response, path.startsWith("/shirong/") ? pagePolicy : DOCUMENT_POLICY));
    }

    /** The response, which adds the policy once it is known to be HTML and keeps one nosniff header. */
    private static final class Declared extends HttpServletResponseWrapper {

        private final String policy;

        Declared(HttpServletResponse response, String policy) {
            super(response);
            this.policy = policy;
        }

        @Override
        public void setContentType(String type) {
            super.setContentType(type);
            declare(type);
        }

        @Override
        public void setHeader(String name, String value) {
            super.setHeader(name, value);
            if ("Content-Type".equalsIgnoreCase(name)) {
                declare(value);
            }
        }

        @Override
        public void addHeader(String name, String value) {
            if (NOSNIFF.equalsIgnoreCase(name)) {
                super.setHeader(name, value);
                return;
            }
            super.addHeader(name, value);
            if ("Content-Type".equalsIgnoreCase(name)) {
                declare(value);
            }
        }

        private void declare(String type) {
            if (type != null && type.strip().toLowerCase(Locale.ROOT).startsWith("text/html") && !containsHeader(POLICY)) {
                super.setHeader(POLICY, policy);
            }
        }
    }
}
