package org.shirong.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.rest.mapper.JacksonConfigurator;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** /engine-rest's JSON, read and written with the one shared ObjectMapper: as Camunda's own configuration writes it. */
@ShirongWebTest
@SharesSpringContext
class EngineRestJsonTest {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    CamundaJerseyResourceConfig engineRest;
    @Autowired
    WebApplicationContext web;
    @LocalServerPort
    int port;

    @Test
    void engineRestUsesTheSharedMapperInsteadOfOnePerLookUp() {
        assertThat(engineRest.getClasses()).contains(SharedObjectMapper.class).doesNotContain(JacksonConfigurator.class);
        assertThat(engineRest.getClasses()).as("the only mapper of engine failures").contains(EngineErrorAnswers.class)
                .doesNotContainAnyElementsOf(EngineErrorAnswers.CAMUNDAS);
        assertThat(new WebappEngineApi.Resources().getClasses()).contains(SharedObjectMapper.class, EngineErrorAnswers.class)
                .doesNotContainAnyElementsOf(EngineErrorAnswers.CAMUNDAS);
        SharedObjectMapper resolver = new SharedObjectMapper();
        assertThat(resolver.getContext(Task.class)).isSameAs(resolver.getContext(Map.class));
    }

    @Test
    void datesAreWrittenInCamundasFormatAndUnknownPropertiesAreIgnored() {
        Task task = JiutingWork.assign(runtimeService, taskService, "chengguan", "清理乱堆物（日期格式）");
        TestRestTemplate chengguan = rest.withBasicAuth("chengguan1", "demo");

        for (int i = 0; i < 2; i++) { // the second answer comes from the serializers the first one built
            ResponseEntity<Map> one = chengguan.getForEntity("/engine-rest/task/" + task.getId(), Map.class);
            assertThat(one.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat((String) one.getBody().get("created")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}[+-]\\d{4}");
            assertThat(one.getBody()).containsEntry("name", taskService.createTaskQuery().taskId(task.getId()).singleResult().getName());
        }

        ResponseEntity<List> found = chengguan.postForEntity("/engine-rest/task?maxResults=10",
                JiutingWork.json("{\"processInstanceId\":\"" + task.getProcessInstanceId() + "\",\"notAQueryField\":1}"), List.class);
        assertThat(found.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(found.getBody()).hasSize(1);

        // dates read in the same format: created after yesterday finds the task, after tomorrow does not
        java.time.format.DateTimeFormatter camunda = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");
        java.time.ZonedDateTime now = java.time.ZonedDateTime.now(java.time.ZoneId.of("Asia/Shanghai"));
        for (var day : List.of(Map.entry(now.minusDays(1), 1), Map.entry(now.plusDays(1), 0))) {
            ResponseEntity<List> created = chengguan.postForEntity("/engine-rest/task?maxResults=10", JiutingWork.json("{\"processInstanceId\":\""
                    + task.getProcessInstanceId() + "\",\"createdAfter\":\"" + camunda.format(day.getKey()) + "\"}"), List.class);
            assertThat(created.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(created.getBody()).hasSize(day.getValue());
        }
    }

    /**
     * The task list reads the URL's query with the setters it found once (TaskListResources): the same tasks, count and
     * HAL list as Camunda's, the same refusal of a bad value, still only the unit's tasks; in /engine-rest and in the
     * webapps' engine API, which also writes its JSON with the shared mapper.
     */
    @Test
    void theTaskListReadsTheUrlsQueryAsCamundaDoesInBothEngineApis() {
        Task task = JiutingWork.assign(runtimeService, taskService, "chengguan", "清理乱堆物（任务查询）");
        String query = "processInstanceId=" + task.getProcessInstanceId() + "&taskDefinitionKey=" + task.getTaskDefinitionKey();
        TestRestTemplate chengguan = rest.withBasicAuth("chengguan1", "demo");

        for (int i = 0; i < 2; i++) { // the second time from the setters found the first time
            ResponseEntity<List> found = chengguan.getForEntity("/engine-rest/task?" + query + "&maxResults=10", List.class);
            assertThat(found.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(found.getBody()).hasSize(1);
            assertThat((Map<String, Object>) found.getBody().get(0)).containsEntry("id", task.getId());
            assertThat(chengguan.getForObject("/engine-rest/task/count?" + query, Map.class)).containsEntry("count", 1);
            assertThat(chengguan.getForObject("/engine-rest/task/count?" + query + "&assigned=true", Map.class))
                    .as("a boolean parameter").containsEntry("count", 0);
        }
        HttpHeaders hal = new HttpHeaders();
        hal.set("Accept", "application/hal+json");
        ResponseEntity<Map> halList = chengguan.exchange("/engine-rest/task?" + query + "&maxResults=15", HttpMethod.GET, new HttpEntity<>(hal), Map.class);
        assertThat(halList.getStatusCode()).as(String.valueOf(halList.getBody())).isEqualTo(HttpStatus.OK);
        assertThat(halList.getBody()).containsEntry("count", 1);

        ResponseEntity<List> withVariables = chengguan.postForEntity("/engine-rest/task?maxResults=10", JiutingWork.json(
                "{\"processInstanceId\":\"" + task.getProcessInstanceId() + "\",\"withTaskVariablesInReturn\":true}"), List.class);
        assertThat(withVariables.getStatusCode()).as("a list with variables: Camunda's own").isEqualTo(HttpStatus.OK);
        assertThat((Map<String, Object>) withVariables.getBody().get(0)).containsKey("variables").containsEntry("id", task.getId());

        ResponseEntity<Map> badDate = chengguan.getForEntity("/engine-rest/task?createdAfter=yesterday", Map.class);
        assertThat(badDate.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) badDate.getBody().get("message")).startsWith("Cannot set query parameter 'createdAfter' to value 'yesterday'");

        assertThat(rest.withBasicAuth("lvrong1", "demo").getForObject("/engine-rest/task/count?" + query, Map.class))
                .as("another unit").containsEntry("count", 0);

        assertThat(web.getServletContext().getServletRegistration(WebappEngineApi.SERVLET_NAME).getInitParameter(
                org.glassfish.jersey.servlet.ServletProperties.JAXRS_APPLICATION_CLASS)).isEqualTo(WebappEngineApi.Resources.class.getName());
        WebappSession tasklist = WebappSession.login(port, "chengguan1", "demo");
        for (int i = 0; i < 2; i++) {
            var answer = tasklist.get("/task?" + query + "&maxResults=15");
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.body()).contains("\"id\":\"" + task.getId() + "\"")
                    .containsPattern("\"created\":\"\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}[+-]\\d{4}\"");
            assertThat(tasklist.get("/task/count?" + query).body()).isEqualTo("{\"count\":1}");
        }
        assertThat(WebappSession.login(port, "lvrong1", "demo").get("/task/count?" + query).body()).as("another unit")
                .isEqualTo("{\"count\":0}");
    }

    /**
     * s53 S4: a body Jackson cannot read is 400 {@code InvalidRequestException} in Chinese in both engine APIs, never a
     * 500 or Jackson's English naming Camunda's classes: nested past the limit at the top or under a field, in UTF-16,
     * not JSON, or an array where the call reads an object. Shirong's own /api answers such bodies with its 400 as well.
     */
    @Test
    void aBodyJacksonCannotReadIsRefusedInChineseWithoutJacksonsWords() {
        TestRestTemplate lvrong = rest.withBasicAuth("lvrong1", "demo");
        String deep = "{\"a\":".repeat(1001) + "1" + "}".repeat(1001);
        HttpHeaders utf16 = new HttpHeaders();
        utf16.setContentType(org.springframework.http.MediaType.parseMediaType("application/json; charset=UTF-16"));
        Map<String, HttpEntity<?>> bodies = new java.util.LinkedHashMap<>();
        bodies.put("deep", JiutingWork.json("{\"orQueries\":[{\"nameLike\":\"x\"}],\"x\":" + deep + "}"));
        bodies.put("deep under a field", JiutingWork.json("{\"processVariables\":[{\"name\":\"a\",\"operator\":\"eq\",\"value\":"
                + deep + "}]}"));
        byte[] cut = "{\"nameLike\":\"x\"}".getBytes(java.nio.charset.StandardCharsets.UTF_16);
        bodies.put("utf-16 cut", new HttpEntity<>(java.util.Arrays.copyOf(cut, cut.length - 3), utf16));
        bodies.put("not json", JiutingWork.json("{\"nameLike\": x}"));
        bodies.put("array", JiutingWork.json("[".repeat(100) + "]".repeat(100)));
        for (var body : bodies.entrySet()) {
          for (String path : List.of("/engine-rest/task/count", "/engine-rest/task?maxResults=5")) {
            ResponseEntity<String> answer = lvrong.postForEntity(path, body.getValue(), String.class);
            assertThat(answer.getStatusCode()).as(path + " " + body.getKey() + ": " + answer.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(answer.getHeaders().getContentType().isCompatibleWith(org.springframework.http.MediaType.APPLICATION_JSON))
                    .as(body.getKey() + ": " + answer.getHeaders().getContentType() + " " + answer.getBody()).isTrue();
            assertThat(answer.getBody()).as(body.getKey()).contains("\"type\":\"InvalidRequestException\"", "请求内容", "请求未执行")
                    .doesNotContain("org.camunda", "Dto", "Jackson", "Exception\",\"message\":\"Document", "Source", "Unexpected",
                            "Cannot deserialize", "StreamReadConstraints");
          }
        }
        assertThat(lvrong.postForEntity("/engine-rest/task/count", bodies.get("array"), String.class).getBody()).contains("数组");
        assertThat(lvrong.postForEntity("/engine-rest/task/count", bodies.get("deep"), String.class).getBody()).contains("1000 层");
        assertThat(lvrong.postForEntity("/engine-rest/task/count", bodies.get("not json"), String.class).getBody())
                .contains("不是有效的 JSON（第 1 行第 14 列）");
        assertThat(lvrong.postForEntity("/engine-rest/task/count", bodies.get("utf-16 cut"), String.class).getBody())
                .contains("不是有效的 JSON");

        WebappSession tasklist = WebappSession.login(port, "lvrong1", "demo");
        var webapp = tasklist.post("/task/count", "{\"x\":" + deep + "}");
        assertThat(webapp.statusCode()).as(webapp.body()).isEqualTo(400);
        assertThat(webapp.body()).contains("InvalidRequestException", "1000 层").doesNotContain("StreamConstraints");

        ResponseEntity<String> own = lvrong.postForEntity("/api/cases", JiutingWork.json("{\"title\":" + deep + "}"), String.class);
        assertThat(own.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(own.getBody()).contains("MALFORMED_JSON").doesNotContain("Stream", "Jackson");
    }
}
