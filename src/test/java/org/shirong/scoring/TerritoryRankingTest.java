package org.shirong.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shirong.system.ShirongWebTest;
import org.shirong.system.XlsxDownload;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.shirong.system.SharesSpringContext;

/**
 * 松江区 ranks its towns and streets on the cases located in them (its own cases with that 属地, and the town's own
 * cases), and names those below its 通报线 as its own {@code territory-ranking} says (no quota of lowest-ranked towns: its
 * plan sets none): with the cases below, the towns and the street the seed names (九亭镇、石湖荡镇、新桥镇、车墩镇、叶榭镇
 * and 岳阳街道) are the ones below 60. A district campaign's view (and its 通报) ranks them on the campaign's cases alone.
 * A town's scores have no such section; the district office reads a town's scores through its oversight.
 */
@ShirongWebTest
@SharesSpringContext
@SuppressWarnings("unchecked")
class TerritoryRankingTest {

    static final Instant DUE = Instant.parse("2025-03-14T02:00:00Z");

    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    org.shirong.report.RankingNotices notices;

    CaseRows rows;

    TestRestTemplate as(String user) {
        return rest.withBasicAuth(user, "demo");
    }

    private void own(String town, String unit, String status, String handedIn) {
        rows.placed(rows.add(unit, status, DUE, handedIn), town, town);
    }

    private void district(String town, String status, String handedIn) {
        rows.placed(rows.add("sjlvrongju", status, DUE, handedIn), "songjiang", town);
    }

    @BeforeEach
    void cases() {
        rows = new CaseRows(jdbc, "TERR");
        rows.clear();
        // other classes' cases overdue and open since before March 2025 would count in March (超期未结), 九亭镇's among them
        rows.setAsideOverdueBefore(Instant.parse("2025-02-28T16:00:00Z"));
        own("sijing", "sijshirongban", "CLOSED", "on time");
        own("sijing", "sijshirongban", "CLOSED", "on time");
        district("dongjing", "CLOSED", "on time");
        own("dongjing", "djshirongban", "CLOSED", "on time");
        own("jiuting", "huanwei", "CLOSED", "on time");
        own("jiuting", "chengguan", "IN_RECTIFICATION", null);
        district("shihudang", "IN_RECTIFICATION", null);
        own("shihudang", "shdshirongban", "CLOSED", "on time");
        own("xinqiao", "xqshirongban", "CLOSED", "late");
        district("chedun", "IN_RECTIFICATION", null);
        own("yexie", "yxshirongban", "IN_RECTIFICATION", null);
        own("yexie", "yxshirongban", "IN_RECTIFICATION", null);
        own("yueyang", "yyshirongban", "IN_RECTIFICATION", null);
        own("zhongshan", "zsshirongban", "CLOSED", "on time");
        district("fangsong", "CLOSED", "on time");
        // Neither counts for a town: a district case in the district itself, and a case of 锦溪镇 (not a town of 松江区).
        district("songjiang", "IN_RECTIFICATION", null);
        own("jinxi", "jxshuili", "IN_RECTIFICATION", null);
    }

    @AfterEach
    void clear() {
        rows.clear();
        rows.restoreSetAside();
    }

    @Test
    void theDistrictRanksItsTownsAndStreetsAndNamesTheLowest() {
        ResponseEntity<Map> response = as("sjshirongban1").getForEntity("/api/scores?period=2025-03", Map.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        Map<String, Object> territories = (Map<String, Object>) response.getBody().get("territories");

        List<Map<String, Object>> ranking = (List<Map<String, Object>>) territories.get("ranking");
        assertThat(ranking).extracting(p -> p.get("organization")).containsExactlyInAnyOrder("sijing", "dongjing", "jiuting",
                "shihudang", "xinqiao", "chedun", "yexie", "yueyang", "zhongshan", "fangsong");
        assertThat(ranking.get(0)).containsEntry("rank", 1).containsEntry("levelName", "镇");
        assertThat(ranking).filteredOn(p -> "chedun".equals(p.get("organization"))).singleElement().satisfies(p -> {
            assertThat(p).containsEntry("name", "车墩镇").containsEntry("level", "TOWN").containsEntry("named", true);
            assertThat((Map<String, Object>) p.get("indicators")).containsEntry("dueCount", 1);
        });
        assertThat(ranking).filteredOn(p -> "jiuting".equals(p.get("organization"))).singleElement()
                .satisfies(p -> assertThat((Map<String, Object>) p.get("indicators")).containsEntry("dueCount", 2));
        assertThat((List<String>) territories.get("named")).containsExactlyInAnyOrder("jiuting", "shihudang", "xinqiao",
                "chedun", "yexie", "yueyang");
        assertThat((String) territories.get("notice")).startsWith("总分低于 60 分的 6 个街镇：").contains("岳阳街道", "车墩镇")
                .doesNotContain("排名靠后", "泗泾镇", "洞泾镇", "中山街道", "方松街道");
        assertThat((List<Map<String, Object>>) territories.get("noCases")).extracting(p -> p.get("organization"))
                .contains("maogang", "yongfeng").doesNotContain("jinxi", "songjiang");
    }

    /**
     * sjreview-s54 D6: 车墩镇 answered 非本镇属地 on the district's case placed in it (its only case): the case leaves its
     * territory ranking (车墩镇 has no case now) until the district's office gives the case another 属地, where it counts.
     * A town's answer on a case placed elsewhere since changes nothing there.
     */
    @Test
    void aCaseItsTownAnsweredNotOursOnLeavesThatTownsRankingUntilItsTerritoryIsCorrected() {
        String chedun = jdbc.queryForObject("select case_no from rect_case where case_no like 'TERR-%' and tenant_id = 'songjiang'"
                + " and territory = 'chedun'", String.class);
        jdbc.update("insert into rect_case_party (case_no, unit_id, role, reason, tenant_id, assigned_at, due_at, done_at, done_by,"
                + " note, ended_at, outcome) values (?, 'cdshirongban', 'COOPERATE', 'TERRITORY', 'chedun', ?, ?, ?, 'cdshirongban1',"
                + " '应属洞泾镇', ?, 'NOT_TERRITORY')", chedun, java.sql.Timestamp.from(DUE.minusSeconds(86_400)),
                java.sql.Timestamp.from(DUE), java.sql.Timestamp.from(DUE.minusSeconds(3_600)),
                java.sql.Timestamp.from(DUE.minusSeconds(3_600)));

        Map<String, Object> territories = (Map<String, Object>) as("sjshirongban1")
                .getForObject("/api/scores?period=2025-03", Map.class).get("territories");
        assertThat((List<Map<String, Object>>) territories.get("ranking")).extracting(p -> p.get("organization"))
                .doesNotContain("chedun").contains("dongjing");
        assertThat((List<Map<String, Object>>) territories.get("noCases")).extracting(p -> p.get("organization")).contains("chedun");
        assertThat((List<String>) territories.get("named")).doesNotContain("chedun");

        jdbc.update("update rect_case set territory = 'dongjing' where case_no = ?", chedun);
        List<Map<String, Object>> corrected = (List<Map<String, Object>>) ((Map<String, Object>) as("sjshirongban1")
                .getForObject("/api/scores?period=2025-03", Map.class).get("territories")).get("ranking");
        assertThat(corrected).filteredOn(p -> "dongjing".equals(p.get("organization"))).singleElement()
                .satisfies(p -> assertThat((Map<String, Object>) p.get("indicators")).containsEntry("dueCount", 3));
    }

    /** The district's scores download carries the same ranking of its towns and streets, on a sheet of its own; a town's has none. */
    @Test
    void theDistrictsScoresWorkbookHasASheetRankingItsTownsAndStreets() {
        XlsxDownload sheet = XlsxDownload.of(as("sjshirongban1").getForEntity("/api/scores/export.xlsx?period=2025-03", byte[].class),
                "街镇排名");
        assertThat(sheet).as("the 街镇排名 sheet").isNotNull();
        assertThat(sheet.title()).isEqualTo("松江区2025年3月街镇排名（按属地案件）");
        assertThat(sheet.filterLine()).contains("通报：总分低于 60 分的街镇").doesNotContain("排名靠后", "排名最后");
        assertThat(sheet.headers()).startsWith("排名", "街镇", "级别", "总分", "等级", "排名靠后予以通报");
        List<org.dhatim.fastexcel.reader.Row> places = sheet.data().stream()
                .filter(r -> r.getCellCount() > 1 && !sheet.text(r, "街镇").isEmpty()).toList();
        assertThat(places).filteredOn(r -> sheet.text(r, "街镇").equals("车墩镇")).singleElement().satisfies(r -> {
            assertThat(sheet.text(r, "级别")).isEqualTo("镇");
            assertThat(sheet.text(r, "排名靠后予以通报")).isEqualTo("是");
            assertThat(sheet.text(r, "应结案件数")).isEqualTo("1");
        });
        assertThat(places).filteredOn(r -> sheet.text(r, "街镇").equals("泖港镇")).singleElement()
                .satisfies(r -> assertThat(sheet.text(r, "备注")).isEqualTo("本期无计入的属地案件，不排名"));
        assertThat(places).extracting(r -> sheet.text(r, "街镇")).doesNotContain("松江区", "锦溪镇", "maogang");
        assertThat(sheet.rows().get(sheet.rows().size() - 1).getCell(0).getText()).contains("总分低于 60 分的 6 个街镇：", "岳阳街道");

        assertThat(XlsxDownload.of(as("chuangban1").getForEntity("/api/scores/export.xlsx?period=2025-03", byte[].class), "街镇排名"))
                .as("a town's workbook").isNull();
        // sjreview-s57 D16: the district's departments have no 责任区, so its 考核得分 sheet has no 责任区 columns
        XlsxDownload scores = XlsxDownload.of(as("sjshirongban1").getForEntity("/api/scores/export.xlsx?period=2025-03", byte[].class));
        assertThat(scores.sheetName()).isEqualTo("考核得分");
        assertThat(scores.headers()).contains("按期结案率（50 分）")
                .noneMatch(h -> h.startsWith("责任区") || h.startsWith("责任告知书"));
    }

    /**
     * The district campaign's view ranks the towns on the campaign's cases they lead themselves (their self-inspection cases
     * counted for it): 九亭镇's cases of its own campaigns and the district's cases outside the campaign do not count
     * (sjreview F8), nor a district department's case of the campaign located in a town, which is the department's: 九亭镇
     * is not graded on 区绿化市容局's overdue case in it, nor 车墩镇 on its closed one (sjreview-s54 D3).
     */
    @Test
    void aDistrictCampaignRanksTheTownsOnlyOnTheCampaignsCasesTheyLead() {
        jdbc.update("insert into campaign (code, name, template_id, template_name, status, current_phase, started_at, tenant_id)"
                + " values ('TERR-CAMP', '满意度测评提升', 'songjiang-2024-satisfaction', '松江', 'RUNNING', 1, ?, 'songjiang')",
                java.sql.Timestamp.from(Instant.parse("2025-03-01T00:00:00Z")));
        try {
            String chedun = rows.placed(rows.add("sjlvrongju", "CLOSED", DUE, "on time"), "songjiang", "chedun");
            String jiuting = rows.placed(rows.add("sjlvrongju", "IN_RECTIFICATION", DUE, null), "songjiang", "jiuting");
            String jiutingOwn = rows.placed(rows.add("huanwei", "CLOSED", DUE, "on time"), "jiuting", "jiuting");
            String shihudangOwn = rows.placed(rows.add("shdshirongban", "IN_RECTIFICATION", DUE, null), "shihudang", "shihudang");
            jdbc.update("update rect_case set campaign_code = 'TERR-CAMP' where case_no in (?, ?, ?, ?)", chedun, jiuting,
                    jiutingOwn, shihudangOwn);

            ResponseEntity<Map> response = as("sjshirongban1").getForEntity("/api/scores?period=2025-03&campaign=TERR-CAMP", Map.class);
            assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
            Map<String, Object> territories = (Map<String, Object>) response.getBody().get("territories");
            List<Map<String, Object>> ranking = (List<Map<String, Object>>) territories.get("ranking");
            assertThat(ranking).extracting(p -> p.get("organization")).containsExactly("jiuting", "shihudang");
            assertThat(ranking).allSatisfy(p -> assertThat((Map<String, Object>) p.get("indicators")).containsEntry("dueCount", 1));
            assertThat((List<String>) territories.get("named")).containsExactly("shihudang");
            assertThat((List<Map<String, Object>>) territories.get("noCases")).extracting(p -> p.get("organization"))
                    .contains("sijing", "chedun", "yexie");
        } finally {
            jdbc.update("update rect_case set campaign_code = null where campaign_code = 'TERR-CAMP'");
            jdbc.update("delete from campaign where code = 'TERR-CAMP'");
        }
    }

    /**
     * Security review s55 S2: once the district campaign's 通报 of March is issued, March's 街镇排名 is the one it printed,
     * in the API and in the 街镇排名 Excel of the 驾驶舱, whose subtitle says so (F6): 九亭镇's overdue case voided afterwards
     * changes nothing there. April,
     * running and not issued, counts the cases as they are now: 石湖荡镇's overdue case carried into it, 九亭镇's voided one
     * no more.
     */
    @Test
    void anIssuedMonthKeepsTheTownsRankingItsNoticePrintedWhileTheRunningMonthCountsTheCasesAsTheyAreNow() {
        jdbc.update("insert into campaign (code, name, template_id, template_name, status, current_phase, started_at, tenant_id)"
                + " values ('TERR-ISSUE', '满意度测评提升', 'songjiang-2024-satisfaction', '松江', 'RUNNING', 1, ?, 'songjiang')",
                java.sql.Timestamp.from(Instant.parse("2025-03-01T00:00:00Z")));
        ClockUtil.setCurrentTime(java.util.Date.from(Instant.parse("2025-04-10T02:00:00Z")));
        try {
            String jiuting = rows.placed(rows.add("huanwei", "IN_RECTIFICATION", DUE, null), "jiuting", "jiuting");
            String shihudang = rows.placed(rows.add("shdshirongban", "IN_RECTIFICATION", DUE, null), "shihudang", "shihudang");
            jdbc.update("update rect_case set campaign_code = 'TERR-ISSUE' where case_no in (?, ?)", jiuting, shihudang);
            Map<String, Object> before = territories("2025-03");
            assertThat(place(before, "jiuting")).containsEntry("named", true);
            assertThat((Map<String, Object>) place(before, "jiuting").get("indicators")).containsEntry("dueCount", 1);
            // finalreview-s55 F6: the sheet says which figures it shows, counted now or as the 通报 stored them
            assertThat(XlsxDownload.of(as("sjshirongban1").getForEntity(
                    "/api/scores/export.xlsx?period=2025-03&campaign=TERR-ISSUE&part=territories", byte[].class), "街镇排名")
                    .filterLine()).contains("按本期案件期末情况计算").doesNotContain("按通报印发时保存的排名");

            assertThat(notices.issue("songjiang", "TERR-ISSUE", ClockUtil.getCurrentTime().toInstant(), "2025-03")).isPresent();
            jdbc.update("update rect_case set status = 'VOIDED' where case_no = ?", jiuting);

            Map<String, Object> issued = territories("2025-03");
            assertThat(issued).as("March as its 通报 printed it").isEqualTo(before);
            XlsxDownload sheet = XlsxDownload.of(as("sjshirongban1").getForEntity(
                    "/api/scores/export.xlsx?period=2025-03&campaign=TERR-ISSUE&part=territories", byte[].class), "街镇排名");
            assertThat(sheet.filterLine()).contains("按通报印发时保存的排名").doesNotContain("按本期案件期末情况计算");
            assertThat(sheet.data().stream().filter(r -> r.getCellCount() > 1 && !sheet.text(r, "街镇").isEmpty()).toList())
                    .filteredOn(r -> sheet.text(r, "街镇").equals("九亭镇")).singleElement().satisfies(r -> {
                        assertThat(sheet.text(r, "排名靠后予以通报")).isEqualTo("是");
                        assertThat(sheet.text(r, "应结案件数")).isEqualTo("1");
                    });

            Map<String, Object> april = territories("2025-04");
            assertThat((List<Map<String, Object>>) april.get("ranking")).extracting(p -> p.get("organization"))
                    .containsExactly("shihudang");
            assertThat((List<Map<String, Object>>) april.get("noCases")).extracting(p -> p.get("organization")).contains("jiuting");

            // finalreview-s55 F8: a ranking stored 暂定 (April's 通报 issued while April runs, as a campaign that closes
            // mid-month issues its last month) is served while the month runs, and no more once it is over
            assertThat(notices.issue("songjiang", "TERR-ISSUE", ClockUtil.getCurrentTime().toInstant(), "2025-04")).isPresent();
            jdbc.update("update rect_case set status = 'VOIDED' where case_no = ?", shihudang);
            assertThat((List<Map<String, Object>>) territories("2025-04").get("ranking")).as("stored 暂定, April running")
                    .extracting(p -> p.get("organization")).containsExactly("shihudang");
            ClockUtil.setCurrentTime(java.util.Date.from(Instant.parse("2025-05-02T02:00:00Z")));
            Map<String, Object> over = territories("2025-04");
            assertThat((List<Map<String, Object>>) over.get("ranking")).as("April over: the cases as they are, not the 暂定 board")
                    .extracting(p -> p.get("organization")).doesNotContain("shihudang");
            assertThat((List<Map<String, Object>>) over.get("noCases")).extracting(p -> p.get("organization")).contains("shihudang");
            assertThat(territories("2025-03")).as("March's, stored after March ended, is still served").isEqualTo(before);
        } finally {
            ClockUtil.reset();
            jdbc.update("update rect_case set campaign_code = null where campaign_code = 'TERR-ISSUE'");
            jdbc.update("delete from campaign_document where campaign_code = 'TERR-ISSUE'");
            jdbc.update("delete from score_territory where score_scope = 'TERR-ISSUE'");
            jdbc.update("delete from campaign where code = 'TERR-ISSUE'");
        }
    }

    private Map<String, Object> territories(String period) {
        ResponseEntity<Map> response = as("sjshirongban1").getForEntity("/api/scores?period=" + period + "&campaign=TERR-ISSUE",
                Map.class);
        assertThat(response.getStatusCode()).as(period).isEqualTo(HttpStatus.OK);
        return (Map<String, Object>) response.getBody().get("territories");
    }

    private static Map<String, Object> place(Map<String, Object> territories, String organization) {
        return ((List<Map<String, Object>>) territories.get("ranking")).stream().filter(p -> organization.equals(p.get("organization")))
                .findFirst().orElseThrow(() -> new AssertionError(organization + " not ranked in " + territories));
    }

    /**
     * sjreview F10: in the district's 协办 ranking 九亭镇's office, whose name (创建工作办公室) does not say its town, is named
     * with it among the district's departments; a town office whose name says its town keeps it, and 九亭镇 reads its own
     * office by its own name.
     */
    @Test
    void theDistrictsCooperationRankingNamesATownsOfficeWithItsTown() {
        String inJiuting = rows.placed(rows.add("sjlvrongju", "CLOSED", DUE, "on time"), "songjiang", "jiuting");
        rows.party(inJiuting, "chuangban", "on time");
        rows.party(inJiuting, "sjchengguanju", "late");
        rows.party(rows.placed(rows.add("sjlvrongju", "CLOSED", DUE, "on time"), "songjiang", "shihudang"), "shdshirongban", null);
        rows.party(rows.placed(rows.add("huanwei", "CLOSED", DUE, "on time"), "jiuting", "jiuting"), "chuangban", "on time");

        Map<String, Object> district = (Map<String, Object>) as("sjshirongban1").getForObject("/api/scores?period=2025-03", Map.class)
                .get("cooperation");
        assertThat((List<Map<String, Object>>) district.get("units")).extracting(u -> u.get("unitId") + ":" + u.get("unitName"))
                .containsExactlyInAnyOrder("chuangban:创建工作办公室（九亭镇）", "sjchengguanju:区城管执法局",
                        "shdshirongban:石湖荡镇市容环境管理办公室");
        Map<String, Object> town = (Map<String, Object>) as("chuangban1").getForObject("/api/scores?period=2025-03", Map.class)
                .get("cooperation");
        assertThat((List<Map<String, Object>>) town.get("units")).extracting(u -> u.get("unitId") + ":" + u.get("unitName"))
                .containsExactly("chuangban:创建工作办公室");
    }

    @Test
    void aTownHasNoTerritoryRankingAndTheDistrictOfficeReadsATownsScoresThroughItsOversight() {
        ResponseEntity<Map> town = as("chuangban1").getForEntity("/api/scores?period=2025-03", Map.class);
        assertThat(town.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(town.getBody().get("territories")).isNull();

        ResponseEntity<Map> overseen = as("sjshirongban1").getForEntity("/api/scores?period=2025-03&organization=jiuting", Map.class);
        assertThat(overseen.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat((List<Map<String, Object>>) overseen.getBody().get("ranking")).extracting(u -> u.get("unitId"))
                .contains("huanwei", "chengguan");
        assertThat(as("jxtuijinban1").getForEntity("/api/scores?period=2025-03&organization=jiuting", Map.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }
}
