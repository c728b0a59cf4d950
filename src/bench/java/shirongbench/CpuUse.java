package shirongbench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * CPU time used so far by one application's JVM, by thread (compiler, request, job threads …), and by the PostgreSQL
 * server's processes, by kind (each database's backends, background processes), read from /proc. On two cores W1 at
 * four threads is CPU-bound: its cases/s ratio follows the ratio of CPU per case.
 */
record CpuUse(Map<String, Long> jvmMs, Map<String, Long> postgresMs) {

    /** Clock ticks per second of /proc/…/stat (USER_HZ, 100 on Linux). */
    private static final int TICKS = 100;

    static CpuUse of(BenchJvm jvm, Postgres pg) {
        Map<String, Long> threads = new TreeMap<>();
        try (var tasks = Files.list(Path.of("/proc", String.valueOf(jvm.pid()), "task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String name = Files.readString(task.resolve("comm")).trim().replaceAll("(?<=[-#])\\d+", "N");
                    threads.merge(name, ticks(Files.readString(task.resolve("stat"))) * 1000 / TICKS, Long::sum);
                } catch (IOException | RuntimeException ended) {
                    // the thread ended while being read
                }
            }
        } catch (IOException noProc) {
            // not Linux: nothing to tell
        }
        return new CpuUse(threads, pg == null ? Map.of() : pg.cpuByKind());
    }

    /** utime + stime of a /proc stat line. */
    static long ticks(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    CpuUse minus(CpuUse before) {
        return new CpuUse(minus(jvmMs, before.jvmMs), minus(postgresMs, before.postgresMs));
    }

    private static Map<String, Long> minus(Map<String, Long> after, Map<String, Long> before) {
        Map<String, Long> used = new TreeMap<>();
        after.forEach((k, v) -> used.put(k, v - before.getOrDefault(k, 0L)));
        return used;
    }

    /** "JVM 67.3 ms (http-nio-N- 39.4, C2 CompilerThre 16.2, …), PostgreSQL 37.6 ms (backends of shirong 37.5, …)" per case
     * (thread names as /proc gives them: at most 15 characters). */
    String perCase(int cases) {
        return "JVM " + part(jvmMs, cases) + (postgresMs.isEmpty() ? "" : ", PostgreSQL " + part(postgresMs, cases));
    }

    private static String part(Map<String, Long> ms, int cases) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%.1f ms (",
                ms.values().stream().mapToLong(Long::longValue).sum() / (double) cases));
        ms.entrySet().stream().filter(e -> e.getValue() * 10 >= cases) // at least 0.1 ms per case
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> out.append(e.getKey()).append(' ').append(String.format(Locale.ROOT, "%.1f", e.getValue() / (double) cases))
                        .append(", "));
        if (out.charAt(out.length() - 1) == ' ') {
            out.setLength(out.length() - 2);
        }
        return out.append(')').toString();
    }
}
