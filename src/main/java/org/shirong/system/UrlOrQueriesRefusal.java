package org.shirong.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The engine API reads {@code orQueries} only from a POST body; given as a URL parameter of a GET query
 * it fails with a 500 ("argument type mismatch"). This answers such a request 400 with a Chinese message
 * instead. It is not a security layer: expressions are refused in the engine ({@link QueryExpressionGuard}).
 */
class UrlOrQueriesRefusal extends HttpFilter {

    static final String MESSAGE = "orQueries 不能作为网址参数，请用 POST 请求在正文（JSON）中提交。";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if ("GET".equals(request.getMethod()) && request.getParameterMap().containsKey("orQueries")) {
            JsonErrors.write(response, HttpServletResponse.SC_BAD_REQUEST, "INVALID_QUERY_PARAMETER", MESSAGE);
            return;
        }
        chain.doFilter(request, response);
    }
}
