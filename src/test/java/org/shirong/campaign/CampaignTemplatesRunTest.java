package org.shirong.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
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
import org.shirong.system.SharesSpringContext;

/**
 * Each shipped template started through {@code POST /api/campaigns} and run through all its phases
 * with the clock moved from one due job to the next: phase tasks handed out and done, a phase that ends
 * with open work reports it to the leading group and keeps it, findings become rectification cases,
 * meetings and reports happen on their cron days and stop when the campaign ends.
 */
@ShirongWebTest
@SharesSpringContext
class CampaignTemplatesRunTest {

    @Autowired
    org.camunda.bpm.engine.IdentityService identityService;

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ManagementService managementService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    HistoryService historyService;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(SHANGHAI).toInstant();
    }

    CampaignDriver start(String template, String code, String startDate) {
        return start(template, code, startDate, "chuangban1");
    }

    /** Starts the campaign as {@code office}, a user of the office of the organisation the template belongs to. */
    CampaignDriver start(String template, String code, String startDate, String office) {
        return start(template, code, startDate, "{\"start\":\"" + startDate + "\"}", office);
    }

    /** Starts the campaign as {@code office} with the given {@code dates} (JSON), its first day {@code startDate}. */
    CampaignDriver start(String template, String code, String startDate, String dates, String office) {
        CampaignDriver.clockAt(at(startDate + "T00:00").minusSeconds(86_400 * 2));
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<Map> created = rest.withBasicAuth(office, "demo").postForEntity("/api/campaigns", new HttpEntity<>("""
                {"template":"%s","code":"%s","name":"%s 测试活动","dates":%s}""".formatted(template, code, code, dates),
                headers), Map.class);
        assertThat(created.getStatusCode()).as("%s", created.getBody()).isEqualTo(HttpStatus.CREATED);
        return new CampaignDriver(code, managementService, runtimeService, taskService, jdbc);
    }

    long count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Long.class, args);
    }

    @Test
    @SuppressWarnings("unchecked")
    void jiutingRunsItsThreePhasesMeetsTwiceAMonthAndCarriesOpenWorkAcrossPhaseEnds() {
        CampaignDriver run = start("jiuting-2023-standard-town", "JT-RUN", "2026-03-01");
        run.runUntil(at("2026-03-01T08:00"));
        assertThat(run.phaseStatus(1)).isEqualTo("RUNNING");
        assertThat(run.openTaskKeys(1)).contains("buildOrganisation/chuangban", "draftPlan/chuangban",
                "signResponsibilityLetter/chengguan", "signResponsibilityLetter/huanwei", "signResponsibilityLetter/juwei01",
                "signResponsibilityLetter/wuye02").as("各居委会 and 各物业公司 sign as each committee and company").hasSize(19);
        assertThat(run.task("signResponsibilityLetter/chengguan").getName())
                .as("names its campaign: a task of an earlier campaign may be open beside it").isEqualTo("签订目标责任书（城管中队） · JT-RUN");
        for (String key : run.openTaskKeys(1)) {
            if (!key.equals("signResponsibilityLetter/chengguan")) {
                run.handIn(key, "已完成");
            }
        }

        run.runUntil(at("2026-06-01T08:00"));
        assertThat(run.phaseStatus(1)).isEqualTo("ENDED");
        assertThat(run.phaseStatus(2)).isEqualTo("RUNNING");
        assertThat(run.inboxBodies("lingdao1", "phase-ending-open-work")).singleElement().asString()
                .contains("前期准备", "签订目标责任书（城管中队）");
        assertThat(run.task("signResponsibilityLetter/chengguan")).as("carried on, not cancelled").isNotNull();
        // jtreview-s56 T14: "签订后上传责任书" is required, not only asked: without the letter the task is not done
        assertThatThrownBy(() -> run.complete("signResponsibilityLetter/chengguan", Map.of(CampaignTaskProcess.VAR_RESULT, "已补签")))
                .hasMessageContaining("须上传附件");
        run.handIn("signResponsibilityLetter/chengguan", "已补签");
        assertThat(count("select count(*) from campaign_task where campaign_code = 'JT-RUN' and cycle_id = 'monthlyReport'"
                + " and task_key like 'monthlyReport/2026-03-01/%'")).as("no report on February, before the campaign began").isZero();
        assertThat(run.task("monthlyReport/2026-04-01/huanwei").getName()).as("named after the month it reports on")
                .isEqualTo("月度工作报告（2026年3月）（环卫所） · JT-RUN");

        String quarterlyCheck = "quarterlyCheck/2026-04-10/ducha";
        assertThat(run.task(quarterlyCheck).getName()).as("named after the quarter it scores, not the day it fires (jxreview J19)")
                .startsWith("季度检查（2026年第一季度）");
        assertThat((String) taskService.getVariable(run.task(quarterlyCheck).getId(), InspectionScores.VAR_ITEM_LIST))
                .contains("道路：路面保洁无暴露垃圾（4 分）");
        assertThatThrownBy(() -> run.complete(quarterlyCheck, Map.of(InspectionScores.VAR_SCORES,
                "城管中队｜路面保洁无暴露垃圾｜5\n城管队｜道路设施完好｜2", CampaignTaskProcess.VAR_RESULT, "检查完毕")))
                .hasMessageContaining("第 1 行：路面保洁无暴露垃圾的得分应为 0 到 4 之间的数").hasMessageContaining("第 2 行：没有单位“城管队”");
        // s48 N4: an inspector who belongs to a unit does not score it (each such line named), the other lines stand
        String checkId = run.task(quarterlyCheck).getId();
        identityService.setAuthentication("ducha9", List.of("ducha", "chengguan"), List.of("jiuting"));
        try {
            assertThatThrownBy(() -> taskService.complete(checkId, Map.of(InspectionScores.VAR_SCORES,
                    "环卫所｜路面保洁无暴露垃圾｜3\n城管中队｜路面保洁无暴露垃圾｜4", CampaignTaskProcess.VAR_RESULT, "检查完毕")))
                    .hasMessageContaining("第 2 行：不能为本人所在的单位（城管中队）评分").hasMessageNotContaining("第 1 行");
        } finally {
            identityService.clearAuthentication();
        }
        assertThat(count("select count(*) from score_inspection where score_period = '2026-Q1' and unit_id = 'huanwei'")).isZero();
        run.complete(quarterlyCheck, Map.of(InspectionScores.VAR_SCORES, "城管中队｜路面保洁无暴露垃圾｜3.5\nchengguan\tROAD_FACILITIES\t2",
                CampaignTaskProcess.VAR_RESULT, "检查完毕，未发现问题"));
        assertThat(count("select count(*) from score_inspection where score_period = '2026-Q1' and unit_id = 'chengguan'")).isEqualTo(2);
        assertThat(count("select count(*) from score_unit where score_period = '2026-Q1' and score_scope = 'JT-RUN'")).isPositive();

        run.complete("selfInspection/huanwei", Map.of(CampaignTaskProcess.VAR_FINDINGS, List.of(
                Map.of("title", "九亭大街 18 号垃圾桶满溢", "category", "EXPOSED_GARBAGE", "address", "九亭大街 18 号"),
                Map.of("title", "涞寅路沿街晾晒", "category", "HANGING_LAUNDRY", "address", "涞寅路 200 号")),
                CampaignTaskProcess.VAR_RESULT, "自查两处问题"));
        assertThat(jdbc.queryForList("select c.source from rect_case c where c.campaign_code = 'JT-RUN' and c.source = 'SELF_INSPECTION'",
                String.class)).containsExactly("SELF_INSPECTION", "SELF_INSPECTION");
        taskService.claim(run.task("rectificationCheckpoint/chuangban").getId(), "chuangban1");
        assertThat((String) taskService.getVariable(run.task("rectificationCheckpoint/chuangban").getId(), CampaignTaskProcess.VAR_OPEN_CASES))
                // 环卫所 leads the garbage it entered itself: claimed as entered (sjreview F12), so 整改中, not 已派遣; the laundry is
                // 各居委会's by the table, and nothing tells which committee's: the office is to assign it (jtreview T1)
                .contains("尚有 2 件未结案", "【其他问题】\n  创建工作办公室：\n    · ", "涞寅路沿街晾晒", "  环卫所：\n    · ",
                        " 九亭大街 18 号垃圾桶满溢（整改中）").doesNotContain("各居委会");
        run.complete("rectificationCheckpoint/chuangban", Map.of(CampaignTaskProcess.VAR_ALL_RECTIFIED, "no",
                CampaignTaskProcess.VAR_RESULT, "两处问题已督办"));
        // jtreview-s59 T8: 执法整治组's 联合执法专项整治 on the 15th of each month of 自查整改 and 迎检, its findings 联合检查 cases
        run.runUntil(at("2026-06-15T10:00"));
        String enforcement = "jointEnforcement/2026-06-15/zhifa";
        assertThat(run.task(enforcement).getName()).startsWith("联合执法专项整治");
        assertThat(taskService.getIdentityLinksForTask(run.task(enforcement).getId())).extracting(l -> l.getGroupId()).containsExactly("zhifa");
        run.complete(enforcement, Map.of(CampaignTaskProcess.VAR_FINDINGS, List.of(
                Map.of("title", "九亭大街夜市占道经营回潮", "category", "ILLEGAL_STALL", "address", "九亭大街 300 号")),
                CampaignTaskProcess.VAR_RESULT, "联合城管、市场监管整治夜市占道"));
        assertThat(jdbc.queryForList("select source from rect_case where campaign_code = 'JT-RUN' and title = '九亭大街夜市占道经营回潮'",
                String.class)).containsExactly("JOINT_INSPECTION");
        run.completePhase(2);
        run.runUntil(at("2026-10-20T12:00"));
        assertThat(run.phaseStatus(2)).as("all done early, the phase still runs to its end date").isEqualTo("RUNNING");

        run.runUntil(at("2026-11-01T08:00"));
        assertThat(run.phaseStatus(3)).isEqualTo("RUNNING");
        assertThat(run.inboxBodies("lingdao1", "phase-ending-open-work")).as("its tasks done, its two cases still open")
                .hasSize(2).last().asString().contains("宣传动员和自查整改", "活动已进入下一阶段", "环卫所（", "九亭大街 18 号垃圾桶满溢");
        run.runUntil(at("2027-01-01T08:00"));

        assertThat(count("select count(*) from campaign where code = 'JT-RUN' and status = 'ENDED'")).isOne();
        assertThat(run.instances(CampaignProcess.KEY)).isZero();
        assertThat(run.inboxBodies("lingdao1", "phase-ending-open-work")).hasSize(3).last().asString()
                .contains("总结迎检", "活动随之结束", "台账整理归档（城管中队）", "· 案件 ", "九亭大街 18 号垃圾桶满溢");
        assertThat(run.task("archiveRecords/chengguan")).as("open work of the last phase stays in Tasklist").isNotNull();
        assertThat(run.meetingsConvened(historyService)).as("5th and 20th, March to December").isEqualTo(20);
        assertThat(count("select count(*) from campaign_task where campaign_code = 'JT-RUN' and cycle_id = 'monthlyReport'"))
                .as("17 units (each 居委会 and 物业公司 for itself) × 1 April–1 December, on March–November, and on December at"
                        + " the campaign's end").isEqualTo(170);
        var december = run.task("monthlyReport/2027-01-01/huanwei");
        assertThat(december.getName()).as("the campaign's last month is reported too").isEqualTo("月度工作报告（2026年12月）（环卫所） · JT-RUN");
        assertThat(december.getDueDate()).isAfter(java.util.Date.from(at("2027-01-01T00:00")));
        assertThat(count("select count(*) from campaign_task where campaign_code = 'JT-RUN' and cycle_id = 'quarterlyCheck'"))
                .as("10 April, 10 July, 10 October").isEqualTo(3);
        assertThat(count("select count(*) from campaign_task where campaign_code = 'JT-RUN' and cycle_id = 'annualAssessment'")).isOne();
        assertThat(count("select count(*) from campaign_task where campaign_code = 'JT-RUN' and cycle_id = 'jointEnforcement'"))
                .as("15 June–15 December, none in 前期准备").isEqualTo(7);
        assertThat(count("select count(distinct score_period) from score_unit where score_scope = 'JT-RUN'")).isPositive();

        List<Map<String, Object>> documents = rest.withBasicAuth("lingdao1", "demo").getForObject("/api/campaigns/JT-RUN/documents", List.class);
        assertThat(documents).filteredOn(d -> "AGENDA".equals(d.get("kind"))).hasSize(20);
        assertThat(documents).filteredOn(d -> "MONTHLY_REPORT".equals(d.get("kind"))).extracting(d -> (String) d.get("title"))
                .hasSize(10).contains("JT-RUN 测试活动2026年3月工作报告", "JT-RUN 测试活动2026年12月工作报告")
                .noneMatch(title -> title.contains("2026年2月"));
        // jtreview-s59 T10: the plan's 考核评估与表彰、通报不履职单位 is a written result of the whole year, issued when the year
        // (and the campaign with it) is over, not a 暂定 ranking on 20 December
        assertThat(run.task("annualAssessment/2027-01-01/chuangban").getName()).isEqualTo("年度考核（2026年） · JT-RUN");
        Map<String, Object> yearly = documents.stream().filter(d -> "NOTICE".equals(d.get("kind"))
                && ((String) d.get("title")).contains("2026年单位考核结果")).findFirst().orElseThrow();
        assertThat((String) yearly.get("title")).isEqualTo("JT-RUN 测试活动关于2026年单位考核结果的通报");
        String yearlyHtml = rest.withBasicAuth("lingdao1", "demo").getForObject((String) yearly.get("url"), String.class);
        assertThat(yearlyHtml).contains("根据年度考核（2026年，2026年1月1日 至 2026年12月31日）单位考核结果", "附：2026年单位考核排名");
        assertThat(run.inboxBodies("lingdao1", "notice-issued")).anySatisfy(b -> assertThat(b).contains("关于2026年单位考核结果的通报"));
        String report = rest.withBasicAuth("lingdao1", "demo").getForObject((String) documents.stream()
                .filter(d -> "MONTHLY_REPORT".equals(d.get("kind"))).findFirst().orElseThrow().get("url"), String.class);
        assertThat(report).contains("JT-RUN 测试活动", "环卫所");

        run.runUntil(at("2027-03-01T08:00"));
        assertThat(run.meetingsConvened(historyService)).as("no meeting after the campaign").isEqualTo(20);
    }

    /**
     * A town meets and reports on working days: 九亭镇's 例会 of Saturday 5 December is held on Monday 7 December and
     * announced on Friday 4 December, one working day ahead, the 年度考核 of Sunday 10 January, after the campaign's end, at its end; the 月度工作报告 of 1 January (元旦) is handed out on Monday
     * 4 January and still reports December; at the campaign's end (Sunday 10 January) January is reported once more and
     * December not again.
     */
    @Test
    void cyclesLandOnWorkingDaysAndMeetingsAreAnnouncedADayAhead() {
        CampaignDriver run = start("jiuting-2023-standard-town", "JT-WD", "2026-11-01", """
                {"phases":[{"from":"2026-11-01","to":"2026-11-10"},{"from":"2026-11-11","to":"2026-12-20"},\
                {"from":"2026-12-21","to":"2027-01-10"}]}""", "chuangban1");
        run.runUntil(at("2026-12-04T08:00"));
        assertThat(run.meetingsConvened(historyService)).as("5 and 20 November").isEqualTo(2);
        run.runUntil(at("2026-12-04T10:00"));
        assertThat(run.inboxBodies("chengguan1", "meeting-agenda-issued")).hasSize(3).last().asString()
                .contains("工作例会定于 2026年12月7日 09:00 召开，地点：另行通知");
        // the 领导小组's 组长、副组长 are told of the 例会 too, each once (jxreview s55 J12); its other members, the units'
        // heads, once as their unit's
        assertThat(run.inboxBodies("lingdao1", "meeting-agenda-issued")).hasSize(3);
        assertThat(run.inboxBodies("lingdao2", "meeting-agenda-issued")).hasSize(3);
        assertThat(run.inboxBodies("chuangban1", "meeting-agenda-issued")).hasSize(3);
        assertThat(run.inboxBodies("lingdao1", "monthly-report-issued")).singleElement().asString()
                .contains("《JT-WD 测试活动2026年11月工作报告》已生成");
        assertThat(run.inboxBodies("chengguan1", "monthly-report-issued")).isEmpty();
        run.runUntil(at("2027-01-04T08:00"));
        assertThat(count("select count(*) from campaign_task where campaign_code = 'JT-WD' and task_key like 'monthlyReport/2027-01-01/%'"))
                .as("not on 元旦 nor the weekend after it").isZero();
        run.runUntil(at("2027-01-04T10:00"));
        assertThat(jdbc.queryForObject("select created_at from campaign_task where campaign_code = 'JT-WD'"
                + " and task_key = 'monthlyReport/2027-01-01/huanwei'", java.sql.Timestamp.class).toInstant()).isEqualTo(at("2027-01-04T09:00"));
        assertThat(run.task("monthlyReport/2027-01-01/huanwei").getName()).isEqualTo("月度工作报告（2026年12月）（环卫所） · JT-WD");
        run.runUntil(at("2027-01-12T08:00"));

        assertThat(count("select count(*) from campaign where code = 'JT-WD' and status = 'ENDED'")).isOne();
        assertThat(jdbc.queryForList("select name from campaign_task where campaign_code = 'JT-WD' and cycle_id = 'monthlyReport'"
                + " and unit_id = 'huanwei' order by created_at", String.class)).containsExactly("月度工作报告（2026年11月）（环卫所）",
                "月度工作报告（2026年12月）（环卫所）", "月度工作报告（2027年1月）（环卫所）");
        assertThat(run.inboxBodies("lingdao2", "monthly-report-issued")).as("December's, and January's at the campaign's end")
                .hasSize(3).last().asString().contains("2027年1月工作报告");
        assertThat(jdbc.queryForList("select meeting_at, convened_at from meeting where campaign_code = 'JT-WD' order by meeting_at")
                .stream().map(m -> LocalDateTime.ofInstant(((java.sql.Timestamp) m.get("MEETING_AT")).toInstant(), SHANGHAI) + " 通知 "
                        + LocalDateTime.ofInstant(((java.sql.Timestamp) m.get("CONVENED_AT")).toInstant(), SHANGHAI)).toList())
                .as("5 and 20 December are a Saturday and a Sunday").containsExactly("2026-11-05T09:00 通知 2026-11-04T09:00",
                        "2026-11-20T09:00 通知 2026-11-19T09:00", "2026-12-07T09:00 通知 2026-12-04T09:00",
                        "2026-12-21T09:00 通知 2026-12-18T09:00", "2027-01-05T09:00 通知 2027-01-04T09:00");
        assertThat(jdbc.queryForList("select task_key || ' ' || name from campaign_task where campaign_code = 'JT-WD'"
                + " and cycle_id = 'annualAssessment'", String.class))
                .as("Sunday 10 January would be held on Monday 11 January, after the campaign: at its end, on the year just over")
                .contains("annualAssessment/2027-01-10/chuangban 年度考核（2026年）");
        assertThat(count("select count(*) from campaign_document where campaign_code = 'JT-WD' and doc_key = 'notice/2026'")).isOne();
    }

    /**
     * The monthly report is issued in the run that hands this period's 报送 out, so it reports how the run before was handed
     * in, as of its own issue: 九亭镇's report of November (1 December) is the campaign's first and has none before; its
     * report of December (1 January, 元旦, held on Monday 4 January) shows 月度工作报告（2026年11月）, handed out on 1 December
     * and due 8 December: 环卫所 on time (3 December), 城管中队 late (15 December), 党群办 after the report was issued
     * (counted as not handed in, as it stood then), every other unit not at all.
     */
    @Test
    @SuppressWarnings("unchecked")
    void theMonthlyReportShowsWhoHandedInThePreviousRunsReportOnTimeLateOrNotAtAll() {
        CampaignDriver run = start("jiuting-2023-standard-town", "JT-SUB", "2026-11-01", """
                {"phases":[{"from":"2026-11-01","to":"2026-11-10"},{"from":"2026-11-11","to":"2026-12-20"},\
                {"from":"2026-12-21","to":"2027-01-10"}]}""", "chuangban1");
        run.runUntil(at("2026-12-03T10:00"));
        assertThat(monthlyReport("JT-SUB", "2026年11月")).contains("上期报送情况",
                "本期是本活动第一次下达“月度工作报告”，没有上一期的报送情况").doesNotContain("<table class=\"submissions\">");
        run.complete("monthlyReport/2026-12-01/huanwei", Map.of(CampaignTaskProcess.VAR_RESULT, "十一月工作情况已报"));
        run.runUntil(at("2026-12-15T10:00"));
        run.complete("monthlyReport/2026-12-01/chengguan", Map.of(CampaignTaskProcess.VAR_RESULT, "补报十一月工作情况"));
        run.runUntil(at("2027-01-04T10:00"));
        run.complete("monthlyReport/2026-12-01/dangqun", Map.of(CampaignTaskProcess.VAR_RESULT, "报告下达后才报"));

        String december = monthlyReport("JT-SUB", "2026年12月");
        assertThat(december).contains("本报告与本期“月度工作报告”同时下达，本期各单位尚未报送，所以这里列出上一期“月度工作报告（2026年11月）”的报送情况"
                + "（2026年12月1日 09:00下达，期限 2026年12月8日 17:00；截至 2027年1月4日 09:00）：按时报送 1 个，逾期报送 1 个，未报送 15 个。");
        List<List<String>> rows = org.shirong.report.HtmlTables.rows(december, "submissions");
        assertThat(rows).hasSize(17).contains(List.of("环卫所", "按时报送", "2026年12月3日 10:00"),
                List.of("城管中队", "逾期报送", "2026年12月15日 10:00"), List.of("党群办", "未报送", "—"));
        assertThat(rows).filteredOn(r -> r.get(1).equals("未报送")).hasSize(15);
    }

    /** The stored 月度工作报告 of the period named (2026年12月), as its readers open it from the campaign's documents. */
    @SuppressWarnings("unchecked")
    private String monthlyReport(String code, String periodName) {
        List<Map<String, Object>> documents = rest.withBasicAuth("lingdao1", "demo").getForObject("/api/campaigns/" + code + "/documents",
                List.class);
        String url = (String) documents.stream().filter(d -> (code + " 测试活动" + periodName + "工作报告").equals(d.get("title")))
                .findFirst().orElseThrow(() -> new AssertionError("no report of " + periodName + " in " + documents)).get("url");
        return rest.withBasicAuth("lingdao1", "demo").getForObject(url, String.class);
    }

    /**
     * The 月度工作报告 of Friday 1 January (元旦) would be held on Monday 4 January, after a campaign that ends on Sunday
     * 3 January: December is reported at the campaign's end, as its last month January is, each once.
     */
    @Test
    void aReportMovedPastTheCampaignsEndIsHandedOutAtTheEnd() {
        CampaignDriver run = start("jiuting-2023-standard-town", "JT-WE", "2026-11-01", """
                {"phases":[{"from":"2026-11-01","to":"2026-11-10"},{"from":"2026-11-11","to":"2026-12-17"},\
                {"from":"2026-12-18","to":"2027-01-03"}]}""", "chuangban1");
        run.runUntil(at("2027-01-05T08:00"));

        assertThat(count("select count(*) from campaign where code = 'JT-WE' and status = 'ENDED'")).isOne();
        assertThat(jdbc.queryForList("select task_key || ' ' || name from campaign_task where campaign_code = 'JT-WE'"
                + " and cycle_id = 'monthlyReport' and unit_id = 'huanwei' order by created_at, task_key", String.class)).containsExactly(
                "monthlyReport/2026-12-01/huanwei 月度工作报告（2026年11月）（环卫所）", "monthlyReport/2027-01-01/huanwei 月度工作报告（2026年12月）（环卫所）",
                "monthlyReport/2027-01-04/huanwei 月度工作报告（2027年1月）（环卫所）");
        assertThat(count("select count(*) from campaign_document where campaign_code = 'JT-WE' and kind = 'MONTHLY_REPORT'")).isEqualTo(3);
    }

    @Test
    void jinxiRunsItsItemLeadTasksAndQuarterlyMeetingsToTheEnd() {
        CampaignDriver run = start("jinxi-2017-931", "JX-RUN", "2026-02-01", "jxtuijinban1");
        run.runUntil(at("2026-02-01T08:00"));
        assertThat(run.openTaskKeys(1)).contains("surveyTasks/jxtuijinban", "draftPlan/jxtuijinban").hasSize(2 + 9);
        assertThat(run.task("draftItemPlan/RECTIFY_TOWN_RIVERS").getTenantId()).isEqualTo("jinxi");
        assertThat(taskService.getIdentityLinksForTask(run.task("draftItemPlan/RECTIFY_TOWN_RIVERS").getId()))
                .as("the plan's lead unit for 整治镇区河道环境: 水利站").extracting(l -> l.getGroupId()).contains("jxshuili");
        run.completePhase(1);
        run.runUntil(at("2026-03-01T08:00"));
        assertThat(run.phaseStatus(2)).isEqualTo("RUNNING");
        assertThat(run.task("signResponsibilityLetter/jxgubao").getDueDate()).as("the year's letter is signed as the year's"
                + " work begins (due-after-phase-start: P30D), not at the phase's end in December")
                .isEqualTo(java.util.Date.from(at("2026-03-31T17:00")));
        assertThat(run.task("rectifyItem/RECTIFY_TOWN_RIVERS").getDueDate()).isEqualTo(java.util.Date.from(at("2026-12-31T17:00")));
        // jxreview-s55 J3: the 季检查 form's example is a line of 锦溪's own sheets, which the form takes; no 区's 属地 help
        run.runUntil(at("2026-04-10T10:00"));
        String check = "quarterlyCheck/2026-04-10/jxtuijinban";
        String checkId = run.task(check).getId();
        String example = (String) taskService.getVariable(checkId, InspectionScores.VAR_SCORE_EXAMPLE);
        assertThat(example).as("an item of a sheet its unit leads (牵头)").matches("(.+)｜.+｜\\d+")
                .doesNotContain("路面保洁无暴露垃圾");
        assertThat((String) taskService.getVariable(checkId, InspectionScores.VAR_ITEM_LIST))
                .contains("（牵头：" + example.substring(0, example.indexOf('｜')) + "）：");
        assertThat(taskService.getVariable(checkId, CampaignTaskListener.VAR_TERRITORY_HELP)).isEqualTo("");
        // finalreview-s55 F7: a task created before its form had this help (here: the help removed) gets it when claimed
        java.util.List<String> help = java.util.List.of(InspectionScores.VAR_SCORE_EXAMPLE, InspectionScores.VAR_ITEM_LIST,
                CampaignTaskListener.VAR_TERRITORY_HELP);
        String items = (String) taskService.getVariable(checkId, InspectionScores.VAR_ITEM_LIST);
        taskService.removeVariables(checkId, help);
        assertThat(taskService.getVariables(checkId, help)).as("as an old task has it").isEmpty();
        taskService.claim(checkId, "jxtuijinban1");
        assertThat(taskService.getVariables(checkId, help)).containsEntry(InspectionScores.VAR_SCORE_EXAMPLE, example)
                .containsEntry(InspectionScores.VAR_ITEM_LIST, items).containsEntry(CampaignTaskListener.VAR_TERRITORY_HELP, "");
        taskService.setVariable(checkId, InspectionScores.VAR_SCORE_EXAMPLE, "已有的例子");
        taskService.setAssignee(checkId, null);
        assertThat(taskService.getVariable(checkId, InspectionScores.VAR_SCORE_EXAMPLE)).as("what the task has is kept")
                .isEqualTo("已有的例子");
        taskService.setVariable(checkId, InspectionScores.VAR_SCORE_EXAMPLE, example);
        // J1, J9: 创建办 (no participant) scored on its sheet is in the quarter's ranking papers with its 检查得分, though
        // 锦溪 weighs 季检查 0 in the totals
        run.complete(check, Map.of(InspectionScores.VAR_SCORES, example
                + "\n创建办｜镇出入口及交通干线沿线无垃圾渣土、露天粪坑、黑臭沟塘、残墙断壁｜3", CampaignTaskProcess.VAR_RESULT, "检查完毕"));
        run.completePhase(2);
        run.runUntil(at("2027-01-01T08:00"));
        assertThat(run.phaseStatus(3)).isEqualTo("RUNNING");
        run.completePhase(3);
        run.runUntil(at("2027-07-01T08:00"));

        assertThat(count("select count(*) from campaign where code = 'JX-RUN' and status = 'ENDED'")).isOne();
        assertThat(run.inboxBodies("jxlingdao2", "phase-ending-open-work")).as("phases ended with their work done; at the"
                + " campaign's end only its cycles' tasks were still open").singleElement().asString()
                .contains("“考核评估表彰先进”阶段", "活动随之结束", "· 任务：月报告").doesNotContain("· 案件")
                .as("addressed to 锦溪镇's own office").contains("各位领导、推进小组办公室：");
        assertThat(run.inboxBodies("jxdangzheng1", "phase-ending-open-work")).as("the 推进小组's leaders are told, not a member"
                + " unit's head, a member of it as such").isEmpty();
        assertThat(count("select count(*) from meeting where campaign_code = 'JX-RUN' and cycle_id = 'quarterlyMeeting'"))
                .as("15 Apr, Jul, Oct 2026 and 15 Jan, Apr 2027").isEqualTo(5);
        // jxreview-s58 J11: the office's 例会 on the 25th of every month, the campaign's February to June 2027
        assertThat(count("select count(*) from meeting where campaign_code = 'JX-RUN' and cycle_id = 'officeMeeting'"))
                .isEqualTo(17);
        // jxreview s55 J12: the 组长、副组长 who convene the 季度专项工作会议 are told of it, each meeting once, as the office
        // and the units are; and of each 月度工作报告, which goes to the 推进小组's leaders only, not to its members the unit heads
        for (String user : List.of("jxlingdao1", "jxlingdao2", "jxtuijinban1", "jxdangzheng1")) {
            assertThat(run.inboxBodies(user, "meeting-agenda-issued")).as(user)
                    .filteredOn(b -> b.contains("季度专项工作会议")).hasSize(5);
        }
        long reports = count("select count(*) from campaign_document where campaign_code = 'JX-RUN' and kind = 'MONTHLY_REPORT'");
        assertThat(reports).isGreaterThan(10);
        assertThat(run.inboxBodies("jxlingdao1", "monthly-report-issued")).hasSize((int) reports)
                .anySatisfy(b -> assertThat(b).startsWith("各位领导：").contains("《JX-RUN 测试活动2026年4月工作报告》已生成", "/api/documents/"));
        assertThat(run.inboxBodies("jxlingdao2", "monthly-report-issued")).hasSize((int) reports);
        assertThat(run.inboxBodies("jxdangzheng1", "monthly-report-issued")).isEmpty();
        assertThat(run.inboxBodies("jxchuangjian1", "monthly-report-issued")).isEmpty();
        assertThat(jdbc.queryForList("select html from campaign_document where campaign_code = 'JX-RUN' and kind = 'AGENDA'"
                + " and doc_key like 'agenda/JX-RUN/quarterlyMeeting/%' order by created_at", String.class)).as("the 季度专项工作会议 通报s the quarter before it, not the month (jxreview J5)")
                .hasSize(5).satisfiesExactly(
                        a -> assertThat(a).contains("四、通报2026年第一季度单位考核排名", "2026年第一季度检查（季检查）评分 2 个单位：",
                                "创建办 75.00 分", "单独列出，未计入总分（权重 0），供会议通报"),
                        a -> assertThat(a).contains("四、通报2026年第二季度单位考核排名"),
                        a -> assertThat(a).contains("四、通报2026年第三季度单位考核排名"),
                        a -> assertThat(a).contains("四、通报2026年第四季度单位考核排名"),
                        a -> assertThat(a).contains("四、通报2027年第一季度单位考核排名"));
        assertThat(count("select count(*) from campaign_task where campaign_code = 'JX-RUN' and cycle_id = 'itemMonthlyCheck'"))
                .as("9 item leads × 20th of March–December (rectification phase only)").isEqualTo(90);
        assertThat(jdbc.queryForList("select name from campaign_task where campaign_code = 'JX-RUN' and cycle_id = 'annualAssessment'"
                + " order by created_at", String.class)).as("2026 on 10 January 2027; not the campaign's part of 2027 at its end on"
                + " 30 June, all 考核评估 without 整治 (jxreview-s58 J1: score-phases), 2026 not again").containsExactly("年考核（2026年）");
        // April's report (1 May) shows the 报送 of 月报告（2026年3月） (1 April): the run as its tasks name it, each lead unit's
        // line naming its plan item as its task does
        String april = jdbc.queryForObject("select html from campaign_document where campaign_code = 'JX-RUN'"
                + " and kind = 'MONTHLY_REPORT' and title like '%2026年4月%'", String.class);
        assertThat(april).contains("上一期“月报告（2026年3月）”的报送情况");
        List<List<String>> submitted = org.shirong.report.HtmlTables.rows(april, "submissions");
        assertThat(submitted).extracting(r -> r.get(1)).hasSize(9).contains("整治镇区河道环境").doesNotContain("RECTIFY_TOWN_RIVERS", "—");
        assertThat(jdbc.queryForList("select name from campaign_task where campaign_code = 'JX-RUN'"
                + " and task_key like 'monthlyReport/2026-04-01/%' and item_category = 'RECTIFY_TOWN_RIVERS'", String.class))
                .containsExactly("月报告（2026年3月）（整治镇区河道环境）");
    }

    @Test
    void jinxiChecksRanksAndAssessesNoUnitWhileTheTownIsStillPlanning() {
        // jxreview-s58 J1: started 26 October, 明确任务制定方案 runs to the end of February; targets are signed in 整治
        CampaignDriver run = start("jinxi-2017-931", "JX-PLAN", "2026-10-26", "jxtuijinban1");
        run.runUntil(at("2026-10-26T08:00"));
        // jxreview-s58 J6: what the 全面排查 finds is the 整治 work, each line a case under its item, not retyped one by one
        run.complete("surveyTasks/jxtuijinban", Map.of(CampaignTaskProcess.VAR_FINDINGS, List.of(
                Map.of("title", "卫星村河埠头垃圾入河", "category", "RECTIFY_TOWN_RIVERS", "address", "锦溪镇卫星村3组河埠头")),
                CampaignTaskProcess.VAR_RESULT, "排查出一处问题"));
        assertThat(jdbc.queryForList("select source || '/' || lead_unit || '/' || plan_item from rect_case where campaign_code = 'JX-PLAN'",
                String.class)).containsExactly("SELF_INSPECTION/jxshuili/RECTIFY_TOWN_RIVERS");
        run.completePhase(1);
        run.runUntil(at("2027-03-01T08:00"));
        assertThat(run.phaseStatus(2)).isEqualTo("RUNNING");
        assertThat(jdbc.queryForList("select task_key from campaign_task where campaign_code = 'JX-PLAN'"
                + " and cycle_id in ('quarterlyCheck', 'annualAssessment', 'quarterlyMeeting')", String.class))
                .as("no 季检查 of 2026-Q4 and no 年考核 of 2026 on 10/15 January 2027").isEmpty();
        assertThat(count("select count(*) from campaign_document where campaign_code = 'JX-PLAN' and kind = 'NOTICE'"))
                .as("no 通报 names a unit for the planning time").isZero();
        // jxreview-s58 J11: the office's 例会 meets all the same, monthly on the 25th (Sunday 25 October on the campaign's
        // first day, 26 October, then November to February); its agenda ranks the quarter before, which has no 整治 day:
        // it says so and ranks, names and 通报s no one
        assertThat(jdbc.queryForList("select cycle_id from meeting where campaign_code = 'JX-PLAN' order by meeting_at",
                String.class)).hasSize(5).containsOnly("officeMeeting");
        assertThat(jdbc.queryForList("select html from campaign_document where campaign_code = 'JX-PLAN' and kind = 'AGENDA'"
                + " order by created_at", String.class)).hasSize(5).allSatisfy(a -> assertThat(a)
                        .contains("推进小组办公室例会", "本期不排名，不通报", "“深入推进全面整治”、“考核评估表彰先进”")
                        .doesNotContain("class=\"ranking\"", "拟通报的不履职单位"));
        // the 月报告 goes on in the planning months (the units report), but its 月度工作报告 ranks no unit: October to January
        List<String> planningReports = jdbc.queryForList("select html from campaign_document where campaign_code = 'JX-PLAN'"
                + " and kind = 'MONTHLY_REPORT' order by created_at", String.class);
        assertThat(planningReports).hasSize(4).allSatisfy(r -> assertThat(r).contains("本期不排名，不通报", "案件办理情况")
                .doesNotContain("class=\"ranking\"", "列入通报范围的单位"));
        run.runUntil(at("2027-04-12T10:00"));
        assertThat(jdbc.queryForObject("select html from campaign_document where campaign_code = 'JX-PLAN'"
                + " and kind = 'MONTHLY_REPORT' and doc_key = 'monthly-report/2027-03'", String.class))
                .as("March, the first 整治 month, is ranked").doesNotContain("本期不排名").contains("单位考核");
        assertThat(jdbc.queryForList("select name from campaign_task where campaign_code = 'JX-PLAN'"
                + " and cycle_id = 'quarterlyCheck'", String.class)).as("the first quarter with 整治 days (March)")
                .containsExactly("季检查（2027年第一季度）");
    }

    @Test
    void jinxiCampaignEndingWithTheYearIsStillAssessedOnThatYearOnce() {
        CampaignDriver run = start("jinxi-2017-931", "JX-DEC", "2026-02-01", """
                {"phases":[{"from":"2026-02-01","to":"2026-02-28"},{"from":"2026-03-01","to":"2026-09-30"},\
                {"from":"2026-10-01","to":"2026-12-31"}]}""", "jxtuijinban1");
        run.runUntil(at("2026-02-01T08:00"));
        run.completePhase(1);
        run.runUntil(at("2026-03-01T08:00"));
        run.completePhase(2);
        run.runUntil(at("2026-10-01T08:00"));
        run.completePhase(3);
        run.runUntil(at("2027-02-01T08:00"));

        assertThat(count("select count(*) from campaign where code = 'JX-DEC' and status = 'ENDED'")).isOne();
        // 年考核 runs on 10 January about the year before: 10 January 2027 is after the campaign, whose cycles have stopped.
        assertThat(jdbc.queryForList("select task_key || '/' || name from campaign_task where campaign_code = 'JX-DEC'"
                + " and cycle_id = 'annualAssessment'", String.class)).as("the year's 年考核 at the campaign's end, once")
                .containsExactly("annualAssessment/2027-01-01/jxtuijinban/年考核（2026年）");
        assertThat(run.task("annualAssessment/2027-01-01/jxtuijinban").getDueDate()).isAfter(java.util.Date.from(at("2027-01-01T00:00")));
        // s52 J6/J15/J11: the 推进小组办公室 with 纪委监察 (镇纪委（监察室）会同…办公室), not every member unit's head
        assertThat(taskService.getIdentityLinksForTask(run.task("annualAssessment/2027-01-01/jxtuijinban").getId()))
                .extracting(l -> l.getGroupId()).containsExactlyInAnyOrder("jxtuijinban", "jxjiwei");
        assertThat(run.inboxBodies("jxjiwei1", "campaign-tasks-issued")).anySatisfy(b -> assertThat(b).contains("年考核（2026年）"));
        assertThat(run.inboxBodies("jxshuili1", "campaign-tasks-issued")).noneSatisfy(b -> assertThat(b).contains("年考核"));
        assertThat(run.inboxBodies("jxshuili1", "campaign-tasks-issued")).noneSatisfy(b -> assertThat(b).contains("全面考核验收"));
        assertThat(count("select count(*) from score_unit where score_period = '2026' and score_scope = 'JX-DEC'"))
                .as("the year's unit scores are calculated with it").isPositive();
        assertThat(count("select count(*) from campaign_document where campaign_code = 'JX-DEC' and kind = 'MONTHLY_REPORT'"
                + " and title like '%2026年工作报告'")).as("an assessment writes no 月度工作报告").isZero();
        // 年考核 "进行公开通报" (jxreview J5): the year's 通报, issued and sent as a 例会's monthly one is.
        assertThat(jdbc.queryForList("select title from campaign_document where campaign_code = 'JX-DEC' and doc_key = 'notice/2026'"
                + " and kind = 'NOTICE'", String.class)).singleElement().asString().endsWith("关于2026年单位考核结果的通报");
        String yearly = jdbc.queryForObject("select html from campaign_document where campaign_code = 'JX-DEC' and doc_key = 'notice/2026'",
                String.class);
        assertThat(yearly).contains("根据年考核（2026年", "现将考核排名、表彰先进单位和不履职单位通报如下", "2026年单位考核排名");
        // 表彰先进 (锦溪 plan: 对成效显著的单位予以表彰; 九亭 plan: 考核评估与表彰, jtreview-s59 T10): the A-grade units nothing names
        assertThat(org.shirong.report.HtmlTables.rows(yearly, "commended")).extracting(r -> r.get(0)).contains("安环所", "古保办")
                .doesNotContain("城管中队", "创建办", "建管所", "水利站");
        assertThat(yearly.indexOf("一、表彰先进单位")).isPositive().isLessThan(yearly.indexOf("二、考核得分低于通报线"));
        assertThat(run.inboxBodies("jxgubao1", "notice-issued")).as("a participating unit is sent it").singleElement().asString()
                .contains("关于2026年单位考核结果的通报", "环境综合整治工作推进小组印发了", "表彰：", "古保办");
        // one message per person (s52: 水利站's head had it three times, as 水利站, 各数字城管成员单位 and 推进小组 member)
        assertThat(run.inboxBodies("jxshuili1", "notice-issued")).hasSize(1);
        assertThat(jdbc.queryForObject("select count(*) from notification_outbox where business_key = 'JX-DEC'"
                + " and template_id = 'notice-issued' and recipient = 'jxshuili1'", Integer.class)).as("nor by e-mail").isOne();
        // the 推进小组's copy goes to its 组长、副组长, not to every member: 创建办's head is one as 创建办's head, which takes no part
        assertThat(run.inboxBodies("jxlingdao2", "notice-issued")).hasSize(1);
        assertThat(run.inboxBodies("jxchuangjian1", "notice-issued")).isEmpty();
    }

    @Test
    void songjiangClaimsSurveyProblemsAsCasesAndHoldsNoMeeting() {
        CampaignDriver run = start("songjiang-2024-satisfaction", "SJ-RUN", "2026-03-01", "sjshirongban1");
        run.runUntil(at("2026-03-01T08:00"));
        // A district department leads each survey category; the towns and streets take part in their own organisations.
        assertThat(taskService.getIdentityLinksForTask(run.task("claimPointProblems/SURVEY_URBAN_GREENERY").getId()))
                .extracting(l -> l.getGroupId()).containsExactly("sjlvrongju");
        var townTask = run.task("submitImprovementPlan/shihudang");
        assertThat(townTask.getTenantId()).isEqualTo("shihudang");
        assertThat(taskService.getIdentityLinksForTask(townTask.getId())).extracting(l -> l.getGroupId()).containsExactly("shdshirongban");
        assertThat(rest.withBasicAuth("shdshirongban1", "demo").getForObject("/engine-rest/task?maxResults=100&processInstanceBusinessKey=SJ-RUN", List.class))
                .as("石湖荡镇's office sees its own tasks of the district campaign: 成立专班, its improvement plan and, from the first"
                        + " phase on (sjreview-s54 D5), 全面自查自纠").hasSize(3);
        assertThat(rest.withBasicAuth("xqshirongban1", "demo").getForObject("/engine-rest/task?maxResults=100&processInstanceBusinessKey=SJ-RUN", List.class))
                .as("新桥镇's office sees only its own").hasSize(3);
        assertThat(rest.withBasicAuth("jxtuijinban1", "demo").getForObject("/engine-rest/task?maxResults=100&processInstanceBusinessKey=SJ-RUN", List.class))
                .as("锦溪镇 has no part in it").isEmpty();
        assertThat(jdbc.queryForList("select unit_id from campaign_task where campaign_code = 'SJ-RUN'"
                + " and definition_id = 'submitImprovementPlan' and unit_id not like 'sj%' order by unit_id", String.class))
                .as("improvement plans from the five towns and the street the plan names, not from every town")
                .containsExactly("chedun", "jiuting", "shihudang", "xinqiao", "yexie", "yueyang");
        assertThat(count("select count(*) from campaign_task where campaign_code = 'SJ-RUN' and definition_id = 'submitImprovementPlan'"))
                .as("and from the ten district departments").isEqualTo(16);
        assertThat(rest.withBasicAuth("yfshirongban1", "demo").getForObject("/engine-rest/task?maxResults=100&processInstanceBusinessKey=SJ-RUN", List.class))
                .as("永丰街道, not named, has no improvement plan to submit, only 成立专班 and 全面自查自纠").extracting(t -> ((Map<?, ?>) t).get("name"))
                .satisfiesExactlyInAnyOrder(name -> assertThat(name).asString().startsWith("成立专班、明确专人"),
                        name -> assertThat(name).asString().startsWith("全面自查自纠"));
        // szreview-s60 S4: 松江区 has no 村/社区, and its findings form says the 社区 column is a note only
        assertThat((String) taskService.getVariable(run.task("claimPointProblems/SURVEY_URBAN_ROADS").getId(),
                CampaignTaskListener.VAR_TERRITORY_HELP)).contains("属地一栏", "九亭镇的问题须填其村、社区或居委会（第一居委会、第二居委会）或留空",
                "其他镇、街道没有设村、社区，社区一栏只作记录");
        assertThatThrownBy(() -> run.complete("claimPointProblems/SURVEY_URBAN_ROADS", Map.of(CampaignTaskProcess.VAR_FINDINGS,
                "沪亭北路人行道破损｜沪亭北路 300 号｜｜｜松江区\n荣乐东路护栏缺失｜荣乐东路 10 号｜护栏｜｜松江区")))
                .hasMessageContaining("第 2 行：没有问题类别“护栏”");
        assertThatThrownBy(() -> run.complete("claimPointProblems/SURVEY_URBAN_ROADS", Map.of(CampaignTaskProcess.VAR_FINDINGS,
                "沪亭北路人行道破损")))
                .hasMessageContaining("第 1 行：请填写地点");
        assertThat(count("select count(*) from rect_case where campaign_code = 'SJ-RUN'")).as("nothing half-saved").isZero();
        run.complete("claimPointProblems/SURVEY_URBAN_ROADS", Map.of(CampaignTaskProcess.VAR_FINDINGS,
                "沪亭北路人行道破损｜沪亭北路 300 号｜｜｜松江区\n荣乐东路店招破损｜荣乐东路 10 号｜标识标牌与广告设施｜｜松江区"));
        assertThat(jdbc.queryForList("select c.source || '/' || c.category from rect_case c"
                + " where c.campaign_code = 'SJ-RUN' order by c.case_no", String.class))
                .as("the item's category is taken when none is chosen; a name without its bracketed note is enough")
                .containsExactly("SURVEY/SURVEY_URBAN_ROADS", "SURVEY/SURVEY_SIGNS_AND_ADVERTISING");
        String verify = "verifyCitizenCases/sjchengyunzhongxin";
        assertThat(run.task(verify).getDescription()).as("verify-citizen-cases-on-site").endsWith(CampaignTasks.SITE_CHECK_RULE);
        assertThatThrownBy(() -> run.complete(verify, Map.of(CampaignTaskProcess.VAR_FINDINGS,
                "荣乐东路人行道夜间堆物｜荣乐东路 10 号｜公共场所")))
                .hasMessageContaining("第 1 行：本活动规定市民反映的问题须到现场核查后再立案，请在第四列写明现场核查情况");
        assertThatThrownBy(() -> run.complete(verify, Map.of(CampaignTaskProcess.VAR_FINDINGS,
                "荣乐东路人行道夜间堆物｜荣乐东路 10 号｜公共场所｜现场核查：属实｜已告知物业限期清运｜岳阳街道｜荣乐社区｜菜场")))
                .as("an eighth column is refused by its line, not dropped")
                .hasMessageContaining("第 1 行：有 8 栏，最多 7 栏");
        // szreview-s60 S4: a 社区 in 九亭镇 is one of its 村、社区、居委会 (they read the case), refused by its line otherwise
        assertThatThrownBy(() -> run.complete(verify, Map.of(CampaignTaskProcess.VAR_FINDINGS,
                "荣乐东路人行道夜间堆物｜荣乐东路 10 号｜公共场所｜现场核查：属实｜岳阳街道｜荣乐社区\n"
                        + "易富路垃圾箱房满溢｜易富路 88 弄｜公共场所｜现场核查：属实｜九亭｜第三居委会")))
                .hasMessageContaining("第 2 行：村/社区须为九亭镇的村、社区或居委会（可选：第一居委会、第二居委会），没有“第三居委会”");
        assertThat(count("select count(*) from rect_case where campaign_code = 'SJ-RUN' and source = 'CITIZEN'"))
                .as("nothing half-saved").isZero();
        // sjreview-s57 D17: the seventh column is the survey's 小项, checked against the category's
        assertThatThrownBy(() -> run.complete(verify, Map.of(CampaignTaskProcess.VAR_FINDINGS,
                "荣乐东路人行道夜间堆物｜荣乐东路 10 号｜公共场所｜现场核查：属实｜岳阳街道｜荣乐社区｜没有这个小项")))
                .hasMessageContaining("没有小项“没有这个小项”");
        run.complete(verify, Map.of(CampaignTaskProcess.VAR_FINDINGS,
                "荣乐东路人行道夜间堆物；有异味｜荣乐东路 10 号｜公共场所｜现场核查：属实；已告知物业限期清运｜｜｜农贸市场（菜场）"));
        assertThat(jdbc.queryForList("select plan_sub_item from rect_case where campaign_code = 'SJ-RUN' and source = 'CITIZEN'",
                String.class)).containsExactly("农贸市场（菜场）");
        assertThat(jdbc.queryForList("select c.source || '/' || c.category || '/' || c.title || '/' || c.address || '/' || c.description"
                + " from rect_case c where c.campaign_code = 'SJ-RUN' and c.source = 'CITIZEN'",
                String.class)).as("semicolons are text: the title and the site check are kept whole")
                .containsExactly("CITIZEN/SURVEY_PUBLIC_PLACES/荣乐东路人行道夜间堆物；有异味/荣乐东路 10 号/现场核查：属实；已告知物业限期清运");
        // the point on 沪亭北路 is not rectified and goes on the 通报名单 (as its escalation timer puts it, which this run
        // of the campaign's own jobs does not fire)
        jdbc.update("update rect_case set escalated = true, escalate_at = ?, due_at = coalesce(due_at, ?) where campaign_code = 'SJ-RUN'"
                + " and title = '沪亭北路人行道破损'", java.sql.Timestamp.from(at("2026-03-20T17:00")),
                java.sql.Timestamp.from(at("2026-03-10T17:00")));
        run.completePhase(1);
        run.runUntil(at("2026-04-11T08:00"));
        run.completePhase(2);
        run.runUntil(at("2026-07-01T08:00"));
        run.completePhase(3);
        run.runUntil(at("2027-01-01T08:00"));

        assertThat(count("select count(*) from campaign where code = 'SJ-RUN' and status = 'ENDED'")).isOne();
        assertThat(run.meetingsConvened(historyService)).isZero();
        assertThat(count("select count(*) from campaign_task where campaign_code = 'SJ-RUN' and cycle_id = 'jointInspection'"))
                .as("15th of March–December").isEqualTo(10);
        assertThat(jdbc.queryForList("select name from campaign_task where campaign_code = 'SJ-RUN' and cycle_id = 'progressReport'"
                + " and unit_id = 'sjlvrongju' order by created_at", String.class)).as("25 March–December, each on its own month"
                + " (sjreview F14: a report due on the 25th is about the month it is due in), none again at the campaign's end").hasSize(10).endsWith("自查整改情况报送（2026年12月）（区绿化市容局）");
        // The district holds no 例会: its 月度考核 on the 1st, after the month's 报送 of the 25th, issues the 通报 of the month
        // just ended (final, naming whom the rules name: sjreview-s54 D1) ranking its departments and its towns and streets
        // on the cases located in them, with the 月度工作报告, and sends it to every unit and town office. The 25th issues
        // the 报送 only: a ranking of a month still running would be 暂定 and name nobody.
        assertThat(jdbc.queryForList("select title from campaign_document where campaign_code = 'SJ-RUN' and kind = 'NOTICE'"
                + " order by created_at", String.class)).hasSize(10)
                .first().asString().endsWith("关于2026年3月区级部门和街镇考核排名的通报");
        assertThat(jdbc.queryForObject("select created_at from campaign_document where campaign_code = 'SJ-RUN'"
                + " and doc_key = 'notice/2026-11'", java.sql.Timestamp.class).toInstant()).as("after November, on 1 December")
                .isBetween(at("2026-12-01T09:00"), at("2026-12-01T18:00"));
        assertThat(jdbc.queryForList("select name from campaign_task where campaign_code = 'SJ-RUN' and cycle_id = 'monthlyAssessment'"
                + " order by created_at", String.class)).as("1 April–1 December, and December's at the campaign's end").hasSize(10)
                .startsWith("月度考核（2026年3月）").endsWith("月度考核（2026年12月）");
        String november = jdbc.queryForObject("select html from campaign_document where campaign_code = 'SJ-RUN'"
                + " and doc_key = 'notice/2026-11'", String.class);
        assertThat(november).contains("一、区级部门", "二、各街镇（按街镇牵头的本活动案件）", "石湖荡镇", "岳阳街道",
                "<footer>松江区市容管理专项办公室<br>（松江区绿化和市容管理局代章）<br>")
                .as("signed as the plan is, by the office with the bureau's seal, not by the leaders who approve extensions")
                .doesNotContain("区市容专办领导").as("final, not 暂定").doesNotContain("暂定", "不据此通报", "尚未结束");
        // supervisors' review s54 V12: the month's tasks not done by their deadline are named too, by the 1st's cycle
        List<List<String>> lateTasks = org.shirong.report.HtmlTables.rows(november, "late-tasks");
        // (jtreview-s59 T1: and the tasks due earlier still not done, every month until done)
        assertThat(lateTasks).as("unit, task, due day, how late").isNotEmpty().allSatisfy(row -> assertThat(row).hasSize(4)
                .satisfies(r -> assertThat(r.get(3)).startsWith(r.get(2).startsWith("2026年11月") ? "逾期" : "仍未完成，已逾期 ")))
                .anySatisfy(row -> assertThat(row.get(2)).startsWith("2026年11月"));
        // sjreview-s57 D10: the 区级联合检查组 is led by the office (roles.office-led): its late 联合检查 is the office's own
        // work, not named to the departments and towns; the monthly report lists it for the office, apart
        assertThat(lateTasks).as("no office-led group named").noneSatisfy(row -> assertThat(row.get(0)).isEqualTo("区级联合检查组"));
        String novemberReport = jdbc.queryForObject("select html from campaign_document where campaign_code = 'SJ-RUN'"
                + " and doc_key = 'monthly-report/2026-11'", String.class);
        assertThat(org.shirong.report.HtmlTables.rows(novemberReport, "late-tasks office-led")).isNotEmpty()
                .allSatisfy(row -> assertThat(row.get(0)).isEqualTo("区级联合检查组"))
                .anySatisfy(row -> assertThat(row.get(1)).startsWith("满意度区级联合专项检查"));
        assertThat(novemberReport).contains("本办公室牵头的工作未按期完成");
        assertThat(org.shirong.report.HtmlTables.rows(novemberReport, "late-tasks"))
                .noneSatisfy(row -> assertThat(row.get(0)).isEqualTo("区级联合检查组"));
        // the district's 通报 says how its towns and departments cooperated, even when no 协办 fell due (sjreview-s57 D7)
        assertThat(november).contains("三、属地街镇和协办部门配合情况", "四、未按期完成工作任务的部门和街镇");
        assertThat(november.contains("五个工作日内")).as("the written report is asked only of those named (sjreview-s54 L2)")
                .isEqualTo(november.contains("class=\"named\"") || !lateTasks.isEmpty());
        assertThat(jdbc.queryForObject("select html from campaign_document where campaign_code = 'SJ-RUN'"
                + " and doc_key = 'monthly-report/2026-11'", String.class)).contains("六、街镇排名", "石湖荡镇",
                        "本期报送情况", "“自查整改情况报送（2026年11月）”的报送情况（2026年11月25日 09:00下达")
                .as("November's 报送, handed out on the 25th (sjreview-s54 L6)").doesNotContain("暂定", "见下期报告")
                .as("due 2 December, after the report of 1 December: not yet due, not 未报送 (sjreview-s57 D13)")
                .containsPattern("期限 2026年12月2日 17:00；截至 2026年12月1日 09:00）：按时报送 \\d+ 个，逾期报送 0 个，未报送 0 个，尚未到期 \\d+ 个")
                .doesNotContain("<td>未报送</td>");
        // sjreview-s57 D8: the district holds no 例会, so its 通报 (read as the office reads it, GET /api/documents/{id}) and 月报
        // list the cases 列入通报名单 with 牵头单位, 属地 and 超期工作日: the survey points claimed in March, never rectified
        String novemberRead = document("SJ-RUN", "notice/2026-11");
        List<String> onTheList = jdbc.queryForList("select case_no from rect_case where campaign_code = 'SJ-RUN' and escalated = true"
                + " and status <> 'CLOSED' order by case_no", String.class);
        assertThat(onTheList).isNotEmpty();
        assertThat(novemberRead).contains("超期未整改、列入通报名单的案件");
        List<List<String>> escalatedRows = org.shirong.report.HtmlTables.rows(novemberRead, "escalated-cases");
        assertThat(escalatedRows).extracting(r -> r.get(0)).containsExactlyInAnyOrderElementsOf(onTheList);
        assertThat(escalatedRows).anySatisfy(r -> assertThat(r).hasSize(7).satisfies(x -> assertThat(x.get(1)).isEqualTo("沪亭北路人行道破损"),
                x -> assertThat(x.get(2)).isNotBlank(), x -> assertThat(x.get(3)).isNotBlank(),
                x -> assertThat(Integer.parseInt(x.get(5))).isGreaterThan(100),
                x -> assertThat(x.get(6)).isEqualTo("超期未整改")));
        assertThat(org.shirong.report.HtmlTables.rows(document("SJ-RUN", "monthly-report/2026-11"), "escalated-cases"))
                .as("the 月报 lists the same cases").extracting(r -> r.get(0)).containsExactlyInAnyOrderElementsOf(onTheList);
        // sjreview-s57 D9: each unit named is asked for its written report, due five working days after the 通报; not the
        // office nor its leaders, who issue the 通报. The run's first 通报 (March's, on 1 April) asks the units it names
        List<Map<String, Object>> asked = jdbc.queryForList("select group_id, name, due_at, status from campaign_task"
                + " where campaign_code = 'SJ-RUN' and task_key like 'noticeReply/2026-03/%' order by id");
        assertThat(asked).isNotEmpty().extracting(r -> r.get("GROUP_ID")).doesNotContain("sjshirongban", "sjlingdao");
        java.time.Instant marchIssued = jdbc.queryForObject("select created_at from campaign_document where campaign_code = 'SJ-RUN'"
                + " and doc_key = 'notice/2026-03'", java.sql.Timestamp.class).toInstant();
        assertThat(asked).allSatisfy(r -> {
            assertThat(r.get("NAME")).isEqualTo("书面报告整改情况（2026年3月通报）");
            assertThat(((java.sql.Timestamp) r.get("DUE_AT")).toInstant()).isBetween(marchIssued.plus(java.time.Duration.ofDays(5)),
                    marchIssued.plus(java.time.Duration.ofDays(12)));
        });
        // note-s58: a unit that has not written the report an earlier 通报 asked for is not asked again by the next ones (its
        // open task is the one the next 通报 names late): nobody replied all year, and yet no unit holds two such tasks, and
        // November's 通报, naming every unit, asked none
        assertThat(jdbc.queryForList("select group_id from campaign_task where campaign_code = 'SJ-RUN' and definition_id = 'noticeReply'"
                + " group by group_id having count(*) > 1", String.class)).as("units asked twice").isEmpty();
        assertThat(lateTasks).isNotEmpty();
        assertThat(jdbc.queryForObject("select count(*) from campaign_task where campaign_code = 'SJ-RUN'"
                + " and task_key like 'noticeReply/2026-11/%'", Integer.class)).isZero();
        String replying = (String) asked.get(0).get("GROUP_ID");
        String member = identityService.createUserQuery().memberOfGroup(replying).list().get(0).getId();
        String other = identityService.createUserQuery().memberOfGroup("sjshirongban").list().get(0).getId();
        org.camunda.bpm.engine.task.Task reply = asUser(member, () -> taskService.createTaskQuery().processInstanceBusinessKey("SJ-RUN")
                .taskDefinitionKey(CampaignTaskProcess.TASK_REPORT_NOTICE_RECTIFICATION).taskNameLike("书面报告整改情况（2026年3月通报）%")
                .singleResult());
        assertThat(reply).as("%s sees its own written report", member).isNotNull();
        // szreview-s60 S2: the report links the 通报 it answers, which each unit named opens — a district department too
        String marchNotice = jdbc.queryForObject("select id from campaign_document where campaign_code = 'SJ-RUN'"
                + " and doc_key = 'notice/2026-03'", String.class);
        // and the month's 月度工作报告, issued after the 通报 in the same run
        String marchReport = jdbc.queryForObject("select id from campaign_document where campaign_code = 'SJ-RUN'"
                + " and doc_key = 'monthly-report/2026-03'", String.class);
        String department = asked.stream().map(r -> (String) r.get("GROUP_ID")).filter(g -> g.startsWith("sj")).findFirst().orElseThrow();
        for (String named : List.of(member, identityService.createUserQuery().memberOfGroup(department).list().get(0).getId())) {
            org.camunda.bpm.engine.task.Task itsReply = asUser(named, () -> taskService.createTaskQuery().processInstanceBusinessKey("SJ-RUN")
                    .taskDefinitionKey(CampaignTaskProcess.TASK_REPORT_NOTICE_RECTIFICATION).taskNameLike("书面报告整改情况（2026年3月通报）%")
                    .singleResult());
            Map<?, ?> replyVariables = rest.withBasicAuth(named, "demo").getForObject("/engine-rest/task/" + itsReply.getId()
                    + "/form-variables", Map.class);
            assertThat(replyVariables.get("noticeUrl")).as(named).isNotNull();
            assertThat(((Map<?, ?>) replyVariables.get("noticeUrl")).get("value")).isEqualTo("/api/documents/" + marchNotice);
            assertThat(rest.withBasicAuth(named, "demo").getForEntity("/api/documents/" + marchNotice, String.class)
                    .getStatusCode().value()).as("%s opens the 通报", named).isEqualTo(200);
            assertThat(replyVariables.get("monthlyReportUrl")).as(named).isNotNull();
            assertThat(((Map<?, ?>) replyVariables.get("monthlyReportUrl")).get("value")).isEqualTo("/api/documents/" + marchReport);
            assertThat(rest.withBasicAuth(named, "demo").getForEntity("/api/documents/" + marchReport, String.class)
                    .getStatusCode().value()).as("%s opens the 月报", named).isEqualTo(200);
        }
        // the office reads every task it supervises, but the report is not its to write: not its own task, its claim refused
        assertThat(asUser(other, () -> taskService.createTaskQuery().taskId(reply.getId()).taskCandidateGroup("sjshirongban").count()))
                .isZero();
        HttpHeaders json = new HttpHeaders();
        json.setContentType(MediaType.APPLICATION_JSON);
        assertThat(rest.withBasicAuth(other, "demo").postForEntity("/engine-rest/task/" + reply.getId() + "/claim",
                new HttpEntity<>("{\"userId\":\"" + other + "\"}", json), String.class).getStatusCode().value()).isEqualTo(403);
        asUser(member, () -> {
            taskService.complete(reply.getId(), Map.of(CampaignTaskProcess.VAR_RESULT, "已逐项整改，整改前后照片见附件",
                    "attachment1", org.camunda.bpm.engine.variable.Variables.fileValue("整改报告.pdf").file(CampaignDriver.PDF)
                            .mimeType("application/pdf").create()));
            return null;
        });
        Map<?, ?> dashboard = rest.withBasicAuth("sjshirongban1", "demo").getForObject("/api/campaigns/SJ-RUN/dashboard", Map.class);
        Map<?, ?> marchReplies = ((List<?>) dashboard.get("noticeReplies")).stream().map(Map.class::cast)
                .filter(r -> "书面报告整改情况（2026年3月通报）".equals(r.get("taskName"))).findFirst().orElseThrow();
        assertThat(marchReplies.get("replied")).isEqualTo(1);
        assertThat((List<?>) marchReplies.get("units")).extracting(u -> ((Map<?, ?>) u).get("unitId") + ":" + ((Map<?, ?>) u).get("status"))
                .contains(replying + ":逾期报告").filteredOn(line -> !line.toString().startsWith(replying + ":"))
                .allSatisfy(line -> assertThat(line.toString()).endsWith(":逾期未报告"));
        List<List<String>> namedForMarch = org.shirong.report.HtmlTables.rows(document("SJ-RUN", "notice/2026-04"), "late-tasks").stream()
                .filter(r -> r.get(1).equals("书面报告整改情况（2026年3月通报）")).toList();
        assertThat(namedForMarch).as("a report not sent by its deadline is named in the next 通报 like any late task, each unit once")
                .hasSize(asked.size()).extracting(r -> r.get(0)).doesNotHaveDuplicates();
        assertThat(run.inboxBodies("shdshirongban1", "notice-issued")).as("石湖荡镇's office, in its own organisation").hasSize(10)
                .first().asString().contains("关于2026年3月区级部门和街镇考核排名的通报", "街镇：", "/api/documents/");
        assertThat(run.inboxBodies("sjlingdao1", "notice-issued")).hasSize(10);
        assertThat(run.inboxBodies("sjlvrongju1", "notice-issued")).hasSize(10);
    }

    /** The campaign's document under {@code docKey}, as its office reads it (GET /api/documents/{id}). */
    private String document(String code, String docKey) {
        String id = jdbc.queryForObject("select id from campaign_document where campaign_code = ? and doc_key = ?", String.class,
                code, docKey);
        ResponseEntity<String> read = rest.withBasicAuth("sjshirongban1", "demo").getForEntity("/api/documents/" + id, String.class);
        assertThat(read.getStatusCode()).isEqualTo(HttpStatus.OK);
        return read.getBody();
    }

    /** Runs {@code work} as {@code user} with the groups and organisations the engine knows for them, as Tasklist does. */
    private <T> T asUser(String user, java.util.function.Supplier<T> work) {
        List<String> groups = identityService.createGroupQuery().groupMember(user).list().stream().map(g -> g.getId()).toList();
        List<String> tenants = identityService.createTenantQuery().userMember(user).includingGroupsOfUser(true).list().stream()
                .map(t -> t.getId()).toList();
        identityService.setAuthentication(user, groups, tenants);
        try {
            return work.get();
        } finally {
            identityService.clearAuthentication();
        }
    }

    /**
     * A 松江 campaign the office ended mid-month (14 July): July was not over at the end, its ranking 暂定, so neither its
     * 通报 nor its 月度工作报告 is issued then; the campaign waits for the 月度考核 of 1 August (its own cycles have stopped)
     * and issues both, final, once.
     */
    @Test
    void aSongjiangCampaignEndedMidMonthIssuesItsLastMonthsNoticeAndReportAfterTheMonthOnce() {
        CampaignDriver run = start("songjiang-2024-satisfaction", "SJ-MID", "2028-05-01", """
                {"phases":[{"from":"2028-05-01","to":"2028-06-10"},{"from":"2028-06-11","to":"2028-06-30"},\
                {"from":"2028-07-01","to":"2028-07-14"}]}""", "sjshirongban1");
        run.runUntil(at("2028-07-15T08:00"));

        assertThat(count("select count(*) from campaign where code = 'SJ-MID' and status = 'ENDED'")).isOne();
        assertThat(count("select count(*) from campaign_document where campaign_code = 'SJ-MID' and doc_key = 'notice/2028-06'"))
                .as("June's, on 3 July").isOne();
        assertThat(count("select count(*) from campaign_document where campaign_code = 'SJ-MID'"
                + " and doc_key in ('notice/2028-07', 'monthly-report/2028-07')")).as("July is not over: nothing 暂定 now").isZero();
        assertThat(jdbc.queryForList("select name from campaign_task where campaign_code = 'SJ-MID' and cycle_id = 'monthlyAssessment'"
                + " order by created_at", String.class)).as("its tasks at the end, as before").endsWith("月度考核（2028年7月）");
        assertThat(managementService.createJobQuery().activityId(CampaignProcess.TIMER_LAST_MONTH_OVER)
                .processInstanceId(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey("SJ-MID")
                        .processDefinitionKey(CampaignProcess.KEY).singleResult().getId()).singleResult().getDuedate()).isEqualTo(java.util.Date.from(at("2028-08-01T09:00")));

        run.runUntil(at("2028-08-02T08:00"));

        assertThat(jdbc.queryForObject("select created_at from campaign_document where campaign_code = 'SJ-MID'"
                + " and doc_key = 'notice/2028-07'", java.sql.Timestamp.class).toInstant()).as("once July is over, on 1 August")
                .isBetween(at("2028-08-01T09:00"), at("2028-08-01T18:00"));
        assertThat(jdbc.queryForObject("select html from campaign_document where campaign_code = 'SJ-MID' and doc_key = 'notice/2028-07'",
                String.class)).contains("关于2028年7月区级部门和街镇考核排名的通报", "二、各街镇（按街镇牵头的本活动案件）")
                .as("final, not 暂定").doesNotContain("暂定", "不据此通报", "尚未结束");
        assertThat(jdbc.queryForObject("select html from campaign_document where campaign_code = 'SJ-MID'"
                + " and doc_key = 'monthly-report/2028-07'", String.class)).contains("六、街镇排名").doesNotContain("暂定", "见下期报告");
        assertThat(run.inboxBodies("shdshirongban1", "notice-issued")).filteredOn(b -> b.contains("2028年7月"))
                .as("sent once, as a month's 通报 is").hasSize(1);
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey("SJ-MID")
                .processDefinitionKey(CampaignProcess.KEY).count()).isZero();
        run.runUntil(at("2028-09-02T08:00"));
        assertThat(count("select count(*) from campaign_document where campaign_code = 'SJ-MID' and kind = 'NOTICE'"))
                .as("May, June and July, each once").isEqualTo(3);
    }

    /**
     * A 松江 campaign started before its template had the 月度考核 (s54) runs no such cycle: upgraded, it is shaped here by
     * taking that cycle out of its 周期工作. Its 报送 of the 25th issues the month before's final 通报 and 月度工作报告, as
     * nothing did on the 1st (~25 days late, but naming whom the rules name); each once.
     */
    @Test
    void aSongjiangCampaignStartedWithoutTheMonthlyAssessmentIssuesTheFinishedMonthsNoticeOnThe25th() {
        CampaignDriver run = start("songjiang-2024-satisfaction", "SJ-OLD", "2028-09-01", """
                {"phases":[{"from":"2028-09-01","to":"2028-10-10"},{"from":"2028-10-11","to":"2028-11-30"},\
                {"from":"2028-12-01","to":"2028-12-31"}]}""", "sjshirongban1");
        run.runUntil(at("2028-09-01T08:00"));
        String instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey("SJ-OLD")
                .processDefinitionKey(CampaignProcess.KEY).singleResult().getId();
        var assessment = java.util.Arrays.stream(runtimeService.getActivityInstance(instance).getActivityInstances("SubProcess_Cycles"))
                .filter(a -> "monthlyAssessment".equals(runtimeService.getVariable(a.getExecutionIds()[0], CampaignProcess.VAR_CYCLE_ID)))
                .findFirst().orElseThrow();
        runtimeService.createProcessInstanceModification(instance).cancelActivityInstance(assessment.getId()).execute();

        run.runUntil(at("2028-10-24T08:00"));
        assertThat(count("select count(*) from campaign_task where campaign_code = 'SJ-OLD' and cycle_id = 'monthlyAssessment'"))
                .as("no 月度考核 on 2 October").isZero();
        assertThat(count("select count(*) from campaign_document where campaign_code = 'SJ-OLD' and kind in ('NOTICE', 'MONTHLY_REPORT')"))
                .as("the 25th of September reports on September: August was before the campaign").isZero();

        run.runUntil(at("2028-10-26T08:00"));
        assertThat(jdbc.queryForObject("select created_at from campaign_document where campaign_code = 'SJ-OLD'"
                + " and doc_key = 'notice/2028-09'", java.sql.Timestamp.class).toInstant()).as("with October's 报送 of the 25th")
                .isBetween(at("2028-10-25T09:00"), at("2028-10-25T18:00"));
        assertThat(jdbc.queryForObject("select html from campaign_document where campaign_code = 'SJ-OLD' and doc_key = 'notice/2028-09'",
                String.class)).contains("关于2028年9月区级部门和街镇考核排名的通报").as("final").doesNotContain("暂定", "尚未结束");
        assertThat(count("select count(*) from campaign_document where campaign_code = 'SJ-OLD' and doc_key = 'monthly-report/2028-09'"))
                .isOne();
        assertThat(count("select count(*) from campaign_document where campaign_code = 'SJ-OLD' and doc_key = 'notice/2028-10'"))
                .as("October is still running").isZero();

        run.runUntil(at("2028-11-28T08:00"));
        assertThat(jdbc.queryForList("select doc_key from campaign_document where campaign_code = 'SJ-OLD' and kind = 'NOTICE'"
                + " order by created_at", String.class)).as("each month once").containsExactly("notice/2028-09", "notice/2028-10");
        assertThat(jdbc.queryForObject("select created_at from campaign_document where campaign_code = 'SJ-OLD'"
                + " and doc_key = 'notice/2028-10'", java.sql.Timestamp.class).toInstant()).as("Saturday 25 November's 报送, on Monday")
                .isBetween(at("2028-11-27T09:00"), at("2028-11-27T18:00"));
        assertThat(run.inboxBodies("shdshirongban1", "notice-issued")).hasSize(2);
    }

    /**
     * diffreview-s55 R1: 全面自查自纠 moved from 松江's second phase to its first while campaigns ran. A campaign started on the
     * old template (shaped here by withdrawing the task its first phase handed out) gets it when its second phase begins,
     * from each unit once, counted in that phase; its first phase's deadline (20 days after 1 March) has passed, so it is due
     * 20 days after it is handed out. Its 要求 and the 任务下达 say it is 补发 and of which phase (finalreview-s55 F4). A task
     * added to the first phase once the second had begun (成立专班、明确专人, shaped the same way) arrives when the third
     * begins, due by its rule (7 days) but no later than the campaign's last day, 5 June. The third phase hands out nothing
     * else again.
     */
    @Test
    void aTaskMovedToAnEarlierPhaseOfARunningCampaignIsHandedOutOnceWhenItsNextPhaseBegins() {
        CampaignDriver run = start("songjiang-2024-satisfaction", "SJ-MOVED", "2029-03-01", """
                {"phases":[{"from":"2029-03-01","to":"2029-04-10"},{"from":"2029-04-11","to":"2029-05-31"},\
                {"from":"2029-06-01","to":"2029-06-05"}]}""", "sjshirongban1");
        run.runUntil(at("2029-03-01T08:00"));
        String units = "select unit_id from campaign_task where campaign_code = 'SJ-MOVED' and definition_id = 'selfInspection'"
                + " order by unit_id";
        List<String> selfInspecting = jdbc.queryForList(units, String.class);
        assertThat(selfInspecting).as("the ten departments and the towns and streets").hasSizeGreaterThan(10).contains("jiuting");
        withdraw("SJ-MOVED", "selfInspection", "升级前的模板在第一阶段没有此任务");

        run.runUntil(at("2029-04-11T08:00"));
        assertThat(run.phaseStatus(2)).isEqualTo("RUNNING");
        assertThat(jdbc.queryForList(units, String.class)).as("handed out when the second phase begins").isEqualTo(selfInspecting);
        assertThat(jdbc.queryForList("select distinct phase_no from campaign_task where campaign_code = 'SJ-MOVED'"
                + " and definition_id = 'selfInspection'", Integer.class)).as("counted in the phase it is handed out in").containsExactly(2);
        assertThat(jdbc.queryForList("select distinct due_at from campaign_task where campaign_code = 'SJ-MOVED'"
                + " and definition_id = 'selfInspection'", java.sql.Timestamp.class)).extracting(java.sql.Timestamp::toInstant)
                .as("not 21 March, long past: 20 days from 11 April").containsExactly(at("2029-05-01T17:00"));
        var town = run.task("selfInspection/jiuting");
        assertThat(town.getTenantId()).as("in the town's own organisation, as in the first phase").isEqualTo("jiuting");
        assertThat(town.getDueDate()).isEqualTo(java.util.Date.from(at("2029-05-01T17:00")));
        assertThat((String) taskService.getVariable(town.getId(), CampaignTaskProcess.VAR_REQUIREMENT)).as("says it comes late, and why")
                .startsWith("补发：本任务属于“补齐短板弱项”阶段，是本活动进入该阶段后模板才新增或移入的，现于“自查自纠和联合检查”阶段开始时补发")
                .contains("尽快组织本单位全面自查");
        assertThat(run.inboxBodies("chuangban1", TaskIssueNotices.TEMPLATE)).last().asString().contains("全面自查自纠", "要求：补发");
        assertThat((String) taskService.getVariable(run.task("guideKeyPlaces/jiuting").getId(), CampaignTaskProcess.VAR_REQUIREMENT))
                .as("the phase's own tasks are not late").doesNotContain("补发");
        withdraw("SJ-MOVED", "establishTaskForce", "第二阶段开始后才新增的任务");

        run.runUntil(at("2029-06-01T08:00"));
        assertThat(run.phaseStatus(3)).isEqualTo("RUNNING");
        assertThat(jdbc.queryForList(units, String.class)).as("each unit's once").isEqualTo(selfInspecting);
        assertThat(jdbc.queryForList("select unit_id from campaign_task where campaign_code = 'SJ-MOVED'"
                + " and definition_id = 'establishTaskForce' order by unit_id", String.class)).as("an added task as a moved one")
                .isEqualTo(selfInspecting);
        var added = run.task("establishTaskForce/jiuting");
        assertThat(added.getDueDate()).as("7 days from 1 June is after the campaign's last day, 5 June")
                .isEqualTo(java.util.Date.from(at("2029-06-05T17:00")));
        assertThat((String) taskService.getVariable(added.getId(), CampaignTaskProcess.VAR_REQUIREMENT))
                .startsWith("补发：本任务属于“补齐短板弱项”阶段，是本活动进入该阶段后模板才新增或移入的，现于“长效巩固迎接测评”阶段开始时补发");
        assertThat(jdbc.queryForList("select distinct phase_no from campaign_task where campaign_code = 'SJ-MOVED'"
                + " and definition_id = 'establishTaskForce'", Integer.class)).containsExactly(3);
    }

    /** Withdraws a phase task from a running campaign as if its template had not had it when its phase began. */
    private void withdraw(String code, String definitionId, String why) {
        for (String instance : jdbc.queryForList("select process_instance_id from campaign_task where campaign_code = ?"
                + " and definition_id = ?", String.class, code, definitionId)) {
            runtimeService.deleteProcessInstance(instance, why);
        }
        jdbc.update("delete from campaign_task where campaign_code = ? and definition_id = ?", code, definitionId);
    }
}
