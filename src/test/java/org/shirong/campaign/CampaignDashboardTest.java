package org.shirong.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.shirong.report.CampaignFixture.at;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.shirong.report.CampaignFixture;
import org.shirong.system.ShirongWebTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.shirong.system.SharesSpringContext;

/**
 * The 活动驾驶舱's figures: {@code GET /api/campaigns/{code}/dashboard} counts a seeded campaign's cases as worked out by
 * hand below and as {@code GET /api/cases} lists them, each number's list ({@code …/dashboard/cases}) holds exactly the
 * cases it counts (and says how many when it cannot show them all), {@code GET /api/dashboard}'s cards carry the same
 * totals, the ranking is {@code GET /api/scores}'s, and a unit is refused. Cockpit itself: {@code CampaignBrowserTest}.
 */
@ShirongWebTest
@SharesSpringContext
@SuppressWarnings({"unchecked", "rawtypes"})
class CampaignDashboardTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TestRestTemplate rest;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    org.camunda.bpm.engine.ManagementService managementService;
    @Autowired
    org.camunda.bpm.engine.TaskService taskService;
    @Autowired
    org.shirong.scoring.UnitScores unitScores;

    /**
     * 锦溪 931 campaign on 5 October 2024 (period 2024-09), by hand:
     * 建管所 — 3 cases of 整治老旧小区: closed on time in September; open and past due (红, returned twice, under 督办 twice);
     * open, past its warning instant (黄, reworked twice). 水利站 — 2 of 整治镇区河道环境: closed late in September (督办
     * before); open, green (returned once). 城管中队 (not a campaign unit) — 1 under no plan item, closed late on 2
     * October. And 1 reported this morning, not yet dispatched (no lead unit). 回退 and 返工 count cases, not times.
     */
    @Test
    void theDashboardCountsTheCampaignsCasesAsTheCaseListShowsThemAndIsRefusedToAUnit() {
        ClockUtil.setCurrentTime(Date.from(at("2024-10-05T10:00")));
        CampaignFixture jx = new CampaignFixture(jdbc, "DASHJX");
        CampaignFixture other = new CampaignFixture(jdbc, "DASHJX2");
        try {
            clear(jx, "DASHJX");
            clear(other, "DASHJX2");
            jx.campaign("锦溪镇 931 驾驶舱测试", 2, "jinxi", "jinxi-2017-931", "锦溪镇931")
                    .phase(1, "明确任务制定方案", "2024-08-01", "2024-08-31").phase(2, "深入推进全面整治", "2024-09-01", "2024-11-30")
                    .phase(3, "考核评估表彰先进", "2024-12-01", "2024-12-31")
                    .unit("jxjianguan", "建管所", 1).unit("jxshuili", "水利站", 2).unit("jxhuanwei", "环卫所", 3)
                    .task(2, "jxjianguan", true).task(2, "jxshuili", false);
            jx.addCase("RECTIFY_OLD_ESTATES", "jxjianguan", "2024-09-02T09:00", "2024-10-20T09:00", "2024-09-10T10:00", false);
            String red = jx.addCase("RECTIFY_OLD_ESTATES", "jxjianguan", "2024-09-03T09:00", "2024-09-05T09:00", null, true);
            String yellow = jx.addCase("RECTIFY_OLD_ESTATES", "jxjianguan", "2024-10-01T09:00", "2024-10-08T09:00", null, false);
            String late = jx.addCase("RECTIFY_TOWN_RIVERS", "jxshuili", "2024-09-04T09:00", "2024-09-06T09:00", "2024-09-08T09:00", true);
            String green = jx.addCase("RECTIFY_TOWN_RIVERS", "jxshuili", "2024-10-02T09:00", "2024-10-30T09:00", null, false);
            jx.addCase("EXPOSED_GARBAGE", "jxchengguan", "2024-09-05T09:00", "2024-09-06T09:00", "2024-10-02T09:00", true);
            String undispatched = jx.addCase("EXPOSED_GARBAGE", null, "2024-10-05T09:30", "2024-10-05T09:30", null, false);
            jdbc.update("update rect_case set status = 'REPORTED', dispatched_at = null, due_at = null where case_no = ?", undispatched);
            // Returned twice, reworked twice, returned once: cases, not times, are counted.
            // (returns are counted from the RETURNED steps, by the unit that made them, as scoring counts them)
            jdbc.update("update rect_case set return_count = 2 where case_no = ?", red);
            returned(red, "jxjianguan", "2024-09-03T10:00");
            returned(red, "jxjianguan", "2024-09-03T15:00");
            jdbc.update("update rect_case set warn_at = ?, rework_count = 2 where case_no = ?", Timestamp.from(at("2024-10-04T09:00")), yellow);
            jdbc.update("update rect_case set warn_at = ?, return_count = 1 where case_no = ?", Timestamp.from(at("2024-10-25T09:00")), green);
            returned(green, "jxshuili", "2024-10-02T10:00");
            supervise(red, "2024-10-03T15:00", "请尽快整改");
            supervise(red, "2024-10-04T15:00", "请于明日前整改到位");
            supervise(late, "2024-09-07T15:00", "已结案的督办不再列出");

            ResponseEntity<Map> response = rest.withBasicAuth("jxtuijinban1", "demo")
                    .getForEntity("/api/campaigns/DASHJX/dashboard?period=2024-09", Map.class);
            assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
            Map d = response.getBody();
            assertThat((Map) d.get("campaign")).containsEntry("organizationName", "锦溪镇").containsEntry("currentPhaseNo", 2)
                    .containsEntry("currentPhaseName", "深入推进全面整治");
            assertThat(d.get("today")).isEqualTo("2024-10-05");
            assertThat((List<Map>) d.get("phases")).extracting(p -> p.get("name") + " " + p.get("current"))
                    .containsExactly("明确任务制定方案 false", "深入推进全面整治 true", "考核评估表彰先进 false");
            assertThat((Map) d.get("period")).containsEntry("from", "2024-09-01").containsEntry("to", "2024-09-30");

            // unit: open, red, yellow, closed on time / late in September, cases returned, cases reworked
            assertThat((List<Map>) d.get("units")).extracting(CampaignDashboardTest::figures).containsExactly(
                    "建管所 2 1 1 1 0 1 1", "水利站 1 0 0 0 1 1 0", "环卫所 0 0 0 0 0 0 0",
                    "创建办 0 0 0 0 0 0 0", "城管中队 0 0 0 0 0 0 0", "未派遣（尚无牵头单位） 1 0 0 0 0 0 0");
            // 创建办 leads 整治镇郊结合部 and 提升长效管理水平 but is no participant: a lead unit is listed without cases (s52 J11)
            assertThat(figures((Map) d.get("total"))).as("the total row counts every case, the undispatched one too")
                    .isEqualTo("合计 4 1 1 1 1 2 1");

            // The same figures counted from the case list (GET /api/cases).
            List<Map> listed = cases("jxtuijinban1", "DASHJX");
            assertThat(listed).hasSize(7);
            Instant now = at("2024-10-05T10:00");
            Predicate<Map> open = c -> !"CLOSED".equals(c.get("status"));
            Predicate<Map> overdue = c -> open.test(c) && c.get("dueAt") != null && Instant.parse((String) c.get("dueAt")).isBefore(now);
            for (Map unit : (List<Map>) d.get("units")) {
                List<Map> own = listed.stream().filter(c -> "none".equals(unit.get("unitId")) ? c.get("leadUnit") == null
                        : unit.get("unitId").equals(c.get("leadUnit"))).toList();
                assertThat(own.stream().filter(open).count()).as("在办 %s", unit.get("unitName")).isEqualTo(((Number) unit.get("open")).longValue());
                assertThat(own.stream().filter(overdue).count()).as("红灯 %s", unit.get("unitName")).isEqualTo(((Number) unit.get("red")).longValue());
                assertThat(own.stream().filter(c -> open.test(c) && !overdue.test(c) && c.get("warnAt") != null
                        && Instant.parse((String) c.get("warnAt")).isBefore(now)).count())
                        .as("黄灯 %s", unit.get("unitName")).isEqualTo(((Number) unit.get("yellow")).longValue());
                assertThat(own.stream().filter(c -> ((Number) c.get("returnCount")).intValue() > 0).count())
                        .as("回退 %s", unit.get("unitName")).isEqualTo(((Number) unit.get("returns")).longValue());
            }

            // Every number's list holds exactly the cases it counts, the total row's included.
            List<Map> lines = new ArrayList<>((List<Map>) d.get("units"));
            lines.add((Map) d.get("total"));
            Map<String, String> unitFigures = Map.of("OPEN", "open", "RED", "red", "YELLOW", "yellow",
                    "CLOSED_ON_TIME", "closedOnTime", "CLOSED_LATE", "closedLate", "RETURNED", "returns", "REWORKED", "rework");
            for (Map line : lines) {
                unitFigures.forEach((figure, field) -> {
                    Map list = list("jxtuijinban1", line.get("cases") + "&figure=" + figure);
                    assertThat(list.get("total")).as("%s %s", line.get("unitName"), figure).isEqualTo(line.get(field));
                    assertThat((List<Map>) list.get("cases")).hasSize(((Number) line.get(field)).intValue());
                });
            }
            Map returned = list("jxtuijinban1", ((Map) d.get("total")).get("cases") + "&figure=RETURNED");
            assertThat((List<Map>) returned.get("cases")).extracting(c -> c.get("caseNo")).containsExactly(red, green);
            assertThat(returned).containsEntry("scope", "全部案件").containsEntry("figureName", "被回退过的案件");
            Map reds = list("jxtuijinban1", "/api/campaigns/DASHJX/dashboard/cases?period=2024-09&unit=jxjianguan&figure=RED");
            assertThat((List<Map>) reds.get("cases")).singleElement().satisfies(c -> assertThat(c)
                    .containsEntry("caseNo", red).containsEntry("light", "RED").containsEntry("colour", "#d9363e")
                    .containsEntry("leadUnitName", "建管所").containsEntry("url", "/shirong/cases/" + red));
            assertThat(reds).containsEntry("scope", "建管所")
                    .containsEntry("ledger", "/api/cases/export.xlsx?campaign=DASHJX&unit=jxjianguan");
            assertThat((List<Map>) d.get("lights")).extracting(l -> l.get("light") + " " + l.get("colour"))
                    .containsExactly("GREEN #2e8b57", "YELLOW #e0a800", "RED #d9363e");

            assertThat((List<Map>) d.get("planItems")).filteredOn(i -> ((Number) i.get("found")).intValue() > 0)
                    .extracting(i -> i.get("name") + " " + i.get("found") + " " + i.get("closed") + " " + i.get("overdue"))
                    .containsExactly("整治老旧小区 3 1 1", "整治镇区河道环境 2 1 1", "其他（不属于整治项目） 2 1 1");
            List<Map> items = new ArrayList<>((List<Map>) d.get("planItems"));
            items.add((Map) d.get("planItemTotal"));
            for (Map item : items) {
                for (String figure : List.of("FOUND", "CLOSED", "OVERDUE")) {
                    assertThat(list("jxtuijinban1", item.get("cases") + "&figure=" + figure).get("total"))
                            .as("%s %s", item.get("name"), figure).isEqualTo(item.get(figure.toLowerCase()));
                }
            }
            assertThat(items).filteredOn(i -> "RECTIFY_OLD_ESTATES".equals(i.get("category"))).singleElement()
                    .satisfies(i -> assertThat(i.get("dossier")).isEqualTo("/api/campaigns/DASHJX/dossier.pdf?item=RECTIFY_OLD_ESTATES"));
            assertThat(items).filteredOn(i -> "其他（不属于整治项目）".equals(i.get("name"))).singleElement()
                    .satisfies(i -> assertThat(i.get("dossier")).isEqualTo("/api/campaigns/DASHJX/dossier.pdf?item=none"));
            assertThat(listed.stream().filter(c -> "RECTIFY_OLD_ESTATES".equals(c.get("planItem"))).count()).isEqualTo(3);

            // One 督办 per open case, the latest; the person by name, not login id.
            List<Map> supervision = (List<Map>) d.get("supervision");
            assertThat(supervision).extracting(s -> s.get("caseNo") + " " + s.get("leadUnitName") + " " + s.get("by") + " "
                    + s.get("instruction")).containsExactly(red + " 建管所 推进小组办公室工作人员 请于明日前整改到位");

            // The ranking is the scoring API's, with its 通报 line; the trend ends with the period asked for.
            Map ranking = (Map) d.get("ranking");
            Map scores = rest.withBasicAuth("jxtuijinban1", "demo")
                    .getForObject("/api/scores?period=2024-09&campaign=DASHJX&organization=jinxi", Map.class);
            assertThat((List<Map>) ranking.get("units")).extracting(u -> u.get("unitId") + " " + u.get("total") + " " + u.get("grade"))
                    .containsExactlyElementsOf(((List<Map>) scores.get("ranking")).stream()
                            .map(u -> u.get("unitId") + " " + u.get("total") + " " + u.get("grade")).toList())
                    .isNotEmpty();
            // no 通报 of September was issued: the units below the line are 列入通报范围, not 通报'd (supreview-s54 V6)
            assertThat(ranking.get("notice")).isEqualTo(((String) scores.get("notice"))
                    .replace("。通报：", "。按考核细则列入通报范围（本期通报尚未印发）："));
            assertThat((String) ranking.get("notice")).contains("列入通报范围（本期通报尚未印发）：建管所").doesNotContain("通报：建管所");
            // jxreview-s55 J2: the scores API and the Excel downloaded from the 驾驶舱 word it alike, column 列入通报范围
            assertThat(scores).containsEntry("noticeIssued", false).containsEntry("notice", ranking.get("notice"));
            assertThat(ranking).containsEntry("noticeIssued", false);
            var scoreTable = org.shirong.system.XlsxDownload.of(rest.withBasicAuth("jxtuijinban1", "demo").getForEntity(
                    "/api/scores/export.xlsx?period=2024-09&campaign=DASHJX&organization=jinxi", byte[].class));
            assertThat(scoreTable.headers()).contains("列入通报范围", "列入原因").doesNotContain("通报", "通报原因");
            assertThat(scoreTable.title()).as("锦溪镇 named once (J11)").isEqualTo("“锦溪镇 931 驾驶舱测试”2024年9月单位考核得分");
            assertThat(scoreTable.data()).filteredOn(r -> "建管所".equals(scoreTable.text(r, "单位"))).singleElement()
                    .satisfies(r -> assertThat(scoreTable.text(r, "列入通报范围")).isEqualTo("是"));
            assertThat(scoreTable.text(scoreTable.data().get(scoreTable.data().size() - 1), "排名")).isEqualTo(ranking.get("notice"));
            assertThat(((Number) ranking.get("noticeLine")).doubleValue()).isPositive();
            Map trend = (Map) d.get("trend");
            assertThat((List<String>) trend.get("periods")).hasSize(CampaignDashboard.TREND_MONTHS).endsWith("2024-09");
            assertThat((Map) d.get("links")).containsEntry("ledger", "/api/cases/export.xlsx?campaign=DASHJX")
                    .containsEntry("periodLedger", "/api/cases/export.xlsx?campaign=DASHJX&from=2024-09-01&to=2024-09-30")
                    .containsEntry("scores", "/api/scores/export.xlsx?period=2024-09&campaign=DASHJX&organization=jinxi")
                    .containsEntry("dossier", "/api/campaigns/DASHJX/dossier.pdf")
                    .containsEntry("archive", "/api/campaigns/DASHJX/archive.zip")
                    .containsEntry("map", "/shirong/map?campaign=DASHJX&embed=true");
            var september = org.shirong.system.XlsxDownload.of(rest.withBasicAuth("jxtuijinban1", "demo").getForEntity(
                    "/api/cases/export.xlsx?campaign=DASHJX&from=2024-09-01&to=2024-09-30", byte[].class));
            assertThat(september.filterLine()).contains("上报日期 2024-09-01 至 2024-09-30");

            // sjreview F19: a campaign of 2024 (before the calendar's first year) is told nothing of the calendar; one whose
            // last phase runs into 2027, whose calendar is provisional, is told its deadlines there may move.
            assertThat((List<String>) d.get("calendarWarnings")).isEmpty();
            jdbc.update("update campaign_phase set last_day = '2027-02-25' where campaign_code = 'DASHJX' and phase_no = 3");
            assertThat((List<String>) rest.withBasicAuth("jxtuijinban1", "demo").getForObject("/api/campaigns/DASHJX/dashboard?period=2024-09",
                    Map.class).get("calendarWarnings")).singleElement().asString().startsWith("2027年工作日历为暂定（仅法定节日，没有调休），"
                    + "待国务院办公厅公布放假安排后更新");
            jdbc.update("update campaign_phase set last_day = '2024-12-31' where campaign_code = 'DASHJX' and phase_no = 3");

            // October: 城管中队's late closure counts there.
            Map october = rest.withBasicAuth("jxtuijinban1", "demo").getForObject("/api/campaigns/DASHJX/dashboard?period=2024-10", Map.class);
            // jtreview T2, T3: October still runs, so its ranking is provisional (暂定，截至今日) and names nobody; September's
            // is final. Each unit's points of the maximum of its items stand beside its total.
            assertThat((Map) october.get("ranking")).containsEntry("provisional", true).containsEntry("asOf", "2024年10月5日 10:00");
            assertThat((List<Map>) ((Map) october.get("ranking")).get("units")).noneMatch(u -> Boolean.TRUE.equals(u.get("named")));
            assertThat((String) ((Map) october.get("ranking")).get("notice")).contains("暂定，截至2024年10月5日 10:00", "不据此通报");
            assertThat(ranking).containsEntry("provisional", false);
            assertThat((List<Map>) ranking.get("units")).allSatisfy(u -> assertThat(((Number) u.get("total")).doubleValue())
                    .isCloseTo(((Number) u.get("points")).doubleValue() * 100 / ((Number) u.get("maxPoints")).doubleValue(),
                            org.assertj.core.data.Offset.offset(0.006)));
            assertThat((List<Map>) october.get("units")).extracting(CampaignDashboardTest::figures).contains("城管中队 0 0 0 0 1 0 0");

            // The overview's card: this month's (October's) totals as the campaign page counts them, without ranking or trend.
            Map overview = rest.withBasicAuth("jxtuijinban1", "demo").getForObject("/api/dashboard", Map.class);
            assertThat((List<String>) overview.get("organizations")).containsExactly("jinxi");
            Map card = ((List<Map>) overview.get("campaigns")).stream().filter(c -> "DASHJX".equals(c.get("code"))).findFirst()
                    .orElseThrow();
            assertThat(figures((Map) card.get("total"))).isEqualTo("合计 4 1 1 0 1 2 1").isEqualTo(figures((Map) october.get("total")));
            assertThat(card).containsEntry("name", "锦溪镇 931 驾驶舱测试").containsEntry("currentPhaseName", "深入推进全面整治")
                    .containsEntry("today", "2024-10-05").doesNotContainKeys("ranking", "trend", "units", "planItems");
            assertThat((List<Map>) card.get("phases")).extracting(p -> p.get("name") + " " + p.get("current") + " "
                    + p.get("tasksDone") + "/" + p.get("tasksOpen"))
                    .containsExactly("明确任务制定方案 false 0/0", "深入推进全面整治 true 1/1", "考核评估表彰先进 false 0/0");

            // A unit's head sits in the leading group, yet is a unit: refused, with the reason in Chinese.
            ResponseEntity<Map> unit = rest.withBasicAuth("jxjianguan1", "demo").getForEntity("/api/campaigns/DASHJX/dashboard", Map.class);
            assertThat(unit.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(unit.getBody().toString())
                    .isEqualTo("{errors=[{code=NOT_A_SUPERVISOR, message=活动驾驶舱只向锦溪镇的推进小组办公室、推进小组组长、副组长、纪委监察开放}]}");
            ResponseEntity<Map> refusedOverview = rest.withBasicAuth("jxjianguan1", "demo").getForEntity("/api/dashboard", Map.class);
            assertThat(refusedOverview.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(refusedOverview.getBody()).isEqualTo(unit.getBody());
            // jxreview-s55 J17: 纪委监察 shares the office's 督查考核 (roles.assessors): the same 驾驶舱, read whole, and the
            // cases behind its figures; its Cockpit grants (read-only) are RestSecurityTest's
            Map assessed = list("jxjiwei1", "/api/campaigns/DASHJX/dashboard?period=2024-09");
            assertThat(assessed.get("participant")).isNull();
            assertThat((List<Map>) assessed.get("units")).extracting(CampaignDashboardTest::figures)
                    .containsExactlyElementsOf(((List<Map>) d.get("units")).stream().map(CampaignDashboardTest::figures).toList());
            assertThat((List<Map>) assessed.get("supervision")).extracting(x -> x.get("caseNo")).containsExactly(red);
            assertThat((List<Map>) list("jxjiwei1", "/api/campaigns/DASHJX/dashboard/cases?period=2024-09&unit=jxjianguan&figure=RED")
                    .get("cases")).extracting(c -> c.get("caseNo")).containsExactly(red);
            Map assessedCase = list("jxjiwei1", "/api/cases/" + red);
            assertThat((Map) assessedCase.get("record")).containsEntry("caseNo", red);
            assertThat((Map) assessedCase.get("actions")).as("reading is all the role gives")
                    .containsEntry("merge", false).containsEntry("reopen", false).containsEntry("void", false)
                    .containsEntry("correct", false);
            assertThat((List<String>) list("jxjiwei1", "/api/dashboard").get("organizations")).containsExactly("jinxi");
            // Another organisation's supervisor does not learn that the campaign exists.
            assertThat(rest.withBasicAuth("lingdao1", "demo").getForEntity("/api/campaigns/DASHJX/dashboard", Map.class).getStatusCode())
                    .isEqualTo(HttpStatus.NOT_FOUND);
            // s54 V8: 锦溪's template scores by 季检查 and 年考核: its 驾驶舱 offers the quarters and the year besides the months
            Map quarter = list("jxtuijinban1", "/api/campaigns/DASHJX/dashboard?period=2024-Q3");
            // (the campaign was started in March, before its first phase: its periods begin with March's)
            assertThat((List<Map>) quarter.get("months")).extracting(m -> m.get("code") + " " + m.get("name") + " " + m.get("kind"))
                    .startsWith("2024-10 2024年10月 MONTH").contains("2024-03 2024年3月 MONTH").doesNotContain("2024-02 2024年2月 MONTH")
                    .endsWith("2024-03 2024年3月 MONTH", "2024-Q4 2024年第四季度 QUARTER", "2024-Q3 2024年第三季度 QUARTER",
                            "2024-Q2 2024年第二季度 QUARTER", "2024-Q1 2024年第一季度 QUARTER", "2024 2024年度 YEAR");
            assertThat(quarter.get("period")).asString().contains("code=2024-Q3", "name=2024年第三季度", "from=2024-07-01",
                    "to=2024-09-30");
            assertThat(((Map) quarter.get("ranking")).get("periodName")).isEqualTo("2024年第三季度");
            assertThat((List<Map>) ((Map) quarter.get("ranking")).get("inspections")).isEmpty();
            // jxreview-s58 J2: before any 季检查 is entered the ranking still says what its totals consist of
            assertThat((String) ((Map) quarter.get("ranking")).get("inspectionNote"))
                    .contains("总分只按考核评分项（案件办理等）计算", "未计入总分（权重 0）", "本期没有录入检查得分");
            // jxreview-s55 J1, J9: 创建办 leads two 931 items without taking part in its own campaign; scored on its sheet at
            // the 季检查 it is in the quarter's scores (不排名: no case due), and the 驾驶舱 and the Excel list every unit's
            // 季检查 result beside the ranking, though 锦溪 does not weigh it into the totals
            unitScores.recordInspection("2024-Q3", "DASHJX", "jxchuangjian", "RECTIFY_URBAN_FRINGE",
                    Map.of("FRINGE_ENTRANCES", new java.math.BigDecimal("3")), "jxjiwei1");
            unitScores.recordInspection("2024-Q3", "DASHJX", "jxjianguan", "RECTIFY_OLD_ESTATES",
                    Map.of("ESTATE_FACILITIES", new java.math.BigDecimal("4"), "ESTATE_CLEANING", new java.math.BigDecimal("2")), "jxjiwei1");
            Map q3scores = rest.withBasicAuth("jxtuijinban1", "demo")
                    .getForObject("/api/scores?period=2024-Q3&campaign=DASHJX&organization=jinxi", Map.class);
            assertThat((List<Map>) q3scores.get("noCases")).filteredOn(u -> "jxchuangjian".equals(u.get("unitId"))).singleElement()
                    .satisfies(u -> assertThat(((Number) u.get("inspectionScore")).doubleValue()).isEqualTo(75.0));
            assertThat((List<Map>) q3scores.get("ranking")).filteredOn(u -> "jxjianguan".equals(u.get("unitId"))).singleElement()
                    .satisfies(u -> {
                        assertThat(((Number) u.get("inspectionScore")).doubleValue()).isEqualTo(85.71);
                        assertThat(u.get("total")).as("weight 0: the total is the case score").isEqualTo(u.get("caseScore"));
                    });
            Map q3 = (Map) list("jxtuijinban1", "/api/campaigns/DASHJX/dashboard?period=2024-Q3").get("ranking");
            Object jianguanRank = ((List<Map>) q3.get("units")).stream().filter(u -> "jxjianguan".equals(u.get("unitId")))
                    .findFirst().orElseThrow().get("rank");
            assertThat((List<Map>) q3.get("inspections")).extracting(i -> i.get("unitName") + " " + i.get("rank") + " "
                    + i.get("inspectionScore") + " " + i.get("sheets")).containsExactly(
                            "建管所 " + jianguanRank + " 85.71 整治老旧小区（牵头：建管所） 6/7",
                            "创建办 null 75.0 整治镇郊结合部（牵头：创建办） 3/4");
            assertThat((String) q3.get("inspectionNote")).contains("检查得分 =", "未计入总分（权重 0）", "供会议通报")
                    .doesNotContain("本期没有录入检查得分");
            // finalreview-s55 F3: a second campaign of 锦溪镇 running beside it, in which 环卫所 alone takes part, ranks
            // neither 创建办 nor 建管所 on DASHJX's 季检查, and lists no 季检查 of DASHJX
            other.campaign("锦溪镇另一项活动", 2, "jinxi", "jinxi-2017-931", "锦溪镇931")
                    .phase(1, "明确任务制定方案", "2024-08-01", "2024-08-31").phase(2, "深入推进全面整治", "2024-09-01", "2024-11-30")
                    .phase(3, "考核评估表彰先进", "2024-12-01", "2024-12-31").unit("jxhuanwei", "环卫所", 1);
            other.addCase("EXPOSED_GARBAGE", "jxhuanwei", "2024-08-02T09:00", "2024-08-05T09:00", "2024-08-04T09:00", false);
            Map otherScores = rest.withBasicAuth("jxtuijinban1", "demo")
                    .getForObject("/api/scores?period=2024-Q3&campaign=DASHJX2&organization=jinxi", Map.class);
            assertThat(java.util.stream.Stream.concat(((List<Map>) otherScores.get("ranking")).stream(),
                    ((List<Map>) otherScores.get("noCases")).stream()).map(u -> u.get("unitId")))
                    .contains("jxhuanwei").doesNotContain("jxchuangjian", "jxjianguan");
            assertThat((List<Map>) otherScores.get("ranking")).allSatisfy(u -> assertThat(u.get("inspectionScore")).isNull());
            assertThat((List<Map>) ((Map) list("jxtuijinban1", "/api/campaigns/DASHJX2/dashboard?period=2024-Q3").get("ranking"))
                    .get("inspections")).isEmpty();
            // diffreview-s56 D4: one sheet of 建管所 entered without a campaign (for the organisation, as before V61), then by
            // each campaign: a campaign reads its own entry over that one, which stays for the campaign without its own; the
            // organisation reads the sheet as last scored, never two entries of it added up
            ClockUtil.setCurrentTime(Date.from(at("2024-10-05T11:00")));
            unitScores.recordInspection("2024-Q3", null, "jxjianguan", "RECTIFY_OLD_ESTATES",
                    Map.of("ESTATE_FACILITIES", new java.math.BigDecimal("1"), "ESTATE_CLEANING", new java.math.BigDecimal("1")), "jxjiwei1");
            assertThat(inspectionScore("DASHJX", "jxjianguan")).isEqualTo(85.71);
            assertThat(inspectionScore("DASHJX2", "jxjianguan")).isEqualTo(28.57);
            assertThat(inspectionScore(null, "jxjianguan")).isEqualTo(28.57);
            ClockUtil.setCurrentTime(Date.from(at("2024-10-05T12:00")));
            unitScores.recordInspection("2024-Q3", "DASHJX", "jxjianguan", "RECTIFY_OLD_ESTATES",
                    Map.of("ESTATE_FACILITIES", new java.math.BigDecimal("2"), "ESTATE_CLEANING", new java.math.BigDecimal("2")), "jxjiwei1");
            assertThat(inspectionScore("DASHJX", "jxjianguan")).isEqualTo(57.14);
            assertThat(inspectionScore("DASHJX2", "jxjianguan")).as("DASHJX re-entering its own leaves DASHJX2 the shared entry")
                    .isEqualTo(28.57);
            assertThat(inspectionScore(null, "jxjianguan")).isEqualTo(57.14);
            ClockUtil.setCurrentTime(Date.from(at("2024-10-05T13:00")));
            unitScores.recordInspection("2024-Q3", "DASHJX2", "jxjianguan", "RECTIFY_OLD_ESTATES",
                    Map.of("ESTATE_FACILITIES", new java.math.BigDecimal("4"), "ESTATE_CLEANING", new java.math.BigDecimal("3")), "jxjiwei1");
            assertThat(inspectionScore("DASHJX2", "jxjianguan")).isEqualTo(100.0);
            assertThat(inspectionScore("DASHJX", "jxjianguan")).isEqualTo(57.14);
            assertThat(inspectionScore(null, "jxjianguan")).as("the sheet as last scored, not 13/21 of three entries").isEqualTo(100.0);
            assertThat((List<Map>) ((Map) list("jxtuijinban1", "/api/campaigns/DASHJX/dashboard?period=2024-Q3").get("ranking"))
                    .get("inspections")).filteredOn(i -> "建管所".equals(i.get("unitName"))).singleElement()
                    .satisfies(i -> assertThat(i.get("sheets")).isEqualTo("整治老旧小区（牵头：建管所） 4/7"));
            ClockUtil.setCurrentTime(Date.from(at("2024-10-05T10:00")));
            var q3Table = org.shirong.system.XlsxDownload.of(rest.withBasicAuth("jxtuijinban1", "demo").getForEntity(
                    "/api/scores/export.xlsx?period=2024-Q3&campaign=DASHJX&organization=jinxi", byte[].class));
            assertThat(q3Table.data()).filteredOn(r -> "创建办".equals(q3Table.text(r, "单位"))).singleElement()
                    .satisfies(r -> assertThat(q3Table.text(r, "检查得分")).isEqualTo("75.00"));
            assertThat((List<String>) ((Map) quarter.get("trend")).get("periods")).last().isEqualTo("2024-09");
            // jxreview-s55 J15: the trend of May, three months into the campaign, shows no month before it began
            assertThat((List<String>) ((Map) list("jxtuijinban1", "/api/campaigns/DASHJX/dashboard?period=2024-05").get("trend"))
                    .get("periods")).containsExactly("2024-03", "2024-04", "2024-05");
            assertThat(((Map) list("jxtuijinban1", "/api/campaigns/DASHJX/dashboard?period=2024").get("period")))
                    .containsEntry("code", "2024");
            assertThat(rest.withBasicAuth("jxtuijinban1", "demo").getForEntity("/api/campaigns/DASHJX/dashboard/cases?figure=OPEN"
                    + "&period=2024-Q3", Map.class).getStatusCode()).isEqualTo(HttpStatus.OK);
            ResponseEntity<Map> after = rest.withBasicAuth("jxtuijinban1", "demo")
                    .getForEntity("/api/campaigns/DASHJX/dashboard?period=2025-Q1", Map.class);
            assertThat(after.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(after.getBody().toString()).contains("PERIOD_AFTER_CAMPAIGN", "考核期间 2025年第一季度 晚于活动");
            ResponseEntity<Map> absurd = rest.withBasicAuth("jxtuijinban1", "demo")
                    .getForEntity("/api/campaigns/DASHJX/dashboard?period=2099-12", Map.class);
            assertThat(absurd.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(absurd.getBody().toString()).contains("period", "考核期间 2099-12 超出可查询的范围（2000-01-01 至 ");
            // An unknown figure is named by its parameter with the known ones, and the text typed is not echoed back.
            ResponseEntity<Map> unknown = rest.withBasicAuth("jxtuijinban1", "demo")
                    .getForEntity("/api/campaigns/DASHJX/dashboard/cases?figure=PURPLE<b>", Map.class);
            assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat((List<Map>) unknown.getBody().get("errors")).singleElement().satisfies(e -> {
                assertThat(e).containsEntry("field", "figure").containsEntry("code", "UNKNOWN_FIGURE");
                assertThat((String) e.get("message")).startsWith("参数 figure 无效：驾驶舱没有这个数字（可选：OPEN 在办、RED 红灯超期")
                        .doesNotContain("PURPLE", "<b>");
            });
            ResponseEntity<Map> unknownUnit = rest.withBasicAuth("jxtuijinban1", "demo")
                    .getForEntity("/api/campaigns/DASHJX/dashboard/cases?figure=RED&unit=chengguan", Map.class);
            assertThat(unknownUnit.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(unknownUnit.getBody().toString()).contains("unit", "没有单位 chengguan");
            assertThat(rest.withBasicAuth("jxjianguan1", "demo")
                    .getForEntity("/api/campaigns/DASHJX/dashboard/cases?figure=RED", Map.class).getStatusCode())
                    .isEqualTo(HttpStatus.FORBIDDEN);
        } finally {
            clear(jx, "DASHJX");
            clear(other, "DASHJX2");
            jdbc.update("delete from score_inspection where score_period = '2024-Q3' and unit_id in ('jxchuangjian', 'jxjianguan')");
            ClockUtil.reset();
        }
    }

    /** The unit's 季检查 score in the 2024-Q3 scores of 锦溪镇's campaign (null: of the organisation itself). */
    private double inspectionScore(String campaign, String unit) {
        Map scores = rest.withBasicAuth("jxtuijinban1", "demo").getForObject("/api/scores?period=2024-Q3&organization=jinxi"
                + (campaign == null ? "" : "&campaign=" + campaign), Map.class);
        return java.util.stream.Stream.concat(((List<Map>) scores.get("ranking")).stream(), ((List<Map>) scores.get("noCases")).stream())
                .filter(u -> unit.equals(u.get("unitId"))).map(u -> ((Number) u.get("inspectionScore")).doubleValue())
                .findFirst().orElseThrow(() -> new AssertionError(unit + " not in the scores of " + campaign + ": " + scores));
    }

    /** jtreview T10: a campaign whose template lists no plan items (九亭's) has no 整治项目 lines, not one 其他 line of every case. */
    @Test
    void aCampaignWithoutPlanItemsHasNoPlanItemLines() {
        ClockUtil.setCurrentTime(Date.from(at("2024-10-05T10:00")));
        CampaignFixture jt = new CampaignFixture(jdbc, "DASHJT");
        try {
            clear(jt, "DASHJT");
            jt.campaign("九亭镇驾驶舱测试", 2).unit("chengguan", "城管中队", 1);
            jt.addCase("chengguan", "2024-09-02T09:00", "2024-09-05T09:00", "2024-09-04T10:00", false);

            Map d = rest.withBasicAuth("chuangban1", "demo").getForObject("/api/campaigns/DASHJT/dashboard?period=2024-09", Map.class);

            assertThat((List<Map>) d.get("planItems")).isEmpty();
            assertThat(figures((Map) d.get("total"))).as("the case is counted with its unit").isEqualTo("合计 0 0 0 1 0 0 0");
        } finally {
            clear(jt, "DASHJT");
            ClockUtil.reset();
        }
    }

    /**
     * A case of 建管所 closed on time on 20 September, reopened (重新打开, {@code POST /api/cases/{caseNo}/reopen}) on 5
     * October and closed late on 28 October: September's 驾驶舱 still counts its closure on time, and its list shows that
     * closure; October's counts it open once reopened, then its late closure, and so does the overview's card.
     */
    @Test
    void aReopenedCasesClosureStaysInItsMonthAndItsNextClosureCountsInItsOwn() {
        ClockUtil.setCurrentTime(Date.from(at("2024-10-05T10:00")));
        CampaignFixture jx = new CampaignFixture(jdbc, "DASHRO");
        String caseNo = "DASHRO-1";
        try {
            clear(jx, "DASHRO");
            jx.campaign("锦溪镇 931 重新打开测试", 2, "jinxi", "jinxi-2017-931", "锦溪镇931")
                    .unit("jxjianguan", "建管所", 1).unit("jxshuili", "水利站", 2);
            assertThat(jx.addCase("RECTIFY_OLD_ESTATES", "jxjianguan", "2024-09-02T09:00", "2024-09-25T09:00", "2024-09-20T10:00",
                    false)).isEqualTo(caseNo);
            jdbc.update("update rect_case set limit_amount = 5, limit_unit = 'WORKING_DAYS' where case_no = ?", caseNo);
            assertThat(unitFigures("2024-09")).containsExactly("建管所 0 0 0 1 0 0 0", "水利站 0 0 0 0 0 0 0",
                    "创建办 0 0 0 0 0 0 0", "城管中队 0 0 0 0 0 0 0");

            ResponseEntity<Map> reopened = rest.withBasicAuth("jxtuijinban1", "demo").postForEntity("/api/cases/" + caseNo + "/reopen",
                    Map.of("reason", "楼道堆物又出现了"), Map.class);
            assertThat(reopened.getStatusCode()).as("%s", reopened.getBody()).isEqualTo(HttpStatus.OK);
            assertThat(unitFigures("2024-09")).as("September's closure as it was; 在办 is as of now")
                    .containsExactly("建管所 1 0 0 1 0 0 0", "水利站 0 0 0 0 0 0 0",
                    "创建办 0 0 0 0 0 0 0", "城管中队 0 0 0 0 0 0 0");
            Map september = list("jxtuijinban1", "/api/campaigns/DASHRO/dashboard/cases?period=2024-09&unit=jxjianguan&figure=CLOSED_ON_TIME");
            assertThat((List<Map>) september.get("cases")).singleElement().satisfies(c -> assertThat(c).containsEntry("caseNo", caseNo)
                    .containsEntry("round", 1).containsEntry("closedAt", at("2024-09-20T10:00").toString())
                    .containsEntry("status", "IN_RECTIFICATION").containsEntry("statusName", "第 1 轮已结案，后重新打开（现整改中）"));
            assertThat(unitFigures("2024-10")).as("open again").containsExactly("建管所 1 0 0 0 0 0 0", "水利站 0 0 0 0 0 0 0",
                    "创建办 0 0 0 0 0 0 0", "城管中队 0 0 0 0 0 0 0");

            ClockUtil.setCurrentTime(Date.from(at("2024-10-28T10:00")));
            jdbc.update("update rect_case set status = 'CLOSED', submitted_at = ?, closed_at = ?, closed_on_time = false"
                    + " where case_no = ?", Timestamp.from(at("2024-10-27T10:00")), Timestamp.from(at("2024-10-28T10:00")), caseNo);
            assertThat(unitFigures("2024-10")).containsExactly("建管所 0 0 0 0 1 0 0", "水利站 0 0 0 0 0 0 0",
                    "创建办 0 0 0 0 0 0 0", "城管中队 0 0 0 0 0 0 0");
            assertThat(unitFigures("2024-09")).containsExactly("建管所 0 0 0 1 0 0 0", "水利站 0 0 0 0 0 0 0",
                    "创建办 0 0 0 0 0 0 0", "城管中队 0 0 0 0 0 0 0");
            Map october = list("jxtuijinban1", "/api/campaigns/DASHRO/dashboard/cases?period=2024-10&figure=CLOSED_LATE");
            assertThat((List<Map>) october.get("cases")).singleElement().satisfies(c -> assertThat(c).containsEntry("caseNo", caseNo)
                    .containsEntry("round", null).containsEntry("closedAt", at("2024-10-28T10:00").toString()));
            Map card = ((List<Map>) rest.withBasicAuth("jxtuijinban1", "demo").getForObject("/api/dashboard", Map.class)
                    .get("campaigns")).stream().filter(c -> "DASHRO".equals(c.get("code"))).findFirst().orElseThrow();
            assertThat(figures((Map) card.get("total"))).isEqualTo("合计 0 0 0 0 1 0 0");
        } finally {
            runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(caseNo).list()
                    .forEach(pi -> runtimeService.deleteProcessInstance(pi.getId(), "test over", true));
            jdbc.update("delete from rect_case_round where case_no = ?", caseNo);
            clear(jx, "DASHRO");
            ClockUtil.reset();
        }
    }

    /**
     * The light judges whether the lead unit keeps its time (user review s48, H5). On 5 October 2024: 建管所 handed one case
     * in on 1 October, before its due time on the 2nd, and another on the 3rd, after it; both wait for verification
     * (待核查). 水利站 has a case 挂账 since 30 September, due 1 October, and one in its hands past due. Red are only the late
     * hand-in and the one past due — in the unit table, the list behind 红灯超期, the case API and the map; the on-time
     * hand-in is green, the 挂账 case has no light. Nor are they 超期 in the per-plan-item counts: not on the 驾驶舱 (counted
     * from the cases read), nor on the campaign page and in its documents (counted in the database).
     */
    @Test
    void aCaseHandedInOnTimeOrSuspendedIsNotRedWhileItWaits() {
        ClockUtil.setCurrentTime(Date.from(at("2024-10-05T10:00")));
        CampaignFixture jx = new CampaignFixture(jdbc, "DASHLT");
        try {
            clear(jx, "DASHLT");
            jx.campaign("锦溪镇 931 红灯测试", 2, "jinxi", "jinxi-2017-931", "锦溪镇931")
                    .unit("jxjianguan", "建管所", 1).unit("jxshuili", "水利站", 2);
            String onTime = jx.addCase("RECTIFY_OLD_ESTATES", "jxjianguan", "2024-09-25T09:00", "2024-10-02T17:00", null, false);
            String handedInLate = jx.addCase("RECTIFY_OLD_ESTATES", "jxjianguan", "2024-09-25T09:00", "2024-10-02T17:00", null, true);
            String suspended = jx.addCase("RECTIFY_TOWN_RIVERS", "jxshuili", "2024-09-25T09:00", "2024-10-01T17:00", null, false);
            String pastDue = jx.addCase("RECTIFY_TOWN_RIVERS", "jxshuili", "2024-09-25T09:00", "2024-10-04T17:00", null, true);
            String awaiting = "update rect_case set status = 'AWAITING_VERIFICATION', submitted_at = ?, warn_at = ? where case_no = ?";
            jdbc.update(awaiting, Timestamp.from(at("2024-10-01T10:00")), Timestamp.from(at("2024-09-30T17:00")), onTime);
            jdbc.update(awaiting, Timestamp.from(at("2024-10-03T10:00")), Timestamp.from(at("2024-09-30T17:00")), handedInLate);
            jdbc.update("update rect_case set status = 'SUSPENDED', suspended_at = ? where case_no = ?",
                    Timestamp.from(at("2024-09-30T10:00")), suspended);
            jdbc.update("update rect_case set lat = 31.12, lng = 120.85 where case_no like 'DASHLT-%'");

            assertThat(unitFigures("DASHLT", "2024-10")).containsExactly("建管所 2 1 0 0 0 0 0", "水利站 2 1 0 0 0 0 0",
                    "创建办 0 0 0 0 0 0 0", "城管中队 0 0 0 0 0 0 0");
            Map reds = list("jxtuijinban1", "/api/campaigns/DASHLT/dashboard/cases?period=2024-10&figure=RED");
            assertThat((List<Map>) reds.get("cases")).extracting(c -> c.get("caseNo")).containsExactlyInAnyOrder(handedInLate, pastDue);
            Map greens = list("jxtuijinban1", "/api/cases/map?campaign=DASHLT&light=GREEN");
            assertThat((List<Map>) greens.get("points")).extracting(c -> c.get("caseNo")).containsExactly(onTime);
            Map all = list("jxtuijinban1", "/api/cases/map?campaign=DASHLT");
            assertThat((List<Map>) all.get("points")).extracting(c -> c.get("caseNo") + " " + c.get("light") + " " + c.get("lightName"))
                    .containsExactlyInAnyOrder(onTime + " GREEN 绿灯", handedInLate + " RED 红灯", suspended + " null 无（已挂账）",
                            pastDue + " RED 红灯");
            assertThat(list("jxtuijinban1", "/api/cases/" + onTime)).containsEntry("light", "GREEN");
            assertThat(list("jxtuijinban1", "/api/cases/" + handedInLate)).containsEntry("light", "RED");
            assertThat(list("jxtuijinban1", "/api/cases/" + suspended)).containsEntry("light", null);
            Map card = ((List<Map>) rest.withBasicAuth("jxtuijinban1", "demo").getForObject("/api/dashboard", Map.class)
                    .get("campaigns")).stream().filter(c -> "DASHLT".equals(c.get("code"))).findFirst().orElseThrow();
            assertThat(figures((Map) card.get("total"))).isEqualTo("合计 4 2 0 0 0 0 0");

            Map dashboard = list("jxtuijinban1", "/api/campaigns/DASHLT/dashboard?period=2024-10");
            assertThat((List<Map>) dashboard.get("planItems")).filteredOn(i -> ((Number) i.get("found")).intValue() > 0)
                    .extracting(i -> i.get("name") + " " + i.get("found") + " " + i.get("closed") + " " + i.get("overdue"))
                    .containsExactly("整治老旧小区 2 0 1", "整治镇区河道环境 2 0 1");
            Map overdue = list("jxtuijinban1", ((Map) dashboard.get("planItemTotal")).get("cases") + "&figure=OVERDUE");
            assertThat((List<Map>) overdue.get("cases")).extracting(c -> c.get("caseNo")).containsExactlyInAnyOrder(handedInLate, pastDue);
            Map planItems = (Map) list("jxtuijinban1", "/api/campaigns/DASHLT").get("planItems");
            assertThat((List<Map>) planItems.get("items")).filteredOn(i -> ((Number) i.get("found")).intValue() > 0)
                    .extracting(i -> i.get("name") + " " + i.get("found") + " " + i.get("closed") + " " + i.get("overdue"))
                    .containsExactly("整治老旧小区 2 0 1", "整治镇区河道环境 2 0 1");
            assertThat(((Map) planItems.get("total")).get("overdue")).isEqualTo(2);
        } finally {
            clear(jx, "DASHLT");
            ClockUtil.reset();
        }
    }

    /**
     * A past month on the 驾驶舱 shows that month's 新增、结案、到期超期、期末未结 exactly as its 月度工作报告 prints them
     * (jtreview-s59 T5), each number opening its cases; today's 在办 and lights stay beside them, said to be today's.
     * 九亭 on 5 December 2024, November by hand — 城管中队: -1 reported in October, due 5 November, still open (红);
     * -2 reported and closed on time in November; -5 due in October, closed late on 3 November. 环卫所: -3 reported in
     * November, due in December, open; -4 reported in December (not November's).
     * 城管中队 新增 1 (-2) 结案 2 (-2, -5) 到期超期 1 (-1) 期末未结 1 (-1); 环卫所 1 (-3) 0 0 1 (-3); 合计 2 2 1 2.
     */
    @Test
    void aPastMonthShowsItsMonthlyReportsCaseFiguresAndEachNumberListsItsCases() {
        ClockUtil.setCurrentTime(Date.from(at("2024-12-05T10:00")));
        CampaignFixture jt = new CampaignFixture(jdbc, "DASHT5");
        try {
            novemberCases(jt);

            Map d = list("chuangban1", "/api/campaigns/DASHT5/dashboard?period=2024-11");
            Map report = (Map) d.get("reportCases");
            assertThat(report).containsEntry("periodName", "2024年11月");
            List<String> lines = new ArrayList<>(((List<Map>) report.get("units")).stream().map(CampaignDashboardTest::reportLine).toList());
            lines.add(reportLine((Map) report.get("total")));
            assertThat(lines).containsExactly("城管中队 1 2 1 1", "环卫所 1 0 0 1", "合计 2 2 1 2");

            // the 月报 of November prints the same lines
            String html = rest.withBasicAuth("chuangban1", "demo").getForObject("/api/campaigns/DASHT5/monthly-report?period=2024-11",
                    String.class);
            java.util.regex.Matcher row = java.util.regex.Pattern.compile("<tr (?:data-unit=\"[^\"]*\"|class=\"total\")><td class=\"name\">"
                    + "([^<]+)</td><td>(\\d+)</td><td>(\\d+)</td><td>(\\d+)</td><td>(\\d+)</td></tr>").matcher(html);
            List<String> printed = new ArrayList<>();
            while (row.find()) {
                printed.add(row.group(1) + " " + row.group(2) + " " + row.group(3) + " " + row.group(4) + " " + row.group(5));
            }
            assertThat(printed).as("the 月报's 各单位案件").startsWith(lines.toArray(String[]::new));

            // every number opens exactly the cases it counts
            Map chengguan = ((List<Map>) report.get("units")).get(0);
            assertThat(caseNos(chengguan, "REPORTED")).containsExactly("DASHT5-2");
            assertThat(caseNos(chengguan, "PERIOD_CLOSED")).containsExactly("DASHT5-2", "DASHT5-5");
            assertThat(caseNos(chengguan, "DUE_OVERDUE")).containsExactly("DASHT5-1");
            assertThat(caseNos(chengguan, "OPEN_AT_END")).containsExactly("DASHT5-1");
            Map total = (Map) report.get("total");
            assertThat(caseNos(total, "REPORTED")).containsExactly("DASHT5-2", "DASHT5-3");
            assertThat(caseNos(total, "OPEN_AT_END")).containsExactly("DASHT5-1", "DASHT5-3");
            Map listed = list("chuangban1", total.get("cases") + "&figure=DUE_OVERDUE");
            assertThat(listed).containsEntry("figureName", "2024年11月到期超期").containsEntry("total", 1);

            // today's 在办 and lights are still given, as today's: -1, -3 and -4 open, -1 red; -2 closed on time, -5 late
            assertThat((List<Map>) d.get("units")).extracting(CampaignDashboardTest::figures)
                    .startsWith("城管中队 1 1 0 1 1 0 0", "环卫所 2 0 0 0 0 0 0");
            assertThat(list("chuangban1", "/api/campaigns/DASHT5/dashboard?period=2024-12").get("reportCases"))
                    .as("the running month has no report yet").isNull();
        } finally {
            clear(jt, "DASHT5");
            ClockUtil.reset();
        }
    }

    /**
     * A phase none of whose tasks is issued yet names the tasks its template will issue (jtreview-s59 T4), not 任务 0/0:
     * 九亭's 宣传动员和自查整改; the current phase, whose tasks are issued, counts them.
     */
    @Test
    void aPhaseNotYetBegunNamesTheTasksItWillIssue() {
        ClockUtil.setCurrentTime(Date.from(at("2024-10-05T10:00")));
        CampaignFixture jt = new CampaignFixture(jdbc, "DASHT4");
        try {
            clear(jt, "DASHT4");
            jt.campaign("九亭镇阶段任务测试", 1).phase(1, "前期准备", "2024-09-01", "2024-10-31")
                    .phase(2, "宣传动员和自查整改", "2024-11-01", "2024-12-31").unit("chengguan", "城管中队", 1).task(1, "chengguan", false);
            jdbc.update("update campaign set template_id = 'jiuting-2023-standard-town' where code = 'DASHT4'");
            jdbc.update("update campaign_phase set phase_id = 'mobilisation' where campaign_code = 'DASHT4' and phase_no = 2");
            Map d = list("chuangban1", "/api/campaigns/DASHT4/dashboard");
            List<Map> phases = (List<Map>) d.get("phases");
            assertThat(phases.get(0)).containsEntry("tasksOpen", 1).containsEntry("planned", List.of());
            assertThat(phases.get(1)).containsEntry("tasksOpen", 0)
                    .containsEntry("planned", List.of("宣传发动", "对照标准全面自查（各单位）", "核查整改落实情况"));
        } finally {
            clear(jt, "DASHT4");
            ClockUtil.reset();
        }
    }

    /**
     * 近期安排 (jtreview-s59 T4): a 九亭 campaign started on 8 December 2026 shows each cycle's next run as the engine's timers
     * hold it — the 工作例会 of Sunday 20 December held on Monday 21 with its agenda out on Friday 18, the 月度工作报告 of
     * 1 January (元旦) on 4 January, the 季度检查 of Sunday 10 January on 11 January, the 联合执法专项整治 of 15 June 2027 (the
     * first in 自查整改) — each date the due date of the cycle's timer job (the 年度考核, issued at the campaign's end, has none); once the meeting's agenda has gone out, the convened meeting is the next.
     */
    @Test
    void theDashboardShowsEachCyclesNextRunFromTheEnginesTimers() {
        org.shirong.system.CampaignLeftovers.withdraw(jdbc, runtimeService);
        ClockUtil.setCurrentTime(Date.from(at("2026-12-08T10:00")));
        try {
            ResponseEntity<Map> created = rest.withBasicAuth("chuangban1", "demo").postForEntity("/api/campaigns",
                    CampaignApiTest.json("{\"template\":\"jiuting-2023-standard-town\",\"code\":\"JT-2026-NEXT\",\"name\":\"九亭镇近期安排测试\"}"),
                    Map.class);
            assertThat(created.getStatusCode()).as(String.valueOf(created.getBody())).isEqualTo(HttpStatus.CREATED);
            String instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey("JT-2026-NEXT")
                    .processDefinitionKey(CampaignProcess.KEY).singleResult().getId();
            runCampaignSteps(instance);

            Map d = list("lingdao1", "/api/campaigns/JT-2026-NEXT/dashboard");
            assertThat((List<Map>) d.get("comingUp")).extracting(c -> (String) c.get("text")).containsExactly(
                    "下次工作例会：2026年12月21日（会议通知和议程将于2026年12月18日发出）",
                    "下次月度工作报告：2027年1月4日", "下次季度检查：2027年1月11日", "下次联合执法专项整治：2027年6月15日");
            // each date is the engine's: the timer jobs' due dates, the meeting's the day its agenda goes out
            List<String> due = managementService.createJobQuery().processInstanceId(instance)
                    .activityId(CampaignProcess.TIMER_CYCLE_DUE).timers().list().stream()
                    .map(j -> LocalDate.ofInstant(j.getDuedate().toInstant(), SHANGHAI).toString()).sorted().toList();
            assertThat(due).containsExactly("2026-12-18", "2027-01-04", "2027-01-11", "2027-06-15");

            // the agenda goes out on the 18th: the meeting convened is the next, and its cycle's timer waits for January's
            ClockUtil.setCurrentTime(Date.from(at("2026-12-18T09:00")));
            managementService.createJobQuery().processInstanceId(instance).activityId(CampaignProcess.TIMER_CYCLE_DUE).timers()
                    .duedateLowerThan(Date.from(at("2026-12-18T09:01"))).list().forEach(j -> managementService.executeJob(j.getId()));
            runCampaignSteps(instance);
            ClockUtil.setCurrentTime(Date.from(at("2026-12-18T10:00")));
            assertThat((List<Map>) list("lingdao1", "/api/campaigns/JT-2026-NEXT/dashboard").get("comingUp"))
                    .extracting(c -> (String) c.get("text")).first()
                    .isEqualTo("下次工作例会：2026年12月21日（会议通知和议程已于2026年12月18日发出）");
        } finally {
            org.shirong.system.CampaignLeftovers.withdraw(jdbc, runtimeService);
            jdbc.update("delete from meeting where campaign_code = 'JT-2026-NEXT'");
            ClockUtil.reset();
        }
    }

    /** Runs the campaign process's own asynchronous steps now due (计算下次时间, 召开会议), not its timers nor other processes. */
    private void runCampaignSteps(String instance) {
        for (int round = 0; round < 10; round++) {
            List<org.camunda.bpm.engine.runtime.Job> steps = managementService.createJobQuery().processInstanceId(instance)
                    .messages().list();
            if (steps.isEmpty()) {
                return;
            }
            steps.forEach(j -> managementService.executeJob(j.getId()));
        }
    }

    /** The cases of {@link #aPastMonthShowsItsMonthlyReportsCaseFiguresAndEachNumberListsItsCases}. */
    private void novemberCases(CampaignFixture jt) {
        clear(jt, "DASHT5");
        jt.campaign("九亭镇月报口径测试", 2).phase(1, "前期准备", "2024-09-01", "2024-10-31")
                .phase(2, "自查整改", "2024-11-01", "2024-12-31").unit("chengguan", "城管中队", 1).unit("huanwei", "环卫所", 2);
        jt.addCase("chengguan", "2024-10-10T09:00", "2024-11-05T09:00", null, true);
        jt.addCase("chengguan", "2024-11-12T09:00", "2024-11-20T09:00", "2024-11-18T09:00", false);
        jt.addCase("huanwei", "2024-11-20T09:00", "2024-12-20T09:00", null, false);
        jt.addCase("huanwei", "2024-12-02T09:00", "2024-12-20T09:00", null, false);
        jt.addCase("chengguan", "2024-10-01T09:00", "2024-10-08T09:00", "2024-11-03T09:00", true);
    }

    /**
     * A ranked unit's 应结案、结案、超期 open the cases the score counted (jtreview-s59 T12), by the rows scoring counts:
     * November of {@link #novemberCases}, 城管中队 — due -1 (open, red) and -2 (closed on time); closed -2; 超期 -1 (-5, due
     * in October and closed late on 3 November, counted in October's). 环卫所 has no case due in November.
     */
    @Test
    void aRankedUnitsCaseFiguresListTheCasesTheScoreCounted() {
        ClockUtil.setCurrentTime(Date.from(at("2024-12-05T10:00")));
        CampaignFixture jt = new CampaignFixture(jdbc, "DASHT5");
        try {
            novemberCases(jt);
            Map d = list("chuangban1", "/api/campaigns/DASHT5/dashboard?period=2024-11");
            List<Map> ranked = (List<Map>) ((Map) d.get("ranking")).get("units");
            Map chengguan = ranked.stream().filter(u -> "chengguan".equals(u.get("unitId"))).findFirst().orElseThrow();
            assertThat(chengguan.get("dueCount") + " " + chengguan.get("closedCount") + " " + chengguan.get("overdueCount"))
                    .isEqualTo("2 1 1");
            assertThat(caseNos(chengguan, "SCORED_DUE")).containsExactly("DASHT5-1", "DASHT5-2");
            assertThat(caseNos(chengguan, "SCORED_CLOSED")).containsExactly("DASHT5-2");
            assertThat(caseNos(chengguan, "SCORED_OVERDUE")).containsExactly("DASHT5-1");
            assertThat(list("chuangban1", chengguan.get("cases") + "&figure=SCORED_OVERDUE"))
                    .containsEntry("figureName", "2024年11月考核超期").containsEntry("scope", "城管中队");
            // every ranked unit's numbers are its lists' lengths
            for (Map u : ranked) {
                assertThat(caseNos(u, "SCORED_DUE")).hasSize(((Number) u.get("dueCount")).intValue());
                assertThat(caseNos(u, "SCORED_CLOSED")).hasSize(((Number) u.get("closedCount")).intValue());
                assertThat(caseNos(u, "SCORED_OVERDUE")).hasSize(((Number) u.get("overdueCount")).intValue());
            }
            assertThat(list("chuangban1", chengguan.get("cases") + "&figure=SCORED_DUE").get("note"))
                    .as("scores computed now need no note").isNull();
            // once the period's scores are saved (as its 例会 saves them), the lists say they are today's, not the saved ones
            ClockUtil.setCurrentTime(Date.from(at("2024-12-04T09:00")));
            unitScores.computeAndSave("jiuting", "DASHT5", "2024-11");
            ClockUtil.setCurrentTime(Date.from(at("2024-12-05T10:00")));
            assertThat(list("chuangban1", chengguan.get("cases") + "&figure=SCORED_DUE").get("note"))
                    .isEqualTo("考核排名是2024年12月4日 09:00保存的得分，此清单则按今日的案件情况列出：此后结案、延期等办理已计入，件数可能与排名中的不同。");
        } finally {
            clear(jt, "DASHT5");
            jdbc.update("delete from score_component where score_scope like '%DASHT5%'");
            jdbc.update("delete from score_unit where score_scope like '%DASHT5%'");
            ClockUtil.reset();
        }
    }

    private List<String> caseNos(Map line, String figure) {
        Map listed = list("chuangban1", line.get("cases") + "&figure=" + figure);
        List<String> nos = ((List<Map>) listed.get("cases")).stream().map(c -> (String) c.get("caseNo")).toList();
        assertThat(listed.get("total")).as("%s %s", line.get("unitName"), figure).isEqualTo(nos.size());
        return nos;
    }

    private static String reportLine(Map u) {
        return u.get("unitName") + " " + u.get("reported") + " " + u.get("closed") + " " + u.get("overdue") + " " + u.get("openAtEnd");
    }

    private List<String> unitFigures(String period) {
        return unitFigures("DASHRO", period);
    }

    private List<String> unitFigures(String campaign, String period) {
        Map d = list("jxtuijinban1", "/api/campaigns/" + campaign + "/dashboard?period=" + period);
        return ((List<Map>) d.get("units")).stream().map(CampaignDashboardTest::figures).toList();
    }

    /**
     * 松江区's campaign: its towns take part as organisations (石湖荡镇, done by its office), not as units of the district.
     * They lead none of its cases, so neither the 驾驶舱's unit table nor the monthly report lists them among its units (the
     * district ranks them apart, in the 街镇排名 of its scores and of the monthly report); its units are named, never by id; so does a case page its campaign and
     * plan item.
     */
    @Test
    void aDistrictCampaignsTownsAreNoUnitsOfItsDashboardNorOfItsMonthlyReport() {
        CampaignFixture sj = new CampaignFixture(jdbc, "DASHSJ");
        try {
            clear(sj, "DASHSJ");
            Instant now = Instant.now();
            sj.campaign("松江区满意度测评提升驾驶舱测试", 1, "songjiang", "songjiang-2024-satisfaction", "松江区满意度测评提升")
                    .phase(1, "补齐短板弱项", day(now, -10), day(now, 30))
                    .unit("sjlvrongju", "区绿化市容局", 1).unit("shihudang", "shdshirongban", "石湖荡镇", 2);
            String caseNo = sj.addCase("SURVEY_URBAN_ROADS", "sjlvrongju", local(now.minus(Duration.ofDays(2))),
                    local(now.plus(Duration.ofDays(5))), null, false);

            Map d = rest.withBasicAuth("sjshirongban1", "demo").getForObject("/api/campaigns/DASHSJ/dashboard", Map.class);
            assertThat((List<Map>) d.get("units")).extracting(u -> u.get("unitId") + " " + u.get("unitName"))
                    .as("the fixture's one department, then the plan items' other lead departments (no towns)")
                    .containsExactly("sjlvrongju 区绿化市容局", "sjchengguanju 区城管执法局", "sjfangguanju 区房管局", "sjshuiwuju 区水务局",
                            "sjjianguanwei 区建设管理委");
            // supreview-s54 V5: the campaign's ranking of its towns, as its 通报 ranks them (not the whole district's), named so
            String territories = "/api/scores/export.xlsx?period=" + ((Map) d.get("period")).get("code")
                    + "&campaign=DASHSJ&organization=songjiang&part=territories";
            assertThat((Map) d.get("links")).as("the district's ranking of its towns, beside the campaign's scores")
                    .containsEntry("territories", territories);
            org.shirong.system.XlsxDownload towns = org.shirong.system.XlsxDownload.of(rest.withBasicAuth("sjshirongban1", "demo")
                    .getForEntity(territories, byte[].class));
            assertThat(towns.sheetName()).as("the towns' sheet alone").isEqualTo("街镇排名");
            assertThat(towns.title()).endsWith("街镇排名（按街镇牵头的本活动案件）");
            assertThat(java.net.URLDecoder.decode(towns.contentDisposition(), java.nio.charset.StandardCharsets.UTF_8))
                    .contains("“松江区满意度测评提升驾驶舱测试”2026年12月街镇排名-").doesNotContain("松江区2026年12月“松江区").doesNotContain("单位考核得分");
            ResponseEntity<String> badPart = rest.withBasicAuth("sjshirongban1", "demo")
                    .getForEntity(territories.replace("part=territories", "part=towns"), String.class);
            assertThat(badPart.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(badPart.getBody()).contains("part", "街镇排名");
            Map unit = ((List<Map>) d.get("units")).get(0);
            assertThat(list("sjshirongban1", unit.get("cases") + "&figure=OPEN")).containsEntry("scope", "区绿化市容局");
            ResponseEntity<Map> town = rest.withBasicAuth("sjshirongban1", "demo")
                    .getForEntity("/api/campaigns/DASHSJ/dashboard/cases?figure=OPEN&unit=shihudang", Map.class);
            assertThat(town.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(town.getBody().toString()).contains("没有单位 shihudang");
            String report = rest.withBasicAuth("sjshirongban1", "demo").getForObject("/api/campaigns/DASHSJ/monthly-report?period="
                    + ((Map) d.get("period")).get("code"), String.class);
            assertThat(report.substring(0, report.indexOf("<h2>六、街镇排名</h2>"))).contains("<td class=\"name\">区绿化市容局</td>")
                    .doesNotContain("石湖荡镇");
            assertThat(report.substring(report.indexOf("<h2>六、街镇排名</h2>"))).as("ranked apart, as a place").contains("石湖荡镇");
            // Its case page names the campaign and the plan item (测评大类), not their codes.
            assertThat(rest.withBasicAuth("sjshirongban1", "demo").getForObject("/shirong/cases/" + caseNo, String.class))
                    .contains("data-campaign-name=\"松江区满意度测评提升驾驶舱测试\"", "data-plan-item-name=\"城市道路\"");
        } finally {
            clear(sj, "DASHSJ");
        }
    }

    /**
     * sjreview F5, F6: the district's 驾驶舱 shows the overdue cases whose 督办超期案件 task waits in the office (not only
     * the 督办 already issued), which unit (a town's office too) has not done which task, those past their deadline first,
     * and the campaign's cases per town and street they lie in. A town's office whose name does not say its town is named
     * with it (sjreview F10: 九亭镇's 创建工作办公室).
     */
    @Test
    void aDistrictDashboardShowsCasesAwaitingSupervisionOpenTasksPerUnitAndCasesPerTown() {
        CampaignFixture sj = new CampaignFixture(jdbc, "DASHSV");
        String instance = null;
        String assignment = null;
        try {
            clear(sj, "DASHSV");
            Instant now = Instant.now();
            sj.campaign("松江区督办驾驶舱测试", 1, "songjiang", "songjiang-2024-satisfaction", "松江区满意度测评提升")
                    .phase(1, "补齐短板弱项", day(now, -20), day(now, 30))
                    .unit("sjlvrongju", "区绿化市容局", 1).unit("shihudang", "shdshirongban", "石湖荡镇", 2)
                    .unit("jiuting", "chuangban", "九亭镇", 3)
                    .openTask(1, "sjlvrongju", "认领测评点位问题（城市道路）", local(now.plus(Duration.ofDays(3))))
                    .openTask(1, "chuangban", "提交整改提升方案（九亭镇）", local(now.plus(Duration.ofDays(4))))
                    .openTask(1, "shdshirongban", "提交整改提升方案（石湖荡镇）", local(now.minus(Duration.ofDays(2))))
                    .task(1, "sjshuiwuju", true);
            String overdue = sj.addCase("SURVEY_URBAN_ROADS", "sjlvrongju", local(now.minus(Duration.ofDays(10))),
                    local(now.minus(Duration.ofDays(2))), null, true);
            String onTime = sj.addCase("SURVEY_URBAN_ROADS", "sjlvrongju", local(now.minus(Duration.ofDays(1))),
                    local(now.plus(Duration.ofDays(5))), null, false);
            jdbc.update("update rect_case set territory = 'shihudang', escalated = true where case_no = ?", overdue);
            jdbc.update("update rect_case set territory = 'shihudang' where case_no = ?", onTime);
            instance = runtimeService.createProcessInstanceByKey(org.shirong.rectification.RectificationProcess.KEY)
                    .processDefinitionTenantId("songjiang").businessKey(overdue)
                    .startBeforeActivity(org.shirong.rectification.RectificationProcess.TASK_SUPERVISE)
                    .setVariables(Map.of(org.shirong.rectification.RectificationProcess.VAR_CASE_NO, overdue,
                            org.shirong.rectification.RectificationProcess.VAR_LEAD_UNIT, "sjlvrongju"))
                    .execute().getId();
            jdbc.update("update rect_case set process_instance_id = ? where case_no = ?", instance, overdue);
            // jtreview-s59 T3: the office's own case work — a 延期 to approve, past its deadline, and a 挂账 whose 复核日期 passed
            String approval = runtimeService.createProcessInstanceByKey(org.shirong.rectification.RectificationProcess.KEY)
                    .processDefinitionTenantId("songjiang").businessKey(onTime)
                    .startBeforeActivity(org.shirong.rectification.RectificationProcess.TASK_APPROVE_EXTENSION)
                    .setVariables(Map.of(org.shirong.rectification.RectificationProcess.VAR_CASE_NO, onTime,
                            org.shirong.rectification.RectificationProcess.VAR_LEAD_UNIT, "sjlvrongju"))
                    .execute().getId();
            jdbc.update("update rect_case set process_instance_id = ? where case_no = ?", approval, onTime);
            Instant approvalDue = now.minus(Duration.ofDays(1)).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
            taskService.setDueDate(taskService.createTaskQuery().processInstanceId(approval).singleResult().getId(), Date.from(approvalDue));
            String suspended = sj.addCase("SURVEY_URBAN_ROADS", "sjlvrongju", local(now.minus(Duration.ofDays(30))),
                    local(now.minus(Duration.ofDays(20))), null, false);
            Instant reviewAt = now.minus(Duration.ofDays(3)).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
            String resume = runtimeService.createProcessInstanceByKey(org.shirong.rectification.RectificationProcess.KEY)
                    .processDefinitionTenantId("songjiang").businessKey(suspended)
                    .startBeforeActivity(org.shirong.rectification.RectificationProcess.TASK_RESUME)
                    .setVariables(Map.of(org.shirong.rectification.RectificationProcess.VAR_CASE_NO, suspended,
                            org.shirong.rectification.RectificationProcess.VAR_LEAD_UNIT, "sjlvrongju",
                            org.shirong.rectification.RectificationProcess.VAR_SUSPENSION_REVIEW_DATE, day(reviewAt, 0),
                            org.shirong.rectification.RectificationProcess.VAR_SUSPENSION_REVIEW_AT, Date.from(reviewAt),
                            org.shirong.rectification.RectificationProcess.VAR_SUSPENSION_DECISION_COMMENT, "同意"))
                    .execute().getId();
            jdbc.update("update rect_case set status = 'SUSPENDED', suspended_at = ?, process_instance_id = ? where case_no = ?",
                    Timestamp.from(now.minus(Duration.ofDays(25))), resume, suspended);

            // a leader of the district reads it too, though the office's task is not his to read in the engine
            for (String reader : List.of("sjshirongban1", "sjlingdao1")) {
                Map d = rest.withBasicAuth(reader, "demo").getForObject("/api/campaigns/DASHSV/dashboard", Map.class);
                assertThat((List<Map>) d.get("awaitingSupervision")).as(reader).singleElement().satisfies(a -> assertThat(a)
                        .containsEntry("caseNo", overdue).containsEntry("leadUnitName", "区绿化市容局")
                        .containsEntry("territoryName", "石湖荡镇").containsEntry("escalated", true).containsKey("since"));
                assertThat((List<Map>) d.get("supervision")).as("no 督办 issued yet").isEmpty();
            }
            Map d = rest.withBasicAuth("sjshirongban1", "demo").getForObject("/api/campaigns/DASHSV/dashboard", Map.class);
            assertThat((List<Map>) d.get("openTasks")).extracting(u -> u.get("unitId") + " " + u.get("open") + " " + u.get("overdue"))
                    .as("the units with an overdue task first; done tasks not listed")
                    .containsExactly("shdshirongban 1 1", "sjshirongban 3 2", "sjlvrongju 1 0", "chuangban 1 0");
            assertThat((List<Map>) d.get("openTasks")).extracting(u -> u.get("unitName")).as("a town's office named with its town"
                    + " when its name does not say it").containsExactly("石湖荡镇市容环境管理办公室", "区市容管理专项办公室", "区绿化市容局",
                    "创建工作办公室（九亭镇）");
            assertThat((List<Map>) ((List<Map>) d.get("openTasks")).get(0).get("tasks")).singleElement()
                    .satisfies(t -> assertThat(t).containsEntry("name", "提交整改提升方案（石湖荡镇）").containsEntry("overdue", true));
            // the office's waiting case work, by deadline, each date as the documents write it (jtreview-s59 T3)
            java.time.format.DateTimeFormatter chinese = java.time.format.DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");
            assertThat((List<Map>) ((List<Map>) d.get("openTasks")).get(1).get("tasks"))
                    .extracting(t -> ((String) t.get("name")).replaceAll(" · .*", "") + " " + t.get("dueText") + " " + t.get("overdue"))
                    .containsExactly("挂账到期待复核 " + chinese.format(reviewAt.atZone(SHANGHAI)) + " true",
                            "审批延期申请 " + chinese.format(approvalDue.atZone(SHANGHAI)) + " true",
                            "督办超期案件 " + chinese.format(taskService.createTaskQuery().processInstanceId(instance).singleResult()
                                    .getDueDate().toInstant().atZone(SHANGHAI)) + " false");
            assertThat((List<Map>) ((List<Map>) d.get("openTasks")).get(1).get("tasks")).extracting(t -> (String) t.get("name"))
                    .anySatisfy(n -> assertThat(n).contains(suspended)).anySatisfy(n -> assertThat(n).contains(onTime))
                    .anySatisfy(n -> assertThat(n).contains(overdue));
            // who holds each: the office's engine tasks unclaimed, then one claimed; the 复核 is no one's task (jtreview-s59 T12)
            assertThat((List<Map>) ((List<Map>) d.get("openTasks")).get(1).get("tasks")).extracting(t -> t.get("holder"))
                    .containsExactly(null, "尚未认领", "尚未认领");
            String superviseTask = taskService.createTaskQuery().processInstanceId(instance).singleResult().getId();
            taskService.setAssignee(superviseTask, "sjshirongban1");
            Map claimed = rest.withBasicAuth("sjshirongban1", "demo").getForObject("/api/campaigns/DASHSV/dashboard", Map.class);
            assertThat((String) ((List<Map>) ((List<Map>) claimed.get("openTasks")).get(1).get("tasks")).get(2).get("holder"))
                    .startsWith("办理人 ").doesNotContain("sjshirongban1");
            taskService.setAssignee(superviseTask, null);
            assertThat((List<Map>) d.get("places")).extracting(p -> p.get("organization")).contains("shihudang", "yueyang", "jiuting");
            assertThat((List<Map>) d.get("places")).filteredOn(p -> "shihudang".equals(p.get("organization"))).singleElement()
                    .satisfies(p -> assertThat(p.get("name") + " " + p.get("levelName") + " " + p.get("open") + " " + p.get("red")
                            + " " + p.get("closed")).isEqualTo("石湖荡镇 镇 2 1 0"));
            assertThat((List<Map>) d.get("places")).filteredOn(p -> "yueyang".equals(p.get("organization"))).singleElement()
                    .satisfies(p -> assertThat(p).containsEntry("levelName", "街道").containsEntry("open", 0));

            // 石湖荡镇 reading its part sees its own task and its own line only
            Map town = rest.withBasicAuth("shdshirongban1", "demo").getForObject("/api/campaigns/DASHSV/dashboard", Map.class);
            assertThat((List<Map>) town.get("openTasks")).extracting(u -> u.get("unitId")).containsExactly("shdshirongban");
            assertThat((List<Map>) town.get("places")).extracting(p -> p.get("organization")).containsExactly("shihudang");

            // sjreview-s57 D4: work the office hands 石湖荡镇 under the campaign (工作交办's 所属活动) is among the town's open
            // work on the campaign's 驾驶舱, though the town does it in its own organisation; a campaign not running is refused
            String start = "/engine-rest/process-definition/key/" + WorkAssignmentProcess.KEY + "/tenant-id/songjiang/";
            String form = rest.withBasicAuth("sjshirongban1", "demo").getForObject(start + "deployed-start-form", String.class)
                    .replaceAll("\\s", "");
            assertThat(form).contains("\"label\":\"松江区督办驾驶舱测试（DASHSV）\",\"value\":\"DASHSV\"",
                    "\"label\":\"不属于活动\",\"value\":\"none\"");
            String due = LocalDate.now().plusYears(1).withMonth(3).withDayOfMonth(1)
                    .with(java.time.temporal.TemporalAdjusters.firstInMonth(java.time.DayOfWeek.WEDNESDAY)).toString();
            org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
            headers.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
            String body = """
                    {"variables":{"title":{"value":"石湖荡镇菜场周边市容整治"},"unitGroup":{"value":"shdshirongban"},
                     "requirement":{"value":"清理占道经营"},"dueDate":{"value":"%s"},"campaign":{"value":"%s"}}}""";
            var refused = rest.withBasicAuth("sjshirongban1", "demo").postForEntity(start + "submit-form",
                    new org.springframework.http.HttpEntity<>(body.formatted(due, "JT-NOPE"), headers), String.class);
            assertThat(refused.getStatusCode().value()).as(refused.getBody()).isEqualTo(400);
            assertThat(refused.getBody()).contains("所属活动“JT-NOPE”不是本组织正在进行的活动");
            var started = rest.withBasicAuth("sjshirongban1", "demo").postForEntity(start + "submit-form",
                    new org.springframework.http.HttpEntity<>(body.formatted(due, "DASHSV"), headers), String.class);
            assertThat(started.getStatusCode().value()).as(started.getBody()).isEqualTo(200);
            assignment = runtimeService.createProcessInstanceQuery().processDefinitionKey(WorkAssignmentProcess.KEY)
                    .processInstanceBusinessKey("DASHSV").singleResult().getId();
            for (int round = 0; round < 3; round++) {
                runtimeService.createProcessInstanceQuery().processInstanceBusinessKey("DASHSV").list().forEach(p -> managementService
                        .createJobQuery().processInstanceId(p.getId()).executable().list().forEach(j -> managementService.executeJob(j.getId())));
            }
            Map withWork = rest.withBasicAuth("sjshirongban1", "demo").getForObject("/api/campaigns/DASHSV/dashboard", Map.class);
            assertThat((List<Map>) withWork.get("openTasks")).filteredOn(u -> "shdshirongban".equals(u.get("unitId"))).singleElement()
                    .satisfies(u -> assertThat((List<Map>) u.get("tasks")).extracting(t -> t.get("name"))
                            .containsExactly("提交整改提升方案（石湖荡镇）", "交办：石湖荡镇菜场周边市容整治"));
            assertThat(((Map) withWork.get("links")).get("workAssignments")).isEqualTo("/shirong/work-assignments?organization=songjiang");

            // diffreview-s57 R1: 九亭镇's clerk may not file work into the district's campaign by sending its code as the
            // business key of a start in 九亭镇 (REST start and start form alike): refused in Chinese, nothing started
            String jiuting = "/engine-rest/process-definition/key/" + WorkAssignmentProcess.KEY + "/tenant-id/jiuting/";
            String keyed = """
                    {"businessKey":"DASHSV","variables":{"title":{"value":"九亭镇冒充区活动的交办"},"unitGroup":{"value":"lvrong"},
                     "requirement":{"value":"清理堆物"},"dueDate":{"value":"%s"}%s}}""";
            for (String sent : List.of(keyed.formatted(due, ""), keyed.formatted(due, ",\"campaign\":{\"value\":\"none\"}"))) {
                for (String action : List.of("start", "submit-form")) {
                    var injected = rest.withBasicAuth("chuangban1", "demo").postForEntity(jiuting + action,
                            new org.springframework.http.HttpEntity<>(sent, headers), String.class);
                    assertThat(injected.getStatusCode().value()).as(action + " " + injected.getBody()).isEqualTo(400);
                    assertThat(injected.getBody()).contains("工作交办的业务键由“所属活动”确定，不能另行填写（收到“DASHSV”）");
                }
            }
            assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(WorkAssignmentProcess.KEY)
                    .variableValueEquals("title", "九亭镇冒充区活动的交办").count()).as("nothing started").isZero();
            // and work that carries the code from before, outside the district's own work (a town's own start, another
            // organisation's), is not the campaign's: the 驾驶舱 shows what it showed
            for (String[] other : List.of(new String[] {"jiuting", "lvrong"}, new String[] {"jinxi", "jxchengguan"})) {
                runtimeService.createProcessInstanceByKey(WorkAssignmentProcess.KEY).processDefinitionTenantId(other[0])
                        .businessKey("DASHSV").setVariables(Map.of(WorkAssignmentProcess.VAR_TITLE, "外组织带活动编号的交办",
                                WorkAssignmentProcess.VAR_UNIT_GROUP, other[1], WorkAssignmentProcess.VAR_REQUIREMENT, "x",
                                WorkAssignmentProcess.VAR_DUE_DATE, LocalDate.now().minusDays(3).toString())).execute();
            }
            Map unaffected = rest.withBasicAuth("sjshirongban1", "demo").getForObject("/api/campaigns/DASHSV/dashboard", Map.class);
            assertThat(unaffected.get("openTasks")).isEqualTo(withWork.get("openTasks"));
        } finally {
            runtimeService.createProcessInstanceQuery().processDefinitionKey(WorkAssignmentProcess.KEY).processInstanceBusinessKey("DASHSV")
                    .tenantIdIn("jiuting", "jinxi").list().forEach(p -> runtimeService.deleteProcessInstanceIfExists(p.getId(),
                            "测试结束", true, true, true, false));
            if (assignment != null) {
                runtimeService.deleteProcessInstanceIfExists(assignment, "测试结束", true, true, true, false);
            }
            runtimeService.createProcessInstanceQuery().processInstanceBusinessKeyLike("DASHSV-%").list()
                    .forEach(p -> runtimeService.deleteProcessInstanceIfExists(p.getId(), "测试结束", true, true, true, false));
            clear(sj, "DASHSV");
        }
    }

    /**
     * The header of Shirong's pages offers the 驾驶舱 only to whom Cockpit lets in: 九亭镇's office, not a unit's clerk
     * (who would be refused) nor a district department.
     */
    @Test
    void thePageHeaderOffersTheCockpitOnlyToWhoMayOpenIt() {
        String cockpit = "href=\"/camunda/app/cockpit/default/\"";
        for (String supervisor : List.of("chuangban1", "ducha1", "sjlianjian1")) {
            assertThat(rest.withBasicAuth(supervisor, "demo").getForObject("/shirong/map", String.class)).as(supervisor)
                    .contains(cockpit);
        }
        for (String unit : List.of("huanwei1", "sjlvrongju1")) {
            assertThat(rest.withBasicAuth(unit, "demo").getForObject("/shirong/map", String.class)).as(unit)
                    .contains("href=\"/shirong/map\"").doesNotContain(cockpit);
        }
    }

    /**
     * jtreview-s59 T11: the campaign map's heading names the campaign (案件地图 · 锦溪镇…), not its code, for its own
     * organisation; another organisation's user, typing the code, learns nothing of it.
     */
    @Test
    void theCampaignMapIsHeadedWithTheCampaignsNameForItsOwnOrganisationOnly() {
        CampaignFixture jx = new CampaignFixture(jdbc, "DASHMAP");
        try {
            clear(jx, "DASHMAP");
            jx.campaign("锦溪镇地图标题测试", 2, "jinxi", "jinxi-2017-931", "锦溪镇931")
                    .phase(1, "明确任务制定方案", "2024-08-01", "2024-08-31").phase(2, "深入推进全面整治", "2024-09-01", "2024-11-30")
                    .phase(3, "考核评估表彰先进", "2024-12-01", "2024-12-31");
            assertThat(rest.withBasicAuth("jxtuijinban1", "demo").getForObject("/shirong/map?campaign=DASHMAP", String.class))
                    .contains("案件地图 · 锦溪镇地图标题测试</h1>").doesNotContain("案件地图 · DASHMAP");
            assertThat(rest.withBasicAuth("chuangban1", "demo").getForObject("/shirong/map?campaign=DASHMAP", String.class))
                    .contains("案件地图 · DASHMAP</h1>").doesNotContain("锦溪镇地图标题测试");
        } finally {
            clear(jx, "DASHMAP");
        }
    }

    /**
     * 上报问题 in the header of Shirong's pages only for who has a source to report under in his own organisation (a unit's
     * clerk, the office), as Tasklist's header offers it; not for the administrator of every organisation, who would have
     * to name one and is refused without.
     */
    @Test
    void thePageHeaderOffersReportingOnlyToWhoMayReport() {
        String report = "href=\"/shirong/report\"";
        for (String reporter : List.of("huanwei1", "chuangban1", "jxshuili1")) {
            assertThat(rest.withBasicAuth(reporter, "demo").getForObject("/shirong/map", String.class)).as(reporter).contains(report);
        }
        assertThat(rest.withBasicAuth("admin", "admin").getForEntity("/api/cases/sources", String.class).getStatusCode())
                .isEqualTo(org.springframework.http.HttpStatus.BAD_REQUEST);
        assertThat(rest.withBasicAuth("admin", "admin").getForObject("/shirong/map", String.class))
                .contains("href=\"/shirong/map\"").doesNotContain(report);
    }

    /**
     * jxreview s55 J8: 上报问题 preselects the organisation's only running campaign (锦溪镇's “931”), so that a problem
     * reported at the default counts in the 驾驶舱 and reports; 不属于活动 stays the first choice, and nothing is preselected
     * where the organisation runs none or several, nor another organisation's campaign.
     */
    @Test
    void theReportPagePreselectsTheOrganisationsOnlyRunningCampaign() {
        CampaignFixture first = new CampaignFixture(jdbc, "RPTCD1");
        CampaignFixture second = new CampaignFixture(jdbc, "RPTCD2");
        try {
            clear(first, "RPTCD1");
            clear(second, "RPTCD2");
            assertThat(reportPage("cdshirongban1")).contains("data-default=\"\"><option value=\"\">不属于活动</option>")
                    .doesNotContain("report-campaign-default");
            first.campaign("车墩镇上报测试活动", 1, "chedun", "jiuting", "测试");
            assertThat(reportPage("cdshirongban1")).contains("data-default=\"RPTCD1\"><option value=\"\">不属于活动</option>",
                    "已预先选中本组织正在进行的活动");
            assertThat(reportPage("shdshirongban1")).as("another town of the district").contains("data-default=\"\"");
            second.campaign("车墩镇上报测试活动二", 1, "chedun", "jiuting", "测试");
            assertThat(reportPage("cdshirongban1")).as("two running: the reporter chooses").contains("data-default=\"\"");
            jdbc.update("update campaign set status = 'ENDED' where code = 'RPTCD1'");
            assertThat(reportPage("cdshirongban1")).contains("data-default=\"RPTCD2\"");
        } finally {
            clear(first, "RPTCD1");
            clear(second, "RPTCD2");
        }
        List<String> jinxiRunning = jdbc.queryForList("select code from campaign where tenant_id = 'jinxi' and status = 'RUNNING'",
                String.class);
        assertThat(reportPage("jxhuanwei1")).contains("data-default=\"" + (jinxiRunning.size() == 1 ? jinxiRunning.get(0) : "") + "\"");
        // the page selects it among the campaigns it lists, and again for 再报一件 (form.reset keeps a default selection)
        assertThat(rest.withBasicAuth("jxhuanwei1", "demo").getForObject("/shirong/assets/report-page.js", String.class))
                .contains("select.getAttribute('data-default')", "option.defaultSelected = true");
    }

    /**
     * sjreview-s57 D5: the district's 上报问题 offers 属地街镇 — its towns and streets and 区级范围 — whose value the page sends
     * as {@code location.territory}, and the API's refusal of a point problem without one is shown under that field, not at
     * the foot of the page; a town's page, whose cases lie in the town, has no such field.
     */
    @Test
    void aDistrictsReportPageOffersItsTownsAsTerritoryAndShowsTheRefusalUnderIt() {
        String page = reportPage("sjshirongban1");
        assertThat(page).contains("<select id=\"report-territory\"", "<option value=\"xinqiao\">新桥镇</option>",
                "<option value=\"jiuting\">九亭镇</option>", "<option value=\"songjiang\">区级范围",
                "data-error-for=\"location.territory\"");
        assertThat(page.indexOf("data-error-for=\"location.territory\"")).isLessThan(page.indexOf("id=\"report-submit\""))
                .isGreaterThan(page.indexOf("id=\"report-territory\""));
        assertThat(reportPage("chuangban1")).doesNotContain("report-territory");
        assertThat(rest.withBasicAuth("sjshirongban1", "demo").getForObject("/shirong/assets/report-page.js", String.class))
                .contains("location.territory = territory.value");
        // what the page posts: without a 属地 refused naming location.territory (the field the page now has) …
        ResponseEntity<Map> refused = rest.withBasicAuth("sjshirongban1", "demo").postForEntity("/api/cases", CampaignApiTest.json("""
                {"title":"测试：候车亭座椅缺失","category":"%s","source":"SURVEY","location":{"address":"荣乐东路 100 号","territory":"%s"},
                 "campaign":"NO-SUCH-CAMPAIGN"}""".formatted("SURVEY_PUBLIC_FACILITIES", "")), Map.class);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(String.valueOf(refused.getBody())).contains("location.territory", "TERRITORY_REQUIRED");
        // … and with the select's value no longer refused for it (the unknown campaign keeps the case from being filed)
        ResponseEntity<Map> chosen = rest.withBasicAuth("sjshirongban1", "demo").postForEntity("/api/cases", CampaignApiTest.json("""
                {"title":"测试：候车亭座椅缺失","category":"%s","source":"SURVEY","location":{"address":"荣乐东路 100 号","territory":"%s"},
                 "campaign":"NO-SUCH-CAMPAIGN"}""".formatted("SURVEY_PUBLIC_FACILITIES", "xinqiao")), Map.class);
        assertThat(chosen.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(String.valueOf(chosen.getBody())).contains("campaign").doesNotContain("location.territory");
    }

    /**
     * sjreview-s57 D17: 上报问题 offers the chosen category's 小项 (the survey's 35, from {@code GET /api/categories}) and sends
     * the choice as {@code subItem}, whose refusal is shown under it.
     */
    @Test
    @SuppressWarnings("unchecked")
    void aDistrictsReportPageOffersTheChosenCategorysSubItems() {
        assertThat(reportPage("sjshirongban1")).contains("<select id=\"report-sub-item\"", "data-error-for=\"subItem\"");
        List<Map> categories = rest.withBasicAuth("sjshirongban1", "demo").getForObject("/api/categories", List.class);
        assertThat(categories).filteredOn(c -> "SURVEY_BUILDINGS".equals(c.get("code"))).singleElement()
                .satisfies(c -> assertThat((List<String>) c.get("items")).contains("无违法建筑"));
        assertThat(rest.withBasicAuth("sjshirongban1", "demo").getForObject("/shirong/assets/report-page.js", String.class))
                .contains("subItem: $('report-sub-item').value || null", "c.items");
        ResponseEntity<Map> refused = rest.withBasicAuth("sjshirongban1", "demo").postForEntity("/api/cases", CampaignApiTest.json("""
                {"title":"测试","category":"SURVEY_BUILDINGS","subItem":"没有这个小项","source":"SURVEY",
                 "location":{"address":"荣乐东路 1 号","territory":"xinqiao"},"campaign":"NO-SUCH-CAMPAIGN"}"""), Map.class);
        assertThat(String.valueOf(refused.getBody())).contains("subItem", "UNKNOWN_SUB_ITEM");
    }

    /**
     * sjreview-s57 D6: 所属活动 on 上报问题 lists only campaigns the caller's organisation may report into
     * ({@code GET /api/campaigns?reportable=true}): the district, which reads 九亭镇's campaign as its overseer, is not offered
     * it (a case under it is refused); 九亭镇's own office is.
     */
    @Test
    void theReportPageOffersOnlyCampaignsTheCallersOrganisationMayReportInto() {
        CampaignFixture town = new CampaignFixture(jdbc, "RPTJT1");
        try {
            clear(town, "RPTJT1");
            town.campaign("九亭镇上报所属活动测试", 1);
            assertThat(codes("sjshirongban1", "/api/campaigns")).as("the district oversees it").contains("RPTJT1");
            assertThat(codes("sjshirongban1", "/api/campaigns?reportable=true")).doesNotContain("RPTJT1");
            assertThat(codes("chuangban1", "/api/campaigns?reportable=true")).contains("RPTJT1");
            ResponseEntity<Map> refused = rest.withBasicAuth("sjshirongban1", "demo").postForEntity("/api/cases", CampaignApiTest.json("""
                    {"title":"测试","category":"SURVEY_PUBLIC_FACILITIES","source":"SURVEY","location":{"address":"九亭镇沪亭北路 1 号"},
                     "campaign":"RPTJT1"}"""), Map.class);
            assertThat(String.valueOf(refused.getBody())).contains("UNKNOWN_CAMPAIGN");
        } finally {
            clear(town, "RPTJT1");
        }
        assertThat(rest.withBasicAuth("sjshirongban1", "demo").getForObject("/shirong/assets/report-page.js", String.class))
                .contains("/api/campaigns?reportable=true");
    }

    private List<Object> codes(String user, String url) {
        List<Map> campaigns = rest.withBasicAuth(user, "demo").getForObject(url, List.class);
        return campaigns.stream().map(c -> c.get("code")).toList();
    }

    private String reportPage(String user) {
        ResponseEntity<String> page = rest.withBasicAuth(user, "demo").getForEntity("/shirong/report", String.class);
        assertThat(page.getStatusCode()).as(user).isEqualTo(HttpStatus.OK);
        return page.getBody();
    }

    /** More cases behind a number than the list shows: it shows the first ones and says how many there are. */
    @Test
    void aListTooLongForThePageSaysHowManyCasesThereAre() {
        CampaignFixture many = new CampaignFixture(jdbc, "DASHMANY");
        try {
            clear(many, "DASHMANY");
            Instant now = Instant.now();
            many.campaign("九亭镇驾驶舱长列表测试", 1).phase(1, "前期准备", day(now, -10), day(now, 30)).unit("huanwei", "环卫所", 1);
            for (int i = 0; i < CampaignDashboard.LIST_LIMIT + 3; i++) {
                many.addCase("huanwei", local(now.minus(Duration.ofDays(2))), local(now.plus(Duration.ofDays(5))), null, false);
            }
            Map d = rest.withBasicAuth("lingdao1", "demo").getForObject("/api/campaigns/DASHMANY/dashboard", Map.class);
            assertThat(((Map) d.get("total")).get("open")).isEqualTo(CampaignDashboard.LIST_LIMIT + 3);
            Map list = list("lingdao1", ((Map) d.get("total")).get("cases") + "&figure=OPEN");
            assertThat(list.get("total")).isEqualTo(CampaignDashboard.LIST_LIMIT + 3);
            assertThat(list.get("limit")).isEqualTo(CampaignDashboard.LIST_LIMIT);
            assertThat((List<Map>) list.get("cases")).hasSize(CampaignDashboard.LIST_LIMIT)
                    .first().satisfies(c -> assertThat(c.get("caseNo")).isEqualTo("DASHMANY-1"));
        } finally {
            clear(many, "DASHMANY");
        }
    }

    /**
     * A {@code figure}, {@code unit}, {@code item} or {@code period} with a control character is refused naming the
     * parameter, without echoing the text; a month of a year outside the accepted ones is named out of range, with it.
     */
    @Test
    void aParameterWithAControlCharacterIsRefusedByNameAndAMonthOutOfRangeNamesTheRange() {
        CampaignFixture bad = new CampaignFixture(jdbc, "DASHBAD");
        try {
            clear(bad, "DASHBAD");
            Instant now = Instant.now();
            bad.campaign("九亭镇驾驶舱参数测试", 1).phase(1, "前期准备", day(now, -10), day(now, 30)).unit("huanwei", "环卫所", 1);
            for (String parameter : List.of("figure", "unit", "item", "period")) {
                String query = (parameter.equals("figure") ? "" : "figure=OPEN&") + parameter + "=EXPOSED%00GARBAGE";
                ResponseEntity<Map> refused = rest.withBasicAuth("lingdao1", "demo")
                        .getForEntity(java.net.URI.create("/api/campaigns/DASHBAD/dashboard/cases?" + query), Map.class);
                assertThat(refused.getStatusCode()).as(query).isEqualTo(HttpStatus.BAD_REQUEST);
                assertThat((List<Map>) refused.getBody().get("errors")).as(query).singleElement().satisfies(e -> {
                    assertThat(e.get("field")).isEqualTo(parameter);
                    assertThat((String) e.get("message")).contains("参数 " + parameter, "U+0000").doesNotContain("\u0000", "GARBAGE");
                });
            }
            for (String path : List.of("/api/campaigns/DASHBAD/dashboard?period=1970-01",
                    "/api/campaigns/DASHBAD/dashboard/cases?figure=OPEN&period=1970-01")) {
                ResponseEntity<Map> refused = rest.withBasicAuth("lingdao1", "demo").getForEntity(path, Map.class);
                assertThat(refused.getStatusCode()).as(path).isEqualTo(HttpStatus.BAD_REQUEST);
                assertThat((List<Map>) refused.getBody().get("errors")).as(path).singleElement().satisfies(e -> assertThat(
                        (String) e.get("message")).startsWith("考核期间 1970-01 超出可查询的范围（2000-01-01 至 ").endsWith("），请检查年份"));
            }
        } finally {
            clear(bad, "DASHBAD");
        }
    }

    /**
     * sjreview leftover: the 考核月份 the 驾驶舱 offers run from this month back to the month the campaign began (its first
     * phase's first day, here earlier than the day it was started), none before; asking for an earlier month over REST is
     * refused with 400 naming the field in Chinese, on both the dashboard and its case lists, as a month not begun yet or,
     * once the campaign has ended, a month after it; another organisation's staff learn nothing about the campaign from it (404).
     */
    @Test
    @SuppressWarnings("unchecked")
    void theMonthsOfferedBeginWithTheCampaignAndAnEarlierMonthIsRefusedNamingTheField() {
        CampaignFixture months = new CampaignFixture(jdbc, "DASHMONTH");
        try {
            clear(months, "DASHMONTH");
            java.time.YearMonth current = java.time.YearMonth.now(SHANGHAI);
            months.campaign("九亭镇驾驶舱月份测试", 1).phase(1, "前期准备", current.minusMonths(2).atDay(12).toString(),
                    current.plusMonths(2).atDay(1).toString()).unit("huanwei", "环卫所", 1);
            jdbc.update("update campaign set started_at = ? where code = 'DASHMONTH'", Timestamp.from(Instant.now()));

            Map dashboard = list("lingdao1", "/api/campaigns/DASHMONTH/dashboard");
            assertThat((List<Map>) dashboard.get("months")).extracting(m -> m.get("code") + " " + m.get("name")).containsExactly(
                    current + " " + current.getYear() + "年" + current.getMonthValue() + "月",
                    current.minusMonths(1) + " " + current.minusMonths(1).getYear() + "年" + current.minusMonths(1).getMonthValue() + "月",
                    current.minusMonths(2) + " " + current.minusMonths(2).getYear() + "年" + current.minusMonths(2).getMonthValue() + "月");
            assertThat(list("lingdao1", "/api/campaigns/DASHMONTH/dashboard?period=" + current.minusMonths(2)).get("period"))
                    .asString().contains("code=" + current.minusMonths(2));

            java.time.YearMonth before = current.minusMonths(3);
            for (String path : List.of("/api/campaigns/DASHMONTH/dashboard?period=" + before,
                    "/api/campaigns/DASHMONTH/dashboard/cases?figure=OPEN&period=" + before)) {
                ResponseEntity<Map> refused = rest.withBasicAuth("lingdao1", "demo").getForEntity(path, Map.class);
                assertThat(refused.getStatusCode()).as(path).isEqualTo(HttpStatus.BAD_REQUEST);
                assertThat((List<Map>) refused.getBody().get("errors")).as(path).singleElement().satisfies(e -> {
                    assertThat(e).containsEntry("field", "period").containsEntry("code", "PERIOD_BEFORE_CAMPAIGN");
                    // in the words of the scores and the monthly report (CampaignPeriods)
                    assertThat((String) e.get("message")).isEqualTo("考核期间 " + before.getYear() + "年" + before.getMonthValue()
                            + "月 早于活动“九亭镇驾驶舱月份测试”开始的月份（" + current.minusMonths(2).getYear() + "年"
                            + current.minusMonths(2).getMonthValue() + "月），可选 " + current.minusMonths(2).getYear() + "年"
                            + current.minusMonths(2).getMonthValue() + "月至 " + current.getYear() + "年" + current.getMonthValue() + "月");
                });
            }
            assertThat(rest.withBasicAuth("jxtuijinban1", "demo").getForEntity("/api/campaigns/DASHMONTH/dashboard?period=" + before,
                    Map.class).getStatusCode()).as("another organisation's office").isEqualTo(HttpStatus.NOT_FOUND);
            refusedMonth("/api/campaigns/DASHMONTH/dashboard?period=" + current.plusMonths(1), "PERIOD_NOT_BEGUN");
            // s54 V8: its template scores by month only, so no quarter nor year is offered, and one asked for is refused
            assertThat((List<Map>) dashboard.get("months")).extracting(m -> m.get("kind")).containsOnly("MONTH");
            String quarter = current.getYear() + "-Q" + ((current.getMonthValue() - 1) / 3 + 1);
            for (String period : List.of(quarter, Integer.toString(current.getYear()))) {
                refusedMonth("/api/campaigns/DASHMONTH/dashboard?period=" + period, "PERIOD_NOT_OFFERED");
                refusedMonth("/api/campaigns/DASHMONTH/dashboard/cases?figure=OPEN&period=" + period, "PERIOD_NOT_OFFERED");
            }

            // Once the campaign has ended (its last phase ended last month) its last month is the newest, and the default,
            // so that its scores link asks for a month the scores give; a later month is refused as the scores refuse it.
            jdbc.update("update campaign_phase set last_day = ? where campaign_code = 'DASHMONTH'",
                    java.sql.Date.valueOf(current.minusMonths(1).atDay(5)));
            Map ended = list("lingdao1", "/api/campaigns/DASHMONTH/dashboard");
            assertThat((List<Map>) ended.get("months")).extracting(m -> m.get("code"))
                    .containsExactly(current.minusMonths(1).toString(), current.minusMonths(2).toString());
            assertThat(ended.get("period")).asString().contains("code=" + current.minusMonths(1));
            String scores = (String) ((Map) ended.get("links")).get("scores");
            assertThat(scores).contains("period=" + current.minusMonths(1));
            assertThat(rest.withBasicAuth("lingdao1", "demo").getForEntity(scores, byte[].class).getStatusCode())
                    .isEqualTo(HttpStatus.OK);
            for (String path : List.of("/api/campaigns/DASHMONTH/dashboard?period=" + current,
                    "/api/campaigns/DASHMONTH/dashboard/cases?figure=OPEN&period=" + current, "/api/scores?campaign=DASHMONTH&period=" + current)) {
                refusedMonth(path, "PERIOD_AFTER_CAMPAIGN");
            }
        } finally {
            clear(months, "DASHMONTH");
        }
    }

    @SuppressWarnings("unchecked")
    private void refusedMonth(String path, String code) {
        ResponseEntity<Map> refused = rest.withBasicAuth("lingdao1", "demo").getForEntity(path, Map.class);
        assertThat(refused.getStatusCode()).as(path).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((List<Map>) refused.getBody().get("errors")).as(path).singleElement().satisfies(e -> assertThat(e)
                .containsEntry("field", "period").containsEntry("code", code));
    }

    private void returned(String caseNo, String unit, String at) {
        jdbc.update("insert into rect_case_event (case_no, occurred_at, kind, actor, detail, unit_id) values (?,?,?,?,?,?)", caseNo,
                Timestamp.from(at(at)), "RETURNED", unit + "1", "不属于本单位职责", unit);
    }

    /**
     * jtreview-s56 T7: a case 城管中队 returned (回退) and the office re-dispatched to 市场监管所 is 城管中队's return in the
     * 驾驶舱, as scoring deducts it from 城管中队 (its 回退数), not 市场监管所's; while it waits for 重新派遣案件 it is the
     * office's 在办, not the returning unit's. Through the real steps: 上报, 回退 and 重新派遣 over REST.
     */
    @Test
    void aReturnIsTheReturningUnitsAndACaseAwaitingRedispatchIsTheOffices() {
        ClockUtil.reset();
        CampaignFixture jt = new CampaignFixture(jdbc, "DASHRT");
        Instant now = Instant.now();
        String caseNo = null;
        try {
            clear(jt, "DASHRT");
            jt.campaign("九亭镇回退驾驶舱测试", 1).phase(1, "自查整改", day(now, -30), day(now, 60))
                    .unit("chengguan", "城管中队", 1).unit("shichang", "市场监管所", 2);
            ResponseEntity<Map> reported = rest.withBasicAuth("lvrong1", "demo").postForEntity("/api/cases", Map.of(
                    "title", "九亭大街菜场东侧乱设摊", "category", "ILLEGAL_STALL", "source", "PATROL", "campaign", "DASHRT",
                    "location", Map.of("address", "九亭大街 168 号")), Map.class);
            assertThat(reported.getStatusCode()).as("%s", reported.getBody()).isEqualTo(HttpStatus.CREATED);
            caseNo = (String) reported.getBody().get("caseNo");
            String lead = jdbc.queryForObject("select lead_unit from rect_case where case_no = ?", String.class, caseNo);
            assertThat(lead).as("乱设摊 goes to 城管中队 first").isEqualTo("chengguan");
            String instance = jdbc.queryForObject("select process_instance_id from rect_case where case_no = ?", String.class, caseNo);

            complete("chengguan1", instance, "{\"claimDecision\":{\"value\":\"return\"},"
                    + "\"returnReason\":{\"value\":\"摊点在市场内部通道，属市场监管所无证经营\"}}");
            Map waiting = rest.withBasicAuth("chuangban1", "demo").getForObject("/api/campaigns/DASHRT/dashboard", Map.class);
            assertThat(unitLines(waiting)).as("waiting for 重新派遣: the office's 在办, 城管中队's return")
                    .contains("城管中队 0 1", "市场监管所 0 0", "创建工作办公室 1 0");
            assertThat(figures((Map) waiting.get("total"))).startsWith("合计 1 ").endsWith(" 1 0");

            complete("chuangban1", instance, "{\"newLeadUnit\":{\"value\":\"shichang\"}}");
            Map d = rest.withBasicAuth("chuangban1", "demo").getForObject("/api/campaigns/DASHRT/dashboard", Map.class);
            assertThat(unitLines(d)).as("市场监管所 has the case, 城管中队 the return").contains("城管中队 0 1", "市场监管所 1 0")
                    .noneMatch(l -> l.startsWith("创建工作办公室 1"));
            assertThat(list("chuangban1", "/api/campaigns/DASHRT/dashboard/cases?unit=chengguan&figure=RETURNED").get("cases"))
                    .asList().singleElement().satisfies(c -> assertThat((Map) c).containsEntry("caseNo", reported.getBody().get("caseNo"))
                            .containsEntry("leadUnitName", "市场监管所"));
            assertThat(list("chuangban1", "/api/campaigns/DASHRT/dashboard/cases?unit=shichang&figure=RETURNED").get("total"))
                    .isEqualTo(0);
            assertThat(list("chuangban1", "/api/campaigns/DASHRT/dashboard/cases?unit=shichang&figure=OPEN").get("total"))
                    .isEqualTo(1);
        } finally {
            if (caseNo != null) {
                runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(caseNo).list()
                        .forEach(pi -> runtimeService.deleteProcessInstance(pi.getId(), "test over", true));
                jdbc.queryForList("select process_instance_id from rect_case_party where case_no = ? and process_instance_id is not null",
                        String.class, caseNo).forEach(id -> runtimeService.deleteProcessInstanceIfExists(id, "test over", true, true, true, false));
                jdbc.update("delete from rect_case_event where case_no = ?", caseNo);
                jdbc.update("delete from rect_case_party where case_no = ?", caseNo);
                jdbc.update("delete from rect_case where case_no = ?", caseNo);
            }
            clear(jt, "DASHRT");
        }
    }

    /** The unit lines as "name open returns". */
    private static List<String> unitLines(Map d) {
        return ((List<Map>) d.get("units")).stream().map(u -> u.get("unitName") + " " + u.get("open") + " " + u.get("returns")).toList();
    }

    /** Completes the instance's one open task over REST as {@code user} (claiming it first), with the variables given. */
    private void complete(String user, String instance, String variables) {
        List<Map> tasks = rest.withBasicAuth(user, "demo").getForObject("/engine-rest/task?maxResults=5&processInstanceId=" + instance,
                List.class);
        assertThat(tasks).as(user + " sees the case's task").hasSize(1);
        String id = (String) tasks.get(0).get("id");
        org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
        headers.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
        ResponseEntity<String> claimed = rest.withBasicAuth(user, "demo").postForEntity("/engine-rest/task/" + id + "/claim",
                new org.springframework.http.HttpEntity<>("{\"userId\":\"" + user + "\"}", headers), String.class);
        assertThat(claimed.getStatusCode().value()).as("%s", claimed.getBody()).isEqualTo(204);
        ResponseEntity<String> done = rest.withBasicAuth(user, "demo").postForEntity("/engine-rest/task/" + id + "/submit-form",
                new org.springframework.http.HttpEntity<>("{\"variables\":" + variables + "}", headers), String.class);
        assertThat(done.getStatusCode().value()).as("%s", done.getBody()).isEqualTo(204);
    }

    private void supervise(String caseNo, String at, String instruction) {
        jdbc.update("insert into rect_case_event (case_no, occurred_at, kind, actor, detail) values (?,?,?,?,?)", caseNo,
                Timestamp.from(at(at)), "SUPERVISED", "jxtuijinban1", instruction);
    }

    private Map list(String user, String url) {
        ResponseEntity<Map> answer = rest.withBasicAuth(user, "demo").getForEntity(url, Map.class);
        assertThat(answer.getStatusCode()).as("%s %s", url, answer.getBody()).isEqualTo(HttpStatus.OK);
        return answer.getBody();
    }

    private void clear(CampaignFixture fixture, String code) {
        jdbc.update("delete from rect_case_event where case_no like ?", code + "-%");
        fixture.clear();
    }

    private List<Map> cases(String user, String campaign) {
        Map page = rest.withBasicAuth(user, "demo").getForObject("/api/cases?campaign=" + campaign + "&size=200", Map.class);
        return (List<Map>) page.get("items");
    }

    private static String figures(Map u) {
        return u.get("unitName") + " " + u.get("open") + " " + u.get("red") + " " + u.get("yellow") + " " + u.get("closedOnTime")
                + " " + u.get("closedLate") + " " + u.get("returns") + " " + u.get("rework");
    }

    private static String day(Instant now, int days) {
        return LocalDateTime.ofInstant(now, SHANGHAI).toLocalDate().plusDays(days).toString();
    }

    private static String local(Instant instant) {
        return LocalDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MINUTES), SHANGHAI).toString();
    }
}
