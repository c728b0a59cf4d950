package org.shirong.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shirong.system.ShirongWebTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.shirong.system.CampaignLeftovers;
import org.shirong.system.SharesSpringContext;

/** {@code /api/campaigns} and the Tasklist start form through HTTP: starting, every refusal, the list and one campaign's overview. */
@ShirongWebTest
@SharesSpringContext
class CampaignApiTest {

    @Autowired
    TestRestTemplate rest;
    @org.springframework.boot.test.web.server.LocalServerPort
    int port;
    @Autowired
    CampaignTemplates templates;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    org.camunda.bpm.engine.ManagementService managementService;
    @Autowired
    org.camunda.bpm.engine.TaskService taskService;
    @Autowired
    org.camunda.bpm.engine.HistoryService historyService;
    @Autowired
    List<org.shirong.system.FormSelectOptions> formOptions;

    @BeforeEach
    void fixClock() {
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-11-20T02:00:00Z")));
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
        // each test starts its own campaigns of the same templates in the same days, which one running would refuse
        CampaignLeftovers.withdraw(jdbc, runtimeService);
    }

    static HttpEntity<String> json(String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }

    /** What a message's Tasklist link about {@code about} opens for {@code user}, through the inbox's own endpoint. */
    @SuppressWarnings("unchecked")
    Map<String, Object> target(String user, String about) {
        return rest.withBasicAuth(user, "demo").getForObject("/api/notifications/target?about={about}", Map.class, about);
    }

    ResponseEntity<Map> post(String user, String body) {
        return rest.withBasicAuth(user, "demo").postForEntity("/api/campaigns", json(body), Map.class);
    }

    long campaigns() {
        return jdbc.queryForObject("select count(*) from campaign", Long.class);
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> errors(ResponseEntity<Map> response) {
        return (List<Map<String, Object>>) response.getBody().get("errors");
    }

    @Test
    @SuppressWarnings("unchecked")
    void officeStartsACampaignTodayEndingItsPhasesOnThePlansDaysAndSeesItsOverview() {
        ResponseEntity<Map> created = post("chuangban1", """
                {"template":"jiuting-2023-standard-town","code":"JT-2027-DB","name":"九亭镇 2027 年创建达标镇"}""");

        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getHeaders().getLocation()).hasToString("/api/campaigns/JT-2027-DB");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey("JT-2027-DB")
                .processDefinitionKey(CampaignProcess.KEY).count()).isOne();
        Map<String, Object> detail = rest.withBasicAuth("chengguan1", "demo").getForObject("/api/campaigns/JT-2027-DB", Map.class);
        List<Map<String, Object>> phases = (List<Map<String, Object>>) detail.get("phases");
        assertThat(phases).extracting(p -> p.get("name")).containsExactly("前期准备", "宣传动员和自查整改", "总结迎检");
        // 九亭's plan runs by the calendar year (ends: 5月31日, 10月31日, 12月31日): started after 5月31日, it prepares to the
        // next one, not for 2023's three months (which would have it 迎检 in July and end in September).
        assertThat(phases).extracting(p -> p.get("firstDay") + "~" + p.get("lastDay"))
                .containsExactly("2026-11-20~2027-05-31", "2027-06-01~2027-10-31", "2027-11-01~2027-12-31");
        // jtreview-s56 T6: six months of 前期准备 against the plan's three are pointed out, with the day its length would end
        // it; the 目标责任书 is no longer among the tasks that wait for 5月31日 (due a month after the phase begins), nor, since
        // jtreview-s59 T9, the office's 完善组织网络 and 拟订工作方案 (10 and 20 days in, before the 责任书, in the plan's order)
        assertThat((List<String>) created.getBody().get("phaseWarnings")).singleElement().asString()
                .startsWith("第 1 阶段“前期准备”将从 2026-11-20 持续到 2027-05-31，共 193 天，远长于方案的 3 个月（模板按方案的年度节奏在5月31日结束该阶段）")
                .contains("按方案的时长应到 2027-02-19 结束", "将第 1 阶段的结束日期填为 2027-02-19")
                .doesNotContain("签订目标责任书", "完善组织网络", "拟订工作方案并明确职责", "才到期");
        assertThat((List<String>) detail.get("phaseWarnings")).isEqualTo(created.getBody().get("phaseWarnings"));
        assertThat((Map<String, Object>) detail.get("campaign")).containsEntry("startedBy", "chuangban1")
                .containsEntry("templateId", "jiuting-2023-standard-town").containsEntry("statusName", "待开始");
        assertThat((Map<String, Object>) detail.get("cases")).containsEntry("total", 0);
        assertThat(rest.withBasicAuth("lingdao1", "demo").getForObject("/api/campaigns", List.class))
                .anySatisfy(c -> assertThat((Map<String, Object>) c).containsEntry("code", "JT-2027-DB"));
    }

    /**
     * jxreview J8: 锦溪's plan runs by the calendar (明确任务 to 2月底, 全面整治 to 年底, 考核 in the next 上半年); started on 7
     * December its campaign keeps those days, not 17 months of 2017's lengths, and the answer warns that 2028 has no holiday
     * file (a warning: the campaign starts). A phase's end given in dates.phases stands, a bad one is a 400 naming its field.
     */
    @Test
    @SuppressWarnings("unchecked")
    void jinxisCampaignKeepsThePlansDaysOfTheYearAndIsWarnedOfAYearWithoutHolidays() {
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-12-07T01:00:00Z")));
        long before = campaigns();
        ResponseEntity<Map> badDay = post("jxtuijinban1", """
                {"template":"jinxi-2017-931","code":"JX-2027-931","name":"锦溪镇环境综合整治行动（2027年度）",
                 "dates":{"phases":[{"from":"2026-12-07"},{"to":"2027-02-01"},{}]}}""");
        assertThat(badDay.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(errors(badDay)).first().satisfies(e -> assertThat(e).containsEntry("field", "dates.phases[1].to")
                .containsEntry("message", "第 2 阶段的结束日期 2027-02-01 早于开始日期 2027-03-01"));
        assertThat(campaigns()).as("nothing started").isEqualTo(before);

        ResponseEntity<Map> created = post("jxtuijinban1", """
                {"template":"jinxi-2017-931","code":"JX-2027-931","name":"锦溪镇环境综合整治行动（2027年度）","dates":{"start":"2026-12-07"}}""");

        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat((List<Map<String, Object>>) created.getBody().get("phases")).extracting(p -> p.get("firstDay") + "~" + p.get("lastDay"))
                .containsExactly("2026-12-07~2027-02-28", "2027-03-01~2027-12-31", "2028-01-01~2028-06-30");
        assertThat((List<String>) created.getBody().get("calendarWarnings")).as("2027 is provisional, 2028 has no file")
                .anySatisfy(w -> assertThat(w).startsWith("2028年尚无工作日历"))
                .anySatisfy(w -> assertThat(w).startsWith("2027年工作日历为暂定"));
        CampaignLeftovers.withdraw(jdbc, runtimeService);

        ResponseEntity<Map> ownEnd = post("jxtuijinban1", """
                {"template":"jinxi-2017-931","code":"JX-2027-OWN","name":"锦溪镇环境综合整治行动（2027年度）",
                 "dates":{"phases":[{"from":"2026-12-07"},{"to":"2027-11-30"},{}]}}""");
        assertThat(ownEnd.getStatusCode()).as("%s", ownEnd.getBody()).isEqualTo(HttpStatus.CREATED);
        assertThat((List<Map<String, Object>>) ownEnd.getBody().get("phases")).extracting(p -> p.get("firstDay") + "~" + p.get("lastDay"))
                .containsExactly("2026-12-07~2027-02-28", "2027-03-01~2027-11-30", "2027-12-01~2028-06-30");
    }

    /**
     * A phase start tells each unit of its tasks in one message (name, requirement, deadline, the campaign), and a task still
     * open at its deadline tells the unit and the office once, while one done in time tells no one.
     */
    @Test
    void unitsAreToldOfTheirNewTasksInOneMessageAndOfATaskLeftOverdue() {
        assertThat(post("chuangban1", """
                {"template":"jiuting-2023-standard-town","code":"JT-NOTE","name":"九亭镇通知测试"}""").getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        CampaignDriver run = new CampaignDriver("JT-NOTE", managementService, runtimeService, taskService, jdbc);
        run.runUntil(Instant.parse("2026-11-20T02:00:00Z"));

        assertThat(run.inboxBodies("chengguan1", "campaign-tasks-issued")).singleElement().asString().startsWith("城管中队：")
                .contains("九亭镇通知测试“前期准备”阶段开始，向你单位下达以下任务", "签订目标责任书", "期限：2026年12月18日 17:00",
                        "要求：与镇政府签订创建目标责任书");
        // one task, one link: to that task's own process, not to the first open task of the campaign (jtphone-s61 F2)
        String letter = jdbc.queryForObject("select process_instance_id from campaign_task where campaign_code = 'JT-NOTE'"
                + " and task_key = 'signResponsibilityLetter/chengguan'", String.class);
        assertThat(run.inboxBodies("chengguan1", "campaign-tasks-issued").get(0)).contains("#/?about=" + letter)
                .doesNotContain("about=JT-NOTE");
        assertThat(target("chengguan1", letter)).containsEntry("task", run.task("signResponsibilityLetter/chengguan").getId())
                .containsEntry("note", null);
        // several tasks: the campaign (its link opens one of them)
        assertThat(run.inboxBodies("chuangban2", "campaign-tasks-issued").get(0)).contains("#/?about=JT-NOTE");
        assertThat(run.inboxBodies("chuangban2", "campaign-tasks-issued")).singleElement().asString().startsWith("创建工作办公室：")
                .contains("向你单位下达以下 ", "1. 完善组织网络", "2. 拟订工作方案并明确职责");
        // chuangban1 heads 创建工作办公室 and 绿容所: one message, each unit's tasks under its name (two before s54)
        assertThat(run.inboxBodies("chuangban1", "campaign-tasks-issued")).singleElement().asString()
                .startsWith("创建工作办公室、绿容所：").contains("向你所在的 2 个单位下达以下任务", "【创建工作办公室】2 项",
                        "1. 完善组织网络", "【绿容所】1 项\n\n签订目标责任书");
        assertThat(taskService.createTaskQuery().processInstanceBusinessKey("JT-NOTE").taskCandidateGroup("chengguan").count()).isOne();

        run.handIn("signResponsibilityLetter/huanwei", "已签订");
        // due a month after 前期准备 begins (Sunday 2026-12-20: the Friday before, 17:00), not at its end (jtreview-s56 T6)
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-12-18T09:00:01Z")));
        List<String> letters = jdbc.queryForList("select process_instance_id from campaign_task where campaign_code = 'JT-NOTE'"
                + " and task_key like 'signResponsibilityLetter/%'", String.class);
        int open = jdbc.queryForObject("select count(*) from campaign_task where campaign_code = 'JT-NOTE'"
                + " and task_key like 'signResponsibilityLetter/%' and status = 'OPEN'", Integer.class);
        assertThat(open).as("several units overdue at once").isGreaterThan(1);
        for (String instance : letters) {
            managementService.createJobQuery().processInstanceId(instance).timers().list()
                    .forEach(timer -> managementService.executeJob(timer.getId()));
            managementService.createJobQuery().processInstanceId(instance).activityId("Task_NotifyTaskOverdue").list()
                    .forEach(job -> managementService.executeJob(job.getId()));
        }

        assertThat(run.inboxBodies("chengguan1", "campaign-task-overdue")).singleElement().asString()
                .contains("九亭镇通知测试的任务“签订目标责任书（城管中队）”期限为 2026年12月18日 17:00，至今尚未办结，已超期");
        // the office: one digest naming every unit still not done, queued once however many units' timers fired, not one
        // message per unit (sjreview s54 D7)
        assertThat(run.inboxBodies("chuangban2", "campaign-task-overdue")).isEmpty();
        assertThat(run.inboxBodies("chuangban2", "campaign-task-overdue-digest")).singleElement().asString()
                .startsWith("创建工作办公室：").contains("九亭镇通知测试的任务“签订目标责任书”期限为 2026年12月18日 17:00，以下 " + open
                        + " 个单位至今尚未办结", "城管中队").doesNotContain("环卫所");
        assertThat(run.inboxBodies("huanwei1", "campaign-task-overdue")).isEmpty();
        assertThat(taskService.createTaskQuery().processInstanceBusinessKey("JT-NOTE").taskCandidateGroup("chengguan").count())
                .as("the unit still does it").isOne();

        // done by a colleague: the link says so, by whom and when, and opens no other task of the campaign (F2)
        taskService.claim(run.task("signResponsibilityLetter/chengguan").getId(), "chengguan2");
        run.handIn("signResponsibilityLetter/chengguan", "已签订");
        Map<String, Object> done = target("chengguan1", letter);
        assertThat(done).containsEntry("task", null).containsEntry("casePage", null);
        assertThat((String) done.get("note")).startsWith("“签订目标责任书").contains("已由刘队员于 2026年12月18日", "办结，无需再办理");
        // someone of another unit learns nothing of it
        assertThat((String) target("huanwei1", letter).get("note")).doesNotContain("签订目标责任书", "刘队员")
                .contains("不由您所在的单位办理");
        // its cycles would otherwise run in the shared context whenever a later test moves the clock past them
        runtimeService.createProcessInstanceQuery().processInstanceBusinessKey("JT-NOTE").list()
                .forEach(p -> runtimeService.deleteProcessInstanceIfExists(p.getId(), "测试结束", true, true, true, true));
    }

    /**
     * 各居委会 takes part as each of its committees (jtreview T1): every each-unit task is issued once per committee, and a
     * committee's staff see and claim their own committee's task only; the sibling's claim is refused (403) in Chinese.
     */
    @Test
    @SuppressWarnings("unchecked")
    void eachCommitteeGetsItsOwnTaskAndCannotReadOrClaimItsSiblings() {
        assertThat(post("chuangban1", """
                {"template":"jiuting-2023-standard-town","code":"JT-UNITS","name":"九亭镇居委会分别办理测试"}""").getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        CampaignDriver run = new CampaignDriver("JT-UNITS", managementService, runtimeService, taskService, jdbc);
        run.runUntil(Instant.parse("2026-11-20T02:00:00Z"));
        try {
            String first = run.task("signResponsibilityLetter/juwei01").getId();
            String second = run.task("signResponsibilityLetter/juwei02").getId();
            assertThat(taskService.createTaskQuery().processInstanceBusinessKey("JT-UNITS").taskCandidateGroup("juweihui").count())
                    .as("nothing goes to 各居委会 as one").isZero();
            assertThat(jdbc.queryForList("select task_key from campaign_task where campaign_code = 'JT-UNITS'"
                    + " and task_key like 'signResponsibilityLetter/%'", String.class))
                    .contains("signResponsibilityLetter/juwei01", "signResponsibilityLetter/juwei02", "signResponsibilityLetter/wuye01",
                            "signResponsibilityLetter/wuye02")
                    .doesNotContain("signResponsibilityLetter/juweihui", "signResponsibilityLetter/wuye");
            assertThat(taskService.createTaskQuery().taskId(first).singleResult().getName()).startsWith("签订目标责任书（第一居委会）");
            assertThat(jdbc.queryForList("select name from campaign_unit where campaign_code = 'JT-UNITS'", String.class))
                    .contains("第一居委会", "第二居委会", "第一物业公司", "第二物业公司").doesNotContain("各居委会", "各物业公司");

            var secondCommittee = rest.withBasicAuth("juwei02a", "demo");
            List<Map<String, Object>> seen = secondCommittee.getForObject("/engine-rest/task?maxResults=100&processInstanceBusinessKey=JT-UNITS", List.class);
            assertThat(seen).extracting(t -> t.get("id")).contains(second).doesNotContain(first);
            ResponseEntity<String> refused = secondCommittee.postForEntity("/engine-rest/task/" + first + "/claim",
                    json("{\"userId\":\"juwei02a\"}"), String.class);
            assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(refused.getBody()).contains("第一居委会");
            assertThat(taskService.createTaskQuery().taskId(first).singleResult().getAssignee()).isNull();
            assertThat(rest.withBasicAuth("wuye02a", "demo").postForEntity("/engine-rest/task/" + run.task("signResponsibilityLetter/wuye01").getId()
                    + "/claim", json("{\"userId\":\"wuye02a\"}"), String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(rest.withBasicAuth("juwei01a", "demo").postForEntity("/engine-rest/task/" + first + "/claim",
                    json("{\"userId\":\"juwei01a\"}"), String.class).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        } finally {
            runtimeService.createProcessInstanceQuery().processInstanceBusinessKey("JT-UNITS").list()
                    .forEach(p -> runtimeService.deleteProcessInstanceIfExists(p.getId(), "测试结束", true, true, true, true));
        }
    }

    @Test
    void everyBadFieldIsNamedAndNothingIsStarted() {
        long before = campaigns();

        assertThat(errors(post("chuangban1", "{\"template\":\"no-such\",\"code\":\"X-1\",\"name\":\"x\"}")))
                .extracting(e -> e.get("field") + ":" + e.get("code")).containsExactly("template:UNKNOWN_TEMPLATE");
        assertThat(errors(post("chuangban1", "{\"template\":\"jinxi-2017-931\",\"code\":\"JX-JT\",\"name\":\"锦溪\"}")))
                .as("锦溪's template is not 九亭's to start").extracting(e -> e.get("field") + ":" + e.get("code"))
                .containsExactly("template:UNKNOWN_TEMPLATE");
        assertThat(errors(post("jxtuijinban1", "{\"template\":\"jinxi-2017-931\",\"code\":\"锦溪\",\"name\":\"\"}")))
                .extracting(e -> e.get("field") + ":" + e.get("code")).containsExactly("code:INVALID_CODE", "name:REQUIRED");
        assertThat(errors(post("jxtuijinban1", """
                {"template":"jinxi-2017-931","code":"JX-BAD","name":"锦溪","dates":{"phases":[{"from":"2026-12-01","to":"2027-01-31"},
                 {"from":"2027-01-15"},{}]}}""")))
                .extracting(e -> e.get("field") + ":" + e.get("code")).containsExactly("dates.phases[1].from:OVERLAP");
        assertThat(errors(post("jxtuijinban1", "{\"template\":\"jinxi-2017-931\",\"code\":\"JX-OLD\",\"name\":\"锦溪\",\"dates\":{\"start\":\"2017-02-01\"}}")))
                .extracting(e -> e.get("field") + ":" + e.get("code")).containsExactly("dates.start:ALREADY_ENDED");
        assertThat(campaigns()).isEqualTo(before);
    }

    /** The case: a first phase shortened to 11 days would hand out tasks on 12-02 already due in November. */
    @Test
    void aShortenedPhaseThatWouldBackdateItsTasksIsRefusedNamingTheTasksAndTheDates() {
        long before = campaigns();

        ResponseEntity<Map> refused = post("sjshirongban1", """
                {"template":"songjiang-2024-satisfaction","code":"SJ-SHORT","name":"松江","dates":{"phases":[
                 {"from":"2026-12-02","to":"2026-12-12"},{},{}]}}""");

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(errors(refused)).extracting(e -> e.get("field") + ":" + e.get("code"))
                .containsExactly("dates.phases[0]:DUE_BEFORE_ISSUE", "dates.phases[0]:DUE_BEFORE_ISSUE",
                        "dates.phases[0]:DUE_AFTER_PHASE");
        assertThat(errors(refused)).extracting(e -> (String) e.get("message")).satisfiesExactly(
                m -> assertThat(m).contains("认领测评点位问题", "2026-12-02 下达", "P1M", "期限将是 2026-11-12", "补齐短板弱项"),
                m -> assertThat(m).contains("提交整改提升方案", "2026-12-02 下达", "期限将是 2026-11-22"),
                // sjreview-s54 D5: 全面自查自纠 comes with phase 1, due 20 days after it begins: past an 11-day phase
                m -> assertThat(m).contains("全面自查自纠", "2026-12-22"));
        assertThat(campaigns()).isEqualTo(before);

        assertThat(post("sjshirongban1", """
                {"template":"songjiang-2024-satisfaction","code":"SJ-LONG","name":"松江","dates":{"phases":[
                 {"from":"2026-12-02","to":"2027-01-05"},{},{}]}}""").getStatusCode())
                .as("long enough for P1M: due 2026-12-05, after it is handed out").isEqualTo(HttpStatus.CREATED);
    }

    /**
     * sjreview F7: started on 2027-03-01, 松江区's phase 1 ends on Saturday 2027-04-10 and 提交整改提升方案 (20 days before)
     * would be due on Sunday 2027-03-21; both move to the Friday before, at the office's closing time (17:00).
     */
    @Test
    void campaignTaskDeadlinesOnAWeekendMoveToTheWorkingDayBefore() {
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2027-02-26T02:00:00Z")));
        assertThat(post("sjshirongban1", "{\"template\":\"songjiang-2024-satisfaction\",\"code\":\"SJ-WEEKEND\",\"name\":\"松江周末期限\","
                + "\"dates\":{\"start\":\"2027-03-01\"}}").getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(jdbc.queryForObject("select last_day from campaign_phase where campaign_code = 'SJ-WEEKEND' and phase_no = 1",
                java.sql.Date.class).toLocalDate()).isEqualTo(java.time.LocalDate.parse("2027-04-10"));
        new CampaignDriver("SJ-WEEKEND", managementService, runtimeService, taskService, jdbc).runUntil(Instant.parse("2027-03-02T02:00:00Z"));
        java.util.function.Function<String, Instant> due = key -> jdbc.queryForObject("select due_at from campaign_task"
                + " where campaign_code = 'SJ-WEEKEND' and task_key = ?", java.sql.Timestamp.class, key).toInstant();
        assertThat(due.apply("pointProblemsCheckpoint/sjshirongban")).as("Sat 2027-04-10 -> Fri 04-09 17:00")
                .isEqualTo(Instant.parse("2027-04-09T09:00:00Z"));
        assertThat(due.apply("submitImprovementPlan/shihudang")).as("Sun 2027-03-21 -> Fri 03-19 17:00")
                .isEqualTo(Instant.parse("2027-03-19T09:00:00Z"));

        // a point problem found in the last week of phase 1 is capped by the plan's 4月上旬: Friday, not Saturday
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2027-04-07T02:00:00Z")));
        ResponseEntity<Map> capped = rest.withBasicAuth("sjshirongban1", "demo").postForEntity("/api/cases", json("""
                {"title":"沪亭北路人行道破损","category":"SURVEY_URBAN_ROADS","source":"SURVEY",\
                "location":{"address":"沪亭北路 300 号","territory":"shihudang"},"campaign":"SJ-WEEKEND"}"""), Map.class);
        assertThat(capped.getStatusCode()).as("%s", capped.getBody()).isEqualTo(HttpStatus.CREATED);
        assertThat(capped.getBody()).containsEntry("dueBound", "PLAN_ITEM").containsEntry("dueAt", "2027-04-09T09:00:00Z");

        // sjreview F16: 4月上旬 is for the survey report's point problems (sources: [SURVEY]); the same category found by a
        // joint inspection or a citizen in phase 1 keeps the dispatch table's 3 working days, which run past that Friday
        for (String source : List.of("JOINT_INSPECTION", "CITIZEN")) {
            ResponseEntity<Map> other = rest.withBasicAuth("sjshirongban1", "demo").postForEntity("/api/cases", json("""
                    {"title":"人民北路人行道破损","category":"SURVEY_URBAN_ROADS","source":"%s",\
                    "location":{"address":"人民北路 %d 号"},"campaign":"SJ-WEEKEND"}""".formatted(source, source.length())), Map.class);
            assertThat(other.getStatusCode()).as("%s", other.getBody()).isEqualTo(HttpStatus.CREATED);
            assertThat(other.getBody()).as(source).containsEntry("dueBound", "DISPATCH_LIMIT").containsEntry("planItem", "SURVEY_URBAN_ROADS");
            assertThat(Instant.parse((String) other.getBody().get("dueAt"))).as(source).isAfter(Instant.parse("2027-04-09T09:00:00Z"));
        }
    }

    /**
     * jxreview-s58 J4: 提升长效管理水平's 责任单位 各数字城管成员单位 is the member units' heads named together
     * ({@code collective: true}), no unit: a case of the item goes to 创建办 alone, with no shared 协办 task for fifteen heads,
     * and the 驾驶舱's units and ranking have no row for it.
     */
    @Test
    @SuppressWarnings("unchecked")
    void aCaseOfAnItemWhoseResponsibleUnitIsACollectiveOfUnitHeadsGetsNoCooperationAndNoRankedRowForIt() {
        assertThat(post("jxtuijinban1", "{\"template\":\"jinxi-2017-931\",\"code\":\"JX-COLL\",\"name\":\"锦溪 931\"}")
                .getStatusCode()).isEqualTo(HttpStatus.CREATED);
        ResponseEntity<Map> reported = rest.withBasicAuth("jxtuijinban1", "demo").postForEntity("/api/cases", json("""
                {"title":"数字城管平台案件长期未处置","category":"UPGRADE_LONG_TERM_MANAGEMENT","source":"PATROL",\
                "location":{"address":"锦溪镇长寿路 8 号"},"campaign":"JX-COLL"}"""), Map.class);
        assertThat(reported.getStatusCode()).as("%s", reported.getBody()).isEqualTo(HttpStatus.CREATED);
        String caseNo = (String) reported.getBody().get("caseNo");
        new CampaignDriver("JX-COLL", managementService, runtimeService, taskService, jdbc).runUntil(Instant.parse("2026-11-20T03:00:00Z"));

        assertThat(jdbc.queryForMap("select lead_unit, responsible_units from rect_case where case_no = ?", caseNo))
                .containsEntry("lead_unit", "jxchuangjian").containsEntry("responsible_units", null);
        assertThat(taskService.createTaskQuery().taskCandidateGroup("jxshuzichengguan").count()).as("no shared 协办 task").isZero();
        assertThat(taskService.createTaskQuery().processInstanceBusinessKey(caseNo).list()).isNotEmpty()
                .allSatisfy(t -> assertThat(t.getName()).doesNotContain("各数字城管成员单位"));
        assertThat(jdbc.queryForObject("select count(*) from campaign_task where campaign_code = 'JX-COLL'"
                + " and group_id = 'jxshuzichengguan'", Long.class)).as("nor a campaign task of its own").isZero();
        Map dashboard = rest.withBasicAuth("jxtuijinban1", "demo").getForObject("/api/campaigns/JX-COLL/dashboard?period=2026-11",
                Map.class);
        assertThat((List<Map>) dashboard.get("units")).extracting(u -> u.get("unitName")).contains("创建办")
                .doesNotContain("各数字城管成员单位");
        assertThat(String.valueOf(dashboard.get("ranking"))).doesNotContain("各数字城管成员单位", "jxshuzichengguan");
        // J8: nor is it offered as the unit to re-dispatch a case to (重新派遣案件's 改派给), nor is 纪委监察, which assesses the
        // units (roles.assessors) and leads no case
        assertThat(formOptions.stream().filter(o -> o.form().equals("forms/CaseRedispatch.form") && o.field().equals("newLeadUnit"))
                .findFirst().orElseThrow().options("jinxi")).extracting(org.shirong.system.FormSelectOptions.Option::value)
                .contains("jxchuangjian", "jxshuili").doesNotContain("jxshuzichengguan", "jxjiwei");
    }

    /**
     * The checkpoint lists the campaign's open point problems by plan item and lead unit (other open cases only counted,
     * sjreview D8), and "全部整改到位" stands only with a written reason for each of them; at the phase's end the open cases
     * go to the office and the leading group, each under the unit that has it: a case handed back (回退) under the office
     * until it re-dispatches it ({@code CaseHolders}).
     */
    @Test
    void theCheckpointRefusesAllRectifiedWhileCasesAreOpenUnlessEachHasAReason() {
        assertThat(post("sjshirongban1", "{\"template\":\"songjiang-2024-satisfaction\",\"code\":\"SJ-CHECK\",\"name\":\"松江核查\"}")
                .getStatusCode()).isEqualTo(HttpStatus.CREATED);
        CampaignDriver run = new CampaignDriver("SJ-CHECK", managementService, runtimeService, taskService, jdbc);
        run.runUntil(Instant.parse("2026-11-20T02:00:00Z"));
        assertThat(rest.withBasicAuth("sjlvrongju1", "demo").postForEntity("/engine-rest/task/" + run.task("claimPointProblems/SURVEY_URBAN_ROADS").getId()
                + "/complete", json("{\"variables\":{\"findings\":{\"value\":\"沪亭北路人行道破损｜九亭镇沪亭北路 300 号\\n人民北路绿化缺株｜人民北路 10 号｜城市绿化｜｜松江区\"}}}"),
                String.class).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        List<String> cases = jdbc.queryForList("select case_no from rect_case where campaign_code = 'SJ-CHECK' order by case_no", String.class);
        assertThat(cases).hasSize(2);
        // sjreview D8: a department's own self-inspection case of the campaign is no point problem: mentioned, not checked
        ResponseEntity<Map> own = rest.withBasicAuth("sjlvrongju1", "demo").postForEntity("/api/cases", json("""
                {"title":"人民北路护栏积尘","category":"SURVEY_URBAN_ROADS","source":"SELF_INSPECTION",\
                "location":{"address":"九亭镇沪亭北路 8 号"},"campaign":"SJ-CHECK"}"""), Map.class);
        assertThat(own.getStatusCode()).as("%s", own.getBody()).isEqualTo(HttpStatus.CREATED);
        String selfInspected = (String) own.getBody().get("caseNo");
        String checkpoint = run.task("pointProblemsCheckpoint/sjshirongban").getId();
        // Issued with phase 1, before any case was found: unclaimed, it does not read a stale all-clear (sjreview F18).
        assertThat((String) taskService.getVariable(checkpoint, CampaignTaskProcess.VAR_OPEN_CASES)).as("unclaimed")
                .isEqualTo(CampaignTaskResults.OPEN_CASES_ON_CLAIM).doesNotContain("已全部结案");
        taskService.claim(checkpoint, "sjshirongban1");
        assertThat((String) taskService.getVariable(checkpoint, CampaignTaskProcess.VAR_OPEN_CASES))
                .containsPattern("\\n（截至2026年11月\\d{1,2}日 \\d{2}:\\d{2}；重新认领本任务即按当时情况重新列出）$")
                .contains("本活动查出的点位问题中尚有 2 件未结案", "【城市道路】\n  区绿化市容局：\n    · " + cases.get(0) + " 沪亭北路人行道破损",
                        "【城市绿化】\n  区绿化市容局：\n    · " + cases.get(1) + " 人民北路绿化缺株",
                        "\n另有 1 件本活动的其他案件（街镇和部门自查、市民反映等，不属于方案整治项目的来源）未结案，不在本次核查之列")
                .doesNotContain(selfInspected);

        ResponseEntity<String> bare = complete(checkpoint, "yes", "");
        assertThat(bare.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(bare.getBody()).contains("本活动尚有 2 件点位问题未结案，不能确认“全部整改到位”", "缺少理由的案件：" + cases.get(0) + "、" + cases.get(1))
                .doesNotContain(selfInspected);
        ResponseEntity<String> oneShort = complete(checkpoint, "yes", cases.get(0) + "｜已整改，待复核结案");
        assertThat(oneShort.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(oneShort.getBody()).contains("缺少理由的案件：" + cases.get(1)).doesNotContain("缺少理由的案件：" + cases.get(0));
        assertThat(complete(checkpoint, "yes", "JX-0000｜不是本活动的").getBody()).contains("第 1 行：JX-0000 不是本活动的案件");
        assertThat(complete(checkpoint, "yes", "\n" + cases.get(0) + "｜已整改｜待复核").getBody()).contains("第 2 行：有 3 栏，最多 2 栏");
        assertThat(taskService.createTaskQuery().taskId(checkpoint).count()).as("refused, still open").isOne();

        assertThat(complete(checkpoint, "yes", cases.get(0) + "｜已整改；待复核结案\n\n" + cases.get(1) + "\t补种须待春季，已签承诺书")
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(jdbc.queryForObject("select result from campaign_task where campaign_code = 'SJ-CHECK'"
                + " and task_key = 'pointProblemsCheckpoint/sjshirongban'", String.class)).contains("核查结论：全部整改到位。",
                cases.get(0) + "：已整改；待复核结案", cases.get(1) + "：补种须待春季，已签承诺书");

        // the department hands its own case back (回退): until the office re-dispatches it, the case is the office's open work
        String claim = taskService.createTaskQuery().processInstanceBusinessKey(selfInspected).taskDefinitionKey("Task_ClaimCase")
                .singleResult().getId();
        assertThat(rest.withBasicAuth("sjlvrongju1", "demo").postForEntity("/engine-rest/task/" + claim + "/claim",
                json("{\"userId\":\"sjlvrongju1\"}"), String.class).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(rest.withBasicAuth("sjlvrongju1", "demo").postForEntity("/engine-rest/task/" + claim + "/complete", json(
                "{\"variables\":{\"claimDecision\":{\"value\":\"return\"},\"returnReason\":{\"value\":\"护栏属区建管委\"}}}"),
                String.class).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        // 补齐短板弱项 runs to the plan's 4月10日 (ends), the first after the campaign began on 2026-11-20.
        run.runUntil(Instant.parse("2027-04-11T01:00:00Z"));
        assertThat(run.phaseStatus(1)).isEqualTo("ENDED");
        String lastDay = java.time.format.DateTimeFormatter.ofPattern("yyyy年M月d日").format(jdbc.queryForObject(
                "select last_day from campaign_phase where campaign_code = 'SJ-CHECK' and phase_no = 1", java.sql.Date.class).toLocalDate());
        for (String user : List.of("sjshirongban1", "sjlingdao1")) {
            assertThat(run.inboxBodies(user, "phase-ending-open-work")).as(user).singleElement().asString()
                    .contains("松江核查“补齐短板弱项”阶段于" + lastDay + "结束", "活动已进入下一阶段", "区绿化市容局（", "· 案件 " + cases.get(0) + " 沪亭北路人行道破损",
                            "· 案件 " + cases.get(1) + " 人民北路绿化缺株")
                    .containsPattern("区市容管理专项办公室（\\d+ 项）：\n  · 案件 " + selfInspected + " 人民北路护栏积尘")
                    .doesNotContainPattern("区绿化市容局（\\d+ 项）：\n(  · .*\n)*  · 案件 " + selfInspected);
        }
        assertThat(jdbc.queryForObject("select count(*) from rect_case where case_no in (?, ?) and status <> 'CLOSED'", Integer.class,
                cases.get(0), cases.get(1))).as("the work carries on").isEqualTo(2);
    }

    private ResponseEntity<String> complete(String taskId, String allRectified, String reasons) {
        return rest.withBasicAuth("sjshirongban1", "demo").postForEntity("/engine-rest/task/" + taskId + "/complete", json(
                "{\"variables\":{\"allRectified\":{\"value\":\"" + allRectified + "\"},\"openCaseReasons\":{\"value\":\""
                        + reasons.replace("\n", "\\n").replace("\t", "\\t") + "\"}}}"), String.class);
    }

    @Test
    void aCodeInUseIsRefused() {
        assertThat(post("sjshirongban1", "{\"template\":\"songjiang-2024-satisfaction\",\"code\":\"SJ-TWICE\",\"name\":\"松江\"}")
                .getStatusCode()).isEqualTo(HttpStatus.CREATED);

        ResponseEntity<Map> again = post("sjshirongban1", "{\"template\":\"songjiang-2024-satisfaction\",\"code\":\"SJ-TWICE\",\"name\":\"松江\"}");

        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(errors(again)).extracting(e -> e.get("field") + ":" + e.get("code")).containsExactly("code:DUPLICATE_CODE");
    }

    /**
     * secreview-s50 F4: codes are unique across organisations, so a code must begin with the organisation's own case prefix;
     * another organisation's code (taken or not) is refused alike, naming the prefix, which neither reveals nor squats it.
     */
    @Test
    void aCodeOutsideTheOrganisationsPrefixIsRefusedWithoutSayingWhetherAnotherUsesIt() {
        assertThat(post("sjshirongban1", "{\"template\":\"songjiang-2024-satisfaction\",\"code\":\"SJ-TAKEN\",\"name\":\"松江\"}")
                .getStatusCode()).isEqualTo(HttpStatus.CREATED);
        long before = campaigns();

        for (String code : List.of("SJ-TAKEN", "SJ-FREE", "JT2027", "jt-2027", "JT-", "XX-JT-1")) {
            ResponseEntity<Map> refused = post("chuangban1",
                    "{\"template\":\"jiuting-2023-standard-town\",\"code\":\"" + code + "\",\"name\":\"九亭\"}");
            assertThat(refused.getStatusCode()).as(code).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(errors(refused)).as(code).singleElement().satisfies(e -> {
                assertThat(e).containsEntry("field", "code").containsEntry("code", "CODE_PREFIX");
                assertThat((String) e.get("message")).isEqualTo(
                        "活动编号须以本组织的编号前缀 JT- 开头，后接年份或简称（如 JT-2027-DB），以免与其他组织的活动编号相同");
            });
        }
        ResponseEntity<String> viaForm = rest.withBasicAuth("jxtuijinban1", "demo").postForEntity(
                "/engine-rest/process-definition/key/CampaignProcess/tenant-id/jinxi/submit-form", json("""
                        {"variables":{"template":{"value":"jinxi-2017-931"},"campaignCode":{"value":"JT-FORM"},
                         "campaignName":{"value":"锦溪 931"},"startDate":{"value":"2026-12-01"}}}"""), String.class);
        assertThat(viaForm.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(viaForm.getBody()).contains("活动编号须以本组织的编号前缀 JX- 开头");
        assertThat(campaigns()).as("nothing started").isEqualTo(before);
    }

    @Test
    void onlySignedInSupervisorsMayStartAndUnknownCampaignsAreNotFound() {
        assertThat(rest.postForEntity("/api/campaigns", json("{}"), String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(rest.getForEntity("/api/campaigns", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        long before = campaigns();
        ResponseEntity<Map> byUnitStaff = post("zongguan1", "{\"template\":\"jiuting-2023-standard-town\",\"code\":\"JT-UNIT\",\"name\":\"九亭\"}");
        assertThat(byUnitStaff.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        // says who may (user review s48, L10)
        assertThat(errors(byUnitStaff)).singleElement().satisfies(e -> assertThat(e).containsEntry("code", "NOT_A_CAMPAIGN_STARTER")
                .containsEntry("message", "您没有发起活动的权限：只有九亭镇的创建工作办公室和领导小组组长、副组长可以发起活动"));
        // checked before the request itself (jxreview J3): no 400 about its fields, nor the details of other campaigns
        // a start overlapping them would get
        for (String body : List.of("{}", "{\"template\":\"jinxi-2017-931\",\"code\":\"JX-UNIT\",\"name\":\"锦溪\",\"dates\":{\"start\":\"2026-12-07\"}}")) {
            ResponseEntity<Map> refused = post(body.contains("jinxi") ? "jxgubao1" : "zongguan1", body);
            assertThat(refused.getStatusCode()).as(body).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(errors(refused)).singleElement().satisfies(e -> assertThat(e).containsEntry("code", "NOT_A_CAMPAIGN_STARTER"));
        }
        assertThat(campaigns()).isEqualTo(before);
        assertThat(rest.withBasicAuth("chengguan1", "demo").getForEntity("/api/campaigns/NOPE", Map.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void aBadFindingsLineIsRefusedThroughRestWithTheLineNamedAndNothingSaved() {
        assertThat(post("sjshirongban1", "{\"template\":\"songjiang-2024-satisfaction\",\"code\":\"SJ-REST\",\"name\":\"松江\"}")
                .getStatusCode()).isEqualTo(HttpStatus.CREATED);
        CampaignDriver run = new CampaignDriver("SJ-REST", managementService, runtimeService, taskService, jdbc);
        run.runUntil(Instant.parse("2026-11-20T02:00:00Z"));
        String taskId = run.task("claimPointProblems/SURVEY_URBAN_ROADS").getId();

        ResponseEntity<String> refused = rest.withBasicAuth("sjlvrongju1", "demo").postForEntity("/engine-rest/task/" + taskId + "/complete",
                json("{\"variables\":{\"findings\":{\"value\":\"沪亭北路人行道破损｜九亭镇沪亭北路 300 号\\n护栏缺失\\n"
                        + "长".repeat(201) + "｜九亭镇沪亭北路 301 号\"}}}"), String.class);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody()).as("every bad line at once").contains("\"message\":\"第 2 行：请填写地点")
                .contains("\\n第 3 行：问题标题不能超过 200 个字");
        assertThat(jdbc.queryForObject("select count(*) from rect_case where campaign_code = 'SJ-REST'", Long.class)).isZero();
        assertThat(taskService.createTaskQuery().taskId(taskId).count()).isOne();
    }

    /**
     * A finding of a plan item's category is dispatched with the item's responsible units (each told to cooperate);
     * other findings keep the decision table's. Columns 5 and 6 give the 属地 and 社区; the form's default 社区
     * fills in where a line names none. A 松江区 finding that lies in 石湖荡镇 also goes to the town's office (属地).
     */
    @Test
    @SuppressWarnings("unchecked")
    void findingsCarryTerritoryCommunityAndTheItemsResponsibleUnits() {
        assertThat(post("sjshirongban1", "{\"template\":\"songjiang-2024-satisfaction\",\"code\":\"SJ-COOP\",\"name\":\"松江\"}")
                .getStatusCode()).isEqualTo(HttpStatus.CREATED);
        CampaignDriver run = new CampaignDriver("SJ-COOP", managementService, runtimeService, taskService, jdbc);
        run.runUntil(Instant.parse("2026-11-20T02:00:00Z"));
        String taskId = run.task("claimPointProblems/SURVEY_URBAN_ROADS").getId();

        ResponseEntity<String> done = rest.withBasicAuth("sjlvrongju1", "demo").postForEntity("/engine-rest/task/" + taskId + "/complete",
                json("{\"variables\":{\"findings\":{\"value\":\"湖荡路人行道破损｜湖荡路 300 号｜｜｜石湖荡镇｜金汇村\\n"
                        + "人民北路绿化缺株｜人民北路 10 号｜城市绿化｜｜松江区\"},\"defaultCommunity\":{\"value\":\"第 5 网格\"}}}"),
                String.class);

        assertThat(done.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        List<Map<String, Object>> found = jdbc.queryForList("select c.case_no, c.category, c.territory, c.community,"
                + " c.responsible_units, c.process_instance_id from rect_case c"
                + " where c.campaign_code = 'SJ-COOP' order by c.case_no");
        assertThat(found).extracting(r -> r.get("CATEGORY") + "/" + r.get("TERRITORY") + "/" + r.get("COMMUNITY") + "/"
                + r.get("RESPONSIBLE_UNITS")).containsExactly(
                "SURVEY_URBAN_ROADS/shihudang/金汇村/sjjianguanwei,sjchengguanju,sjgonganfenju",
                "SURVEY_URBAN_GREENERY/songjiang/第 5 网格/");
        assertThat(runtimeService.getVariable((String) found.get(0).get("PROCESS_INSTANCE_ID"), "directedResponsibleUnits"))
                .as("the plan item's list").isEqualTo("sjjianguanwei,sjchengguanju,sjgonganfenju");
        assertThat(runtimeService.getVariable((String) found.get(1).get("PROCESS_INSTANCE_ID"), "directedResponsibleUnits"))
                .as("a plan item without responsible units: the decision table's").isNull();
        assertThat(jdbc.queryForList("select unit_id || ':' || reason || ':' || tenant_id from rect_case_party where case_no = ?",
                String.class, found.get(0).get("CASE_NO"))).containsExactlyInAnyOrder("sjjianguanwei:RESPONSIBLE:songjiang",
                "sjchengguanju:RESPONSIBLE:songjiang", "sjgonganfenju:RESPONSIBLE:songjiang", "shdshirongban:TERRITORY:shihudang");
        assertThat(jdbc.queryForList("select unit_id from rect_case_party where case_no = ?", String.class,
                found.get(1).get("CASE_NO"))).isEmpty();

        // Progress per plan item (survey 大类) in the overview: every item of the template with its units, both findings counted.
        Map<String, Object> detail = rest.withBasicAuth("sjlvrongju1", "demo").getForObject("/api/campaigns/SJ-COOP", Map.class);
        Map<String, Object> planItems = (Map<String, Object>) detail.get("planItems");
        List<Map<String, Object>> items = (List<Map<String, Object>>) planItems.get("items");
        assertThat(items).extracting(i -> i.get("category")).startsWith("SURVEY_BUILDINGS", "SURVEY_RESIDENTIAL_AREAS",
                "SURVEY_URBAN_ROADS").doesNotContainNull();
        assertThat(items).filteredOn(i -> "SURVEY_URBAN_ROADS".equals(i.get("category"))).singleElement().satisfies(i -> assertThat(i)
                .containsEntry("leadUnit", "sjlvrongju").containsEntry("leadUnitName", "区绿化市容局")
                .containsEntry("responsibleUnitNames", List.of("区建设管理委", "区城管执法局", "公安松江分局"))
                .containsEntry("found", 1).containsEntry("closed", 0).containsEntry("onTime", 0).containsEntry("overdue", 0));
        assertThat(items).filteredOn(i -> "SURVEY_URBAN_GREENERY".equals(i.get("category"))).singleElement()
                .satisfies(i -> assertThat(i).containsEntry("found", 1).containsEntry("responsibleUnitNames", List.of()));
        assertThat(items).filteredOn(i -> !List.of("SURVEY_URBAN_ROADS", "SURVEY_URBAN_GREENERY").contains(i.get("category")))
                .allSatisfy(i -> assertThat(i).containsEntry("found", 0));
        assertThat((Map<String, Object>) planItems.get("total")).containsEntry("found", 2).containsEntry("closed", 0);
        assertThat((Map<String, Object>) detail.get("cases")).containsEntry("total", 2);
    }

    /**
     * sjreview F12: 区绿化市容局 claims the survey report's 公共设施 point problems by entering them (方案二（一）“牵头主动认领”,
     * one act): a point of a category it leads is at 整改问题 at once, assigned to whoever entered it, the timeline saying it
     * was claimed as entered, with no 认领案件 to claim again or to 回退; a point it enters of another department's category
     * waits for that department's claim.
     */
    @Test
    @SuppressWarnings("unchecked")
    void aPointProblemTheDepartmentEntersAndLeadsIsClaimedAsEnteredAndGoesStraightToRectification() {
        assertThat(post("sjshirongban1", "{\"template\":\"songjiang-2024-satisfaction\",\"code\":\"SJ-OWN\",\"name\":\"松江\"}")
                .getStatusCode()).isEqualTo(HttpStatus.CREATED);
        CampaignDriver run = new CampaignDriver("SJ-OWN", managementService, runtimeService, taskService, jdbc);
        run.runUntil(Instant.parse("2026-11-20T02:00:00Z"));
        org.camunda.bpm.engine.task.Task claimTask = run.task("claimPointProblems/SURVEY_PUBLIC_FACILITIES");
        TestRestTemplate lvrong = rest.withBasicAuth("sjlvrongju1", "demo");

        ResponseEntity<String> done = lvrong.postForEntity("/engine-rest/task/" + claimTask.getId() + "/complete",
                json("{\"variables\":{\"findings\":{\"value\":\"人民北路果壳箱破损｜人民北路 20 号｜｜｜松江区\\n新松江路工地围挡破损｜新松江路 8 号｜工地｜｜松江区\"}}}"),
                String.class);

        assertThat(done.getStatusCode()).as(done.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        List<Map<String, Object>> found = jdbc.queryForList("select case_no, category, lead_unit, status from rect_case"
                + " where campaign_code = 'SJ-OWN' order by case_no");
        assertThat(found).extracting(r -> r.get("CATEGORY") + "/" + r.get("LEAD_UNIT") + "/" + r.get("STATUS")).containsExactly(
                "SURVEY_PUBLIC_FACILITIES/sjlvrongju/IN_RECTIFICATION", "SURVEY_CONSTRUCTION_SITES/sjjianguanwei/DISPATCHED");
        String own = (String) found.get(0).get("CASE_NO");
        String others = (String) found.get(1).get("CASE_NO");

        List<Map<String, Object>> ownTasks = lvrong.getForObject("/engine-rest/task?maxResults=10&processInstanceBusinessKey=" + own, List.class);
        assertThat(ownTasks).singleElement().satisfies(t -> assertThat(t).containsEntry("taskDefinitionKey", "Task_RectifyProblem")
                .containsEntry("assignee", "sjlvrongju1"));
        String taskName = jdbc.queryForObject("select name from campaign_task where campaign_code = 'SJ-OWN'"
                + " and task_key = 'claimPointProblems/SURVEY_PUBLIC_FACILITIES'", String.class);
        assertThat(taskName).isEqualTo("认领测评点位问题（公共设施）");
        Map<String, Object> shown = lvrong.getForObject("/api/cases/" + own, Map.class);
        assertThat((List<Map<String, Object>>) shown.get("timeline")).filteredOn(e -> "CLAIMED".equals(e.get("kind"))).singleElement()
                .satisfies(e -> assertThat(e).containsEntry("actor", "sjlvrongju1").containsEntry("detail",
                        "录入即认领：本单位在“认领测评点位问题（公共设施）”中录入本问题，由本单位牵头整改，不再另行认领"));
        assertThat((Map<String, Object>) shown.get("record")).containsEntry("status", "IN_RECTIFICATION");
        assertThat(((Map<String, Object>) shown.get("record")).get("claimedAt")).isNotNull();

        ResponseEntity<String> rectified = lvrong.postForEntity("/engine-rest/task/" + ownTasks.get(0).get("id") + "/complete",
                json("{\"variables\":{\"rectifyAction\":{\"value\":\"submit\"},\"measures\":{\"value\":\"已更换果壳箱\"},"
                        + file("photoAfter", "after.png", "image/png", PNG) + "}}"), String.class);
        assertThat(rectified.getStatusCode()).as(rectified.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(jdbc.queryForObject("select status from rect_case where case_no = ?", String.class, own))
                .isEqualTo("AWAITING_VERIFICATION");

        List<Map<String, Object>> othersTasks = rest.withBasicAuth("sjjianguanwei1", "demo")
                .getForObject("/engine-rest/task?maxResults=10&processInstanceBusinessKey=" + others, List.class);
        assertThat(othersTasks).as("区建设管理委 leads 工地: it claims or returns the point").singleElement()
                .satisfies(t -> assertThat(t).containsEntry("taskDefinitionKey", "Task_ClaimCase").containsEntry("assignee", null));
    }

    @Test
    void theTasklistStartFormOffersEveryTemplateInConfig() throws Exception {
        ResponseEntity<String> form = rest.withBasicAuth("chuangban1", "demo").getForEntity(
                "/engine-rest/process-definition/key/CampaignProcess/tenant-id/jiuting/deployed-start-form", String.class);

        assertThat(form.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode select = new ObjectMapper().readTree(form.getBody()).findParents("key").stream()
                .filter(field -> "template".equals(field.path("key").asText())).findFirst().orElseThrow();
        assertThat(select.path("values").findValuesAsText("value")).containsExactlyElementsOf(
                templates.all("jiuting").stream().map(CampaignTemplate::id).toList())
                .containsExactly("jiuting-2023-standard-town");
        assertThat(select.path("values").findValuesAsText("label"))
                .contains("九亭镇创建“上海市市容环境综合管理达标镇”（jiuting-2023-standard-town）");

        ResponseEntity<String> jinxiForm = rest.withBasicAuth("jxtuijinban1", "demo").getForEntity(
                "/engine-rest/process-definition/key/CampaignProcess/tenant-id/jinxi/deployed-start-form", String.class);
        JsonNode jinxiSelect = new ObjectMapper().readTree(jinxiForm.getBody()).findParents("key").stream()
                .filter(field -> "template".equals(field.path("key").asText())).findFirst().orElseThrow();
        assertThat(jinxiSelect.path("values").findValuesAsText("value")).as("锦溪's start form offers 锦溪's template")
                .containsExactly("jinxi-2017-931");
    }

    @Test
    void tasklistStartFormStartsTheCampaignUnderItsCodeOrRefusesNamingTheField() {
        ResponseEntity<String> refused = rest.withBasicAuth("jxtuijinban1", "demo").postForEntity(
                "/engine-rest/process-definition/key/CampaignProcess/tenant-id/jinxi/submit-form", json("""
                        {"variables":{"template":{"value":"jinxi-2017-931"},"campaignCode":{"value":"JX-FORM"},
                         "campaignName":{"value":"锦溪 931"},"startDate":{"value":"2016-01-01"}}}"""), String.class);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody()).contains("\"message\":\"无法发起活动：", "结束，早于今天");
        assertThat(jdbc.queryForObject("select count(*) from campaign where code = 'JX-FORM'", Long.class)).isZero();

        // jxreview J8: before the office confirms, the form lists the phases by the plan's days and the calendar's gaps
        ResponseEntity<String> toCheck = rest.withBasicAuth("jxtuijinban1", "demo").postForEntity(
                "/engine-rest/process-definition/key/CampaignProcess/tenant-id/jinxi/submit-form", json("""
                        {"variables":{"template":{"value":"jinxi-2017-931"},"campaignCode":{"value":"JX-FORM"},
                         "campaignName":{"value":"锦溪 931"},"startDate":{"value":"2026-12-01"}}}"""), String.class);
        assertThat(toCheck.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(toCheck.getBody()).contains("请核对各阶段日期", "第 1 阶段“明确任务制定方案” 2026-12-01 至 2027-02-28",
                "第 2 阶段“深入推进全面整治” 2027-03-01 至 2027-12-31", "第 3 阶段“考核评估表彰先进” 2028-01-01 至 2028-06-30",
                "提示：2028年尚无工作日历", "提示：第 1 阶段“明确任务制定方案”将从 2026-12-01 持续到 2027-02-28，共 90 天，远长于方案的 1 个月",
                "将第 1 阶段的结束日期填为 2026-12-31");
        assertThat(toCheck.getBody()).as("the other phases keep about their plan's lengths").doesNotContain("提示：第 2 阶段", "提示：第 3 阶段");
        ResponseEntity<String> badEnd = rest.withBasicAuth("jxtuijinban1", "demo").postForEntity(
                "/engine-rest/process-definition/key/CampaignProcess/tenant-id/jinxi/submit-form", json("""
                        {"variables":{"template":{"value":"jinxi-2017-931"},"campaignCode":{"value":"JX-FORM"},
                         "campaignName":{"value":"锦溪 931"},"startDate":{"value":"2026-12-01"},
                         "phase2LastDay":{"value":"2027-02-01"},"phasesConfirmed":{"value":true}}}"""), String.class);
        assertThat(badEnd.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badEnd.getBody()).contains("无法发起活动：第 2 阶段的结束日期 2027-02-01 早于开始日期 2027-03-01");
        assertThat(jdbc.queryForObject("select count(*) from campaign where code = 'JX-FORM'", Long.class)).isZero();

        ResponseEntity<String> started = rest.withBasicAuth("jxtuijinban1", "demo").postForEntity(
                "/engine-rest/process-definition/key/CampaignProcess/tenant-id/jinxi/submit-form", json("""
                        {"variables":{"template":{"value":"jinxi-2017-931"},"campaignCode":{"value":"JX-FORM"},
                         "campaignName":{"value":"锦溪 931"},"startDate":{"value":"2026-12-01"},
                         "phase2LastDay":{"value":"2027-11-30"},"phasesConfirmed":{"value":true}}}"""), String.class);

        assertThat(started.getStatusCode()).as("%s", started.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey("JX-FORM").count()).isOne();
        assertThat(jdbc.queryForList("select first_day || '~' || last_day from campaign_phase where campaign_code = 'JX-FORM'"
                + " order by phase_no", String.class))
                .containsExactly("2026-12-01~2027-02-28", "2027-03-01~2027-11-30", "2027-12-01~2028-06-30");
    }
    static final byte[] PNG = org.shirong.rectification.TestPhotos.PNG;

    static String file(String variable, String fileName, String mimeType, byte[] content) {
        return "\"%s\":{\"type\":\"File\",\"value\":\"%s\",\"valueInfo\":{\"filename\":\"%s\",\"mimetype\":\"%s\"}}"
                .formatted(variable, Base64.getEncoder().encodeToString(content), fileName, mimeType);
    }

    /** A 锦溪 931 campaign whose first phase ends today: its tasks done, the second (深入推进全面整治) begins tomorrow. */
    CampaignDriver jinxiInItsSecondPhase(String code) {
        // its first phase to 20 November (the plan's 2月底 would keep it to February)
        assertThat(post("jxtuijinban1", "{\"template\":\"jinxi-2017-931\",\"code\":\"" + code
                + "\",\"name\":\"锦溪 931\",\"dates\":{\"phases\":[{\"from\":\"2026-10-21\",\"to\":\"2026-11-20\"},{},{}]}}")
                .getStatusCode()).isEqualTo(HttpStatus.CREATED);
        CampaignDriver run = new CampaignDriver(code, managementService, runtimeService, taskService, jdbc);
        run.runUntil(Instant.parse("2026-11-20T02:00:00Z"));
        run.completePhase(1);
        run.runUntil(Instant.parse("2026-11-21T02:00:00Z"));
        assertThat(run.phaseStatus(2)).isEqualTo("RUNNING");
        return run;
    }

    long attachments(String code) {
        return jdbc.queryForObject("select count(*) from campaign_task_attachment where campaign_code = ?", Long.class, code);
    }

    /**
     * 锦溪's plan: 每个或每类项目要编写整治案件，建立台帐. Its template requires an attachment on 编写整治案件和台帐: without one,
     * or with a file of a kind it does not take or too large, completion is refused (400 naming the task, the kinds or
     * the limit) with nothing saved; with a PDF it is done, listed on the campaign and downloads byte for byte for those
     * who may read the campaign, and for no one else.
     */
    @Test
    @SuppressWarnings("unchecked")
    void aJinxiLedgerTaskNeedsAnAttachmentWhichIsListedAndDownloadsByteIdentical() {
        CampaignDriver run = jinxiInItsSecondPhase("JX-LEDGER");
        String taskId = run.task("compileItemRecords/RECTIFY_TOWN_RIVERS").getId();
        TestRestTemplate shuili = rest.withBasicAuth("jxshuili1", "demo");
        String complete = "/engine-rest/task/" + taskId + "/complete";

        ResponseEntity<String> without = shuili.postForEntity(complete,
                json("{\"variables\":{\"result\":{\"value\":\"已建立台帐\"}}}"), String.class);
        assertThat(without.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(without.getBody()).contains("任务“编写整治案件和台帐", "须上传附件", "PDF 文件");

        ResponseEntity<String> wrongKind = shuili.postForEntity(complete, json("{\"variables\":{\"result\":{\"value\":\"已建立台帐\"},"
                + file("attachment1", "台帐.txt", "text/plain", "台帐".getBytes()) + "}}"), String.class);
        assertThat(wrongKind.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(wrongKind.getBody()).contains("附件“台帐.txt”不是本任务可接受的类型");

        byte[] large = java.util.Arrays.copyOf(CampaignDriver.PDF, 5_000_001);
        ResponseEntity<String> tooLarge = shuili.postForEntity(complete, json("{\"variables\":{\"result\":{\"value\":\"已建立台帐\"},"
                + file("attachment1", "大台帐.pdf", "application/pdf", large) + "}}"), String.class);
        assertThat(tooLarge.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(tooLarge.getBody()).contains("附件“大台帐.pdf”过大：每个附件不能超过 5 MB");
        ResponseEntity<String> noCameraTakes = shuili.postForEntity(complete, json("{\"variables\":{\"result\":{\"value\":\"已建立台帐\"},"
                + file("attachment1", "河道全景.png", "image/png", org.shirong.rectification.TestPhotos.pngHeader(40_000, 10)) + "}}"),
                String.class);
        assertThat(noCameraTakes.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(noCameraTakes.getBody()).contains("照片“河道全景.png”尺寸过大（40000 × 10 像素）");
        // s55 S4: a file sent as Bytes instead of File is no attachment the task reads: refused naming the field, not
        // dropped with the task done on the other file alone
        ResponseEntity<String> asBytes = shuili.postForEntity("/engine-rest/task/" + taskId + "/submit-form", json(
                "{\"variables\":{\"result\":{\"value\":\"已建立台帐\"},"
                        + file("attachment1", "河道整治台帐.pdf", "application/pdf", CampaignDriver.PDF) + ",\"attachment2\":{\"type\":\"Bytes\","
                        + "\"value\":\"" + java.util.Base64.getEncoder().encodeToString(PNG) + "\"}}}"), String.class);
        assertThat(asBytes.getStatusCode()).as(asBytes.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(asBytes.getBody()).contains("“附件（第 2 个）”须以文件上传", "Bytes");
        assertThat(attachments("JX-LEDGER")).isZero();
        assertThat(taskService.createTaskQuery().taskId(taskId).count()).isOne();

        ResponseEntity<String> done = shuili.postForEntity(complete, json("{\"variables\":{\"result\":{\"value\":\"已建立台帐，整治案件见附件\"},"
                + file("attachment1", "河道整治台帐.pdf", "application/pdf", CampaignDriver.PDF) + ","
                + file("attachment2", "整治前.png", "image/png", PNG) + "}}"), String.class);

        assertThat(done.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(attachments("JX-LEDGER")).isEqualTo(2);
        assertThat(runtimeService.createVariableInstanceQuery().variableName("attachment1").count())
                .as("the files are kept once, with the campaign").isZero();
        Map<String, Object> detail = rest.withBasicAuth("jxtuijinban1", "demo").getForObject("/api/campaigns/JX-LEDGER", Map.class);
        Map<String, Object> ledger = ((List<Map<String, Object>>) detail.get("taskResults")).stream()
                .filter(t -> "compileItemRecords/RECTIFY_TOWN_RIVERS".equals(t.get("taskKey"))).findFirst().orElseThrow();
        assertThat(ledger).containsEntry("status", "DONE").containsEntry("result", "已建立台帐，整治案件见附件")
                .as("people are shown by name, the account beside it")
                .containsEntry("completedBy", "水利站负责人").containsEntry("completedById", "jxshuili1");
        List<Map<String, Object>> files = (List<Map<String, Object>>) ledger.get("attachments");
        assertThat(files).extracting(f -> f.get("fileName") + "/" + f.get("kind") + "/" + f.get("mimeType") + "/" + f.get("uploadedBy")
                + "/" + f.get("uploadedById"))
                .containsExactly("河道整治台帐.pdf/pdf/application/pdf/水利站负责人/jxshuili1", "整治前.png/photo/image/png/水利站负责人/jxshuili1");

        ResponseEntity<byte[]> download = rest.withBasicAuth("jxlingdao1", "demo").getForEntity((String) files.get(0).get("url"), byte[].class);
        assertThat(download.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(download.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
        assertThat(download.getHeaders().getContentDisposition().getFilename()).isEqualTo("河道整治台帐.pdf");
        assertThat(download.getBody()).isEqualTo(CampaignDriver.PDF);
        assertThat(rest.withBasicAuth("chuangban1", "demo").getForEntity((String) files.get(0).get("url"), String.class).getStatusCode())
                .as("九亭 may not read 锦溪's campaign").isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(rest.getForEntity((String) files.get(0).get("url"), String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    /**
     * secreview-s59 S5: a task's 办理情况 and files are seen as the 迎检档案 gives them — every unit's by the office and the
     * leaders, a unit's own by its staff: to another unit's head (推进小组成员 as every unit head is) the result is not
     * listed and its file is not there (404), though he reads the campaign.
     */
    @Test
    @SuppressWarnings("unchecked")
    void aTasksResultAndFilesAreTheUnitsOwnAndTheOfficesButNotAnotherUnits() {
        CampaignDriver run = jinxiInItsSecondPhase("JX-OWN");
        String key = "compileItemRecords/RECTIFY_TOWN_RIVERS";
        ResponseEntity<String> done = rest.withBasicAuth("jxshuili1", "demo").postForEntity("/engine-rest/task/" + run.task(key).getId()
                + "/complete", json("{\"variables\":{\"result\":{\"value\":\"已建立台帐\"},"
                + file("attachment1", "河道整治台帐.pdf", "application/pdf", CampaignDriver.PDF) + "}}"), String.class);
        assertThat(done.getStatusCode()).as("%s", done.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        java.util.function.Function<String, List<Map<String, Object>>> results = user -> ((List<Map<String, Object>>) rest
                .withBasicAuth(user, "demo").getForObject("/api/campaigns/JX-OWN", Map.class).get("taskResults")).stream()
                .filter(t -> key.equals(t.get("taskKey"))).toList();

        List<Map<String, Object>> office = results.apply("jxtuijinban1");
        assertThat(office).as("the office sees every unit's").singleElement().satisfies(t -> assertThat(t)
                .containsEntry("group", "jxshuili").containsEntry("result", "已建立台帐"));
        String url = (String) ((List<Map<String, Object>>) office.get(0).get("attachments")).get(0).get("url");
        assertThat(results.apply("jxshuili1")).as("the unit its own").singleElement()
                .satisfies(t -> assertThat(t).containsEntry("result", "已建立台帐"));
        for (String user : List.of("jxtuijinban1", "jxshuili1", "jxlingdao1")) {
            ResponseEntity<byte[]> download = rest.withBasicAuth(user, "demo").getForEntity(url, byte[].class);
            assertThat(download.getStatusCode()).as(user).isEqualTo(HttpStatus.OK);
            assertThat(download.getBody()).isEqualTo(CampaignDriver.PDF);
        }

        Map<String, Object> other = rest.withBasicAuth("jxhuanwei1", "demo").getForObject("/api/campaigns/JX-OWN", Map.class);
        assertThat(other).as("another unit reads the campaign").containsKey("campaign");
        assertThat(results.apply("jxhuanwei1")).as("but not this unit's result").isEmpty();
        assertThat(other.toString()).doesNotContain("已建立台帐", "河道整治台帐.pdf");
        ResponseEntity<String> file = rest.withBasicAuth("jxhuanwei1", "demo").getForEntity(url, String.class);
        assertThat(file.getStatusCode()).as("nor its file, which is not there to it").isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(file.getBody()).contains("ATTACHMENT_NOT_FOUND").doesNotContain("河道整治台帐");
    }

    /**
     * secreview-s57 S2: an upload declared {@code text/html} under a Chinese name (a PDF's first bytes, so the task takes
     * it) leaves no copy in the engine's history for anyone with READ_HISTORY to fetch; and a file the engine still holds is
     * answered on every {@code …/data} path of {@code /engine-rest} and the webapps' engine API as a download — attachment
     * with the name per RFC 6266/5987 (the raw Chinese name made Tomcat drop the header), nosniff, a sandbox policy.
     */
    @Test
    void anUploadDeclaredAsHtmlLeavesNoHistoryCopyAndEngineFilesAreAnsweredAsDownloads() {
        CampaignDriver run = jinxiInItsSecondPhase("JX-HTML");
        org.camunda.bpm.engine.task.Task task = run.task("compileItemRecords/RECTIFY_TOWN_RIVERS");
        byte[] page = "%PDF-1.4\n<html><body><script>document.title='XSS'</script></body></html>\n%%EOF\n"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        ResponseEntity<String> done = rest.withBasicAuth("jxshuili1", "demo").postForEntity("/engine-rest/task/" + task.getId()
                + "/submit-form", json("{\"variables\":{\"result\":{\"value\":\"已建立台帐\"},"
                + file("attachment1", "水利站11月报告.pdf", "text/html", page) + "}}"), String.class);
        assertThat(done.getStatusCode()).as("%s", done.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(task.getProcessInstanceId())
                .variableTypeIn("file", "bytes").count()).as("no historic copy of the upload").isZero();
        assertThat(historyService.createHistoricDetailQuery().processInstanceId(task.getProcessInstanceId())
                .variableTypeIn("file", "bytes").count()).isZero();
        assertThat(historyService.createHistoricVariableInstanceQuery().variableName("attachment1")
                .processInstanceId(task.getProcessInstanceId()).count()).isZero();

        String campaignInstance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey("JX-HTML")
                .processDefinitionKey(CampaignProcess.KEY).singleResult().getId();
        runtimeService.setVariable(campaignInstance, "page", org.camunda.bpm.engine.variable.Variables
                .fileValue("签订目标责任书（党群办） · 报告.pdf").file(page).mimeType("text/html").create());
        String variableId = runtimeService.createVariableInstanceQuery().processInstanceIdIn(campaignInstance).variableName("page")
                .singleResult().getId();
        String expected = "attachment; filename=\"file.pdf\"; filename*=UTF-8''"
                + java.net.URLEncoder.encode("签订目标责任书（党群办） · 报告.pdf", java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
        for (String path : List.of("/process-instance/" + campaignInstance + "/variables/page/data",
                "/execution/" + campaignInstance + "/localVariables/page/data", "/variable-instance/" + variableId + "/data")) {
            ResponseEntity<byte[]> answer = rest.withBasicAuth("admin", "admin").getForEntity("/engine-rest" + path, byte[].class);
            assertThat(answer.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
            assertThat(answer.getBody()).isEqualTo(page);
            assertThat(answer.getHeaders().getFirst("Content-Disposition")).as(path).isEqualTo(expected);
            assertThat(answer.getHeaders().getContentDisposition().getFilename()).isEqualTo("签订目标责任书（党群办） · 报告.pdf");
            assertThat(answer.getHeaders().get("X-Content-Type-Options")).containsExactly("nosniff");
            assertThat(answer.getHeaders().get("Content-Security-Policy")).containsExactly("sandbox; default-src 'none'");
        }
        java.net.http.HttpResponse<String> webapp = org.shirong.system.WebappSession.login(port, "admin", "admin")
                .get("/variable-instance/" + variableId + "/data");
        assertThat(webapp.statusCode()).isEqualTo(200);
        assertThat(webapp.headers().firstValue("Content-Disposition")).hasValue(expected);
        assertThat(webapp.headers().allValues("X-Content-Type-Options")).containsExactly("nosniff");
        assertThat(webapp.headers().allValues("Content-Security-Policy")).containsExactly("sandbox; default-src 'none'");
        ResponseEntity<String> json = rest.withBasicAuth("admin", "admin").getForEntity("/engine-rest/variable-instance/" + variableId,
                String.class);
        assertThat(json.getHeaders().containsKey("Content-Disposition")).as("a JSON answer is no download").isFalse();
        assertThat(json.getHeaders().get("X-Content-Type-Options")).containsExactly("nosniff");
        runtimeService.removeVariable(campaignInstance, "page");
    }

    /** An attachment's file name is the sender's device's: kept without control characters, cut to 255 keeping its extension. */
    @Test
    void anAttachmentsFileNameIsKeptWithoutControlCharactersAndCutKeepingItsExtension() {
        CampaignDriver run = jinxiInItsSecondPhase("JX-NAMES");
        String taskId = run.task("compileItemRecords/RECTIFY_TOWN_RIVERS").getId();
        ResponseEntity<String> done = rest.withBasicAuth("jxshuili1", "demo").postForEntity("/engine-rest/task/" + taskId + "/complete",
                json("{\"variables\":{\"result\":{\"value\":\"已建立台帐\"},"
                        + file("attachment1", "台帐\\u0000\\n.pdf", "application/pdf", CampaignDriver.PDF) + ","
                        + file("attachment2", "照".repeat(3000) + ".png", "image/png", PNG) + "}}"), String.class);
        assertThat(done.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(jdbc.queryForList("select file_name from campaign_task_attachment where campaign_code = 'JX-NAMES' order by id",
                String.class)).containsExactly("台帐.pdf", "照".repeat(251) + ".png");
    }

    /**
     * A file is named after what its bytes are, not after the extension it was sent with: a PDF named 台帐.hta (a script
     * a Windows PC would run when the office opens it) is stored, listed and downloaded as 台帐.pdf, a Word document
     * named .jar as .docx, a photo without an extension gets .png; a row stored before that is served the same way.
     */
    @Test
    @SuppressWarnings("unchecked")
    void anAttachmentIsNamedAfterWhatItIsNotAfterTheExtensionItWasSentWith() throws Exception {
        CampaignDriver run = jinxiInItsSecondPhase("JX-TYPED");
        String taskId = run.task("compileItemRecords/RECTIFY_TOWN_RIVERS").getId();
        byte[] docx = zip(Map.of("word/document.xml", "<w:document/>".getBytes()));
        ResponseEntity<String> done = rest.withBasicAuth("jxshuili1", "demo").postForEntity("/engine-rest/task/" + taskId + "/complete",
                json("{\"variables\":{\"result\":{\"value\":\"已建立台帐\"},"
                        + file("attachment1", "2026年11月工作台帐.hta", "application/pdf", CampaignDriver.PDF) + ","
                        + file("attachment2", "整治说明.jar", "application/java-archive", docx) + ","
                        + file("attachment3", "现场", "image/png", PNG) + "}}"), String.class);
        assertThat(done.getStatusCode()).as(done.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(jdbc.queryForList("select file_name from campaign_task_attachment where campaign_code = 'JX-TYPED' order by id",
                String.class)).containsExactly("2026年11月工作台帐.pdf", "整治说明.docx", "现场.png");

        jdbc.update("update campaign_task_attachment set file_name = '旧台帐.cmd' where campaign_code = 'JX-TYPED' and mime_type = 'application/pdf'");
        Map<String, Object> detail = rest.withBasicAuth("jxtuijinban1", "demo").getForObject("/api/campaigns/JX-TYPED", Map.class);
        List<Map<String, Object>> files = ((List<Map<String, Object>>) detail.get("taskResults")).stream()
                .filter(t -> "compileItemRecords/RECTIFY_TOWN_RIVERS".equals(t.get("taskKey"))).findFirst().orElseThrow()
                .get("attachments") instanceof List<?> list ? (List<Map<String, Object>>) list : List.of();
        assertThat(files).extracting(f -> f.get("fileName")).containsExactly("旧台帐.pdf", "整治说明.docx", "现场.png");
        ResponseEntity<byte[]> download = rest.withBasicAuth("jxtuijinban1", "demo").getForEntity((String) files.get(0).get("url"), byte[].class);
        assertThat(download.getHeaders().getContentDisposition().getFilename()).isEqualTo("旧台帐.pdf");
    }

    /** A ZIP of these entries, each named and holding its content. */
    static byte[] zip(Map<String, byte[]> entries) throws java.io.IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(out)) {
            zip.setLevel(9);
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putNextEntry(new java.util.zip.ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    /**
     * A Word or Excel attachment is told by the names in its ZIP directory, not by inflating its entries: a 100 KB
     * upload whose first entry unpacks to 100 MB (and whose data descriptor then claims one byte more, which only
     * inflating it all would find) is a Word document by its {@code word/} entry, as are a plain .docx and .xlsx.
     */
    @Test
    @SuppressWarnings("unchecked")
    void aWordOrExcelAttachmentIsToldByItsEntryNamesWithoutUnpackingIt() throws Exception {
        CampaignDriver run = jinxiInItsSecondPhase("JX-ZIPS");
        String taskId = run.task("compileItemRecords/RECTIFY_TOWN_RIVERS").getId();
        Map<String, byte[]> padded = new java.util.LinkedHashMap<>();
        padded.put("customXml/padding.bin", new byte[100 << 20]);
        padded.put("word/document.xml", "<w:document/>".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        byte[] bomb = zip(padded);
        assertThat(bomb.length).as("small upload").isLessThan(300_000);
        int descriptor = 30;
        while (!(bomb[descriptor] == 'P' && bomb[descriptor + 1] == 'K' && bomb[descriptor + 2] == 7 && bomb[descriptor + 3] == 8)) {
            descriptor++;
        }
        bomb[descriptor + 12]++; // the first entry's declared unpacked size, low byte
        Map<String, byte[]> plainDocx = new java.util.LinkedHashMap<>();
        plainDocx.put("[Content_Types].xml", "<Types/>".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        plainDocx.put("word/document.xml", "<w:document/>".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        java.io.ByteArrayOutputStream xlsx = new java.io.ByteArrayOutputStream();
        org.dhatim.fastexcel.Workbook workbook = new org.dhatim.fastexcel.Workbook(xlsx, "Test", "1.0");
        workbook.newWorksheet("台帐").value(0, 0, "河道");
        workbook.finish();

        ResponseEntity<String> done = rest.withBasicAuth("jxshuili1", "demo").postForEntity("/engine-rest/task/" + taskId + "/complete",
                json("{\"variables\":{\"result\":{\"value\":\"已建立台帐\"},"
                        + file("attachment1", "台帐说明.docx", "application/octet-stream", bomb) + ","
                        + file("attachment2", "整治方案.docx", "application/octet-stream", zip(plainDocx)) + ","
                        + file("attachment3", "河道台帐.xlsx", "application/octet-stream", xlsx.toByteArray()) + "}}"), String.class);

        assertThat(done.getStatusCode()).as("%s", done.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(jdbc.queryForList("select file_name || '/' || kind from campaign_task_attachment where campaign_code = 'JX-ZIPS'"
                + " order by id", String.class)).containsExactly("台帐说明.docx/word", "整治方案.docx/word", "河道台帐.xlsx/excel");
    }

    /** A finding of a 锦溪 931 campaign becomes a case whose 整改 is refused without a before photo, then accepted with one. */
    @Test
    @SuppressWarnings("unchecked")
    void aJinxiCaseIsNotRectifiedWithoutItsBeforePhoto() {
        CampaignDriver run = jinxiInItsSecondPhase("JX-PHOTO");
        String findings = run.task("rectifyItem/RECTIFY_TOWN_RIVERS").getId();
        assertThat(rest.withBasicAuth("jxshuili1", "demo").postForEntity("/engine-rest/task/" + findings + "/complete",
                json("{\"variables\":{\"findings\":{\"value\":\"南塘河漂浮垃圾｜锦溪镇南塘河东岸\"}}}"), String.class)
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        Map<String, Object> found = jdbc.queryForMap("select c.case_no, c.lead_unit from rect_case c where c.campaign_code = 'JX-PHOTO'");
        String caseNo = (String) found.get("CASE_NO");
        TestRestTemplate lead = rest.withBasicAuth(found.get("LEAD_UNIT") + "1", "demo");
        assertThat(found.get("LEAD_UNIT")).as("水利站 leads the river it entered: claimed as entered (sjreview F12)").isEqualTo("jxshuili");
        String rectify = taskService.createTaskQuery().processInstanceBusinessKey(caseNo).singleResult().getId();
        assertThat(taskService.createTaskQuery().taskId(rectify).singleResult().getTaskDefinitionKey()).isEqualTo("Task_RectifyProblem");
        String afterOnly = "{\"variables\":{\"rectifyAction\":{\"value\":\"submit\"},\"measures\":{\"value\":\"已打捞\"},"
                + file("photoAfter", "after.png", "image/png", PNG) + "}}";

        ResponseEntity<String> refused = lead.postForEntity("/engine-rest/task/" + rectify + "/complete", json(afterOnly), String.class);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody()).contains("请上传整改前照片");
        assertThat(jdbc.queryForObject("select count(*) from rect_case_photo where case_no = ?", Long.class, caseNo)).isZero();
        ResponseEntity<String> accepted = lead.postForEntity("/engine-rest/task/" + rectify + "/complete", json(
                "{\"variables\":{\"rectifyAction\":{\"value\":\"submit\"},\"measures\":{\"value\":\"已打捞\"},"
                        + file("photoBefore", "before.png", "image/png", PNG) + "," + file("photoAfter", "after.png", "image/png", PNG) + "}}"),
                String.class);
        assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(jdbc.queryForList("select kind from rect_case_photo where case_no = ? order by kind", String.class, caseNo))
                .containsExactly("AFTER", "BEFORE");
        // 锦溪's 推进小组办公室 is its office and its inspectors at once: it verifies the case (one group in two roles)
        TestRestTemplate office = rest.withBasicAuth("jxtuijinban1", "demo");
        String verify = taskService.createTaskQuery().processInstanceBusinessKey(caseNo).singleResult().getId();
        assertThat(office.postForEntity("/engine-rest/task/" + verify + "/claim", json("{\"userId\":\"jxtuijinban1\"}"), String.class)
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        ResponseEntity<String> passed = office.postForEntity("/engine-rest/task/" + verify + "/complete", json(
                "{\"variables\":{\"verificationResult\":{\"value\":\"pass\"},\"verificationComment\":{\"value\":\"已打捞干净\"}}}"),
                String.class);
        assertThat(passed.getStatusCode()).as("%s", passed.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
    }

    /**
     * jxreview s55 J14: what 水利站 finds in its own item's task (实施项目整治（整治镇区河道环境）) counts under that item, also a
     * finding it gives a patrol category of no item: 河面漂浮物 as 暴露垃圾 goes to 环卫所 with 暴露垃圾's deadline, as the
     * category says, and stays in 整治镇区河道环境 (not 其他) in the 驾驶舱, reports and the ranking's per-item tables. (A
     * category of another item counts under that one: findingsCarryTerritoryCommunityAndTheItemsResponsibleUnits.)
     */
    @Test
    void aFindingInAPlanItemsOwnTaskCountsUnderThatItemThoughGivenACategoryOfNoItem() {
        CampaignDriver run = jinxiInItsSecondPhase("JX-ITEM");
        String findings = run.task("rectifyItem/RECTIFY_TOWN_RIVERS").getId();
        ResponseEntity<String> done = rest.withBasicAuth("jxshuili1", "demo").postForEntity("/engine-rest/task/" + findings + "/complete",
                json("{\"variables\":{\"findings\":{\"value\":\"长寿桥北侧河岸堆放建筑垃圾｜长寿桥北侧河岸\\n"
                        + "邵甸港东段水面漂浮物｜邵甸港东段｜暴露垃圾\"}}}"), String.class);
        assertThat(done.getStatusCode()).as("%s", done.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(jdbc.queryForList("select title || ' ' || category || ' ' || lead_unit || ' ' || plan_item from rect_case"
                + " where campaign_code = 'JX-ITEM' order by case_no", String.class)).containsExactly(
                "长寿桥北侧河岸堆放建筑垃圾 RECTIFY_TOWN_RIVERS jxshuili RECTIFY_TOWN_RIVERS",
                "邵甸港东段水面漂浮物 EXPOSED_GARBAGE jxhuanwei RECTIFY_TOWN_RIVERS");
    }

    /** A case found in a 九亭 campaign, whose template asks for no before photo, is rectified with the after photo alone. */
    @Test
    void aJiutingCampaignCaseIsRectifiedWithoutABeforePhoto() {
        assertThat(post("chuangban1", "{\"template\":\"jiuting-2023-standard-town\",\"code\":\"JT-PHOTO\",\"name\":\"九亭\"}")
                .getStatusCode()).isEqualTo(HttpStatus.CREATED);
        ResponseEntity<Map> reported = rest.withBasicAuth("lvrong1", "demo").postForEntity("/api/cases", json("""
                {"title":"九亭大街垃圾堆放","category":"EXPOSED_GARBAGE","urgency":"NORMAL","source":"PATROL","campaign":"JT-PHOTO",
                 "location":{"address":"沪松公路 1 号"}}"""), Map.class);
        assertThat(reported.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String caseNo = (String) reported.getBody().get("caseNo");
        TestRestTemplate huanwei = rest.withBasicAuth("huanwei1", "demo");
        String rectify = claim(huanwei, caseNo);
        assertThat(runtimeService.getVariable(taskService.createTaskQuery().taskId(rectify).singleResult().getProcessInstanceId(),
                "beforePhotoRequired")).as("set only when the template asks for the before photo").isNull();

        ResponseEntity<String> submitted = huanwei.postForEntity("/engine-rest/task/" + rectify + "/complete", json(
                "{\"variables\":{\"rectifyAction\":{\"value\":\"submit\"},\"measures\":{\"value\":\"已清理\"},"
                        + file("photoAfter", "after.png", "image/png", PNG) + "}}"), String.class);

        assertThat(submitted.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    }

    ResponseEntity<Map> cancel(String user, String code, String body) {
        return rest.withBasicAuth(user, "demo").postForEntity("/api/campaigns/" + code + "/cancellation", json(body), Map.class);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> campaignOf(ResponseEntity<Map> detail) {
        return (Map<String, Object>) detail.getBody().get("campaign");
    }

    /**
     * 撤销活动 before it starts, by the office (a reason may be left out): its process and timers end, its record stays
     * marked 已撤销 with who did it; a unit's staff may not, another organisation does not see it, a second cancel is a
     * conflict. While it ran, a second campaign of its template in overlapping days was refused naming the start date; once
     * it is cancelled that one starts. A not-yet-started campaign is NOT_STARTED 待开始, not RUNNING.
     */
    @Test
    @SuppressWarnings("unchecked")
    void aCampaignStartedByMistakeIsCancelledAndAnOverlappingOneOfItsTemplateRefused() {
        ResponseEntity<Map> first = post("chuangban1", """
                {"template":"jiuting-2023-standard-town","code":"JT-MISTAKE","name":"九亭镇误发起","dates":{"start":"2027-03-01"}}""");
        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(campaignOf(first)).containsEntry("status", "NOT_STARTED").containsEntry("statusName", "待开始");
        String instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey("JT-MISTAKE").singleResult().getId();

        ResponseEntity<Map> overlapping = post("chuangban2", """
                {"template":"jiuting-2023-standard-town","code":"JT-AGAIN","name":"九亭镇重复","dates":{"start":"2027-06-01"}}""");
        assertThat(overlapping.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(errors(overlapping)).singleElement().satisfies(e -> assertThat(e).containsEntry("field", "dates.start")
                .containsEntry("code", "OVERLAPPING_CAMPAIGN").extracting(m -> (String) m.get("message")).asString()
                .contains("JT-MISTAKE", "2027-03-01 至 2027-12-31", "重复召开会议"));
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey("JT-AGAIN").count()).isZero();
        ResponseEntity<String> viaForm = rest.withBasicAuth("chuangban2", "demo").postForEntity(
                "/engine-rest/process-definition/key/CampaignProcess/tenant-id/jiuting/submit-form", json("""
                        {"variables":{"template":{"value":"jiuting-2023-standard-town"},"campaignCode":{"value":"JT-AGAIN"},
                         "campaignName":{"value":"九亭镇重复"},"startDate":{"value":"2027-06-01"}}}"""), String.class);
        assertThat(viaForm.getStatusCode()).as("the Tasklist start form refuses it too").isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(viaForm.getBody()).contains("无法发起活动：", "JT-MISTAKE");

        assertThat(cancel("huanwei1", "JT-MISTAKE", "{}").getStatusCode()).as("a unit head of the leading group reads it, may not cancel it")
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(cancel("jxtuijinban1", "JT-MISTAKE", "{}").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        ResponseEntity<Map> cancelled = cancel("chuangban1", "JT-MISTAKE", "{}");

        assertThat(cancelled.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(campaignOf(cancelled)).containsEntry("status", "CANCELLED").containsEntry("statusName", "已撤销")
                .containsEntry("cancelledBy", "chuangban1");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance).count()).isZero();
        assertThat(managementService.createJobQuery().processInstanceId(instance).count()).as("its phase timers are gone").isZero();
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(instance).singleResult().getDeleteReason())
                .isEqualTo("撤销活动：活动开始前撤销");
        ResponseEntity<Map> again = cancel("chuangban1", "JT-MISTAKE", "{}");
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(errors(again)).singleElement().satisfies(e -> assertThat(e).containsEntry("code", "CAMPAIGN_CANCELLED"));
        assertThat(post("chuangban2", """
                {"template":"jiuting-2023-standard-town","code":"JT-AGAIN","name":"九亭镇重复","dates":{"start":"2027-06-01"}}""")
                .getStatusCode()).isEqualTo(HttpStatus.CREATED);

        ResponseEntity<Map> delete = rest.withBasicAuth("chuangban1", "demo").exchange("/api/campaigns/JT-AGAIN",
                org.springframework.http.HttpMethod.DELETE, null, Map.class);
        assertThat(delete.getStatusCode()).isEqualTo(HttpStatus.METHOD_NOT_ALLOWED);
        assertThat((String) delete.getBody().get("message")).as("names the method").contains("DELETE", "/api/campaigns/JT-AGAIN");
    }

    /**
     * A campaign that has begun is cancelled only with a reason: its open tasks and every process of it end (no timer of it
     * fires again), the tasks' record says CANCELLED and the reason is kept. Lists show running campaigns before one
     * that has not started.
     */
    @Test
    @SuppressWarnings("unchecked")
    void aRunningCampaignIsCancelledWithAReasonAndRunningOnesAreListedFirst() {
        assertThat(post("chuangban1", """
                {"template":"jiuting-2023-standard-town","code":"JT-RUNNING","name":"九亭镇进行中"}""").getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        new CampaignDriver("JT-RUNNING", managementService, runtimeService, taskService, jdbc).runUntil(Instant.parse("2026-11-20T02:00:00Z"));
        assertThat(post("chuangban1", """
                {"template":"jiuting-2023-standard-town","code":"JT-AFTER","name":"九亭镇下一期","dates":{"start":"2028-01-01"}}""")
                .getStatusCode()).as("after the running one ends (2027-12-31): no overlap").isEqualTo(HttpStatus.CREATED);
        List<String> listed = ((List<Map<String, Object>>) rest.withBasicAuth("chuangban1", "demo").getForObject("/api/campaigns", List.class))
                .stream().map(c -> (String) c.get("code")).toList();
        assertThat(listed.indexOf("JT-RUNNING")).isNotNegative().isLessThan(listed.indexOf("JT-AFTER"));
        List<String> cards = ((List<Map<String, Object>>) rest.withBasicAuth("chuangban1", "demo").getForObject("/api/dashboard", Map.class)
                .get("campaigns")).stream().map(c -> (String) c.get("code")).toList();
        assertThat(cards.indexOf("JT-RUNNING")).isNotNegative().isLessThan(cards.indexOf("JT-AFTER"));
        assertThat(taskService.createTaskQuery().processInstanceBusinessKey("JT-RUNNING").count()).isPositive();

        ResponseEntity<Map> noReason = cancel("chuangban1", "JT-RUNNING", "{}");
        assertThat(noReason.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(errors(noReason)).singleElement().satisfies(e -> assertThat(e).containsEntry("field", "reason").containsEntry("code", "REQUIRED"));
        ResponseEntity<Map> cancelled = cancel("chuangban1", "JT-RUNNING", "{\"reason\":\"编号填错，改用下一期\"}");

        assertThat(cancelled.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(campaignOf(cancelled)).containsEntry("status", "CANCELLED").containsEntry("cancelReason", "编号填错，改用下一期");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey("JT-RUNNING").count())
                .as("the campaign's process and its tasks' processes").isZero();
        assertThat(jdbc.queryForList("select distinct status from campaign_task where campaign_code = 'JT-RUNNING'", String.class))
                .containsExactly("CANCELLED");
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey("JT-RUNNING")
                .processDefinitionKey(CampaignTaskProcess.KEY).list()).isNotEmpty()
                .allSatisfy(p -> assertThat(p.getDeleteReason()).isEqualTo("撤销活动：编号填错，改用下一期"));
    }

    /** The lead unit claims the case (认领) and gets its 整改问题 task. */
    private String claim(TestRestTemplate lead, String caseNo) {
        String claimTask = taskService.createTaskQuery().processInstanceBusinessKey(caseNo).singleResult().getId();
        assertThat(lead.postForEntity("/engine-rest/task/" + claimTask + "/complete",
                json("{\"variables\":{\"claimDecision\":{\"value\":\"claim\"}}}"), String.class).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        return taskService.createTaskQuery().processInstanceBusinessKey(caseNo).taskDefinitionKey("Task_RectifyProblem")
                .singleResult().getId();
    }
}
