package org.shirong.rectification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.shirong.system.ShirongWebTest;
import org.shirong.system.XlsxDownload;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.shirong.system.SharesSpringContext;

/**
 * A district's oversight of its towns (松江区 over 九亭镇, {@code oversight} in 松江区's organisation file): the 区市容专办
 * (READ, SUPERVISE) reads a 九亭 case and 督办 it — the instruction goes on the case's timeline and to the lead unit,
 * its head and the town's office — but cannot report work in 九亭; the 专办领导 (READ only) reads and may not 督办; a
 * district department and another town's user see nothing. A case not in handling cannot be supervised (409).
 * Duplicates (重复案件), the town office's own oversight of what is reported: a report answers the open cases of its
 * category nearby or at the same address, and only the town's office merges a duplicate into another case.
 */
@ShirongWebTest
@SharesSpringContext
@SuppressWarnings("unchecked")
class DistrictOversightTest {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    TaskService taskService;
    @Autowired
    org.camunda.bpm.engine.RuntimeService runtimeService;
    @Autowired
    org.camunda.bpm.engine.IdentityService identityService;
    @Autowired
    org.camunda.bpm.engine.ManagementService managementService;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;
    @Autowired
    RectificationCases campaignCases;
    @Autowired
    org.camunda.bpm.engine.RepositoryService repositoryService;

    TestRestTemplate as(String user) {
        return rest.withBasicAuth(user, "demo");
    }

    private String jiutingCase(String ref) {
        ResponseEntity<Map> reported = as("lvrong1").postForEntity("/api/cases", CaseApiTest.json("""
                {"title":"九亭大街垃圾堆放","category":"EXPOSED_GARBAGE","urgency":"NORMAL","source":"PATROL",
                 "location":{"address":"九亭大街 88 号"},"externalRef":"%s"}
                """.formatted(ref)), Map.class);
        assertThat(reported.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(reported.getBody()).containsEntry("leadUnit", "huanwei");
        return (String) reported.getBody().get("caseNo");
    }

    private ResponseEntity<Map> supervise(String user, String caseNo, String instruction) {
        return as(user).postForEntity("/api/cases/" + caseNo + "/supervisions",
                CaseApiTest.json("{\"instruction\":" + (instruction == null ? "null" : "\"" + instruction + "\"") + "}"), Map.class);
    }

    @Test
    void theDistrictOfficeReadsAndSupervisesATownCaseButDoesNoWorkThere() {
        String caseNo = jiutingCase("OVERSIGHT-1");

        assertThat(as("sjshirongban1").getForEntity("/api/cases/" + caseNo, Map.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        List<Map<String, Object>> listed = (List<Map<String, Object>>) as("sjshirongban1")
                .getForObject("/api/cases?size=200", Map.class).get("items");
        assertThat(listed).extracting(i -> i.get("caseNo")).contains(caseNo);
        assertThat(as("sjlingdao1").getForEntity("/api/cases/" + caseNo, Map.class).getStatusCode()).isEqualTo(HttpStatus.OK);

        // the shared context's other campaigns leave the office many (later-dated) notices: read only what comes now
        for (String user : List.of("huanwei1", "chuangban1")) {
            as(user).postForEntity("/api/notifications/read", null, Map.class);
        }
        ResponseEntity<Map> given = supervise("sjshirongban1", caseNo, "请于本周内清运完毕，并报区市容专办");
        assertThat(given.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(given.getBody()).containsEntry("caseNo", caseNo).containsEntry("by", "sjshirongban1")
                .containsEntry("from", "松江区 区市容管理专项办公室");

        List<Map<String, Object>> timeline = (List<Map<String, Object>>) as("lvrong1")
                .getForObject("/api/cases/" + caseNo, Map.class).get("timeline");
        assertThat(timeline).filteredOn(e -> "SUPERVISED".equals(e.get("kind"))).singleElement().satisfies(e -> assertThat(e)
                .containsEntry("actor", "sjshirongban1")
                .containsEntry("detail", "松江区 区市容管理专项办公室：请于本周内清运完毕，并报区市容专办"));
        for (String user : List.of("huanwei1", "chuangban1")) {
            List<Map<String, Object>> inbox = as(user).getForObject("/api/notifications?unread=true&limit=200", List.class);
            assertThat(inbox).as("inbox of " + user).filteredOn(m -> caseNo.equals(m.get("businessKey"))
                    && ((String) m.get("subject")).startsWith("【督办】")).singleElement()
                    .satisfies(m -> assertThat((String) m.get("body")).contains("松江区 区市容管理专项办公室", "请于本周内清运完毕"));
        }
        // The town's own office may 督办 too; a second 督办 is a second notice, not a repeat of the first.
        // ... named without its town's name: it is the case's own organisation; and its 督办 ends the office's 督办超期案件
        // still waiting, as any 督办 would (supervisors' review s54 V13)
        String instance = jdbc.queryForObject("select process_instance_id from rect_case where case_no = ?", String.class, caseNo);
        runtimeService.createProcessInstanceModification(instance).startBeforeActivity(RectificationProcess.TASK_SUPERVISE).execute();
        assertThat(taskService.createTaskQuery().processInstanceId(instance).taskDefinitionKey(RectificationProcess.TASK_SUPERVISE)
                .count()).isOne();
        ResponseEntity<Map> own = supervise("chuangban1", caseNo, "再次督办");
        assertThat(own.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(own.getBody()).containsEntry("from", "创建工作办公室");
        assertThat(taskService.createTaskQuery().processInstanceId(instance).taskDefinitionKey(RectificationProcess.TASK_SUPERVISE)
                .count()).isZero();
        List<Map<String, Object>> inbox = as("huanwei1").getForObject("/api/notifications?unread=true&limit=200", List.class);
        assertThat(inbox).filteredOn(m -> caseNo.equals(m.get("businessKey")) && ((String) m.get("subject")).startsWith("【督办】"))
                .hasSize(2);
        // The same person's 督办 of the same case again within the hour floods no one: refused, nothing sent.
        ResponseEntity<Map> repeated = supervise("sjshirongban1", caseNo, "请于本周内清运完毕");
        assertThat(repeated.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(CaseApiTest.errors(repeated)).singleElement().satisfies(e -> assertThat(e).containsEntry("code", "SUPERVISED_RECENTLY"));
        assertThat((List<Map<String, Object>>) as("huanwei1").getForObject("/api/notifications", List.class))
                .filteredOn(m -> caseNo.equals(m.get("businessKey")) && ((String) m.get("subject")).startsWith("【督办】")).hasSize(2);

        ResponseEntity<Map> readOnly = supervise("sjlingdao1", caseNo, "督办");
        assertThat(readOnly.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(CaseApiTest.errors(readOnly)).singleElement().satisfies(e -> assertThat(e).containsEntry("code", "NOT_A_SUPERVISOR"));
        ResponseEntity<Map> blank = supervise("sjshirongban1", caseNo, " ");
        assertThat(blank.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(CaseApiTest.errors(blank)).singleElement().satisfies(e -> assertThat(e)
                .containsEntry("field", "instruction").containsEntry("code", "REQUIRED"));

        for (String outsider : List.of("sjlvrongju1", "jxtuijinban1", "xqshirongban1")) {
            assertThat(as(outsider).getForEntity("/api/cases/" + caseNo, Map.class).getStatusCode()).as(outsider).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(supervise(outsider, caseNo, "督办").getStatusCode()).as(outsider).isEqualTo(HttpStatus.NOT_FOUND);
        }

        ResponseEntity<Map> work = as("sjshirongban1").postForEntity("/api/cases?organization=jiuting", CaseApiTest.json("""
                {"title":"区里代报","category":"EXPOSED_GARBAGE","source":"PATROL","location":{"address":"九亭大街 1 号"}}
                """), Map.class);
        assertThat(work.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(CaseApiTest.errors(work)).singleElement().satisfies(e -> assertThat(e).containsEntry("code", "NOT_A_MEMBER"));
    }

    /**
     * The heads of the case's own units sit in 九亭's leading group, which may 督办: the lead unit's (环卫所, huanwei1) and
     * a responsible unit's (综管办, zongguanhead) are refused (403), so the pressed unit cannot end the office's 督办超期案件
     * by 督办ing itself; nothing is recorded and the office's task still waits until the 组长 督办s (security review s55 S1).
     */
    @Test
    void theCasesOwnUnitsCannotSuperviseItNorEndTheOfficesSupervision() {
        String caseNo = jiutingCase("OVERSIGHT-OWN");
        String instance = jdbc.queryForObject("select process_instance_id from rect_case where case_no = ?", String.class, caseNo);
        runtimeService.createProcessInstanceModification(instance).startBeforeActivity(RectificationProcess.TASK_SUPERVISE).execute();

        for (String head : List.of("huanwei1", "zongguanhead")) {
            ResponseEntity<Map> own = supervise(head, caseNo, "本单位督办本单位的案件");
            assertThat(own.getStatusCode()).as(head).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(CaseApiTest.errors(own)).as(head).singleElement().satisfies(e -> assertThat(e)
                    .containsEntry("code", "OWN_UNIT_CASE"));
        }
        assertThat(CaseApiTest.errors(supervise("huanwei1", caseNo, "督办"))).singleElement().satisfies(e -> assertThat((String) e
                .get("message")).contains("牵头单位（环卫所）", "不能督办本单位牵头的案件"));
        assertThat(CaseApiTest.errors(supervise("zongguanhead", caseNo, "督办"))).singleElement().satisfies(e -> assertThat((String) e
                .get("message")).contains("协办单位（综管办）", "请由创建工作办公室或领导小组组长、副组长督办"));
        assertThat(taskService.createTaskQuery().processInstanceId(instance).taskDefinitionKey(RectificationProcess.TASK_SUPERVISE)
                .count()).as("the office's 督办超期案件 still waits").isOne();
        List<Map<String, Object>> timeline = (List<Map<String, Object>>) as("lvrong1")
                .getForObject("/api/cases/" + caseNo, Map.class).get("timeline");
        assertThat(timeline).noneMatch(e -> "SUPERVISED".equals(e.get("kind")));

        assertThat(supervise("lingdao1", caseNo, "请环卫所今天清运完毕").getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(taskService.createTaskQuery().processInstanceId(instance).taskDefinitionKey(RectificationProcess.TASK_SUPERVISE)
                .count()).isZero();
    }

    /**
     * diffreview-s56 D2: a case's 责任单位 named by its dispatch is refused though it has no party row (a case dispatched
     * before V23, a unit 通知协办单位 skipped, the moment before it runs): through the API and at the office's task alike.
     */
    @Test
    void aResponsibleUnitNotYetToldIsRefusedItsCasesSupervisionToo() {
        String caseNo = jiutingCase("OVERSIGHT-NOPARTY");
        assertThat(jdbc.queryForObject("select responsible_units from rect_case where case_no = ?", String.class, caseNo))
                .contains("zongguan");
        String instance = jdbc.queryForObject("select process_instance_id from rect_case where case_no = ?", String.class, caseNo);
        runtimeService.createProcessInstanceModification(instance).startBeforeActivity(RectificationProcess.TASK_SUPERVISE).execute();
        jdbc.update("delete from rect_case_party where case_no = ?", caseNo);

        ResponseEntity<Map> own = supervise("zongguanhead", caseNo, "本单位督办本单位的案件");
        assertThat(own.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(CaseApiTest.errors(own)).singleElement().satisfies(e -> assertThat(e).containsEntry("code", "OWN_UNIT_CASE")
                .hasEntrySatisfying("message", m -> assertThat((String) m).contains("协办单位（综管办）")));
        assertThat(taskService.createTaskQuery().processInstanceId(instance).taskDefinitionKey(RectificationProcess.TASK_SUPERVISE)
                .count()).as("the office's 督办超期案件 still waits").isOne();
    }

    /**
     * finalreview s55 F1: the office's 督办超期案件 refuses whom the 督办 API refuses. 锦溪's 创建办主任 (jxchuangjian1) is also
     * of the office (推进小组办公室) and sees the task, but on the 规范占道经营 case his unit is 责任单位 of he may not claim
     * it, be given it by a colleague, nor complete it unclaimed: 400 in Chinese through /engine-rest, as Tasklist sends
     * them, the task still waits; the API answers him with the same words. The office's clerk of no unit of the case does it.
     */
    @Test
    void theCasesOwnUnitsCannotClaimOrCompleteTheOfficesSupervisionTaskInTasklist() {
        ResponseEntity<Map> reported = as("jxtuijinban1").postForEntity("/api/cases", CaseApiTest.json("""
                {"title":"学校门口早餐摊占道","category":"REGULATE_ROAD_OCCUPYING_BUSINESS","source":"PATROL",
                 "location":{"address":"锦溪镇学校门口 F%d 号"}}""".formatted(ThreadLocalRandom.current().nextInt(100_000))),
                Map.class);
        assertThat(reported.getStatusCode()).as("%s", reported.getBody()).isEqualTo(HttpStatus.CREATED);
        String caseNo = (String) reported.getBody().get("caseNo");
        String instance = jdbc.queryForObject("select process_instance_id from rect_case where case_no = ?", String.class, caseNo);
        runtimeService.createProcessInstanceModification(instance).startBeforeActivity(RectificationProcess.TASK_SUPERVISE).execute();
        ResponseEntity<List> offered = as("jxchuangjian1").getForEntity("/engine-rest/task?processInstanceBusinessKey=" + caseNo
                + "&taskDefinitionKey=" + RectificationProcess.TASK_SUPERVISE + "&maxResults=10", List.class);
        assertThat(offered.getStatusCode()).isEqualTo(HttpStatus.OK);
        List<Map<String, Object>> found = offered.getBody();
        assertThat(found).as("he is of the office: the task is offered to him").hasSize(1);
        String task = (String) found.get(0).get("id");
        String refusal = "您是本案件协办单位（创建办）的人员，不能督办本单位参与办理的案件；请由推进小组办公室或推进小组组长、副组长督办";

        ResponseEntity<String> claimed = as("jxchuangjian1").postForEntity("/engine-rest/task/" + task + "/claim",
                CaseApiTest.json("{\"userId\":\"jxchuangjian1\"}"), String.class);
        assertThat(claimed.getStatusCode()).as(claimed.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(claimed.getBody()).contains(refusal);
        ResponseEntity<String> assigned = as("jxtuijinban1").postForEntity("/engine-rest/task/" + task + "/assignee",
                CaseApiTest.json("{\"userId\":\"jxchuangjian1\"}"), String.class);
        assertThat(assigned.getStatusCode()).as(assigned.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(assigned.getBody()).as("the clerk is told about whom she assigned, not addressed as of 创建办")
                .contains("创建办主任是本案件协办单位（创建办）的人员，不能督办其单位参与办理的案件；"
                        + "请分配给办公室中不属于该单位的其他人员，或由推进小组组长、副组长督办").doesNotContain("您是");
        assertThat(taskService.createTaskQuery().taskId(task).singleResult().getAssignee()).isNull();
        ResponseEntity<String> completed = as("jxchuangjian1").postForEntity("/engine-rest/task/" + task + "/complete",
                CaseApiTest.json("{\"variables\":{\"supervisionInstruction\":{\"value\":\"本单位已在办理\"}}}"), String.class);
        assertThat(completed.getStatusCode()).as(completed.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(completed.getBody()).contains(refusal);
        assertThat(taskService.createTaskQuery().taskId(task).count()).as("the office's 督办超期案件 still waits").isOne();
        ResponseEntity<Map> api = supervise("jxchuangjian1", caseNo, "本单位已在办理");
        assertThat(api.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(CaseApiTest.errors(api)).singleElement().satisfies(e -> assertThat(e)
                .containsEntry("code", "OWN_UNIT_CASE").containsEntry("message", refusal));

        ResponseEntity<String> byClerk = as("jxtuijinban1").postForEntity("/engine-rest/task/" + task + "/claim",
                CaseApiTest.json("{\"userId\":\"jxtuijinban1\"}"), String.class);
        assertThat(byClerk.getStatusCode()).as(byClerk.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        ResponseEntity<String> done = as("jxtuijinban1").postForEntity("/engine-rest/task/" + task + "/complete",
                CaseApiTest.json("{\"variables\":{\"supervisionInstruction\":{\"value\":\"请城管中队今天劝离\"}}}"), String.class);
        assertThat(done.getStatusCode()).as(done.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(taskService.createTaskQuery().taskId(task).count()).isZero();
    }

    /**
     * One rule for 督办 and 核查 (note s55): the 属地 town's office cooperates on a district case lying in its town, so one
     * of it is refused the case's 督办 as its 核查, even when also of the district office: through the API (403) and at
     * the district office's 督办超期案件 (400); the district office's own staff 督办 it.
     */
    @Test
    void aTerritoryTownsStaffCannotSuperviseTheDistrictCaseLyingInTheirTown() {
        String caseNo = CaseDriver.districtPointProblem(rest, "塔汇路人行道破损", "SURVEY_URBAN_ROADS",
                "石湖荡镇塔汇路 " + ThreadLocalRandom.current().nextInt(100_000) + " 号", "石湖荡镇");
        String instance = jdbc.queryForObject("select process_instance_id from rect_case where case_no = ?", String.class, caseNo);
        runtimeService.createProcessInstanceModification(instance).startBeforeActivity(RectificationProcess.TASK_SUPERVISE).execute();
        String task = taskService.createTaskQuery().processInstanceId(instance).taskDefinitionKey(RectificationProcess.TASK_SUPERVISE)
                .singleResult().getId();
        identityService.saveUser(demoUser("shdsjban"));
        identityService.createMembership("shdsjban", "shdshirongban");
        identityService.createMembership("shdsjban", "sjshirongban");
        identityService.createTenantUserMembership("shihudang", "shdsjban");
        identityService.createTenantUserMembership("songjiang", "shdsjban");
        TestRestTemplate townAndDistrict = rest.withBasicAuth("shdsjban", TEMP_PASSWORD);
        String refusal = "您是本案件协办单位（石湖荡镇市容环境管理办公室）的人员，不能督办本单位参与办理的案件；请由区市容管理专项办公室或区市容专办领导督办";
        try {
            ResponseEntity<Map> api = townAndDistrict.postForEntity("/api/cases/" + caseNo + "/supervisions",
                    CaseApiTest.json("{\"instruction\":\"请区绿化市容局尽快修复\"}"), Map.class);
            assertThat(api.getStatusCode()).as("%s", api.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(CaseApiTest.errors(api)).singleElement().satisfies(e -> assertThat(e)
                    .containsEntry("code", "OWN_UNIT_CASE").containsEntry("message", refusal));
            ResponseEntity<String> claimed = townAndDistrict.postForEntity("/engine-rest/task/" + task + "/claim",
                    CaseApiTest.json("{\"userId\":\"shdsjban\"}"), String.class);
            assertThat(claimed.getStatusCode()).as(claimed.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(claimed.getBody()).contains(refusal);
            assertThat(taskService.createTaskQuery().taskId(task).singleResult().getAssignee()).isNull();
        } finally {
            identityService.deleteUser("shdsjban");
        }
        assertThat(supervise("sjshirongban1", caseNo, "请区绿化市容局尽快修复").getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(taskService.createTaskQuery().taskId(task).count()).isZero();
    }

    /**
     * jxreview-s58 J7: the 督办 form opened before 认领 (and not read again by Tasklist after it) shows the case as it
     * stands now, computed as the form is read, not the figures written when the task was created.
     */
    @Test
    void theSupervisionFormShowsTheCaseAsItStandsWhenOpenedNotAsWhenTheTaskWasCreated() {
        String caseNo = CaseDriver.districtPointProblem(rest, "湖荡路路灯损坏", "SURVEY_URBAN_ROADS",
                "石湖荡镇湖荡路 " + ThreadLocalRandom.current().nextInt(100_000) + " 号", "石湖荡镇");
        String instance = jdbc.queryForObject("select process_instance_id from rect_case where case_no = ?", String.class, caseNo);
        runtimeService.createProcessInstanceModification(instance).startBeforeActivity(RectificationProcess.TASK_SUPERVISE).execute();
        String task = taskService.createTaskQuery().processInstanceId(instance).taskDefinitionKey(RectificationProcess.TASK_SUPERVISE)
                .singleResult().getId();
        String written = (String) taskService.getVariableLocal(task, RectificationProcess.VAR_SUPERVISION_FACTS);
        // after the task was created the town's 协办 fell a week overdue
        jdbc.update("update rect_case_party set due_at = ? where case_no = ?", java.sql.Timestamp.from(
                java.time.Instant.now().minus(java.time.Duration.ofDays(7))), caseNo);

        Map<String, Map<String, Object>> form = as("sjshirongban1").getForObject("/engine-rest/task/" + task + "/form-variables",
                Map.class);
        assertThat((String) form.get(RectificationProcess.VAR_SUPERVISION_FACTS).get("value"))
                .contains("牵头单位：区绿化市容局", "属地街镇 石湖荡镇市容环境管理办公室：待记录，已超期");
        assertThat(taskService.getVariableLocal(task, RectificationProcess.VAR_SUPERVISION_FACTS)).isEqualTo(written);
    }

    /**
     * The 督办 of a case that is 挂账 while its town's 协办 was not yet due: past that due instant the 协办 stands still with
     * the case (as the counts have it, CaseParties.PAUSED), so the form shows it 暂停计时, not overdue, and the 督办意见 does
     * not reach the town as 协办超期未记录.
     */
    @Test
    void aCooperationStandingStillUnderTheCasesSuspensionIsNotOverdueInTheSupervision() {
        String caseNo = CaseDriver.districtPointProblem(rest, "湖荡路广告牌破损", "SURVEY_URBAN_ROADS",
                "石湖荡镇湖荡路 " + ThreadLocalRandom.current().nextInt(100_000) + " 号", "石湖荡镇");
        // 挂账 ten days ago; the town's 协办 fell due a week ago, after the suspension, unrecorded
        java.time.Instant now = java.time.Instant.now();
        jdbc.update("update rect_case set status = 'SUSPENDED', suspended_at = ? where case_no = ?",
                java.sql.Timestamp.from(now.minus(java.time.Duration.ofDays(10))), caseNo);
        jdbc.update("update rect_case_party set due_at = ? where case_no = ?", java.sql.Timestamp.from(
                now.minus(java.time.Duration.ofDays(7))), caseNo);
        String instance = jdbc.queryForObject("select process_instance_id from rect_case where case_no = ?", String.class, caseNo);
        runtimeService.createProcessInstanceModification(instance).startBeforeActivity(RectificationProcess.TASK_SUPERVISE).execute();
        String task = taskService.createTaskQuery().processInstanceId(instance).taskDefinitionKey(RectificationProcess.TASK_SUPERVISE)
                .singleResult().getId();
        Map<String, Map<String, Object>> form = as("sjshirongban1").getForObject("/engine-rest/task/" + task + "/form-variables",
                Map.class);
        assertThat((String) form.get(RectificationProcess.VAR_SUPERVISION_FACTS).get("value"))
                .contains("属地街镇 石湖荡镇市容环境管理办公室：待记录，案件挂账中，暂停计时").doesNotContain("已超期 ");

        assertThat(as("sjshirongban1").postForEntity("/engine-rest/task/" + task + "/claim",
                CaseApiTest.json("{\"userId\":\"sjshirongban1\"}"), String.class).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        ResponseEntity<String> done = as("sjshirongban1").postForEntity("/engine-rest/task/" + task + "/complete",
                CaseApiTest.json("{\"variables\":{\"supervisionInstruction\":{\"value\":\"请区绿化市容局挂账期满后及时修复\"}}}"),
                String.class);
        assertThat(done.getStatusCode()).as(done.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        managementService.createJobQuery().processInstanceId(instance).list().stream()
                .filter(j -> j.getDuedate() == null).forEach(j -> managementService.executeJob(j.getId()));
        List<Map<String, Object>> lead = as("sjlvrongju1").getForObject("/api/notifications?limit=200", List.class);
        assertThat(lead).filteredOn(m -> caseNo.equals(m.get("businessKey")) && ((String) m.get("subject")).startsWith("【督办】"))
                .singleElement().satisfies(m -> assertThat((String) m.get("body")).doesNotContain("协办超期未记录"));
        List<Map<String, Object>> town = as("shdshirongban1").getForObject("/api/notifications?limit=200", List.class);
        assertThat(town).filteredOn(m -> caseNo.equals(m.get("businessKey")) && ((String) m.get("subject")).startsWith("【督办】")).isEmpty();
    }

    /**
     * sjreview-s57 D15: the office's 督办超期案件 of a district point problem shows the 属地 town's office with its 协办
     * overdue, and the 督办意见 reaches that office as well as the lead department: the plan makes the problem their joint
     * duty (区级部门牵头、属地街镇配合).
     */
    @Test
    void theOfficesSupervisionOfAnOverduePointProblemShowsAndTellsTheTerritoryTownWhoseCooperationIsOverdue() {
        String caseNo = CaseDriver.districtPointProblem(rest, "湖荡路候车亭破损", "SURVEY_URBAN_ROADS",
                "石湖荡镇湖荡路 " + ThreadLocalRandom.current().nextInt(100_000) + " 号", "石湖荡镇");
        // the town's 协办 fell due a week ago, unrecorded
        jdbc.update("update rect_case_party set due_at = ? where case_no = ?", java.sql.Timestamp.from(
                java.time.Instant.now().minus(java.time.Duration.ofDays(7))), caseNo);
        String instance = jdbc.queryForObject("select process_instance_id from rect_case where case_no = ?", String.class, caseNo);
        runtimeService.createProcessInstanceModification(instance).startBeforeActivity(RectificationProcess.TASK_SUPERVISE).execute();
        String task = taskService.createTaskQuery().processInstanceId(instance).taskDefinitionKey(RectificationProcess.TASK_SUPERVISE)
                .singleResult().getId();
        assertThat(as("sjshirongban1").postForEntity("/engine-rest/task/" + task + "/claim",
                CaseApiTest.json("{\"userId\":\"sjshirongban1\"}"), String.class).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        Map<String, Map<String, Object>> form = as("sjshirongban1").getForObject("/engine-rest/task/" + task + "/form-variables",
                Map.class);
        assertThat((String) form.get(RectificationProcess.VAR_SUPERVISION_FACTS).get("value"))
                .contains("牵头单位：区绿化市容局", "属地街镇 石湖荡镇市容环境管理办公室：待记录，已超期");

        ResponseEntity<String> done = as("sjshirongban1").postForEntity("/engine-rest/task/" + task + "/complete",
                CaseApiTest.json("{\"variables\":{\"supervisionInstruction\":{\"value\":\"请区绿化市容局会同石湖荡镇3个工作日内修复\"}}}"),
                String.class);
        assertThat(done.getStatusCode()).as(done.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        managementService.createJobQuery().processInstanceId(instance).list().stream()
                .filter(j -> j.getDuedate() == null).forEach(j -> managementService.executeJob(j.getId()));
        for (String user : List.of("sjlvrongju1", "shdshirongban1")) {
            List<Map<String, Object>> inbox = as(user).getForObject("/api/notifications?limit=200", List.class);
            assertThat(inbox).as(user).filteredOn(m -> caseNo.equals(m.get("businessKey"))
                    && ((String) m.get("subject")).startsWith("【督办】")).singleElement()
                    .satisfies(m -> assertThat((String) m.get("body")).contains("请区绿化市容局会同石湖荡镇3个工作日内修复",
                            "协办超期未记录：石湖荡镇市容环境管理办公室"));
        }
    }

    /**
     * diffreview-s57 R2: a district case reported in the district itself has no 协办 at its dispatch; the office then sets
     * its 属地 to 九亭镇 by correction, and 九亭镇's office, asked to cooperate, lets its 协办 fall overdue: the 督办意见 reaches
     * it as well as the lead department, named as overdue, as for a 属地 given at the report.
     */
    @Test
    void theSupervisionTellsTheTerritoryTownTheOfficeSetByCorrection() {
        String caseNo = CaseDriver.districtPointProblem(rest, "沪亭北路绿化带缺株", "SURVEY_URBAN_GREENERY",
                "松江区沪亭北路 " + ThreadLocalRandom.current().nextInt(100_000) + " 号", "松江区");
        assertThat(jdbc.queryForObject("select count(*) from rect_case_party where case_no = ?", Integer.class, caseNo)).isZero();
        ResponseEntity<Map> corrected = as("sjshirongban1").postForEntity("/api/cases/" + caseNo + "/correction",
                CaseApiTest.json("{\"territory\":\"九亭镇\",\"reason\":\"绿化带在九亭镇界内\"}"), Map.class);
        assertThat(corrected.getStatusCode()).as("%s", corrected.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(corrected.getBody()).containsEntry("askedToCooperate", "chuangban");
        jdbc.update("update rect_case_party set due_at = ? where case_no = ?", java.sql.Timestamp.from(
                java.time.Instant.now().minus(java.time.Duration.ofDays(7))), caseNo);
        String instance = jdbc.queryForObject("select process_instance_id from rect_case where case_no = ?", String.class, caseNo);
        runtimeService.createProcessInstanceModification(instance).startBeforeActivity(RectificationProcess.TASK_SUPERVISE).execute();
        String task = taskService.createTaskQuery().processInstanceId(instance).taskDefinitionKey(RectificationProcess.TASK_SUPERVISE)
                .singleResult().getId();
        assertThat(as("sjshirongban1").postForEntity("/engine-rest/task/" + task + "/claim",
                CaseApiTest.json("{\"userId\":\"sjshirongban1\"}"), String.class).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        ResponseEntity<String> done = as("sjshirongban1").postForEntity("/engine-rest/task/" + task + "/complete",
                CaseApiTest.json("{\"variables\":{\"supervisionInstruction\":{\"value\":\"请区绿化市容局会同九亭镇补植\"}}}"),
                String.class);
        assertThat(done.getStatusCode()).as(done.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        managementService.createJobQuery().processInstanceId(instance).list().stream()
                .filter(j -> j.getDuedate() == null).forEach(j -> managementService.executeJob(j.getId()));
        for (String user : List.of("sjlvrongju1", "chuangban1")) {
            List<Map<String, Object>> inbox = as(user).getForObject("/api/notifications?limit=200", List.class);
            assertThat(inbox).as(user).filteredOn(m -> caseNo.equals(m.get("businessKey"))
                    && ((String) m.get("subject")).startsWith("【督办】")).singleElement()
                    .satisfies(m -> assertThat((String) m.get("body")).contains("请区绿化市容局会同九亭镇补植",
                            "协办超期未记录：创建工作办公室（九亭镇）"));
        }
    }

    /**
     * finalreview s55 F5: where the refused unit is the office itself (a town without its own dispatch table gives its
     * office every case), its staff are not sent to the office: the organisation's approvers are named as its file names
     * them (石湖荡镇's 分管领导), and its 分管领导 督办s it. The 督办超期案件 of such a case is theirs, not the office's, where no
     * one could claim it (s56): the 超期督办 notice says so to them, they claim and complete it in Tasklist, and the 督办意见
     * reaches the office as theirs.
     */
    @Test
    void theOfficeRefusedItsOwnCaseIsNotSentToTheOffice() {
        Map<String, Object> officeLed = as("shdshirongban1").postForEntity("/api/cases", CaseApiTest.json(CaseApiTest.body(
                "EXPOSED_GARBAGE", "NORMAL", "湖荡路 F5-" + ThreadLocalRandom.current().nextInt(100_000) + " 号", null)), Map.class)
                .getBody();
        assertThat(officeLed).containsEntry("leadUnit", "shdshirongban");
        String caseNo = (String) officeLed.get("caseNo");
        String instance = jdbc.queryForObject("select process_instance_id from rect_case where case_no = ?", String.class, caseNo);
        runtimeService.createProcessInstanceModification(instance).startBeforeActivity("Task_NotifyCaseOverdue").execute();
        org.camunda.bpm.engine.task.Task supervision = taskService.createTaskQuery().processInstanceId(instance)
                .taskDefinitionKey(RectificationProcess.TASK_SUPERVISE).singleResult();
        String task = supervision.getId();
        assertThat(taskService.getIdentityLinksForTask(task)).filteredOn(l -> l.getGroupId() != null)
                .extracting(org.camunda.bpm.engine.task.IdentityLink::getGroupId).containsExactly("shdlingdao");
        List<Map<String, Object>> told = as("shdlingdao1").getForObject("/api/notifications?limit=200", List.class);
        assertThat(told).as("the 分管领导 hears the task is theirs").filteredOn(m -> caseNo.equals(m.get("businessKey"))
                && ((String) m.get("subject")).startsWith("【超期督办】")).singleElement()
                .satisfies(m -> assertThat((String) m.get("body")).contains("已生成分管领导的“督办超期案件”任务"));
        String refusal = "您是本案件牵头单位（石湖荡镇市容环境管理办公室）的人员，不能督办本单位牵头的案件；请由分管领导督办";

        ResponseEntity<Map> api = supervise("shdshirongban1", caseNo, "请尽快清运");
        assertThat(api.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(CaseApiTest.errors(api)).singleElement().satisfies(e -> assertThat(e)
                .containsEntry("code", "OWN_UNIT_CASE").containsEntry("message", refusal));
        ResponseEntity<String> claimed = as("shdshirongban1").postForEntity("/engine-rest/task/" + task + "/claim",
                CaseApiTest.json("{\"userId\":\"shdshirongban1\"}"), String.class);
        assertThat(claimed.getStatusCode()).as(claimed.getBody()).isIn(HttpStatus.BAD_REQUEST, HttpStatus.FORBIDDEN,
                HttpStatus.NOT_FOUND);
        assertThat(taskService.createTaskQuery().taskId(task).singleResult().getAssignee()).isNull();

        ResponseEntity<String> byLeader = as("shdlingdao1").postForEntity("/engine-rest/task/" + task + "/claim",
                CaseApiTest.json("{\"userId\":\"shdlingdao1\"}"), String.class);
        assertThat(byLeader.getStatusCode()).as(byLeader.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        ResponseEntity<String> done = as("shdlingdao1").postForEntity("/engine-rest/task/" + task + "/complete",
                CaseApiTest.json("{\"variables\":{\"supervisionInstruction\":{\"value\":\"请市容办今天清运完毕\"}}}"), String.class);
        assertThat(done.getStatusCode()).as(done.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(taskService.createTaskQuery().taskId(task).count()).isZero();
        List<Map<String, Object>> inbox = as("shdshirongban1").getForObject("/api/notifications?limit=200", List.class);
        assertThat(inbox).filteredOn(m -> caseNo.equals(m.get("businessKey")) && ((String) m.get("subject")).startsWith("【督办】"))
                .singleElement().satisfies(m -> assertThat((String) m.get("body")).contains("分管领导", "请市容办今天清运完毕"));
    }

    /**
     * F4: a case the office cooperates on (创建工作办公室 among the 责任单位 of the campaign plan item it was found under) falls overdue as its 整改期限
     * timer fires: its 督办超期案件 goes to the approvers (领导小组组长、副组长), not to the office, whose staff would all be
     * refused it, and the 超期督办 notice tells them the task is theirs. One of the lead unit who is also an approver is
     * refused at the Tasklist claim and sent to the approvers alone (not to the cooperating office), as the office's clerk is
     * at the API; another approver claims and completes it.
     */
    @Test
    void theSupervisionOfACaseTheOfficeCooperatesOnGoesToTheApproversWhenItsDeadlineFires() {
        CaseDriver cases = new CaseDriver(rest, jdbc, managementService);
        // a finding of the 占道经营 plan item (锦溪 931 as 九亭 ran it: 城管中队 leads, 创建办 among its 责任单位) entered in a
        // campaign task: recording findings (CampaignTaskResults.recordFindings) reports it with the item's 责任单位 thus
        String caseNo = campaignCases.reportCampaignWork("jiuting", new NewCase("沪亭北路占道经营", "ILLEGAL_STALL", "NORMAL",
                "SELF_INSPECTION", new NewCase.Location("沪亭北路 100 号", null, null, null), "自查发现",
                OwnReferences.campaignFinding("JT-F4", ThreadLocalRandom.current().nextInt(1_000_000), 1)), "chuangban2",
                new RectificationCases.Directions(null, List.of("chuangban", "shichang", "paichusuo"), null)).record().caseNo();
        assertThat(jdbc.queryForObject("select lead_unit || '/' || responsible_units from rect_case where case_no = ?", String.class,
                caseNo)).isEqualTo("chengguan/chuangban,shichang,paichusuo");
        cases.complete("chengguan1", caseNo, "Task_ClaimCase", "{\"claimDecision\":{\"value\":\"claim\"}}");
        String instance = cases.instanceOf(caseNo);
        org.camunda.bpm.engine.runtime.Job timer = managementService.createJobQuery().processInstanceId(instance).timers()
                .activityId(RectificationProcess.BOUNDARY_DEADLINE).singleResult();
        org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(timer.getDuedate());
        try {
            managementService.executeJob(timer.getId());
        } finally {
            org.camunda.bpm.engine.impl.util.ClockUtil.reset();
        }

        String task = taskService.createTaskQuery().processInstanceId(instance).taskDefinitionKey(RectificationProcess.TASK_SUPERVISE)
                .singleResult().getId();
        assertThat(taskService.getIdentityLinksForTask(task)).filteredOn(l -> l.getGroupId() != null)
                .extracting(org.camunda.bpm.engine.task.IdentityLink::getGroupId).as("not the cooperating office's").containsExactly("zuzhang");
        List<Map<String, Object>> told = as("lingdao2").getForObject("/api/notifications?limit=200", List.class);
        assertThat(told).filteredOn(m -> caseNo.equals(m.get("businessKey")) && ((String) m.get("subject")).startsWith("【超期督办】"))
                .singleElement().satisfies(m -> assertThat((String) m.get("body")).contains("已生成领导小组组长、副组长的“督办超期案件”任务"));

        ResponseEntity<Map> api = supervise("chuangban2", caseNo, "请城管中队尽快劝离");
        assertThat(api.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(CaseApiTest.errors(api)).singleElement().satisfies(e -> assertThat(e).containsEntry("code", "OWN_UNIT_CASE")
                .containsEntry("message", "您是本案件协办单位（创建工作办公室）的人员，不能督办本单位参与办理的案件；请由领导小组组长、副组长督办"));
        identityService.saveUser(demoUser("zzchengguan"));
        identityService.createMembership("zzchengguan", "zuzhang");
        identityService.createMembership("zzchengguan", "chengguan");
        identityService.createTenantUserMembership("jiuting", "zzchengguan");
        try {
            ResponseEntity<String> claimed = rest.withBasicAuth("zzchengguan", TEMP_PASSWORD).postForEntity("/engine-rest/task/" + task
                    + "/claim", CaseApiTest.json("{\"userId\":\"zzchengguan\"}"), String.class);
            assertThat(claimed.getStatusCode()).as(claimed.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(claimed.getBody()).contains("您是本案件牵头单位（城管中队）的人员，不能督办本单位牵头的案件；请由领导小组组长、副组长督办");
            assertThat(taskService.createTaskQuery().taskId(task).singleResult().getAssignee()).isNull();
        } finally {
            identityService.deleteUser("zzchengguan");
        }

        ResponseEntity<String> byApprover = as("lingdao2").postForEntity("/engine-rest/task/" + task + "/claim",
                CaseApiTest.json("{\"userId\":\"lingdao2\"}"), String.class);
        assertThat(byApprover.getStatusCode()).as(byApprover.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        ResponseEntity<String> done = as("lingdao2").postForEntity("/engine-rest/task/" + task + "/complete",
                CaseApiTest.json("{\"variables\":{\"supervisionInstruction\":{\"value\":\"请城管中队会同创建办三日内整治到位\"}}}"),
                String.class);
        assertThat(done.getStatusCode()).as(done.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(taskService.createTaskQuery().taskId(task).count()).isZero();
    }

    /**
     * diffreview-s57 R5: the F4 case as it stands when it was dispatched before the flag — its diagram without
     * {@code supervisorsCooperateFlagged}, no {@code supervisorsCooperate} written — still has its 督办超期案件 go to the
     * approvers when its 整改期限 timer fires: its cooperating units are read there once, and the answer kept.
     */
    @Test
    void theSupervisionOfACaseTheOfficeCooperatesOnDispatchedBeforeTheFlagGoesToTheApproversToo() throws Exception {
        CaseDriver cases = new CaseDriver(rest, jdbc, managementService);
        String caseNo = campaignCases.reportCampaignWork("jiuting", new NewCase("沪亭北路占道设摊", "ILLEGAL_STALL", "NORMAL",
                "SELF_INSPECTION", new NewCase.Location("沪亭北路 102 号", null, null, null), "自查发现",
                OwnReferences.campaignFinding("JT-R5", ThreadLocalRandom.current().nextInt(1_000_000), 1)), "chuangban2",
                new RectificationCases.Directions(null, List.of("chuangban", "shichang", "paichusuo"), null)).record().caseNo();
        cases.complete("chengguan1", caseNo, "Task_ClaimCase", "{\"claimDecision\":{\"value\":\"claim\"}}");
        String instance = cases.instanceOf(caseNo);
        org.camunda.bpm.engine.repository.ProcessDefinition current = repositoryService.getProcessDefinition(
                runtimeService.createProcessInstanceQuery().processInstanceId(instance).singleResult().getProcessDefinitionId());
        // the diagram as it was deployed before F4: every resource of its deployment, the diagram without the property
        var before = repositoryService.createDeployment().name("before F4").tenantId(current.getTenantId());
        for (String resource : repositoryService.getDeploymentResourceNames(current.getDeploymentId())) {
            byte[] bytes = repositoryService.getResourceAsStream(current.getDeploymentId(), resource).readAllBytes();
            if (resource.equals(current.getResourceName())) {
                String bpmn = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
                assertThat(bpmn).contains("supervisorsCooperateFlagged");
                bytes = bpmn.replaceAll("<camunda:property name=\"supervisorsCooperateFlagged\"[^>]*>", "")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8);
            }
            before.addInputStream(resource, new java.io.ByteArrayInputStream(bytes));
        }
        String deployment = before.deploy().getId();
        String old = repositoryService.createProcessDefinitionQuery().deploymentId(deployment)
                .processDefinitionKey(RectificationProcess.KEY).singleResult().getId();
        try {
            runtimeService.newMigration(runtimeService.createMigrationPlan(current.getId(), old).mapEqualActivities().build())
                    .processInstanceIds(instance).execute();
            runtimeService.removeVariable(instance, RectificationProcess.VAR_SUPERVISORS_COOPERATE);

            org.camunda.bpm.engine.runtime.Job timer = managementService.createJobQuery().processInstanceId(instance).timers()
                    .activityId(RectificationProcess.BOUNDARY_DEADLINE).singleResult();
            org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(timer.getDuedate());
            try {
                managementService.executeJob(timer.getId());
            } finally {
                org.camunda.bpm.engine.impl.util.ClockUtil.reset();
            }
            String task = taskService.createTaskQuery().processInstanceId(instance)
                    .taskDefinitionKey(RectificationProcess.TASK_SUPERVISE).singleResult().getId();
            assertThat(taskService.getIdentityLinksForTask(task)).filteredOn(l -> l.getGroupId() != null)
                    .extracting(org.camunda.bpm.engine.task.IdentityLink::getGroupId).as("not the cooperating office's")
                    .containsExactly("zuzhang");
            assertThat(runtimeService.getVariable(instance, RectificationProcess.VAR_SUPERVISORS_COOPERATE)).isEqualTo(true);
            List<Map<String, Object>> told = as("lingdao2").getForObject("/api/notifications?limit=200", List.class);
            assertThat(told).filteredOn(m -> caseNo.equals(m.get("businessKey")) && ((String) m.get("subject")).startsWith("【超期督办】"))
                    .singleElement().satisfies(m -> assertThat((String) m.get("body")).contains("领导小组组长、副组长"));
        } finally {
            // the case goes on by today's diagram, as other tests' cases do
            if (runtimeService.createProcessInstanceQuery().processInstanceId(instance).processDefinitionId(old).count() > 0) {
                runtimeService.newMigration(runtimeService.createMigrationPlan(old, current.getId()).mapEqualActivities().build())
                        .processInstanceIds(instance).execute();
            }
            repositoryService.deleteDeployment(deployment, true);
        }
    }

    /**
     * The district office lists and exports one town's cases with {@code organization=jiuting} (without it, its own
     * and its towns' mixed); an organisation it may not read is refused as {@code /api/scores} refuses it (403), an
     * unknown one named (400).
     */
    @Test
    void theDistrictOfficeNarrowsItsListLedgerAndMapToOneTown() {
        String town = jiutingCase("OVERSIGHT-ORG");
        ResponseEntity<Map> reported = as("sjshirongban1").postForEntity("/api/cases", CaseApiTest.json("""
                {"title":"人民北路绿化带缺株","category":"SURVEY_URBAN_GREENERY","source":"SURVEY",
                 "location":{"address":"松江区人民北路 9 号","territory":"松江区","lat":31.03,"lng":121.22}}
                """), Map.class);
        assertThat(reported.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String district = (String) reported.getBody().get("caseNo");

        List<Map<String, Object>> all = (List<Map<String, Object>>) as("sjshirongban1")
                .getForObject("/api/cases?size=200", Map.class).get("items");
        assertThat(all).extracting(i -> i.get("caseNo")).contains(town, district);
        List<Map<String, Object>> jiuting = (List<Map<String, Object>>) as("sjshirongban1")
                .getForObject("/api/cases?size=200&organization=jiuting", Map.class).get("items");
        assertThat(jiuting).extracting(i -> i.get("caseNo")).contains(town).doesNotContain(district);
        assertThat(jiuting).extracting(i -> i.get("tenantId")).containsOnly("jiuting");

        XlsxDownload ledger = XlsxDownload.of(as("sjshirongban1")
                .getForEntity("/api/cases/export.xlsx?organization=jiuting", byte[].class));
        assertThat(ledger.title()).isEqualTo("九亭镇全镇案件台账");
        assertThat(ledger.filterLine()).startsWith("筛选：组织 九亭镇");
        assertThat(CaseApiTest.caseNos(ledger)).contains(town).doesNotContain(district);

        List<Map<String, Object>> districtPoints = (List<Map<String, Object>>) as("sjshirongban1")
                .getForObject("/api/cases/map?organization=songjiang", Map.class).get("points");
        Map<String, Object> townMap = as("sjshirongban1").getForObject("/api/cases/map?organization=jiuting", Map.class);
        List<Map<String, Object>> townPoints = (List<Map<String, Object>>) townMap.get("points");
        assertThat((Map<String, Object>) townMap.get("centre")).as("opens on 九亭镇, not 松江区")
                .containsEntry("lat", 31.13).containsEntry("zoom", 13);
        assertThat(districtPoints).extracting(p -> p.get("caseNo")).contains(district);
        assertThat(townPoints).extracting(p -> p.get("caseNo")).doesNotContain(district);

        for (String path : List.of("/api/cases?organization=", "/api/cases/export.xlsx?organization=",
                "/api/cases/map?organization=")) {
            ResponseEntity<Map> notRead = as("sjshirongban1").getForEntity(path + "jinxi", Map.class);
            assertThat(notRead.getStatusCode()).as(path).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(CaseApiTest.errors(notRead)).singleElement().satisfies(e -> assertThat(e)
                    .containsEntry("code", "NOT_A_MEMBER").containsEntry("message", "您不属于组织 锦溪镇，不能查看该组织的记录"));
            ResponseEntity<Map> unknown = as("sjshirongban1").getForEntity(path + "nowhere", Map.class);
            assertThat(unknown.getStatusCode()).as(path).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(CaseApiTest.errors(unknown)).singleElement().satisfies(e -> assertThat(e)
                    .containsEntry("field", "organization").containsEntry("code", "UNKNOWN_ORGANIZATION"));
        }
        ResponseEntity<Map> control = as("sjshirongban1").getForEntity(java.net.URI.create("/api/cases?organization=jiuting%01"),
                Map.class);
        assertThat(control.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(CaseApiTest.errors(control)).singleElement().satisfies(e -> assertThat(e)
                .containsEntry("field", "organization").containsEntry("code", "INVALID_PARAMETER"));
    }

    /**
     * 发起流程 offers the district office the district's own processes only, once each: not also those of its 17 towns,
     * named alike, each refused on start. Its oversight still reads the towns' definitions (Cockpit).
     */
    @Test
    void theDistrictOfficeIsOfferedToStartOnlyItsOwnProcesses() {
        String startable = "/engine-rest/process-definition?latestVersion=true&active=true&startableInTasklist=true"
                + "&startablePermissionCheck=true&maxResults=200";
        List<Map<String, Object>> offered = as("sjshirongban1").getForObject(startable, List.class);
        assertThat(offered).extracting(d -> d.get("tenantId")).containsOnly("songjiang");
        assertThat(offered).extracting(d -> d.get("name")).containsExactlyInAnyOrder("临时会议", "开展活动", "工作交办");
        assertThat(as("sjshirongban1").getForObject(startable.replace("process-definition?", "process-definition/count?"), Map.class))
                .containsEntry("count", 3);
        assertThat(as("chuangban1").getForObject(startable, List.class)).hasSize(3);

        List<Map<String, Object>> read = as("sjshirongban1")
                .getForObject("/engine-rest/process-definition?key=RectificationProcess&latestVersion=true&maxResults=200", List.class);
        assertThat(read).extracting(d -> d.get("tenantId")).contains("songjiang", "jiuting");
    }

    /**
     * 属地街镇配合: the district's cases lie in its towns but belong to the district, so {@code organization=shihudang}
     * does not find them; {@code territory} (id or name) narrows the list, ledger and map to the cases lying in one town.
     */
    @Test
    void theDistrictOfficeNarrowsItsListLedgerAndMapToTheCasesLyingInOneTown() {
        ResponseEntity<Map> reported = as("sjshirongban1").postForEntity("/api/cases", CaseApiTest.json("""
                {"title":"塔汇路人行道破损","category":"SURVEY_URBAN_ROADS","source":"SURVEY",
                 "location":{"address":"石湖荡镇塔汇路 12 号","territory":"石湖荡镇","lat":30.97,"lng":121.13}}
                """), Map.class);
        assertThat(reported.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String inShihudang = (String) reported.getBody().get("caseNo");
        String inXinqiao = (String) as("sjshirongban1").postForEntity("/api/cases", CaseApiTest.json("""
                {"title":"新站路工地围挡破损","category":"SURVEY_CONSTRUCTION_SITES","source":"SURVEY",
                 "location":{"address":"新桥镇新站路","territory":"xinqiao","lat":31.06,"lng":121.32}}
                """), Map.class).getBody().get("caseNo");

        for (String territory : List.of("shihudang", "石湖荡镇")) {
            List<Map<String, Object>> items = (List<Map<String, Object>>) as("sjshirongban1")
                    .getForObject("/api/cases?size=200&territory=" + territory, Map.class).get("items");
            assertThat(items).extracting(i -> i.get("caseNo")).contains(inShihudang).doesNotContain(inXinqiao);
            assertThat(items).extracting(i -> i.get("territoryName")).containsOnly("石湖荡镇");
        }
        XlsxDownload ledger = XlsxDownload.of(as("sjshirongban1")
                .getForEntity("/api/cases/export.xlsx?territory=shihudang", byte[].class));
        assertThat(ledger.title()).isEqualTo("松江区石湖荡镇属地案件台账");
        assertThat(ledger.filterLine()).startsWith("筛选：属地 石湖荡镇");
        assertThat(CaseApiTest.caseNos(ledger)).contains(inShihudang).doesNotContain(inXinqiao);
        List<Map<String, Object>> points = (List<Map<String, Object>>) as("sjshirongban1")
                .getForObject("/api/cases/map?territory=shihudang", Map.class).get("points");
        assertThat(points).extracting(p -> p.get("caseNo")).contains(inShihudang).doesNotContain(inXinqiao);

        for (String path : List.of("/api/cases?territory=", "/api/cases/export.xlsx?territory=", "/api/cases/map?territory=")) {
            ResponseEntity<Map> unknown = as("sjshirongban1").getForEntity(path + "nowhere", Map.class);
            assertThat(unknown.getStatusCode()).as(path).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(CaseApiTest.errors(unknown)).singleElement().satisfies(e -> assertThat(e)
                    .containsEntry("field", "territory").containsEntry("code", "UNKNOWN_TERRITORY")
                    .containsEntry("message", "参数 territory 无效：没有街镇 \"nowhere\""));
        }
    }

    /**
     * The engine lets whoever reads a task attach files to it and delete its attachments: the district office wrote into
     * a 九亭 task that way (and a town's office into any of its units' tasks). Nobody but an administrator attaches
     * through the engine; photos and attachments go through the forms into Shirong's records.
     */
    @Test
    void theDistrictOfficeCannotAttachFilesToATownsTaskNorDeleteItsAttachments() {
        String caseNo = jiutingCase("OVERSIGHT-ATTACH");
        Task task = taskService.createTaskQuery().processInstanceBusinessKey(caseNo).singleResult();
        org.springframework.util.LinkedMultiValueMap<String, Object> parts = new org.springframework.util.LinkedMultiValueMap<>();
        parts.add("attachment-name", "区里的附件");
        parts.add("content", new org.springframework.core.io.ByteArrayResource("内容".getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return "a.txt";
            }
        });
        for (String user : List.of("sjshirongban1", "chuangban1")) {
            ResponseEntity<String> attached = as(user).postForEntity("/engine-rest/task/" + task.getId() + "/attachment/create",
                    new org.springframework.http.HttpEntity<>(parts, multipart()), String.class);
            assertThat(attached.getStatusCode()).as(user + ": " + attached.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(attached.getBody()).contains("请在任务表单中上传");
        }
        // the lead unit's clerk is stopped before: Camunda's resource looks the task up in the history it may not read
        assertThat(as("huanwei1").postForEntity("/engine-rest/task/" + task.getId() + "/attachment/create",
                new org.springframework.http.HttpEntity<>(parts, multipart()), String.class).getStatusCode().is4xxClientError()).isTrue();
        assertThat(taskService.getTaskAttachments(task.getId())).isEmpty();

        String attachment = taskService.createAttachment(null, task.getId(), null, "管理员的附件", null, "http://example.invalid/").getId();
        ResponseEntity<String> deleted = as("sjshirongban1").exchange("/engine-rest/task/" + task.getId() + "/attachment/" + attachment,
                org.springframework.http.HttpMethod.DELETE, null, String.class);
        // refused; Camunda's resource answers any failure of a deletion as the attachment not found
        assertThat(deleted.getStatusCode().is4xxClientError()).as(deleted.getBody()).isTrue();
        assertThat(taskService.getTaskAttachments(task.getId())).extracting(a -> a.getId()).containsExactly(attachment);
        taskService.deleteTaskAttachment(task.getId(), attachment);
    }

    private static org.springframework.http.HttpHeaders multipart() {
        org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
        headers.setContentType(org.springframework.http.MediaType.MULTIPART_FORM_DATA);
        return headers;
    }

    /** An instruction longer than the 督办 form's 2000 characters is named with its limit and not recorded; 2000 are. */
    @Test
    void anInstructionOverTwoThousandCharactersIsRefusedAndNothingIsRecorded() {
        String caseNo = jiutingCase("OVERSIGHT-LONG");
        ResponseEntity<Map> refused = supervise("chuangban1", caseNo, "请".repeat(5000));
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(CaseApiTest.errors(refused)).singleElement().satisfies(e -> {
            assertThat(e).containsEntry("field", "instruction").containsEntry("code", "TOO_LONG");
            assertThat((String) e.get("message")).contains("督办意见", "2000");
        });
        assertThat(refused.getBody().toString()).doesNotContain("Exception", "DETAIL");
        assertThat(timelineKinds(caseNo)).doesNotContain("SUPERVISED");

        assertThat(supervise("chuangban1", caseNo, "请".repeat(2000)).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(timelineKinds(caseNo)).containsOnlyOnce("SUPERVISED");
    }

    private List<Object> timelineKinds(String caseNo) {
        return ((List<Map<String, Object>>) as("chuangban1").getForObject("/api/cases/" + caseNo, Map.class).get("timeline"))
                .stream().map(e -> e.get("kind")).toList();
    }

    @Test
    void aReturnedCaseWaitingForRedispatchCannotBeSupervised() {
        String caseNo = jiutingCase("OVERSIGHT-2");
        Task claim = taskService.createTaskQuery().processInstanceBusinessKey(caseNo)
                .taskDefinitionKey(RectificationProcess.TASK_CLAIM).singleResult();
        taskService.complete(claim.getId(), Map.of(RectificationProcess.VAR_CLAIM_DECISION, RectificationProcess.RETURN,
                RectificationProcess.VAR_RETURN_REASON, "不属于本单位职责"));

        ResponseEntity<Map> refused = supervise("sjshirongban1", caseNo, "请尽快办理");
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(CaseApiTest.errors(refused)).singleElement().satisfies(e -> assertThat(e)
                .containsEntry("code", "CASE_NOT_IN_HANDLING"));
        assertThat((String) CaseApiTest.errors(refused).get(0).get("message")).contains(caseNo, "不在牵头单位办理中");
    }

    /** Tenant membership lets the engine start a town's processes; oversight must not: 发起流程 in 九亭 is refused. */
    @Test
    void theDistrictOfficeCannotStartProcessesInATown() {
        ResponseEntity<String> inTown = as("sjshirongban1").postForEntity(
                "/engine-rest/process-definition/key/CampaignProcess/tenant-id/jiuting/start", CaseApiTest.json("{}"), String.class);
        assertThat(inTown.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(inTown.getBody()).contains("不能在该组织发起流程");
        String definition = (String) ((Map<String, Object>) as("chuangban1").getForObject(
                "/engine-rest/process-definition/key/CampaignProcess/tenant-id/jiuting", Map.class)).get("id");
        ResponseEntity<String> submitted = as("sjshirongban1").postForEntity("/engine-rest/process-definition/" + definition
                + "/submit-form", CaseApiTest.json("{\"variables\":{}}"), String.class);
        assertThat(submitted.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(submitted.getBody()).contains("不能在该组织发起流程");
        ResponseEntity<String> atActivity = as("sjshirongban1").postForEntity("/engine-rest/process-definition/" + definition
                + "/start", CaseApiTest.json("""
                {"startInstructions":[{"type":"startBeforeActivity","activityId":"StartEvent_CampaignStarted"}]}
                """), String.class);
        assertThat(atActivity.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(atActivity.getBody()).contains("不能在该组织发起流程");
    }

    /** A 九亭 case reported by 绿容所 (lvrong1); {@code lat}/{@code lng} may be null. */
    private ResponseEntity<Map> reportAt(String category, String address, Double lat, Double lng) {
        return reportAt("lvrong1", category, address, lat, lng);
    }

    private ResponseEntity<Map> reportAt(String user, String category, String address, Double lat, Double lng) {
        String location = "{\"address\":\"" + address + "\"" + (lat == null ? "" : ",\"lat\":" + lat + ",\"lng\":" + lng) + "}";
        ResponseEntity<Map> reported = as(user).postForEntity("/api/cases", CaseApiTest.json("""
                {"title":"人行道堆物","category":"%s","source":"PATROL","location":%s}
                """.formatted(category, location)), Map.class);
        assertThat(reported.getStatusCode()).as("%s", reported.getBody()).isEqualTo(HttpStatus.CREATED);
        return reported;
    }

    private static List<Map<String, Object>> duplicates(Map<String, Object> answer) {
        return (List<Map<String, Object>>) answer.get("possibleDuplicates");
    }

    /**
     * A place no other test reports at: a random point of 九亭 (4 × 5 km: in a 1 km square, a point fell within 50 m of
     * another test's case about once in a hundred runs) and a street number from it.
     */
    private static double[] somewhere() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return new double[] {31.12 + random.nextInt(40_000) / 1_000_000.0, 121.28 + random.nextInt(50_000) / 1_000_000.0,
                random.nextInt(100_000, 1_000_000)};
    }

    /** 50 m (shirong.cases.duplicates.distance-meters) north of a point, in degrees of latitude: 30 m is near, 80 m is not. */
    private static double north(double lat, int metres) {
        return lat + metres / 111_320.0;
    }

    @Test
    void aReportAnswersTheOpenCasesOfItsCategoryNearbyOrAtTheSameAddress() {
        double[] at = somewhere();
        String address = "涞坊路 " + (long) at[2] + " 号";
        String first = (String) reportAt("PILED_ITEMS", address, at[0], at[1]).getBody().get("caseNo");
        assertThat(duplicates(reportAt("EXPOSED_GARBAGE", address, at[0], at[1]).getBody())).as("another category").isEmpty();

        // the same address written without spaces and in full-width digits, no coordinates
        String fullWidth = String.valueOf((long) at[2]).chars().mapToObj(ch -> String.valueOf((char) (ch - '0' + '０')))
                .reduce("", String::concat);
        Map<String, Object> sameAddress = reportAt("PILED_ITEMS", "涞坊路" + fullWidth + "号", null, null).getBody();
        assertThat(duplicates(sameAddress)).singleElement().satisfies(d -> assertThat(d).containsEntry("caseNo", first)
                .containsEntry("title", "人行道堆物").containsEntry("address", address).containsEntry("distanceMeters", null)
                .containsEntry("status", "DISPATCHED").containsEntry("statusName", "已派遣").containsEntry("reportedEarlier", true));

        Map<String, Object> near = reportAt("PILED_ITEMS", "涞坊路口", north(at[0], 30), at[1]).getBody();
        assertThat(duplicates(near)).singleElement().satisfies(d -> assertThat(d).containsEntry("caseNo", first)
                .containsEntry("distanceMeters", 30));
        Map<String, Object> far = reportAt("PILED_ITEMS", "涞坊路南口", north(at[0], -80), at[1]).getBody();
        assertThat(duplicates(far)).as("80 m away").isEmpty();

        // the case page's record lists them too, for whoever reads the case
        Map<String, Object> page = as("chuangban1").getForObject("/api/cases/" + near.get("caseNo"), Map.class);
        assertThat(duplicates(page)).extracting(d -> d.get("caseNo")).containsExactly(first);

        // another unit's clerk learns through them of no case it could not read anyway; the office sees them all
        Map<String, Object> byAnotherUnit = reportAt("nongfu1", "PILED_ITEMS", address, at[0], at[1]).getBody();
        assertThat(duplicates(byAnotherUnit)).as("nongfu1 reads none of lvrong1's reports").isEmpty();
        Map<String, Object> itsSecond = reportAt("nongfu1", "PILED_ITEMS", address, at[0], at[1]).getBody();
        assertThat(duplicates(itsSecond)).as("but its own").extracting(d -> d.get("caseNo"))
                .containsExactly(byAnotherUnit.get("caseNo"));
        Map<String, Object> itsPage = as("chuangban1").getForObject("/api/cases/" + byAnotherUnit.get("caseNo"), Map.class);
        assertThat(duplicates(itsPage)).extracting(d -> d.get("caseNo")).contains(first);
        // the first report's page names the later ones as reported later: it is they that go into it
        Map<String, Object> firstPage = as("chuangban1").getForObject("/api/cases/" + first, Map.class);
        assertThat(duplicates(firstPage)).isNotEmpty().allSatisfy(d -> assertThat(d).containsEntry("reportedEarlier", false));
    }

    @Test
    void onlyTheTownOfficeMergesADuplicateWhichEndsAsMergedWithItsTasksAndCountsOnce() throws Exception {
        double[] at = somewhere();
        String address = "九新公路 " + (long) at[2] + " 号";
        String primary = (String) reportAt("PILED_ITEMS", address, at[0], at[1]).getBody().get("caseNo");
        Map<String, Object> duplicateReport = reportAt("PILED_ITEMS", address, at[0], at[1]).getBody();
        String duplicate = (String) duplicateReport.get("caseNo");
        assertThat(duplicates(duplicateReport)).extracting(d -> d.get("caseNo")).containsExactly(primary);
        assertThat(taskService.createTaskQuery().processInstanceBusinessKeyLike(duplicate + "%").list())
                .as("环卫所 cooperates; 各物业公司 not as a whole, the place telling no company of it")
                .extracting(Task::getTaskDefinitionKey).containsExactlyInAnyOrder(RectificationProcess.TASK_CLAIM,
                        CaseCooperationProcess.TASK_RECORD);
        String otherCategory = (String) reportAt("EXPOSED_GARBAGE", address, at[0], at[1]).getBody().get("caseNo");
        String jinxiCase = (String) as("jxtuijinban1").postForEntity("/api/cases", CaseApiTest.json(
                CaseApiTest.body("RECTIFY_TOWN_RIVERS", "NORMAL", "锦溪镇区河道 8 号桥", null)), Map.class).getBody().get("caseNo");
        // both due in a month no other test uses, so that 城管中队's 应结案数 there is these two cases
        jdbc.update("update rect_case set due_at = ? where case_no in (?, ?)",
                java.sql.Timestamp.from(java.time.Instant.parse("2014-06-10T02:00:00Z")), primary, duplicate);
        assertThat(chengguanDueCount("2014-06")).isEqualTo(2);

        // an extension the unit asked for, not yet decided when the office merges the case: no one will decide it
        jdbc.update("insert into rect_case_extension (case_no, seq, reason, requested_due, requested_by, requested_at,"
                + " approver_group) values (?, 1, '等待物业配合', ?, 'chengguan1', ?, 'chuangban')", duplicate,
                java.sql.Timestamp.from(java.time.Instant.now().plus(java.time.Duration.ofDays(7))),
                java.sql.Timestamp.from(java.time.Instant.now()));
        // the case page offers the merge to whom the merge accepts
        assertThat(mayMerge("chuangban1", duplicate)).isTrue();
        assertThat(mayMerge("admin", duplicate)).isTrue();
        assertThat(mayMerge("chengguan1", duplicate)).as("the lead unit").isFalse();
        assertThat(mayMerge("sjshirongban1", duplicate)).as("the district's office").isFalse();
        assertThat(merge("chengguan1", duplicate, primary, "同一处").getStatusCode()).as("the lead unit").isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(CaseApiTest.errors(merge("sjshirongban1", duplicate, primary, "同一处"))).as("the district's office")
                .singleElement().satisfies(e -> assertThat(e).containsEntry("code", "NOT_OFFICE"));
        assertThat(merge("jxtuijinban1", duplicate, primary, "同一处").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(merge("chuangban1", duplicate, "JT-2099-999999", "同一处").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(merge("chuangban1", duplicate, jinxiCase, "同一处").getStatusCode()).as("a case it cannot see")
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertRefused(merge("chuangban1", duplicate, null, "同一处"), "into", "REQUIRED");
        assertRefused(merge("chuangban1", duplicate, primary, " "), "reason", "REQUIRED");
        assertRefused(merge("chuangban1", duplicate, duplicate, "同一处"), "into", "SAME_CASE");
        assertRefused(merge("chuangban1", duplicate, otherCategory, "同一处"), "into", "OTHER_CATEGORY");
        assertRefused(merge("chuangban1", primary, duplicate, "同一处"), "into", "LATER_CASE");
        // a case 500 m away at another address is no possible duplicate: it does not leave the scores through a merge
        String far = (String) reportAt("PILED_ITEMS", "九新公路南段 " + (long) at[2] + " 号", north(at[0], 500), at[1]).getBody()
                .get("caseNo");
        assertRefused(merge("chuangban1", far, primary, "同一处"), "into", "NOT_A_DUPLICATE");
        // one of the office who is also of the lead unit does not take its case out of its scores
        identityService.saveUser(demoUser("cbchengguan"));
        identityService.createMembership("cbchengguan", "chuangban");
        identityService.createMembership("cbchengguan", "chengguan");
        identityService.createTenantUserMembership("jiuting", "cbchengguan");
        TestRestTemplate officeAndUnit = rest.withBasicAuth("cbchengguan", TEMP_PASSWORD);
        try {
            assertThat((Map<String, Object>) officeAndUnit.getForObject("/api/cases/" + duplicate, Map.class).get("actions"))
                    .as("of the lead unit").containsEntry("merge", false);
            ResponseEntity<Map> ownUnit = officeAndUnit.postForEntity("/api/cases/" + duplicate + "/merge", CaseApiTest.json(
                    "{\"into\":\"" + primary + "\",\"reason\":\"同一处\"}"), Map.class);
            assertThat(ownUnit.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(CaseApiTest.errors(ownUnit)).singleElement().satisfies(e -> assertThat(e).containsEntry("code", "OWN_UNITS_CASE"));
        } finally {
            identityService.deleteUser("cbchengguan");
        }
        // a town without a dispatch table of its own gives its office every case: a merge would take one out of the office's
        // scores and the town's ranking, so the town's approvers merge them, as they decide the office's appeals
        Map<String, Object> officeLed = as("shdshirongban1").postForEntity("/api/cases", CaseApiTest.json(
                CaseApiTest.body("EXPOSED_GARBAGE", "NORMAL", "湖荡路 " + (long) at[2] + " 号", null)), Map.class).getBody();
        assertThat(officeLed).containsEntry("leadUnit", "shdshirongban");
        assertThat(mayMerge("shdshirongban1", (String) officeLed.get("caseNo"))).as("office-led, by the office").isFalse();
        assertThat(mayMerge("shdlingdao1", (String) officeLed.get("caseNo"))).as("office-led, by the approvers").isTrue();
        ResponseEntity<Map> byOffice = as("shdshirongban1").postForEntity("/api/cases/" + officeLed.get("caseNo") + "/merge",
                CaseApiTest.json("{\"into\":\"" + officeLed.get("caseNo") + "-X\",\"reason\":\"同一处\"}"), Map.class);
        assertThat(byOffice.getStatusCode().value()).isEqualTo(403);
        assertThat(CaseApiTest.errors(byOffice)).singleElement().satisfies(e -> assertThat(e).containsEntry("code", "OFFICE_LED_CASE"));
        assertRefused(rest.withBasicAuth("admin", "admin").postForEntity("/api/cases/" + duplicate + "/merge", CaseApiTest.json(
                "{\"into\":\"" + jinxiCase + "\",\"reason\":\"同一处\"}"), Map.class), "into", "OTHER_ORGANIZATION");

        ResponseEntity<Map> merged = merge("chuangban1", duplicate, primary, "12345 与巡查重复上报");
        assertThat(merged.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(merged.getBody()).containsEntry("caseNo", duplicate).containsEntry("status", "MERGED")
                .containsEntry("statusName", "已合并").containsEntry("mergedInto", primary).containsEntry("by", "chuangban1");
        assertThat(taskService.createTaskQuery().processInstanceBusinessKeyLike(duplicate + "%").count()).as("its tasks").isZero();

        Map<String, Object> view = as("chuangban1").getForObject("/api/cases/" + duplicate, Map.class);
        assertThat((Map<String, Object>) view.get("record")).containsEntry("status", "MERGED").containsEntry("mergedInto", primary)
                .containsEntry("closedOnTime", null);
        assertThat(view).containsEntry("statusName", "已合并").containsEntry("light", null);
        assertThat((Map<String, Object>) view.get("actions")).as("merged: nothing more to merge").containsEntry("merge", false);
        assertThat(duplicates(view)).isEmpty();
        assertThat((List<Map<String, Object>>) view.get("timeline")).last().satisfies(e -> assertThat(e)
                .containsEntry("kind", "MERGED").containsEntry("kindName", "合并关闭").containsEntry("actor", "chuangban1")
                .containsEntry("detail", "并入 " + primary + "：12345 与巡查重复上报"));
        assertThat((List<Map<String, Object>>) view.get("parties")).extracting(p -> p.get("statusName"))
                .containsOnly("合并关闭时未记录");
        assertThat((List<Map<String, Object>>) as("chuangban1").getForObject("/api/cases/" + primary, Map.class).get("timeline"))
                .filteredOn(e -> "DUPLICATE_MERGED".equals(e.get("kind"))).singleElement()
                .satisfies(e -> assertThat((String) e.get("detail")).startsWith(duplicate + " 作为重复案件并入本案"));
        for (String told : List.of("chengguan1", "lvrong1")) {
            assertThat((List<Map<String, Object>>) as(told).getForObject("/api/notifications", List.class)).as(told)
                    .filteredOn(m -> duplicate.equals(m.get("businessKey"))).extracting(m -> m.get("subject"))
                    .contains("【案件合并】" + duplicate + " 已并入 " + primary);
        }
        // 环卫所 cooperated (a 责任单位 of 堆物): told that its 记录协办情况 ended with the merge, with the case's page
        assertThat((List<Map<String, Object>>) as("huanwei1").getForObject("/api/notifications", List.class))
                .filteredOn(m -> duplicate.equals(m.get("businessKey")) && "case-merged-cooperation".equals(m.get("template")))
                .singleElement().satisfies(m -> {
                    assertThat(m).containsEntry("subject", "【案件合并】" + duplicate + " 已并入 " + primary + "，协办结束");
                    assertThat((String) m.get("body")).contains("由城管中队牵头办理、你单位协办", "“记录协办情况”任务已撤销",
                            "合并理由：12345 与巡查重复上报", "/shirong/cases/" + duplicate);
                });

        ResponseEntity<Map> again = merge("chuangban1", duplicate, primary, "同一处");
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(CaseApiTest.errors(again)).singleElement().satisfies(e -> assertThat(e).containsEntry("code", "CASE_MERGED"));
        String reportedLater = (String) reportAt("PILED_ITEMS", address, at[0], at[1]).getBody().get("caseNo");
        assertThat(merge("chuangban1", reportedLater, duplicate, "同一处").getStatusCode()).as("into a merged case")
                .isEqualTo(HttpStatus.CONFLICT);

        List<Map<String, Object>> listed = (List<Map<String, Object>>) as("chuangban1")
                .getForObject("/api/cases?status=MERGED&size=200", Map.class).get("items");
        assertThat(listed).extracting(i -> i.get("caseNo")).contains(duplicate).doesNotContain(primary);
        XlsxDownload ledger = XlsxDownload.of(as("chuangban1").getForEntity("/api/cases/export.xlsx?status=MERGED", byte[].class));
        assertThat(ledger.data()).filteredOn(r -> duplicate.equals(ledger.text(r, "案件编号"))).singleElement().satisfies(r -> {
            assertThat(ledger.text(r, "状态")).isEqualTo("已合并");
            assertThat(ledger.text(r, "并入案件")).isEqualTo(primary);
            assertThat(ledger.text(r, "结案时间")).isEmpty();
        });
        assertThat(chengguanDueCount("2014-06")).as("the duplicate leaves 城管中队's cases due").isEqualTo(1);
        ResponseEntity<byte[]> dossier = as("chuangban1").getForEntity("/api/cases/" + duplicate + "/dossier.pdf", byte[].class);
        assertThat(dossier.getStatusCode()).isEqualTo(HttpStatus.OK);
        try (var pdf = org.apache.pdfbox.Loader.loadPDF(dossier.getBody())) {
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(pdf)).contains("已合并", "作为重复案件并入 " + primary,
                    "合并关闭时", "未审批").doesNotContain("结案时间", "待审批"); // the tables wrap 合并关闭时未记录, 未审批（案件已合并）
        }
    }

    /**
     * 作废 (user review s48, M15): only the town's office voids a case not yet closed, with a reason; its tasks and 协办 end,
     * the page, the list and the ledger show it 已作废, the timeline says who and why, it leaves the unit's scores, the lead
     * unit is told; a second void, a reopening or a merge of it finds it ended (409).
     */
    @Test
    void onlyTheTownOfficeVoidsACaseNotYetClosedWithAReasonAndItLeavesTasksAndScores() throws Exception {
        double[] at = somewhere();
        String caseNo = (String) reportAt("PILED_ITEMS", "九新公路 " + (long) at[2] + " 号", at[0], at[1]).getBody().get("caseNo");
        jdbc.update("update rect_case set due_at = ? where case_no = ?",
                java.sql.Timestamp.from(java.time.Instant.parse("2013-08-12T02:00:00Z")), caseNo);
        assertThat(chengguanDueCount("2013-08")).isEqualTo(1);

        assertThat(mayVoid("chuangban1", caseNo)).isTrue();
        assertThat(mayVoid("chengguan1", caseNo)).as("the lead unit").isFalse();
        ResponseEntity<Map> byUnit = voidCase("chengguan1", caseNo, "不是问题");
        assertThat(byUnit.getStatusCode()).as("the lead unit's staff").isEqualTo(HttpStatus.FORBIDDEN);
        assertThat((String) CaseApiTest.errors(byUnit).get(0).get("message")).contains("只有九亭镇创建工作办公室可以作废案件");
        assertThat(voidCase("huanwei1", caseNo, "不是问题").getStatusCode()).as("another unit").isIn(HttpStatus.FORBIDDEN,
                HttpStatus.NOT_FOUND);
        assertThat(voidCase("jxtuijinban1", caseNo, "不是问题").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertRefused(voidCase("chuangban1", caseNo, " "), "reason", "REQUIRED");

        ResponseEntity<Map> voided = voidCase("chuangban1", caseNo, "地址在泗泾镇，不属本镇范围");
        assertThat(voided.getStatusCode()).as("%s", voided.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(voided.getBody()).containsEntry("caseNo", caseNo).containsEntry("status", "VOIDED")
                .containsEntry("statusName", "已作废").containsEntry("by", "chuangban1")
                .containsEntry("reason", "地址在泗泾镇，不属本镇范围");
        assertThat(taskService.createTaskQuery().processInstanceBusinessKeyLike(caseNo + "%").count()).as("its tasks").isZero();
        Map<String, Object> view = as("chuangban1").getForObject("/api/cases/" + caseNo, Map.class);
        assertThat(view).containsEntry("statusName", "已作废").containsEntry("light", null);
        assertThat((Map<String, Object>) view.get("actions")).containsEntry("void", false).containsEntry("merge", false)
                .containsEntry("reopen", false);
        assertThat((List<Map<String, Object>>) view.get("timeline")).last().satisfies(e -> assertThat(e)
                .containsEntry("kind", "VOIDED").containsEntry("kindName", "作废").containsEntry("actor", "chuangban1")
                .containsEntry("detail", "地址在泗泾镇，不属本镇范围"));
        assertThat((List<Map<String, Object>>) view.get("parties")).extracting(p -> p.get("statusName")).containsOnly("作废时未记录");
        assertThat((List<Map<String, Object>>) as("chengguan1").getForObject("/api/notifications", List.class))
                .filteredOn(m -> caseNo.equals(m.get("businessKey"))).extracting(m -> m.get("subject"))
                .contains("【案件作废】" + caseNo + " 已作废，不再办理");
        assertThat(chengguanDueCount("2013-08")).as("a voided case leaves the scores").isZero();
        List<Map<String, Object>> listed = (List<Map<String, Object>>) as("chuangban1")
                .getForObject("/api/cases?status=VOIDED&size=200", Map.class).get("items");
        assertThat(listed).extracting(i -> i.get("caseNo")).contains(caseNo);
        XlsxDownload ledger = XlsxDownload.of(as("chuangban1").getForEntity("/api/cases/export.xlsx?status=VOIDED", byte[].class));
        assertThat(ledger.data()).filteredOn(r -> caseNo.equals(ledger.text(r, "案件编号"))).singleElement().satisfies(r -> {
            assertThat(ledger.text(r, "状态")).isEqualTo("已作废");
            assertThat(ledger.text(r, "结案时间")).isEmpty();
        });

        ResponseEntity<Map> again = voidCase("chuangban1", caseNo, "再次作废");
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(CaseApiTest.errors(again)).singleElement().satisfies(e -> assertThat(e).containsEntry("code", "CASE_VOIDED"));
        assertThat(reopen("chuangban1", caseNo, "问题复发").getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        // two voids at once: one voids, the other finds it ended
        String other = (String) reportAt("PILED_ITEMS", "九新公路 " + ((long) at[2] + 1) + " 号", north(at[0], 300), at[1])
                .getBody().get("caseNo");
        List<ResponseEntity<Map>> both = atOnce(() -> voidCase("chuangban1", other, "误导入"), () -> voidCase("chuangban1", other,
                "误导入"));
        assertThat(both).extracting(r -> r.getStatusCode().value()).containsExactlyInAnyOrder(200, 409);
    }

    /**
     * 更正 (user review s48, M15): only the town's office corrects a case not yet closed, naming each bad field; a category
     * the dispatch table gives another lead unit is refused (409: a re-dispatch), one of the same lead unit taken by its
     * name; the record, the timeline (what was and is, and why) and the open tasks of the case and its 协办 show it.
     */
    @Test
    void onlyTheTownOfficeCorrectsACaseAndTheTimelineAndItsOpenTasksShowIt() {
        double[] at = somewhere();
        String caseNo = (String) reportAt("PILED_ITEMS", "九新公路 " + (long) at[2] + " 号", at[0], at[1]).getBody().get("caseNo");
        assertThat(mayCorrect("chuangban1", caseNo)).isTrue();
        assertThat(mayCorrect("chengguan1", caseNo)).isFalse();
        assertThat(correct("chengguan1", caseNo, "{\"title\":\"x\",\"reason\":\"错字\"}").getStatusCode())
                .as("the lead unit's staff").isEqualTo(HttpStatus.FORBIDDEN);
        assertRefused(correct("chuangban1", caseNo, "{\"reason\":\"错字\"}"), "title", "NOTHING_TO_CORRECT");
        assertRefused(correct("chuangban1", caseNo, "{\"title\":\"人行道堆放建材\"}"), "reason", "REQUIRED");
        assertRefused(correct("chuangban1", caseNo, "{\"address\":\"  \",\"reason\":\"错字\"}"), "address", "REQUIRED");
        assertRefused(correct("chuangban1", caseNo, "{\"category\":\"乱堆物料垃圾\",\"reason\":\"错类\"}"), "category",
                "UNKNOWN_CATEGORY");
        ResponseEntity<Map> otherUnit = correct("chuangban1", caseNo, "{\"category\":\"暴露垃圾\",\"reason\":\"错类\"}");
        assertThat(otherUnit.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(CaseApiTest.errors(otherUnit)).singleElement().satisfies(e -> assertThat(e)
                .containsEntry("code", "CATEGORY_CHANGES_LEAD_UNIT"));

        ResponseEntity<Map> corrected = correct("chuangban1", caseNo, "{\"title\":\"沿街商铺门前堆物\",\"address\":\"九新公路 "
                + (long) at[2] + " 号甲\",\"category\":\"门责（责任区）未履责\",\"reason\":\"现场核实为门责问题\"}");
        assertThat(corrected.getStatusCode()).as("%s", corrected.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(corrected.getBody()).containsEntry("category", "DOOR_DUTY_UNFULFILLED").containsEntry("by", "chuangban1");
        Map<String, Object> view = as("chuangban1").getForObject("/api/cases/" + caseNo, Map.class);
        assertThat((Map<String, Object>) view.get("record")).containsEntry("title", "沿街商铺门前堆物")
                .containsEntry("address", "九新公路 " + (long) at[2] + " 号甲").containsEntry("category", "DOOR_DUTY_UNFULFILLED")
                .containsEntry("leadUnit", "chengguan");
        assertThat((List<Map<String, Object>>) view.get("timeline")).last().satisfies(e -> {
            assertThat(e).containsEntry("kind", "CORRECTED").containsEntry("kindName", "更正").containsEntry("actor", "chuangban1");
            assertThat((String) e.get("detail")).contains("标题：“人行道堆物”改为“沿街商铺门前堆物”", "问题类别：“乱堆物”改为“门责（责任区）未履责”",
                    "更正说明：现场核实为门责问题");
        });
        assertThat(taskService.createTaskQuery().processInstanceBusinessKeyLike(caseNo + "%").list()).isNotEmpty()
                .allSatisfy(t -> assertThat(t.getName()).contains("沿街商铺门前堆物", (long) at[2] + " 号甲"));

        assertThat(voidCase("chuangban1", caseNo, "重复上报").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(correct("chuangban1", caseNo, "{\"title\":\"再改\",\"reason\":\"错字\"}").getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);
    }

    private ResponseEntity<Map> correct(String user, String caseNo, String body) {
        return as(user).postForEntity("/api/cases/" + caseNo + "/correction", CaseApiTest.json(body), Map.class);
    }

    private boolean mayCorrect(String user, String caseNo) {
        return (Boolean) ((Map<String, Object>) as(user).getForObject("/api/cases/" + caseNo, Map.class).get("actions")).get("correct");
    }

    private ResponseEntity<Map> voidCase(String user, String caseNo, String reason) {
        return as(user).postForEntity("/api/cases/" + caseNo + "/void", CaseApiTest.json("{\"reason\":\"" + reason + "\"}"),
                Map.class);
    }

    private boolean mayVoid(String user, String caseNo) {
        return (Boolean) ((Map<String, Object>) as(user).getForObject("/api/cases/" + caseNo, Map.class).get("actions")).get("void");
    }

    @Test
    void onlyTheTownOfficeReopensACaseClosedWithinTheWindowOnceEvenAtOnceAndItGoesBackToItsLeadUnitAndCountsAgainstIt()
            throws Exception {
        CaseDriver driver = new CaseDriver(rest, jdbc, managementService);
        String caseNo = driver.driveToClosure("REOPEN-" + ThreadLocalRandom.current().nextLong(1_000_000_000L));
        String open = jiutingCase("REOPEN-OPEN-" + ThreadLocalRandom.current().nextLong(1_000_000_000L));
        String jinxiCase = (String) as("jxtuijinban1").postForEntity("/api/cases", CaseApiTest.json(
                CaseApiTest.body("RECTIFY_TOWN_RIVERS", "NORMAL", "锦溪镇区河道 9 号桥", null)), Map.class).getBody().get("caseNo");

        // the case page offers 重新打开 to whom the reopening accepts, and only for a closed case
        assertThat(mayReopen("chuangban1", caseNo)).isTrue();
        assertThat(mayReopen("admin", caseNo)).isTrue();
        assertThat(mayReopen("chengguan1", caseNo)).as("the lead unit").isFalse();
        assertThat(mayReopen("sjshirongban1", caseNo)).as("the district's office").isFalse();
        assertThat(mayReopen("chuangban1", open)).as("a case in handling").isFalse();
        assertThat(reopen("chengguan1", caseNo, "又有摊位").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(CaseApiTest.errors(reopen("sjshirongban1", caseNo, "又有摊位"))).singleElement()
                .satisfies(e -> assertThat(e).containsEntry("code", "NOT_OFFICE"));
        assertThat(reopen("chuangban1", jinxiCase, "又有摊位").getStatusCode()).as("another town's case").isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(reopen("chuangban1", "JT-2099-999999", "又有摊位").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertRefused(reopen("chuangban1", caseNo, " "), "reason", "REQUIRED");
        assertRefused(reopen("chuangban1", caseNo, "又有摊位".repeat(600)), "reason", "TOO_LONG");
        ResponseEntity<Map> notClosed = reopen("chuangban1", open, "又有摊位");
        assertThat(notClosed.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(CaseApiTest.errors(notClosed)).singleElement().satisfies(e -> assertThat(e).containsEntry("code", "CASE_NOT_CLOSED"));
        java.sql.Timestamp closedAt = jdbc.queryForObject("select closed_at from rect_case where case_no = ?", java.sql.Timestamp.class,
                caseNo);
        jdbc.update("update rect_case set closed_at = ? where case_no = ?",
                java.sql.Timestamp.from(closedAt.toInstant().minus(java.time.Duration.ofDays(31))), caseNo);
        assertThat(mayReopen("chuangban1", caseNo)).as("closed 31 days ago").isFalse();
        ResponseEntity<Map> tooLate = reopen("chuangban1", caseNo, "又有摊位");
        assertThat(tooLate.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(CaseApiTest.errors(tooLate)).singleElement().satisfies(e -> assertThat(e)
                .containsEntry("code", "REOPEN_WINDOW_PASSED")
                .hasEntrySatisfying("message", m -> assertThat((String) m).contains("结案 30 天内才能重新打开", "请作为新案件上报")));
        jdbc.update("update rect_case set closed_at = ? where case_no = ?", closedAt, caseNo);
        assertThat(jdbc.queryForObject("select count(*) from rect_case_event where case_no = ? and kind = 'REOPENED'", Long.class,
                caseNo)).as("nothing recorded by a refusal").isZero();

        String period = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM").format(
                java.time.ZonedDateTime.now(java.time.ZoneId.of("Asia/Shanghai")));
        Map<String, Object> beforeReopening = chengguanIndicators(period);
        String reason = "12345 市民再次反映：摊位又回来了";
        List<ResponseEntity<Map>> answers = atOnce(() -> reopen("chuangban1", caseNo, reason), () -> reopen("chuangban2", caseNo, reason));
        assertThat(answers).extracting(ResponseEntity::getStatusCode)
                .containsExactlyInAnyOrder(HttpStatus.OK, HttpStatus.CONFLICT);
        Map<String, Object> reopened = answers.stream().filter(a -> a.getStatusCode() == HttpStatus.OK).findFirst().orElseThrow()
                .getBody();
        assertThat(reopened).containsEntry("caseNo", caseNo).containsEntry("status", "IN_RECTIFICATION")
                .containsEntry("reopenCount", 1).containsEntry("leadUnit", "chengguan").containsEntry("reason", reason);
        assertThat(jdbc.queryForObject("select count(*) from rect_case_event where case_no = ? and kind = 'REOPENED'", Long.class,
                caseNo)).isOne();
        assertThat(jdbc.queryForObject("select count(*) from act_ru_execution where business_key_ = ? and parent_id_ is null",
                Long.class, caseNo)).as("one instance handles it again").isOne();

        Map<String, Object> view = as("chuangban1").getForObject("/api/cases/" + caseNo, Map.class);
        assertThat(view).containsEntry("statusName", "整改中（重新打开 1 次）");
        assertThat((Map<String, Object>) view.get("record")).containsEntry("reopenCount", 1).containsEntry("closedAt", null);
        assertThat((Map<String, Object>) view.get("actions")).as("open again: nothing to reopen").containsEntry("reopen", false);
        assertThat((List<Map<String, Object>>) view.get("timeline")).last().satisfies(e -> assertThat(e)
                .containsEntry("kind", "REOPENED").containsEntry("kindName", "重新打开")
                .hasEntrySatisfying("detail", d -> assertThat((String) d).startsWith(reason + "（第 1 次重新打开；上一轮于 ")
                        .contains("按期办结")));
        assertThat((List<Map<String, Object>>) view.get("timeline")).filteredOn(e -> "CLOSED".equals(e.get("kind")))
                .as("the first round's closure stays").hasSize(1);
        assertThat((List<Map<String, Object>>) as("chengguan1").getForObject("/api/notifications", List.class))
                .filteredOn(m -> caseNo.equals(m.get("businessKey"))).extracting(m -> m.get("subject"))
                .contains("【案件重新打开】" + caseNo + " 请重新整改");
        XlsxDownload ledger = XlsxDownload.of(as("chuangban1").getForEntity("/api/cases/export.xlsx?status=IN_RECTIFICATION",
                byte[].class));
        assertThat(ledger.data()).filteredOn(r -> caseNo.equals(ledger.text(r, "案件编号"))).singleElement()
                .satisfies(r -> assertThat(ledger.text(r, "重新打开次数")).isEqualTo("1"));
        assertThat(chengguanIndicators(period)).as("counted in the period of the reopening").containsEntry("reopenedCount", 1)
                .as("the round the reopening ended still counts as closed on time in its period")
                .containsEntry("closedCount", beforeReopening.get("closedCount"))
                .containsEntry("onTimeClosedCount", beforeReopening.get("onTimeClosedCount"));

        // back with 城管中队, which rectifies it in Tasklist again without claiming it first
        driver.complete("chengguan1", caseNo, RectificationProcess.TASK_RECTIFY, "{\"rectifyAction\":{\"value\":\"submit\"},"
                + "\"measures\":{\"value\":\"再次清理并加装隔离栏\"},\"photoAfter\":{\"type\":\"File\",\"value\":\""
                + java.util.Base64.getEncoder().encodeToString(CaseApiTest.PNG)
                + "\",\"valueInfo\":{\"filename\":\"after.png\",\"mimetype\":\"image/png\"}}}");
        assertThat(jdbc.queryForObject("select status from rect_case where case_no = ?", String.class, caseNo))
                .isEqualTo("AWAITING_VERIFICATION");
    }

    private ResponseEntity<Map> reopen(String user, String caseNo, String reason) {
        TestRestTemplate caller = "admin".equals(user) ? rest.withBasicAuth("admin", "admin") : as(user);
        return caller.postForEntity("/api/cases/" + caseNo + "/reopen", CaseApiTest.json("{\"reason\":\"" + reason + "\"}"),
                Map.class);
    }

    private boolean mayReopen(String user, String caseNo) {
        TestRestTemplate caller = "admin".equals(user) ? rest.withBasicAuth("admin", "admin") : as(user);
        return (Boolean) ((Map<String, Object>) caller.getForObject("/api/cases/" + caseNo, Map.class).get("actions")).get("reopen");
    }

    /** Both calls released together, so that they reach the server at the same moment. */
    private static <T> List<T> atOnce(java.util.function.Supplier<T> one, java.util.function.Supplier<T> other) throws Exception {
        var barrier = new java.util.concurrent.CyclicBarrier(2);
        var threads = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var first = threads.submit(() -> {
                barrier.await();
                return one.get();
            });
            var second = threads.submit(() -> {
                barrier.await();
                return other.get();
            });
            return List.of(first.get(), second.get());
        } finally {
            threads.shutdownNow();
        }
    }

    /** 城管中队's indicators in 九亭's unit scores of the period, ranked or not. */
    private Map<String, Object> chengguanIndicators(String period) {
        Map<String, Object> scores = as("chuangban1").getForObject("/api/scores?period=" + period, Map.class);
        return java.util.stream.Stream.of("ranking", "noCases")
                .flatMap(list -> ((List<Map<String, Object>>) scores.get(list)).stream())
                .filter(u -> "chengguan".equals(u.get("unitId"))).findFirst()
                .map(u -> (Map<String, Object>) u.get("indicators")).orElseThrow();
    }

    private static final String TEMP_PASSWORD = "Hebing#2026-test";

    private org.camunda.bpm.engine.identity.User demoUser(String id) {
        org.camunda.bpm.engine.identity.User user = identityService.newUser(id);
        user.setFirstName("测试");
        user.setPassword(TEMP_PASSWORD);
        return user;
    }

    private ResponseEntity<Map> merge(String user, String caseNo, String into, String reason) {
        return as(user).postForEntity("/api/cases/" + caseNo + "/merge", CaseApiTest.json("{\"into\":"
                + (into == null ? "null" : "\"" + into + "\"") + ",\"reason\":\"" + reason + "\"}"), Map.class);
    }

    private boolean mayMerge(String user, String caseNo) {
        TestRestTemplate caller = "admin".equals(user) ? rest.withBasicAuth("admin", "admin") : as(user);
        return (Boolean) ((Map<String, Object>) caller.getForObject("/api/cases/" + caseNo, Map.class).get("actions")).get("merge");
    }

    private static void assertRefused(ResponseEntity<Map> response, String field, String code) {
        assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(CaseApiTest.errors(response)).singleElement().satisfies(e -> assertThat(e).containsEntry("field", field)
                .containsEntry("code", code));
    }

    /** 城管中队's 应结案数 (dueCount) in 九亭's unit ranking of the period (2014-06). */
    private int chengguanDueCount(String period) {
        ResponseEntity<Map> scores = as("chuangban1").getForEntity("/api/scores?period=" + period, Map.class);
        assertThat(scores.getStatusCode()).as("%s", scores.getBody()).isEqualTo(HttpStatus.OK);
        List<Map<String, Object>> ranking = (List<Map<String, Object>>) scores.getBody().get("ranking");
        return ranking.stream().filter(u -> "chengguan".equals(u.get("unitId"))).findFirst()
                .map(u -> (Integer) ((Map<String, Object>) u.get("indicators")).get("dueCount")).orElse(0);
    }
}
