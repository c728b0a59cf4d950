package shirongbench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The embedded PostgreSQL all PostgreSQL runs share (one database per application), with pg_stat_statements loaded
 * so that statements and rows written can be counted per database. Zonky's defaults apply to both applications alike.
 * Given a log folder, it also loads auto_explain (off until {@link #explainSlowerThan}) and writes its server log there.
 */
final class Postgres implements AutoCloseable {

    /**
     * What one database has executed: statements, and rows inserted, updated or deleted by them as pg_stat_statements
     * counts them. A {@code with x as (update … returning …) insert …} statement counts its outer statement's rows only,
     * so its inner part's rows are missing: a lower bound for an application that writes such statements.
     */
    record Counters(long statements, long rowsWritten) {
        Counters minus(Counters before) {
            return new Counters(statements - before.statements, rowsWritten - before.rowsWritten);
        }
    }

    private final EmbeddedPostgres postgres;
    private final JdbcTemplate admin;

    Postgres() {
        this(null);
    }

    Postgres(Path explainLog) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setServerConfig("shared_preload_libraries", explainLog == null ? "pg_stat_statements" : "pg_stat_statements,auto_explain")
                    .setServerConfig("pg_stat_statements.max", "20000")
                    .setServerConfig("pg_stat_statements.track_utility", "off")
                    .setServerConfig("max_connections", "300");
            if (Boolean.getBoolean("bench.pg.trackPlanning")) {
                builder.setServerConfig("pg_stat_statements.track_planning", "on");
            }
            if (explainLog != null) {
                Files.createDirectories(explainLog);
                builder.setServerConfig("logging_collector", "on")
                        .setServerConfig("log_directory", explainLog.toAbsolutePath().toString())
                        .setServerConfig("log_filename", "postgresql-%Y%m%d-%H%M%S.log")
                        .setServerConfig("auto_explain.log_analyze", "on")
                        .setServerConfig("auto_explain.log_buffers", "on");
            }
            postgres = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        admin = new JdbcTemplate(postgres.getPostgresDatabase());
        admin.execute("create extension if not exists pg_stat_statements");
    }

    void create(String database) {
        admin.execute("create database " + database);
    }

    /** A copy of {@code source} (which no one may be connected to) as {@code database}, replacing an older copy. */
    void copy(String source, String database) {
        admin.execute("drop database if exists " + database + " with (force)");
        admin.execute("create database " + database + " template " + source);
    }

    String url(String database) {
        return postgres.getJdbcUrl("postgres", database);
    }

    JdbcTemplate jdbc(String database) {
        DataSource dataSource = postgres.getDatabase("postgres", database);
        return new JdbcTemplate(dataSource);
    }

    /** A statement that writes rows: insert, update, delete, or a {@code with} whose first part is one of them. */
    private static final String WRITES = "^\\s*(insert|update|delete|with\\s+\\w+\\s+as\\s*\\(\\s*(insert|update|delete))";

    Counters counters(String database) {
        Map<String, Object> row = admin.queryForMap("""
                select coalesce(sum(calls), 0) as statements,
                       coalesce(sum(rows) filter (where query ~* ?), 0) as rows_written
                from pg_stat_statements where dbid = (select oid from pg_database where datname = ?)""", WRITES, database);
        return new Counters(((Number) row.get("statements")).longValue(), ((Number) row.get("rows_written")).longValue());
    }

    /** Every statement {@code database} has run so far, most called first (calls, rows, total ms, text), into {@code file}. */
    void writeStatements(String database, Path file) {
        writeStatements(database, file, Map.of());
    }

    /** What each statement of {@code database} has run so far (calls, rows, total ms), by pg_stat_statements' query id. */
    Map<Long, double[]> statementTotals(String database) {
        Map<Long, double[]> totals = new HashMap<>();
        admin.query("select queryid, calls, rows, total_exec_time from pg_stat_statements"
                + " where dbid = (select oid from pg_database where datname = ?)",
                (java.sql.ResultSet rs) -> {
                    totals.put(rs.getLong("queryid"), new double[] {rs.getLong("calls"), rs.getLong("rows"), rs.getDouble("total_exec_time")});
                }, database);
        return totals;
    }

    /**
     * The statements {@code database} has run since {@code before} ({@link #statementTotals}), most called first (calls,
     * rows, total ms, text), into {@code file}.
     */
    void writeStatements(String database, Path file, Map<Long, double[]> before) {
        record Line(long calls, long rows, double ms, String query) {
        }
        List<Line> lines = new ArrayList<>();
        admin.query("select queryid, calls, rows, total_exec_time + total_plan_time as total_exec_time, regexp_replace(query, '\\s+', ' ', 'g') as query"
                + " from pg_stat_statements where dbid = (select oid from pg_database where datname = ?)",
                (java.sql.ResultSet rs) -> {
                    double[] was = before.getOrDefault(rs.getLong("queryid"), new double[3]);
                    long calls = rs.getLong("calls") - (long) was[0];
                    if (calls > 0) {
                        lines.add(new Line(calls, rs.getLong("rows") - (long) was[1], rs.getDouble("total_exec_time") - was[2],
                                rs.getString("query")));
                    }
                }, database);
        lines.sort(Comparator.comparingLong(Line::calls).reversed());
        StringBuilder out = new StringBuilder();
        for (Line line : lines) {
            out.append(line.calls()).append('\t').append(line.rows()).append('\t')
                    .append(String.format(java.util.Locale.ROOT, "%.1f", line.ms())).append('\t').append(line.query()).append('\n');
        }
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * How much of {@code table} in {@code database} the visibility map marks all-visible (what lets PostgreSQL answer
     * from an index alone), and when it was last vacuumed.
     */
    String visibility(String database, String table) {
        Map<String, Object> row = jdbc(database).queryForMap("""
                select c.relpages, c.relallvisible, s.n_tup_ins, s.n_tup_upd, s.last_vacuum, s.last_autovacuum
                from pg_class c join pg_stat_user_tables s on s.relid = c.oid where c.relname = ?""", table);
        return table + " " + row;
    }

    /**
     * From now on every statement of every session that takes at least {@code ms} is logged with its plan (EXPLAIN
     * ANALYZE), and its parameters' values (log_min_duration_statement); -1 stops it. Only when this server was started
     * with a log folder. Set with ALTER SYSTEM, so neither may be given on the server's command line (which would win).
     */
    void explainSlowerThan(int ms) {
        admin.execute("alter system set auto_explain.log_min_duration = " + ms);
        admin.execute("alter system set log_min_duration_statement = " + ms);
        admin.execute("select pg_reload_conf()");
    }

    /**
     * Statements, plans, execution ms and planning ms so far in {@code database} (planning only counted with
     * {@code -Dbench.pg.trackPlanning=true}), and the WAL bytes and full-page images the whole server has written.
     */
    double[] timeTotals(String database) {
        return admin.queryForObject("select coalesce(sum(calls),0), coalesce(sum(plans),0), coalesce(sum(total_exec_time),0),"
                + " coalesce(sum(total_plan_time),0), (select wal_bytes from pg_stat_wal), (select wal_fpi from pg_stat_wal)"
                + " from pg_stat_statements where dbid = (select oid from pg_database where datname = ?)",
                (rs, i) -> new double[] {rs.getDouble(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4), rs.getDouble(5), rs.getDouble(6)},
                database);
    }

    /** CPU time the server's processes have used so far, in ms: each database's backends together, other processes by title. */
    Map<String, Long> cpuByKind() {
        String port = "-p " + postgres.getPort();
        Map<String, Long> ms = new java.util.TreeMap<>();
        ProcessHandle.allProcesses().filter(p -> p.info().commandLine().filter(c -> c.contains("postgres") && c.contains(port)).isPresent()).flatMap(ProcessHandle::descendants)
                .forEach(child -> {
                    try {
                        Path proc = Path.of("/proc", String.valueOf(child.pid()));
                        String title = Files.readString(proc.resolve("cmdline")).replace('\0', ' ').trim();
                        String[] words = title.split("\\s+");
                        // a backend's title: "postgres: <user> <database> <client address> <state>"
                        String kind = words.length > 3 && words[3].contains("(") ? "backends of " + words[2] : title.replaceAll("\\d+", "N");
                        ms.merge(kind, CpuUse.ticks(Files.readString(proc.resolve("stat"))) * 10, Long::sum);
                    } catch (IOException | RuntimeException ended) {
                        // the process ended while being read
                    }
                });
        return ms;
    }

    /**
     * Diagnosis ({@code -Dbench.w1.statementLog=true}): from now on every statement is logged with its duration, or with
     * {@code -Dbench.w1.explain=true} its plan (auto_explain, ANALYZE without timing); -1 stops it.
     */
    void logStatements(int ms) {
        if (Boolean.getBoolean("bench.w1.explain")) {
            admin.execute("alter system set auto_explain.log_min_duration = " + ms);
            admin.execute("alter system set auto_explain.log_timing = off");
            admin.execute("alter system set auto_explain.log_analyze = on");
        } else {
            admin.execute("alter system set log_min_duration_statement = " + ms);
        }
        admin.execute("alter system set log_line_prefix = '%m [%p] %d '");
        admin.execute("select pg_reload_conf()");
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
