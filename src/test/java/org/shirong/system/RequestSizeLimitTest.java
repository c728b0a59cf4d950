package org.shirong.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Request bodies are bounded before anyone reads them, authentication included: an anonymous body
 * over the small limit, and any body over the large limit, declared or streamed without a length,
 * is answered 413 with the limit in the message, and memory is not spent on it.
 */
@ShirongWebTest
@SharesSpringContext
class RequestSizeLimitTest {

    @LocalServerPort
    int port;

    private String send(String head, byte[] chunk, long chunks) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            try {
                for (long i = 0; i < chunks; i++) {
                    out.write(chunk);
                }
                out.flush();
            } catch (IOException closedByServer) {
                // the server answered and closed before the whole body was sent, as it should
            }
            return answer(socket.getInputStream());
        }
    }

    /** The answer up to the end of its JSON body: the server may keep the connection open to drain the rest. */
    private static String answer(InputStream in) throws IOException {
        StringBuilder text = new StringBuilder();
        byte[] buffer = new byte[4096];
        int n;
        while ((n = in.read(buffer)) > 0) {
            text.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
            int body = text.indexOf("\r\n\r\n");
            if (body >= 0 && text.indexOf("}", body) > 0) {
                break;
            }
        }
        return text.toString();
    }

    @Test
    void anAnonymousDeclaredHugeBodyIsRefusedBeforeAnythingReadsIt() throws IOException {
        String answer = send("POST /engine-rest/task HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Content-Length: 629145600\r\nConnection: close\r\n\r\n", new byte[1024], 4);
        assertThat(answer).startsWith("HTTP/1.1 413").contains("64 KB");
    }

    @Test
    void everyPathBoundsAnAnonymousBodyBeforeAuthentication() throws IOException {
        // 2.5 MB in 64 KB chunks, ended properly: what the server does not read it drains and discards.
        byte[] chunked = (("10000\r\n" + " ".repeat(0x10000) + "\r\n").repeat(40) + "0\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        for (String path : List.of("/api/cases", "/api/cases/import", "/api/campaigns", "/camunda/api/engine/engine/default/task",
                "/camunda/api/engine/engine/default/task/count", "/camunda/api/admin/auth/user/default/login/tasklist",
                "/engine-rest/filter/create")) {
            String declared = send("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 629145600\r\nConnection: close\r\n\r\n", new byte[1024], 4);
            assertThat(declared).as(path).startsWith("HTTP/1.1 413").contains("64 KB");
            String madeUpSession = send("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Cookie: JSESSIONID=0123456789ABCDEF0123456789ABCDEF\r\nContent-Length: 41943040\r\nConnection: close\r\n\r\n",
                    new byte[1024], 4);
            assertThat(madeUpSession).as(path + " with a made-up session cookie").startsWith("HTTP/1.1 413").contains("64 KB");
            String streamed = send("POST " + path + " HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n",
                    chunked, 1);
            assertThat(streamed).as(path + " streamed").matches("(?s)HTTP/1.1 (401|403|413).*");
        }
    }

    @Test
    void aBodyStreamedWithoutALengthStopsBeingReadAtTheLimit() throws IOException {
        byte[] chunk = ("100000\r\n" + " ".repeat(0x100000) + "\r\n").getBytes(StandardCharsets.US_ASCII);
        String credentials = java.util.Base64.getEncoder().encodeToString("chengguan1:demo".getBytes(StandardCharsets.UTF_8));
        String answer = send("POST /api/cases HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Authorization: Basic " + credentials + "\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n", chunk, 40);
        assertThat(answer).startsWith("HTTP/1.1 413").contains("30 MB");
        // a query to the engine never needs more than its own, smaller limit
        String query = send("POST /engine-rest/task HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Authorization: Basic " + credentials + "\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n", chunk, 40);
        assertThat(query).startsWith("HTTP/1.1 413").contains("256 KB");

        String anonymous = send("POST /engine-rest/task HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n", chunk, 40);
        assertThat(anonymous).as("refused before its body is read").matches("(?s)HTTP/1.1 (401|413).*");
    }

    @Test
    void anAuthenticatedBodyOverTheLimitIsRefusedWithTheLimitInTheMessage() throws IOException {
        String credentials = java.util.Base64.getEncoder().encodeToString("chengguan1:demo".getBytes(StandardCharsets.UTF_8));
        byte[] chunk = new byte[1024 * 1024];
        Arrays.fill(chunk, (byte) ' ');
        String answer = send("POST /api/cases HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Authorization: Basic " + credentials + "\r\nContent-Length: 41943040\r\nConnection: close\r\n\r\n", chunk, 2);
        assertThat(answer).startsWith("HTTP/1.1 413").contains("30 MB");
        String query = send("POST /engine-rest/task HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Authorization: Basic " + credentials + "\r\nContent-Length: 41943040\r\nConnection: close\r\n\r\n", chunk, 2);
        assertThat(query).startsWith("HTTP/1.1 413").contains("256 KB");
    }
}
