package org.shirong.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.shirong.campaign.WorkAssignmentProcess;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * What decides a case (lead unit, due date, case number, who works on it) cannot be changed by the
 * unit working on it, through any engine REST door; only processes meant to be started by hand can be
 * started, a case cannot get a second process, and the directory shows no one else's e-mail address.
 */
@ShirongWebTest
@SharesSpringContext
class StaffRoutingGuardTest {

    /** A 工作交办's 完成期限 a month ahead of today in 九亭: its form takes no day gone by. */
    /** A working day about a month ahead: a 工作交办's 完成期限 must be one. */
    private static final String FUTURE = org.shirong.calendar.WorkingCalendar.bundled()
            .workingDayFrom(java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusMonths(1)).toString();
    /** The first Saturday after {@link #FUTURE} the office does not work (not a make-up working day, nor in a holiday). */
    private static final java.time.LocalDate SATURDAY = java.util.stream.Stream.iterate(java.time.LocalDate.parse(FUTURE)
            .with(java.time.temporal.TemporalAdjusters.next(java.time.DayOfWeek.SATURDAY)), d -> d.plusWeeks(1))
            .filter(d -> !org.shirong.calendar.WorkingCalendar.bundled().isWorkingDay(d) && d.plusDays(2).equals(
                    org.shirong.calendar.WorkingCalendar.bundled().workingDayFrom(d))).findFirst().orElseThrow();

    @Autowired
    TestRestTemplate rest;
    @Autowired
    TaskService taskService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    IdentityService identityService;
    @Autowired
    AuthorizationService authorizationService;
    @Autowired
    org.camunda.bpm.engine.RepositoryService repositoryService;
    @LocalServerPort
    int port;

    private static HttpEntity<String> json(String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }

    private TestRestTemplate as(String user) {
        return rest.withBasicAuth(user, "demo");
    }

    /** A garbage case reported over the API: dispatched to 环卫所 (huanwei), its 认领案件 task open. */
    private Task claimTaskOfNewCase(String ref) {
        ResponseEntity<Map> created = as("lvrong1").postForEntity("/api/cases", json("""
                {"title":"路边垃圾","category":"EXPOSED_GARBAGE","urgency":"NORMAL","source":"PATROL",
                 "location":{"address":"九亭大街 18 号"},"externalRef":"%s"}""".formatted(ref)), Map.class);
        assertThat(created.getStatusCode().value()).isEqualTo(201);
        return taskService.createTaskQuery().processInstanceBusinessKey((String) created.getBody().get("caseNo")).singleResult();
    }

    @Test
    void theLeadUnitCannotRewriteRoutingVariablesOrTheDueDate() {
        Task task = claimTaskOfNewCase("guard-routing-1");
        Date due = task.getDueDate();
        TestRestTemplate huanwei = as("huanwei1");
        String instance = task.getProcessInstanceId();

        ResponseEntity<String> setVariable = huanwei.exchange("/engine-rest/task/" + task.getId() + "/variables/leadUnit",
                HttpMethod.PUT, json("{\"value\":\"lvrong\",\"type\":\"String\"}"), String.class);
        assertThat(setVariable.getStatusCode().value()).isEqualTo(403);
        ResponseEntity<String> modify = huanwei.postForEntity("/engine-rest/task/" + task.getId() + "/variables",
                json("{\"modifications\":{\"dueAt\":{\"value\":\"2099-01-01T00:00:00\"}}}"), String.class);
        assertThat(modify.getStatusCode().value()).isEqualTo(403);
        ResponseEntity<String> instanceVariables = huanwei.postForEntity("/engine-rest/process-instance/" + instance + "/variables",
                json("{\"modifications\":{\"leadUnit\":{\"value\":\"lvrong\"}}}"), String.class);
        assertThat(instanceVariables.getStatusCode().is4xxClientError()).isTrue();
        ResponseEntity<String> dueDate = huanwei.exchange("/engine-rest/task/" + task.getId(), HttpMethod.PUT,
                json("{\"name\":\"认领案件\",\"due\":\"2099-01-01T00:00:00.000+0800\"}"), String.class);
        assertThat(dueDate.getStatusCode().is4xxClientError()).as(dueDate.getBody()).isTrue();
        ResponseEntity<String> candidate = huanwei.postForEntity("/engine-rest/task/" + task.getId() + "/identity-links",
                json("{\"groupId\":\"lvrong\",\"type\":\"candidate\"}"), String.class);
        assertThat(candidate.getStatusCode().value()).isEqualTo(403);
        ResponseEntity<String> assignOutside = huanwei.postForEntity("/engine-rest/task/" + task.getId() + "/assignee",
                json("{\"userId\":\"lvrong1\"}"), String.class);
        assertThat(assignOutside.getStatusCode().is4xxClientError()).isTrue();
        assertThat(assignOutside.getBody()).contains("办理该任务的单位中的同事");
        // chuangban1 shares the leading group with huanwei1, not the unit the task is given to
        ResponseEntity<String> assignToLeader = huanwei.postForEntity("/engine-rest/task/" + task.getId() + "/assignee",
                json("{\"userId\":\"chuangban1\"}"), String.class);
        assertThat(assignToLeader.getStatusCode().value()).as(assignToLeader.getBody()).isEqualTo(403);
        ResponseEntity<String> delegateToLeader = huanwei.postForEntity("/engine-rest/task/" + task.getId() + "/delegate",
                json("{\"userId\":\"chuangban1\"}"), String.class);
        assertThat(delegateToLeader.getStatusCode().value()).as(delegateToLeader.getBody()).isEqualTo(403);
        // a claim names its claimant: claiming for another unit's clerk or a leader is a hand-over, refused the same way
        for (String other : List.of("lvrong1", "chuangban1")) {
            ResponseEntity<String> claimFor = huanwei.postForEntity("/engine-rest/task/" + task.getId() + "/claim",
                    json("{\"userId\":\"" + other + "\"}"), String.class);
            assertThat(claimFor.getStatusCode().value()).as(other + ": " + claimFor.getBody()).isEqualTo(403);
        }

        assertThat(runtimeService.getVariable(instance, "leadUnit")).isEqualTo("huanwei");
        Task after = taskService.createTaskQuery().taskId(task.getId()).singleResult();
        assertThat(after.getDueDate()).isEqualTo(due);
        assertThat(after.getAssignee()).isNull();
        assertThat(taskService.getIdentityLinksForTask(task.getId())).noneMatch(l -> "lvrong".equals(l.getGroupId()));

        User colleague = identityService.newUser("huanweiguard2");
        colleague.setFirstName("郭同事");
        identityService.saveUser(colleague);
        identityService.createMembership("huanweiguard2", "huanwei");
        try {
            // Tasklist's 转交 offers by name whom the hand-over accepts: the unit's colleagues, not the leading group's
            // members nor the caller; no one for whom cannot see the task.
            ResponseEntity<List> offered = huanwei.getForEntity("/api/tasks/" + task.getId() + "/colleagues", List.class);
            assertThat(offered.getStatusCode().value()).isEqualTo(200);
            assertThat(offered.getBody()).contains(Map.of("id", "huanweiguard2", "name", "郭同事"));
            assertThat(offered.getBody()).extracting(c -> ((Map<?, ?>) c).get("id"))
                    .doesNotContain("huanwei1", "chuangban1", "lvrong1");
            ResponseEntity<String> otherUnit = as("lvrong1").getForEntity("/api/tasks/" + task.getId() + "/colleagues", String.class);
            assertThat(otherUnit.getStatusCode().value()).as(otherUnit.getBody()).isEqualTo(404);
            ResponseEntity<String> toColleague = huanwei.postForEntity("/engine-rest/task/" + task.getId() + "/assignee",
                    json("{\"userId\":\"huanweiguard2\"}"), String.class);
            assertThat(toColleague.getStatusCode().value()).as("a colleague of the unit: " + toColleague.getBody()).isEqualTo(204);
            assertThat(taskService.createTaskQuery().taskId(task.getId()).singleResult().getAssignee()).isEqualTo("huanweiguard2");
            taskService.setAssignee(task.getId(), null);
            ResponseEntity<String> claimForColleague = huanwei.postForEntity("/engine-rest/task/" + task.getId() + "/claim",
                    json("{\"userId\":\"huanweiguard2\"}"), String.class);
            assertThat(claimForColleague.getStatusCode().value()).as(claimForColleague.getBody()).isEqualTo(204);
            taskService.setAssignee(task.getId(), null);
            ResponseEntity<String> claimOwn = huanwei.postForEntity("/engine-rest/task/" + task.getId() + "/claim",
                    json("{\"userId\":\"huanwei1\"}"), String.class);
            assertThat(claimOwn.getStatusCode().value()).as(claimOwn.getBody()).isEqualTo(204);
            assertThat(taskService.createTaskQuery().taskId(task.getId()).singleResult().getAssignee()).isEqualTo("huanwei1");
        } finally {
            taskService.setAssignee(task.getId(), null);
            identityService.deleteUser("huanweiguard2");
        }
    }

    /**
     * s48 N8: a clerk who handed a task on and then moved to another unit kept the engine's grant the claim had given him, and with
     * it read the task's variables and completed it. The grant goes with the hand-over now; one left in place (as earlier
     * versions left every one) no longer lets him read or work the task by its id. The assignee, the unit, the office and
     * Tasklist go on as before.
     */
    @Test
    void aFormerAssigneeMovedToAnotherUnitNeitherReadsNorWorksTheTaskHeHandedOn() {
        ResponseEntity<Map> created = as("lvrong1").postForEntity("/api/cases", json("""
                {"title":"沪松公路乱设摊","category":"ILLEGAL_STALL","urgency":"NORMAL","source":"PATROL",
                 "location":{"address":"沪松公路 1399 号"},"externalRef":"guard-former-assignee"}"""), Map.class);
        assertThat(created.getStatusCode().value()).as("%s", created.getBody()).isEqualTo(201);
        Task task = taskService.createTaskQuery().processInstanceBusinessKey((String) created.getBody().get("caseNo")).singleResult();
        String url = "/engine-rest/task/" + task.getId();
        assertThat(as("chengguan2").postForEntity(url + "/claim", json("{\"userId\":\"chengguan2\"}"), String.class)
                .getStatusCode().value()).isEqualTo(204);
        assertThat(as("chengguan2").postForEntity(url + "/assignee", json("{\"userId\":\"chengguan1\"}"), String.class)
                .getStatusCode().value()).isEqualTo(204);
        assertThat(authorizationService.createAuthorizationQuery().resourceType(Resources.TASK).resourceId(task.getId())
                .userIdIn("chengguan2").count()).as("the grant the claim gave chengguan2").isZero();

        // as earlier versions left it: the former assignee's own grant on the task
        Authorization left = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        left.setUserId("chengguan2");
        left.setResource(Resources.TASK);
        left.setResourceId(task.getId());
        left.addPermission(Permissions.READ);
        left.addPermission(Permissions.UPDATE);
        authorizationService.saveAuthorization(left);
        // moves from 城管中队 to 绿容所, as ducha2 did in the review
        identityService.deleteMembership("chengguan2", "chengguan");
        identityService.createMembership("chengguan2", "lvrong");
        try {
            TestRestTemplate former = as("chengguan2");
            List<ResponseEntity<String>> refused = List.of(
                    former.getForEntity(url + "/variables", String.class),
                    former.getForEntity(url + "/variables/caseNo", String.class),
                    former.getForEntity(url + "/form-variables", String.class),
                    former.getForEntity(url + "/comment", String.class),
                    former.postForEntity(url + "/submit-form", json("{\"variables\":{\"claimDecision\":{\"value\":\"claim\"}}}"),
                            String.class),
                    former.postForEntity(url + "/complete", json("{\"variables\":{\"claimDecision\":{\"value\":\"claim\"}}}"),
                            String.class),
                    former.postForEntity(url + "/assignee", json("{\"userId\":\"chengguan2\"}"), String.class),
                    former.postForEntity(url + "/delegate", json("{\"userId\":\"chengguan2\"}"), String.class));
            assertThat(refused).allSatisfy(answer -> {
                assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(403);
                assertThat(answer.getBody()).contains("您已不是该任务的办理人");
            });
            // the engine's attachment list looks for the task as his task list does, where it is not
            assertThat(former.getForEntity(url + "/attachment", String.class).getStatusCode().value()).isIn(403, 404);
            taskService.setAssignee(task.getId(), null);
            ResponseEntity<String> claim = former.postForEntity(url + "/claim", json("{\"userId\":\"chengguan2\"}"), String.class);
            assertThat(claim.getStatusCode().value()).as(claim.getBody()).isEqualTo(403);
            assertThat(claim.getBody()).contains("您已不是该任务的办理人");
            assertThat(taskService.createTaskQuery().taskId(task.getId()).singleResult().getAssignee()).isNull();
            taskService.setAssignee(task.getId(), "chengguan1");
        } finally {
            identityService.deleteMembership("chengguan2", "lvrong");
            identityService.createMembership("chengguan2", "chengguan");
        }

        // the assignee, a colleague of the unit, the office (which reads every task) read on; a note by the office
        for (String user : List.of("chengguan1", "chengguan2", "chuangban1")) {
            ResponseEntity<String> variables = as(user).getForEntity(url + "/variables", String.class);
            assertThat(variables.getStatusCode().value()).as(user + ": " + variables.getBody()).isEqualTo(200);
            assertThat(as(user).getForEntity(url + "/form-variables", String.class).getStatusCode().value()).as(user).isEqualTo(200);
        }
        assertThat(as("chuangban1").postForEntity(url + "/comment/create", json("{\"message\":\"请尽快认领\"}"), String.class)
                .getStatusCode().value()).isEqualTo(200);
        // the colleague back in the unit is handed the task by the assignee and completes it in Tasklist
        assertThat(as("chengguan1").postForEntity(url + "/assignee", json("{\"userId\":\"chengguan2\"}"), String.class)
                .getStatusCode().value()).isEqualTo(204);
        assertThat(authorizationService.createAuthorizationQuery().resourceType(Resources.TASK).resourceId(task.getId())
                .userIdIn("chengguan1").count()).as("the grant of chengguan1, who handed it on").isZero();
        HttpResponse<String> completed = WebappSession.login(port, "chengguan2", "demo").post("/task/" + task.getId() + "/submit-form",
                "{\"variables\":{\"claimDecision\":{\"value\":\"claim\"}}}");
        assertThat(completed.statusCode()).as(completed.body()).isEqualTo(204);
        assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isZero();
    }

    @Test
    void theLeadUnitCannotThrowTheProcesssEscalationsOrAnErrorFromItsTaskToSkipTheForm() {
        Task task = claimTaskOfNewCase("guard-routing-escalation");
        TestRestTemplate huanwei = as("huanwei1");
        String instance = task.getProcessInstanceId();

        ResponseEntity<String> returned = huanwei.postForEntity("/engine-rest/task/" + task.getId() + "/bpmnEscalation", json("""
                {"escalationCode":"CASE_RETURNED","variables":{"leadUnit":{"value":"lvrong"},
                 "dueAt":{"value":"2099-01-01T00:00:00.000+0800","type":"Date"}}}"""), String.class);
        assertThat(returned.getStatusCode().value()).as(returned.getBody()).isEqualTo(403);
        assertThat(returned.getBody()).contains("只能通过任务表单提交");
        ResponseEntity<String> extension = huanwei.postForEntity("/engine-rest/task/" + task.getId() + "/bpmnEscalation",
                json("{\"escalationCode\":\"EXTENSION_REQUESTED\"}"), String.class);
        assertThat(extension.getStatusCode().value()).as(extension.getBody()).isEqualTo(403);
        ResponseEntity<String> error = huanwei.postForEntity("/engine-rest/task/" + task.getId() + "/bpmnError",
                json("{\"errorCode\":\"ANY\",\"variables\":{\"leadUnit\":{\"value\":\"lvrong\"}}}"), String.class);
        assertThat(error.getStatusCode().value()).as("refused, not a 500 of an error nobody catches: " + error.getBody()).isEqualTo(403);

        assertThat(runtimeService.getVariable(instance, "leadUnit")).isEqualTo("huanwei");
        assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).as("still waiting to be claimed").isEqualTo(1);
        assertThat(taskService.createTaskQuery().processInstanceId(instance).taskDefinitionKey("Task_RedispatchCase").count()).isZero();
    }

    /**
     * A clerk's name and e-mail come from the organisation's file: Tasklist shows the name to colleagues and mail goes to
     * the address, and the engine let every user rewrite their own (huanwei1 became 黑客, or could have become 王镇长).
     */
    @Test
    void staffCannotRenameThemselvesOrChangeTheirEmailThroughTheEngine() {
        TestRestTemplate huanwei = as("huanwei1");
        for (String profile : List.of("{\"id\":\"huanwei1\",\"firstName\":\"王镇长\",\"lastName\":\"\",\"email\":\"huanwei1@jiuting.example.cn\"}",
                "{\"id\":\"huanwei1\",\"firstName\":\"王所长\",\"lastName\":\"\",\"email\":\"x@evil.example\"}")) {
            ResponseEntity<String> renamed = huanwei.exchange("/engine-rest/user/huanwei1/profile", HttpMethod.PUT, json(profile),
                    String.class);
            assertThat(renamed.getStatusCode().value()).as(renamed.getBody()).isEqualTo(403);
            assertThat(renamed.getBody()).contains("以本组织的组织机构文件（organization.yaml）为准");
        }
        User stored = identityService.createUserQuery().userId("huanwei1").singleResult();
        assertThat(stored.getFirstName()).isEqualTo("徐所长");
        assertThat(stored.getEmail()).isEqualTo("huanwei1@jiuting.example.cn");
        // the profile sent back unchanged (as a client saving other settings would) is not refused
        ResponseEntity<String> same = huanwei.exchange("/engine-rest/user/huanwei1/profile", HttpMethod.PUT,
                json("{\"id\":\"huanwei1\",\"firstName\":\"" + stored.getFirstName() + "\",\"lastName\":"
                        + (stored.getLastName() == null ? "null" : "\"" + stored.getLastName() + "\"") + ",\"email\":\""
                        + stored.getEmail() + "\"}"), String.class);
        assertThat(same.getStatusCode().value()).as(same.getBody()).isEqualTo(204);
    }

    /**
     * Camunda grants every user ALL on their own account, DELETE included: a clerk (found by the outside round:
     * jxweixing1) deleted theirs through the engine, with its memberships, so that the tasks assigned to them were left
     * to no one until an administrator stepped in or the next start recreated the account.
     */
    @Test
    void staffCannotDeleteTheirOwnAccountThroughTheEngine() {
        ResponseEntity<String> rest = as("jxwushui1").exchange("/engine-rest/user/jxwushui1", HttpMethod.DELETE, null, String.class);
        assertThat(rest.getStatusCode().value()).as(rest.getBody()).isEqualTo(403);
        assertThat(rest.getBody()).contains("以本组织的组织机构文件（organization.yaml）为准");
        HttpResponse<String> tasklist = WebappSession.login(port, "jxweixing1", "demo").delete("/user/jxweixing1");
        assertThat(tasklist.statusCode()).as(tasklist.body()).isEqualTo(403);

        for (String user : List.of("jxwushui1", "jxweixing1")) {
            assertThat(identityService.createUserQuery().userId(user).count()).as(user).isEqualTo(1);
            assertThat(identityService.createGroupQuery().groupMember(user).count()).as(user + "'s units").isPositive();
            assertThat(as(user).getForEntity("/api/me", String.class).getStatusCode().value()).isEqualTo(200);
        }
    }

    /**
     * The engine's metrics count every organisation's work together (process instances, the users who worked on tasks):
     * any logged-in user read them; they are the administrators'.
     */
    @Test
    void staffDoNotReadTheEnginesMetricsOfEveryOrganisation() {
        for (String metric : List.of("/engine-rest/metrics/process-instances/sum", "/engine-rest/metrics?interval=900",
                "/engine-rest/metrics/task-users/sum")) {
            for (String user : List.of("jxwushui1", "chuangban1", "sjshirongban1")) {
                ResponseEntity<String> refused = as(user).getForEntity(metric, String.class);
                assertThat(refused.getStatusCode().value()).as(user + " " + metric + ": " + refused.getBody()).isEqualTo(403);
                assertThat(refused.getBody()).contains("只供系统管理员查看");
            }
            assertThat(rest.withBasicAuth("admin", "admin").getForEntity(metric, String.class).getStatusCode().value())
                    .as("admin " + metric).isEqualTo(200);
        }
    }

    /**
     * An administrator adding a user to a group they are already in (Admin's 加入组 twice) is
     * done already (204), not a 500 with ENGINE-16004 logged at ERROR; a user or group that does not exist is a 400 naming
     * it; staff are refused as before.
     */
    @Test
    void addingAUserToAGroupTheyAreInAlreadyIsDoneNotAServerFault() {
        TestRestTemplate admin = rest.withBasicAuth("admin", "admin");
        ResponseEntity<String> again = admin.exchange("/engine-rest/group/huanwei/members/huanwei1", HttpMethod.PUT, null, String.class);
        assertThat(again.getStatusCode().value()).as(again.getBody()).isEqualTo(204);
        assertThat(identityService.createUserQuery().userId("huanwei1").memberOfGroup("huanwei").count()).isEqualTo(1);

        ResponseEntity<String> noUser = admin.exchange("/engine-rest/group/huanwei/members/no-such-user", HttpMethod.PUT, null, String.class);
        assertThat(noUser.getStatusCode().value()).as(noUser.getBody()).isEqualTo(400);
        assertThat(noUser.getBody()).contains("没有用户 no-such-user");
        ResponseEntity<String> noGroup = admin.exchange("/engine-rest/group/no-such-group/members/huanwei1", HttpMethod.PUT, null, String.class);
        assertThat(noGroup.getStatusCode().value()).as(noGroup.getBody()).isEqualTo(400);
        assertThat(noGroup.getBody()).contains("没有组 no-such-group");

        ResponseEntity<String> staff = as("chuangban1").exchange("/engine-rest/group/huanwei/members/huanwei1", HttpMethod.PUT, null, String.class);
        assertThat(staff.getStatusCode().value()).as(staff.getBody()).isEqualTo(403);
        ResponseEntity<String> staffNoUser = as("chuangban1").exchange("/engine-rest/group/huanwei/members/no-such-user",
                HttpMethod.PUT, null, String.class);
        assertThat(staffNoUser.getStatusCode().value()).as("staff learn nothing of the directory: " + staffNoUser.getBody()).isEqualTo(403);
    }

    /**
     * Whoever may not work on a task (another unit of the town, the district reading it) is refused before its form is
     * checked: the form's check answered them with its labels and options (400), and, comparing a value sent with the
     * task's own, told them whether they had guessed a variable of a task they may not even read.
     */
    @Test
    void whoMayNotWorkOnATaskLearnsNothingOfItsFormOrVariables() {
        Task task = claimTaskOfNewCase("guard-routing-form-first");
        for (String user : List.of("chengguan1", "sjshirongban1")) {
            List<ResponseEntity<String>> answers = new java.util.ArrayList<>();
            for (String sent : List.of("{}", "{\"claimDecision\":{\"value\":\"bogus\"}}",
                    "{\"leadUnit\":{\"value\":\"huanwei\"}}", "{\"leadUnit\":{\"value\":\"lvrong\"}}")) {
                for (String action : List.of("/complete", "/submit-form")) {
                    answers.add(as(user).postForEntity("/engine-rest/task/" + task.getId() + action,
                            json("{\"variables\":" + sent + "}"), String.class));
                }
            }
            assertThat(answers).allSatisfy(answer -> {
                assertThat(answer.getStatusCode().value()).as(user + ": " + answer.getBody()).isEqualTo(403);
                assertThat(answer.getBody()).contains("此任务由环卫所办理").doesNotContain("是否认领", "不是本任务表单");
            });
        }
        assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);
    }

    @Test
    void completingATaskMaySetOnlyTheFieldsItsFormOffers() {
        Task task = claimTaskOfNewCase("guard-routing-2");
        TestRestTemplate huanwei = as("huanwei1");
        String caseNo = (String) runtimeService.getVariable(task.getProcessInstanceId(), "caseNo");
        assertThat(huanwei.postForEntity("/engine-rest/task/" + task.getId() + "/claim", json("{\"userId\":\"huanwei1\"}"),
                String.class).getStatusCode().value()).isEqualTo(204);

        ResponseEntity<String> smuggled = huanwei.postForEntity("/engine-rest/task/" + task.getId() + "/complete", json(
                "{\"variables\":{\"claimDecision\":{\"value\":\"claim\"},\"leadUnit\":{\"value\":\"lvrong\"}}}"), String.class);
        assertThat(smuggled.getStatusCode().value()).isEqualTo(400);
        assertThat(smuggled.getBody()).contains("leadUnit");
        ResponseEntity<String> changedReadOnly = huanwei.postForEntity("/engine-rest/task/" + task.getId() + "/submit-form", json(
                "{\"variables\":{\"claimDecision\":{\"value\":\"claim\"},\"caseNo\":{\"value\":\"JT-2026-999999\"}}}"), String.class);
        assertThat(changedReadOnly.getStatusCode().value()).isEqualTo(400);
        assertThat(changedReadOnly.getBody()).as("named by the form's label, not the variable's key")
                .contains("“案件编号”不是本任务表单中可填写的内容").doesNotContain("“caseNo”");
        assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);

        ResponseEntity<String> asTasklistSends = huanwei.postForEntity("/engine-rest/task/" + task.getId() + "/submit-form", json(
                "{\"variables\":{\"claimDecision\":{\"value\":\"claim\"},\"caseNo\":{\"value\":\"" + caseNo + "\"}}}"), String.class);
        assertThat(asTasklistSends.getStatusCode().value()).as(asTasklistSends.getBody()).isEqualTo(204);
        assertThat(runtimeService.getVariable(task.getProcessInstanceId(), "leadUnit")).isEqualTo("huanwei");
    }

    /**
     * A completion sends back only what its form shows: an empty value for a name the process never had passed as sent
     * back unchanged and became a new variable of the case (any number: 20,000 took 6 s, 150,000 a core for many
     * minutes, since the engine orders one flush's inserts in time growing with the square of their number), read by
     * every later step; and more variables than any form has are refused before any is looked at.
     */
    @Test
    void aCompletionSendsNoVariableItsFormDoesNotShowNotEvenAnEmptyOneNorMoreThanAnyFormHas() {
        Task task = claimTaskOfNewCase("guard-routing-junk");
        TestRestTemplate huanwei = as("huanwei1");
        String instance = task.getProcessInstanceId();
        String caseNo = (String) runtimeService.getVariable(instance, "caseNo");
        String claim = "\"claimDecision\":{\"value\":\"claim\"}";
        for (String junk : List.of("\"junk\":{\"value\":\"\"}", "\"junk\":{\"value\":null}",
                "\"mergedInto\":{\"value\":\"\"}", "\"junk\":{\"value\":\"\",\"type\":\"String\"}")) {
            for (String action : List.of("/complete", "/submit-form")) {
                ResponseEntity<String> answer = huanwei.postForEntity("/engine-rest/task/" + task.getId() + action,
                        json("{\"variables\":{" + claim + "," + junk + "}}"), String.class);
                assertThat(answer.getStatusCode().value()).as(junk + ": " + answer.getBody()).isEqualTo(400);
                assertThat(answer.getBody()).containsAnyOf("“junk”不是本任务表单中的内容", "“mergedInto”不是本任务表单中的内容");
            }
        }
        StringBuilder many = new StringBuilder("{\"variables\":{" + claim);
        for (int i = 0; i < SubmittedFieldsGuard.MAX_VARIABLES; i++) {
            many.append(",\"caseNo").append(i).append("\":{\"value\":\"\"}");
        }
        ResponseEntity<String> tooMany = huanwei.postForEntity("/engine-rest/task/" + task.getId() + "/complete",
                json(many.append("}}").toString()), String.class);
        assertThat(tooMany.getStatusCode().value()).as(tooMany.getBody()).isEqualTo(400);
        assertThat(tooMany.getBody()).contains("一次提交的内容不能超过 100 项（收到 101 项）");

        assertThat(runtimeService.createVariableInstanceQuery().processInstanceIdIn(instance)
                .variableNameIn("junk", "mergedInto", "caseNo0").count()).isZero();
        assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);
        // the whole form as Tasklist sends it: its read-only fields unchanged, its empty 回退理由
        ResponseEntity<String> asTasklist = huanwei.postForEntity("/engine-rest/task/" + task.getId() + "/submit-form", json(
                "{\"variables\":{" + claim + ",\"caseNo\":{\"value\":\"" + caseNo + "\"},\"caseTitle\":{\"value\":\""
                        + runtimeService.getVariable(instance, "caseTitle") + "\"},\"caseAddress\":{\"value\":\""
                        + runtimeService.getVariable(instance, "caseAddress") + "\"},\"returnReason\":{\"value\":\"\"}}}"), String.class);
        assertThat(asTasklist.getStatusCode().value()).as(asTasklist.getBody()).isEqualTo(204);
    }

    /**
     * A form's text, choice or day sent as an object (JSON, or Java's String as JSON) passed the form's check by its
     * serialized text: a choice then failed the process's reading of it (500 and an ERROR with its stack), an unread
     * text was stored as an object that could not be read back (every later {@code …/variables} of the case a 500).
     */
    @Test
    void aFormsTextChoiceOrDaySentAsAnObjectIsRefusedNamingTheField() {
        Task task = claimTaskOfNewCase("guard-routing-object");
        TestRestTemplate huanwei = as("huanwei1");
        String caseNo = (String) runtimeService.getVariable(task.getProcessInstanceId(), "caseNo");
        String object = "{\"type\":\"Object\",\"value\":\"%s\",\"valueInfo\":{\"objectTypeName\":\"java.lang.String\","
                + "\"serializationDataFormat\":\"application/json\"}}";
        String asJson = "{\"type\":\"Json\",\"value\":\"%s\"}";
        Map<String, String> refused = new java.util.LinkedHashMap<>();
        refused.put("\"claimDecision\":" + object.formatted("claim"), "“是否认领”应填写文字");
        refused.put("\"claimDecision\":" + asJson.formatted("claim"), "“是否认领”应填写文字");
        refused.put("\"claimDecision\":{\"value\":\"claim\"},\"returnReason\":" + object.formatted("x{"), "“回退理由”应填写文字");
        // a read-only field sent back with its text but as an object would replace the text
        refused.put("\"claimDecision\":{\"value\":\"claim\"},\"caseNo\":" + object.formatted(caseNo), "“案件编号”不是本任务表单中可填写的内容");
        refused.forEach((sent, message) -> {
            ResponseEntity<String> answer = huanwei.postForEntity("/engine-rest/task/" + task.getId() + "/complete",
                    json("{\"variables\":{" + sent + "}}"), String.class);
            assertThat(answer.getStatusCode().value()).as(sent + ": " + answer.getBody()).isEqualTo(400);
            assertThat(answer.getBody()).as(sent).contains(message);
        });
        ResponseEntity<String> day = as("chuangban1").postForEntity("/engine-rest/process-definition/key/WorkAssignmentProcess/tenant-id/jiuting/start",
                json("{\"variables\":{\"title\":{\"value\":\"对象日期\"},\"unitGroup\":{\"value\":\"lvrong\"},"
                        + "\"requirement\":{\"value\":\"对象日期\"},\"dueDate\":" + asJson.formatted(FUTURE) + "}}"), String.class);
        assertThat(day.getStatusCode().value()).as(day.getBody()).isEqualTo(400);
        assertThat(day.getBody()).contains("“完成期限（当日 17:00 前）”应为日期");

        assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);
        assertThat(runtimeService.createVariableInstanceQuery().processInstanceIdIn(task.getProcessInstanceId())
                .variableNameIn("claimDecision", "returnReason").count()).isZero();
        ResponseEntity<String> variables = huanwei.getForEntity("/engine-rest/task/" + task.getId() + "/variables", String.class);
        assertThat(variables.getStatusCode().value()).as(variables.getBody()).isEqualTo(200);
        assertThat(runtimeService.createProcessInstanceQuery().variableValueEquals("title", "对象日期").count()).isZero();
    }

    /**
     * A start carries its start form's fields and nothing else: 工作交办 started with "reviewResult":"pass" (and 20,000
     * more names) kept it, and the review's required 审阅结论 counted as chosen; nor can the unit's completion of its step
     * set it. The review is then decided only by the reviewer's own choice.
     */
    @Test
    void aStartCarriesOnlyItsStartFormsFieldsSoNoLaterStepsDecisionIsPreset() {
        String start = "/engine-rest/process-definition/key/WorkAssignmentProcess/tenant-id/jiuting/start";
        String fields = "\"title\":{\"value\":\"预设审阅结论\"},\"unitGroup\":{\"value\":\"lvrong\"},"
                + "\"requirement\":{\"value\":\"清理堆物\"},\"dueDate\":{\"value\":\"" + FUTURE + "\"}";
        for (String action : List.of(start, start.replace("/start", "/submit-form"))) {
            ResponseEntity<String> preset = as("chuangban1").postForEntity(action,
                    json("{\"variables\":{" + fields + ",\"reviewResult\":{\"value\":\"pass\"}}}"), String.class);
            assertThat(preset.getStatusCode().value()).as(preset.getBody()).isEqualTo(400);
            assertThat(preset.getBody()).contains("“reviewResult”不是发起表单中的内容");
        }
        StringBuilder many = new StringBuilder("{\"variables\":{" + fields);
        for (int i = 0; i < SubmittedFieldsGuard.MAX_VARIABLES; i++) {
            many.append(",\"x").append(i).append("\":{\"value\":\"x\"}");
        }
        ResponseEntity<String> tooMany = as("chuangban1").postForEntity(start, json(many.append("}}").toString()), String.class);
        assertThat(tooMany.getStatusCode().value()).as(tooMany.getBody()).isEqualTo(400);
        assertThat(tooMany.getBody()).contains("一次提交的内容不能超过 100 项");
        assertThat(runtimeService.createProcessInstanceQuery().variableValueEquals("title", "预设审阅结论").count()).isZero();

        ResponseEntity<String> started = as("chuangban1").postForEntity(start, json("{\"variables\":{" + fields + "}}"), String.class);
        assertThat(started.getStatusCode().value()).as(started.getBody()).isEqualTo(200);
        String instance = runtimeService.createProcessInstanceQuery().variableValueEquals("title", "预设审阅结论").singleResult().getId();
        Task handle = taskService.createTaskQuery().processInstanceId(instance).singleResult();
        String handled = "\"handlingResult\":{\"value\":\"已清理\"},\"handled\":{\"value\":true}";
        ResponseEntity<String> presetByUnit = as("lvrong1").postForEntity("/engine-rest/task/" + handle.getId() + "/complete",
                json("{\"variables\":{" + handled + ",\"reviewResult\":{\"value\":\"pass\"}}}"), String.class);
        assertThat(presetByUnit.getStatusCode().value()).as(presetByUnit.getBody()).isEqualTo(400);
        assertThat(presetByUnit.getBody()).contains("“reviewResult”不是本任务表单中的内容");
        assertThat(as("lvrong1").postForEntity("/engine-rest/task/" + handle.getId() + "/complete",
                json("{\"variables\":{" + handled + "}}"), String.class).getStatusCode().value()).isEqualTo(204);

        Task review = taskService.createTaskQuery().processInstanceId(instance).singleResult();
        assertThat(review.getTaskDefinitionKey()).isEqualTo("Task_ReviewResult");
        ResponseEntity<String> undecided = as("chuangban1").postForEntity("/engine-rest/task/" + review.getId() + "/complete",
                json("{\"variables\":{}}"), String.class);
        assertThat(undecided.getStatusCode().value()).as(undecided.getBody()).isEqualTo(400);
        assertThat(undecided.getBody()).contains("请选择“审阅结论”");
        assertThat(runtimeService.getVariable(instance, "reviewResult")).isNull();
        assertThat(taskService.createTaskQuery().taskId(review.getId()).count()).isEqualTo(1);
    }

    /**
     * A required text of a task's form is required of a REST client (or an old Tasklist page) too, as a required choice
     * is (poreview F2): 办理交办事项 without its 办理情况 was completed; a field the form hides for the choice made
     * (认领's 回退理由 unless returning) is not required.
     */
    @Test
    void aRequiredTextOfTheFormIsRequiredOfARestClientUnlessTheFormHidesIt() {
        String instance = runtimeService.createProcessInstanceByKey(WorkAssignmentProcess.KEY).processDefinitionTenantId("jiuting")
                .setVariables(Map.of(WorkAssignmentProcess.VAR_TITLE, "必填办理情况", WorkAssignmentProcess.VAR_UNIT_GROUP, "chengguan",
                        WorkAssignmentProcess.VAR_REQUIREMENT, "本周内完成", WorkAssignmentProcess.VAR_DUE_DATE, "2026-12-01"))
                .execute().getId();
        Task handle = taskService.createTaskQuery().processInstanceId(instance).singleResult();
        for (String sent : List.of("\"handled\":{\"value\":true}", "\"handlingResult\":{\"value\":\"   \"},\"handled\":{\"value\":true}",
                "\"handlingResult\":{\"value\":null}")) {
            for (String action : List.of("/complete", "/submit-form")) {
                ResponseEntity<String> answer = as("chengguan1").postForEntity("/engine-rest/task/" + handle.getId() + action,
                        json("{\"variables\":{" + sent + "}}"), String.class);
                assertThat(answer.getStatusCode().value()).as(sent + ": " + answer.getBody()).isEqualTo(400);
                assertThat(answer.getBody()).contains("请填写“办理情况”");
            }
        }
        assertThat(taskService.createTaskQuery().taskId(handle.getId()).count()).isEqualTo(1);
        assertThat(as("chengguan1").postForEntity("/engine-rest/task/" + handle.getId() + "/submit-form", json(
                "{\"variables\":{\"handlingResult\":{\"value\":\"已清理\"},\"handled\":{\"value\":true}}}"), String.class)
                .getStatusCode().value()).isEqualTo(204);

        Task claim = claimTaskOfNewCase("guard-routing-required-reason");
        ResponseEntity<String> returnedWithoutReason = as("huanwei1").postForEntity("/engine-rest/task/" + claim.getId() + "/submit-form",
                json("{\"variables\":{\"claimDecision\":{\"value\":\"return\"},\"returnReason\":{\"value\":\"\"}}}"), String.class);
        assertThat(returnedWithoutReason.getStatusCode().value()).as(returnedWithoutReason.getBody()).isEqualTo(400);
        assertThat(returnedWithoutReason.getBody()).contains("请填写“回退理由”");
        ResponseEntity<String> claimed = as("huanwei1").postForEntity("/engine-rest/task/" + claim.getId() + "/submit-form",
                json("{\"variables\":{\"claimDecision\":{\"value\":\"claim\"}}}"), String.class);
        assertThat(claimed.getStatusCode().value()).as(claimed.getBody()).isEqualTo(204);
    }

    /**
     * An embedded HTML form's required text input, textarea and checkbox (which must be ticked) are required of a REST
     * completion and form submission too, as a Camunda form's are: each refusal is a 400 naming the field by its label,
     * and nothing sent with it is saved. Before, only an HTML form's required select was enforced.
     */
    @Test
    void anEmbeddedFormsRequiredTextsAndCheckboxAreRequiredOfARestClientAndNothingIsSaved() {
        String bpmn = """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                    id="d" targetNamespace="t">
                  <bpmn:process id="RequiredHtmlTestProcess" isExecutable="true" camunda:historyTimeToLive="30">
                    <bpmn:startEvent id="StartEvent_Begin" />
                    <bpmn:sequenceFlow id="SequenceFlow_ToCheck" sourceRef="StartEvent_Begin" targetRef="Task_CheckSite" />
                    <bpmn:userTask id="Task_CheckSite" name="现场检查" camunda:candidateGroups="chengguan"
                        camunda:formKey="embedded:deployment:RequiredHtmlTest.html" />
                    <bpmn:sequenceFlow id="SequenceFlow_ToEnd" sourceRef="Task_CheckSite" targetRef="EndEvent_Done" />
                    <bpmn:endEvent id="EndEvent_Done" />
                  </bpmn:process>
                </bpmn:definitions>
                """;
        String html = """
                <form role="form" name="checkSite">
                  <label for="site">检查地点</label>
                  <input id="site" class="form-control" cam-variable-name="site" cam-variable-type="String" required maxlength="100">
                  <label for="finding">检查结论</label>
                  <textarea id="finding" class="form-control" cam-variable-name="finding" cam-variable-type="String" required></textarea>
                  <label for="note">备注</label>
                  <textarea id="note" class="form-control" cam-variable-name="note" cam-variable-type="String"></textarea>
                  <label for="checked">已核对现场</label>
                  <input id="checked" type="checkbox" cam-variable-name="checked" cam-variable-type="Boolean" required>
                </form>""";
        repositoryService.createDeployment().tenantId("jiuting").name("StaffRoutingGuardTest required html")
                .addString("RequiredHtmlTestProcess.bpmn", bpmn).addString("RequiredHtmlTest.html", html).deploy();
        String instance = runtimeService.createProcessInstanceByKey("RequiredHtmlTestProcess").processDefinitionTenantId("jiuting")
                .execute().getId();
        Task task = taskService.createTaskQuery().processInstanceId(instance).singleResult();
        Map<String, String> refused = new java.util.LinkedHashMap<>();
        refused.put("\"note\":{\"value\":\"先记下\"}", "请填写“检查地点”");
        refused.put("\"site\":{\"value\":\"  \"},\"finding\":{\"value\":\"已清理\"},\"checked\":{\"value\":true}", "请填写“检查地点”");
        refused.put("\"site\":{\"value\":\"沪亭北路\"},\"note\":{\"value\":\"先记下\"},\"checked\":{\"value\":true}", "请填写“检查结论”");
        refused.put("\"site\":{\"value\":\"沪亭北路\"},\"finding\":{\"value\":\"已清理\"},\"note\":{\"value\":\"先记下\"}", "请勾选“已核对现场”");
        refused.put("\"site\":{\"value\":\"沪亭北路\"},\"finding\":{\"value\":\"已清理\"},\"checked\":{\"value\":false}", "请勾选“已核对现场”");
        refused.forEach((sent, message) -> {
            for (String action : List.of("/complete", "/submit-form")) {
                ResponseEntity<String> answer = as("chengguan1").postForEntity("/engine-rest/task/" + task.getId() + action,
                        json("{\"variables\":{" + sent + "}}"), String.class);
                assertThat(answer.getStatusCode().value()).as(action + " " + sent + ": " + answer.getBody()).isEqualTo(400);
                assertThat(answer.getBody()).as(sent).contains(message);
            }
        });
        assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);
        assertThat(runtimeService.getVariables(instance)).as("nothing sent with a refused completion is saved")
                .doesNotContainKeys("site", "finding", "note", "checked");

        ResponseEntity<String> done = as("chengguan1").postForEntity("/engine-rest/task/" + task.getId() + "/submit-form", json(
                "{\"variables\":{\"site\":{\"value\":\"沪亭北路\"},\"finding\":{\"value\":\"已清理\"},\"checked\":{\"value\":true}}}"),
                String.class);
        assertThat(done.getStatusCode().value()).as(done.getBody()).isEqualTo(204);
    }

    /**
     * A choice no condition of the gateway after the task takes (a form and diagram that disagree in a way the start-up
     * check cannot see, here deployed past it) is told in Chinese as a 400 naming the choice, not the engine's English 500
     * ENGINE-02004; an administrator's completion gets the Chinese 400 too.
     */
    @Test
    void aChoiceNoFlowOutOfTheGatewayTakesIsAnswered400InChineseNamingIt() {
        String bpmn = """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="d" targetNamespace="t">
                  <bpmn:process id="NoRouteTestProcess" isExecutable="true" camunda:historyTimeToLive="30">
                    <bpmn:startEvent id="StartEvent_Begin" />
                    <bpmn:sequenceFlow id="SequenceFlow_ToChoose" sourceRef="StartEvent_Begin" targetRef="Task_Choose" />
                    <bpmn:userTask id="Task_Choose" name="选择去向" camunda:candidateGroups="chengguan"
                        camunda:formRef="NoRouteTestForm" camunda:formRefBinding="deployment" />
                    <bpmn:sequenceFlow id="SequenceFlow_ToGateway" sourceRef="Task_Choose" targetRef="Gateway_Where" />
                    <bpmn:exclusiveGateway id="Gateway_Where" name="去哪里?" />
                    <bpmn:sequenceFlow id="SequenceFlow_East" sourceRef="Gateway_Where" targetRef="EndEvent_Done">
                      <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${where == 'east' &amp;&amp; execution != null}</bpmn:conditionExpression>
                    </bpmn:sequenceFlow>
                    <bpmn:sequenceFlow id="SequenceFlow_West" sourceRef="Gateway_Where" targetRef="EndEvent_Done">
                      <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${where == 'west'}</bpmn:conditionExpression>
                    </bpmn:sequenceFlow>
                    <bpmn:endEvent id="EndEvent_Done" />
                  </bpmn:process>
                </bpmn:definitions>
                """;
        String form = """
                {"id":"NoRouteTestForm","type":"default","components":[{"type":"radio","key":"where","label":"去向",
                 "values":[{"label":"往东","value":"east"},{"label":"往西","value":"west"},{"label":"往北","value":"north"}],
                 "validate":{"required":true}}]}""";
        repositoryService.createDeployment().tenantId("jiuting").name("StaffRoutingGuardTest no route")
                .addString("NoRouteTestProcess.bpmn", bpmn).addString("NoRouteTest.form", form).deploy();
        String instance = runtimeService.createProcessInstanceByKey("NoRouteTestProcess").processDefinitionTenantId("jiuting")
                .execute().getId();
        Task task = taskService.createTaskQuery().processInstanceId(instance).singleResult();
        String north = "{\"variables\":{\"where\":{\"value\":\"north\"}}}";

        for (String action : List.of("/complete", "/submit-form")) {
            ResponseEntity<String> answer = as("chengguan1").postForEntity("/engine-rest/task/" + task.getId() + action,
                    json(north), String.class);
            assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(400);
            assertThat(answer.getBody()).contains("所选的“往北”（去向）无法让流程继续，请联系流程管理员", "“去哪里?”")
                    .doesNotContain("ENGINE-02004");
        }
        ResponseEntity<String> byAdmin = rest.withBasicAuth("admin", "admin").postForEntity("/engine-rest/task/" + task.getId()
                + "/complete", json(north), String.class);
        assertThat(byAdmin.getStatusCode().value()).as(byAdmin.getBody()).isEqualTo(400);
        assertThat(byAdmin.getBody()).contains("所选的值无法让流程继续，请联系流程管理员", "Gateway_Where");
        assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);
        assertThat(runtimeService.getVariable(instance, "where")).isNull();

        assertThat(as("chengguan1").postForEntity("/engine-rest/task/" + task.getId() + "/submit-form",
                json("{\"variables\":{\"where\":{\"value\":\"west\"}}}"), String.class).getStatusCode().value()).isEqualTo(204);
    }

    /**
     * The form a completion is checked against is read once per process version and kept for everyone: a 锦溪镇 user's
     * refused submission, the first to a fresh version's 办理交办事项, must not leave it with no fillable field for the
     * unit whose task it is (before, that unit's every completion was then refused until a restart).
     */
    @Test
    void anotherOrganisationsRefusedSubmissionLeavesTheFormFillableForTheUnit() throws java.io.IOException {
        var deployment = repositoryService.createDeployment().tenantId("jiuting").name("StaffRoutingGuardTest fresh version");
        for (String file : List.of("processes/WorkAssignmentProcess.bpmn", "forms/WorkAssignmentStart.form",
                "forms/WorkAssignmentHandle.html", "forms/WorkAssignmentReview.form")) {
            // as the application deploys them: the embedded 办理交办事项 form is found by its path
            deployment.addString(file, java.nio.file.Files.readString(java.nio.file.Path.of(file)));
        }
        String definition = repositoryService.createProcessDefinitionQuery().deploymentId(deployment.deploy().getId())
                .singleResult().getId();
        String instance = runtimeService.startProcessInstanceById(definition, Map.of(
                WorkAssignmentProcess.VAR_TITLE, "清理沪亭北路乱张贴", WorkAssignmentProcess.VAR_UNIT_GROUP, "chengguan",
                WorkAssignmentProcess.VAR_REQUIREMENT, "本周内完成", WorkAssignmentProcess.VAR_DUE_DATE, "2026-12-01")).getId();
        Task task = taskService.createTaskQuery().processInstanceId(instance).singleResult();
        String handled = "{\"variables\":{\"handlingResult\":{\"value\":\"已清理\"},\"handled\":{\"value\":true}}}";

        ResponseEntity<String> foreign = as("jxshuili1").postForEntity("/engine-rest/task/" + task.getId() + "/submit-form",
                json(handled), String.class);
        assertThat(foreign.getStatusCode().is2xxSuccessful()).as(foreign.getBody()).isFalse();
        ResponseEntity<String> own = as("chengguan1").postForEntity("/engine-rest/task/" + task.getId() + "/submit-form",
                json(handled), String.class);
        assertThat(own.getStatusCode().value()).as(own.getBody()).isEqualTo(204);
    }

    @Test
    void aFormsReadOnlyFieldsComeBackAsTasklistSendsThemButCannotBeChanged() {
        String instance = runtimeService.createProcessInstanceByKey(WorkAssignmentProcess.KEY).processDefinitionTenantId("jiuting")
                .setVariables(Map.of(
                WorkAssignmentProcess.VAR_TITLE, "清理乱堆物", WorkAssignmentProcess.VAR_UNIT_GROUP, "chengguan",
                WorkAssignmentProcess.VAR_REQUIREMENT, "本周内完成", WorkAssignmentProcess.VAR_DUE_DATE, "2026-12-01")).execute().getId();
        Task task = taskService.createTaskQuery().processInstanceId(instance).singleResult();
        TestRestTemplate chengguan = as("chengguan1");
        ResponseEntity<String> retitled = chengguan.postForEntity("/engine-rest/task/" + task.getId() + "/submit-form", json(
                "{\"variables\":{\"title\":{\"value\":\"别的事项\"},\"handlingResult\":{\"value\":\"已清理\"},"
                        + "\"handled\":{\"value\":true}}}"), String.class);
        assertThat(retitled.getStatusCode().value()).isEqualTo(400);
        assertThat(retitled.getBody()).as("named by the form's label").contains("“事项名称”不是本任务表单中可填写的内容");
        ResponseEntity<String> asTasklist = chengguan.postForEntity("/engine-rest/task/" + task.getId() + "/submit-form", json(
                "{\"variables\":{\"title\":{\"value\":\"清理乱堆物\"},\"requirement\":{\"value\":\"本周内完成\"},"
                        + "\"reviewComment\":{\"value\":\"\"},\"handlingResult\":{\"value\":\"已清理\"},"
                        + "\"handled\":{\"value\":true}}}"), String.class);
        assertThat(asTasklist.getStatusCode().value()).as(asTasklist.getBody()).isEqualTo(204);
    }

    @Test
    void onlyProcessesMeantToBeStartedByHandCanBeStartedAndACaseGetsNoSecondProcess() {
        TestRestTemplate office = as("chuangban1");
        for (String key : List.of("RectificationProcess", "JointMeetingProcess", "CampaignTaskProcess", "NotificationDeliveryProcess")) {
            ResponseEntity<String> start = office.postForEntity("/engine-rest/process-definition/key/" + key + "/tenant-id/jiuting/start",
                    json("{\"variables\":{}}"), String.class);
            assertThat(start.getStatusCode().value()).as(key).isEqualTo(403);
        }
        ResponseEntity<String> startableAnswer = office.getForEntity("/engine-rest/process-definition?startablePermissionCheck=true"
                + "&startableInTasklist=true&latestVersion=true&maxResults=50", String.class);
        assertThat(startableAnswer.getStatusCode().value()).as(startableAnswer.getBody()).isEqualTo(200);
        List<Map<String, Object>> startable = office.getForObject("/engine-rest/process-definition?startablePermissionCheck=true"
                + "&startableInTasklist=true&latestVersion=true&maxResults=50", List.class);
        assertThat(startable.stream().map(d -> d.get("key")))
                .containsExactlyInAnyOrder("CampaignProcess", "WorkAssignmentProcess", "AdHocMeetingProcess");

        Task task = claimTaskOfNewCase("guard-routing-3");
        String caseNo = (String) runtimeService.getVariable(task.getProcessInstanceId(), "caseNo");
        long instances = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(caseNo).count();
        ResponseEntity<String> second = rest.withBasicAuth("admin", "admin").postForEntity(
                "/engine-rest/process-definition/key/RectificationProcess/tenant-id/jiuting/start", json("""
                        {"businessKey":"%s","variables":{"caseNo":{"value":"%s"},"category":{"value":"EXPOSED_GARBAGE"},
                         "urgency":{"value":"NORMAL"},"source":{"value":"PATROL"}}}""".formatted(caseNo, caseNo)), String.class);
        assertThat(second.getStatusCode().is2xxSuccessful()).as(second.getBody()).isFalse();
        assertThat(second.getBody()).contains("已有整改流程");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(caseNo).count()).isEqualTo(instances);
    }

    @Test
    void staffStartAProcessOnlyAtItsStartSoNoStepCanBeReachedPastTheStartChecks() {
        ResponseEntity<String> jinxi = as("jxtuijinban1").postForEntity("/api/campaigns",
                json("{\"template\":\"jinxi-2017-931\",\"code\":\"JX-GUARD\",\"name\":\"锦溪 931\"}"), String.class);
        assertThat(jinxi.getStatusCode().value()).as(jinxi.getBody()).isEqualTo(201);
        String start = "/engine-rest/process-definition/key/%s/tenant-id/jiuting/start";
        // Before 结束活动 with another organisation's campaign as business key: it would end that campaign.
        ResponseEntity<String> closing = as("chuangban1").postForEntity(start.formatted("CampaignProcess"), json("""
                {"businessKey":"JX-GUARD","startInstructions":[{"type":"startBeforeActivity","activityId":"Task_CloseCampaign"}]}"""),
                String.class);
        // At the start event without its listeners: a campaign nobody checked or recorded.
        ResponseEntity<String> unchecked = as("chuangban1").postForEntity(start.formatted("CampaignProcess"), json("""
                {"businessKey":"JT-UNCHECKED","skipCustomListeners":true,
                 "startInstructions":[{"type":"startBeforeActivity","activityId":"StartEvent_CampaignStarted"}]}"""), String.class);
        // Straight to 召开会议并记录, past the check of the meeting call, for a unit the caller picks.
        ResponseEntity<String> meeting = as("chuangban1").postForEntity(start.formatted("AdHocMeetingProcess"), json("""
                {"variables":{"organiserGroup":{"value":"jxtuijinban"},"recordDueAt":{"value":"2027-01-05T10:00:00.000+0800","type":"Date"}},
                 "startInstructions":[{"type":"startBeforeActivity","activityId":"Task_HoldAdHocMeeting"}]}"""), String.class);

        for (ResponseEntity<String> answer : List.of(closing, unchecked, meeting)) {
            assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(403);
            assertThat(answer.getBody()).contains("流程只能从开始处发起");
        }
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey("JX-GUARD").count()).isEqualTo(1);
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey("JT-UNCHECKED").count()).isZero();
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("AdHocMeetingProcess")
                .variableValueEquals("organiserGroup", "jxtuijinban").count()).isZero();
    }

    @Test
    void staffCannotRestartAnEndedProcessAtOneOfItsSteps() {
        Task handle = JiutingWork.assign(runtimeService, taskService, "lvrong", "重启测试");
        runtimeService.deleteProcessInstance(handle.getProcessInstanceId(), "测试结束");
        ResponseEntity<String> restart = as("chuangban1").postForEntity("/engine-rest/process-definition/"
                + handle.getProcessDefinitionId() + "/restart", json("""
                {"processInstanceIds":["%s"],"skipCustomListeners":true,
                 "instructions":[{"type":"startBeforeActivity","activityId":"Task_ReviewResult"}]}""".formatted(
                handle.getProcessInstanceId())), String.class);

        assertThat(restart.getStatusCode().value()).as(restart.getBody()).isEqualTo(403);
        assertThat(restart.getBody()).contains("流程只能从开始处发起");
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(WorkAssignmentProcess.KEY)
                .variableValueEquals(WorkAssignmentProcess.VAR_TITLE, "重启测试").count()).isZero();
    }

    @Test
    void aStartRefusedByItsStartListenerIsAnswered400WithTheReasonThroughStartAsThroughTheStartForm() {
        ResponseEntity<String> past = as("chuangban1").postForEntity(
                "/engine-rest/process-definition/key/AdHocMeetingProcess/tenant-id/jiuting/start", json("""
                        {"variables":{"meetingName":{"value":"临时会议"},"meetingAt":{"value":"2001-01-05T10:00"},
                         "place":{"value":"镇政府"},"agenda":{"value":"一、通报"},"attendeeUnits":{"value":"lvrong"}}}"""),
                String.class);
        assertThat(past.getStatusCode().value()).as(past.getBody()).isEqualTo(400);
        assertThat(past.getBody()).contains("会议时间已经过去").doesNotContain("Cannot instantiate");
    }

    @Test
    void whatAStartSendsForItsStartFormIsCheckedAsTheFormWould() {
        String start = "/engine-rest/process-definition/key/WorkAssignmentProcess/tenant-id/jiuting/start";
        String assignment = """
                {"variables":{"title":{"value":"%s"},"unitGroup":{"value":"%s"},"requirement":{"value":"清理堆物"},
                 "dueDate":{"value":"%s"}}}""";
        Map<String, String> refused = Map.of(
                assignment.formatted("清理\\u0007堆物", "lvrong", FUTURE), "“事项名称”含有不可见的控制字符 U+0007",
                assignment.formatted("长".repeat(5000), "lvrong", FUTURE), "“事项名称”不能超过 200 个字",
                // a unit of another organisation: its task would sit where nobody can open it
                assignment.formatted("清理堆物", "jxshuili", FUTURE), "“承办单位”只能选择",
                // the task's due date is read from it: a 500 (ENGINE-09027) and a deadline 7000 years away
                assignment.formatted("清理堆物", "lvrong", "下周五"), "“完成期限（当日 17:00 前）”应为日期",
                assignment.formatted("清理堆物", "lvrong", "9026-01-20"), "超出可填写的范围",
                // a deadline on a day the office does not work, as a 延期至 or a decision's 期限 may not be
                assignment.formatted("清理堆物（周六）", "lvrong", SATURDAY), "“完成期限（当日 17:00 前）” " + SATURDAY
                        + "（星期六）是休息日，期限须为工作日：请改为下一个工作日 " + SATURDAY.plusDays(2),
                assignment.formatted("清理堆物（国庆）", "lvrong", "2027-10-01"),
                "“完成期限（当日 17:00 前）” 2027-10-01（星期五）是节假日，期限须为工作日：请改为下一个工作日 2027-10-04",
                """
                {"variables":{"title":{"value":"清理堆物"},"requirement":{"value":"清理堆物"},"dueDate":{"value":"%s"}}}""".formatted(FUTURE),
                "请选择“承办单位”");
        refused.forEach((body, message) -> {
            ResponseEntity<String> answer = as("chuangban1").postForEntity(start, json(body), String.class);
            assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(400);
            assertThat(answer.getBody()).contains(message);
        });
        ResponseEntity<String> form = as("chuangban1").postForEntity(
                "/engine-rest/process-definition/key/AdHocMeetingProcess/tenant-id/jiuting/submit-form", json("""
                        {"variables":{"meetingName":{"value":"临时会议\\u0000"},"meetingAt":{"value":"2027-01-05T10:00"},
                         "place":{"value":"镇政府"},"agenda":{"value":"一、通报"},"attendeeUnits":{"value":"lvrong"}}}"""),
                String.class);
        assertThat(form.getStatusCode().value()).as(form.getBody()).isEqualTo(400);
        assertThat(form.getBody()).contains("“会议名称”含有不可见的控制字符 U+0000");
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("WorkAssignmentProcess")
                .variableValueEquals("requirement", "清理堆物").count()).isZero();
        // Tasklist's start form (submit-form) is refused alike, and starts nothing
        ResponseEntity<String> weekendForm = as("chuangban1").postForEntity(start.replace("/start", "/submit-form"),
                json(assignment.formatted("清理堆物（表单）", "lvrong", SATURDAY)), String.class);
        assertThat(weekendForm.getStatusCode().value()).as(weekendForm.getBody()).isEqualTo(400);
        assertThat(weekendForm.getBody()).contains("期限须为工作日：请改为下一个工作日 " + SATURDAY.plusDays(2));
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("WorkAssignmentProcess")
                .variableValueLike("title", "清理堆物（%").count()).isZero();

        ResponseEntity<String> fine = as("chuangban1").postForEntity(start,
                json(assignment.formatted("清理堆物", "lvrong", FUTURE)), String.class);
        assertThat(fine.getStatusCode().value()).as(fine.getBody()).isEqualTo(200);
    }

    /**
     * A start form's day is checked as of today in the organisation's zone (its working calendar's, Asia/Shanghai), not the
     * JVM's: at 00:30 on 6 December in Shanghai a JVM in UTC still has 5 December, and took 6 December ten years on, the
     * last day one may type, for beyond the window.
     */
    @Test
    void aStartFormsDayIsCheckedAsOfTodayInTheOrganisationsZoneNotTheJvms() {
        String start = "/engine-rest/process-definition/key/WorkAssignmentProcess/tenant-id/jiuting/start";
        String assignment = """
                {"variables":{"title":{"value":"时区测试"},"unitGroup":{"value":"lvrong"},"requirement":{"value":"时区测试"},
                 "dueDate":{"value":"%s"}}}""";
        java.util.TimeZone jvm = java.util.TimeZone.getDefault();
        // 00:30 on Tuesday 8 December in Shanghai (a 完成期限 is a working day: the days typed here are weekdays)
        org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(Date.from(java.time.Instant.parse("2026-12-07T16:30:00Z")));
        java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone("UTC"));
        try {
            ResponseEntity<String> beyond = as("chuangban1").postForEntity(start, json(assignment.formatted("2036-12-09")), String.class);
            assertThat(beyond.getStatusCode().value()).as(beyond.getBody()).isEqualTo(400);
            assertThat(beyond.getBody()).contains("超出可填写的范围（2000-01-01 至 2036-12-08）");
            ResponseEntity<String> lastDay = as("chuangban1").postForEntity(start, json(assignment.formatted("2036-12-08")), String.class);
            assertThat(lastDay.getStatusCode().value()).as(lastDay.getBody()).isEqualTo(200);
            // the form takes no day gone by (disallowPassedDates): 7 December is today for the JVM, yesterday in Shanghai
            ResponseEntity<String> past = as("chuangban1").postForEntity(start, json(assignment.formatted("2026-12-07")), String.class);
            assertThat(past.getStatusCode().value()).as(past.getBody()).isEqualTo(400);
            assertThat(past.getBody()).contains("“完成期限（当日 17:00 前）”不能早于今天（2026-12-08）");
            ResponseEntity<String> today = as("chuangban1").postForEntity(start, json(assignment.formatted("2026-12-08")), String.class);
            assertThat(today.getStatusCode().value()).as(today.getBody()).isEqualTo(200);
        } finally {
            java.util.TimeZone.setDefault(jvm);
            org.camunda.bpm.engine.impl.util.ClockUtil.reset();
        }
    }

    @Test
    void staffSeeOnlyThePeopleTheyWorkWith() {
        // A unit's staff (not its head, who also sits in the leading group with the other heads).
        List<Map<String, Object>> users = as("chengguan2").getForObject("/engine-rest/user?maxResults=200", List.class);
        assertThat(users.stream().map(u -> u.get("id"))).contains("chengguan1", "chengguan2", "chuangban1", "lingdao1")
                .doesNotContain("zongguan1", "wuye01a", "jxtuijinban1");
        List<Map<String, Object>> office = as("chuangban1").getForObject("/engine-rest/user?maxResults=200", List.class);
        assertThat(office.stream().map(u -> u.get("id"))).contains("huanwei1", "wuye01a", "chengguan1")
                .as("another organisation's people").doesNotContain("jxtuijinban1", "sjshirongban1");
    }

    @Test
    void staffSeeTheirOwnEmailAddressButNobodyElses() {
        List<Map<String, Object>> users = as("chengguan1").getForObject("/engine-rest/user?maxResults=200", List.class);
        assertThat(users).isNotEmpty();
        assertThat(users).filteredOn(u -> !"chengguan1".equals(u.get("id"))).allSatisfy(u -> assertThat(u.get("email")).isNull());
        assertThat(users).filteredOn(u -> "chengguan1".equals(u.get("id")))
                .singleElement().satisfies(u -> assertThat(u.get("email")).isEqualTo("chengguan1@jiuting.example.cn"));
        Map<String, Object> other = as("chengguan1").getForObject("/engine-rest/user/chuangban1/profile", Map.class);
        assertThat(other).containsEntry("id", "chuangban1").doesNotContainKey("email");
        List<Map<String, Object>> asAdmin = rest.withBasicAuth("admin", "admin").getForObject("/engine-rest/user?maxResults=200", List.class);
        assertThat(asAdmin).anySatisfy(u -> assertThat(u.get("email")).isNotNull());
    }

    /**
     * Filtering or sorting by address would reveal addresses letter by letter even with them taken out of the answer:
     * refused in the engine, whichever door asks. Path parameters and the webapps' engine API get no address either.
     */
    @Test
    void noSpellingOfTheUserQueryTellsStaffAnotherUsersEmailAddress() {
        String own = "chengguan1@jiuting.example.cn";
        List<String> revealing = List.of("/user?emailLike=%25a%25", "/user/count?emailLike=%25chuangban%25",
                "/user?email=chuangban1@jiuting.example.cn", "/user/count?email=chuangban1@jiuting.example.cn",
                "/user?sortBy=email&sortOrder=asc&maxResults=200", "/user;x=1?emailLike=%25a%25");
        WebappSession tasklist = WebappSession.login(port, "chengguan1", "demo");
        for (String query : revealing) {
            ResponseEntity<String> engineRest = as("chengguan1").getForEntity(URI.create("/engine-rest" + query), String.class);
            assertThat(engineRest.getStatusCode().value()).as(query).isEqualTo(403);
            assertThat(engineRest.getBody()).as(query).contains(OthersEmailGuard.MESSAGE).doesNotContain("@");
            HttpResponse<String> webapp = tasklist.get(query);
            assertThat(webapp.statusCode()).as("webapp " + query).isEqualTo(403);
            assertThat(webapp.body()).as("webapp " + query).doesNotContain("@");
        }
        assertThat(rest.withBasicAuth("admin", "admin").getForEntity(URI.create("/engine-rest/user/count?emailLike=%25chuangban%25"),
                Map.class).getBody().get("count")).as("the same query answers an administrator").isEqualTo(2);

        List<String> listings = List.of("/user;x=1?maxResults=200", "/user/chuangban1;x=1/profile",
                "/user?maxResults=200&sortBy=userId&sortOrder=asc", "/user/chuangban1/profile");
        for (String listing : listings) {
            ResponseEntity<String> engineRest = as("chengguan1").getForEntity(URI.create("/engine-rest" + listing), String.class);
            HttpResponse<String> webapp = tasklist.get(listing);
            assertThat(engineRest.getStatusCode().is2xxSuccessful() || engineRest.getStatusCode().value() == 404).as(listing).isTrue();
            assertThat(engineRest.getBody().replace(own, "")).as(listing).doesNotContain("@");
            assertThat(webapp.body().replace(own, "")).as("webapp " + listing).doesNotContain("@");
        }
        assertThat(tasklist.get("/user?maxResults=200").body()).contains("chuangban1", own);
    }
}
