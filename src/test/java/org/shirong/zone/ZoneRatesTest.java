package org.shirong.zone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.shirong.report.CampaignFixture;
import org.shirong.scoring.UnitScores;
import org.shirong.system.SharesSpringContext;
import org.shirong.system.ShirongWebTest;
import org.shirong.system.TasklistBrowser;
import org.shirong.system.XlsxDownload;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The responsibility-zone rates of May 2024 for 九亭, hand-computed, over HTTP as demo users
 * ({@code GET /api/zones/rates}), as the scores take them ({@code GET /api/scores}, the monthly report's lines), and the
 * training API with its coverage.
 *
 * <pre>
 * 第一居委会 (juwei01): ZRT-01…06 shops on main roads, ZRT-07/08 shops and ZRT-09/10 units elsewhere, all registered
 *   10 Jan; ZRT-11 registered 2 June (after May: left out), ZRT-12 closed (left out).
 *   履责率 main 49/50 = 98.00%, other 2/3 = 66.67% (rechecks, April and 1 June 00:30 inspections left out)
 *   送达 9/10 = 90.00% (ZRT-10's 2024 notice delivered 3 June; its 2023 notice does not count)
 *   上墙 7/10 = 70.00% (ZRT-08 posted 5 June);  黄牌 1, 红牌 1, 移交 1 in May (an April 黄牌 left out)
 * 第二居委会 (juwei02): ZRT-13…17 residential, elsewhere; 送达 5/5 = 100.00%, 上墙 0/5 = 0.00%, no inspection (—)
 * 九亭镇: 履责率 49/50, 2/3; 送达 14/15 = 93.33%; 上墙 7/15 = 46.67%
 * </pre>
 * The web tests share one database: the rows are dated 2024 and numbered ZRT-, so that zones, notices and inspections
 * other classes leave (at today's date) are not counted, and only this class's rows are removed.
 */
@ShirongWebTest
@SharesSpringContext
@SuppressWarnings("unchecked")
class ZoneRatesTest {

    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ZoneRecords zoneRecords;
    @Autowired
    ZoneFiles zoneFiles;
    @Autowired
    UnitScores unitScores;

    static final String TITLE = "ZRT 门责“六无”培训";

    ZoneRateRows rows;
    final List<Long> juwei01 = new ArrayList<>();

    TestRestTemplate as(String user) {
        return rest.withBasicAuth(user, "demo");
    }

    @BeforeEach
    void zones() {
        rows = new ZoneRateRows(jdbc, zoneRecords);
        rows.clear(TITLE);
        for (int i = 1; i <= 10; i++) {
            ZoneType type = i <= 8 ? ZoneType.SHOP : ZoneType.UNIT;
            RoadClass road = i <= 6 ? RoadClass.MAIN_ROAD : RoadClass.OTHER;
            juwei01.add(rows.zone("ZRT-%02d".formatted(i), type, road, "juwei01", "2024-01-10T09:00", Zone.Status.ACTIVE));
        }
        long later = rows.zone("ZRT-11", ZoneType.SHOP, RoadClass.MAIN_ROAD, "juwei01", "2024-06-02T09:00", Zone.Status.ACTIVE);
        long closed = rows.zone("ZRT-12", ZoneType.SHOP, RoadClass.OTHER, "juwei01", "2024-01-10T09:00", Zone.Status.CLOSED);
        List<Long> juwei02 = new ArrayList<>();
        for (int i = 13; i <= 17; i++) {
            juwei02.add(rows.zone("ZRT-" + i, ZoneType.RESIDENTIAL, RoadClass.OTHER, "juwei02", "2024-01-10T09:00",
                    Zone.Status.ACTIVE));
        }
        for (int i = 0; i < 10; i++) {
            String delivered = i < 9 ? "2024-03-0" + (i + 1) + "T10:00" : "2024-06-03T10:00";
            String posted = i < 7 ? "2024-04-0" + (i + 1) + "T10:00" : i == 7 ? "2024-06-05T10:00" : null;
            rows.notice(juwei01.get(i), 2024, "juwei01", delivered, posted);
        }
        rows.notice(juwei01.get(9), 2023, "juwei01", "2023-03-01T10:00", "2023-03-02T10:00");
        rows.notice(later, 2024, "juwei01", "2024-06-03T10:00", "2024-06-04T10:00");
        rows.notice(closed, 2024, "juwei01", "2024-03-01T10:00", "2024-03-02T10:00");
        juwei02.forEach(id -> rows.notice(id, 2024, "juwei02", "2024-03-10T10:00", null));

        // Main roads: 50 routine inspections in May, the first just after midnight on 1 May, one finds a breach.
        rows.inspection(juwei01.get(0), "ROUTINE", "2024-05-01T00:10", true);
        for (int n = 1; n < 49; n++) {
            rows.inspection(juwei01.get(n % 6), "ROUTINE", "2024-05-%02dT10:00".formatted(1 + n % 30), true);
        }
        rows.inspection(juwei01.get(1), "ROUTINE", "2024-05-20T15:00", false);
        // Elsewhere: 3 routine inspections, one breach.
        rows.inspection(juwei01.get(6), "ROUTINE", "2024-05-06T09:00", false);
        rows.inspection(juwei01.get(7), "ROUTINE", "2024-05-06T09:30", true);
        rows.inspection(juwei01.get(8), "ROUTINE", "2024-05-31T23:59", true);
        // Not counted: rechecks during the breach, April, and 00:30 on 1 June.
        rows.inspection(juwei01.get(6), "RECHECK", "2024-05-11T09:00", false);
        rows.inspection(juwei01.get(6), "RECHECK", "2024-05-14T09:00", false);
        rows.inspection(juwei01.get(7), "ROUTINE", "2024-04-30T23:50", false);
        rows.inspection(juwei01.get(0), "ROUTINE", "2024-06-01T00:30", false);

        long april = rows.breach(juwei01.get(0), "2024-04-02T10:00", "COMPLIED", "2024-04-20T10:00");
        rows.step(april, 1, "ADVICE", "2024-04-02T10:05");
        rows.step(april, 2, "YELLOW_CARD", "2024-04-10T10:00");
        long may = rows.breach(juwei01.get(6), "2024-05-06T09:00", "HANDED_OVER", "2024-05-20T10:00");
        rows.step(may, 1, "ADVICE", "2024-05-06T09:05");
        rows.step(may, 2, "YELLOW_CARD", "2024-05-11T09:05");
        rows.step(may, 3, "RED_CARD", "2024-05-14T09:05");
    }

    @AfterEach
    void clear() {
        rows.clear(TITLE);
    }

    static Map<String, Object> unit(Map<String, Object> body, String unitId) {
        return ((List<Map<String, Object>>) body.get("units")).stream().filter(u -> unitId.equals(u.get("unitId"))).findFirst()
                .orElseThrow();
    }

    static String text(Map<String, Object> row, String rate) {
        return (String) ((Map<String, Object>) row.get(rate)).get("text");
    }

    @Test
    void mayRatesPerUnitAndForTheTownAreTheHandComputedOnes() {
        ResponseEntity<Map> response = as("chuangban1").getForEntity("/api/zones/rates?period=2024-05", Map.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        Map<String, Object> body = response.getBody();
        assertThat(body).containsEntry("period", "2024-05").containsEntry("periodName", "2024年5月").containsEntry("edition", 2024);
        assertThat((Map<String, Object>) body.get("targets")).containsEntry("complianceMain", 98).containsEntry("complianceOther", 95)
                .containsEntry("delivery", 100).containsEntry("posting", 100);
        assertThat((List<Map<String, Object>>) body.get("units")).extracting(u -> u.get("unitId"))
                .containsExactly("juwei01", "juwei02");
        Map<String, Object> first = unit(body, "juwei01");
        assertThat(first).containsEntry("unitName", "第一居委会").containsEntry("zones", 10).containsEntry("yellowCards", 1)
                .containsEntry("redCards", 1).containsEntry("handedOver", 1);
        assertThat(List.of(text(first, "complianceMain"), text(first, "complianceOther"), text(first, "deliveryRate"),
                text(first, "postingRate"))).containsExactly("98.00%（49/50）", "66.67%（2/3）", "90.00%（9/10）", "70.00%（7/10）");
        assertThat((Map<String, Object>) first.get("complianceOther")).containsEntry("part", 2).containsEntry("whole", 3)
                .containsEntry("rate", 66.67);
        Map<String, Object> second = unit(body, "juwei02");
        assertThat(List.of(text(second, "complianceMain"), text(second, "complianceOther"), text(second, "deliveryRate"),
                text(second, "postingRate"))).containsExactly("—", "—", "100.00%（5/5）", "0.00%（0/5）");
        assertThat(((Map<String, Object>) second.get("complianceMain")).get("rate")).isNull();
        Map<String, Object> town = (Map<String, Object>) body.get("town");
        assertThat(town).containsEntry("unitName", "九亭镇").containsEntry("zones", 15).containsEntry("yellowCards", 1);
        assertThat(List.of(text(town, "complianceMain"), text(town, "complianceOther"), text(town, "deliveryRate"),
                text(town, "postingRate"))).containsExactly("98.00%（49/50）", "66.67%（2/3）", "93.33%（14/15）", "46.67%（7/15）");

        // April: the main-road inspections of May are not there; the April 黄牌 is.
        Map<String, Object> aprilFirst = unit(as("ducha1").getForEntity("/api/zones/rates?period=2024-04", Map.class).getBody(),
                "juwei01");
        assertThat(text(aprilFirst, "complianceMain")).isEqualTo("—");
        assertThat(text(aprilFirst, "complianceOther")).isEqualTo("0.00%（0/1）");
        assertThat(aprilFirst).containsEntry("yellowCards", 1).containsEntry("redCards", 0).containsEntry("handedOver", 0);
        assertThat(text(aprilFirst, "postingRate")).isEqualTo("70.00%（7/10）");
    }

    /**
     * The 责任区 block of a 九亭 campaign's 驾驶舱 in Cockpit, for May 2024, as 领导 lingdao1 reads it: each 居委会's row
     * and the town's are the figures the API gives, the rates below the rubric's targets in red, with the chart drawn.
     */
    @Test
    void theCampaignDashboardInCockpitShowsTheMayRatesAgainstTheTargets() throws IOException {
        CampaignFixture campaign = new CampaignFixture(jdbc, "ZRT-DASH").campaign("九亭镇责任区驾驶舱测试", 2)
                .phase(1, "前期准备", "2024-03-01", "2024-04-30").phase(2, "宣传动员和自查整改", "2024-05-01", "2024-08-31");
        try (TasklistBrowser browser = TasklistBrowser.open(port)) {
            try {
                browser.viewport(1366, 900);
                browser.login("lingdao1", "demo");
                browser.driver().get("http://localhost:" + port + "/camunda/app/cockpit/default/#/shirong-campaign/ZRT-DASH?period=2024-05");
                // Present once GET /api/zones/rates has answered (below the fold: scrolled to before reading).
                WebElement rates = browser.until(d -> d.findElements(By.cssSelector("table.shirong-zone-rates")).stream().findFirst()
                        .orElse(null));
                ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'center'});", rates);
                assertThat(browser.driver().findElement(By.cssSelector("section.shirong-zones h3")).getAttribute("textContent"))
                        .isEqualTo("2024年5月责任区履责与告知书");
                assertThat(row(rates, "target")).isEqualTo("目标 ≥ 98% ≥ 95% ≥ 100% ≥ 100%");
                assertThat(row(rates, "juwei01"))
                        .isEqualTo("第一居委会 10 98.00%（49/50） 66.67%（2/3） 90.00%（9/10） 70.00%（7/10） 1 1 1");
                assertThat(row(rates, "juwei02")).isEqualTo("第二居委会 5 — — 100.00%（5/5） 0.00%（0/5） 0 0 0");
                assertThat(row(rates, "total"))
                        .isEqualTo("九亭镇 15 98.00%（49/50） 66.67%（2/3） 93.33%（14/15） 46.67%（7/15） 1 1 1");
                assertThat(rates.findElements(By.cssSelector("tr[data-unit='juwei01'] td.text-danger")))
                        .extracting(td -> td.getAttribute("data-rate")).containsExactly("66.67", "90", "70");
                // what the rates count, and a unit's zones behind its name and rates (jtreview-s59 T2, T12)
                assertThat(browser.driver().findElement(By.cssSelector("section.shirong-zones [data-rates-basis]")).getText())
                        .contains("送达率、上墙率与考核得分相同").doesNotContain("各项计入单位考核");
                assertThat(rates.findElement(By.cssSelector("tr[data-unit='juwei01'] th a")).getAttribute("href"))
                        .endsWith("/shirong/zones?organization=jiuting&unit=juwei01");
                assertThat(rates.findElements(By.cssSelector("tr[data-unit='juwei01'] td a[target='_blank']"))).hasSize(4);
                browser.until(d -> !d.findElements(By.cssSelector("section.shirong-zones .shirong-chart canvas")).isEmpty());
                browser.screenshot("cockpit-campaign-zones");

                // On a 375 px phone the nine columns fit the screen (each rate's count under the rate): the page does not
                // scroll sideways (it did, the table being 536 px wide), and every figure is still there.
                browser.phoneViewport(375, 812);
                browser.driver().navigate().refresh();
                WebElement phoneRates = browser.until(d -> d.findElements(By.cssSelector("table.shirong-zone-rates")).stream()
                        .findFirst().orElse(null));
                browser.until(d -> !d.findElements(By.cssSelector("section.shirong-zones .shirong-chart canvas")).isEmpty());
                ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'start'});", phoneRates);
                browser.screenshot("cockpit-campaign-zones-phone");
                Map<String, Object> widths = (Map<String, Object>) ((JavascriptExecutor) browser.driver()).executeScript("""
                        const page = document.querySelector('.shirong-campaign-page');
                        const table = document.querySelector('table.shirong-zone-rates').getBoundingClientRect();
                        return {document: document.scrollingElement.scrollWidth - document.scrollingElement.clientWidth,
                                page: page.scrollWidth - page.clientWidth,
                                table: Math.ceil(table.right) - window.innerWidth};""");
                assertThat(widths).as("超出屏幕宽度的像素：文档、驾驶舱页面、责任区表格")
                        .containsEntry("document", 0L).containsEntry("page", 0L);
                assertThat(((Number) widths.get("table")).longValue()).as("表格右边超出屏幕的像素").isLessThanOrEqualTo(0L);
                assertThat(row(phoneRates, "juwei01").replace("\n", ""))
                        .isEqualTo("第一居委会 10 98.00%（49/50） 66.67%（2/3） 90.00%（9/10） 70.00%（7/10） 1 1 1");
            } catch (RuntimeException | AssertionError e) {
                browser.screenshot("cockpit-campaign-zones-failure");
                System.err.println("责任区区块：" + ((JavascriptExecutor) browser.driver()).executeScript(
                        "var s = document.querySelector('section.shirong-zones'); return s ? s.outerHTML : '（无）';"));
                throw e;
            }
        } finally {
            campaign.clear();
        }
    }

    private static String row(WebElement table, String unit) {
        List<String> cells = new ArrayList<>();
        table.findElements(By.cssSelector("tr[data-unit='" + unit + "'] th, tr[data-unit='" + unit + "'] td"))
                .forEach(c -> cells.add(c.getText()));
        return String.join(" ", cells).strip().replaceAll(" +", " ");
    }

    @Test
    void onlyTheOfficeLeadersAndInspectorsSeeTheRates() {
        ResponseEntity<Map> unit = as("wuye01a").getForEntity("/api/zones/rates?period=2024-05", Map.class);
        assertThat(unit.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(unit.getBody().toString()).contains("只有创建工作办公室、创建工作领导小组、领导小组组长、副组长、督导检查组可以查看本组织的责任区指标");
        assertThat(as("lingdao1").getForEntity("/api/zones/rates?period=2024-05", Map.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        ResponseEntity<Map> bad = as("chuangban1").getForEntity("/api/zones/rates?period=2024-13", Map.class);
        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(bad.getBody().toString()).contains("考核期间 \"2024-13\" 无效");
        ResponseEntity<Map> absurd = as("chuangban1").getForEntity("/api/zones/rates?period=2099-Q1", Map.class);
        assertThat(absurd.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(absurd.getBody().toString()).contains("period", "考核期间 2099-Q1 超出可查询的范围（2000-01-01 至 ");
    }

    /**
     * The scores of May: both 居委会 have no case (the period is before the cases of the other tests), so they are ranked on their zones alone.
     * 第一居委会: 履责 10 − (0 + 28.33) → 0, 送达 5 − 0.05 × 10 = 4.5, 上墙 5 − 0.05 × 30 = 3.5 → 8 of 20 → 40.00, D.
     * 第二居委会: no 履责 figure (no inspection), 送达 5, 上墙 5 − 0.05 × 100 = 0 → 5 of 10 → 50.00, D.
     */
    /**
     * The 驾驶舱's 责任区 table gives the 送达率 and 上墙率 the score counts, and says what they leave out (jtreview-s59 T2):
     * 第二居委会 gets ZRT-18 and ZRT-19, whose notices were issued on 30 May and are not yet due by the end of May, and ZRT-20
     * without a notice. Over all its 8 zones 5 are delivered (62.50%), but the score counts 5/5; the table says so, and
     * names the 2 notices not yet due and the zone without one.
     */
    @Test
    void theTablesNoticeRatesAreTheScoredOnesAndSayWhatTheyLeaveOut() {
        for (String no : List.of("ZRT-18", "ZRT-19")) {
            long id = rows.zone(no, ZoneType.RESIDENTIAL, RoadClass.OTHER, "juwei02", "2024-01-10T09:00", Zone.Status.ACTIVE);
            rows.notice(id, 2024, "juwei02", null, null);
            jdbc.update("update zone_notice set issued_at = ? where zone_id = ?",
                    java.sql.Timestamp.from(ZoneRateRows.at("2024-05-30T09:00")), id);
        }
        rows.zone("ZRT-20", ZoneType.RESIDENTIAL, RoadClass.OTHER, "juwei02", "2024-01-10T09:00", Zone.Status.ACTIVE);

        Map<String, Object> body = as("chuangban1").getForObject("/api/zones/rates?period=2024-05&organization=jiuting", Map.class);
        Map<String, Object> juwei02 = unit(body, "juwei02");
        assertThat(juwei02).containsEntry("zones", 8);
        assertThat(text(juwei02, "deliveryRate")).as("over every zone").isEqualTo("62.50%（5/8）");
        assertThat(text(juwei02, "scoredDelivery")).isEqualTo("100.00%（5/5）");
        assertThat(text(juwei02, "scoredPosting")).isEqualTo("0.00%（0/5）");
        assertThat(juwei02).containsEntry("deliveryNote", "另有 2 份未到送达期限，1 个责任区尚未发告知书")
                .containsEntry("postingNote", "另有 2 份未到上墙期限，1 个责任区尚未发告知书");
        assertThat(unit(body, "juwei01")).containsEntry("deliveryNote", null);
        Map<String, Object> town = (Map<String, Object>) body.get("town");
        assertThat(text(town, "scoredDelivery")).isEqualTo("93.33%（14/15）");
        assertThat(town).containsEntry("deliveryNote", "另有 2 份未到送达期限，1 个责任区尚未发告知书");

        // the same figures as the scores (the 考核得分 workbook's and the 月报's rates)
        UnitScores.ZoneRates scored = unitScores.zoneRates("jiuting", "2024-05").orElseThrow();
        assertThat(scored.units()).filteredOn(l -> "juwei02".equals(l.unitId()))
                .extracting(UnitScores.ZoneRateLine::delivery, UnitScores.ZoneRateLine::posting)
                .containsExactly(tuple(text(juwei02, "scoredDelivery"), text(juwei02, "scoredPosting")));
        assertThat(scored.total().delivery()).isEqualTo(text(town, "scoredDelivery"));

        // a unit's rates open the 责任区 page with that unit chosen (jtreview-s59 T12)
        String page = as("chuangban1").getForObject("/shirong/zones?organization=jiuting&unit=juwei02", String.class);
        assertThat(page).contains("<option value=\"juwei02\" selected>");
    }

    @Test
    void theScoresAndTheMonthlyReportTakeTheSameRates() {
        Map<String, Object> scores = as("chuangban1").getForEntity("/api/scores?period=2024-05", Map.class).getBody();

        List<Map<String, Object>> ranking = ((List<Map<String, Object>>) scores.get("ranking")).stream()
                .filter(u -> List.of("juwei01", "juwei02").contains(u.get("unitId"))).toList();
        assertThat(ranking).extracting(u -> u.get("unitId"), u -> String.valueOf(u.get("total")), u -> u.get("grade"))
                .containsExactly(tuple("juwei02", "50.0", "D"), tuple("juwei01", "40.0", "D"));
        assertThat((List<Map<String, Object>>) ranking.get(1).get("components"))
                .extracting(c -> c.get("id"), c -> String.valueOf(c.get("points")), c -> String.valueOf(c.get("maxPoints")))
                .containsExactly(tuple("ZONE_COMPLIANCE", "0.0", "10.0"), tuple("NOTICE_DELIVERY", "4.5", "5.0"),
                        tuple("NOTICE_POSTING", "3.5", "5.0"));
        assertThat((List<Map<String, Object>>) ranking.get(0).get("components")).extracting(c -> c.get("id"),
                c -> String.valueOf(c.get("points"))).containsExactly(tuple("NOTICE_DELIVERY", "5.0"), tuple("NOTICE_POSTING", "0.0"));

        XlsxDownload table = XlsxDownload.of(as("chuangban1").getForEntity("/api/scores/export.xlsx?period=2024-05", byte[].class));
        assertThat(table.headers()).contains("责任区履责率（10 分）", "责任告知书送达率（5 分）", "责任告知书上墙率（5 分）");
        var juwei02 = table.data().stream().filter(r -> table.text(r, "单位").equals("第二居委会")).findFirst().orElseThrow();
        assertThat(table.cell(juwei02, "责任告知书送达率（5 分）").asNumber()).isEqualByComparingTo("5");
        assertThat(table.text(juwei02, "责任区履责率（10 分）")).isEmpty();

        UnitScores.ZoneRates report = unitScores.zoneRates("jiuting", "2024-05").orElseThrow();
        assertThat(report.units()).extracting(UnitScores.ZoneRateLine::unitName, UnitScores.ZoneRateLine::complianceMain,
                UnitScores.ZoneRateLine::complianceOther, UnitScores.ZoneRateLine::delivery, UnitScores.ZoneRateLine::posting)
                .containsExactly(tuple("第一居委会", "98.00%（49/50）", "66.67%（2/3）", "90.00%（9/10）", "70.00%（7/10）"),
                        tuple("第二居委会", "—", "—", "100.00%（5/5）", "0.00%（0/5）"));
        assertThat(report.total().delivery()).isEqualTo("93.33%（14/15）");
        assertThat(report.total().posting()).isEqualTo("46.67%（7/15）");
        assertThat(unitScores.zoneRates("jiuting", "2023-05")).isEmpty();
        // The 通报 says which rates cost the points, not the case rates a unit without cases does not have.
        assertThat((String) scores.get("notice")).contains("第一居委会（2 个参加排名的单位中第 2 名", "第二居委会（2 个参加排名的单位中第 1 名")
                // and on what the total stands: the zone items alone (20 points, not 100), so that the 失分 add up (jtreview T3)
                .contains("总分 40.00，D 级；本期适用评分项满分 20 分，得 8 分，折合百分制 40.00 分；失分：责任区履责率 主要道路 "
                        + "98.00%（49/50）、其他道路 66.67%（2/3）扣 10.00 分，责任告知书送达率 90.00%（9/10）扣 0.50 分，"
                        + "责任告知书上墙率 70.00%（7/10）扣 1.50 分；")
                .contains("总分 50.00，D 级；本期适用评分项满分 10 分，得 5 分，折合百分制 50.00 分；失分：责任告知书上墙率 0.00%（0/5）扣 5.00 分；")
                .doesNotContain("第一居委会（第 1 名，总分 0.00，E 级，按期结案率 —");
    }

    /**
     * A campaign's ranking takes in, on their zones, only the units taking part in it: with 环卫所 alone the 居委会 are
     * neither ranked nor listed 无案件 (their zones are the town's, not the campaign's); once 各居委会 takes part, both
     * 居委会 under it are ranked on their zones.
     */
    @Test
    void aCampaignRanksOnTheirZonesOnlyTheUnitsTakingPartInIt() {
        jdbc.update("insert into campaign (code, name, template_id, template_name, status, current_phase, started_at, tenant_id)"
                + " values ('ZRT-CAMP', '责任区考核测试活动', 'jiuting-2023-standard-town', '九亭', 'RUNNING', 1, ?, 'jiuting')",
                java.sql.Timestamp.valueOf("2024-04-01 00:00:00"));
        jdbc.update("insert into campaign_unit (campaign_code, unit_id, group_id, name, sort_no) values ('ZRT-CAMP', 'huanwei',"
                + " 'huanwei', '环卫所', 0)");
        try {
            Map<String, Object> huanweiOnly = as("chuangban1").getForObject("/api/scores?period=2024-05&campaign=ZRT-CAMP", Map.class);
            assertThat((List<Map<String, Object>>) huanweiOnly.get("ranking")).extracting(u -> u.get("unitId"))
                    .doesNotContain("juwei01", "juwei02");
            assertThat((List<Map<String, Object>>) huanweiOnly.get("noCases")).extracting(u -> u.get("unitId"))
                    .contains("huanwei").doesNotContain("juwei01", "juwei02", "juweihui", "lvrong");

            jdbc.update("insert into campaign_unit (campaign_code, unit_id, group_id, name, sort_no) values ('ZRT-CAMP', 'juweihui',"
                    + " 'juweihui', '各居委会', 1)");
            Map<String, Object> withCommittees = as("chuangban1").getForObject("/api/scores?period=2024-05&campaign=ZRT-CAMP",
                    Map.class);
            assertThat((List<Map<String, Object>>) withCommittees.get("ranking")).extracting(u -> u.get("unitId"))
                    .contains("juwei01", "juwei02");
        } finally {
            jdbc.update("delete from campaign_unit where campaign_code = 'ZRT-CAMP'");
            jdbc.update("delete from campaign where code = 'ZRT-CAMP'");
        }
    }

    /**
     * January 2024: the zones are registered, but the office issues the 2024 告知书 only on 1 February. The rates page shows
     * 送达 0/10, yet nothing could have been delivered, so the scores leave both notice rates out (as a case rate without
     * cases) instead of giving 0: with no inspection either, the 居委会 are not ranked.
     */
    @Test
    void beforeTheYearsNoticesAreIssuedTheirRatesAreNotScored() {
        Map<String, Object> rates = as("chuangban1").getForEntity("/api/zones/rates?period=2024-01", Map.class).getBody();
        assertThat(text(unit(rates, "juwei01"), "deliveryRate")).isEqualTo("0.00%（0/10）");

        Map<String, Object> scores = as("chuangban1").getForObject("/api/scores?period=2024-01", Map.class);
        assertThat((List<Map<String, Object>>) scores.get("ranking")).extracting(u -> u.get("unitId"))
                .doesNotContain("juwei01", "juwei02");
        assertThat((List<Map<String, Object>>) scores.get("noCases")).extracting(u -> u.get("unitId"))
                .contains("juwei01", "juwei02");
        assertThat(unitScores.zoneRates("jiuting", "2024-01")).isEmpty();
    }

    /**
     * jtreview-s56 T1: a 告知书 issued today put 城建中心 at 0 (E) the same day. Now its 送达 and 上墙 tasks are due 5 and 10
     * working days after the issue (九亭's zones.yaml), and the notice counts in the unit's 送达率 and 上墙率 only once due:
     * issued on Monday 2 November 2026, the month's scores that day leave both rates out; on 20 November, both limits
     * passed and nothing done, they are 0 of 1.
     */
    @Test
    void aNoticeCountsInTheUnitsRatesOnlyOnceItsTasksAreDue(@Autowired org.camunda.bpm.engine.RuntimeService runtimeService) {
        rows.zone("ZRT-30", ZoneType.UNIT, RoadClass.OTHER, "chengjian", "2026-10-01T09:00", Zone.Status.ACTIVE);
        try {
            org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(java.util.Date.from(java.time.Instant.parse("2026-11-02T02:00:00Z")));
            ResponseEntity<Map> issued = as("chuangban1").postForEntity("/api/zones/notices",
                    Map.of("edition", 2026, "zoneNos", List.of("ZRT-30")), Map.class);
            assertThat(issued.getStatusCode()).as(String.valueOf(issued.getBody())).isEqualTo(HttpStatus.OK);
            assertThat(issued.getBody()).containsEntry("started", 1);
            List<Map<String, Object>> tasks = as("chengjian1").getForObject(
                    "/engine-rest/task?processInstanceBusinessKey=ZRT-30/2026&maxResults=10", List.class);
            assertThat(tasks).singleElement().satisfies(t -> {
                assertThat((String) t.get("name")).startsWith("送达责任告知书");
                assertThat(java.time.OffsetDateTime.parse((String) t.get("due"),
                        java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ")).toInstant())
                        .as("5 working days after Monday 10:00").isEqualTo("2026-11-09T02:00:00Z");
            });

            assertThat(noticeComponents(as("chuangban1").getForObject("/api/scores?period=2026-11", Map.class)))
                    .as("the day it is issued, nothing is due yet").isEmpty();

            org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(java.util.Date.from(java.time.Instant.parse("2026-11-20T02:00:00Z")));
            List<Map<String, Object>> due = noticeComponents(as("chuangban1").getForObject("/api/scores?period=2026-11", Map.class));
            assertThat(due).extracting(c -> c.get("id"), c -> String.valueOf(c.get("points")), c -> String.valueOf(c.get("maxPoints")))
                    .containsExactly(tuple("NOTICE_DELIVERY", "0.0", "5.0"), tuple("NOTICE_POSTING", "0.0", "5.0"));
        } finally {
            org.camunda.bpm.engine.impl.util.ClockUtil.reset();
            runtimeService.createProcessInstanceQuery().processInstanceBusinessKey("ZRT-30/2026").list()
                    .forEach(p -> runtimeService.deleteProcessInstance(p.getId(), "测试结束", true, true));
        }
    }

    /** 城建中心's 告知书 items in the scores' ranking (none when it is not ranked on them). */
    private static List<Map<String, Object>> noticeComponents(Map<String, Object> scores) {
        return ((List<Map<String, Object>>) scores.get("ranking")).stream().filter(u -> "chengjian".equals(u.get("unitId")))
                .<Map<String, Object>>flatMap(u -> ((List<Map<String, Object>>) u.get("components")).stream())
                .filter(c -> String.valueOf(c.get("id")).startsWith("NOTICE_")).toList();
    }

    static Map<String, Object> attendee(String category, String name, String organisation, String zoneNo) {
        Map<String, Object> a = new java.util.HashMap<>();
        a.put("category", category);
        a.put("name", name);
        a.put("organisation", organisation);
        a.put("zoneNo", zoneNo);
        return a;
    }

    static Map<String, Object> training(String heldOn, List<Map<String, Object>> attendees) {
        return Map.of("heldOn", heldOn, "title", TITLE, "location", "九亭镇社区文化活动中心", "trainer", "戴所长",
                "attendees", attendees);
    }

    @Test
    void aTrainingWithAMistakeIsRefusedWholeNamingTheAttendee() {
        ResponseEntity<Map> refused = as("chuangban1").postForEntity("/api/zones/trainings", training("2024-05-12", List.of(
                attendee("门店主", "张一", "九亭大街 1 号", "ZRT-01"), attendee("居委会", "王主任", "第一居委会", null),
                attendee("保安", "李三", "物业公司", null), attendee("门店主", "赵四", null, "ZRT-99"),
                attendee("居委会", "钱五", "第九居委会", null))), Map.class);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((List<Map<String, Object>>) refused.getBody().get("errors")).extracting(e -> e.get("message")).containsExactly(
                "第 3 位参训人员：没有类别“保安”（可选：物业经理、业委会、居委会、门店主、企事业单位负责人）",
                "第 4 位参训人员：没有责任区编号“ZRT-99”",
                "第 5 位参训人员：没有居委会“第九居委会”（可选：第一居委会、第二居委会）");
        assertThat(jdbc.queryForObject("select count(*) from training_session where title = ?", Integer.class, TITLE)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from zone_event where kind = 'TRAINED' and zone_id = ?", Integer.class,
                juwei01.get(0))).isZero();

        ResponseEntity<Map> absurdDay = as("chuangban1").postForEntity("/api/zones/trainings", training("+99999-01-01",
                List.of(attendee("门店主", "张一", "九亭大街 1 号", "ZRT-01"))), Map.class);
        assertThat(absurdDay.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(absurdDay.getBody().toString()).contains("heldOn").contains("培训日期“+99999-01-01”不合理");

        ResponseEntity<Map> unitHead = as("wuye01a").postForEntity("/api/zones/trainings", training("2024-05-12",
                List.of(attendee("物业经理", "钱经理", "物业一公司", "ZRT-13"))), Map.class);
        assertThat(unitHead.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(unitHead.getBody().toString()).contains("可以登记责任区培训");
    }

    /**
     * 2024: 门店主 for ZRT-01 (twice) and ZRT-02 → 2 of the 9 active shops registered by the end of 2024 (ZRT-01…08,
     * ZRT-11) = 22.22%; ZRT-03's 门店主 came in 2023; a 门店主 without a zone is not counted. 企事业单位负责人 ZRT-09 → 1/2 = 50.00%. 物业经理 ZRT-13 → 1/5 =
     * 20.00%; 业委会 none → 0/5 = 0.00%. 居委会 第一居委会 (by name) → 1 of 2 COMMITTEE groups = 50.00%.
     */
    @Test
    void coverageCountsTheZonesOfEachCategorysTypeAndTheCommittees() {
        ResponseEntity<Map> created = as("chuangban1").postForEntity("/api/zones/trainings", training("2024-05-12", List.of(
                attendee("门店主", "张一", "九亭大街 1 号", "ZRT-01"), attendee("SHOP_OWNER", "张一之妻", null, "ZRT-01"),
                attendee("门店主", "张二", null, "ZRT-02"), attendee("门店主", "路人", null, null),
                attendee("企事业单位负责人", "孙九", "某公司", "ZRT-09"), attendee("物业经理", "钱经理", "物业一公司", "ZRT-13"),
                attendee("居委会", "王主任", "第一居委会", null))), Map.class);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(as("chuangban1").postForEntity("/api/zones/trainings", training("2023-11-20",
                List.of(attendee("门店主", "张三", null, "ZRT-03"))), Map.class).getStatusCode()).isEqualTo(HttpStatus.CREATED);

        List<Map<String, Object>> coverage = as("juwei01a").getForEntity("/api/zones/trainings/coverage?year=2024", List.class)
                .getBody();
        assertThat(coverage).extracting(c -> c.get("categoryName"), c -> c.get("covered"), c -> c.get("target"), c -> c.get("rate"))
                .containsExactly(tuple("物业经理", 1, 5, 20.0), tuple("业委会", 0, 5, 0.0), tuple("居委会", 1, 2, 50.0),
                        tuple("门店主", 2, 9, 22.22), tuple("企事业单位负责人", 1, 2, 50.0));

        List<Map<String, Object>> sessions = as("juwei01a").getForEntity("/api/zones/trainings?year=2024", List.class).getBody();
        assertThat(sessions).singleElement().satisfies(s -> {
            assertThat(s).containsEntry("heldOn", "2024-05-12").containsEntry("title", TITLE);
            assertThat((List<Map<String, Object>>) s.get("attendees")).extracting(a -> a.get("categoryName"), a -> a.get("name"),
                    a -> a.get("zoneNo")).startsWith(tuple("门店主", "张一", "ZRT-01"), tuple("门店主", "张一之妻", "ZRT-01"));
        });
        Map<String, Object> file = as("juwei01a").getForEntity("/api/zones/" + juwei01.get(0) + "/file", Map.class).getBody();
        assertThat((List<Map<String, Object>>) file.get("trainings")).extracting(t -> t.get("heldOn"), t -> t.get("title"),
                t -> t.get("categoryName"), t -> t.get("name")).containsExactly(tuple("2024-05-12", TITLE, "门店主", "张一"),
                        tuple("2024-05-12", TITLE, "门店主", "张一之妻"));
        assertThat(zoneFiles.file(juwei01.get(0)).events()).filteredOn(e -> e.kind() == ZoneEventKind.TRAINED)
                .extracting(ZoneFile.Entry::detail).containsExactly(
                        "参加培训“ZRT 门责“六无”培训”（2024-05-12，九亭镇社区文化活动中心）：门店主 张一",
                        "参加培训“ZRT 门责“六无”培训”（2024-05-12，九亭镇社区文化活动中心）：门店主 张一之妻");
    }
}
