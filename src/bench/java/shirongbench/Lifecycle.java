package shirongbench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * W1: cases reported and driven to closure over HTTP by {@code threads} clients: 上报, then 认领案件 and 整改问题 as the
 * lead unit (chengguan1), 核查整改结果 as the inspector (ducha1), each task found, claimed and completed.
 */
final class Lifecycle {

    record Result(int cases, int threads, double seconds, int driven, Http.Calls calls) {
        double casesPerSecond() {
            return driven / seconds;
        }
    }

    /** A 1×1 PNG: the rectification photo each case carries, as Shirong's form requires one. */
    private static final String PHOTO =
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";

    private Lifecycle() {
    }

    static Result run(App app, String prefix, int cases, int threads) throws Exception {
        app.http.take();
        ExecutorService clients = Executors.newFixedThreadPool(threads);
        List<Future<Boolean>> runs = new ArrayList<>();
        long started = System.nanoTime();
        for (int i = 0; i < cases; i++) {
            String ref = prefix + "-" + i;
            runs.add(clients.submit(() -> drive(app, ref)));
        }
        int driven = 0;
        for (Future<Boolean> run : runs) {
            if (run.get(30, TimeUnit.MINUTES)) {
                driven++;
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        clients.shutdown();
        return new Result(cases, threads, seconds, driven, app.http.take());
    }

    private static boolean drive(App app, String ref) {
        String key = app.create(ref);
        return key != null
                && app.complete(key, "Task_ClaimCase", "chengguan1", "{\"claimDecision\":{\"value\":\"claim\"}}")
                && app.complete(key, "Task_RectifyProblem", "chengguan1", "{\"rectifyAction\":{\"value\":\"submit\"},"
                        + "\"measures\":{\"value\":\"已清理\"},\"photoAfter\":{\"type\":\"File\",\"value\":\"" + PHOTO
                        + "\",\"valueInfo\":{\"filename\":\"after.png\",\"mimetype\":\"image/png\"}}}")
                && app.complete(key, "Task_VerifyRectification", "ducha1",
                        "{\"verificationResult\":{\"value\":\"pass\"},\"verificationComment\":{\"value\":\"已整改到位\"}}");
    }
}
