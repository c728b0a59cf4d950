package org.shirong.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import ch.qos.logback.classic.Level;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.ResponseEntity;

/**
 * Two colleagues acting on the same task: the loser is told in Chinese, with 409, through the engine
 * REST API and through the API Tasklist uses; a refused action on another unit's task is a Chinese 403, on another
 * organisation's the task-is-gone 409.
 * The races are run one after the other and, released by a barrier, at the very same moment.
 */
@ShirongWebTest
@SharesSpringContext
class RaceAnswersTest {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    ManagementService managementService;
    @LocalServerPort
    int port;
    @RegisterExtension
    final CapturedLog log = new CapturedLog();

    private Task assignTo(String unit) {
        return JiutingWork.assign(runtimeService, taskService, unit, "清理乱堆物");
    }

    private static HttpEntity<String> json(String body) {
        return JiutingWork.json(body);
    }

    private static final String HANDLED = "{\"variables\":{\"handlingResult\":{\"value\":\"已清理\"},\"handled\":{\"value\":true}}}";

    @Test
    void theSecondClaimAndTheSecondCompletionAnswer409InChineseOnEngineRest() {
        Task task = assignTo("chengguan");
        TestRestTemplate first = rest.withBasicAuth("chengguan1", "demo");
        TestRestTemplate second = rest.withBasicAuth("chengguan2", "demo");
        assertThat(first.postForEntity("/engine-rest/task/" + task.getId() + "/claim", json("{\"userId\":\"chengguan1\"}"),
                String.class).getStatusCode().value()).isEqualTo(204);
        ResponseEntity<String> lateClaim = second.postForEntity("/engine-rest/task/" + task.getId() + "/claim",
                json("{\"userId\":\"chengguan2\"}"), String.class);
        assertThat(lateClaim.getStatusCode().value()).isEqualTo(409);
        // who has it, by name, in the sentence the lead asked for (s54): never the engine's English
        assertThat(lateClaim.getBody()).contains("此任务已由张队长认领，请刷新列表。", "TASK_ALREADY_CLAIMED")
                .doesNotContain("already claimed", "chengguan1");

        assertThat(first.postForEntity("/engine-rest/task/" + task.getId() + "/complete", json(HANDLED), String.class)
                .getStatusCode().value()).isEqualTo(204);
        ResponseEntity<String> again = first.postForEntity("/engine-rest/task/" + task.getId() + "/complete", json(HANDLED), String.class);
        assertThat(again.getStatusCode().value()).isEqualTo(409);
        assertThat(again.getBody()).contains("此任务已由他人办理或已撤销，请刷新列表", "TASK_GONE").doesNotContain("No matching task");
        // a change at the same moment as another's, as the engine reports it (its type, whatever its English says)
        assertThat(EngineConflictAnswers.answerFor(500, "OptimisticLockingException", "ENGINE-03005 Execution of 'UPDATE"
                + " TaskEntity[1]' failed. Entity was updated by another transaction concurrently.", true))
                .isEqualTo(new EngineConflictAnswers.Answer(409, "CONCURRENT_UPDATE", "他人刚刚修改了此任务，请刷新后重试。"));
        ResponseEntity<String> formAgain = first.postForEntity("/engine-rest/task/" + task.getId() + "/submit-form", json(HANDLED), String.class);
        assertThat(formAgain.getStatusCode().value()).isEqualTo(409);
    }

    @Test
    void tasklistsApiAnswersTheSameRacesWith409AndAnotherUnitsTaskWithAChinese403() {
        Task task = assignTo("chengguan");
        WebappSession first = WebappSession.login(port, "chengguan1", "demo");
        WebappSession second = WebappSession.login(port, "chengguan2", "demo");
        assertThat(first.post("/task/" + task.getId() + "/claim", "{\"userId\":\"chengguan1\"}").statusCode()).isEqualTo(204);
        var lateClaim = second.post("/task/" + task.getId() + "/claim", "{\"userId\":\"chengguan2\"}");
        assertThat(lateClaim.statusCode()).isEqualTo(409);
        assertThat(lateClaim.body()).contains(EngineConflictAnswers.claimedBy("张队长"));
        // a claim of a task no one has yet that fails otherwise names no one
        assertThat(EngineConflictAnswers.claimedBy(null)).isEqualTo(EngineConflictAnswers.CLAIMED).doesNotContain("null");
        assertThat(first.post("/task/" + task.getId() + "/submit-form", HANDLED).statusCode()).isEqualTo(204);
        var twice = first.post("/task/" + task.getId() + "/submit-form", HANDLED);
        assertThat(twice.statusCode()).isEqualTo(409);
        assertThat(twice.body()).contains(EngineConflictAnswers.GONE);

        Task theirs = assignTo("lvrong");
        var foreign = first.post("/task/" + theirs.getId() + "/claim", "{\"userId\":\"chengguan1\"}");
        assertThat(foreign.statusCode()).isEqualTo(403);
        assertThat(foreign.body()).contains(EngineConflictAnswers.forbiddenTask(List.of("绿容所")))
                .contains("此任务由绿容所办理，只有该单位的人员可以认领和办理。");
        // a task of the leaders is theirs, not "that unit's staff" (user review s48, L10); a task they do is not an
        // approval: only 审批延期申请、审批挂账申请 are said to be 审批 (s52 J21: 锦溪's office was told a meeting record was)
        Task leaders = assignTo("zuzhang");
        var notALeader = first.post("/task/" + leaders.getId() + "/claim", "{\"userId\":\"chengguan1\"}");
        assertThat(notALeader.statusCode()).isEqualTo(403);
        assertThat(notALeader.body()).contains("此任务由领导小组组长、副组长办理，只有领导小组组长、副组长可以认领和办理。")
                .doesNotContain("该单位", "审批");
        EngineConflictAnswers.TaskGroup zuzhang = new EngineConflictAnswers.TaskGroup("领导小组组长、副组长", true);
        assertThat(EngineConflictAnswers.forbiddenTaskOf(new EngineConflictAnswers.TaskCandidates(List.of(zuzhang),
                EngineConflictAnswers.TaskCandidates.approval("Task_ApproveSuspension"))))
                .contains("此任务由领导小组组长、副组长审批，只有领导小组组长、副组长可以认领和办理。");
        assertThat(EngineConflictAnswers.TaskCandidates.approval("Task_HoldMeeting")).isFalse();

        // To another organisation's user the task is one that does not exist (OtherOrganizationIdsTest).
        var outsider = WebappSession.login(port, "jxshuili1", "demo").post("/task/" + theirs.getId() + "/claim",
                "{\"userId\":\"jxshuili1\"}");
        assertThat(outsider.statusCode()).isEqualTo(409);
        assertThat(outsider.body()).contains(EngineConflictAnswers.GONE).doesNotContain("绿容所");
    }

    /** Runs both calls released by one barrier, so that they really reach the server at the same moment. */
    static <T> List<T> atOnce(Supplier<T> one, Supplier<T> other) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            CyclicBarrier barrier = new CyclicBarrier(2);
            List<Future<T>> calls = List.of(one, other).stream().map(call -> threads.submit(() -> {
                barrier.await(10, TimeUnit.SECONDS);
                return call.get();
            })).toList();
            return List.of(calls.get(0).get(60, TimeUnit.SECONDS), calls.get(1).get(60, TimeUnit.SECONDS));
        } finally {
            threads.shutdownNow();
        }
    }

    /** Exactly one call won (2xx), the other was told 409 with one of the messages. */
    private static void oneWonOneToldInChinese(List<ResponseEntity<String>> answers, String... messages) {
        List<ResponseEntity<String>> sorted = answers.stream().sorted(Comparator.comparingInt(a -> a.getStatusCode().value())).toList();
        assertThat(sorted.get(0).getStatusCode().is2xxSuccessful()).as("%s", answers).isTrue();
        assertThat(sorted.get(1).getStatusCode().value()).as("%s", answers).isEqualTo(409);
        assertThat(sorted.get(1).getBody()).containsAnyOf(messages);
    }

    @Test
    void claimsAndCompletionsSentAtTheSameMomentLeaveOneWinnerAndOne409() throws Exception {
        TestRestTemplate first = rest.withBasicAuth("chengguan1", "demo");
        TestRestTemplate second = rest.withBasicAuth("chengguan2", "demo");
        for (int round = 0; round < 4; round++) {
            String id = assignTo("chengguan").getId();
            oneWonOneToldInChinese(atOnce(
                    () -> first.postForEntity("/engine-rest/task/" + id + "/claim", json("{\"userId\":\"chengguan1\"}"), String.class),
                    () -> second.postForEntity("/engine-rest/task/" + id + "/claim", json("{\"userId\":\"chengguan2\"}"), String.class)),
                    EngineConflictAnswers.claimedBy("张队长"), EngineConflictAnswers.claimedBy("刘队员"),
                    EngineConflictAnswers.CONCURRENT);
            String winner = taskService.createTaskQuery().taskId(id).singleResult().getAssignee();
            TestRestTemplate assignee = rest.withBasicAuth(winner, "demo");
            oneWonOneToldInChinese(atOnce(
                    () -> assignee.postForEntity("/engine-rest/task/" + id + "/complete", json(HANDLED), String.class),
                    () -> assignee.postForEntity("/engine-rest/task/" + id + "/complete", json(HANDLED), String.class)),
                    EngineConflictAnswers.GONE, EngineConflictAnswers.CONCURRENT);
            assertThat(taskService.createTaskQuery().taskId(id).count()).isZero();
        }
    }

    /**
     * The same person claims one task twice at the very same moment (a double click, a client's retry; relreview-s58 L1):
     * both transactions grant them the task, and the later one failed on the permission's unique index
     * (ACT_UNIQ_AUTH_USER) with a 500 in English and an ERROR with a stack trace. The later claim finds the task theirs
     * (204) or is told 409 in Chinese, through engine REST and through the API Tasklist uses; no ERROR is logged.
     */
    @Test
    void theSamePersonClaimingOneTaskTwiceAtOnceGets204OrA409InChineseNeverA500() throws Exception {
        TestRestTemplate chengguan1 = rest.withBasicAuth("chengguan1", "demo");
        WebappSession tab = WebappSession.login(port, "chengguan1", "demo");
        WebappSession otherTab = WebappSession.login(port, "chengguan1", "demo");
        String claim = "{\"userId\":\"chengguan1\"}";
        for (int round = 0; round < 16; round++) {
            String id = assignTo("chengguan").getId();
            List<Integer> statuses;
            String loser;
            if (round % 2 == 0) {
                List<ResponseEntity<String>> answers = atOnce(
                        () -> chengguan1.postForEntity("/engine-rest/task/" + id + "/claim", json(claim), String.class),
                        () -> chengguan1.postForEntity("/engine-rest/task/" + id + "/claim", json(claim), String.class));
                statuses = answers.stream().map(a -> a.getStatusCode().value()).sorted().toList();
                loser = answers.stream().map(a -> String.valueOf(a.getBody())).reduce("", String::concat);
            } else {
                List<java.net.http.HttpResponse<String>> answers = atOnce(() -> tab.post("/task/" + id + "/claim", claim),
                        () -> otherTab.post("/task/" + id + "/claim", claim));
                statuses = answers.stream().map(java.net.http.HttpResponse::statusCode).sorted().toList();
                loser = answers.stream().map(java.net.http.HttpResponse::body).reduce("", String::concat);
            }
            assertThat(statuses.get(0)).as("round %d: %s %s", round, statuses, loser).isEqualTo(204);
            assertThat(statuses.get(1)).as("round %d: %s %s", round, statuses, loser).isIn(204, 409);
            if (statuses.get(1) == 409) {
                assertThat(loser).contains(EngineConflictAnswers.CONCURRENT, "CONCURRENT_UPDATE");
            }
            assertThat(taskService.createTaskQuery().taskId(id).singleResult().getAssignee()).isEqualTo("chengguan1");
        }
        assertThat(log.list).filteredOn(e -> e.getLevel() == Level.ERROR).extracting(e -> e.getFormattedMessage()).isEmpty();
    }

    /**
     * The lost permission insert is recognised as PostgreSQL reports it too (SQLSTATE 23505 on the batch, the constraint's
     * name on its next exception), and only that: another table's unique violation, or another failure of the permission's
     * insert, is left to the engine as before.
     */
    @Test
    void aDuplicatePermissionIsRecognisedAsPostgreSqlReportsItAndNothingElseIs() {
        java.sql.SQLException postgres = new java.sql.SQLException("ERROR: duplicate key value violates unique constraint"
                + " \"act_uniq_auth_user\"\n  Detail: Key (type_, user_id_, resource_type_, resource_id_)=(1, chengguan1, 7, t1)"
                + " already exists.", "23505");
        java.sql.BatchUpdateException batch = new java.sql.BatchUpdateException("Batch entry 0 was aborted. Call getNextException"
                + " to see other errors in the batch.", "23505", new int[0]);
        batch.setNextException(postgres);
        assertThat(UniqueViolationRaces.duplicateGrant(new org.camunda.bpm.engine.ProcessEnginePersistenceException("An exception"
                + " occurred in the persistence layer.", new RuntimeException("flush failed", batch)))).isTrue();
        java.sql.SQLException otherTable = new java.sql.SQLException("ERROR: duplicate key value violates unique constraint"
                + " \"uk_rect_case_external_ref\"", "23505");
        assertThat(UniqueViolationRaces.duplicateGrant(new org.camunda.bpm.engine.ProcessEnginePersistenceException("failed",
                otherTable))).isFalse();
        assertThat(UniqueViolationRaces.duplicateGrant(new org.camunda.bpm.engine.ProcessEngineException("ENGINE-03004 Exception while"
                + " executing Database Operation 'INSERT AuthorizationEntity[a1]'", new java.sql.SQLException("deadlock", "40P01"))))
                .isFalse();
    }

    @Test
    void theSameFormSubmittedTwiceAtOnceInTasklistLeavesOneWinnerAndOne409() throws Exception {
        WebappSession tab = WebappSession.login(port, "chengguan1", "demo");
        WebappSession otherTab = WebappSession.login(port, "chengguan1", "demo");
        for (int round = 0; round < 3; round++) {
            String id = assignTo("chengguan").getId();
            taskService.claim(id, "chengguan1");
            List<java.net.http.HttpResponse<String>> answers = atOnce(() -> tab.post("/task/" + id + "/submit-form", HANDLED),
                    () -> otherTab.post("/task/" + id + "/submit-form", HANDLED));
            assertThat(answers.stream().map(java.net.http.HttpResponse::statusCode).sorted().toList()).as("%s", answers)
                    .containsExactly(204, 409);
            assertThat(answers.stream().filter(a -> a.statusCode() == 409).findFirst().orElseThrow().body())
                    .containsAnyOf(EngineConflictAnswers.GONE, EngineConflictAnswers.CONCURRENT);
        }
    }

    /**
     * The lead unit completes 认领案件 while the case's deadline timer fires: the completion that loses to the timer is
     * run again and succeeds (or is told 409), the timer that loses is left for a retry, never an incident.
     */
    @Test
    @SuppressWarnings("unchecked")
    void aCompletionAtTheMomentTheDeadlineTimerFiresSucceedsOrIsTold409() throws Exception {
        TestRestTemplate huanwei = rest.withBasicAuth("huanwei1", "demo");
        for (int round = 0; round < 3; round++) {
            ResponseEntity<Map> created = rest.withBasicAuth("lvrong1", "demo").postForEntity("/api/cases", json("""
                    {"title":"路边垃圾","category":"EXPOSED_GARBAGE","urgency":"NORMAL","source":"PATROL",
                     "location":{"address":"九亭大街 20 号"},"externalRef":"race-timer-%d-%d"}""".formatted(round, System.nanoTime())),
                    Map.class);
            assertThat(created.getStatusCode().value()).isEqualTo(201);
            Task claim = taskService.createTaskQuery().processInstanceBusinessKey((String) created.getBody().get("caseNo"))
                    .taskDefinitionKey("Task_ClaimCase").singleResult();
            taskService.claim(claim.getId(), "huanwei1");
            Job deadline = managementService.createJobQuery().processInstanceId(claim.getProcessInstanceId())
                    .activityId("BoundaryEvent_DeadlineReached").singleResult();
            assertThat(deadline).as("the deadline timer is waiting").isNotNull();

            List<Object> outcomes = atOnce(
                    () -> huanwei.postForEntity("/engine-rest/task/" + claim.getId() + "/complete",
                            json("{\"variables\":{\"claimDecision\":{\"value\":\"claim\"}}}"), String.class),
                    () -> {
                        try {
                            managementService.executeJob(deadline.getId());
                            return "timer ran";
                        } catch (RuntimeException lost) {
                            return lost;
                        }
                    });
            ResponseEntity<String> completion = (ResponseEntity<String>) outcomes.get(0);
            assertThat(completion.getStatusCode().value()).as("%s", outcomes).isIn(204, 409);
            if (completion.getStatusCode().value() == 409) {
                assertThat(completion.getBody()).contains(EngineConflictAnswers.CONCURRENT);
            } else {
                assertThat(taskService.createTaskQuery().taskId(claim.getId()).count()).isZero();
            }
            Job left = managementService.createJobQuery().jobId(deadline.getId()).singleResult();
            if (outcomes.get(1) instanceof RuntimeException && left != null) {
                assertThat(left.getRetries()).as("the timer that lost is retried later").isPositive();
            }
            assertThat(runtimeService.createIncidentQuery().processInstanceId(claim.getProcessInstanceId()).count()).isZero();
        }
    }
}
