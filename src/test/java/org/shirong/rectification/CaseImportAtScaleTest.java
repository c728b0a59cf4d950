package org.shirong.rectification;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shirong.system.ShirongJvm;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.http.ResponseEntity;

/**
 * A large import in a small heap, in a separate JVM on the embedded default database ({@link ShirongJvm}): 2,000 rows
 * are imported whole in a heap of {@link #HEAP} (one transaction for all rows held a command context per row and ran
 * out of memory), a single report sent while they are being created is answered before the import ends, and an
 * import cut off by {@code kill -9} half-way is finished after the restart with one case per row, never half-done
 * nor doubled. (Imports are not timed here; their rate is the benchmark's.)
 */
class CaseImportAtScaleTest {

    private static final Duration START = Duration.ofSeconds(120);
    private static final String HEAP = "384m";
    private static final int ROWS = 1_000;
    private static final int CUT_ROWS = 400;

    @TempDir
    Path workDir;

    @Test
    void aLargeImportRunsInASmallHeapBesideSingleReportsAndIsFinishedAfterAKillNine() throws Exception {
        try (ShirongJvm node = ShirongJvm.in(workDir, "import").maxHeap(HEAP).start().awaitReady(START)) {
            TestRestTemplate admin = patient(node);
            long before = total(admin);
            CompletableFuture<ResponseEntity<Map>> importing = CompletableFuture.supplyAsync(() -> upload(admin, csv("BIG-", ROWS)));
            awaitTotalAbove(admin, before, importing);
            ResponseEntity<Map> single = node.as("lvrong1", "demo").postForEntity("/api/cases", CaseApiTest.json("""
                    {"title":"沪亭北路乱设摊","category":"ILLEGAL_STALL","urgency":"NORMAL","source":"PATROL",
                     "location":{"address":"沪亭北路 100 号"},"externalRef":"SINGLE-DURING-IMPORT"}
                    """), Map.class);
            boolean importStillRunning = !importing.isDone();
            assertThat(single.getStatusCode().value()).isEqualTo(201);
            assertThat(importStillRunning).as("the single report was answered before the import ended").isTrue();
            ResponseEntity<Map> imported = importing.get(10, TimeUnit.MINUTES);
            assertThat(imported.getStatusCode().value()).as("%s%n%s", imported.getBody(), node.logTail()).isEqualTo(200);
            assertThat(imported.getBody()).containsEntry("created", ROWS).containsEntry("skipped", 0);
            assertThat(node.log()).doesNotContain("OutOfMemoryError");

            long beforeKill = total(admin);
            CompletableFuture<ResponseEntity<Map>> cut = CompletableFuture.supplyAsync(() -> upload(admin, csv("CUT-", CUT_ROWS)));
            awaitTotalAbove(admin, beforeKill + 100, cut);
            node.kill();
            assertThat(cut.handle((answer, failure) -> answer == null || !answer.getStatusCode().is2xxSuccessful()).get())
                    .as("the import cut off by kill -9 did not answer 2xx").isTrue();
        }
        try (ShirongJvm node = ShirongJvm.in(workDir, "import-restarted").maxHeap(HEAP).start().awaitReady(START)) {
            TestRestTemplate admin = patient(node);
            ResponseEntity<Map> again = waitForFinishedImport(admin);
            assertThat(again.getBody()).as("every row of the cut-off import has its case, once").containsEntry("created", 0)
                    .containsEntry("skipped", CUT_ROWS);
            assertThat(total(admin)).isEqualTo(ROWS + 1L + CUT_ROWS);
            // 通知牵头单位 once per import, counting every case, those made before the kill and after the restart
            List<Map<String, Object>> inbox = awaitImportDigests(node.as("chengguan2", "demo"), 2);
            assertThat(inbox).filteredOn(m -> "cases-imported".equals(m.get("template"))).extracting(m -> (String) m.get("subject"))
                    .containsExactlyInAnyOrder("【案件派遣】本次导入向贵单位派发 " + ROWS + " 件",
                            "【案件派遣】本次导入向贵单位派发 " + CUT_ROWS + " 件");
            assertThat(inbox).filteredOn(m -> "case-dispatched".equals(m.get("template")))
                    .noneMatch(m -> ((String) m.get("body")).contains("占道经营"));
        }
    }

    /** The admin over HTTP, waiting as long as an import may take to answer. */
    private static TestRestTemplate patient(ShirongJvm node) {
        return new TestRestTemplate(new RestTemplateBuilder().rootUri("http://localhost:" + node.port())
                .readTimeout(Duration.ofMinutes(10))).withBasicAuth("admin", "admin");
    }

    /** Uploads the cut-off file again until the restarted node has finished it (then every row is skipped). */
    private static ResponseEntity<Map> waitForFinishedImport(TestRestTemplate admin) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (total(admin) < ROWS + 1L + CUT_ROWS && System.nanoTime() < deadline) {
            Thread.sleep(500);
        }
        return upload(admin, csv("CUT-", CUT_ROWS));
    }

    /**
     * The inbox once it holds {@code count} import digests (or after a minute): the restarted node's finisher marks the
     * import finished, and queues the digest, in a transaction of its own just after the last chunk's cases commit.
     */
    private static List<Map<String, Object>> awaitImportDigests(TestRestTemplate user, int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (true) {
            List<Map<String, Object>> inbox = user.getForObject("/api/notifications?limit=200", List.class);
            if (inbox.stream().filter(m -> "cases-imported".equals(m.get("template"))).count() >= count
                    || System.nanoTime() > deadline) {
                return inbox;
            }
            Thread.sleep(200);
        }
    }

    private static void awaitTotalAbove(TestRestTemplate admin, long floor, CompletableFuture<?> importing) throws InterruptedException {
        while (total(admin) <= floor) {
            assertThat(importing.isDone()).as("import ended before its cases were seen: %s", importing).isFalse();
            Thread.sleep(100);
        }
    }

    private static long total(TestRestTemplate admin) {
        ResponseEntity<Map> page = admin.getForEntity("/api/cases?size=1", Map.class);
        assertThat(page.getStatusCode().value()).as("%s", page.getBody()).isEqualTo(200);
        return ((Number) page.getBody().get("total")).longValue();
    }

    private static String csv(String prefix, int rows) {
        StringBuilder csv = new StringBuilder("externalRef,category,title,location,description,urgency\n");
        for (int i = 0; i < rows; i++) {
            csv.append(prefix).append(i).append(",ILLEGAL_STALL,占道经营 ").append(i).append(",九亭大街 ").append(i)
                    .append(" 号,,一般\n");
        }
        return csv.toString();
    }

    private static ResponseEntity<Map> upload(TestRestTemplate admin, String csv) {
        return CsvUpload.post(admin, "/api/cases/import?organization=jiuting", csv.getBytes(StandardCharsets.UTF_8), "import.csv");
    }
}
