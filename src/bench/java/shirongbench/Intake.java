package shirongbench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * W2: a survey import of {@code rows} rows (the CSV format of POST /api/cases/import) as the administrator, while a
 * reporter keeps reporting single cases (one a second); and the same single report without an import beside it, before
 * the import and after it.
 */
final class Intake {

    record Result(int rows, int status, String answer, double seconds, List<Long> withoutNanos, List<Long> duringNanos,
            double peakHeapMb, List<Long> afterNanos) {
        double rowsPerSecond() {
            return rows / seconds;
        }
    }

    /**
     * Single reports timed without an import, before it and after it: the yardstick of the reports during it (some 30 to
     * 50). Five each left the yardstick's own median to chance (five after one import: 14–38 ms, median 19).
     */
    private static final int WITHOUT_SAMPLES = 15;

    private Intake() {
    }

    static Result importCases(App shirong, String prefix, int rows) throws Exception {
        int warmUpRows = Integer.getInteger("bench.w2WarmUpRows", 0);
        if (warmUpRows > 0) {
            // unmeasured: the first import after a start compiles the code it runs (issue 13: the JIT compiler threads, which
            // do not give way, took a quarter of both cores during the first import's reports)
            Http.Answer warm = shirong.http.postMultipart("导入（预热）", shirong.adminUser(), shirong.adminPassword(),
                    "/api/cases/import?organization=jiuting", "warm-up.csv", csv(prefix + "-warm", warmUpRows));
            if (warm.status() != 200) {
                throw new IllegalStateException("W2 warm-up import answered " + warm.status() + ": " + warm.body());
            }
            shirong.http.take();
        }
        byte[] file = csv(prefix, rows);
        List<Long> without = new ArrayList<>();
        for (int i = 0; i < WITHOUT_SAMPLES; i++) {
            without.add(timed(() -> shirong.create(prefix + "-alone-" + System.nanoTime())));
            Bench.sleep(200);
        }
        shirong.http.take();
        List<Long> during = new ArrayList<>();
        double peak;
        double seconds;
        Http.Answer answer;
        try (BenchJvm.HeapWatch heap = shirong.jvm.watchHeap(Duration.ofMillis(200))) {
            long started = System.nanoTime();
            CompletableFuture<Http.Answer> importing = CompletableFuture.supplyAsync(() -> shirong.http.postMultipart("导入",
                    shirong.adminUser(), shirong.adminPassword(), "/api/cases/import?organization=jiuting", "import.csv", file));
            Bench.sleep(1_000);
            while (!importing.isDone()) {
                during.add(timed(() -> shirong.create(prefix + "-during-" + System.nanoTime())));
                Bench.sleep(1_000);
            }
            answer = importing.get(1, TimeUnit.MINUTES);
            seconds = (System.nanoTime() - started) / 1e9;
            peak = heap.peakMb();
        }
        // the same report once more without an import, on a JVM as warm as during it (the first ones may be its first calls)
        List<Long> after = new ArrayList<>();
        for (int i = 0; i < WITHOUT_SAMPLES; i++) {
            Bench.sleep(200);
            after.add(timed(() -> shirong.create(prefix + "-after-" + System.nanoTime())));
        }
        String body = answer.body() == null ? "" : answer.body();
        return new Result(rows, answer.status(), body.substring(0, Math.min(300, body.length())), seconds, without, during, peak,
                after);
    }

    /** The survey file of {@code rows} rows, references {@code prefix-0} and on. */
    private static byte[] csv(String prefix, int rows) {
        StringBuilder csv = new StringBuilder("externalRef,category,title,location,description,urgency\n");
        for (int i = 0; i < rows; i++) {
            csv.append(prefix).append('-').append(i).append(",ILLEGAL_STALL,占道经营 ").append(i).append(",九亭大街 ")
                    .append(i % 500).append(" 号,,一般\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The anchor's counterpart: {@code count} process starts over REST by four clients; starts per second. */
    static double bulkStart(App anchor, String prefix, int count) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(4);
        long started = System.nanoTime();
        List<Future<String>> starts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String ref = prefix + "-" + i;
            starts.add(clients.submit(() -> anchor.create(ref)));
        }
        int ok = 0;
        for (Future<String> start : starts) {
            if (start.get(30, TimeUnit.MINUTES) != null) {
                ok++;
            }
        }
        clients.shutdown();
        return ok / ((System.nanoTime() - started) / 1e9);
    }

    private static long timed(Runnable call) {
        long started = System.nanoTime();
        call.run();
        return System.nanoTime() - started;
    }
}
