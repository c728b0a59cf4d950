package shirongbench;

import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import shirongbench.anchor.AnchorApp;

/**
 * One application under measurement, Shirong or the anchor, on one database: how a case is created and how a task of
 * it is found, claimed and completed, over the same HTTP client.
 */
abstract class App implements AutoCloseable {

    static final String DEMO_PASSWORD = "demo";
    static final String ADMIN_PASSWORD = "Jiuting#2026-Bench";
    private static final String READY = "Shirong 市容 已启动";

    final String label;
    final BenchJvm jvm;
    final Http http;

    private App(String label, BenchJvm jvm) {
        this.label = label;
        this.jvm = jvm;
        this.http = new Http(jvm.port());
    }

    /** Reports a case; its business key, or null after a failed call. */
    abstract String create(String ref);

    abstract String user(String user);

    abstract String password();

    abstract String adminUser();

    abstract String adminPassword();

    /** The task {@code taskKey} of case {@code key}, found, claimed and completed as {@code user}; false after a failed call. */
    boolean complete(String key, String taskKey, String user, String variables) {
        String u = user(user);
        Http.Answer found = http.get("查询任务", u, password(), "/engine-rest/task?processInstanceBusinessKey=" + key
                + "&taskDefinitionKey=" + taskKey + "&maxResults=10");
        if (!found.ok()) {
            return false;
        }
        List<Map<String, Object>> tasks = found.list();
        if (tasks.size() != 1) {
            return false;
        }
        String id = (String) tasks.get(0).get("id");
        return http.postJson("认领任务", u, password(), "/engine-rest/task/" + id + "/claim", "{\"userId\":\"" + user + "\"}").ok()
                && http.postJson("完成任务", u, password(), "/engine-rest/task/" + id + "/complete", "{\"variables\":" + variables + "}").ok();
    }

    @Override
    public void close() {
        jvm.close();
    }

    // --- Shirong ---

    static App shirongOnH2(Path dir, String name, String heap, List<String> args) {
        return shirong(dir, name, heap, args, Map.of("SHIRONG_DEMO_SEED", "false", "SHIRONG_DEMO_ACCOUNTS", "true"), "admin", "admin");
    }

    static App shirongOnPostgres(Path dir, String name, String heap, String jdbcUrl, List<String> args) {
        List<String> all = new ArrayList<>(List.of("--spring.profiles.active=postgres",
                // the demo users (lvrong1, chengguan1, ducha1 …) with the demo password, no demo data
                "--shirong.demo.enabled=true", "--shirong.demo.password=" + DEMO_PASSWORD, "--shirong.demo.seed=false"));
        all.addAll(args);
        return shirong(dir, name, heap, all, Map.of("SHIRONG_DB_URL", jdbcUrl, "SHIRONG_DB_USER", "postgres",
                "SHIRONG_DB_PASSWORD", "postgres", "SHIRONG_ADMIN_PASSWORD", ADMIN_PASSWORD,
                "SHIRONG_RECOVERY_ADMIN_PASSWORD", "Songjiang#2026-Bench-Recover", "SHIRONG_DEMO_SEED", "false"),
                "admin", ADMIN_PASSWORD);
    }

    /** Starts Shirong without waiting; {@link #awaitShirong} waits for its start-up line. */
    private static App shirong(Path dir, String name, String heap, List<String> args, Map<String, String> env,
            String admin, String adminPassword) {
        BenchJvm jvm = BenchJvm.start(dir.resolve(name), name, heap, "org.shirong.ShirongApplication", args, env);
        return new App("Shirong", jvm) {
            @Override
            String create(String ref) {
                Http.Answer reported = http.postJson("上报案件", "lvrong1", DEMO_PASSWORD, "/api/cases", """
                        {"title":"沪亭北路乱设摊","category":"ILLEGAL_STALL","urgency":"NORMAL","source":"PATROL",
                         "location":{"address":"沪亭北路 100 号"},"externalRef":"%s"}""".formatted(ref));
                return reported.ok() ? (String) reported.object().get("caseNo") : null;
            }

            @Override
            String user(String user) {
                return user;
            }

            @Override
            String password() {
                return DEMO_PASSWORD;
            }

            @Override
            String adminUser() {
                return admin;
            }

            @Override
            String adminPassword() {
                return adminPassword;
            }
        };
    }

    App awaitShirong() {
        jvm.awaitReady(Duration.ofMinutes(5), () -> jvm.log().contains(READY));
        return this;
    }

    // --- the anchor ---

    static App anchor(Path dir, String name, String heap, String jdbcUrl, String user, String password) {
        List<String> args = List.of(
                // none of Shirong's own configuration (classpath:config/application.yaml) applies to the anchor
                "--spring.config.location=optional:classpath:/shirongbench-none/",
                "--spring.datasource.url=" + jdbcUrl, "--spring.datasource.username=" + user,
                "--spring.datasource.password=" + password,
                "--spring.flyway.enabled=false",
                "--spring.autoconfigure.exclude=org.camunda.bpm.spring.boot.starter.webapp.CamundaBpmWebappAutoConfiguration,"
                        + "org.springframework.boot.autoconfigure.freemarker.FreeMarkerAutoConfiguration",
                "--camunda.bpm.history-level=full",
                "--camunda.bpm.auto-deployment-enabled=false",
                "--camunda.bpm.database.schema-update=true");
        BenchJvm jvm = BenchJvm.start(dir.resolve(name), name, heap, AnchorApp.class.getName(), args, Map.of());
        App app = new App("bare Camunda", jvm) {
            private final String due = OffsetDateTime.now().plusDays(7).format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ"));

            @Override
            String create(String ref) {
                Http.Answer started = http.postJson("上报案件", null, null, "/engine-rest/process-definition/key/"
                        + AnchorApp.PROCESS + "/start", """
                        {"businessKey":"%s","variables":{"title":{"value":"沪亭北路乱设摊"},"category":{"value":"ILLEGAL_STALL"},
                         "urgency":{"value":"NORMAL"},"source":{"value":"PATROL"},"address":{"value":"沪亭北路 100 号"},
                         "dueAt":{"value":"%s","type":"Date"}}}""".formatted(ref, due));
                return started.ok() ? ref : null;
            }

            @Override
            String user(String user) {
                return null;
            }

            @Override
            String password() {
                return null;
            }

            @Override
            String adminUser() {
                return null;
            }

            @Override
            String adminPassword() {
                return null;
            }
        };
        jvm.awaitReady(Duration.ofMinutes(5), () -> app.http.quiet(null, null,
                "/engine-rest/process-definition/key/" + AnchorApp.PROCESS).ok());
        return app;
    }
}
