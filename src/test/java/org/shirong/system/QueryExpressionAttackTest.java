package org.shirong.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.AbstractQuery;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.el.JuelExpressionManager;
import org.camunda.bpm.engine.query.Query;
import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The 7.24 CE orQueries advisory, attacked as an outsider would: the expression is a probe that
 * creates a table when evaluated, sent in every spelling (escaped keys, UTF-16/UTF-32 bodies, nested
 * or-queries, URL parameters) and through every door (engine REST, the webapps' API, the Java API, stored
 * filters). Each attempt must be refused with 4xx and the probe table must not exist afterwards. The engine's own
 * expressions no longer see {@code jdbcTemplate} at all (ExpressionBeans): without the query guard an attempt would now
 * fail with a 500 instead of creating the table, so the 4xx still shows the guard at work.
 */
@ShirongWebTest
@SharesSpringContext
class QueryExpressionAttackTest {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TaskService taskService;
    @Autowired
    FilterService filterService;
    @Autowired
    IdentityService identityService;
    @Autowired
    AuthorizationService authorizationService;
    @Autowired
    ProcessEngineConfigurationImpl engineConfiguration;
    @Autowired
    ApplicationContext applicationContext;
    @LocalServerPort
    int port;

    private String probeTable;

    @BeforeEach
    void newProbe() {
        probeTable = "expression_probe_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    @AfterEach
    void dropProbe() {
        jdbc.execute("drop table if exists " + probeTable);
    }

    private String probe() {
        return "${jdbcTemplate.execute('create table " + probeTable + " (x int)')}";
    }

    private boolean probeFired() {
        return jdbc.queryForObject("select count(*) from information_schema.tables where lower(table_name) = ?",
                Integer.class, probeTable) > 0;
    }

    private String orQueryAttack(String key) {
        return "{\"" + key + "\":[{\"assigneeExpression\":\"" + probe() + "\"}]}";
    }

    private ResponseEntity<String> post(TestRestTemplate client, String path, byte[] body, Charset charset) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(new MediaType("application", "json", charset));
        return client.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
    }

    @Test
    void theProbeReallyCreatesItsTableWhenSomethingEvaluatesIt() {
        JuelExpressionManager expressions = unguarded();
        expressions.createValueExpression(probe()).getValue(expressions.createElContext(Variables.emptyVariableContext()));
        assertThat(probeFired()).isTrue();
    }

    /**
     * The engine's own expressions see only the beans written for the processes (ExpressionBeans): the probe's
     * {@code jdbcTemplate} and {@code environment} are unknown to them, while a helper such as {@code organizationRoles}
     * still resolves. (The probe above is evaluated with every bean visible, as an engine without Shirong's guards would.)
     */
    @Test
    void theEnginesExpressionsSeeOnlyTheBeansWrittenForTheProcesses() {
        JuelExpressionManager expressions = (JuelExpressionManager) engineConfiguration.getExpressionManager();
        for (String expression : List.of(probe(), "${environment.getProperty('java.home')}", "${dataSource}")) {
            assertThatThrownBy(() -> expressions.createValueExpression(expression)
                    .getValue(expressions.createElContext(Variables.emptyVariableContext()))).as(expression)
                    .hasMessageContaining("Cannot resolve identifier");
        }
        assertThat(probeFired()).isFalse();
        for (String bean : List.of("organizationRoles", "workingDays", "sendNotificationDelegate", "caseTaskListener")) {
            assertThat(expressions.createValueExpression("${" + bean + "}")
                    .getValue(expressions.createElContext(Variables.emptyVariableContext()))).as(bean).isNotNull();
        }
        assertThat(engineConfiguration.getBeans()).containsKey("organizationRoles").doesNotContainKey("environment")
                .doesNotContainKey("jdbcTemplate");
    }

    /** An expression manager that sees every bean of the application: what the engine had before ExpressionBeans. */
    private JuelExpressionManager unguarded() {
        return new SpringExpressionManager(applicationContext, null);
    }

    @Test
    void orQueriesWithAnExpressionAreRefusedInEverySpellingAndEncoding() {
        TestRestTemplate unit = rest.withBasicAuth("chengguan1", "demo");
        TestRestTemplate admin = rest.withBasicAuth("admin", "admin");
        List<byte[]> utf8Bodies = List.of(
                orQueryAttack("orQueries").getBytes(StandardCharsets.UTF_8),
                orQueryAttack("orQ\\u0075eries").getBytes(StandardCharsets.UTF_8),
                orQueryAttack("\\u006f\\u0072\\u0051\\u0075\\u0065\\u0072\\u0069\\u0065\\u0073").getBytes(StandardCharsets.UTF_8),
                ("{\"orQueries\":[{\"candidateGroup\":\"chengguan\"},{\"dueAfterExpression\":\"" + probe() + "\"}]}")
                        .getBytes(StandardCharsets.UTF_8),
                ("{\"assigneeExpression\":\"" + probe() + "\"}").getBytes(StandardCharsets.UTF_8));
        for (TestRestTemplate client : List.of(unit, admin)) {
            for (String path : List.of("/engine-rest/task?maxResults=10", "/engine-rest/task/count")) {
                for (byte[] body : utf8Bodies) {
                    assertRefused(post(client, path, body, StandardCharsets.UTF_8));
                }
                assertRefused(post(client, path, orQueryAttack("orQueries").getBytes(StandardCharsets.UTF_16BE), StandardCharsets.UTF_16BE));
                assertRefused(post(client, path, orQueryAttack("orQueries").getBytes(StandardCharsets.UTF_16LE), StandardCharsets.UTF_16LE));
                Charset utf32 = Charset.forName("UTF-32BE");
                assertRefused(post(client, path, orQueryAttack("orQueries").getBytes(utf32), utf32));
            }
        }
        assertThat(probeFired()).isFalse();
    }

    @Test
    void theSameQueryWithoutAnExpressionStillWorks() {
        ResponseEntity<String> plain = post(rest.withBasicAuth("chengguan1", "demo"), "/engine-rest/task?maxResults=10",
                "{\"orQueries\":[{\"candidateGroup\":\"chengguan\",\"assignee\":\"chengguan1\"}]}".getBytes(StandardCharsets.UTF_8),
                StandardCharsets.UTF_8);
        assertThat(plain.getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void storedFiltersCannotBeCreatedOrUpdatedOrExtendedWithAnExpression() {
        TestRestTemplate admin = rest.withBasicAuth("admin", "admin");
        String attackQuery = orQueryAttack("orQ\\u0075eries");
        assertRefused(post(admin, "/engine-rest/filter/create",
                ("{\"resourceType\":\"Task\",\"name\":\"攻击\",\"query\":" + attackQuery + "}").getBytes(StandardCharsets.UTF_8),
                StandardCharsets.UTF_8));
        assertThat(filterService.createFilterQuery().filterName("攻击").count()).isZero();

        Filter harmless = filterService.newTaskFilter("无害的过滤器");
        harmless.setQuery(taskService.createTaskQuery().taskCandidateGroup("chengguan"));
        String filterId = filterService.saveFilter(harmless).getId();
        try {
            HttpHeaders headers = new HttpHeaders();
            headers.setContentType(MediaType.APPLICATION_JSON);
            ResponseEntity<String> update = admin.exchange("/engine-rest/filter/" + filterId, HttpMethod.PUT, new HttpEntity<>(
                    "{\"resourceType\":\"Task\",\"name\":\"无害的过滤器\",\"query\":" + attackQuery + "}", headers), String.class);
            assertRefused(update);
            // The filter still runs (a stored expression would be refused when run), and evaluating every expression
            // it holds, with no guard in the way, leaves the probe table absent: the update stored nothing.
            assertThat(admin.getForEntity("/engine-rest/filter/" + filterId + "/count", String.class).getStatusCode().value())
                    .isEqualTo(200);
            evaluateUnguarded(filterService.getFilter(filterId).getQuery());
            assertThat(probeFired()).isFalse();

            assertRefused(post(admin, "/engine-rest/filter/" + filterId + "/list", attackQuery.getBytes(StandardCharsets.UTF_8),
                    StandardCharsets.UTF_8));
            assertRefused(post(admin, "/engine-rest/filter/" + filterId + "/count", attackQuery.getBytes(StandardCharsets.UTF_16LE),
                    StandardCharsets.UTF_16LE));
        } finally {
            filterService.deleteFilter(filterId);
        }
        assertThat(probeFired()).isFalse();
    }

    @Test
    void aFilterWrittenToTheDatabaseWithAnExpressionIsRefusedWhenRun() {
        String filterId = "probe-filter-" + probeTable;
        String query = "{\"orQueries\":[{\"assigneeExpression\":\"" + probe() + "\"}]}";
        jdbc.update("insert into ACT_RU_FILTER (ID_, REV_, RESOURCE_TYPE_, NAME_, OWNER_, QUERY_, PROPERTIES_)"
                + " values (?, 1, 'Task', '数据库中的过滤器', null, ?, '{}')", filterId, query);
        try {
            assertRefused(rest.withBasicAuth("admin", "admin").getForEntity("/engine-rest/filter/" + filterId + "/list", String.class));
            assertThatThrownBy(() -> filterService.list(filterId)).isInstanceOf(BadUserRequestException.class);
        } finally {
            jdbc.update("delete from ACT_RU_FILTER where ID_ = ?", filterId);
        }
        assertThat(probeFired()).isFalse();
    }

    @Test
    void theWebappsApiRefusesTheSameAttack() {
        WebappSession tasklist = WebappSession.login(port, "chengguan1", "demo");
        var plain = tasklist.post("/task", orQueryAttack("orQueries"));
        var escaped = tasklist.post("/task/count", orQueryAttack("orQ\\u0075eries"));
        assertThat(plain.statusCode()).as(plain.body()).isBetween(400, 499);
        assertThat(escaped.statusCode()).as(escaped.body()).isBetween(400, 499);
        assertThat(probeFired()).isFalse();
    }

    @Test
    void theJavaApiRefusesExpressionsInOrQueriesForUsersAndForShirongItself() {
        assertThatThrownBy(() -> taskService.createTaskQuery().or().taskAssigneeExpression(probe()).endOr().list())
                .isInstanceOf(ProcessEngineException.class);
        identityService.setAuthentication("chengguan1", List.of("chengguan"));
        try {
            assertThatThrownBy(() -> taskService.createTaskQuery().or().taskCandidateGroup("chengguan")
                    .taskAssigneeExpression(probe()).endOr().count()).isInstanceOf(BadUserRequestException.class);
        } finally {
            identityService.clearAuthentication();
        }
        assertThat(probeFired()).isFalse();
    }

    @Test
    void orQueriesNestedInOrQueriesAreRefused() {
        String nested = "{\"orQueries\":[{\"candidateGroup\":\"chengguan\",\"orQueries\":[{\"assigneeExpression\":\"" + probe()
                + "\"}]}]}";
        String deeper = "{\"orQueries\":[{\"orQueries\":[{\"assignee\":\"x\",\"orQ\\u0075eries\":[{\"dueAfterExpression\":\""
                + probe() + "\"}]}]}]}";
        for (String body : List.of(nested, deeper)) {
            for (String path : List.of("/engine-rest/task?maxResults=10", "/engine-rest/task/count")) {
                assertRefused(post(rest.withBasicAuth("chengguan1", "demo"), path, body.getBytes(StandardCharsets.UTF_8),
                        StandardCharsets.UTF_8));
                assertRefused(post(rest.withBasicAuth("admin", "admin"), path, body.getBytes(StandardCharsets.UTF_8),
                        StandardCharsets.UTF_8));
            }
            HttpResponse<String> webapp = WebappSession.login(port, "chengguan1", "demo").post("/task", body);
            assertThat(webapp.statusCode()).as(webapp.body()).isBetween(400, 499);
        }
        assertThat(probeFired()).isFalse();
    }

    @Test
    void expressionsInGetQueryParametersAreRefused() {
        String probe = URLEncoder.encode(probe(), StandardCharsets.UTF_8);
        String orQueries = URLEncoder.encode("[{\"assigneeExpression\":\"" + probe() + "\"}]", StandardCharsets.UTF_8);
        List<String> queries = List.of("/task?assigneeExpression=" + probe, "/task/count?candidateUserExpression=" + probe,
                "/task?orQueries=" + orQueries, "/task/count?orQueries=" + orQueries);
        WebappSession tasklist = WebappSession.login(port, "chengguan1", "demo");
        for (String query : queries) {
            assertRefused(rest.withBasicAuth("chengguan1", "demo").getForEntity(URI.create("/engine-rest" + query), String.class));
            HttpResponse<String> webapp = tasklist.get(query);
            assertThat(webapp.statusCode()).as(query + " " + webapp.body()).isBetween(400, 499);
        }
        assertThat(probeFired()).isFalse();
    }

    @Test
    void theWebappsApiRefusesTheAttackInUtf16AndUtf32AsTasklistSendsIt() {
        WebappSession tasklist = WebappSession.login(port, "chengguan1", "demo");
        String attack = orQueryAttack("orQueries");
        for (String charset : List.of("UTF-16LE", "UTF-16BE", "UTF-16", "UTF-32LE", "UTF-32BE")) {
            byte[] body = attack.getBytes(Charset.forName(charset));
            for (String contentType : List.of("application/json;charset=" + charset, "application/json")) {
                for (String path : List.of("/task", "/task/count")) {
                    HttpResponse<String> answer = tasklist.post(path, body, contentType);
                    assertThat(answer.statusCode()).as("%s %s %s: %s", path, charset, contentType, answer.body()).isBetween(400, 499);
                }
            }
        }
        assertThat(probeFired()).isFalse();
    }

    @Test
    void storedFiltersRunThroughTheWebappsApiCannotCarryAnExpression() throws Exception {
        WebappSession tasklist = WebappSession.login(port, "chengguan1", "demo");
        String listed = tasklist.get("/filter?resourceType=Task&maxResults=50").body();
        JsonNode filters = new ObjectMapper().readTree(listed);
        assertThat(filters.isArray() && !filters.isEmpty()).as("chengguan1 sees Tasklist's filters: %s", listed).isTrue();
        String seeded = filters.get(0).path("id").asText();
        for (String key : List.of("orQueries", "orQ\\u0075eries")) {
            HttpResponse<String> extended = tasklist.post("/filter/" + seeded + "/list", orQueryAttack(key));
            assertThat(extended.statusCode()).as(extended.body()).isBetween(400, 499);
        }
        HttpResponse<String> utf16 = tasklist.post("/filter/" + seeded + "/count",
                orQueryAttack("orQueries").getBytes(StandardCharsets.UTF_16LE), "application/json;charset=UTF-16LE");
        assertThat(utf16.statusCode()).as(utf16.body()).isBetween(400, 499);
        assertThat(tasklist.post("/filter/" + seeded + "/count", "{}").statusCode()).as("the filter itself runs").isEqualTo(200);

        String stored = "probe-filter-" + probeTable;
        jdbc.update("insert into ACT_RU_FILTER (ID_, REV_, RESOURCE_TYPE_, NAME_, OWNER_, QUERY_, PROPERTIES_)"
                + " values (?, 1, 'Task', '数据库中的过滤器', 'chengguan1', ?, '{}')", stored,
                "{\"orQueries\":[{\"assigneeExpression\":\"" + probe() + "\"}]}");
        Authorization read = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        read.setUserId("chengguan1");
        read.setResource(Resources.FILTER);
        read.setResourceId(stored);
        read.addPermission(Permissions.READ);
        String readId = authorizationService.saveAuthorization(read).getId();
        try {
            HttpResponse<String> list = tasklist.get("/filter/" + stored + "/list");
            HttpResponse<String> count = tasklist.post("/filter/" + stored + "/count", "{}");
            assertThat(list.statusCode()).as(list.body()).isBetween(400, 499);
            assertThat(count.statusCode()).as(count.body()).isBetween(400, 499);
        } finally {
            authorizationService.deleteAuthorization(readId);
            jdbc.update("delete from ACT_RU_FILTER where ID_ = ?", stored);
        }
        assertThat(probeFired()).isFalse();
    }

    /** What an unguarded engine would do with the query: evaluate each of its and its or-queries' expressions. */
    private void evaluateUnguarded(Query<?, ?> query) {
        JuelExpressionManager expressions = unguarded();
        List<TaskQueryImpl> all = query instanceof TaskQueryImpl task ? task.getQueries() : List.of();
        for (Object part : all.isEmpty() ? List.of(query) : all) {
            ((AbstractQuery<?, ?>) part).getExpressions().values().forEach(expression -> expressions
                    .createValueExpression(expression).getValue(expressions.createElContext(Variables.emptyVariableContext())));
        }
    }

    private static void assertRefused(ResponseEntity<String> answer) {
        assertThat(answer.getStatusCode().is4xxClientError()).as("%s %s", answer.getStatusCode(), answer.getBody()).isTrue();
    }
}
