package org.shirong.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shirong.system.ShirongWebTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.shirong.system.CampaignLeftovers;
import org.shirong.system.SharesSpringContext;

/**
 * Every case reported for a campaign belongs to it, whatever the entry (import, form), and counts in its overview
 * and checkpoint; the plan's dates bound its due date. Through REST as the demo users.
 */
@ShirongWebTest
@SharesSpringContext
class CampaignMembershipTest {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    ManagementService managementService;
    @Autowired
    TaskService taskService;
    @Autowired
    CampaignRecords records;
    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactionManager;

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

    /**
     * 九亭镇 takes part in 松江区's campaign (its office is one of the campaign's units): its office reads the campaign, its
     * phases and its own tasks (not the departments'), the list shows it, and it reads the district's documents, all
     * read-only; a unit of 九亭镇 and 锦溪镇, which take no part, see nothing; a monthly report of a month long before the
     * campaign is refused naming {@code period}.
     */
    @Test
    @SuppressWarnings("unchecked")
    void aTownTakingPartReadsTheDistrictCampaignWithItsOwnTasksAndDocumentsOnly() {
        start("sjshirongban1", "{\"template\":\"songjiang-2024-satisfaction\",\"code\":\"SJ-TOWNS\",\"name\":\"松江街镇\"}");
        CampaignDriver run = new CampaignDriver("SJ-TOWNS", managementService, runtimeService, taskService, jdbc);
        run.runUntil(Instant.parse("2026-12-25T02:00:00Z"));
        TestRestTemplate jiuting = rest.withBasicAuth("chuangban1", "demo");
        // a town's task past its deadline is told to the town; the district office that set it gets one digest per task
        // and due moment naming every unit not done, not one message per unit (sjreview s54 D7: 27 on one afternoon)
        List<String> overdue = run.inboxBodies("chuangban1", "campaign-task-overdue");
        assertThat(overdue).isNotEmpty();
        assertThat(overdue).allSatisfy(body -> assertThat(body).contains("已超期"));
        assertThat(run.inboxBodies("sjshirongban1", "campaign-task-overdue")).isEmpty();
        List<String> digests = run.inboxBodies("sjshirongban1", "campaign-task-overdue-digest");
        // the office's own work (its tasks and the 区级联合检查组's, which it leads: roles.office-led) is in no digest (sjreview-s57 D10)
        Integer moments = jdbc.queryForObject("select count(*) from (select distinct definition_id, due_at from campaign_task"
                + " where campaign_code = 'SJ-TOWNS' and status = 'OPEN' and due_at < ?"
                + " and group_id not in ('sjshirongban', 'sjlianjian')) d", Integer.class,
                java.sql.Timestamp.from(Instant.parse("2026-12-25T02:00:00Z")));
        assertThat(digests).as("one per task and due moment").hasSize(moments);
        assertThat(digests).anySatisfy(body -> assertThat(body).containsPattern("以下 [1-9][0-9]* 个单位至今尚未办结")
                .contains("九亭镇"));

        // sjreview-s57 D19: a unit's 自查整改情况报送 shows its month's figures read-only, made when it is issued (25th) and
        // again when the unit claims it
        CampaignRecords.TaskRow report = records.tasks("SJ-TOWNS").stream()
                .filter(t -> "progressReport".equals(t.cycleId()) && "shdshirongban".equals(t.groupId()))
                .max(java.util.Comparator.comparing(CampaignRecords.TaskRow::createdAt)).orElseThrow();
        String reportTask = taskService.createTaskQuery().processInstanceId(report.processInstanceId()).singleResult().getId();
        long otherOpen = records.tasks("SJ-TOWNS").stream().filter(t -> "shdshirongban".equals(t.groupId())
                && "OPEN".equals(t.status()) && !t.id().equals(report.id())).count();
        assertThat((String) taskService.getVariable(reportTask, ReportFigures.VAR_REPORT_FIGURES))
                .startsWith("2026年12月本单位在本活动中（截至 2026年12月25日")
                .contains("· 自查发现：本单位上报问题 0 件，已整改结案 0 件；", "· 牵头整改：未结案 0 件；", "· 属地协办：待记录 0 件；",
                        "· 未完成任务：" + otherOpen + " 项");
        assertThat(otherOpen).isPositive();
        assertThat(selfInspection("SJ-TOWNS", "公共场所", "石湖荡镇塔汇路 30 号").getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(rest.withBasicAuth("shdshirongban1", "demo").postForEntity("/engine-rest/task/" + reportTask + "/claim",
                CampaignApiTest.json("{\"userId\":\"shdshirongban1\"}"), String.class).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat((String) taskService.getVariable(reportTask, ReportFigures.VAR_REPORT_FIGURES))
                .as("as they are at the claim: the problem just reported, which the town leads")
                .contains("· 自查发现：本单位上报问题 1 件，已整改结案 0 件，整改中 1 件；", "· 牵头整改：未结案 1 件；");

        ResponseEntity<Map> detail = jiuting.getForEntity("/api/campaigns/SJ-TOWNS", Map.class);

        assertThat(detail.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat((List<Map<String, Object>>) detail.getBody().get("phases")).hasSize(3);
        // szreview-s60 S5: each phase's progress is the town's own tasks', as its 驾驶舱 counts them, not the district's
        int ownPhaseTasks = jdbc.queryForObject("select count(*) from campaign_task where campaign_code = 'SJ-TOWNS'"
                + " and phase_no is not null and group_id = 'chuangban'", Integer.class);
        assertThat(ownPhaseTasks).isPositive().isLessThan(jdbc.queryForObject("select count(*) from campaign_task"
                + " where campaign_code = 'SJ-TOWNS' and phase_no is not null", Integer.class));
        assertThat(((List<Map<String, Object>>) detail.getBody().get("phases")).stream().mapToInt(p -> (Integer) p.get("tasks")).sum())
                .isEqualTo(ownPhaseTasks);
        assertThat((List<Map<String, Object>>) detail.getBody().get("openTasksByUnit")).as("its own tasks, not the departments'")
                .isNotEmpty().allSatisfy(u -> assertThat(u).containsEntry("group", "chuangban"));
        assertThat((List<Map<String, Object>>) jiuting.getForObject("/api/campaigns", List.class))
                .anySatisfy(c -> assertThat(c).containsEntry("code", "SJ-TOWNS"));
        List<Map<String, Object>> documents = jiuting.getForObject("/api/campaigns/SJ-TOWNS/documents", List.class);
        assertThat(documents).isNotEmpty();
        assertThat(jiuting.getForEntity((String) documents.get(0).get("url"), String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(jiuting.postForEntity("/api/campaigns/SJ-TOWNS/cancellation", CampaignApiTest.json("{\"reason\":\"x\"}"), Map.class)
                .getStatusCode()).as("reading only").isEqualTo(HttpStatus.FORBIDDEN);
        for (String outsider : List.of("huanwei1", "jxtuijinban1")) {
            TestRestTemplate other = rest.withBasicAuth(outsider, "demo");
            assertThat(other.getForEntity("/api/campaigns/SJ-TOWNS", Map.class).getStatusCode()).as(outsider).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(other.getForEntity("/api/campaigns/SJ-TOWNS/documents", Map.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(other.getForEntity((String) documents.get(0).get("url"), String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat((List<Map<String, Object>>) other.getForObject("/api/campaigns", List.class))
                    .noneSatisfy(c -> assertThat(c).containsEntry("code", "SJ-TOWNS"));
        }
        ResponseEntity<Map> longBefore = rest.withBasicAuth("sjshirongban1", "demo")
                .getForEntity("/api/campaigns/SJ-TOWNS/monthly-report?period=2026-06", Map.class);
        assertThat(longBefore.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(errors(longBefore)).containsExactly("period:PERIOD_BEFORE_CAMPAIGN");
    }

    /**
     * diffreview-s58 R3: the figures on a unit's 报送 are counted in the database for that unit alone — its people's
     * reports of the campaign in the month (from its first instant) and of them the closed, the cases it leads not closed and
     * of them the overdue — among cases of other units, of another campaign, before the month, merged and voided, which
     * count for none of them; as the claim lists them again.
     */
    @Test
    void aUnitsReportFiguresCountOnlyItsOwnCasesOfTheCampaignInTheMonth() {
        start("sjshirongban1", "{\"template\":\"songjiang-2024-satisfaction\",\"code\":\"SJ-FIG\",\"name\":\"松江报送数字\","
                + "\"dates\":{\"start\":\"2026-11-20\"}}");
        new CampaignDriver("SJ-FIG", managementService, runtimeService, taskService, jdbc).runUntil(Instant.parse("2026-11-25T02:00:00Z"));
        CampaignRecords.TaskRow report = records.tasks("SJ-FIG").stream()
                .filter(t -> "progressReport".equals(t.cycleId()) && "shdshirongban".equals(t.groupId())).findFirst().orElseThrow();
        String reportTask = taskService.createTaskQuery().processInstanceId(report.processInstanceId()).singleResult().getId();
        assertThat((String) taskService.getVariable(reportTask, ReportFigures.VAR_REPORT_FIGURES)).startsWith("2026年11月本单位")
                .contains("· 自查发现：本单位上报问题 0 件，已整改结案 0 件；", "· 牵头整改：未结案 0 件；");
        try {
            figureCase(1, "SJ-FIG", "shdshirongban1", "shdshirongban", "IN_RECTIFICATION", "2026-11-10T09:00", "2026-11-15T17:00");
            figureCase(2, "SJ-FIG", "shdshirongban1", "sjlvrongju", "CLOSED", "2026-11-12T09:00", "2026-11-20T17:00");
            figureCase(3, "SJ-FIG", "shdshirongban1", "shdshirongban", "AWAITING_VERIFICATION", "2026-10-20T09:00", "2026-12-20T17:00");
            figureCase(4, "SJ-FIG", "shdshirongban1", "shdshirongban", "MERGED", "2026-11-13T09:00", "2026-11-15T17:00");
            figureCase(5, "SJ-FIG", "shdshirongban1", "shdshirongban", "VOIDED", "2026-11-14T09:00", "2026-11-15T17:00");
            figureCase(6, "SJ-FIG", "chuangban1", "sjlvrongju", "IN_RECTIFICATION", "2026-11-10T09:00", "2026-11-15T17:00");
            figureCase(7, "SJ-FIG-ELSE", "shdshirongban1", "shdshirongban", "IN_RECTIFICATION", "2026-11-10T09:00", "2026-11-15T17:00");
            figureCase(8, "SJ-FIG", "sjshirongban1", "shdshirongban", "CLOSED", "2026-11-10T09:00", "2026-11-15T17:00");
            figureCase(9, "SJ-FIG", "chuangban1", "chuangban", "IN_RECTIFICATION", "2026-11-11T09:00", "2026-11-15T17:00");
            figureCase(10, "SJ-FIG", "shdshirongban1", "sjlvrongju", "IN_RECTIFICATION", "2026-11-01T00:00", "2026-12-20T17:00");
            figureCase(11, "SJ-FIG", "shdshirongban1", "sjlvrongju", "CLOSED", "2026-10-31T23:59", "2026-11-10T17:00");

            assertThat(rest.withBasicAuth("shdshirongban1", "demo").postForEntity("/engine-rest/task/" + reportTask + "/claim",
                    CampaignApiTest.json("{\"userId\":\"shdshirongban1\"}"), String.class).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

            assertThat((String) taskService.getVariable(reportTask, ReportFigures.VAR_REPORT_FIGURES))
                    .as("reported in the month: 1, 2 (closed), 10; led not closed: 1 (overdue), 3")
                    .contains("· 自查发现：本单位上报问题 3 件，已整改结案 1 件，整改中 2 件；", "· 牵头整改：未结案 2 件，其中已超期 1 件；");
        } finally {
            jdbc.update("delete from rect_case where case_no like 'SJFIG-%'");
        }
    }

    /** A case written as rectification leaves it, numbered SJFIG-{@code no}: reported and due at the local times given. */
    private void figureCase(int no, String campaign, String reportedBy, String leadUnit, String status, String reported, String due) {
        jdbc.update("insert into rect_case (case_no, source, category, urgency, title, address, lead_unit, status, reported_by,"
                        + " reported_at, due_at, closed_at, tenant_id, territory, campaign_code) values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                "SJFIG-" + no, "SELF_INSPECTION", "SURVEY_PUBLIC_PLACES", "NORMAL", "报送数字 " + no, "石湖荡镇塔汇路 " + no + " 号",
                leadUnit, status, reportedBy, java.sql.Timestamp.from(org.shirong.report.CampaignFixture.at(reported)),
                java.sql.Timestamp.from(org.shirong.report.CampaignFixture.at(due)),
                "CLOSED".equals(status) ? java.sql.Timestamp.from(org.shirong.report.CampaignFixture.at(due)) : null,
                "shihudang", "shihudang", campaign);
    }

    /**
     * The one rule for who reads a campaign (CallerOrganization.campaignReader), asked alike by the campaign's page, its
     * documents and its dossier: a district campaign that only 九亭镇 takes part in is read by 九亭镇's office, pages and
     * documents; 石湖荡镇's office (a town of the same district, not taking part in this one) and a unit of 九亭镇 find none
     * of it (404).
     */
    @Test
    @SuppressWarnings("unchecked")
    void aParticipatingTownsOfficeReadsTheDistrictCampaignsDocumentsByTheSameRuleAndAnotherTownsStaffDoesNot() {
        org.shirong.report.CampaignFixture fixture = new org.shirong.report.CampaignFixture(jdbc, "SJ-ONE-TOWN");
        try {
            fixture.campaign("松江区只有九亭镇参加的活动", 1, "songjiang", "songjiang-2024-satisfaction", "松江区满意度测评提升")
                    .phase(1, "补齐短板弱项", "2026-11-01", "2026-12-31")
                    .unit("sjlvrongju", "区绿化市容局", 1).unit("jiuting", "chuangban", "九亭镇", 2);
            String document = java.util.UUID.randomUUID().toString();
            jdbc.update("insert into campaign_document (id, campaign_code, doc_key, kind, title, html, created_at) values (?,?,?,?,?,?,?)",
                    document, "SJ-ONE-TOWN", "notice/2026-10", "NOTICE", "关于2026年10月考核排名的通报", "<html><body>通报</body></html>",
                    java.sql.Timestamp.from(Instant.parse("2026-11-02T02:00:00Z")));

            TestRestTemplate jiuting = rest.withBasicAuth("chuangban1", "demo");
            assertThat(jiuting.getForEntity("/api/campaigns/SJ-ONE-TOWN", Map.class).getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat((List<Map<String, Object>>) jiuting.getForObject("/api/campaigns/SJ-ONE-TOWN/documents", List.class))
                    .singleElement().satisfies(d -> assertThat(d).containsEntry("id", document));
            assertThat(jiuting.getForEntity("/api/documents/" + document, String.class).getBody()).contains("通报");
            assertThat(jiuting.getForEntity("/api/campaigns/SJ-ONE-TOWN/dossier.pdf?item=SURVEY_URBAN_ROADS", Map.class).getBody())
                    .as("it reads the campaign; it has no case of that item").containsEntry("errors",
                            List.of(Map.of("code", "PLAN_ITEM_NOT_FOUND", "message", "活动“松江区只有九亭镇参加的活动”的计划项目 "
                                    + "SURVEY_URBAN_ROADS 下没有您可查看的案件")));
            for (String outsider : List.of("shdshirongban1", "huanwei1")) {
                TestRestTemplate other = rest.withBasicAuth(outsider, "demo");
                for (String url : List.of("/api/campaigns/SJ-ONE-TOWN", "/api/campaigns/SJ-ONE-TOWN/documents", "/api/documents/" + document,
                        "/api/campaigns/SJ-ONE-TOWN/dossier.pdf", "/api/campaigns/SJ-ONE-TOWN/dashboard")) {
                    ResponseEntity<String> refused = other.getForEntity(url, String.class);
                    assertThat(refused.getStatusCode()).as("%s %s", outsider, url).isEqualTo(HttpStatus.NOT_FOUND);
                    assertThat(refused.getBody()).as(url).doesNotContain("只有九亭镇参加", "通报");
                }
            }
        } finally {
            fixture.clear();
        }
    }

    /**
     * secreview-s50 I7: a participating town previews the district campaign's monthly report only for a period whose 通报
     * the district has issued (403 naming {@code period} before, as its 驾驶舱 shows no ranking then); the district reads any.
     * A month whose report was issued is shown as issued (its figures then, not today's), to the town and the district.
     */
    @Test
    void aParticipatingTownReadsTheDistrictsMonthlyReportOnlyOnceThatMonthsNoticeIsIssued() {
        org.shirong.report.CampaignFixture fixture = new org.shirong.report.CampaignFixture(jdbc, "SJ-UNPUB");
        try {
            fixture.campaign("松江区通报前的月度报告", 1, "songjiang", "songjiang-2024-satisfaction", "松江区满意度测评提升")
                    .phase(1, "补齐短板弱项", "2026-10-01", "2026-12-31")
                    .unit("sjlvrongju", "区绿化市容局", 1).unit("jiuting", "chuangban", "九亭镇", 2);
            jdbc.update("insert into campaign_document (id, campaign_code, doc_key, kind, title, html, created_at) values (?,?,?,?,?,?,?)",
                    java.util.UUID.randomUUID().toString(), "SJ-UNPUB", "notice/2026-10", "NOTICE", "关于2026年10月考核排名的通报",
                    "<html><body>通报</body></html>", java.sql.Timestamp.from(Instant.parse("2026-11-02T02:00:00Z")));
            // the report cycle issues October's monthly report with its 通报: its figures as they were on 11-02
            jdbc.update("insert into campaign_document (id, campaign_code, doc_key, kind, title, html, created_at) values (?,?,?,?,?,?,?)",
                    java.util.UUID.randomUUID().toString(), "SJ-UNPUB", "monthly-report/2026-10", "MONTHLY_REPORT",
                    "松江区通报前的月度报告2026年10月工作报告", "<html><body>十月报告（11月2日印发的数字）</body></html>",
                    java.sql.Timestamp.from(Instant.parse("2026-11-02T02:00:00Z")));
            TestRestTemplate jiuting = rest.withBasicAuth("chuangban1", "demo");
            TestRestTemplate district = rest.withBasicAuth("sjshirongban1", "demo");

            ResponseEntity<String> october = jiuting.getForEntity("/api/campaigns/SJ-UNPUB/monthly-report?period=2026-10", String.class);
            assertThat(october.getStatusCode()).as("October's 通报 is out").isEqualTo(HttpStatus.OK);
            // a published month is shown as published, not with today's figures, to the town as to the district
            assertThat(october.getBody()).as("the town").contains("十月报告（11月2日印发的数字）");
            assertThat(district.getForEntity("/api/campaigns/SJ-UNPUB/monthly-report?period=2026-10", String.class).getBody())
                    .as("the district").contains("十月报告（11月2日印发的数字）");
            for (String period : List.of("2026-11", "2026-Q4", "2026")) {
                ResponseEntity<Map> refused = jiuting.getForEntity("/api/campaigns/SJ-UNPUB/monthly-report?period=" + period, Map.class);
                assertThat(refused.getStatusCode()).as(period).isEqualTo(HttpStatus.FORBIDDEN);
                assertThat(errors(refused)).as(period).containsExactly("period:REPORT_NOT_PUBLISHED");
                assertThat(refused.getBody().toString()).as(period).contains("松江区尚未印发", "考核排名的通报，印发后参加活动的街镇才能查看该期的月度报告")
                        .doesNotContain("区绿化市容局");
            }
            ResponseEntity<String> november = district.getForEntity("/api/campaigns/SJ-UNPUB/monthly-report?period=2026-11", String.class);
            assertThat(november.getStatusCode()).as("the district previews its own").isEqualTo(HttpStatus.OK);
            assertThat(november.getBody()).as("not yet issued: as of now").contains("2026年11月").doesNotContain("十月报告");
            assertThat(rest.withBasicAuth("shdshirongban1", "demo").getForEntity("/api/campaigns/SJ-UNPUB/monthly-report?period=2026-10",
                    String.class).getStatusCode()).as("a town taking no part").isEqualTo(HttpStatus.NOT_FOUND);
        } finally {
            fixture.clear();
        }
    }

    /**
     * 九亭镇's office on 松江区's campaign, through REST as the 驾驶舱 asks: its part of the 驾驶舱 (its own tasks, the cases
     * located in 九亭镇, not 石湖荡镇's), the ranking of a month once the district has published it in its 通报, the dossier
     * of its own cases, the Excel ledger of its own rows; the campaign's scores ({@code GET /api/scores?campaign=} and
     * their Excel) of a published month as the 驾驶舱 ranks it, of an unpublished one a 403 saying the 通报 is not yet
     * issued (before: 404 and 400 for a campaign it reads); no 街镇排名 or archive links, and the 迎检 archive refused
     * (403) naming who downloads it. The district's office sees the whole; 石湖荡镇's office sees its own case only; a
     * unit of 九亭镇 nothing (404, 400 for the ledger).
     */
    @Test
    @SuppressWarnings("unchecked")
    void aParticipatingTownSeesItsOwnPartOfTheDistrictsDashboardAndItsCasesDossierButNotTheArchive() throws Exception {
        start("sjshirongban1", "{\"template\":\"songjiang-2024-satisfaction\",\"code\":\"SJ-PART\",\"name\":\"松江街镇驾驶舱\"}");
        CampaignDriver run = new CampaignDriver("SJ-PART", managementService, runtimeService, taskService, jdbc);
        // the day before the 25th's 报送 and 通报 of December (November's came out on 25 November: sjreview F14)
        run.runUntil(Instant.parse("2026-12-24T02:00:00Z"));
        String inJiuting = reportIn("SURVEY_URBAN_ROADS", "九亭镇", "松江区沪亭北路 9 号");
        String inShihudang = reportIn("SURVEY_URBAN_WATERS", "石湖荡镇", "松江区湖荡路 18 号");
        TestRestTemplate jiuting = rest.withBasicAuth("chuangban1", "demo");

        Map<String, Object> d = jiuting.getForObject("/api/campaigns/SJ-PART/dashboard?period=2026-12", Map.class);
        assertThat((Map<String, Object>) d.get("participant")).containsEntry("office", "chuangban");
        assertThat((Map<String, Object>) d.get("total")).as("the case located in 九亭镇 only").containsEntry("open", 1);
        int ownTasks = jdbc.queryForObject("select count(*) from campaign_task where campaign_code = 'SJ-PART' and phase_no is not null"
                + " and group_id = 'chuangban'", Integer.class);
        assertThat(ownTasks).isPositive().isLessThan(jdbc.queryForObject(
                "select count(*) from campaign_task where campaign_code = 'SJ-PART' and phase_no is not null", Integer.class));
        assertThat(((List<Map<String, Object>>) d.get("phases")).stream()
                .mapToInt(p -> (Integer) p.get("tasksDone") + (Integer) p.get("tasksOpen")).sum()).as("its own tasks").isEqualTo(ownTasks);
        assertThat((Map<String, Object>) d.get("links")).containsEntry("archive", null)
                .containsEntry("ledger", "/api/cases/export.xlsx?campaign=SJ-PART")
                .as("December's ranking is not yet published").containsEntry("scores", null)
                .containsEntry("territories", null).containsEntry("dossier", "/api/campaigns/SJ-PART/dossier.pdf");
        Map<String, Object> december = (Map<String, Object>) d.get("ranking");
        assertThat((String) december.get("notice")).contains("松江区尚未印发2026年12月考核排名的通报");
        assertThat((List<Object>) december.get("units")).isEmpty();
        Map<String, Object> list = jiuting.getForObject("/api/campaigns/SJ-PART/dashboard/cases?figure=OPEN&period=2026-12", Map.class);
        assertThat((List<Map<String, Object>>) list.get("cases")).extracting(c -> c.get("caseNo")).containsExactly(inJiuting);
        assertThat(list).containsEntry("ledger", "/api/cases/export.xlsx?campaign=SJ-PART");
        org.shirong.system.XlsxDownload ledger = org.shirong.system.XlsxDownload.of(
                jiuting.getForEntity("/api/cases/export.xlsx?campaign=SJ-PART", byte[].class));
        assertThat(ledger.title()).contains("松江街镇驾驶舱", "九亭镇属地");
        assertThat(ledger.data()).extracting(r -> ledger.text(r, "案件编号")).as("its own rows").containsExactly(inJiuting);
        assertThat(org.shirong.system.XlsxDownload.of(rest.withBasicAuth("sjshirongban1", "demo")
                .getForEntity("/api/cases/export.xlsx?campaign=SJ-PART", byte[].class)).data()).hasSize(2);
        ResponseEntity<String> unpublished = jiuting.getForEntity("/api/scores?period=2026-12&campaign=SJ-PART", String.class);
        assertThat(unpublished.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(unpublished.getBody()).contains("RANKING_NOT_PUBLISHED", "松江区尚未印发2026年12月考核排名的通报");
        assertThat(jiuting.getForEntity("/api/scores/export.xlsx?period=2026-12&campaign=SJ-PART", String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(jdbc.queryForObject("select count(*) from campaign_document where campaign_code = 'SJ-PART' and doc_key = 'notice/2026-11'",
                Integer.class)).as("the district published November's ranking in its 通报").isEqualTo(1);
        Map<String, Object> november = (Map<String, Object>) jiuting.getForObject("/api/campaigns/SJ-PART/dashboard?period=2026-11", Map.class)
                .get("ranking");
        assertThat((String) november.get("notice")).doesNotContain("尚未印发");
        Map<String, Object> novemberScores = jiuting.getForObject("/api/scores?period=2026-11&campaign=SJ-PART", Map.class);
        assertThat(novemberScores).as("the published ranking, as the 驾驶舱 shows it").containsEntry("campaign", "SJ-PART")
                .containsEntry("stored", true);
        // note-s55: the 驾驶舱's text names besides every unit the 通报 named for a task it did not do by its deadline
        assertThat((String) november.get("notice")).startsWith(((String) novemberScores.get("notice"))
                .replace("本期无通报单位。", "本期没有因考核得分被通报的单位。") + "另通报：")
                .contains("区绿化市容局：成立专班、明确专人（区绿化市容局）2026年11月27日到期，逾期未报（已逾期 ");
        assertThat((List<Map<String, Object>>) novemberScores.get("ranking")).extracting(u -> u.get("unitId"))
                .isEqualTo(((List<Map<String, Object>>) november.get("units")).stream().map(u -> u.get("unitId")).toList());
        assertThat(jiuting.getForEntity("/api/scores/export.xlsx?period=2026-11&campaign=SJ-PART", byte[].class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat((Map<String, Object>) jiuting.getForObject("/api/campaigns/SJ-PART/dashboard?period=2026-11", Map.class).get("links"))
                .containsEntry("scores", "/api/scores/export.xlsx?period=2026-11&campaign=SJ-PART");
        assertThat((List<Map<String, Object>>) jiuting.getForObject("/api/dashboard", Map.class).get("campaigns"))
                .filteredOn(c -> "SJ-PART".equals(c.get("code"))).singleElement()
                .satisfies(c -> assertThat((Map<String, Object>) c.get("total")).containsEntry("open", 1));

        ResponseEntity<Map> elsewhere = jiuting.getForEntity("/api/campaigns/SJ-PART/dossier.pdf?item=SURVEY_URBAN_WATERS", Map.class);
        assertThat(elsewhere.getStatusCode()).as("石湖荡镇's case is not 九亭镇's").isEqualTo(HttpStatus.NOT_FOUND);
        ResponseEntity<byte[]> own = jiuting.getForEntity("/api/campaigns/SJ-PART/dossier.pdf?item=SURVEY_URBAN_ROADS", byte[].class);
        if (own.getStatusCode() == HttpStatus.SERVICE_UNAVAILABLE) {
            // no Chinese font on this machine: refused only after the campaign and its cases were found readable
            assertThat(new String(own.getBody(), StandardCharsets.UTF_8)).contains("PDF_FONT_UNAVAILABLE");
        } else {
            assertThat(own.getStatusCode()).isEqualTo(HttpStatus.OK);
            try (var pdf = org.apache.pdfbox.Loader.loadPDF(own.getBody())) {
                assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(pdf)).contains(inJiuting).doesNotContain(inShihudang);
            }
        }
        ResponseEntity<Map> archive = jiuting.getForEntity("/api/campaigns/SJ-PART/archive.zip", Map.class);
        assertThat(archive.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(archive.getBody().toString()).contains("ARCHIVE_OF_ORGANIZER", "迎检档案", "只有松江区的人员可以下载");

        Map<String, Object> whole = rest.withBasicAuth("sjshirongban1", "demo").getForObject("/api/campaigns/SJ-PART/dashboard?period=2026-12", Map.class);
        assertThat(whole).containsEntry("participant", null);
        assertThat((Map<String, Object>) whole.get("total")).containsEntry("open", 2);
        assertThat((Map<String, Object>) whole.get("links")).containsEntry("archive", "/api/campaigns/SJ-PART/archive.zip");
        Map<String, Object> shihudang = rest.withBasicAuth("shdshirongban1", "demo")
                .getForObject("/api/campaigns/SJ-PART/dashboard/cases?figure=OPEN&period=2026-12", Map.class);
        assertThat((List<Map<String, Object>>) shihudang.get("cases")).extracting(c -> c.get("caseNo")).containsExactly(inShihudang);
        TestRestTemplate unit = rest.withBasicAuth("huanwei1", "demo");
        assertThat(unit.getForEntity("/api/campaigns/SJ-PART/dashboard", Map.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(unit.getForEntity("/api/scores?period=2026-11&campaign=SJ-PART", Map.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(unit.getForEntity("/api/cases/export.xlsx?campaign=SJ-PART", Map.class).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    /**
     * Two starts of overlapping campaigns of the same template sent at the same moment both pass the first check; each is
     * checked again while it is recorded, one at a time, so one is started (201) and the other refused (409) naming the
     * one started, and only one is stored. To make "at the same moment" certain, the test holds the start lock of the
     * template until both requests wait for it (H2's sessions name their blocker), and longer than H2's lock timeout.
     */
    @Test
    @SuppressWarnings("unchecked")
    void twoOverlappingStartsAtTheSameMomentStartOneAndRefuseTheOtherWithAConflict() throws Exception {
        String lock = CampaignStartLock.name("songjiang", "songjiang-2024-satisfaction");
        jdbc.update("insert into shirong_lock (name) select ? where not exists (select 1 from shirong_lock where name = ?)", lock, lock);
        java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(2);
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            List<java.util.concurrent.Future<ResponseEntity<Map>>> answers = new ArrayList<>();
            new org.springframework.transaction.support.TransactionTemplate(transactionManager).executeWithoutResult(held -> {
                jdbc.queryForObject("select name from shirong_lock where name = ? for update", String.class, lock);
                for (String code : List.of("SJ-RACE-A", "SJ-RACE-B")) {
                    answers.add(threads.submit(() -> {
                        together.await();
                        return rest.withBasicAuth("sjshirongban1", "demo").postForEntity("/api/campaigns", CampaignApiTest.json(
                                "{\"template\":\"songjiang-2024-satisfaction\",\"code\":\"" + code + "\",\"name\":\"同时发起\"}"),
                                Map.class);
                    }));
                }
                long until = System.nanoTime() + 60_000_000_000L;
                while (jdbc.queryForObject("select count(*) from information_schema.sessions where blocker_id = session_id()",
                        Integer.class) < 2) {
                    assertThat(System.nanoTime()).as("both starts wait for the lock").isLessThan(until);
                    assertThat(answers).as("no start is answered before it has the lock").noneMatch(java.util.concurrent.Future::isDone);
                    java.util.concurrent.locks.LockSupport.parkNanos(20_000_000L);
                }
                // held longer than H2's lock timeout (some two seconds), as a slow start would: the starts wait on
                java.util.concurrent.locks.LockSupport.parkNanos(3_000_000_000L);
                assertThat(answers).noneMatch(java.util.concurrent.Future::isDone);
            });
            List<ResponseEntity<Map>> done = new ArrayList<>();
            for (var answer : answers) {
                done.add(answer.get(120, java.util.concurrent.TimeUnit.SECONDS));
            }
            assertThat(done).extracting(ResponseEntity::getStatusCode)
                    .containsExactlyInAnyOrder(HttpStatus.CREATED, HttpStatus.CONFLICT);
            ResponseEntity<Map> refused = done.stream().filter(r -> r.getStatusCode() == HttpStatus.CONFLICT).findFirst().orElseThrow();
            String started = (String) ((Map<String, Object>) done.stream().filter(r -> r.getStatusCode() == HttpStatus.CREATED)
                    .findFirst().orElseThrow().getBody().get("campaign")).get("code");
            assertThat(errors(refused)).containsExactly("null:OVERLAPPING_CAMPAIGN");
            assertThat(refused.getBody().toString()).contains("已有活动 " + started, "重叠");
            assertThat(jdbc.queryForList("select code from campaign where code in ('SJ-RACE-A', 'SJ-RACE-B')", String.class))
                    .containsExactly(started);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void aSurveyImportedForTheCampaignAndTypedCasesAllCountInItsOverviewAndCheckpoint() {
        start("sjshirongban1", "{\"template\":\"songjiang-2024-satisfaction\",\"code\":\"SJ-MEMBER\",\"name\":\"松江测评\"}");
        CampaignDriver run = new CampaignDriver("SJ-MEMBER", managementService, runtimeService, taskService, jdbc);
        run.runUntil(Instant.parse("2026-11-20T02:00:00Z"));
        List<Map<String, Object>> categories = rest.withBasicAuth("sjshirongban1", "demo").getForObject("/api/categories", List.class);
        List<Map<String, Object>> survey = categories.stream().filter(c -> "SURVEY".equals(c.get("group"))).toList();
        StringBuilder csv = new StringBuilder("外部编号,问题类别,标题,地点,描述,紧急程度,小项,属地街镇\n");
        int row = 0;
        for (Map<String, Object> category : survey) {
            for (String item : (List<String>) category.get("items")) {
                row++;
                csv.append(String.join(",", quoted("SJM-" + row), quoted((String) category.get("code")), quoted("测评点位问题：" + item),
                        quoted("松江区人民北路 " + row + " 号"), quoted(""), quoted("一般"), quoted(item), quoted("松江区"))).append('\n');
            }
        }
        assertThat(row).as("11 大类 35 小项").isEqualTo(35);

        ResponseEntity<Map> imported = upload("sjshirongban1", "/api/cases/import?campaign=SJ-MEMBER", csv.toString());
        ResponseEntity<Map> typed1 = report("sjshirongban1", "SJ-MEMBER", "SURVEY_URBAN_ROADS", "道路清扫保洁", "人民北路 100 号");
        ResponseEntity<Map> typed2 = report("sjshirongban1", "SJ-MEMBER", "SURVEY_URBAN_WATERS", "河岸环境", "通波塘 3 号");

        assertThat(imported.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(imported.getBody()).containsEntry("created", 35);
        assertThat(typed1.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(typed1.getBody()).containsEntry("campaign", "SJ-MEMBER").containsEntry("planItem", "SURVEY_URBAN_ROADS")
                .containsEntry("subItem", "道路清扫保洁");
        assertThat(typed2.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        Map<String, Object> overview = rest.withBasicAuth("sjshirongban1", "demo").getForObject("/api/campaigns/SJ-MEMBER", Map.class);
        assertThat((Map<String, Object>) overview.get("cases")).containsEntry("total", 37).containsEntry("open", 37);
        assertThat(records.openCases("SJ-MEMBER")).hasSize(37);
        assertThat(rest.withBasicAuth("sjshirongban1", "demo").getForObject("/api/cases?campaign=SJ-MEMBER&size=200", Map.class))
                .as("?campaign= lists the campaign's cases only").containsEntry("total", 37);
        assertThat(jdbc.queryForObject("select count(*) from rect_case where campaign_code = 'SJ-MEMBER' and plan_item = category",
                Integer.class)).as("every survey 大类 is a plan item of the template").isEqualTo(37);
        Instant finishBy = jdbc.queryForObject("select ends_at from campaign_phase where campaign_code = 'SJ-MEMBER' and phase_no = 1",
                java.sql.Timestamp.class).toInstant();
        assertThat(jdbc.queryForList("select due_at from rect_case where campaign_code = 'SJ-MEMBER'", java.sql.Timestamp.class))
                .hasSize(37).allSatisfy(due -> assertThat(due.toInstant()).isBeforeOrEqualTo(finishBy));

        String checkpoint = run.task("pointProblemsCheckpoint/sjshirongban").getId();
        assertThat(rest.withBasicAuth("sjshirongban1", "demo").postForEntity("/engine-rest/task/" + checkpoint + "/claim",
                CampaignApiTest.json("{\"userId\":\"sjshirongban1\"}"), String.class).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        Map<String, Object> openCases = rest.withBasicAuth("sjshirongban1", "demo").getForObject(
                "/engine-rest/task/" + checkpoint + "/variables/openCases", Map.class);
        String text = (String) openCases.get("value");
        // the two typed in as 日常巡查 are no point problems (sjreview D8): counted apart, not checked
        assertThat(text).startsWith("本活动查出的点位问题中尚有 35 件未结案（按整治项目和牵头单位）").contains("\n另有 2 件本活动的其他案件");
        assertThat(text).doesNotContain((String) typed1.getBody().get("caseNo"), (String) typed2.getBody().get("caseNo"));
        assertThat(text.lines().filter(l -> l.strip().startsWith("· "))).hasSize(35);
    }

    /**
     * 松江区's 全面自查自纠 as 石湖荡镇 does it, in its own organisation: the form lists the categories its findings are
     * reported under (the district's 11 大类, not the town's patrol ones, which were refused), and a finding is the town's
     * own case (松江方案 二（三）、三（二）属地责任): its case number, dispatched by its own table to its office, no district
     * department cooperating, still counted for the district's campaign (its plan item, overview and ledger), which the
     * district's office reads; the ledger shows no internal key for it.
     */
    @Test
    @SuppressWarnings("unchecked")
    void aTownsSelfInspectionInTheDistrictsCampaignListsTheDistrictsCategoriesAndIsTheTownsOwnCase() {
        start("sjshirongban1", "{\"template\":\"songjiang-2024-satisfaction\",\"code\":\"SJ-SELF\",\"name\":\"松江自查\","
                + "\"dates\":{\"start\":\"2026-11-20\"}}");
        CampaignDriver run = new CampaignDriver("SJ-SELF", managementService, runtimeService, taskService, jdbc);
        // sjreview-s54 D5: 全面自查自纠 comes with the first phase (方案“要尽快组织”), due 20 days after it begins
        // (2026-12-10, a Thursday, 17:00), not with 自查自纠和联合检查 after the plan's next 4月10日.
        run.runUntil(Instant.parse("2026-11-20T02:00:00Z"));
        org.camunda.bpm.engine.task.Task task = run.task("selfInspection/shihudang");
        assertThat(task.getTenantId()).isEqualTo("shihudang");
        assertThat(task.getDueDate().toInstant()).isEqualTo(Instant.parse("2026-12-10T09:00:00Z"));
        assertThat((String) taskService.getVariable(task.getId(), "categoryList")).contains("城市道路").doesNotContain("暴露垃圾");

        TestRestTemplate town = rest.withBasicAuth("shdshirongban1", "demo");
        assertThat(town.postForEntity("/engine-rest/task/" + task.getId() + "/claim", CampaignApiTest.json("{\"userId\":\"shdshirongban1\"}"),
                String.class).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        ResponseEntity<String> elsewhere = town.postForEntity("/engine-rest/task/" + task.getId() + "/complete", CampaignApiTest.json(
                "{\"variables\":{\"findings\":{\"value\":\"塔汇路人行道破损｜塔汇路 20 号｜城市道路｜｜九亭镇\"}}}"), String.class);
        assertThat(elsewhere.getStatusCode()).as("a town's self-inspection lies in the town").isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(elsewhere.getBody()).contains("第 1 行：本镇（街道）自查的问题只能在本镇（街道）", "石湖荡镇");
        ResponseEntity<String> done = town.postForEntity("/engine-rest/task/" + task.getId() + "/complete", CampaignApiTest.json(
                "{\"variables\":{\"findings\":{\"value\":\"塔汇路人行道破损｜石湖荡镇塔汇路 20 号｜城市道路\"}}}"), String.class);
        assertThat(done.getStatusCode()).as(done.getBody()).isEqualTo(HttpStatus.NO_CONTENT);

        Map<String, Object> own = jdbc.queryForMap("select case_no, tenant_id, territory, lead_unit, plan_item, source"
                + " from rect_case where campaign_code = 'SJ-SELF'");
        assertThat(own).containsEntry("TENANT_ID", "shihudang").containsEntry("TERRITORY", "shihudang")
                .containsEntry("LEAD_UNIT", "shdshirongban").containsEntry("PLAN_ITEM", "SURVEY_URBAN_ROADS")
                .containsEntry("SOURCE", "SELF_INSPECTION");
        String caseNo = (String) own.get("CASE_NO");
        assertThat(caseNo).startsWith("SHD-");
        assertThat(jdbc.queryForObject("select count(*) from rect_case_party where case_no = ? and unit_id like 'sj%'", Integer.class, caseNo))
                .as("no district department cooperates on the town's own case").isZero();
        TestRestTemplate district = rest.withBasicAuth("sjshirongban1", "demo");
        assertThat(district.getForEntity("/api/cases/" + caseNo, Map.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat((Map<String, Object>) district.getForObject("/api/campaigns/SJ-SELF", Map.class).get("cases"))
                .containsEntry("total", 1).containsEntry("open", 1);
        // The ledger's 外部编号 is for outside numbers: not Shirong's own key for the finding (campaign:SJ-SELF:…).
        org.shirong.system.XlsxDownload ledger = org.shirong.system.XlsxDownload.of(rest.withBasicAuth("sjshirongban1", "demo")
                .getForEntity("/api/cases/export.xlsx?campaign=SJ-SELF", byte[].class));
        assertThat(ledger.data()).singleElement().satisfies(row -> {
            assertThat(ledger.text(row, "属地")).isEqualTo("石湖荡镇");
            assertThat(ledger.text(row, "外部编号")).isEmpty();
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void aCaseOfA931ItemIsDueNoLaterThanTheItemsFinishByUnlessThatHasPassed() {
        start("jxtuijinban1", "{\"template\":\"jinxi-2017-931\",\"code\":\"JX-MEMBER\",\"name\":\"锦溪 931\"}");
        // The 整治 phase (finish-by of every 931 item) runs to the plan's 年底, 2027-12-31; 20 working days from a week before
        // run past it.
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2027-12-24T01:00:00Z")));

        ResponseEntity<Map> late = report("jxtuijinban1", "JX-MEMBER", "RECTIFY_OLD_ESTATES", null, "锦溪镇长寿路 8 号");

        assertThat(late.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(late.getBody()).containsEntry("campaign", "JX-MEMBER").containsEntry("planItem", "RECTIFY_OLD_ESTATES")
                .containsEntry("dueBound", "PLAN_ITEM").containsEntry("dueAt", "2027-12-31T09:00:00Z");
        Map<String, Object> shown = rest.withBasicAuth("jxtuijinban1", "demo")
                .getForObject("/api/cases/" + late.getBody().get("caseNo"), Map.class);
        Map<String, Object> record = (Map<String, Object>) shown.get("record");
        assertThat(record).containsEntry("campaign", "JX-MEMBER").containsEntry("dueBound", "PLAN_ITEM");
        assertThat(Instant.parse((String) record.get("warnAt"))).isAfter(Instant.parse("2027-12-24T01:00:00Z"))
                .isBefore(Instant.parse("2027-12-31T09:00:00Z"));
        assertThat(shown).containsEntry("dueBoundName", "活动计划项目完成时限");
        // 整改问题's form names the plan item and the units the lead (建管所) organises (jxreview J18)
        assertThat(shown).containsEntry("planItemName", "整治老旧小区");
        assertThat((String) shown.get("responsibleUnitNames")).contains("绿管所", "房开公司", "城管中队", "环卫所").doesNotContain("建管所");
        assertThat((List<Map<String, Object>>) shown.get("timeline")).anySatisfy(e -> assertThat((String) e.get("detail"))
                .endsWith("时限 20 工作日；期限按活动计划项目完成时限（2027年12月31日）"));

        ClockUtil.setCurrentTime(Date.from(Instant.parse("2028-01-05T01:00:00Z")));
        ResponseEntity<Map> after = report("jxtuijinban1", "JX-MEMBER", "RECTIFY_OLD_ESTATES", null, "锦溪镇长寿路 9 号");

        assertThat(after.getBody()).as("a bound already past does not bind").containsEntry("dueBound", "DISPATCH_LIMIT");
        assertThat(Instant.parse((String) after.getBody().get("dueAt"))).isAfter(Instant.parse("2028-01-20T00:00:00Z"));
        Map<String, Object> afterShown = rest.withBasicAuth("jxtuijinban1", "demo")
                .getForObject("/api/cases/" + after.getBody().get("caseNo"), Map.class);
        assertThat((List<Map<String, Object>>) afterShown.get("timeline")).anySatisfy(e -> assertThat((String) e.get("detail"))
                .contains("期限按派遣时限（2028年", "；活动计划项目完成时限（2027年12月31日）已过，不作为期限"));
    }

    /**
     * jxreview J22: a patrol category names the 931 item it counts toward (categories.yaml {@code item:}): a 乱设摊 case of a
     * 锦溪 campaign counts under 规范占道经营 in the campaign's progress, and keeps the patrol limit of 1 working day that the
     * dispatch table gives 乱设摊 (not the item's 20); a category naming no item (暴露垃圾) still counts under 其他.
     */
    @Test
    @SuppressWarnings("unchecked")
    void aPatrolStallCaseOfAJinxiCampaignCountsUnderTheRoadOccupyingItemWithItsOwnOneDayLimit() {
        start("jxtuijinban1", "{\"template\":\"jinxi-2017-931\",\"code\":\"JX-STALL\",\"name\":\"锦溪 931\"}");

        ResponseEntity<Map> stall = report("jxtuijinban1", "JX-STALL", "ILLEGAL_STALL", null, "锦溪镇农贸市场南门");
        ResponseEntity<Map> garbage = report("jxtuijinban1", "JX-STALL", "EXPOSED_GARBAGE", null, "锦溪镇长寿路 10 号");

        assertThat(stall.getStatusCode()).as("%s", stall.getBody()).isEqualTo(HttpStatus.CREATED);
        assertThat(stall.getBody()).containsEntry("planItem", "REGULATE_ROAD_OCCUPYING_BUSINESS");
        assertThat(garbage.getBody()).containsEntry("planItem", null);
        Map<String, Object> record = (Map<String, Object>) rest.withBasicAuth("jxtuijinban1", "demo")
                .getForObject("/api/cases/" + stall.getBody().get("caseNo"), Map.class).get("record");
        assertThat(record).containsEntry("category", "ILLEGAL_STALL").containsEntry("planItem", "REGULATE_ROAD_OCCUPYING_BUSINESS")
                .containsEntry("limitAmount", 1).containsEntry("limitUnit", "WORKING_DAYS").containsEntry("leadUnit", "jxchengguan");

        Map<String, Object> planItems = (Map<String, Object>) rest.withBasicAuth("jxtuijinban1", "demo")
                .getForObject("/api/campaigns/JX-STALL", Map.class).get("planItems");
        List<Map<String, Object>> items = (List<Map<String, Object>>) planItems.get("items");
        assertThat(items).filteredOn(i -> "REGULATE_ROAD_OCCUPYING_BUSINESS".equals(i.get("category"))).singleElement()
                .satisfies(i -> assertThat(i).containsEntry("name", "规范占道经营").containsEntry("found", 1));
        assertThat(items).filteredOn(i -> i.get("category") == null).singleElement()
                .satisfies(i -> assertThat(i).containsEntry("name", "其他（不属于整治项目）").containsEntry("found", 1));
    }

    /**
     * sjreview-s54 D2: 自查自纠 is continuous (松江方案 二（三）), so a town taking part keeps adding what its self-inspection
     * finds after its one 全面自查自纠: on 上报问题 / {@code POST /api/cases} it names the district's campaign, source 单位自查
     * and one of the district's 大类 (by name or code; {@code GET /api/categories?campaign=} offers them). The case is the
     * town's own (its number, dispatched by its own table to its office, no district department cooperating), counted for
     * the district's campaign under the 大类's plan item, which the district reads. Another source, or one of the town's own
     * patrol categories, is refused saying what to do, and nothing is saved; so is a campaign that has ended.
     */
    @Test
    @SuppressWarnings("unchecked")
    void aTownKeepsReportingItsSelfInspectionProblemsForTheDistrictsCampaignAsItsOwnCases() {
        start("sjshirongban1", "{\"template\":\"songjiang-2024-satisfaction\",\"code\":\"SJ-KEEP\",\"name\":\"松江持续自查\","
                + "\"dates\":{\"start\":\"2026-11-20\"}}");
        new CampaignDriver("SJ-KEEP", managementService, runtimeService, taskService, jdbc).runUntil(Instant.parse("2026-11-20T02:00:00Z"));
        TestRestTemplate town = rest.withBasicAuth("shdshirongban1", "demo");
        assertThat((List<Map<String, Object>>) town.getForObject("/api/categories?campaign=SJ-KEEP", List.class))
                .extracting(c -> c.get("code")).contains("SURVEY_PUBLIC_PLACES", "SURVEY_URBAN_ROADS").doesNotContain("EXPOSED_GARBAGE");
        assertThat((List<Map<String, Object>>) town.getForObject("/api/categories", List.class))
                .extracting(c -> c.get("code")).contains("EXPOSED_GARBAGE").doesNotContain("SURVEY_PUBLIC_PLACES");
        long before = jdbc.queryForObject("select count(*) from rect_case", Long.class);

        ResponseEntity<Map> patrol = report("shdshirongban1", "SJ-KEEP", "公共场所", null, "石湖荡镇塔汇路 30 号");
        assertThat(errors(patrol)).containsExactly("category:UNKNOWN_CATEGORY", "campaign:CAMPAIGN_TAKES_SELF_INSPECTION");
        assertThat(((List<Map<String, Object>>) patrol.getBody().get("errors")).get(1).get("message")).asString()
                .startsWith("石湖荡镇参加的松江区活动 SJ-KEEP 只计入本单位自查发现的问题：请将案件来源选为“单位自查”并选区的问题类别，"
                        + "或在该活动下达给本单位的“全面自查自纠”任务中逐行录入");
        ResponseEntity<Map> ownCategory = selfInspection("SJ-KEEP", "EXPOSED_GARBAGE", "石湖荡镇塔汇路 31 号");
        assertThat(errors(ownCategory)).containsExactly("category:UNKNOWN_CATEGORY");
        assertThat(((List<Map<String, Object>>) ownCategory.getBody().get("errors")).get(0).get("message")).asString()
                .startsWith("计入松江区活动 SJ-KEEP 的问题请选区的问题类别（可选：").contains("公共场所");
        assertThat(jdbc.queryForObject("select count(*) from rect_case", Long.class)).as("nothing saved").isEqualTo(before);

        ResponseEntity<Map> kept = selfInspection("SJ-KEEP", "公共场所", "石湖荡镇塔汇路 30 号");
        assertThat(kept.getStatusCode()).as("%s", kept.getBody()).isEqualTo(HttpStatus.CREATED);
        assertThat(kept.getBody()).containsEntry("campaign", "SJ-KEEP").containsEntry("planItem", "SURVEY_PUBLIC_PLACES")
                .containsEntry("leadUnit", "shdshirongban");
        String caseNo = (String) kept.getBody().get("caseNo");
        assertThat(caseNo).startsWith("SHD-");
        assertThat(jdbc.queryForMap("select tenant_id, territory, source, category from rect_case where case_no = ?", caseNo))
                .containsEntry("TENANT_ID", "shihudang").containsEntry("TERRITORY", "shihudang")
                .containsEntry("SOURCE", "SELF_INSPECTION").containsEntry("CATEGORY", "SURVEY_PUBLIC_PLACES");
        assertThat(jdbc.queryForObject("select count(*) from rect_case_party where case_no = ? and unit_id like 'sj%'", Integer.class, caseNo))
                .as("no district department cooperates on the town's own case").isZero();
        assertThat(selfInspection("SJ-KEEP", "SURVEY_URBAN_ROADS", "石湖荡镇塔汇路 32 号").getStatusCode())
                .as("by code too, and again: the town adds as often as it finds").isEqualTo(HttpStatus.CREATED);
        Map<String, Object> campaign = rest.withBasicAuth("sjshirongban1", "demo").getForObject("/api/campaigns/SJ-KEEP", Map.class);
        assertThat((Map<String, Object>) campaign.get("cases")).containsEntry("total", 2);
        assertThat((List<Map<String, Object>>) ((Map<String, Object>) campaign.get("planItems")).get("items"))
                .filteredOn(i -> "SURVEY_PUBLIC_PLACES".equals(i.get("category"))).singleElement()
                .satisfies(i -> assertThat(i).containsEntry("found", 1));

        jdbc.update("update campaign set status = 'ENDED', ended_at = ? where code = 'SJ-KEEP'",
                java.sql.Timestamp.from(Instant.parse("2026-11-20T02:00:00Z")));
        assertThat(errors(selfInspection("SJ-KEEP", "公共场所", "石湖荡镇塔汇路 33 号"))).containsExactly("campaign:CAMPAIGN_ENDED");
    }

    /** 石湖荡镇's office reports a problem its self-inspection found for the campaign {@code campaign}. */
    private ResponseEntity<Map> selfInspection(String campaign, String category, String address) {
        return rest.withBasicAuth("shdshirongban1", "demo").postForEntity("/api/cases", CampaignApiTest.json("""
                {"title":"自查：%s","category":"%s","source":"SELF_INSPECTION","location":{"address":"%s"},"campaign":"%s"}"""
                .formatted(address, category, address, campaign)), Map.class);
    }

    @Test
    void aCampaignThatIsUnknownAnotherOrganisationsOrEndedIsRefusedNamingTheField() {
        start("jxtuijinban1", "{\"template\":\"jinxi-2017-931\",\"code\":\"JX-ENDED\",\"name\":\"锦溪 931\"}");
        start("sjshirongban1", "{\"template\":\"songjiang-2024-satisfaction\",\"code\":\"SJ-OTHER\",\"name\":\"松江\"}");
        long before = jdbc.queryForObject("select count(*) from rect_case", Long.class);

        assertThat(errors(report("jxtuijinban1", "NO-SUCH", "RECTIFY_OLD_ESTATES", null, "长寿路 1 号")))
                .containsExactly("campaign:UNKNOWN_CAMPAIGN");
        assertThat(errors(report("jxtuijinban1", "SJ-OTHER", "RECTIFY_OLD_ESTATES", null, "长寿路 1 号")))
                .as("松江's campaign is not 锦溪's").containsExactly("campaign:UNKNOWN_CAMPAIGN");
        assertThat(errors(report("sjshirongban1", "SJ-OTHER", "SURVEY_URBAN_ROADS", "没有这个小项", "人民北路 1 号")))
                .containsExactly("subItem:UNKNOWN_SUB_ITEM");
        assertThat(errors(upload("jxtuijinban1", "/api/cases/import?campaign=SJ-OTHER",
                "外部编号,问题类别,标题,地点,描述,紧急程度\nJXM-1,RECTIFY_OLD_ESTATES,楼道堆物,长寿路 1 号,,一般\n")))
                .containsExactly("campaign:UNKNOWN_CAMPAIGN");
        // The campaign process ends a campaign at the end of its last phase; here its record is ended directly.
        jdbc.update("update campaign set status = 'ENDED', ended_at = ? where code = 'JX-ENDED'",
                java.sql.Timestamp.from(Instant.parse("2026-11-20T02:00:00Z")));
        ResponseEntity<Map> ended = report("jxtuijinban1", "JX-ENDED", "RECTIFY_OLD_ESTATES", null, "长寿路 1 号");
        assertThat(ended.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(errors(ended)).containsExactly("campaign:CAMPAIGN_ENDED");
        assertThat(jdbc.queryForObject("select count(*) from rect_case", Long.class)).as("nothing saved").isEqualTo(before);
    }

    private void start(String user, String body) {
        assertThat(rest.withBasicAuth(user, "demo").postForEntity("/api/campaigns", CampaignApiTest.json(body), Map.class)
                .getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }

    /**
     * sjreview-s57 D20: a participating town reading the campaign's overview ({@code GET /api/campaigns/{code}}) gets the
     * case counts and plan items of its own part — the cases located in it, as its 驾驶舱 counts them — not the whole
     * district's; the district's office still reads them all.
     */
    @Test
    @SuppressWarnings("unchecked")
    void aParticipatingTownsOverviewCountsOnlyItsOwnCasesAsItsCockpitDoes() {
        org.shirong.report.CampaignFixture fixture = new org.shirong.report.CampaignFixture(jdbc, "SJ-OWN-PART");
        try {
            fixture.clear();
            fixture.campaign("松江区概况按街镇测试", 1, "songjiang", "songjiang-2024-satisfaction", "松江区满意度测评提升")
                    .phase(1, "补齐短板弱项", "2026-11-01", "2026-12-31")
                    .unit("sjlvrongju", "区绿化市容局", 1).unit("jiuting", "chuangban", "九亭镇", 2).unit("shihudang", "shdshirongban", "石湖荡镇", 3);
            String inJiuting = fixture.addCase("SURVEY_URBAN_ROADS", "sjlvrongju", "2026-11-03T09:00", "2026-11-10T17:00", null, true);
            String inShihudang = fixture.addCase("SURVEY_URBAN_ROADS", "sjlvrongju", "2026-11-03T09:00", "2026-12-30T17:00",
                    "2026-11-05T09:00", false);
            fixture.addCase("SURVEY_URBAN_ROADS", "sjlvrongju", "2026-11-04T09:00", "2026-12-30T17:00", null, false);
            jdbc.update("update rect_case set territory = 'jiuting' where case_no = ?", inJiuting);
            jdbc.update("update rect_case set territory = 'shihudang' where case_no = ?", inShihudang);

            Map<String, Object> district = rest.withBasicAuth("sjshirongban1", "demo").getForObject("/api/campaigns/SJ-OWN-PART", Map.class);
            assertThat((Map<String, Object>) district.get("cases")).containsEntry("total", 3);
            Map<String, Object> jiuting = rest.withBasicAuth("chuangban1", "demo").getForObject("/api/campaigns/SJ-OWN-PART", Map.class);
            assertThat((Map<String, Object>) jiuting.get("cases")).containsEntry("total", 1).containsEntry("open", 1)
                    .containsEntry("closed", 0).containsEntry("byStatus", Map.of("IN_RECTIFICATION", 1));
            assertThat((Map<String, Object>) ((Map<String, Object>) jiuting.get("planItems")).get("total"))
                    .containsEntry("found", 1).containsEntry("overdue", 1);
            Map<String, Object> shihudang = rest.withBasicAuth("shdshirongban1", "demo").getForObject("/api/campaigns/SJ-OWN-PART", Map.class);
            assertThat((Map<String, Object>) shihudang.get("cases")).containsEntry("total", 1).containsEntry("closed", 1);
            assertThat((Map<String, Object>) ((Map<String, Object>) shihudang.get("planItems")).get("total"))
                    .containsEntry("found", 1).containsEntry("overdue", 0);
        } finally {
            jdbc.update("delete from rect_case_event where case_no like 'SJ-OWN-PART-%'");
            fixture.clear();
        }
    }

    private ResponseEntity<Map> report(String user, String campaign, String category, String subItem, String address) {
        String body = """
                {"title":"%s","category":"%s","source":"PATROL","location":{"address":"%s"},"campaign":"%s"%s}"""
                .formatted("问题：" + address, category, address, campaign, subItem == null ? "" : ",\"subItem\":\"" + subItem + "\"");
        return rest.withBasicAuth(user, "demo").postForEntity("/api/cases", CampaignApiTest.json(body), Map.class);
    }

    /** A case of the campaign SJ-PART reported by the district's office, located in the town {@code territory}. */
    private String reportIn(String category, String territory, String address) {
        ResponseEntity<Map> reported = rest.withBasicAuth("sjshirongban1", "demo").postForEntity("/api/cases", CampaignApiTest.json("""
                {"title":"问题：%s","category":"%s","source":"SURVEY","location":{"address":"%s","territory":"%s"},"campaign":"SJ-PART"}"""
                .formatted(address, category, address, territory)), Map.class);
        assertThat(reported.getStatusCode()).as("%s", reported.getBody()).isEqualTo(HttpStatus.CREATED);
        return (String) reported.getBody().get("caseNo");
    }

    private ResponseEntity<Map> upload(String user, String url, String csv) {
        var body = new LinkedMultiValueMap<String, Object>();
        body.add("file", new ByteArrayResource(csv.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return "survey.csv";
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return rest.withBasicAuth(user, "demo").postForEntity(url, new HttpEntity<>(body, headers), Map.class);
    }

    @SuppressWarnings("unchecked")
    private static List<String> errors(ResponseEntity<Map> response) {
        List<String> found = new ArrayList<>();
        ((List<Map<String, Object>>) response.getBody().get("errors")).forEach(e -> found.add(e.get("field") + ":" + e.get("code")));
        return found;
    }

    private static String quoted(String value) {
        return "\"" + value.replace("\"", "\"\"") + "\"";
    }
}
