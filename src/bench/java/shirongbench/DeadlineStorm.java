package shirongbench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * W3: {@code deadlines} cases' 整改期限 timers falling due at once on nodes that are up, warm and idle, from a copy of the
 * database the import left (so every variant starts from the same state). The nodes run the job executor with the
 * variant's settings; measured on the database's clock: from the first deadline handled to the last one and its
 * follow-up jobs done (rate), from the moment they fell due to the last one handled (max lateness), and side effects
 * recorded twice for one case (duplicates).
 */
final class DeadlineStorm {

    /**
     * Camunda's own job-executor defaults (camunda-bpm-spring-boot-starter), spelt out to undo Shirong's tuning: keys
     * below camunda.bpm.job-execution, and (full keys) the engine's acquisition by due date, which Camunda leaves off,
     * and Shirong's groups of jobs in one transaction (off: one job, one transaction, as Camunda runs them).
     * Shirong's index on the jobs' due date stays (it is part of the schema).
     */
    static final Map<String, String> CAMUNDA_DEFAULTS = Map.ofEntries(
            Map.entry("max-jobs-per-acquisition", "3"), Map.entry("core-pool-size", "3"), Map.entry("max-pool-size", "10"),
            Map.entry("queue-capacity", "3"), Map.entry("wait-time-in-millis", "5000"), Map.entry("max-wait", "60000"),
            Map.entry("backoff-time-in-millis", "0"), Map.entry("max-backoff", "0"), Map.entry("lock-time-in-millis", "300000"),
            Map.entry("camunda.bpm.generic-properties.properties.jobExecutorAcquireByDueDate", "false"),
            Map.entry("camunda.bpm.generic-properties.properties.ensureJobDueDateNotNull", "false"),
            // Shirong's own: one transaction per job, as Camunda runs them (no groups of jobs)
            Map.entry("shirong.jobs.group-size", "1"), Map.entry("shirong.jobs.acquisition-spread", "1"));

    record Variant(String name, int nodes, Map<String, String> settings) {
    }

    /** The warnings run before the measurement, and how long they and what they started took. */
    record WarmUp(int warnings, double seconds) {
    }

    /**
     * drainSeconds: first deadline handled → last one and its follow-up jobs done; maxLatenessSeconds: fallen due → last
     * one handled; cpuBusy: the machine's CPU use (all processes, 0–1) meanwhile.
     */
    record Result(Variant variant, int deadlines, int handled, double drainSeconds, double maxLatenessSeconds,
            long duplicates, long failedJobs, double cpuBusy, double statementsPerDeadline, WarmUp warmUp) {
        double rate() {
            return handled / drainSeconds;
        }
    }

    private DeadlineStorm() {
    }

    static List<Variant> variants(String extra) {
        List<Variant> variants = new ArrayList<>(List.of(
                new Variant("Camunda 默认执行器, 1 节点", 1, CAMUNDA_DEFAULTS),
                new Variant("Shirong 配置, 1 节点", 1, Map.of()),
                new Variant("Shirong 配置, 2 节点", 2, Map.of())));
        for (String spec : extra.split(";")) {
            if (spec.isBlank()) {
                continue;
            }
            String[] nameAndSettings = spec.split(":", 2);
            Map<String, String> settings = new LinkedHashMap<>();
            int nodes = 1;
            for (String pair : nameAndSettings[1].split(",")) {
                String[] kv = pair.split("=", 2);
                if (kv[0].strip().equals("nodes")) {
                    nodes = Integer.parseInt(kv[1].strip());
                } else {
                    settings.put(kv[0].strip(), kv[1].strip());
                }
            }
            variants.add(new Variant(nameAndSettings[0].strip(), nodes, settings));
        }
        return variants;
    }

    static Result run(Postgres pg, String seed, Path dir, Variant variant, int deadlines, int warmUp, Duration timeout) {
        pg.copy(seed, "w3run");
        // planner statistics as autovacuum has them on a database that has held its cases a while; a copy taken right
        // after a small import may have none for the engine's tables yet, and then each job's variable read scans
        // act_ru_variable (2 ms instead of 0.07 ms, in both variants)
        pg.jdbc("w3run").execute("analyze");
        List<String> args = new ArrayList<>();
        variant.settings().forEach((k, v) -> args.add("--" + (k.startsWith("camunda.") || k.startsWith("shirong.") ? k
                : "camunda.bpm.job-execution." + k) + "=" + v));
        List<App> nodes = new ArrayList<>();
        try {
            for (int i = 1; i <= variant.nodes(); i++) {
                nodes.add(App.shirongOnPostgres(dir, "w3-" + Math.abs(variant.name().hashCode()) + "-node" + i, "512m",
                        pg.url("w3run"), args));
            }
            nodes.forEach(App::awaitShirong);
            JdbcTemplate jdbc = pg.jdbc("w3run");
            jdbc.execute("drop table if exists bench_w3");
            jdbc.update("create table bench_w3 as select id_ from act_ru_job where type_ = 'timer'"
                    + " and handler_cfg_ like '%BoundaryEvent_DeadlineReached%' order by id_ limit ?", deadlines);
            int count = jdbc.queryForObject("select count(*) from bench_w3", Integer.class);
            WarmUp warmedUp = warmUp(jdbc, warmUp, timeout);
            Bench.sleep(3_000);
            double dueAt = epoch(jdbc);
            long[] cpuBefore = cpu();
            Postgres.Counters statementsBefore = pg.counters("w3run");
            String recording = "W3-" + variant.nodes() + "n-" + Math.abs(variant.name().hashCode());
            if (Boolean.getBoolean("bench.shirong.jfr")) {
                nodes.get(0).jvm.startRecording(recording);
            }
            jdbc.update("update act_ru_job set duedate_ = now(), lock_owner_ = null, lock_exp_time_ = null where id_ in (select id_ from bench_w3)");
            double first = Double.NaN;
            double last = Double.NaN;
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                Map<String, Object> row = jdbc.queryForMap("""
                        select (select count(*) from act_ru_job j join bench_w3 b on b.id_ = j.id_) as waiting,
                               (select count(*) from act_ru_job where retries_ > 0 and suspension_state_ = 1
                                  and (duedate_ is null or duedate_ <= now())) as due,
                               extract(epoch from clock_timestamp()) as now""");
                long waiting = ((Number) row.get("waiting")).longValue();
                long due = ((Number) row.get("due")).longValue();
                double now = ((Number) row.get("now")).doubleValue();
                if (Double.isNaN(first) && waiting < count) {
                    first = now;
                }
                if (waiting == 0 && due == 0) {
                    last = now;
                    break;
                }
                Bench.sleep(200);
            }
            long[] cpuAfter = cpu();
            Postgres.Counters statements = pg.counters("w3run").minus(statementsBefore);
            if (Boolean.getBoolean("bench.shirong.jfr")) {
                nodes.get(0).jvm.stopRecording(recording, dir.resolve("jfr").resolve(recording + ".jfr"));
            }
            pg.writeStatements("w3run", dir.resolve("statements-" + recording + ".txt"));
            double cpuBusy = cpuAfter[1] == cpuBefore[1] ? Double.NaN
                    : (double) (cpuAfter[0] - cpuBefore[0]) / (cpuAfter[1] - cpuBefore[1]);
            int handled = count - jdbc.queryForObject("select count(*) from act_ru_job j join bench_w3 b on b.id_ = j.id_", Integer.class);
            if (Double.isNaN(last)) {
                last = epoch(jdbc);
            }
            long duplicates = jdbc.queryForObject("""
                    select coalesce(sum(n - 1), 0) from (select count(*) as n from rect_case_event where kind = 'OVERDUE'
                    group by case_no having count(*) > 1) d""", Long.class)
                    + jdbc.queryForObject("""
                    select coalesce(sum(n - 1), 0) from (select count(*) as n from act_hi_actinst where act_id_ = 'Task_MarkCaseOverdue'
                    group by proc_inst_id_ having count(*) > 1) d""", Long.class);
            long failed = jdbc.queryForObject("select count(*) from act_ru_job where exception_msg_ is not null", Long.class);
            return new Result(variant, count, handled, Double.isNaN(first) ? Double.NaN : Math.max(0.001, last - first),
                    last - dueAt, duplicates, failed, cpuBusy, handled == 0 ? Double.NaN : (double) statements.statements() / handled,
                    warmedUp);
        } finally {
            nodes.forEach(App::close);
        }
    }

    /**
     * The 时限已用 80% warnings of the first {@code warnings} measured cases fall due and are drained (with what they start)
     * before the deadlines do, unmeasured: on a running server the warning of a case comes before its deadline, and
     * the nodes have compiled their hot code by then.
     */
    private static WarmUp warmUp(JdbcTemplate jdbc, int warnings, Duration timeout) {
        if (warnings <= 0) {
            return new WarmUp(0, 0);
        }
        long started = System.nanoTime();
        int due = jdbc.update("""
                update act_ru_job set duedate_ = now(), lock_owner_ = null, lock_exp_time_ = null where id_ in (
                  select w.id_ from act_ru_job w join act_ru_job d on d.process_instance_id_ = w.process_instance_id_
                  join bench_w3 b on b.id_ = d.id_ where w.type_ = 'timer'
                  and w.handler_cfg_ like '%BoundaryEvent_WarningReached%' order by w.id_ limit ?)""", warnings);
        Bench.drained(jdbc, timeout);
        return new WarmUp(due, (System.nanoTime() - started) / 1e9);
    }

    /** Busy and total jiffies of all CPUs (/proc/stat), or zeros where there is none. */
    private static long[] cpu() {
        try {
            String[] f = java.nio.file.Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < f.length; i++) {
                total += Long.parseLong(f[i]);
            }
            long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
            return new long[] {total - idle, total};
        } catch (java.io.IOException | RuntimeException e) {
            return new long[] {0, 0};
        }
    }

    private static double epoch(JdbcTemplate jdbc) {
        return jdbc.queryForObject("select extract(epoch from clock_timestamp())", Double.class);
    }
}
