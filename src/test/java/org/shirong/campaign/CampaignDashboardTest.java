package org.shirong.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.shirong.report.CampaignFixture.at;

import java.io.IOException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.shirong.report.CampaignFixture;
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
 * The 活动驾驶舱: {@code GET /api/campaigns/{code}/dashboard} counts a seeded campaign's cases as {@code GET /api/cases}
 * lists them (and as worked out by hand below), ranks as {@code GET /api/scores}, and is refused to a unit; in Cockpit
 * (Chromium) 领导小组组长 lingdao1 finds it on the dashboard, opens the campaign's page, sees the API's figures, opens
 * the list behind a number, and downloads the ledger; a unit user sees nothing of it.
 */
@ShirongWebTest
@SuppressWarnings({"unchecked", "rawtypes"})
class CampaignDashboardTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TestRestTemplate rest;
    @Autowired
    RepositoryService repositoryService;

    /**
     * 锦溪 931 campaign on 5 October 2024 (period 2024-09), by hand:
     * 建管所 — 3 cases of 整治老旧小区: closed on time in September; open and past due (红, returned once, under 督办); open,
     * past its warning instant (黄, reworked twice). 水利站 — 2 of 整治镇区河道环境: closed late in September; open, green.
     * 城管中队 (not a campaign unit) — 1 under no plan item, closed late on 2 October.
     */
    @Test
    void theDashboardCountsTheCampaignsCasesAsTheCaseListShowsThemAndIsRefusedToAUnit() {
        ClockUtil.setCurrentTime(Date.from(at("2024-10-05T10:00")));
        CampaignFixture jx = new CampaignFixture(jdbc, "DASHJX");
        try {
            clear(jx, "DASHJX");
            jx.campaign("锦溪镇 931 驾驶舱测试", 2, "jinxi", "jinxi-2017-931", "锦溪镇931")
                    .phase(1, "明确任务制定方案", "2024-08-01", "2024-08-31").phase(2, "深入推进全面整治", "2024-09-01", "2024-11-30")
                    .phase(3, "考核评估表彰先进", "2024-12-01", "2024-12-31")
                    .unit("jxjianguan", "建管所", 1).unit("jxshuili", "水利站", 2).unit("jxhuanwei", "环卫所", 3)
                    .task(2, "jxjianguan", true).task(2, "jxshuili", false);
            jx.addCase("RECTIFY_OLD_ESTATES", "jxjianguan", "2024-09-02T09:00", "2024-10-20T09:00", "2024-09-10T10:00", false);
            String red = jx.addCase("RECTIFY_OLD_ESTATES", "jxjianguan", "2024-09-03T09:00", "2024-09-05T09:00", null, true);
            String yellow = jx.addCase("RECTIFY_OLD_ESTATES", "jxjianguan", "2024-10-01T09:00", "2024-10-08T09:00", null, false);
            jx.addCase("RECTIFY_TOWN_RIVERS", "jxshuili", "2024-09-04T09:00", "2024-09-06T09:00", "2024-09-08T09:00", true);
            String green = jx.addCase("RECTIFY_TOWN_RIVERS", "jxshuili", "2024-10-02T09:00", "2024-10-30T09:00", null, false);
            jx.addCase("EXPOSED_GARBAGE", "jxchengguan", "2024-09-05T09:00", "2024-09-06T09:00", "2024-10-02T09:00", true);
            jdbc.update("update rect_case set return_count = 1 where case_no = ?", red);
            jdbc.update("update rect_case set warn_at = ?, rework_count = 2 where case_no = ?", Timestamp.from(at("2024-10-04T09:00")), yellow);
            jdbc.update("update rect_case set warn_at = ? where case_no = ?", Timestamp.from(at("2024-10-25T09:00")), green);
            jdbc.update("insert into rect_case_event (case_no, occurred_at, kind, actor, detail) values (?,?,?,?,?)", red,
                    Timestamp.from(at("2024-10-04T15:00")), "SUPERVISED", "jxtuijinban1", "请于明日前整改到位");

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

            // unit: open, red, yellow, closed on time / late in September, returns, rework
            assertThat((List<Map>) d.get("units")).extracting(CampaignDashboardTest::figures).containsExactly(
                    "建管所 2 1 1 1 0 1 2", "水利站 1 0 0 0 1 0 0", "环卫所 0 0 0 0 0 0 0", "城管中队 0 0 0 0 0 0 0");
            assertThat(figures((Map) d.get("total"))).isEqualTo("合计 3 1 1 1 1 1 2");

            // The same figures counted from the case list the numbers link to.
            List<Map> listed = cases("jxtuijinban1", "DASHJX");
            assertThat(listed).hasSize(6);
            Instant now = at("2024-10-05T10:00");
            Predicate<Map> open = c -> !"CLOSED".equals(c.get("status"));
            Predicate<Map> overdue = c -> open.test(c) && Instant.parse((String) c.get("dueAt")).isBefore(now);
            for (Map unit : (List<Map>) d.get("units")) {
                List<Map> own = listed.stream().filter(c -> unit.get("unitId").equals(c.get("leadUnit"))).toList();
                assertThat(own.stream().filter(open).count()).as("在办 %s", unit.get("unitName")).isEqualTo(((Number) unit.get("open")).longValue());
                assertThat(own.stream().filter(overdue).count()).as("红灯 %s", unit.get("unitName")).isEqualTo(((Number) unit.get("red")).longValue());
                assertThat(own.stream().filter(c -> open.test(c) && !overdue.test(c) && c.get("warnAt") != null
                        && Instant.parse((String) c.get("warnAt")).isBefore(now)).count())
                        .as("黄灯 %s", unit.get("unitName")).isEqualTo(((Number) unit.get("yellow")).longValue());
                assertThat(own.stream().mapToInt(c -> ((Number) c.get("returnCount")).intValue()).sum()).isEqualTo(unit.get("returns"));
            }

            assertThat((List<Map>) d.get("planItems")).filteredOn(i -> ((Number) i.get("found")).intValue() > 0)
                    .extracting(i -> i.get("name") + " " + i.get("found") + " " + i.get("closed") + " " + i.get("overdue"))
                    .containsExactly("整治老旧小区 3 1 1", "整治镇区河道环境 2 1 1", "其他（不属于整治项目） 1 1 1");
            assertThat(listed.stream().filter(c -> "RECTIFY_OLD_ESTATES".equals(c.get("planItem"))).count()).isEqualTo(3);

            List<Map> supervision = (List<Map>) d.get("supervision");
            assertThat(supervision).extracting(s -> s.get("caseNo") + " " + s.get("leadUnitName") + " " + s.get("instruction"))
                    .containsExactly(red + " 建管所 请于明日前整改到位");

            // The ranking is the scoring API's, with its 通报 line; the trend ends with the period asked for.
            Map ranking = (Map) d.get("ranking");
            Map scores = rest.withBasicAuth("jxtuijinban1", "demo")
                    .getForObject("/api/scores?period=2024-09&campaign=DASHJX&organization=jinxi", Map.class);
            assertThat((List<Map>) ranking.get("units")).extracting(u -> u.get("unitId") + " " + u.get("total") + " " + u.get("grade"))
                    .containsExactlyElementsOf(((List<Map>) scores.get("ranking")).stream()
                            .map(u -> u.get("unitId") + " " + u.get("total") + " " + u.get("grade")).toList())
                    .isNotEmpty();
            assertThat(ranking.get("notice")).isEqualTo(scores.get("notice"));
            assertThat(((Number) ranking.get("noticeLine")).doubleValue()).isPositive();
            Map trend = (Map) d.get("trend");
            assertThat((List<String>) trend.get("periods")).hasSize(CampaignDashboard.TREND_MONTHS).endsWith("2024-09");
            assertThat((Map) d.get("links")).containsEntry("ledger", "/api/cases/export.xlsx?campaign=DASHJX")
                    .containsEntry("scores", "/api/scores/export.xlsx?period=2024-09&campaign=DASHJX&organization=jinxi");

            // October: 城管中队's late closure counts there.
            Map october = rest.withBasicAuth("jxtuijinban1", "demo").getForObject("/api/campaigns/DASHJX/dashboard?period=2024-10", Map.class);
            assertThat((List<Map>) october.get("units")).extracting(CampaignDashboardTest::figures).contains("城管中队 0 0 0 0 1 0 0");

            Map overview = rest.withBasicAuth("jxtuijinban1", "demo").getForObject("/api/dashboard", Map.class);
            assertThat((List<String>) overview.get("organizations")).containsExactly("jinxi");
            assertThat((List<Map>) overview.get("campaigns")).extracting(c -> c.get("code")).contains("DASHJX");

            // A unit's head sits in the leading group, yet is a unit: refused, with the reason in Chinese.
            ResponseEntity<Map> unit = rest.withBasicAuth("jxjianguan1", "demo").getForEntity("/api/campaigns/DASHJX/dashboard", Map.class);
            assertThat(unit.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(unit.getBody().toString()).contains("活动驾驶舱只向锦溪镇的办公室");
            assertThat(rest.withBasicAuth("jxjianguan1", "demo").getForEntity("/api/dashboard", Map.class).getStatusCode())
                    .isEqualTo(HttpStatus.FORBIDDEN);
            // Another organisation's supervisor does not learn that the campaign exists.
            assertThat(rest.withBasicAuth("lingdao1", "demo").getForEntity("/api/campaigns/DASHJX/dashboard", Map.class).getStatusCode())
                    .isEqualTo(HttpStatus.NOT_FOUND);
            ResponseEntity<Map> quarter = rest.withBasicAuth("jxtuijinban1", "demo")
                    .getForEntity("/api/campaigns/DASHJX/dashboard?period=2024-Q3", Map.class);
            assertThat(quarter.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(quarter.getBody().toString()).contains("驾驶舱按月查看");
        } finally {
            clear(jx, "DASHJX");
            ClockUtil.reset();
        }
    }

    /**
     * 九亭's campaign seeded around today: 城管中队 one red, one yellow, one green case; 环卫所 one closed on time today.
     * lingdao1 (领导小组组长) finds the 驾驶舱 first on Cockpit's dashboard, opens the campaign's page and sees the API's
     * figures, charts drawn by the application's own ECharts, the list behind the red number and the ledger to download;
     * Cockpit's end-of-life banner and the actions a read-only leader cannot use are hidden. A unit's head sees nothing.
     */
    @Test
    void lingdao1SeesTheCampaignInCockpitAndAUnitDoesNot() throws IOException {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        CampaignFixture jt = new CampaignFixture(jdbc, "DASHJT");
        try {
            clear(jt, "DASHJT");
            jt.campaign("九亭镇驾驶舱浏览器测试", 2)
                    .phase(1, "前期准备", day(now, -60), day(now, -11)).phase(2, "宣传动员和自查整改", day(now, -10), day(now, 20))
                    .phase(3, "总结迎检", day(now, 21), day(now, 60))
                    .unit("chengguan", "城管中队", 1).unit("huanwei", "环卫所", 2)
                    .task(2, "chengguan", true).task(2, "huanwei", false);
            String red = jt.addCase("chengguan", local(now.minus(Duration.ofDays(5))), local(now.minus(Duration.ofDays(1))), null, true);
            String yellow = jt.addCase("chengguan", local(now.minus(Duration.ofDays(3))), local(now.plus(Duration.ofDays(2))), null, false);
            String green = jt.addCase("chengguan", local(now.minus(Duration.ofDays(2))), local(now.plus(Duration.ofDays(5))), null, false);
            jt.addCase("huanwei", local(now.minus(Duration.ofHours(30))), local(now.plus(Duration.ofDays(3))), local(now.minus(Duration.ofMinutes(10))), false);
            jdbc.update("update rect_case set warn_at = ? where case_no = ?", Timestamp.from(now.minus(Duration.ofHours(1))), yellow);
            jdbc.update("update rect_case set warn_at = ? where case_no = ?", Timestamp.from(now.plus(Duration.ofDays(3))), green);

            Map api = rest.withBasicAuth("lingdao1", "demo").getForObject("/api/campaigns/DASHJT/dashboard", Map.class);
            Map apiUnit = ((List<Map>) api.get("units")).stream().filter(u -> "chengguan".equals(u.get("unitId"))).findFirst().orElseThrow();
            assertThat(figures(apiUnit)).isEqualTo("城管中队 3 1 1 0 0 0 0");

            try (TasklistBrowser browser = TasklistBrowser.open(port)) {
                String base = "http://localhost:" + port;
                try {
                    browser.viewport(1366, 900);
                    browser.driver().get(base + "/camunda/app/cockpit/default/");
                    browser.visible(By.cssSelector("input[ng-model='username']")).sendKeys("lingdao1");
                    browser.driver().findElement(By.cssSelector("input[ng-model='password']")).sendKeys("demo");
                    browser.driver().findElement(By.cssSelector("button[type='submit']")).click();
                    WebElement card = browser.visible(By.cssSelector(".shirong-dashboard [data-campaign='DASHJT']"));
                    browser.until(d -> !card.findElements(By.cssSelector("[data-figure='红灯超期'] b")).isEmpty());
                    assertThat(card.findElement(By.cssSelector("[data-figure='红灯超期'] b")).getText())
                            .isEqualTo(String.valueOf(((Map) api.get("total")).get("red")));
                    assertThat(card.getText()).contains("宣传动员和自查整改（进行中）", "今天 " + api.get("today"));
                    // The section is first on the dashboard and titled in Chinese.
                    assertThat(browser.driver().findElement(By.cssSelector("section.deprecate")).getText()).startsWith("活动驾驶舱");
                    browser.screenshot("cockpit-dashboard");

                    card.findElement(By.linkText("九亭镇驾驶舱浏览器测试")).click();
                    WebElement row = browser.visible(By.cssSelector("table.shirong-units tr[data-unit='chengguan']"));
                    List<String> cells = new ArrayList<>();
                    row.findElements(By.cssSelector("th, td")).forEach(c -> cells.add(c.getText()));
                    assertThat(String.join(" ", cells)).isEqualTo(figures(apiUnit));
                    assertThat(browser.driver().findElement(By.cssSelector("table.shirong-units tr[data-unit='huanwei']")).getText())
                            .isEqualTo("环卫所 0 0 0 1 0 0 0");
                    browser.until(d -> d.findElements(By.cssSelector(".shirong-chart canvas")).size() >= 3);
                    assertThat(browser.driver().findElement(By.cssSelector(".shirong-timeline")).getText()).contains("今天 " + api.get("today"));
                    // The page scrolls within Cockpit's view, so read what lies below its fold from the DOM.
                    assertThat(browser.driver().findElement(By.cssSelector(".shirong-campaign-page")).getAttribute("textContent"))
                            .contains("九亭镇驾驶舱浏览器测试", "考核排名", "通报线", "各整治项目", "活动文书", "未办结的督办");
                    assertThat(browser.driver().findElement(By.cssSelector(".shirong-actions select option:checked")).getText())
                            .isEqualTo(((Map) api.get("period")).get("name"));
                    browser.screenshot("cockpit-campaign-dashboard");

                    row.findElement(By.cssSelector("a[data-rule='red']")).click();
                    WebElement list = browser.visible(By.cssSelector("table.shirong-case-list[data-list='red']"));
                    assertThat(list.findElements(By.cssSelector("tbody tr"))).extracting(r -> r.getAttribute("data-case"))
                            .containsExactly(red);
                    browser.screenshot("cockpit-campaign-case-list");

                    String ledger = browser.driver().findElement(By.cssSelector("a[data-export='cases']")).getAttribute("href");
                    assertThat(ledger).isEqualTo(base + "/api/cases/export.xlsx?campaign=DASHJT");
                    XlsxDownload download = XlsxDownload.of(rest.withBasicAuth("lingdao1", "demo").getForEntity(ledger, byte[].class));
                    assertThat(download.data().stream().map(r -> download.text(r, "案件编号")))
                            .containsExactlyInAnyOrder(red, yellow, green, "DASHJT-4");
                    assertThat(browser.driver().findElement(By.cssSelector("a[data-export='scores']")).getAttribute("href"))
                            .startsWith(base + "/api/scores/export.xlsx?period=");

                    // 5: no end-of-life banner, and a reader who may not delete instances is marked read-only.
                    assertThat(browser.driver().findElements(By.cssSelector(".ce-eol-banner")).stream().noneMatch(WebElement::isDisplayed))
                            .isTrue();
                    browser.until(d -> ((JavascriptExecutor) d)
                            .executeScript("return document.documentElement.classList.contains('shirong-read-only');").equals(true));
                    String definition = repositoryService.createProcessDefinitionQuery().processDefinitionKey(CampaignProcess.KEY)
                            .tenantIdIn("jiuting").latestVersion().singleResult().getId();
                    browser.driver().get(base + "/camunda/app/cockpit/default/#/process-definition/" + definition + "/runtime");
                    browser.until(d -> !d.findElements(By.cssSelector(".ctn-toolbar > span")).isEmpty());
                    assertThat(browser.driver().findElements(By.cssSelector(".ctn-toolbar > span")))
                            .as("挂起等操作按钮对只读的领导隐藏").noneMatch(WebElement::isDisplayed);
                    browser.screenshot("cockpit-read-only-toolbar");
                } catch (RuntimeException | AssertionError e) {
                    browser.screenshot("cockpit-campaign-dashboard-failure");
                    throw e;
                }

                try {
                    // A unit's head (in the leading group, without Cockpit): nothing of the 驾驶舱, and the API refuses.
                    browser.login("chengguan1", "demo");
                    browser.driver().get(base + "/camunda/app/cockpit/default/#/");
                    browser.until(d -> ((JavascriptExecutor) d).executeScript("return document.readyState").equals("complete"));
                    Object status = ((JavascriptExecutor) browser.driver()).executeAsyncScript(
                            "var done = arguments[arguments.length - 1];"
                                    + "fetch('/api/dashboard', {credentials: 'same-origin'}).then(r => done(r.status), e => done(-1));");
                    assertThat(((Number) status).intValue()).isEqualTo(403);
                    assertThat(browser.driver().findElements(By.cssSelector(".shirong-dashboard [data-campaign]"))).isEmpty();
                    assertThat(browser.driver().findElement(By.tagName("body")).getText()).doesNotContain("九亭镇驾驶舱浏览器测试");
                    browser.screenshot("cockpit-dashboard-unit");
                } catch (RuntimeException | AssertionError e) {
                    browser.screenshot("cockpit-dashboard-unit-failure");
                    throw e;
                }
            }
        } finally {
            clear(jt, "DASHJT");
        }
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
