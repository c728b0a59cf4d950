package org.shirong.system;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * A 锦溪镇 user asking for a 九亭镇 task, process instance, process definition or deployment by its id, through
 * /engine-rest and Tasklist's API: answered exactly as an id that never existed (404, the same body but for the id), a
 * task action as a task that is gone (409), and nothing logged as an ERROR or with a stack trace. A user of 九亭 gets
 * another unit's task refused with 403, naming the unit.
 */
@ShirongWebTest
@SharesSpringContext
class OtherOrganizationIdsTest {

    private static final String MISSING = "no-such-id";

    @Autowired
    TestRestTemplate rest;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    RepositoryService repositoryService;
    @LocalServerPort
    int port;

    @RegisterExtension
    final CapturedLog log = new CapturedLog();



    /** Each address with the 九亭 id it is asked with. */
    private List<List<String>> jiutingAddresses() {
        Task task = JiutingWork.assign(runtimeService, taskService, "chengguan", "清理乱堆物（其他组织）");
        String definition = task.getProcessDefinitionId();
        String deployment = repositoryService.getProcessDefinition(definition).getDeploymentId();
        return List.of(
                List.of("/task/%s/variables", task.getId()),
                List.of("/task/%s/form-variables", task.getId()),
                List.of("/task/%s/identity-links", task.getId()),
                List.of("/task/%s/rendered-form", task.getId()),
                List.of("/task/%s/deployed-form", task.getId()),
                List.of("/task/%s", task.getId()),
                List.of("/process-instance/%s/variables", task.getProcessInstanceId()),
                List.of("/execution/%s/localVariables", task.getExecutionId()),
                List.of("/process-definition/%s/xml", definition),
                List.of("/deployment/%s/resources", deployment));
    }

    @Test
    void anotherOrganisationsIdsAreAnsweredAsIdsThatNeverExisted() {
        TestRestTemplate jinxi = rest.withBasicAuth("jxshuili1", "demo");
        WebappSession tasklist = WebappSession.login(port, "jxshuili1", "demo");
        List<List<String>> addresses = jiutingAddresses();
        List<ResponseEntity<String>> theirs = new ArrayList<>();
        List<HttpResponse<String>> theirsInTasklist = new ArrayList<>();
        for (List<String> address : addresses) {
            theirs.add(jinxi.getForEntity("/engine-rest" + address.get(0).formatted(address.get(1)), String.class));
            theirsInTasklist.add(tasklist.get(address.get(0).formatted(address.get(1))));
        }
        assertThat(log.list).filteredOn(e -> e.getLevel().isGreaterOrEqual(Level.WARN) || e.getThrowableProxy() != null)
                .extracting(ILoggingEvent::getFormattedMessage).isEmpty();

        for (int i = 0; i < addresses.size(); i++) {
            String path = addresses.get(i).get(0);
            String id = addresses.get(i).get(1);
            ResponseEntity<String> none = jinxi.getForEntity("/engine-rest" + path.formatted(MISSING), String.class);
            assertThat(theirs.get(i).getStatusCode()).as("%s: %s", path, theirs.get(i).getBody()).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(theirs.get(i).getBody().replace(id, MISSING)).as(path).isEqualTo(none.getBody());
            assertThat(theirs.get(i).getHeaders().getContentType()).as(path).isEqualTo(none.getHeaders().getContentType());

            HttpResponse<String> noneInTasklist = tasklist.get(path.formatted(MISSING));
            assertThat(theirsInTasklist.get(i).statusCode()).as(path).isEqualTo(404);
            assertThat(theirsInTasklist.get(i).body().replace(id, MISSING)).as(path).isEqualTo(noneInTasklist.body());
        }
    }

    /**
     * The history statistics of a 九亭 process definition (how many instances stand at, finished or cancelled each step)
     * are answered to 锦溪's office as for a definition that does not exist, through /engine-rest and Cockpit's engine API;
     * 九亭's office and the district overseeing 九亭 still read them.
     */
    @Test
    void anotherOrganisationsHistoryStatisticsAreAnsweredAsThoseOfADefinitionThatNeverExisted() {
        String definition = JiutingWork.assign(runtimeService, taskService, "chengguan", "清理乱堆物（统计）").getProcessDefinitionId();
        String statistics = "/history/process-definition/%s/statistics?canceled=true&finished=true&incidents=true";
        assertThat(rest.withBasicAuth("chuangban1", "demo").getForObject("/engine-rest" + statistics.formatted(definition), String.class))
                .contains("\"id\":\"Task_HandleAssignment\"");
        assertThat(rest.withBasicAuth("sjshirongban1", "demo").getForObject("/engine-rest" + statistics.formatted(definition), String.class))
                .contains("\"id\":\"Task_HandleAssignment\"");

        ResponseEntity<String> theirs = rest.withBasicAuth("jxtuijinban1", "demo").getForEntity(
                "/engine-rest" + statistics.formatted(definition), String.class);
        ResponseEntity<String> none = rest.withBasicAuth("jxtuijinban1", "demo").getForEntity(
                "/engine-rest" + statistics.formatted(MISSING), String.class);
        assertThat(theirs.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(theirs.getBody()).isEqualTo(none.getBody()).isEqualTo("[]");
        assertThat(WebappSession.login(port, "jxtuijinban1", "demo").get(statistics.formatted(definition)).body()).isEqualTo("[]");
    }

    /** Ids no one has: 404 as Camunda answers them, and each refusal the engine sees logged as one INFO line, no ERROR or trace. */
    @Test
    void madeUpIdsAreAnsweredNotFoundAndLoggedAsOneInfoLine() {
        String madeUp = "00000000-0000-0000-0000-000000000000";
        TestRestTemplate jiuting = rest.withBasicAuth("chengguan1", "demo");
        for (String path : List.of("/task/%s/deployed-form", "/process-instance/%s/variables",
                "/process-instance/%s/variables/x", "/execution/%s/localVariables")) {
            log.list.clear();
            ResponseEntity<String> answer = jiuting.getForEntity("/engine-rest" + path.formatted(madeUp), String.class);
            assertThat(answer.getStatusCode()).as("%s: %s", path, answer.getBody()).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(answer.getBody()).as(path).contains(madeUp);
            assertThat(log.list).as(path).filteredOn(e -> e.getLevel().isGreaterOrEqual(Level.WARN) || e.getThrowableProxy() != null)
                    .extracting(ILoggingEvent::getFormattedMessage).isEmpty();
            assertThat(log.list).as(path).filteredOn(e -> e.getLoggerName().equals(RefusalLogging.class.getName()))
                    .extracting(ILoggingEvent::getFormattedMessage).singleElement().asString().startsWith("Refused for chengguan1: ");
        }
    }

    @Test
    void actingOnAnotherOrganisationsTaskIsAnsweredAsOnATaskThatIsGone() {
        Task task = JiutingWork.assign(runtimeService, taskService, "chengguan", "清理乱堆物（其他组织）");
        TestRestTemplate jinxi = rest.withBasicAuth("jxshuili1", "demo");
        WebappSession tasklist = WebappSession.login(port, "jxshuili1", "demo");
        for (String action : List.of("claim", "complete", "submit-form", "assignee")) {
            String body = "{\"userId\":\"jxshuili1\"}";
            ResponseEntity<String> theirs = jinxi.postForEntity("/engine-rest/task/" + task.getId() + "/" + action,
                    JiutingWork.json(body), String.class);
            ResponseEntity<String> none = jinxi.postForEntity("/engine-rest/task/" + MISSING + "/" + action,
                    JiutingWork.json(body), String.class);
            assertThat(theirs.getStatusCode()).as(action).isEqualTo(HttpStatus.CONFLICT);
            assertThat(theirs.getBody()).as(action).isEqualTo(none.getBody()).contains(EngineConflictAnswers.GONE, "TASK_GONE");

            HttpResponse<String> inTasklist = tasklist.post("/task/" + task.getId() + "/" + action, body);
            assertThat(inTasklist.statusCode()).as(action).isEqualTo(409);
            assertThat(inTasklist.body()).as(action).isEqualTo(tasklist.post("/task/" + MISSING + "/" + action, body).body());
        }
        assertThat(taskService.createTaskQuery().taskId(task.getId()).singleResult().getAssignee()).isNull();
        assertThat(log.list).filteredOn(e -> e.getLevel() == Level.ERROR).extracting(ILoggingEvent::getFormattedMessage).isEmpty();

        ResponseEntity<String> otherUnit = rest.withBasicAuth("lvrong1", "demo").postForEntity(
                "/engine-rest/task/" + task.getId() + "/claim", JiutingWork.json("{\"userId\":\"lvrong1\"}"), String.class);
        assertThat(otherUnit.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(otherUnit.getBody()).contains(EngineConflictAnswers.forbiddenTask(List.of("城管中队")));
    }
}
