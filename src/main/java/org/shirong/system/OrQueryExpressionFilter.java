package org.shirong.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;

/**
 * Rejects task queries (ad hoc, filter executions and stored filters) whose {@code orQueries}
 * carry expressions: Camunda 7.24 CE does not apply its "no expressions in queries" setting there
 * (2026 advisory), so they are refused before they reach the engine.
 */
class OrQueryExpressionFilter extends HttpFilter {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String contentType = request.getContentType();
        if (contentType == null || !contentType.toLowerCase().contains("json")) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body = request.getInputStream().readAllBytes();
        if (carriesOrQueryExpression(body)) {
            JsonErrors.write(response, HttpServletResponse.SC_BAD_REQUEST, "OR_QUERY_EXPRESSION_REJECTED",
                    "任务查询的 orQueries 中不允许使用表达式。");
            return;
        }
        chain.doFilter(new CachedBodyRequest(request, body), response);
    }

    static boolean carriesOrQueryExpression(byte[] body) {
        if (body.length == 0 || !new String(body, StandardCharsets.UTF_8).contains("orQueries")) {
            return false;
        }
        try {
            return containsOrQueryExpression(JSON.readTree(body), false);
        } catch (IOException unparsable) {
            return true;
        }
    }

    private static boolean containsOrQueryExpression(JsonNode node, boolean insideOrQueries) {
        if (node.isTextual()) {
            String text = node.asText();
            return insideOrQueries && (text.contains("${") || text.contains("#{"));
        }
        if (node.isArray()) {
            for (JsonNode element : node) {
                if (containsOrQueryExpression(element, insideOrQueries)) {
                    return true;
                }
            }
            return false;
        }
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (insideOrQueries && field.getKey().endsWith("Expression") && !field.getValue().isNull()) {
                return true;
            }
            boolean inside = insideOrQueries || "orQueries".equals(field.getKey());
            if (containsOrQueryExpression(field.getValue(), inside)) {
                return true;
            }
        }
        return false;
    }

    /** Serves a body that this filter already read. */
    private static final class CachedBodyRequest extends HttpServletRequestWrapper {

        private final byte[] body;

        CachedBodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("同步读取");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
