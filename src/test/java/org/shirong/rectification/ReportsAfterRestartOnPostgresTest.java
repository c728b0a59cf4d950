package org.shirong.rectification;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shirong.system.ShirongOnPostgres;
import org.shirong.system.WebappSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reports that reach a node together just after it starts, as a restarted node meets the load it left: each is
 * answered 201 with its own case number, on a new database (the year's case-number sequence not yet made) and after a
 * restart on the same database (the sequence made, but not yet known to the new JVM). A report once took a second
 * connection to make sure of its sequence while holding its first, so a pool's worth of them held every connection and
 * waited for one more: a node killed under load answered nothing for 30 s after its restart, then 500.
 * The pool is four connections here (ten in production), and twelve reports arrive together.
 */
class ReportsAfterRestartOnPostgresTest {

    private static final int REPORTS = 12;
    private static final String[] SMALL_POOL = {
            "--spring.datasource.hikari.maximum-pool-size=4", "--spring.datasource.hikari.connection-timeout=5000"};

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void reportsArrivingTogetherAtAFreshStartAreEachCreatedOnce() throws Exception {
        try (EmbeddedPostgres database = EmbeddedPostgres.builder().start()) {
            try (ConfigurableApplicationContext first = ShirongOnPostgres.startWith(database, SMALL_POOL)) {
                assertThat(reportTogether(first, "FIRST")).as("answers on a new database").containsOnly(201);
            }
            try (ConfigurableApplicationContext restarted = ShirongOnPostgres.startWith(database, SMALL_POOL)) {
                assertThat(reportTogether(restarted, "AFTER-RESTART")).as("answers after a restart").containsOnly(201);
                JdbcTemplate jdbc = restarted.getBean(JdbcTemplate.class);
                assertThat(jdbc.queryForObject("select count(*) from rect_case", Long.class)).isEqualTo(2L * REPORTS);
                assertThat(jdbc.queryForObject("select count(distinct case_no) from rect_case", Long.class)).isEqualTo(2L * REPORTS);
                assertThat(jdbc.queryForObject("select count(distinct business_key_) from act_ru_execution where parent_id_ is null"
                        + " and proc_def_id_ like 'RectificationProcess:%'", Long.class)).isEqualTo(2L * REPORTS);
            }
        }
    }

    /**
     * The database restarted under load (RELIABILITY.md): while it is away every report is answered, 503 saying so in
     * Chinese, never a 500 or no answer, within the pool's short wait for a connection (5 s, not Hikari's 30); each report
     * answered 201 is there afterwards; the node answers 201 again as soon as the database is back, without a restart of
     * its own; and a report refused meanwhile, sent again, is created once. With the job executor running: a timer this
     * node had locked when the database went away, whose run and failure handling both lost the connection, runs within
     * seconds of the database's return, not after its lock expired (5 minutes; pgreview-s59 P1). Nothing is logged as
     * ERROR for the lost connections meanwhile: each request and job is one WARN line (P2).
     */
    @Test
    void aDatabaseRestartedUnderLoadLeavesEveryReportClearlyAnswered(@TempDir Path data) throws Exception {
        int port;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
            port = free.getLocalPort();
        }
        EmbeddedPostgres.Builder sameDatabase = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false)
                .setPort(port);
        EmbeddedPostgres database = sameDatabase.start();
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        ch.qos.logback.classic.Logger root = (ch.qos.logback.classic.Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
        // the production pool's wait for a connection (5 s, config/application-postgres.yaml);
        // the task lists' due filters refreshed every 2 s, so that this scheduled task too meets the database away
        try (ConfigurableApplicationContext node = ShirongOnPostgres.startWithJobs(database,
                "--spring.datasource.hikari.maximum-pool-size=4", "--shirong.filters.refresh-interval=PT2S")) {
            String lockOwner = ((ProcessEngineConfigurationImpl) node.getBean(org.camunda.bpm.engine.ProcessEngine.class)
                    .getProcessEngineConfiguration()).getJobExecutor().getLockOwner();
            log.start();
            root.addAppender(log);
            List<String[]> answers = java.util.Collections.synchronizedList(new ArrayList<>());
            java.util.concurrent.atomic.AtomicBoolean reporting = new java.util.concurrent.atomic.AtomicBoolean(true);
            java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
            List<Thread> reporters = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                Thread reporter = new Thread(() -> {
                    while (reporting.get()) {
                        String ref = "DB-RESTART-" + next.getAndIncrement();
                        try {
                            HttpResponse<String> answer = report(node, ref);
                            answers.add(new String[] {ref, String.valueOf(answer.statusCode()), answer.body()});
                        } catch (IllegalStateException noAnswer) {
                            answers.add(new String[] {ref, "no answer", noAnswer.getCause().toString()});
                        }
                    }
                });
                reporter.start();
                reporters.add(reporter);
            }
            int webPort = node.getEnvironment().getProperty("local.server.port", Integer.class);
            String engine = node.getBean(org.camunda.bpm.engine.ProcessEngine.class).getName();
            WebappSession cockpit = WebappSession.login(webPort, engine, "admin", ShirongOnPostgres.ADMIN_PASSWORD);
            Thread.sleep(1500);
            String timer = runningWhenTheDatabaseGoes(node, database);
            database.close();
            long away = System.nanoTime();
            Thread.sleep(1000);
            // both at once, each waiting for a connection as long as the pool does, and both answered before the restart
            CompletableFuture<HttpResponse<String>> statisticsAnswer = CompletableFuture.supplyAsync(
                    () -> cockpit.webappGet("/cockpit/plugin/base/" + engine + "/process-definition/statistics-count"));
            HttpResponse<String> login = WebappSession.loginAnswer(webPort, engine, "admin", ShirongOnPostgres.ADMIN_PASSWORD);
            HttpResponse<String> statistics = statisticsAnswer.get(1, TimeUnit.MINUTES);
            // each connection the request asks for waits 5 s (Cockpit's statistics ask twice: 11 s), Hikari's default 30 s
            assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - away)).as("both answered after the pool's short wait")
                    .isLessThan(25);
            Thread.sleep(Math.max(0, 4000 - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - away)));
            long failedBy = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (logged(log).stream().noneMatch(e -> e.getFormattedMessage().contains(timer)) && System.nanoTime() < failedBy) {
                Thread.sleep(200); // the timer's run and its failure handling both failed: its lock is left in the table
            }
            assertThat(logged(log)).as("the timer's run failed with the database away, its lock left to be released")
                    .anyMatch(e -> e.getFormattedMessage().contains(timer));
            int answeredWhileAway = answers.size();
            database = sameDatabase.start();
            long back = System.nanoTime();
            long backBy = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (answers.subList(answeredWhileAway, answers.size()).stream().noneMatch(a -> a[1].equals("201"))
                    && System.nanoTime() < backBy) {
                Thread.sleep(200);
            }
            Thread.sleep(1000);
            reporting.set(false);
            for (Thread reporter : reporters) {
                reporter.join(TimeUnit.MINUTES.toMillis(2));
            }

            JdbcTemplate jdbc = node.getBean(JdbcTemplate.class);
            long lockedBy = back + TimeUnit.SECONDS.toNanos(30);
            List<String> stillLocked;
            long timerLeft;
            do {
                Thread.sleep(500);
                stillLocked = jdbc.queryForList("select id_ from act_ru_job where lock_owner_ = ?", String.class, lockOwner);
                timerLeft = jdbc.queryForObject("select count(*) from act_ru_job where id_ = ?", Long.class, timer);
            } while ((!stillLocked.isEmpty() || timerLeft > 0) && System.nanoTime() < lockedBy);
            assertThat(stillLocked).as("jobs this node locked, 30 s after the database is back (the timer: %s)", timer).isEmpty();
            assertThat(timerLeft).as("the timer ran").isZero();
            root.detachAppender(log);
            assertThat(logged(log).stream().filter(e -> e.getLevel() == Level.ERROR)
                    .map(e -> e.getLoggerName() + ": " + e.getFormattedMessage()
                            + (e.getThrowableProxy() == null ? "" : " / " + e.getThrowableProxy().getMessage())))
                    .as("ERRORs logged while the database was away and after").isEmpty();

            List<String[]> all = List.copyOf(answers);
            assertThat(all).extracting(a -> a[1]).as("every report answered 201 or 503").containsOnly("201", "503");
            List<String[]> refused = all.stream().filter(a -> a[1].equals("503")).toList();
            assertThat(refused).as("refused while the database was away").isNotEmpty()
                    .allSatisfy(a -> assertThat(a[2]).contains("DATABASE_UNAVAILABLE", "数据库"));
            assertThat(all.get(all.size() - 1)[1]).as("answering again once it is back").isEqualTo("201");
            for (HttpResponse<String> webapp : List.of(statistics, login)) {
                assertThat(webapp.statusCode()).as("Cockpit's statistics and the login while away: " + webapp.body()).isEqualTo(503);
                assertThat(webapp.body()).contains("DATABASE_UNAVAILABLE", "数据库");
                assertThat(webapp.headers().firstValue("Retry-After")).isPresent();
            }
            for (String[] created : all.stream().filter(a -> a[1].equals("201")).toList()) {
                assertThat(jdbc.queryForObject("select count(*) from rect_case where external_ref = ?", Long.class, created[0]))
                        .as("case %s answered 201", created[0]).isOne();
            }
            for (String[] again : refused) {
                assertThat(report(node, again[0]).statusCode()).as("sent again: " + again[0]).isIn(200, 201);
            }
            assertThat(jdbc.queryForObject("select count(*) from rect_case where external_ref like 'DB-RESTART-%'", Long.class))
                    .isEqualTo(all.size());
        } finally {
            root.detachAppender(log);
            database.close();
        }
    }

    /**
     * Makes one case's 80 % warning timer due and lets this node lock it; its run then waits for a table lock (its job log
     * line) until the database goes away, as a job this node had acquired just before an outage. Returns the job's id.
     */
    private static String runningWhenTheDatabaseGoes(ConfigurableApplicationContext node, EmbeddedPostgres database)
            throws Exception {
        java.sql.Connection holder = database.getPostgresDatabase().getConnection(); // closed by the database's stop
        holder.setAutoCommit(false);
        holder.createStatement().execute("lock table act_hi_job_log in exclusive mode");
        try (java.sql.Connection c = database.getPostgresDatabase().getConnection();
                java.sql.Statement s = c.createStatement()) {
            java.sql.ResultSet timers = s.executeQuery("select id_ from act_ru_job where lock_owner_ is null"
                    + " and handler_cfg_ like 'BoundaryEvent_WarningReached%' limit 1");
            assertThat(timers.next()).as("a warning timer").isTrue();
            String timer = timers.getString(1);
            s.executeUpdate("update act_ru_job set duedate_ = now() - interval '1 second' where id_ = '" + timer + "'");
            ((ProcessEngineConfigurationImpl) node.getBean(org.camunda.bpm.engine.ProcessEngine.class)
                    .getProcessEngineConfiguration()).getJobExecutor().jobWasAdded();
            long lockedBy = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
            boolean locked = false;
            while (!locked && System.nanoTime() < lockedBy) {
                Thread.sleep(100);
                java.sql.ResultSet lock = s.executeQuery("select count(*) from act_ru_job where id_ = '" + timer
                        + "' and lock_owner_ is not null");
                lock.next();
                locked = lock.getLong(1) == 1;
            }
            assertThat(locked).as("the timer locked by the node").isTrue();
            Thread.sleep(500);
            return timer;
        }
    }

    private static List<ILoggingEvent> logged(ListAppender<ILoggingEvent> log) {
        synchronized (log) { // as the appender appends
            return new ArrayList<>(log.list);
        }
    }

    private HttpResponse<String> report(ConfigurableApplicationContext node, String ref) {
        try {
            return http.send(reportOf(node, ref), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException("report " + ref + " got no answer", e);
        }
    }

    /** A report to {@code node} as the admin, for 九亭镇, with the external reference {@code ref}. */
    private static HttpRequest reportOf(ConfigurableApplicationContext node, String ref) {
        String url = "http://localhost:" + node.getEnvironment().getProperty("local.server.port") + "/api/cases?organization=jiuting";
        String credentials = Base64.getEncoder().encodeToString(("admin:" + ShirongOnPostgres.ADMIN_PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        String body = """
                {"title":"沪亭北路乱设摊","category":"ILLEGAL_STALL","urgency":"NORMAL","source":"PATROL",
                 "location":{"address":"沪亭北路 100 号"},"externalRef":"%s"}
                """.formatted(ref);
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Basic " + credentials).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
    }

    /** Sends {@link #REPORTS} reports at once, the first of this JVM; returns their status codes. */
    private List<Integer> reportTogether(ConfigurableApplicationContext context, String prefix) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < REPORTS; i++) {
            HttpRequest request = reportOf(context, prefix + "-" + i);
            answers.add(CompletableFuture.supplyAsync(() -> {
                try {
                    go.await();
                    return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, runnable -> new Thread(runnable).start()));
        }
        go.countDown();
        List<Integer> codes = new ArrayList<>();
        for (CompletableFuture<Integer> answer : answers) {
            codes.add(answer.get(2, TimeUnit.MINUTES));
        }
        return codes;
    }
}
