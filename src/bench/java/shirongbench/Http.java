package shirongbench;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one HTTP client both applications are driven with: every call is timed under a label, and every answer other
 * than 2xx (or no answer) counts as a failed call.
 */
final class Http {

    static final ObjectMapper JSON = new ObjectMapper();

    record Answer(int status, String body) {
        boolean ok() {
            return status >= 200 && status < 300;
        }

        <T> T read(TypeReference<T> type) {
            try {
                return JSON.readValue(body, type);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON: " + body, e);
            }
        }

        Map<String, Object> object() {
            return read(new TypeReference<>() { });
        }

        List<Map<String, Object>> list() {
            return read(new TypeReference<>() { });
        }
    }

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;
    private final Map<String, List<Long>> timings = new ConcurrentHashMap<>();
    private final List<String> failures = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger calls = new AtomicInteger();

    Http(int port) {
        this.base = "http://localhost:" + port;
    }

    Answer get(String label, String user, String password, String path) {
        return send(label, user, password, HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    Answer postJson(String label, String user, String password, String path, String json) {
        return send(label, user, password, HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** A POST as Tasklist sends its filter queries: JSON in, HAL (tasks with their embedded resources) out. */
    Answer postHal(String label, String user, String password, String path, String json) {
        return send(label, user, password, HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/hal+json")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    Answer postMultipart(String label, String user, String password, String path, String fileName, byte[] content) {
        String boundary = "bench" + System.nanoTime();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + content.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(content, 0, body, head.length, content.length);
        System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
        return send(label, user, password, HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** A deployment over the engine's REST API (multipart: name, tenant if any, one file). */
    Answer postDeployment(String label, String user, String password, String name, String tenant, String fileName, byte[] content) {
        String boundary = "bench" + System.nanoTime();
        StringBuilder head = new StringBuilder();
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        fields.put("deployment-name", name);
        fields.put("deploy-changed-only", "true");
        if (tenant != null) {
            fields.put("tenant-id", tenant);
        }
        fields.forEach((key, value) -> head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"")
                .append(key).append("\"\r\n\r\n").append(value).append("\r\n"));
        head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"data\"; filename=\"").append(fileName)
                .append("\"\r\nContent-Type: application/octet-stream\r\n\r\n");
        byte[] start = head.toString().getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[start.length + content.length + tail.length];
        System.arraycopy(start, 0, body, 0, start.length);
        System.arraycopy(content, 0, body, start.length, content.length);
        System.arraycopy(tail, 0, body, start.length + content.length, tail.length);
        return send(label, user, password, HttpRequest.newBuilder(URI.create(base + "/engine-rest/deployment/create")).header("Content-Type",
                "multipart/form-data; boundary=" + boundary).POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** A call that is neither timed nor counted (set-up and readiness checks). */
    Answer quiet(String user, String password, String path) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10)).GET();
            auth(request, user, password);
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            return new Answer(0, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(0, e.toString());
        }
    }

    private Answer send(String label, String user, String password, HttpRequest.Builder request) {
        auth(request, user, password);
        request.timeout(Duration.ofMinutes(30));
        calls.incrementAndGet();
        long started = System.nanoTime();
        Answer answer;
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            answer = new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            answer = new Answer(0, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            answer = new Answer(0, e.toString());
        }
        timings.computeIfAbsent(label, k -> Collections.synchronizedList(new ArrayList<>())).add(System.nanoTime() - started);
        if (!answer.ok()) {
            String body = answer.body() == null ? "" : answer.body();
            failures.add(label + " → " + answer.status() + " " + body.substring(0, Math.min(300, body.length())));
        }
        return answer;
    }

    private static void auth(HttpRequest.Builder request, String user, String password) {
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
    }

    /** Timings and failures so far, then cleared for the next measurement. */
    Calls take() {
        Map<String, List<Long>> copy = new java.util.TreeMap<>();
        timings.forEach((label, list) -> {
            synchronized (list) {
                copy.put(label, new ArrayList<>(list));
            }
        });
        List<String> failed;
        synchronized (failures) {
            failed = new ArrayList<>(failures);
        }
        Calls result = new Calls(copy, failed, calls.get());
        timings.clear();
        failures.clear();
        calls.set(0);
        return result;
    }

    record Calls(Map<String, List<Long>> timings, List<String> failures, int count) {

        List<Long> all() {
            List<Long> all = new ArrayList<>();
            timings.values().forEach(all::addAll);
            return all;
        }

        static double percentileMs(List<Long> nanos, double p) {
            if (nanos.isEmpty()) {
                return Double.NaN;
            }
            List<Long> sorted = new ArrayList<>(nanos);
            Collections.sort(sorted);
            int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
            return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index))) / 1e6;
        }
    }
}
