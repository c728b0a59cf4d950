package org.shirong.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shirong.system.SharesSpringContext;
import org.shirong.system.ShirongWebTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code GET /api/campaigns/{code}/monthly-report?period=}: the monthly report as the report cycle would issue it, not
 * stored, read by whoever may read the campaign's organisation (404 to anyone else). Its tables of cases per unit and per
 * plan item, now counted in the database, are checked against the same figures counted case by case (the rules the
 * report counted with before) on a varied 锦溪 931 campaign: cases reported, due and closed on both sides of the edges of
 * September 2024, closed on time, late and not at all, marked red or not, under plan items, under none and under an item
 * the plan does not list, and another campaign's cases and duplicates merged into another case, which never count.
 */
@ShirongWebTest
@SharesSpringContext
class MonthlyReportPreviewTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** The campaign's units, then the 931 items' lead units that are none of them (创建办, 城管中队: s52 J11), then others. */
    private static final List<String> UNITS = List.of("jxjianguan", "jxshuili", "jxhuanwei", "jxchuangjian", "jxchengguan", "jxgone");
    private static final Map<String, String> ITEM_NAMES = Map.of("RECTIFY_OLD_ESTATES", "整治老旧小区", "RECTIFY_TOWN_RIVERS",
            "整治镇区河道环境");

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TestRestTemplate rest;
    @Autowired
    CampaignDocuments documents;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    RankingNotices notices;

    CampaignFixture campaign;
    CampaignFixture other;

    @BeforeEach
    void cases() {
        ClockUtil.setCurrentTime(Date.from(local("2024-10-05T10:00")));
        campaign = new CampaignFixture(jdbc, "DOCPV");
        other = new CampaignFixture(jdbc, "DOCPV2");
        campaign.clear();
        other.clear();
        campaign.campaign("锦溪镇 931 预览", 2, "jinxi", "jinxi-2017-931", "锦溪镇931")
                .unit("jxjianguan", "建管所", 1).unit("jxshuili", "水利站", 2).unit("jxhuanwei", "环卫所", 3);
        other.campaign("锦溪镇另一项活动", 1, "jinxi", "jinxi-2017-931", "锦溪镇931").unit("jxjianguan", "建管所", 1);
        List<String> categories = List.of("RECTIFY_OLD_ESTATES", "RECTIFY_TOWN_RIVERS", "EXPOSED_GARBAGE", "NOT_IN_THE_PLAN");
        Random draw = new Random(931);
        LocalDateTime first = LocalDateTime.parse("2024-08-25T09:00");
        for (int i = 0; i < 80; i++) {
            LocalDateTime reported = first.plusHours(draw.nextInt(47 * 24));
            LocalDateTime due = reported.plusHours(4 + draw.nextInt(20 * 24));
            LocalDateTime closed = draw.nextInt(3) == 0 ? null : reported.plusHours(1 + draw.nextInt(25 * 24));
            CampaignFixture to = draw.nextInt(5) == 0 ? other : campaign;
            String caseNo = to.addCase(categories.get(draw.nextInt(categories.size())), UNITS.get(draw.nextInt(UNITS.size())),
                    text(reported), text(due), closed == null ? null : text(closed), draw.nextBoolean());
            if (draw.nextInt(8) == 0) {
                jdbc.update("update rect_case set plan_item = null where case_no = ?", caseNo);
            }
        }
        // every seventh case a duplicate merged into another: counted once, as that case, so never here
        List<String> caseNos = jdbc.queryForList("select case_no from rect_case where campaign_code = 'DOCPV' order by case_no",
                String.class);
        for (int i = 6; i < caseNos.size(); i += 7) {
            jdbc.update("update rect_case set status = 'MERGED', merged_into = ?, closed_at = reported_at, closed_on_time = null"
                    + " where case_no = ?", caseNos.get(0), caseNos.get(i));
        }
    }

    @AfterEach
    void clear() {
        campaign.clear();
        other.clear();
        ClockUtil.reset();
    }

    @Test
    void theReportOfAPastAndOfTheRunningMonthCountsAsCaseByCase() {
        for (String period : List.of("2024-09", "2024-10")) {
            ResponseEntity<String> response = rest.withBasicAuth("jxtuijinban1", "demo")
                    .getForEntity("/api/campaigns/DOCPV/monthly-report?period=" + period, String.class);

            assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
            String html = response.getBody();
            Instant from = local(period + "-01T00:00");
            Instant until = from.atZone(SHANGHAI).plusMonths(1).toInstant();
            Instant now = ClockUtil.getCurrentTime().toInstant();
            assertThat(HtmlTables.rows(html, "cases")).as(period).isEqualTo(casesPerUnit(from, until));
            // which figures are the month's and which stand as of the report's day (jtreview-s59 T5)
            assertThat(html).as(period).contains("<p class=\"as-of-note\">口径：“案件办理情况”各数为" + name(period) + "内的件数",
                    "为截至报告日（" + LocalDate.ofInstant(now, SHANGHAI).format(org.shirong.system.ChineseDates.DAY) + "）的情况");
            assertThat(HtmlTables.rows(html, "plan-items")).as(period)
                    .isEqualTo(planItems(HtmlTables.rows(html, "plan-items"), until.isAfter(now) ? now : until));
        }
        assertThat(documents.list("DOCPV")).as("a preview is never stored").isEmpty();
    }

    private static String name(String month) {
        java.time.YearMonth m = java.time.YearMonth.parse(month);
        return m.getYear() + "年" + m.getMonthValue() + "月";
    }

    /**
     * Two cases of 建管所 closed in September, one on time, one late (red), both reopened (重新打开,
     * {@code POST /api/cases/{caseNo}/reopen}) on 5 October, the first closed again on 20 October: September's report does
     * not change, neither its cases per unit (closures, the late one's 超期, open at its end) nor its plan items as they
     * stood at its end; October's counts both open at its end once reopened, and the first one's second closure.
     */
    @Test
    void aCaseReopenedInOctoberStaysClosedInSeptembersReportAndItsSecondClosureCountsInOctober() {
        String caseNo = campaign.addCase("RECTIFY_OLD_ESTATES", "jxjianguan", "2024-09-10T09:00", "2024-09-25T09:00",
                "2024-09-20T09:00", false);
        String late = campaign.addCase("RECTIFY_OLD_ESTATES", "jxjianguan", "2024-09-11T09:00", "2024-09-15T09:00",
                "2024-09-18T09:00", true);
        jdbc.update("update rect_case set limit_amount = 5, limit_unit = 'WORKING_DAYS' where case_no in (?, ?)", caseNo, late);
        String september = report("2024-09");
        List<List<String>> octoberBefore = HtmlTables.rows(report("2024-10"), "cases");
        try {
            for (String reopen : List.of(caseNo, late)) {
                ResponseEntity<Map> reopened = rest.withBasicAuth("jxtuijinban1", "demo").postForEntity("/api/cases/" + reopen
                        + "/reopen", Map.of("reason", "老旧小区楼道堆物又出现了"), Map.class);
                assertThat(reopened.getStatusCode()).as("%s", reopened.getBody()).isEqualTo(HttpStatus.OK);
            }

            String septemberAfterReopening = report("2024-09");
            assertThat(HtmlTables.rows(septemberAfterReopening, "cases")).isEqualTo(HtmlTables.rows(september, "cases"));
            assertThat(HtmlTables.rows(septemberAfterReopening, "plan-items")).isEqualTo(HtmlTables.rows(september, "plan-items"));
            List<List<String>> octoberReopened = HtmlTables.rows(report("2024-10"), "cases");
            assertThat(jianguan(octoberReopened)).as("open at October's end once reopened")
                    .isEqualTo(plus(jianguan(octoberBefore), 0, 0, 2));
            assertThat(last(octoberReopened)).isEqualTo(plus(last(octoberBefore), 0, 0, 2));

            ClockUtil.setCurrentTime(Date.from(local("2024-10-20T10:00")));
            jdbc.update("update rect_case set status = 'CLOSED', submitted_at = ?, closed_at = ?, closed_on_time = true"
                    + " where case_no = ?", Timestamp.from(local("2024-10-18T10:00")), Timestamp.from(local("2024-10-20T10:00")), caseNo);
            List<List<String>> octoberClosedAgain = HtmlTables.rows(report("2024-10"), "cases");
            assertThat(jianguan(octoberClosedAgain)).as("closed again in October").isEqualTo(plus(jianguan(octoberBefore), 1, 0, 1));
            assertThat(last(octoberClosedAgain)).isEqualTo(plus(last(octoberBefore), 1, 0, 1));
            assertThat(HtmlTables.rows(report("2024-09"), "cases")).isEqualTo(HtmlTables.rows(september, "cases"));
        } finally {
            for (String reopened : List.of(caseNo, late)) {
                runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reopened).list()
                        .forEach(pi -> runtimeService.deleteProcessInstance(pi.getId(), "test over", true));
                jdbc.update("delete from rect_case_round where case_no = ?", reopened);
                jdbc.update("delete from rect_case_event where case_no = ?", reopened);
            }
        }
    }

    /**
     * sjreview F19: a report whose month, or an open case's deadline, lies in 2027, whose calendar is provisional, says
     * so under its date; September 2024 with every deadline in 2024 says nothing of the calendar.
     */
    @Test
    void aReportWhoseMonthOrOpenDeadlinesReachAProvisionalYearSaysSo() {
        String warning = "<p class=\"calendar-warning\"><strong>提示：</strong>2027年工作日历为暂定（仅法定节日，没有调休），"
                + "待国务院办公厅公布放假安排后更新";
        assertThat(report("2024-09")).doesNotContain("<p class=\"calendar-warning\">", "工作日历");
        ClockUtil.setCurrentTime(Date.from(local("2027-01-20T10:00")));
        assertThat(report("2027-01")).as("a month of the provisional year, once it has begun").contains(warning);
        ClockUtil.setCurrentTime(Date.from(local("2024-10-05T10:00")));
        campaign.addCase("RECTIFY_OLD_ESTATES", "jxjianguan", "2024-09-10T09:00", "2027-01-10T09:00", null, false);
        assertThat(report("2024-09")).contains(warning);
    }

    @Test
    void onlyThoseWhoMayReadTheCampaignsOrganisationSeeItsReport() {
        assertThat(rest.withBasicAuth("chengguan1", "demo").getForEntity("/api/campaigns/DOCPV/monthly-report?period=2024-09",
                String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(rest.getForEntity("/api/campaigns/DOCPV/monthly-report?period=2024-09", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(rest.withBasicAuth("jxtuijinban1", "demo").getForEntity("/api/campaigns/DOCPV/monthly-report?period=2024-9",
                String.class).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(rest.withBasicAuth("jxtuijinban1", "demo").getForEntity("/api/campaigns/NOSUCH/monthly-report?period=2024-09",
                String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    /** A period far beyond {@code shirong.input.dates} (as of the engine clock) or with control characters is named, not reported as zeros. */
    @Test
    @SuppressWarnings({"rawtypes", "unchecked"})
    void aPeriodOutsideTheDatesPeopleMayTypeOrWithControlCharactersIsRefused() {
        for (String period : List.of("2099", "2099-Q4", "2099-12", "2034-11")) {
            ResponseEntity<Map> refused = rest.withBasicAuth("jxtuijinban1", "demo")
                    .getForEntity("/api/campaigns/DOCPV/monthly-report?period=" + period, Map.class);
            assertThat(refused.getStatusCode()).as(period).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat((List<Map<String, Object>>) refused.getBody().get("errors")).as(period).singleElement().satisfies(e ->
                    assertThat(e).containsEntry("field", "period").containsEntry("code", "INVALID_PERIOD").containsEntry("message",
                            "考核期间 " + period + " 超出可查询的范围（2000-01-01 至 2034-10-05），请检查年份"));
        }
        ResponseEntity<Map> lines = rest.withBasicAuth("jxtuijinban1", "demo")
                .getForEntity(java.net.URI.create("/api/campaigns/DOCPV/monthly-report?period=%0A2024-09%0A"), Map.class);
        assertThat(lines.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(lines.getBody().toString()).contains("period", "考核期间只能填写一行");
    }

    /**
     * The monthly report, as the campaign's scores, only of the campaign's months that have begun (the 驾驶舱 offers no
     * other): before the campaign (started 1 March 2024, its phases from April to November), after it or in the future it
     * is refused naming {@code period}; a quarter with days of the campaign is reported.
     */
    @Test
    @SuppressWarnings({"rawtypes", "unchecked"})
    void aMonthBeforeTheCampaignAfterItOrNotBegunYetIsRefused() {
        campaign.phase(1, "明确任务制定方案", "2024-04-01", "2024-06-30").phase(2, "深入推进全面整治", "2024-07-01", "2024-11-30");
        Map<String, String> refusals = Map.of(
                "2024-02", "PERIOD_BEFORE_CAMPAIGN:考核期间 2024年2月 早于活动“锦溪镇 931 预览”开始的月份（2024年3月），可选 2024年3月至 2024年10月",
                "2024-11", "PERIOD_NOT_BEGUN:考核期间 2024年11月 尚未开始，还没有可考核的数字，可选 2024年3月至 2024年10月",
                "2034-10", "PERIOD_AFTER_CAMPAIGN:考核期间 2034年10月 晚于活动“锦溪镇 931 预览”结束的月份（2024年11月），可选 2024年3月至 2024年10月");
        refusals.forEach((period, error) -> {
            ResponseEntity<Map> refused = rest.withBasicAuth("jxtuijinban1", "demo")
                    .getForEntity("/api/campaigns/DOCPV/monthly-report?period=" + period, Map.class);
            assertThat(refused.getStatusCode()).as(period).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat((List<Map<String, Object>>) refused.getBody().get("errors")).as(period).singleElement().satisfies(e ->
                    assertThat(e.get("field") + ":" + e.get("code") + ":" + e.get("message")).isEqualTo("period:" + error));
        });
        assertThat(report("2024-03")).contains("2024年3月");
        ClockUtil.setCurrentTime(Date.from(local("2025-01-10T10:00")));
        ResponseEntity<Map> after = rest.withBasicAuth("jxtuijinban1", "demo")
                .getForEntity("/api/campaigns/DOCPV/monthly-report?period=2024-12", Map.class);
        assertThat(after.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((List<Map<String, Object>>) after.getBody().get("errors")).singleElement().satisfies(e -> assertThat(e)
                .containsEntry("field", "period").containsEntry("code", "PERIOD_AFTER_CAMPAIGN").containsEntry("message",
                        "考核期间 2024年12月 晚于活动“锦溪镇 931 预览”结束的月份（2024年11月），可选 2024年3月至 2024年11月"));
        assertThat(report("2024-Q4")).contains("2024年第四季度");
    }

    /**
     * A 通报 is of a period that is over: a month or year still running (its ranking 暂定, naming no unit) or not begun is
     * refused naming {@code period}, and nothing is stored under its key, which stays free for the 通报 once it is over.
     */
    @Test
    void aNoticeOfARunningOrFutureMonthIsRefusedNamingThePeriodAndAnEndedOneIsIssued() {
        campaign.phase(1, "明确任务制定方案", "2024-04-01", "2024-06-30").phase(2, "深入推进全面整治", "2024-07-01", "2024-11-30");
        Map<String, String> refusals = Map.of(
                "2024-10", "PERIOD_NOT_ENDED:考核期间 2024年10月 尚未结束：本期排名为暂定结果，不列入通报名单；请在本期结束后（2024年11月1日起）印发该期通报",
                "2024", "PERIOD_NOT_ENDED:考核期间 2024年 尚未结束：本期排名为暂定结果，不列入通报名单；请在本期结束后（2025年1月1日起）印发该期通报",
                "2024-11", "PERIOD_NOT_BEGUN:考核期间 2024年11月 尚未开始，还没有可考核的数字，可选 2024年3月至 2024年10月");
        refusals.forEach((period, error) -> {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> notices.issueAssessed("jinxi", "DOCPV", Instant.now(), period, "年考核"))
                    .as(period).isInstanceOfSatisfying(org.shirong.system.InvalidRequestException.class, e -> assertThat(e.errors())
                            .singleElement().satisfies(f -> assertThat(f.field() + ":" + f.code() + ":" + f.message()).isEqualTo("period:" + error)));
            assertThat(notices.periodRefusal("DOCPV", period)).as(period).isPresent();
        });
        assertThat(jdbc.queryForObject("select count(*) from campaign_document where campaign_code = 'DOCPV'", Integer.class)).isZero();

        assertThat(notices.periodRefusal("DOCPV", "2024-09")).isEmpty();
        assertThat(notices.issueAssessed("jinxi", "DOCPV", Instant.now(), "2024-09", "月考核")).get()
                .satisfies(issued -> assertThat(issued.document().title()).endsWith("关于2024年9月单位考核结果的通报"));
    }

    /**
     * jtreview T2, T3, T10: a 九亭 campaign's report (its template has no plan items) has no 整治项目 section and numbers the
     * others on; its named unit's total is stated on its basis (the items that applied, their maximum and its points) so
     * that its 失分 add up; and the running month's ranking is provisional, naming no unit though one is far below 60.
     */
    @Test
    void aJiutingReportLeavesOutPlanItemsStatesTheBasisOfItsTotalsAndNamesNoUnitWhileTheMonthRuns() {
        CampaignFixture jt = new CampaignFixture(jdbc, "DOCJT");
        try {
            jt.clear();
            jt.campaign("九亭镇创建预览", 2).unit("chengguan", "城管中队", 1).unit("huanwei", "环卫所", 2);
            // September: 城管中队 1 on time + 1 open past due → 50 of 90 → 55.56 D, named; 环卫所 1 on time → A.
            jt.addCase("chengguan", "2024-09-02T09:00", "2024-09-05T09:00", "2024-09-04T10:00", false);
            jt.addCase("chengguan", "2024-09-10T09:00", "2024-09-11T09:00", null, true);
            jt.addCase("huanwei", "2024-09-12T09:00", "2024-09-13T09:00", "2024-09-12T15:00", false);
            // October (running: today is 5 October): 环卫所's case past due and open → far below 60, yet not named.
            jt.addCase("huanwei", "2024-10-01T09:00", "2024-10-02T09:00", null, true);

            String september = jiuting("2024-09");
            assertThat(september).doesNotContain("整治项目", "其他（不属于整治项目）").contains("一、总体进展", "二、案件办理情况",
                    "三、单位考核", "四、列入通报范围的单位", "按考核细则列入通报范围 1 个单位：城管中队（本期通报尚未印发）。")
                    .as("no 通报 of September was issued (supreview-s54 V6)").doesNotContain("四、通报单位", "通报 1 个单位");
            assertThat(HtmlTables.rows(september, "plan-items")).isEmpty();
            List<String> chengguan = HtmlTables.rows(september, "ranking").stream().filter(r -> r.get(1).equals("城管中队"))
                    .findFirst().orElseThrow();
            String[] basis = chengguan.get(3).split("/");
            assertThat(new java.math.BigDecimal(basis[0]).multiply(new java.math.BigDecimal(100))
                    .divide(new java.math.BigDecimal(basis[1]), 2, java.math.RoundingMode.HALF_UP).toPlainString())
                    .as("总分 = 得分 ÷ 满分 × 100").isEqualTo(chengguan.get(2));
            assertThat(HtmlTables.rows(september, "named-units")).singleElement().satisfies(row -> assertThat(row.get(4))
                    .startsWith("本期适用评分项满分 " + basis[1] + " 分，得 " + basis[0] + " 分，折合百分制 " + chengguan.get(2) + " 分；失分：")
                    .contains("按期结案率 50.00% 扣 20.00 分"));
            assertThat(september).contains("总分 = 本单位本期适用评分项的得分之和 ÷ 满分之和 × 100");

            String october = jiuting("2024-10");
            assertThat(october).contains("2024年10月尚未结束，以下为截至2024年10月5日 10:00的暂定排名",
                    "排名为截至2024年10月5日 10:00的暂定结果，不据此通报").doesNotContain("本期无通报单位");
            assertThat(HtmlTables.rows(october, "ranking")).anySatisfy(r -> assertThat(r.get(1)).isEqualTo("环卫所"));
            assertThat(HtmlTables.rows(october, "named-units")).isEmpty();
        } finally {
            jt.clear();
        }
    }

    private String jiuting(String period) {
        ResponseEntity<String> response = rest.withBasicAuth("chuangban1", "demo")
                .getForEntity("/api/campaigns/DOCJT/monthly-report?period=" + period, String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private String report(String period) {
        ResponseEntity<String> response = rest.withBasicAuth("jxtuijinban1", "demo")
                .getForEntity("/api/campaigns/DOCPV/monthly-report?period=" + period, String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private static List<String> jianguan(List<List<String>> lines) {
        return lines.stream().filter(l -> l.get(0).equals("建管所")).findFirst().orElseThrow();
    }

    private static List<String> last(List<List<String>> lines) {
        return lines.get(lines.size() - 1);
    }

    /** A line of cases per unit with its closed, overdue and open-at-end figures raised by those given. */
    private static List<String> plus(List<String> line, int closed, int overdue, int openAtEnd) {
        return List.of(line.get(0), line.get(1), "" + (Integer.parseInt(line.get(2)) + closed),
                "" + (Integer.parseInt(line.get(3)) + overdue), "" + (Integer.parseInt(line.get(4)) + openAtEnd));
    }

    /** The campaign's cases as the report read them before, one by one. */
    private record Row(String leadUnit, String planItem, Instant reported, Instant closed, Instant due, boolean overdue,
            Boolean closedOnTime) {
    }

    private List<Row> rows() {
        return jdbc.query("select lead_unit, plan_item, reported_at, closed_at, due_at, overdue, closed_on_time from rect_case"
                + " where campaign_code = 'DOCPV' and status <> 'MERGED'", (rs, n) -> new Row(rs.getString(1), rs.getString(2), instant(rs.getTimestamp(3)),
                instant(rs.getTimestamp(4)), instant(rs.getTimestamp(5)), rs.getBoolean(6), (Boolean) rs.getObject(7)));
    }

    /** The cases per unit (the campaign's units in order, then others by id) and their sum, counted case by case. */
    private List<List<String>> casesPerUnit(Instant from, Instant until) {
        Map<String, int[]> counts = new LinkedHashMap<>();
        UNITS.forEach(u -> counts.put(u, new int[4]));
        for (Row c : rows()) {
            int[] n = counts.get(c.leadUnit());
            n[0] += within(c.reported(), from, until) ? 1 : 0;
            n[1] += within(c.closed(), from, until) ? 1 : 0;
            n[2] += within(c.due(), from, until) && (c.overdue() || Boolean.FALSE.equals(c.closedOnTime())) ? 1 : 0;
            n[3] += c.reported().isBefore(until) && (c.closed() == null || !c.closed().isBefore(until)) ? 1 : 0;
        }
        Map<String, String> names = Map.of("jxjianguan", "建管所", "jxshuili", "水利站", "jxhuanwei", "环卫所",
                "jxchuangjian", "创建办", "jxchengguan", "城管中队", "jxgone", "jxgone");
        List<List<String>> lines = new ArrayList<>();
        int[] sum = new int[4];
        counts.forEach((unit, n) -> {
            if (!unit.equals("jxgone") || n[0] + n[1] + n[2] + n[3] > 0) {
                lines.add(line(names.get(unit), n));
                for (int k = 0; k < 4; k++) {
                    sum[k] += n[k];
                }
            }
        });
        lines.add(line("合计", sum));
        return lines;
    }

    /** The plan-item lines shown (their names and units kept) with the figures counted case by case at {@code asOf}. */
    private List<List<String>> planItems(List<List<String>> shown, Instant asOf) {
        Map<String, int[]> counts = new LinkedHashMap<>();
        for (Row c : rows()) {
            if (c.reported() != null && c.reported().isAfter(asOf)) {
                continue;
            }
            String name = c.planItem() == null ? null : ITEM_NAMES.get(c.planItem());
            int[] n = counts.computeIfAbsent(name == null ? "其他（不属于整治项目）" : name, k -> new int[4]);
            boolean closed = c.closed() != null && !c.closed().isAfter(asOf);
            n[0]++;
            n[1] += closed ? 1 : 0;
            n[2] += closed && Boolean.TRUE.equals(c.closedOnTime()) ? 1 : 0;
            n[3] += !(closed && Boolean.TRUE.equals(c.closedOnTime())) && c.due() != null && c.due().isBefore(asOf) ? 1 : 0;
        }
        assertThat(counts).as("cases under each kind of item").hasSize(3);
        int[] sum = new int[4];
        counts.values().forEach(n -> {
            for (int k = 0; k < 4; k++) {
                sum[k] += n[k];
            }
        });
        List<List<String>> lines = new ArrayList<>();
        for (List<String> row : shown.subList(0, shown.size() - 1)) {
            int[] n = counts.getOrDefault(row.get(0), new int[4]);
            lines.add(List.of(row.get(0), row.get(1), row.get(2), "" + n[0], "" + n[1], "" + n[2], "" + n[3]));
        }
        lines.add(List.of("合计", "", "", "" + sum[0], "" + sum[1], "" + sum[2], "" + sum[3]));
        return lines;
    }

    private static List<String> line(String name, int[] n) {
        return List.of(name, "" + n[0], "" + n[1], "" + n[2], "" + n[3]);
    }

    private static boolean within(Instant t, Instant from, Instant until) {
        return t != null && !t.isBefore(from) && t.isBefore(until);
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static Instant local(String text) {
        return LocalDateTime.parse(text).atZone(SHANGHAI).toInstant();
    }

    private static String text(LocalDateTime t) {
        return t.format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm"));
    }
}
