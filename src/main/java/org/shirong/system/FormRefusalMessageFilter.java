package org.shirong.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Takes the engine's English lead-in ("Cannot submit task form 8b1c…: ") off the message of a refused
 * form, so that staff read only the Chinese reason Shirong gave: Tasklist shows the message as it comes.
 * Only 400 answers to form submissions and task completions are touched; the rest passes unchanged.
 */
class FormRefusalMessageFilter extends HttpFilter {

    private static final ObjectMapper JSON = new ObjectMapper();
    // Ids may hold colons (CampaignProcess:3:…) but no ": ", so the lead-in ends at the first ": ".
    private static final Pattern ENGINE_LEAD_IN = Pattern.compile(
            "^(?:Cannot submit task form|Cannot instantiate process definition|Cannot complete task) \\S+?: ");

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String uri = request.getRequestURI();
        if (!"POST".equals(request.getMethod()) || !(uri.endsWith("/submit-form") || uri.endsWith("/complete"))) {
            chain.doFilter(request, response);
            return;
        }
        ContentCachingResponseWrapper cached = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(request, cached);
            if (cached.getStatus() == HttpServletResponse.SC_BAD_REQUEST) {
                byte[] shortened = withoutLeadIn(cached.getContentAsByteArray());
                if (shortened != null) {
                    cached.resetBuffer();
                    cached.getOutputStream().write(shortened);
                }
            }
        } finally {
            cached.copyBodyToResponse();
        }
    }

    /** The error body with its message shortened, or null when there is nothing to take off. */
    static byte[] withoutLeadIn(byte[] body) {
        JsonNode error;
        try {
            error = JSON.readTree(body);
        } catch (IOException notJson) {
            return null;
        }
        if (!(error instanceof ObjectNode object) || !object.path("message").isTextual()) {
            return null;
        }
        Matcher leadIn = ENGINE_LEAD_IN.matcher(object.get("message").asText());
        if (!leadIn.find()) {
            return null;
        }
        object.put("message", leadIn.replaceFirst(""));
        try {
            return JSON.writeValueAsBytes(object);
        } catch (IOException cannotHappen) {
            return null;
        }
    }
}
