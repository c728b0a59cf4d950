package org.shirong.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;
import org.springframework.web.filter.ShallowEtagHeaderFilter;

/**
 * How long the browser keeps the scripts, styles and pictures of the pages (jtreview-s59 T13). A webjar named with its
 * version ({@code /webjars/echarts/5.3.1/…}) never changes: a year, immutable. Every other asset (a versionless webjar,
 * the Camunda webapps' {@code /camunda/app|lib|assets/…}, a Cockpit plugin's {@code …/plugin/…/static/…}) changes with an
 * upgrade of Shirong under the same address, so the browser asks each time ({@code no-cache}) and gets a 304 for an
 * unchanged one by its weak ETag (weak, so that Tomcat still gzips it). Pages and answers of {@code /api},
 * {@code /engine-rest} and the webapps' APIs are not assets and get nothing here.
 */
class StaticAssetCaching extends ShallowEtagHeaderFilter {

    static final String IMMUTABLE = "public, max-age=31536000, immutable";
    static final String REVALIDATE = "no-cache";
    private static final Pattern VERSIONED_WEBJAR = Pattern.compile("^/webjars/[^/]+/\\d+(\\.[\\w-]+)*/.+");
    private static final Pattern ASSET = Pattern.compile(
            "^(/webjars/.+|/camunda/(app|lib|assets)/.+|/camunda/api/[^/]+/plugin/[^/]+/static/.+)"
                    + "\\.(js|css|json|svg|png|gif|jpg|ico|woff2?|ttf|eot|map)$");

    StaticAssetCaching() {
        setWriteWeakETag(true);
    }

    /** The Cache-Control for an asset at {@code path} (without context path), or null for anything else. */
    static String cacheControl(String path) {
        if (!ASSET.matcher(path).matches()) {
            return null;
        }
        return VERSIONED_WEBJAR.matcher(path).matches() ? IMMUTABLE : REVALIDATE;
    }

    /**
     * The path the request is served by, decoded and normalised as the servlet container maps it (servlet path and path
     * info): not the raw request URI, whose {@code ..} segments, escapes and {@code ;} parameters would let an address be
     * classified as another asset than the one it serves ({@code /webjars/x/1.0/../y.js} kept a year as a versioned
     * webjar) or an answer as an asset ({@code /camunda/app/../api/…/count.json}).
     */
    static String servedPath(HttpServletRequest request) {
        String pathInfo = request.getPathInfo();
        return request.getServletPath() + (pathInfo == null ? "" : pathInfo);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String cacheControl = cacheControl(servedPath(request));
        if (cacheControl == null || !"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
            chain.doFilter(request, response);
            return;
        }
        response.setHeader("Cache-Control", cacheControl);
        if (cacheControl.equals(IMMUTABLE)) {
            chain.doFilter(request, response);
        } else {
            super.doFilterInternal(request, response, chain);
        }
    }
}
