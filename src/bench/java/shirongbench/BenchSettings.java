package shirongbench;

import java.nio.file.Path;

/**
 * Sizes and switches of one benchmark run, from system properties ({@code mvn -Pbench verify -Dbench.cases=50}); the
 * defaults are the sizes of issue 13 and PERFORMANCE.md.
 */
record BenchSettings(Path dir, int cases, int importRows, int anchorStarts, int deadlines, int openTasks, int closedCases,
        int samples, boolean h2, String w3Variants, String w3Only, double unitShare, int tasksPerStart, boolean w4Anchor,
        int w4ExplainMs, boolean shirongJfr, boolean w4Vacuum, int warmUpCases, int w3WarmUp) {

    static BenchSettings fromSystem() {
        return new BenchSettings(
                Path.of(System.getProperty("bench.dir", "target/bench")).toAbsolutePath(),
                integer("bench.cases", 300),
                integer("bench.importRows", 10_000),
                integer("bench.anchorStarts", 2_000),
                integer("bench.deadlines", 10_000),
                integer("bench.openTasks", 100_000),
                integer("bench.closedCases", 100_000),
                integer("bench.samples", 40),
                Boolean.parseBoolean(System.getProperty("bench.h2", "true")),
                // Further W3 executor settings to try: name:key=value,key=value;name2:… (keys below camunda.bpm.job-execution, or full
                // camunda.* and shirong.* keys)
                System.getProperty("bench.w3.variants", ""),
                // Run only W3 (tuning): skips W1, W4, W5 and the anchor; W2 still seeds the deadlines.
                System.getProperty("bench.only", ""),
                // W4: the share of the open tasks that are the measured unit's (chengguan), the rest spread over other units
                Double.parseDouble(System.getProperty("bench.w4.unitShare", "0.2")),
                // W4: tasks each start of the bench process opens (one transaction)
                integer("bench.w4.tasksPerStart", 1_000),
                // W4: measure the bare engine too (it gets the same tasks; false saves its seeding time)
                Boolean.parseBoolean(System.getProperty("bench.w4.anchor", "true")),
                // W4: log the plan (auto_explain, with ANALYZE) of every statement slower than this many ms during W4 into
                // pg-log/ under bench.dir; -1 (default) logs none and loads nothing
                integer("bench.w4.explainMs", -1),
                // W1: record a Java Flight Recording (settings=profile) of the Shirong JVM during each W1 run, written to
                // jfr/<database>-<threads>t.jfr under bench.dir; read with jfr print / jfr summary
                Boolean.parseBoolean(System.getProperty("bench.shirong.jfr", "false")),
                // W4: VACUUM ANALYZE the open tasks after seeding (as autovacuum does in time: the visibility map lets
                // PostgreSQL read a unit's tasks from an index alone) instead of ANALYZE only
                Boolean.parseBoolean(System.getProperty("bench.w4.vacuum", "false")),
                // W1: cases each application drives (4 clients) before W1 is measured, so that both are measured warm, as
                // a server that has run for a while is; 0 measures the first calls after start-up
                integer("bench.warmUpCases", 100),
                // W3: warning timers (时限已用 80%, of the same cases) each variant's nodes run before the measured deadlines
                // fall due, so that every variant is measured warm, as a server that has run for a while is (a cold JVM
                // compiles its hot code meanwhile, and two cold nodes compile it twice on the same cores); 0 measures cold
                integer("bench.w3.warmUp", 1_000));
    }

    boolean only(String workload) {
        return w3Only.isBlank() || w3Only.contains(workload);
    }

    private static int integer(String key, int fallback) {
        String value = System.getProperty(key);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.strip().replace("_", ""));
    }
}
