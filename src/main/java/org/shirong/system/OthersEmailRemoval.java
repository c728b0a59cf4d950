package org.shirong.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Takes other people's e-mail addresses out of the user directory as staff read it (engine REST and
 * the webapps' API): colleagues see each other's names, only administrators see addresses, and
 * everyone sees their own. A second layer: {@link OthersEmailGuard} does this where the engine runs
 * the user query. Matches the decoded path without path parameters ({@code /user;x=1} is {@code /user}).
 */
class OthersEmailRemoval extends HttpFilter {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern USER_RESOURCE = Pattern.compile(".*/user(?:/[^/]+(?:/profile)?)?/?$");

    private final IdentityService identityService;

    OthersEmailRemoval(IdentityService identityService) {
        this.identityService = identityService;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!"GET".equals(request.getMethod()) || !USER_RESOURCE.matcher(path(request)).matches()) {
            chain.doFilter(request, response);
            return;
        }
        String caller = caller(request);
        ContentCachingResponseWrapper cached = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(request, cached);
            if (cached.getStatus() == 200 && !administrator(caller)) {
                byte[] cleaned = withoutOthersEmail(cached.getContentAsByteArray(), caller);
                if (cleaned != null) {
                    cached.resetBuffer();
                    cached.getOutputStream().write(cleaned);
                }
            }
        } finally {
            cached.copyBodyToResponse();
        }
    }

    private static String path(HttpServletRequest request) {
        return request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
    }

    static byte[] withoutOthersEmail(byte[] body, String caller) throws IOException {
        JsonNode users;
        try {
            users = JSON.readTree(body);
        } catch (IOException notJson) {
            return null;
        }
        if (users == null) {
            return null;
        }
        for (JsonNode user : users.isArray() ? users : JSON.createArrayNode().add(users)) {
            if (user instanceof ObjectNode record && !record.path("id").asText("").equals(caller)) {
                record.remove("email");
            }
        }
        return JSON.writeValueAsBytes(users);
    }

    private boolean administrator(String caller) {
        return caller != null && identityService.createUserQuery().userId(caller).memberOfGroup(Groups.CAMUNDA_ADMIN).count() > 0;
    }

    /** The user making the call: HTTP Basic for the engine REST API, the webapp session otherwise. */
    private static String caller(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                return colon < 0 ? null : decoded.substring(0, colon);
            } catch (IllegalArgumentException malformed) {
                return null;
            }
        }
        HttpSession session = request.getSession(false);
        Authentications authentications = session == null ? null : AuthenticationUtil.getAuthsFromSession(session);
        if (authentications == null) {
            return null;
        }
        return authentications.getAuthentications().stream().map(Authentication::getName).findFirst().orElse(null);
    }
}
