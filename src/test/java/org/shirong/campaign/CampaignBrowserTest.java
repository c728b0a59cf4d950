package org.shirong.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.shirong.rectification.CaseSeeding;
import org.shirong.report.CampaignFixture;
import org.shirong.system.ShirongWebTest;
import org.shirong.system.TasklistBrowser;
import org.shirong.system.XlsxDownload;
import org.shirong.system.XlsxSheet;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A campaign task worked in the real Tasklist: 环卫所 opens its 认领测评点位问题 task, adds a problem
 * on the findings list of the form and completes it; the problem becomes a rectification case of the
 * campaign under the item's category. A campaign seen in the real Cockpit: its diagram names the
 * campaign's own phases, from its template. And the 活动驾驶舱 as 领导小组组长 lingdao1 uses it: figures as the API
 * gives them, the list behind a number, the map, a case page with both photos, the Excel ledger and the PDF dossier
 * downloaded by clicking and read back; Cockpit's actions hidden from a read-only leader; nothing of it for a unit.
 */
@ShirongWebTest
@SuppressWarnings({"unchecked", "rawtypes"})
class CampaignBrowserTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Path DOWNLOADS = Path.of("target", "downloads", "campaign-dashboard");

    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    org.shirong.scoring.UnitScores unitScores;
    @Autowired
    ManagementService managementService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    RepositoryService repositoryService;

    /** Its tests start 锦溪镇 campaigns of one template in overlapping days, which one left running would refuse. */
    @org.junit.jupiter.api.AfterEach
    void withdrawCampaigns() {
        org.shirong.system.CampaignLeftovers.withdraw(jdbc, runtimeService);
    }

    @Test
    void unitRecordsAFindingOnItsCampaignTaskAndItBecomesACase() throws IOException {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        assertThat(rest.withBasicAuth("sjshirongban1", "demo").postForEntity("/api/campaigns", new HttpEntity<>("""
                {"template":"songjiang-2024-satisfaction","code":"SJ-BROWSER","name":"松江满意度测评提升（浏览器测试）"}""", headers),
                Map.class).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        CampaignDriver run = new CampaignDriver("SJ-BROWSER", managementService, runtimeService, taskService, jdbc);
        run.runUntil(Instant.now());
        Task task = run.task("claimPointProblems/SURVEY_URBAN_ROADS");
        String taskName = task.getName();
        String formTaskName = (String) taskService.getVariable(task.getId(), CampaignTaskProcess.VAR_TASK_NAME);
        assertThat(taskName).as("the list names the campaign; the form shows it in its own field").isEqualTo(formTaskName + " · SJ-BROWSER");

        try (TasklistBrowser browser = TasklistBrowser.open(port)) {
            try {
                browser.login("sjlvrongju1", "demo");
                browser.claimTask("本单位待办（区绿化市容局）", taskName);
                browser.until(d -> d.findElement(By.cssSelector("input[id$='-Field_taskName']")).getAttribute("value").equals(formTaskName));
                browser.visible(By.cssSelector("textarea[id$='-Field_findings']")).sendKeys("沪亭北路人行道板破损｜沪亭北路 300 号｜｜｜松江区");
                browser.until(d -> d.findElement(By.cssSelector("textarea[id$='-Field_categoryList']")).getAttribute("value")
                        .contains("城市道路"));
                // 松江 keeps no inspection score sheets: no score entry that could only be refused
                assertThat(browser.driver().findElements(By.cssSelector("textarea[id$='-Field_inspectionItemList'],"
                        + " textarea[id$='-Field_scores']"))).isEmpty();
                browser.screenshot("campaign-findings-form");
                browser.complete();
                browser.until(d -> jdbc.queryForObject("select count(*) from rect_case where campaign_code = 'SJ-BROWSER'",
                        Integer.class) == 1);
            } catch (RuntimeException e) {
                browser.screenshot("campaign-findings-failure");
                throw e;
            }
        }
        assertThat(jdbc.queryForMap("select c.title, c.category, c.source, c.address, c.reported_by from rect_case c"
                + " where c.campaign_code = 'SJ-BROWSER'"))
                .containsEntry("TITLE", "沪亭北路人行道板破损").containsEntry("CATEGORY", "SURVEY_URBAN_ROADS")
                .containsEntry("SOURCE", "SURVEY").containsEntry("ADDRESS", "沪亭北路 300 号").containsEntry("REPORTED_BY", "sjlvrongju1");
    }

    @Test
    void cockpitNamesTheJinxiCampaignsOwnPhases() throws IOException {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        assertThat(rest.withBasicAuth("jxtuijinban1", "demo").postForEntity("/api/campaigns", new HttpEntity<>("""
                {"template":"jinxi-2017-931","code":"JX-COCKPIT","name":"锦溪镇环境综合整治（驾驶舱测试）"}""", headers),
                Map.class).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        new CampaignDriver("JX-COCKPIT", managementService, runtimeService, taskService, jdbc).runUntil(Instant.now());
        String instanceId = runtimeService.createProcessInstanceQuery().processDefinitionKey(CampaignProcess.KEY)
                .processInstanceBusinessKey("JX-COCKPIT").singleResult().getId();

        assertThat(rest.getForObject("/camunda/app/cockpit/shirong/campaign-phases.js", String.class)).contains("shirong.campaignPhases");

        try (TasklistBrowser browser = TasklistBrowser.open(port)) {
            try {
                browser.driver().get("http://localhost:" + port + "/camunda/app/cockpit/default/");
                browser.visible(By.cssSelector("input[ng-model='username']")).sendKeys("jxtuijinban1");
                browser.driver().findElement(By.cssSelector("input[ng-model='password']")).sendKeys("demo");
                browser.driver().findElement(By.cssSelector("button[type='submit']")).click();
                browser.until(d -> d.findElements(By.cssSelector("input[ng-model='username']")).isEmpty());
                browser.driver().get("http://localhost:" + port + "/camunda/app/cockpit/default/#/process-instance/" + instanceId + "/runtime");
                String phases = browser.visible(By.cssSelector(".djs-overlay .shirong-campaign-phases")).getText();
                browser.screenshot("cockpit-campaign-phases");

                assertThat(phases).contains("第 1 阶段　明确任务制定方案（进行中）", "第 2 阶段　深入推进全面整治（未开始）",
                        "第 3 阶段　考核评估表彰先进（未开始）").doesNotContain("前期准备", "总结迎检");
                assertThat(browser.driver().findElement(By.cssSelector(".djs-container")).getAttribute("textContent"))
                        .as("the diagram itself draws the phase once, under no town's names")
                        .contains("活动阶段（按模板依次进行）").doesNotContain("宣传动员和自查整改");
                // the zoom buttons are named in Chinese, and what the instance lacks reads 无, not null
                browser.until(d -> d.findElements(By.cssSelector(".navigation button[title]")).stream()
                        .map(b -> b.getAttribute("title")).toList().containsAll(List.of("放大", "缩小", "还原大小")));
                assertThat(browser.driver().findElements(By.cssSelector(".navigation button[title]")))
                        .extracting(b -> b.getAttribute("title")).doesNotContain("zoom in", "zoom out", "reset zoom");
                assertThat(browser.driver().findElements(By.cssSelector("dd"))).extracting(WebElement::getText)
                        .doesNotContain("null").contains("无");
            } catch (RuntimeException | AssertionError e) {
                browser.screenshot("cockpit-campaign-phases-failure");
                throw e;
            }
        }
    }

    /**
     * 九亭's campaign around today, its cases reported through the API: 暴露垃圾 (环卫所) rectified with a before and an
     * after photo and past due (红); 占道经营 (城管中队) past its warning instant (黄); 暴露垃圾 (环卫所) green. lingdao1 works
     * the 驾驶舱 in Cockpit; 城管中队's head (in the leading group, yet a unit) sees nothing of it.
     */
    @Test
    void lingdao1WorksTheCampaignDashboardInCockpitAndAUnitDoesNotSeeIt() throws IOException {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        new CampaignFixture(jdbc, "JT-DASH").campaign("九亭镇驾驶舱浏览器测试", 2)
                .phase(1, "前期准备", day(now, -12), day(now, -11)).phase(2, "宣传动员和自查整改", day(now, -10), day(now, 20))
                .phase(3, "总结迎检", day(now, 21), day(now, 60))
                .unit("chengguan", "城管中队", 1).unit("huanwei", "环卫所", 2)
                .task(2, "chengguan", true).task(2, "huanwei", false);
        String red = report("涞寅路垃圾房周边暴露垃圾", "EXPOSED_GARBAGE", "涞寅路 88 弄垃圾房", 31.1162, 121.3218);
        String yellow = report("沪亭北路沿街占道经营", "ILLEGAL_STALL", "沪亭北路 200 号", 31.1235, 121.3301);
        String green = report("九亭大街暴露垃圾", "EXPOSED_GARBAGE", "九亭大街 300 号", 31.1098, 121.3155);
        CaseSeeding.rectifyWithPhotos(rest, taskService, red);
        CaseSeeding.times(jdbc, red, now.minus(Duration.ofHours(3)), now.minus(Duration.ofHours(1)));
        CaseSeeding.times(jdbc, yellow, now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(2)));
        CaseSeeding.times(jdbc, green, now.plus(Duration.ofDays(2)), now.plus(Duration.ofDays(3)));

        Map api = rest.withBasicAuth("lingdao1", "demo").getForObject("/api/campaigns/JT-DASH/dashboard", Map.class);
        Map total = (Map) api.get("total");
        assertThat(figures(total)).isEqualTo("合计 3 1 1 0 0 0 0");
        Map card = ((List<Map>) rest.withBasicAuth("lingdao1", "demo").getForObject("/api/dashboard", Map.class).get("campaigns"))
                .stream().filter(c -> "JT-DASH".equals(c.get("code"))).findFirst().orElseThrow();
        deleteDownloads();

        try (TasklistBrowser browser = TasklistBrowser.openDownloadingTo(port, DOWNLOADS)) {
            String base = "http://localhost:" + port;
            try {
                browser.viewport(1366, 900);
                browser.driver().get(base + "/camunda/app/cockpit/default/");
                browser.visible(By.cssSelector("input[ng-model='username']")).sendKeys("lingdao1");
                browser.driver().findElement(By.cssSelector("input[ng-model='password']")).sendKeys("demo");
                browser.driver().findElement(By.cssSelector("button[type='submit']")).click();

                // Cockpit's dashboard: the campaign's card first, with the API's figures, in Chinese only.
                WebElement cardElement = browser.visible(By.cssSelector(".shirong-dashboard [data-campaign='JT-DASH']"));
                Map cardTotal = (Map) card.get("total");
                for (var figure : Map.of("在办案件", "open", "红灯超期", "red", "黄灯临期", "yellow").entrySet()) {
                    assertThat(cardElement.findElement(By.cssSelector("[data-figure='" + figure.getKey() + "'] b")).getText())
                            .as(figure.getKey()).isEqualTo(String.valueOf(cardTotal.get(figure.getValue())))
                            .isEqualTo(String.valueOf(total.get(figure.getValue())));
                }
                assertThat(cardElement.getText()).contains("宣传动员和自查整改（进行中）", "今天 " + api.get("today"));
                // jtreview-s59 T16: the header's app switcher (home icon) names Tasklist in Chinese
                assertThat(((JavascriptExecutor) browser.driver()).executeScript(
                        "return document.querySelector('[cam-widget-header] li.tasklist a').textContent.trim();"))
                        .isEqualTo("任务列表");
                // a phase of two days among months still has room for its name, not one character per line (s48 L14)
                int bar = cardElement.findElement(By.cssSelector(".shirong-timeline-bar")).getSize().getWidth();
                assertThat(cardElement.findElements(By.cssSelector(".shirong-phase"))).hasSize(3)
                        .allSatisfy(phase -> assertThat(phase.getSize().getWidth()).isGreaterThanOrEqualTo(bar * 14 / 100));
                assertThat(browser.driver().findElement(By.cssSelector("section.deprecate")).getText()).startsWith("活动驾驶舱");
                browser.assertNoEnglish("cockpit-dashboard");

                // The campaign's page: each unit's row and the total as the API counts them.
                cardElement.findElement(By.linkText("九亭镇驾驶舱浏览器测试")).click();
                browser.visible(By.cssSelector("table.shirong-units tr[data-unit='total']"));
                List<Map> lines = new ArrayList<>((List<Map>) api.get("units"));
                lines.add(total);
                for (Map line : lines) {
                    WebElement row = browser.driver().findElement(By.cssSelector("table.shirong-units tr[data-unit='"
                            + (line.get("unitId") == null ? "total" : line.get("unitId")) + "']"));
                    List<String> cells = new ArrayList<>();
                    row.findElements(By.cssSelector("th, td")).forEach(c -> cells.add(c.getText()));
                    assertThat(String.join(" ", cells)).isEqualTo(figures(line));
                }
                assertThat(browser.driver().findElement(By.cssSelector("table.shirong-units tr[data-unit='huanwei']")).getText())
                        .isEqualTo("环卫所 2 1 0 0 0 0 0");
                browser.until(d -> d.findElements(By.cssSelector(".shirong-chart canvas")).size() >= 3);
                assertThat(browser.driver().findElement(By.cssSelector(".shirong-campaign-page")).getAttribute("textContent"))
                        .contains("考核排名（暂定，截至今日）", "通报线", "案件地图", "活动文书", "督办（待督办", "超期待督办", "已督办、尚未办结", "各单位未完成的任务")
                        // jtreview T10: 九亭's template has no plan items, so no 整治项目 section holding only 其他
                        .doesNotContain("各整治项目");
                // jtreview T2, T3: this month still runs, so its ranking has no 通报 column; each total has its points of the maximum
                assertThat(browser.driver().findElements(By.cssSelector("table.shirong-ranking th"))).extracting(WebElement::getText)
                        .containsExactly("名次", "单位", "总分", "得分/满分", "等级", "应结案/结案/超期");
                assertThat(browser.driver().findElement(By.cssSelector("[data-score-basis]")).getText())
                        .startsWith("总分 = 本单位本期适用评分项的得分之和 ÷ 满分之和 × 100");
                // sjreview F19: the page says what the API says of the calendar its days run into (60 days on: while the
                // bundled 2027 is provisional, "2027年工作日历为暂定…"; the words are CampaignDashboardTest's)
                assertThat(browser.driver().findElements(By.cssSelector(".shirong-calendar-warning"))).extracting(WebElement::getText)
                        .isEqualTo(api.get("calendarWarnings"));
                browser.screenshot("cockpit-campaign-dashboard");
                assertThat(english(browser)).as("页面上的英文").isEmpty();
                // The page scrolls under the wheel, as a user would reach the ranking and the documents below the first
                // screen (Cockpit's view clips: a page as tall as its content did not move).
                new org.openqa.selenium.interactions.Actions(browser.driver()).scrollFromOrigin(
                        org.openqa.selenium.interactions.WheelInput.ScrollOrigin.fromViewport(200, 300), 0, 1200).perform();
                assertThat(((Number) ((JavascriptExecutor) browser.driver()).executeScript(
                        "return document.querySelector('.shirong-campaign-page').scrollTop")).intValue())
                        .as("the wheel scrolls the page").isPositive();
                // Today's mark on the phase bar runs below the phases' lines of text, not through them, and its label
                // lies within the page.
                assertThat(((JavascriptExecutor) browser.driver()).executeScript("""
                        const mark = document.querySelector('.shirong-campaign-page .shirong-today');
                        const m = mark.getBoundingClientRect();
                        const label = mark.querySelector('span').getBoundingClientRect();
                        const texts = Array.from(mark.parentElement.querySelectorAll('.shirong-phase-name, .shirong-phase-days'));
                        const crossed = texts.filter(t => {
                          const range = document.createRange();
                          range.selectNodeContents(t);
                          return Array.from(range.getClientRects()).some(r => r.bottom > m.top && r.top < m.bottom
                              || r.bottom > label.top && r.top < label.bottom && r.right > label.left && r.left < label.right);
                        }).map(t => t.textContent);
                        return crossed.concat(label.right > document.documentElement.clientWidth ? ['label beyond the page'] : []);""")).asList().isEmpty();

                // The list behind the total's red number: the red case, as many as the number says.
                browser.click(By.cssSelector("tr[data-unit='total'] a[data-rule='RED']"));
                WebElement list = browser.until(d -> d.findElements(By.cssSelector("table.shirong-case-list[data-list='RED']"))
                        .stream().findFirst().orElse(null));
                // jtreview-s59 T14: the page brings the list itself into view once it is there, not just its heading
                String inView = "const r = arguments[0].getBoundingClientRect();"
                        + " return r.top >= 0 && r.bottom <= (window.innerHeight || document.documentElement.clientHeight);";
                WebElement firstRow = list.findElement(By.cssSelector("tbody tr"));
                Boolean rowShown = browser.until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(inView, firstRow)) ? true : null);
                assertThat(rowShown).as("the list's first row is on screen after the click").isTrue();
                assertThat(list.findElements(By.cssSelector("tbody tr"))).extracting(r -> r.getAttribute("data-case"))
                        .containsExactly(red);
                browser.click(By.cssSelector(".shirong-list-panel a.shirong-back"));
                WebElement number = browser.driver().findElement(By.cssSelector("tr[data-unit='total'] a[data-rule='RED']"));
                Boolean numberShown = browser.until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(inView, number)) ? true : null);
                assertThat(numberShown).as("返回表格 goes back to the number").isTrue();
                ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'start'});", list);
                assertThat(browser.driver().findElement(By.cssSelector(".shirong-list-panel [data-count]")).getAttribute("data-count"))
                        .isEqualTo(String.valueOf(total.get("red")));
                browser.screenshot("cockpit-campaign-case-list");

                // The campaign's map, framed in the page: its points coloured by light; a point opens its case page.
                WebElement frame = browser.driver().findElement(By.cssSelector("iframe.shirong-map-frame"));
                ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'center'});", frame);
                browser.driver().switchTo().frame(frame);
                browser.until(d -> d.findElement(By.id("case-map-page")).getAttribute("data-loaded") != null);
                // The map fills its frame: the framed page has no scrollbar of its own beside the map's.
                assertThat(((JavascriptExecutor) browser.driver()).executeScript(
                        "const e = document.scrollingElement; return [e.scrollHeight, e.clientHeight, e.scrollWidth, e.clientWidth];"))
                        .asList().satisfies(size -> {
                            assertThat(((Number) size.get(0)).intValue()).as("height").isLessThanOrEqualTo(((Number) size.get(1)).intValue());
                            assertThat(((Number) size.get(2)).intValue()).as("width").isLessThanOrEqualTo(((Number) size.get(3)).intValue());
                        });
                assertThat(fill(browser, red)).isEqualTo("#d9363e");
                assertThat(fill(browser, yellow)).isEqualTo("#e0a800");
                assertThat(fill(browser, green)).isEqualTo("#2e8b57");
                browser.driver().switchTo().defaultContent();
                browser.screenshot("cockpit-campaign-map");
                String cockpit = browser.driver().getWindowHandle();
                browser.driver().switchTo().frame(frame);
                browser.click(By.cssSelector("path.case-point[data-case-no='" + red + "']"));
                browser.click(By.cssSelector(".leaflet-popup a[data-case-no='" + red + "']"));
                browser.driver().switchTo().defaultContent();
                String casePage = browser.until(d -> d.getWindowHandles().stream().filter(h -> !h.equals(cockpit)).findFirst()
                        .orElse(null));
                browser.driver().switchTo().window(casePage);
                browser.until(d -> "true".equals(d.findElement(By.id("case-page")).getAttribute("data-loaded")));
                assertThat(browser.driver().getCurrentUrl()).endsWith("/shirong/cases/" + red);
                List<WebElement> photos = browser.until(d -> {
                    List<WebElement> found = d.findElements(By.cssSelector(".shirong-photo img"));
                    return found.size() == 2 && found.stream().allMatch(img -> Boolean.TRUE.equals(((JavascriptExecutor) d)
                            .executeScript("return arguments[0].complete && arguments[0].naturalWidth > 0;", img))) ? found : null;
                });
                assertThat(photos).extracting(p -> p.getAttribute("data-kind")).containsExactly("BEFORE", "AFTER");
                assertThat(browser.visible(By.id("case-photos")).getText()).contains("整改前", "整改后");
                browser.screenshot("case-page");
                browser.driver().close();
                browser.driver().switchTo().window(cockpit);

                // The Excel ledger and the PDF dossier, downloaded by clicking, read back.
                clickScrolled(browser, "a[data-export='cases']");
                XlsxDownload ledger = XlsxDownload.of(ResponseEntity.ok().contentType(MediaType.parseMediaType(XlsxSheet.CONTENT_TYPE))
                        .body(Files.readAllBytes(browser.downloaded(DOWNLOADS, ".xlsx"))));
                assertThat(ledger.headers()).contains("案件编号", "标题", "牵头部门", "配合部门", "状态", "超期", "整改期限", "返工次数", "回退次数")
                        .as("九亭镇 has no towns: no 属地 column").doesNotContain("属地", "主责单位");
                assertThat(ledger.data()).hasSize(3);
                assertThat(ledger.data().stream().map(r -> ledger.text(r, "案件编号"))).containsExactlyInAnyOrder(red, yellow, green);
                clickScrolled(browser, "a[data-export='dossier']");
                try (PDDocument pdf = Loader.loadPDF(Files.readAllBytes(browser.downloaded(DOWNLOADS, ".pdf")))) {
                    assertThat(new PDFTextStripper().getText(pdf)).contains(red, yellow, green, "案件台账", "案件编号", "时间线",
                            "整改前后照片对照", "整改前", "整改后");
                }

                // A refused download says why beside its button, in the server's words (the browser dropped it silently).
                ((JavascriptExecutor) browser.driver()).executeScript("""
                        const a = document.createElement('a');
                        a.href = document.querySelector("a[data-export='dossier']").href + '?item=NO_SUCH_ITEM';
                        a.setAttribute('download', '');
                        a.setAttribute('data-export', 'refused');
                        a.textContent = '下载';
                        document.querySelector('.shirong-campaign-page').appendChild(a);""");
                clickScrolled(browser, "a[data-export='refused']");
                assertThat(browser.visible(By.cssSelector(".shirong-download-error")).getText())
                        .startsWith("未能下载：").contains("计划项目 NO_SUCH_ITEM 下没有您可查看的案件");

                // Issue 12 point 5: a reader who may not delete instances does not get Cockpit's actions.
                assertThat(browser.driver().findElements(By.cssSelector(".ce-eol-banner")).stream().noneMatch(WebElement::isDisplayed))
                        .isTrue();
                browser.until(d -> ((JavascriptExecutor) d)
                        .executeScript("return document.documentElement.classList.contains('shirong-read-only');").equals(true));
                // on the dashboard, the engine's own 当前/已部署 sections are the administrator's: the leader sees the 活动驾驶舱
                browser.driver().get(base + "/camunda/app/cockpit/default/#/dashboard");
                browser.visible(By.cssSelector(".shirong-dashboard [data-campaign='JT-DASH']"));
                assertThat(browser.driver().findElements(By.cssSelector(".dashboard section.actual"))).isNotEmpty();
                assertThat(browser.driver().findElements(By.cssSelector(".dashboard section.actual, .dashboard section.deployed")))
                        .as("运行中的流程实例、已部署等引擎统计对只读的领导隐藏").noneMatch(WebElement::isDisplayed);
                String definition = repositoryService.createProcessDefinitionQuery().processDefinitionKey(CampaignProcess.KEY)
                        .tenantIdIn("jiuting").latestVersion().singleResult().getId();
                browser.driver().get(base + "/camunda/app/cockpit/default/#/process-definition/" + definition + "/runtime");
                browser.until(d -> !d.findElements(By.cssSelector(".ctn-toolbar > span")).isEmpty());
                assertThat(browser.driver().findElements(By.cssSelector(".ctn-toolbar > span")))
                        .as("挂起等操作按钮对只读的领导隐藏").noneMatch(WebElement::isDisplayed);
                assertThat(browser.visible(By.cssSelector("dd.version-tag")).getText()).as("no version tag: 无, not null").isEqualTo("无");
                String instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(red).singleResult().getId();
                browser.driver().get(base + "/camunda/app/cockpit/default/#/process-instance/" + instance + "/runtime");
                browser.until(d -> !d.findElements(By.cssSelector(".ctn-toolbar > span")).isEmpty());
                // Cockpit may draw the toolbar again while the page settles: read it afresh until it holds no shown button
                browser.until(d -> {
                    try {
                        return d.findElements(By.cssSelector(".ctn-toolbar > span, .ctn-toolbar .btn")).stream().noneMatch(WebElement::isDisplayed);
                    } catch (org.openqa.selenium.StaleElementReferenceException redrawn) {
                        return false;
                    }
                });
                assertThat(browser.driver().findElements(By.cssSelector(".ctn-toolbar > span, .ctn-toolbar .btn")))
                        .as("取消、修改等操作按钮对只读的领导隐藏").noneMatch(WebElement::isDisplayed);
                // the case's business key leads to its case page
                assertThat(browser.visible(By.cssSelector("dd.business-key a.shirong-case-page")).getAttribute("href"))
                        .isEqualTo(base + "/shirong/cases/" + red);
                browser.screenshot("cockpit-read-only-instance");
            } catch (RuntimeException | AssertionError e) {
                browser.screenshot("cockpit-campaign-dashboard-failure");
                System.err.println("驾驶舱页面：" + ((JavascriptExecutor) browser.driver()).executeScript(
                        "var p = document.querySelector('.shirong-list-panel'); return p ? p.outerHTML : document.title;"));
                throw e;
            }

            try {
                // A unit's head (in the leading group, yet a unit): nothing of the 驾驶舱, and the API refuses.
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
        // A unit's staff member likewise.
        assertThat(rest.withBasicAuth("chengguan2", "demo").getForEntity("/api/dashboard", Map.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    /**
     * 九亭镇's office, taking part in 松江区's campaign, opens it in Cockpit's 驾驶舱 as a town does: the card and the page
     * count only the case located in 九亭镇, the list behind the total lists it and not 石湖荡镇's, the page says whose part
     * it is, and it offers the town's own ledger but no 街镇排名 or 迎检档案 download.
     */
    @Test
    void aTownTakingPartSeesItsOwnPartOfTheDistrictsDashboardInCockpitAndNotAnotherTowns() throws IOException {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        CampaignFixture campaign = new CampaignFixture(jdbc, "SJ-TOWNVIEW").campaign("松江区街镇驾驶舱浏览器测试", 1, "songjiang",
                        "songjiang-2024-satisfaction", "松江区满意度测评提升")
                .phase(1, "补齐短板弱项", day(now, -10), day(now, 30))
                .unit("sjlvrongju", "区绿化市容局", 1).unit("jiuting", "chuangban", "九亭镇", 2)
                .unit("shihudang", "shdshirongban", "石湖荡镇", 3);
        String reported = LocalDateTime.ofInstant(now.minus(Duration.ofDays(1)), SHANGHAI).toString();
        String due = LocalDateTime.ofInstant(now.plus(Duration.ofDays(5)), SHANGHAI).toString();
        String inJiuting = campaign.addCase("SURVEY_URBAN_ROADS", "sjlvrongju", reported, due, null, false);
        String inShihudang = campaign.addCase("SURVEY_URBAN_WATERS", "sjlvrongju", reported, due, null, false);
        // each located in its town, whose office cooperates on it (属地街镇配合), as a district case's dispatch leaves it
        for (List<String> located : List.of(List.of(inJiuting, "jiuting", "chuangban"), List.of(inShihudang, "shihudang", "shdshirongban"))) {
            jdbc.update("update rect_case set territory = ? where case_no = ?", located.get(1), located.get(0));
            jdbc.update("insert into rect_case_party (case_no, unit_id, role, reason, tenant_id, assigned_at, due_at) values (?,?,?,?,?,?,?)",
                    located.get(0), located.get(2), "COOPERATE", "TERRITORY", located.get(1), java.sql.Timestamp.from(now),
                    java.sql.Timestamp.from(now.plus(Duration.ofDays(3))));
        }
        try (TasklistBrowser browser = TasklistBrowser.open(port)) {
            String base = "http://localhost:" + port;
            try {
                browser.viewport(1366, 900);
                browser.loginTo("cockpit", "chuangban1", "demo");
                browser.driver().get(base + "/camunda/app/cockpit/default/#/");
                WebElement card = browser.visible(By.cssSelector(".shirong-dashboard [data-campaign='SJ-TOWNVIEW']"));
                assertThat(card.findElement(By.cssSelector("[data-figure='在办案件'] b")).getText()).as("九亭镇's case only").isEqualTo("1");

                card.findElement(By.linkText("松江区街镇驾驶舱浏览器测试")).click();
                WebElement notice = browser.visible(By.cssSelector(".shirong-campaign-page [data-participant='chuangban']"));
                assertThat(notice.getText()).contains("九亭镇参加松江区的这项活动", "位于九亭镇的案件");
                assertThat(browser.driver().findElement(By.cssSelector("table.shirong-units tr[data-unit='total']")).getText())
                        .startsWith("合计 1 ");
                assertThat(browser.driver().findElement(By.cssSelector("a[data-export='cases']")).getText()).isEqualTo("下载本街镇案件台账（Excel）");
                assertThat(browser.driver().findElements(By.cssSelector("a[data-export='archive'], a[data-export='territories']")))
                        .as("the district's downloads").isEmpty();

                browser.click(By.cssSelector("tr[data-unit='total'] a[data-rule='OPEN']"));
                WebElement list = browser.until(d -> d.findElements(By.cssSelector("table.shirong-case-list[data-list='OPEN']"))
                        .stream().findFirst().orElse(null));
                assertThat(list.findElements(By.cssSelector("tbody tr"))).extracting(r -> r.getAttribute("data-case"))
                        .containsExactly(inJiuting);
                assertThat(browser.driver().findElement(By.cssSelector(".shirong-campaign-page")).getAttribute("textContent"))
                        .contains(inJiuting).doesNotContain(inShihudang);
                browser.screenshot("cockpit-campaign-town-part");
            } catch (RuntimeException | AssertionError e) {
                browser.screenshot("cockpit-campaign-town-part-failure");
                throw e;
            }
        } finally {
            jdbc.update("delete from rect_case_party where case_no like 'SJ-TOWNVIEW-%'");
            campaign.clear();
        }
    }

    /**
     * The 超期待督办 list names each case's 属地 town or street only in a district's campaign (松江区's office sees 石湖荡镇);
     * in a town's own campaign every case lies in the town, and the list has no 属地 column.
     */
    @Test
    void theAwaitingSupervisionListHasATerritoryColumnOnlyInADistrictsCampaign() throws IOException {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        String reported = LocalDateTime.ofInstant(now.minus(Duration.ofDays(10)), SHANGHAI).toString();
        String due = LocalDateTime.ofInstant(now.minus(Duration.ofDays(2)), SHANGHAI).toString();
        CampaignFixture district = new CampaignFixture(jdbc, "SJ-AWAIT").campaign("松江区待督办浏览器测试", 1, "songjiang",
                        "songjiang-2024-satisfaction", "松江区满意度测评提升")
                .phase(1, "补齐短板弱项", day(now, -20), day(now, 30)).unit("sjlvrongju", "区绿化市容局", 1)
                .unit("shihudang", "shdshirongban", "石湖荡镇", 2);
        CampaignFixture town = new CampaignFixture(jdbc, "JT-AWAIT").campaign("九亭镇待督办浏览器测试", 2)
                .phase(1, "前期准备", day(now, -30), day(now, -21)).phase(2, "宣传动员和自查整改", day(now, -20), day(now, 30))
                .unit("chengguan", "城管中队", 1);
        String inShihudang = district.addCase("SURVEY_URBAN_ROADS", "sjlvrongju", reported, due, null, true);
        jdbc.update("update rect_case set territory = 'shihudang' where case_no = ?", inShihudang);
        String inJiuting = town.addCase("chengguan", reported, due, null, true);
        List<String> instances = new ArrayList<>();
        try {
            instances.add(awaitingSupervision("songjiang", inShihudang, "sjlvrongju"));
            instances.add(awaitingSupervision("jiuting", inJiuting, "chengguan"));
            try (TasklistBrowser browser = TasklistBrowser.open(port)) {
                String base = "http://localhost:" + port;
                try {
                    browser.viewport(1366, 900);
                    browser.loginTo("cockpit", "sjshirongban1", "demo");
                    browser.driver().get(base + "/camunda/app/cockpit/default/#/shirong-campaign/SJ-AWAIT");
                    WebElement districtList = browser.visible(By.cssSelector("table.shirong-awaiting-supervision"));
                    assertThat(districtList.findElements(By.cssSelector("th"))).extracting(WebElement::getText)
                            .containsExactly("案件编号", "标题", "牵头单位", "属地", "整改期限", "待督办起", "通报");
                    assertThat(districtList.findElements(By.cssSelector("tr[data-case='" + inShihudang + "'] td")))
                            .extracting(WebElement::getText).element(3).isEqualTo("石湖荡镇");

                    browser.loginTo("cockpit", "lingdao1", "demo");
                    browser.driver().get(base + "/camunda/app/cockpit/default/#/shirong-campaign/JT-AWAIT");
                    WebElement townList = browser.visible(By.cssSelector("table.shirong-awaiting-supervision"));
                    assertThat(townList.findElements(By.cssSelector("tr[data-case]"))).extracting(r -> r.getAttribute("data-case"))
                            .containsExactly(inJiuting);
                    assertThat(townList.findElements(By.cssSelector("th"))).extracting(WebElement::getText)
                            .containsExactly("案件编号", "标题", "牵头单位", "整改期限", "待督办起", "通报");
                } catch (RuntimeException | AssertionError e) {
                    browser.screenshot("cockpit-awaiting-supervision-failure");
                    throw e;
                }
            }
        } finally {
            instances.forEach(id -> runtimeService.deleteProcessInstance(id, "测试结束"));
            district.clear();
            town.clear();
        }
    }

    /** The case's process waiting at 督办超期案件 in the office, as an overdue case's process comes to it. */
    private String awaitingSupervision(String tenant, String caseNo, String leadUnit) {
        String instance = runtimeService.createProcessInstanceByKey(org.shirong.rectification.RectificationProcess.KEY)
                .processDefinitionTenantId(tenant).businessKey(caseNo)
                .startBeforeActivity(org.shirong.rectification.RectificationProcess.TASK_SUPERVISE)
                .setVariables(Map.of(org.shirong.rectification.RectificationProcess.VAR_CASE_NO, caseNo,
                        org.shirong.rectification.RectificationProcess.VAR_LEAD_UNIT, leadUnit))
                .execute().getId();
        jdbc.update("update rect_case set process_instance_id = ? where case_no = ?", instance, caseNo);
        return instance;
    }

    /**
     * On a phone the ranking lies across: units down the side, the first on top, each score at its bar's end, the chart
     * tall enough for every unit's line. Upright, ten bars some 20 px wide had their labels ("E 22.2") run together.
     */
    @Test
    @SuppressWarnings("unchecked")
    void onAPhoneTheRankingLiesAcrossWithEveryUnitOnItsOwnLine() throws IOException {
        CampaignFixture campaign = new CampaignFixture(jdbc, "JT-RANK").campaign("九亭镇排名手机测试", 2)
                .phase(1, "前期准备", "2024-03-01", "2024-04-30").phase(2, "宣传动员和自查整改", "2024-05-01", "2024-08-31");
        List<String> units = List.of("dangqun", "guijian", "lvrong", "zongguan", "huanwei", "pingan", "shefa", "chengjian",
                "chengyun", "chengguan");
        for (int i = 0; i < units.size(); i++) {
            campaign.unit(units.get(i), units.get(i), i + 1);
            // one case a unit in May, some closed late, so that every unit is ranked with its own total
            campaign.addCase(units.get(i), "2024-05-06T09:00", "2024-05-10T17:00", i % 3 == 0 ? "2024-05-20T10:00" : "2024-05-08T10:00",
                    false);
        }
        unitScores.computeAndSave("jiuting", "JT-RANK", "2024-05");
        String script = """
                const table = document.querySelector('table.shirong-ranking');
                const box = table && table.closest('section').querySelector('.shirong-chart');
                const chart = box && window.echarts && window.echarts.getInstanceByDom(box);
                if (!chart) { return null; }
                const option = chart.getOption();
                const units = option.yAxis[0].type === 'category' ? 'yAxis' : 'xAxis';
                return {units, count: option[units][0].data.length, label: option.series[0].label.position, height: box.clientHeight};""";
        try (TasklistBrowser browser = TasklistBrowser.open(port)) {
            try {
                browser.viewport(1366, 900);
                browser.loginTo("cockpit", "lingdao1", "demo");
                browser.driver().get("http://localhost:" + port + "/camunda/app/cockpit/default/#/shirong-campaign/JT-RANK?period=2024-05");
                Map<String, Object> desk = browser.until(d -> (Map<String, Object>) ((JavascriptExecutor) d).executeScript(script));
                assertThat(desk).as("桌面上的考核排名图：单位沿横轴").containsEntry("units", "xAxis").containsEntry("count", 10L);

                browser.phoneViewport(375, 812);
                browser.driver().navigate().refresh();
                Map<String, Object> phone = browser.until(d -> (Map<String, Object>) ((JavascriptExecutor) d).executeScript(script));
                ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'start'});",
                        browser.driver().findElement(By.cssSelector("table.shirong-ranking")).findElement(By.xpath("ancestor::section")));
                browser.screenshot("cockpit-ranking-phone");
                assertThat(phone).as("手机上的考核排名图：单位竖排，得分在条的右端").containsEntry("units", "yAxis")
                        .containsEntry("count", 10L).containsEntry("label", "right");
                assertThat(((Number) phone.get("height")).longValue()).isGreaterThanOrEqualTo(10 * 28);
                // a unit's 应结案/结案/超期 open the cases the score counted (jtreview-s59 T12); the page still fits the phone
                WebElement due = browser.driver().findElement(By.cssSelector("table.shirong-ranking tr[data-unit='chengguan'] a[data-rule='SCORED_DUE']"));
                assertThat(due.getText()).isEqualTo("1");
                ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].click();", due);
                WebElement listed = browser.until(d -> d.findElements(By.cssSelector("table.shirong-case-list[data-list='SCORED_DUE'] tr[data-case]"))
                        .stream().findFirst().orElse(null));
                assertThat(listed.getAttribute("data-case")).isEqualTo("JT-RANK-10");
                assertThat((Long) ((JavascriptExecutor) browser.driver()).executeScript(
                        "return document.scrollingElement.scrollWidth - document.scrollingElement.clientWidth;")).isEqualTo(0L);
            } catch (RuntimeException | AssertionError e) {
                browser.screenshot("cockpit-ranking-phone-failure");
                throw e;
            }
        } finally {
            campaign.clear();
        }
    }

    /**
     * A leader's phone (390 px, s54 V10, sjreview L4): the phases lie one under another, a two-day phase as wide as the
     * others and its name in lines of words; the 各单位案件 chart shows every legend entry, above the bars; column heads and
     * units' names never break one character a line; the units without a single case fold behind "其余 N 个单位均为 0",
     * which unfolds them.
     */
    @Test
    @SuppressWarnings("unchecked")
    void onA390PxPhoneThePhasesStackAndUnitsWithoutCasesFold() throws IOException {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        CampaignFixture campaign = new CampaignFixture(jdbc, "JT-PHONE").campaign("九亭镇驾驶舱手机测试", 2)
                .phase(1, "前期准备", day(now, -12), day(now, -11)).phase(2, "宣传动员和自查整改", day(now, -10), day(now, 80))
                .phase(3, "总结迎检", day(now, 81), day(now, 120));
        List<String> names = List.of("党群办", "规建办", "第一居委会", "综管办", "环卫所", "平安办", "社发办", "城建中心", "城运中心",
                "城管中队", "市场监管所", "第二居委会");
        for (int i = 0; i < names.size(); i++) {
            campaign.unit("u" + i, names.get(i), i + 1);
        }
        String today = day(now, 0);
        campaign.addCase("u4", today + "T08:00", day(now, -1) + "T17:00", null, true);
        campaign.addCase("u9", today + "T08:00", day(now, 5) + "T17:00", null, false);
        String lines = """
                // the characters of each line of an element's text, one count a line
                window.shirongLines = e => {
                  const lines = new Map();
                  const walker = document.createTreeWalker(e, NodeFilter.SHOW_TEXT);
                  while (walker.nextNode()) {
                    const t = walker.currentNode;
                    for (let i = 0; i < t.length; i++) {
                      if (!t.data[i].trim()) continue;
                      const range = document.createRange();
                      range.setStart(t, i);
                      range.setEnd(t, i + 1);
                      const r = range.getBoundingClientRect();
                      if (r.width) lines.set(Math.round(r.top), (lines.get(Math.round(r.top)) || 0) + 1);
                    }
                  }
                  return Array.from(lines.values());
                };""";
        try (TasklistBrowser browser = TasklistBrowser.open(port)) {
            try {
                browser.loginTo("cockpit", "lingdao1", "demo");
                browser.phoneViewport(390, 844);
                browser.driver().get("http://localhost:" + port + "/camunda/app/cockpit/default/#/shirong-campaign/JT-PHONE");
                browser.driver().navigate().refresh();
                browser.visible(By.cssSelector("table.shirong-units tr[data-unit='total']"));
                browser.until(d -> d.findElements(By.cssSelector(".shirong-chart canvas")).size() >= 3);
                JavascriptExecutor js = (JavascriptExecutor) browser.driver();
                js.executeScript(lines);
                browser.screenshot("cockpit-campaign-phone-390");

                // the phases one under another, each as wide as the bar, no line of their text a single character
                Map<String, Object> phases = (Map<String, Object>) js.executeScript("""
                        const bar = document.querySelector('.shirong-campaign-page .shirong-timeline-bar');
                        const phases = Array.from(bar.querySelectorAll('.shirong-phase'));
                        const tops = phases.map(p => p.getBoundingClientRect().top);
                        return {narrowest: Math.min(...phases.map(p => p.getBoundingClientRect().width)) / bar.clientWidth,
                          stacked: tops.every((t, n) => n === 0 || t > tops[n - 1]),
                          fewest: Math.min(...phases.flatMap(p => window.shirongLines(p.querySelector('.shirong-phase-name'))))};""");
                assertThat(phases.get("stacked")).as("阶段竖排").isEqualTo(true);
                assertThat(((Number) phases.get("narrowest")).doubleValue()).as("最窄的阶段占条宽").isGreaterThan(0.9);
                assertThat(((Number) phases.get("fewest")).intValue()).as("阶段名称一行的最少字数").isGreaterThanOrEqualTo(2);

                // every legend entry of the units' chart, none paged away, the legend above the bars
                Map<String, Object> legend = (Map<String, Object>) js.executeScript("""
                        const box = document.querySelector('table.shirong-units').closest('section').querySelector('.shirong-chart');
                        const chart = window.echarts.getInstanceByDom(box);
                        const model = chart.getModel();
                        const view = chart.getViewOfComponentModel(model.getComponent('legend'));
                        const r = view.group.getBoundingRect().clone();
                        r.applyTransform(view.group.getLocalTransform());
                        return {type: chart.getOption().legend[0].type, bottom: r.y + r.height, right: r.x + r.width,
                          width: box.clientWidth, gridTop: model.getComponent('grid').coordinateSystem.getRect().y};""");
                assertThat(legend).as("图例").containsEntry("type", "plain");
                assertThat(((Number) legend.get("right")).doubleValue()).as("图例在图内")
                        .isLessThanOrEqualTo(((Number) legend.get("width")).doubleValue());
                assertThat(((Number) legend.get("bottom")).doubleValue()).as("图例在柱形之上")
                        .isLessThanOrEqualTo(((Number) legend.get("gridTop")).doubleValue());

                js.executeScript("arguments[0].scrollIntoView({block: 'start'});",
                        browser.driver().findElement(By.cssSelector("table.shirong-units")).findElement(By.xpath("ancestor::section")));
                browser.screenshot("cockpit-campaign-phone-390-units");
                // no column head nor unit's name one character a line
                List<Object> single = (List<Object>) js.executeScript("""
                        return Array.from(document.querySelectorAll('.shirong-campaign-page thead th, table.shirong-units tbody th'))
                          .filter(e => e.offsetParent && e.textContent.trim().length > 1 && window.shirongLines(e).some(n => n < 2))
                          .map(e => e.textContent);""");
                assertThat(single).as("逐字断行的表头和单位名称").isEmpty();
                assertThat(((Number) js.executeScript("const p = document.querySelector('.shirong-campaign-page');"
                        + " return p.scrollWidth - p.clientWidth;")).intValue()).as("页面不横向滚动").isLessThanOrEqualTo(0);

                // the two units with cases, then the fold, then the total; unfolded, all twelve
                List<WebElement> rows = browser.driver().findElements(By.cssSelector("table.shirong-units tbody tr"));
                assertThat(rows.stream().filter(WebElement::isDisplayed).map(r -> r.getAttribute("data-unit")).toList())
                        .containsExactly("u4", "u9", "zero-fold", "total");
                WebElement fold = browser.driver().findElement(By.cssSelector("tr[data-unit='zero-fold']"));
                assertThat(fold.getText()).isEqualTo("其余 10 个单位均为 0（展开）");
                browser.click(By.cssSelector("tr[data-unit='zero-fold'] a"));
                assertThat(browser.driver().findElements(By.cssSelector("table.shirong-units tbody tr")).stream()
                        .filter(WebElement::isDisplayed).count()).isEqualTo(13);
                browser.screenshot("cockpit-campaign-phone-390-unfolded");

                // sjreview-s57 D12: every number, download button, 返回概览 and the 考核月份 list is a target 44 px high, and a
                // jump list in the first screen leads to the ranking and the 督办 below the units' open tasks
                Map<String, Object> targets = (Map<String, Object>) js.executeScript("""
                        const page = document.querySelector('.shirong-campaign-page');
                        page.scrollTop = 0;
                        const shown = css => Array.from(page.querySelectorAll(css)).filter(e => e.offsetParent);
                        const counts = shown('a.shirong-count');
                        return {jumps: shown('.shirong-jumps a').map(a => a.textContent),
                          jumpsTop: page.querySelector('.shirong-jumps').getBoundingClientRect().top,
                          counts: counts.length, narrowest: Math.min(...counts.map(a => a.getBoundingClientRect().width)),
                          low: shown('a.shirong-count, .shirong-actions .btn, .shirong-actions select, .shirong-jumps a')
                            .filter(e => e.getBoundingClientRect().height < 44)
                            .map(e => e.textContent.trim() + ' ' + Math.round(e.getBoundingClientRect().height) + 'px')};""");
                assertThat((List<Object>) targets.get("jumps")).contains("考核排名", "督办（超期案件）", "各单位案件", "活动文书");
                assertThat(((Number) targets.get("jumpsTop")).doubleValue()).as("跳转按钮在第一屏").isLessThan(844);
                assertThat(((Number) targets.get("counts")).intValue()).as("可点的数字").isGreaterThan(20);
                assertThat((List<Object>) targets.get("low")).as("低于 44 px 的可点目标").isEmpty();
                assertThat(((Number) targets.get("narrowest")).doubleValue()).as("最窄的数字 (px)").isGreaterThanOrEqualTo(32);
                browser.click(By.cssSelector(".shirong-jumps a[data-jump='ranking']"));
                browser.until(d -> (Boolean) js.executeScript("""
                        const top = document.querySelector('[data-block="ranking"]').getBoundingClientRect().top;
                        return top >= 0 && top < 200;"""));
                browser.screenshot("cockpit-campaign-phone-390-jumped");
            } catch (RuntimeException | AssertionError e) {
                browser.screenshot("cockpit-campaign-phone-390-failure");
                throw e;
            }
        } finally {
            campaign.clear();
        }
    }

    /** Clicks an element of the 驾驶舱 page, which scrolls within Cockpit's view, once scrolled to it. */
    /**
     * Cockpit's login form does not reload the app: the check whether the user may act (delete process instances) is made
     * again once someone has logged in, so the administrator who logs in through the form keeps Cockpit's actions, and a
     * read-only leader logging in after them does not get them. Nor the menu's engine pages (s54 V11: 流程 listed process
     * keys and tenant ids): the leader's menu offers the 活动驾驶舱 alone, and a typed #/processes turns to the home page;
     * the administrator keeps 流程、决策、人工任务.
     */
    @Test
    void whoMayActIsCheckedAgainWhenSomeoneLogsInToCockpit() throws IOException {
        try (TasklistBrowser browser = TasklistBrowser.open(port)) {
            String base = "http://localhost:" + port;
            for (var login : List.of(List.of("admin", "admin", "false"), List.of("lingdao1", "demo", "true"))) {
                browser.driver().manage().deleteAllCookies();
                browser.driver().get(base + "/camunda/app/cockpit/default/#/login");
                browser.visible(By.cssSelector("input[ng-model='username']")).sendKeys(login.get(0));
                browser.driver().findElement(By.cssSelector("input[ng-model='password']")).sendKeys(login.get(1));
                browser.driver().findElement(By.cssSelector("button[type='submit']")).click();
                browser.visible(By.cssSelector(".shirong-dashboard"));
                boolean readOnly = Boolean.parseBoolean(login.get(2));
                assertThat(browser.within(Duration.ofSeconds(10), d -> readOnly == (Boolean) ((JavascriptExecutor) d).executeScript(
                        "return document.documentElement.classList.contains('shirong-read-only');")))
                        .as(login.get(0) + (readOnly ? " sees no actions" : " keeps Cockpit's actions")).isTrue();
                // and stays so (a late answer to an earlier check must not turn it round)
                browser.settle(Duration.ofSeconds(2));
                assertThat((Boolean) ((JavascriptExecutor) browser.driver()).executeScript(
                        "return document.documentElement.classList.contains('shirong-read-only');")).as(login.get(0)).isEqualTo(readOnly);
                String menu = "return Array.from(document.querySelectorAll('[ng-controller=\"camHeaderViewsCtrl\"] > li'))"
                        + ".filter(li => li.offsetParent).map(li => li.textContent.trim());";
                if (readOnly) {
                    assertThat(browser.within(Duration.ofSeconds(10), d -> List.of("活动驾驶舱").equals(
                            ((JavascriptExecutor) d).executeScript(menu)))).as(login.get(0) + "'s menu: "
                            + ((JavascriptExecutor) browser.driver()).executeScript(menu)).isTrue();
                    browser.driver().get(base + "/camunda/app/cockpit/default/#/processes");
                    browser.visible(By.cssSelector(".shirong-dashboard"));
                    assertThat(browser.driver().getCurrentUrl()).as("a typed engine page turns home").endsWith("#/dashboard");
                } else {
                    browser.until(d -> ((List<String>) ((JavascriptExecutor) d).executeScript(menu)).contains("流程"));
                    assertThat((List<String>) ((JavascriptExecutor) browser.driver()).executeScript(menu))
                            .contains("活动驾驶舱", "流程", "决策", "人工任务");
                    // jtreview-s59 T11: a stale link's message names what is missing in Chinese, not "的process definition"
                    browser.driver().get(base + "/camunda/app/cockpit/default/#/process-definition/x");
                    String page = "return document.body.innerText;";
                    assertThat(browser.within(Duration.ofSeconds(15), d -> String.valueOf(((JavascriptExecutor) d).executeScript(page))
                            .contains("不存在 ID 为 x 的流程定义"))).as("page: " + ((JavascriptExecutor) browser.driver()).executeScript(page))
                            .isTrue();
                    assertThat(String.valueOf(((JavascriptExecutor) browser.driver()).executeScript(page))).doesNotContain("process definition");
                }
                browser.screenshot("cockpit-login-" + login.get(0));
            }
        }
    }

    /**
     * 锦溪's 编写整治案件和台帐 on a phone whose browser is English: its file inputs said the browser's own "Choose File / No
     * file chosen". Each attachment is a 选择文件 button with 未选择文件 beside it, then the chosen file's name; the input
     * itself is reached by Tab (the button shows the focus) and is named and described in Chinese to a screen reader; the
     * chosen file is handed in with the task. 完成 with nothing filled in names each missing field; a 12 MP phone photo is
     * shrunk on the phone and a PDF over 5 MB is left out with its reason beside it (jtphone-s61 F1, F4).
     */
    @Test
    void aCampaignTasksAttachmentsAreChosenInChineseOnAPhone() throws IOException {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        CampaignDriver run = new CampaignDriver("JX-FILES", managementService, runtimeService, taskService, jdbc);
        String taskId;
        try {
            // started in its first phase, as CampaignApiTest does, and driven into its second
            CampaignDriver.clockAt(Instant.parse("2026-11-20T02:00:00Z"));
            ResponseEntity<String> started = rest.withBasicAuth("jxtuijinban1", "demo").postForEntity("/api/campaigns", new HttpEntity<>("""
                    {"template":"jinxi-2017-931","code":"JX-FILES","name":"锦溪 931（附件测试）","dates":{"phases":[{"from":"2026-10-21","to":"2026-11-20"},{},{}]}}""",
                    headers), String.class);
            assertThat(started.getStatusCode()).as(started.getBody()).isEqualTo(HttpStatus.CREATED);
            run.runUntil(Instant.parse("2026-11-20T02:00:00Z"));
            run.completePhase(1);
            run.runUntil(Instant.parse("2026-11-21T02:00:00Z"));
            taskId = run.task("compileItemRecords/RECTIFY_TOWN_RIVERS").getId();
        } finally {
            ClockUtil.reset();
        }
        Path ledger = Files.createTempDirectory("shirong-attachment").resolve("河道整治台帐.pdf");
        Files.write(ledger, CampaignDriver.PDF);
        Path photo = TasklistBrowser.phonePhoto(ledger.resolveSibling("签订的责任书.jpg"));
        Path scan = Files.write(ledger.resolveSibling("河道整治台帐扫描件.pdf"), java.util.Arrays.copyOf(CampaignDriver.PDF, 6_000_000));
        String task = "http://localhost:" + port + "/camunda/app/tasklist/default/#/?task=" + taskId;

        try (TasklistBrowser browser = TasklistBrowser.open(port, "en-US", "en-US,en")) {
            try {
                browser.phoneViewport(375, 812);
                browser.login("jxshuili1", "demo");
                browser.driver().get(task);
                browser.click(By.cssSelector("button.claim"));
                browser.until(d -> "jxshuili1".equals(taskService.createTaskQuery().taskId(taskId).singleResult().getAssignee()));
                browser.driver().get(task);
                browser.visible(By.id("attachment1Choose"));
                // the unit's 要求 reads whole, with the page, not scrolled inside a three-line box
                browser.until(d -> !d.findElement(By.id("requirement")).getAttribute("value").isEmpty());
                assertThat(((Number) ((JavascriptExecutor) browser.driver()).executeScript(
                        "var r = document.getElementById('requirement'); return r.scrollHeight - r.clientHeight;")).intValue())
                        .isLessThanOrEqualTo(1);
                for (int i = 1; i <= 3; i++) {
                    assertThat(browser.driver().findElement(By.id("attachment" + i + "Choose")).getText()).contains("选择文件");
                    assertThat(browser.driver().findElement(By.id("attachment" + i + "Name")).getText()).isEqualTo("未选择文件");
                    assertThat(browser.driver().findElement(By.id("attachment" + i)).getRect().getWidth())
                            .as("the browser's own Choose File / No file chosen is out of sight").isLessThanOrEqualTo(1);
                }
                Map<String, String> second = accessible(browser, "#attachment2");
                assertThat(second.get("name")).isEqualTo("附件（必传） 选择文件 （第 2 个）");
                assertThat(second.get("description")).startsWith("未选择文件 台帐、整治案件、照片等材料，每个不超过 5 MB");

                browser.assertNoEnglish("campaign-task-attachments-phone");

                // jtphone-s61 F4: 完成 with nothing filled in says under each field what is missing (HTML required greyed 完成 out)
                browser.complete();
                assertThat(browser.visible(By.id("resultMissing")).getText()).isEqualTo("请填写办理情况。");
                assertThat(browser.visible(By.id("attachmentMissing")).getText()).startsWith("请上传附件：");

                browser.driver().findElement(By.id("result")).sendKeys("已建立河道整治台帐", org.openqa.selenium.Keys.TAB);
                assertThat(browser.driver().switchTo().activeElement().getAttribute("id")).isEqualTo("attachment1");
                assertThat(browser.driver().findElement(By.id("attachment1Choose")).getCssValue("outline-style"))
                        .as("the button shows where the keyboard is").isEqualTo("solid");

                browser.driver().findElement(By.id("attachment1")).sendKeys(ledger.toAbsolutePath().toString());
                browser.until(d -> d.findElement(By.id("attachment1Name")).getText().equals("河道整治台帐.pdf"));
                assertThat(accessible(browser, "#attachment1").get("description")).startsWith("河道整治台帐.pdf ");
                assertThat(browser.driver().findElement(By.id("attachment2Name")).getText()).isEqualTo("未选择文件");

                // jtphone-s61 F1: a 12 MP phone photo (over the 5 MB a file may have) is shrunk on the phone; a 6 MB PDF is
                // left out at once, named beside its button; what was typed stays and 完成 goes through
                browser.driver().findElement(By.id("attachment2")).sendKeys(photo.toAbsolutePath().toString());
                browser.until(d -> d.findElement(By.id("attachment2Name")).getText().startsWith("签订的责任书.jpg（已压缩："));
                browser.driver().findElement(By.id("attachment3")).sendKeys(scan.toAbsolutePath().toString());
                assertThat(browser.visible(By.id("attachment3Problem")).getText())
                        .isEqualTo("附件（第 3 个）“河道整治台帐扫描件.pdf”有 6.0 MB，超过每个文件 5 MB 的上限，未放入。请压缩或拆分后重新选择。");
                assertThat(browser.driver().findElement(By.id("attachment3Name")).getText()).isEqualTo("未选择文件");
                assertThat(browser.driver().findElement(By.id("result")).getAttribute("value")).isEqualTo("已建立河道整治台帐");
                browser.screenshot("campaign-task-attachment-chosen-phone");
                browser.complete();
                browser.until(d -> taskService.createTaskQuery().taskId(taskId).count() == 0);
            } catch (RuntimeException | AssertionError e) {
                browser.screenshot("campaign-task-attachments-failure");
                throw e;
            }
        }
        assertThat(jdbc.queryForList("select file_name from campaign_task_attachment where campaign_code = 'JX-FILES'", String.class))
                .containsExactlyInAnyOrder("河道整治台帐.pdf", "签订的责任书.jpg");
        assertThat(jdbc.queryForObject("select max(size_bytes) from campaign_task_attachment where campaign_code = 'JX-FILES'",
                Integer.class)).isLessThan(5_000_000);
    }

    /** What a screen reader is given for the element: its accessible name and description, as Chromium computes them. */
    private static Map<String, String> accessible(TasklistBrowser browser, String css) {
        var driver = (org.openqa.selenium.chrome.ChromeDriver) browser.driver();
        Map<String, Object> document = driver.executeCdpCommand("DOM.getDocument", Map.of("depth", 0));
        Object root = ((Map<?, ?>) document.get("root")).get("nodeId");
        Object node = driver.executeCdpCommand("DOM.querySelector", Map.of("nodeId", root, "selector", css)).get("nodeId");
        List<Map<String, Object>> nodes = (List<Map<String, Object>>) driver.executeCdpCommand("Accessibility.getPartialAXTree",
                Map.of("nodeId", node, "fetchRelatives", false)).get("nodes");
        Map<String, String> read = new java.util.HashMap<>();
        for (String property : List.of("name", "description")) {
            Object value = nodes.get(0).get(property);
            read.put(property, value == null ? "" : String.valueOf(((Map<?, ?>) value).get("value")).strip());
        }
        return read;
    }

    private static void clickScrolled(TasklistBrowser browser, String css) {
        WebElement element = browser.driver().findElement(By.cssSelector(css));
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        element.click();
    }

    /** As {@link TasklistBrowser#latinText()}, the rubric's grades (A–E 级, as scoring.yaml names them) allowed too. */
    private static List<String> english(TasklistBrowser browser) {
        java.util.regex.Pattern word = java.util.regex.Pattern.compile("[A-Za-z][\\w.-]*");
        return browser.latinText().stream().filter(text -> {
            java.util.regex.Matcher words = word.matcher(text);
            while (words.find()) {
                String found = words.group().replaceAll("[.-]+$", "");
                if (!found.matches("[A-E]") && TasklistBrowser.LATIN_ALLOWED.stream().noneMatch(p -> p.matcher(found).matches())) {
                    return true;
                }
            }
            return false;
        }).toList();
    }

    private static void deleteDownloads() throws IOException {
        if (Files.isDirectory(DOWNLOADS)) {
            try (var files = Files.list(DOWNLOADS)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
        }
    }

    private String report(String title, String category, String address, double lat, double lng) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<Map> reported = rest.withBasicAuth("lvrong1", "demo").postForEntity("/api/cases", new HttpEntity<>("""
                {"title":"%s","category":"%s","urgency":"NORMAL","source":"PATROL","campaign":"JT-DASH",
                 "location":{"address":"%s","lat":%s,"lng":%s}}
                """.formatted(title, category, address, lat, lng), headers), Map.class);
        assertThat(reported.getStatusCode()).as("%s", reported.getBody()).isEqualTo(HttpStatus.CREATED);
        return (String) reported.getBody().get("caseNo");
    }


    private static String fill(TasklistBrowser browser, String caseNo) {
        return browser.driver().findElement(By.cssSelector("path.case-point[data-case-no='" + caseNo + "']")).getAttribute("fill");
    }

    private static String figures(Map u) {
        return u.get("unitName") + " " + u.get("open") + " " + u.get("red") + " " + u.get("yellow") + " " + u.get("closedOnTime")
                + " " + u.get("closedLate") + " " + u.get("returns") + " " + u.get("rework");
    }

    private static String day(Instant now, int days) {
        return LocalDateTime.ofInstant(now, SHANGHAI).toLocalDate().plusDays(days).toString();
    }
}
