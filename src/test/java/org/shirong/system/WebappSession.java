package org.shirong.system;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * A user logged in to the webapps as Tasklist logs in (session cookie and CSRF token), calling the
 * engine API the webapps use ({@code /camunda/api/engine/engine/default/...}).
 */
public final class WebappSession {

    private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    private final String base;
    private String csrfToken;

    private WebappSession(String base) {
        this.base = base;
    }

    public static WebappSession login(int port, String user, String password) {
        return login(port, "default", user, password);
    }

    /** A login to the engine named {@code engine} (a test's engine may have a generated name). */
    public static WebappSession login(int port, String engine, String user, String password) {
        WebappSession session = new WebappSession("http://localhost:" + port);
        HttpResponse<String> login = session.logIn(engine, user, password);
        if (login.statusCode() != 200) {
            throw new IllegalStateException("login as " + user + " answered " + login.statusCode() + ": " + login.body());
        }
        session.refreshToken();
        return session;
    }

    /** A login to Tasklist in a new session, answered as it is. */
    public static HttpResponse<String> loginAnswer(int port, String engine, String user, String password) {
        return loginAnswer(port, engine, user, password, "tasklist");
    }

    /** A login to the webapp {@code app} ({@code tasklist}, {@code cockpit}, {@code admin}) in a new session, answered as it is. */
    public static HttpResponse<String> loginAnswer(int port, String engine, String user, String password, String app) {
        return new WebappSession("http://localhost:" + port).logIn(engine, user, password, app);
    }

    private HttpResponse<String> logIn(String engine, String user, String password) {
        return logIn(engine, user, password, "tasklist");
    }

    private HttpResponse<String> logIn(String engine, String user, String password, String app) {
        refreshToken();
        return send(HttpRequest.newBuilder(URI.create(base + "/camunda/api/admin/auth/user/" + engine + "/login/" + app))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-XSRF-TOKEN", csrfToken)
                .POST(HttpRequest.BodyPublishers.ofString("username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                        + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8))).build());
    }

    /** A GET of the webapps' own APIs, path after {@code /camunda/api} ({@code /cockpit/...}, {@code /admin/...}). */
    public HttpResponse<String> webappGet(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + "/camunda/api" + path)).GET().build());
    }

    /** A POST to the webapps' own API (Cockpit's plugins), path after {@code /camunda/api}. */
    public HttpResponse<String> webappPost(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(base + "/camunda/api" + path))
                .header("Content-Type", "application/json")
                .header("X-XSRF-TOKEN", csrfToken)
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    /** A call to the webapps' engine API, path after {@code /camunda/api/engine/engine/default}. */
    public HttpResponse<String> post(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(base + "/camunda/api/engine/engine/default" + path))
                .header("Content-Type", "application/json")
                .header("X-XSRF-TOKEN", csrfToken)
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    /** The body as bytes in the charset the content type names, as a client sending UTF-16 or UTF-32 would. */
    public HttpResponse<String> post(String path, byte[] body, String contentType) {
        return send(HttpRequest.newBuilder(URI.create(base + "/camunda/api/engine/engine/default" + path))
                .header("Content-Type", contentType)
                .header("X-XSRF-TOKEN", csrfToken)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    public HttpResponse<String> put(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(base + "/camunda/api/engine/engine/default" + path))
                .header("Content-Type", "application/json")
                .header("X-XSRF-TOKEN", csrfToken)
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    public HttpResponse<String> delete(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + "/camunda/api/engine/engine/default" + path))
                .header("X-XSRF-TOKEN", csrfToken).DELETE().build());
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + "/camunda/api/engine/engine/default" + path)).GET().build());
    }

    private void refreshToken() {
        HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(base + "/camunda/api/engine/engine/")).GET().build());
        csrfToken = page.headers().firstValue("X-XSRF-TOKEN").orElse(csrfToken);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A call to Shirong's own {@code /api} with this session's cookie, with or without its CSRF token. */
    public HttpResponse<String> api(String method, String path, boolean withCsrfToken) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/api" + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (withCsrfToken) {
            request.header("X-XSRF-TOKEN", csrfToken);
        }
        return send(request.build());
    }
}
