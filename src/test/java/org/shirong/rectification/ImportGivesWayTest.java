package org.shirong.rectification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.shirong.system.ForegroundRequests;
import org.shirong.system.ShirongWebTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * A single report ({@code POST /api/cases}) sent while an import is creating its cases is not held behind the import
 * (issue 13, W2): the import's workers stop before their next row while the report is being answered, and go on once
 * it is. The report here is sent over a plain socket and its body held back, so that it stays in flight as long as the
 * test wants; a request holds an import back at most {@code import-yield-max-ms}, set long here so the test decides.
 */
@ShirongWebTest
@TestPropertySource(properties = "shirong.rectification.import-yield-max-ms=60000")
class ImportGivesWayTest {

    private static final int ROWS = 600;

    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ForegroundRequests foreground;
    @LocalServerPort
    int port;

    @Test
    void anImportsWorkersStopWhileAReportIsAnsweredAndTheReportGetsItsCaseBeforeTheImportGoesOn() throws Exception {
        CompletableFuture<ResponseEntity<Map>> importing = CompletableFuture.supplyAsync(() -> upload("GIVE-", ROWS));
        while (importedCases() == 0) {
            assertThat(importing.isDone()).as("import ended before its first chunk was seen: %s", importing).isFalse();
            Thread.sleep(10);
        }
        String body = """
                {"title":"沪亭北路乱设摊","category":"ILLEGAL_STALL","urgency":"NORMAL","source":"PATROL",
                 "location":{"address":"沪亭北路 100 号"},"externalRef":"GIVE-WAY-REPORT"}""";
        byte[] json = body.getBytes(StandardCharsets.UTF_8);
        try (Socket report = new Socket("localhost", port)) {
            OutputStream out = report.getOutputStream();
            out.write(("POST /api/cases HTTP/1.1\r\nHost: localhost\r\nAuthorization: Basic "
                    + Base64.getEncoder().encodeToString("lvrong1:demo".getBytes(StandardCharsets.UTF_8))
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + json.length + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(json, 0, 10); // the rest of the body later: the report stays in flight until then
            out.flush();
            while (foreground.waiting() < 2) {
                assertThat(importing.isDone()).as("import ended while the report was in flight: %s", importing).isFalse();
                Thread.sleep(5);
            }
            long whileReporting = importedCases();
            Thread.sleep(300);
            assertThat(importedCases()).as("imported cases while both workers wait for the report").isEqualTo(whileReporting);
            assertThat(whileReporting).isLessThan(ROWS);

            out.write(json, 10, json.length - 10);
            out.flush();
            String answer = new String(report.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 201");
        }
        assertThat(jdbc.queryForObject("select count(*) from rect_case where external_ref = 'GIVE-WAY-REPORT'"
                + " and process_instance_id is not null", Long.class)).isEqualTo(1);
        ResponseEntity<Map> imported = importing.get(5, TimeUnit.MINUTES);
        assertThat(imported.getBody()).containsEntry("created", ROWS);
        assertThat(importedCases()).isEqualTo(ROWS);
    }

    private long importedCases() {
        return jdbc.queryForObject("select count(*) from rect_case where external_ref like 'GIVE-%'"
                + " and external_ref <> 'GIVE-WAY-REPORT'", Long.class);
    }

    private ResponseEntity<Map> upload(String prefix, int rows) {
        StringBuilder csv = new StringBuilder("externalRef,category,title,location,description,urgency\n");
        for (int i = 0; i < rows; i++) {
            csv.append(prefix).append(i).append(",ILLEGAL_STALL,占道经营 ").append(i).append(",九亭大街 ").append(i % 500)
                    .append(" 号,,一般\n");
        }
        return CsvUpload.post(rest.withBasicAuth("chuangban1", "demo"), "/api/cases/import", csv.toString());
    }
}
