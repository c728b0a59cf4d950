package org.shirong.rectification;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.shirong.system.ShirongWebTest;
import org.shirong.system.TasklistBrowser;
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
 * The case map and the case page: {@code GET /api/cases/map} gives each reader the located cases they may read,
 * coloured by traffic light, and where the map opens (their organisation's centre from its organization.yaml);
 * lingdao1 opens the map with no tile server configured (the plain map), opens a case from its point and sees the
 * before and after photos side by side with their times, people by name, and downloads the case's dossier PDF; a map
 * whose map library does not load says so; a unit's clerk gets nothing of another unit's case.
 */
@ShirongWebTest
class CaseMapTest {


    private static final java.time.format.DateTimeFormatter SHANGHAI_MINUTE =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(java.time.ZoneId.of("Asia/Shanghai"));

    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate rest;
    @Autowired
    TaskService taskService;
    @Autowired
    JdbcTemplate jdbc;

    /** Made once for the class: 红 暴露垃圾 (环卫所) rectified with both photos and past due; 黄 占道经营 (城管中队); 绿; one without a place. */
    private static String red;
    private static String yellow;
    private static String green;
    private static String unlocated;

    @BeforeEach
    void cases() {
        if (red != null) {
            return;
        }
        red = report("涞寅路垃圾房周边暴露垃圾", "EXPOSED_GARBAGE", "涞寅路 88 弄垃圾房", 31.1162, 121.3218);
        yellow = report("沪亭北路沿街占道经营", "ILLEGAL_STALL", "沪亭北路 200 号", 31.1235, 121.3301);
        green = report("九亭大街暴露垃圾", "EXPOSED_GARBAGE", "九亭大街 300 号", 31.1098, 121.3155);
        unlocated = report("某小区门口暴露垃圾", "EXPOSED_GARBAGE", "某小区门口", null, null);
        CaseSeeding.rectifyWithPhotos(rest, taskService, red);
        Instant now = Instant.now();
        CaseSeeding.times(jdbc, red, now.minus(Duration.ofHours(3)), now.minus(Duration.ofHours(1)));
        CaseSeeding.times(jdbc, yellow, now.minus(Duration.ofHours(1)), now.plus(Duration.ofHours(2)));
        CaseSeeding.times(jdbc, green, now.plus(Duration.ofDays(2)), now.plus(Duration.ofDays(3)));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theMapGivesEachReaderTheLocatedCasesTheyMayReadColouredByLight() {
        Map<String, Object> all = map("lingdao1", "");
        Map<String, Map<String, Object>> points = byCaseNo(all);
        assertThat(points).containsKeys(red, yellow, green).doesNotContainKey(unlocated);
        assertThat(points.get(red)).containsEntry("light", "RED").containsEntry("colour", "#d9363e")
                .containsEntry("lightName", "红灯").containsEntry("url", "/shirong/cases/" + red)
                .containsEntry("lat", 31.1162).containsEntry("lng", 121.3218);
        assertThat(points.get(yellow)).containsEntry("light", "YELLOW").containsEntry("colour", "#e0a800");
        assertThat(points.get(green)).containsEntry("light", "GREEN").containsEntry("colour", "#2e8b57");
        assertThat((Integer) all.get("withoutLocation")).isGreaterThanOrEqualTo(1);
        assertThat(all.get("tiles")).as("no tile server by default: the plain map").isNull();
        assertThat(all.get("centre")).as("九亭镇").isEqualTo(Map.of("lat", 31.13, "lng", 121.32, "zoom", 13));
        assertThat(map("jxlingdao1", "").get("centre")).as("锦溪镇").isEqualTo(Map.of("lat", 31.18, "lng", 120.90, "zoom", 13));
        assertThat(map("sjlingdao1", "").get("centre")).as("松江区").isEqualTo(Map.of("lat", 31.03, "lng", 121.23, "zoom", 11));
        assertThat(map("shdshirongban1", "").get("centre")).as("石湖荡镇 has none: its district's")
                .isEqualTo(map("sjlingdao1", "").get("centre"));

        assertThat(byCaseNo(map("lingdao1", "?light=RED"))).containsKey(red).doesNotContainKeys(yellow, green);
        // 城管中队's clerk reads the 占道经营 case it leads, not 环卫所's cases.
        assertThat(byCaseNo(map("chengguan2", ""))).containsKey(yellow).doesNotContainKeys(red, green);
        // 综管办 is a 责任单位 of 暴露垃圾.
        assertThat(byCaseNo(map("zongguan1", ""))).containsKeys(red, green).doesNotContainKey(yellow);
        assertThat(byCaseNo(map("dangqun1", ""))).doesNotContainKeys(red, yellow, green);
        assertThat(byCaseNo(map("jxlingdao1", ""))).as("another organisation").doesNotContainKeys(red, yellow, green);
        assertThat(rest.getForEntity("/api/cases/map", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(rest.withBasicAuth("lingdao1", "demo").getForEntity("/api/cases/map/grids/jiuting", String.class)
                .getStatusCode()).as("九亭 has no grids file here").isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(rest.withBasicAuth("lingdao1", "demo").getForEntity("/api/cases/map/grids/nowhere", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void aUnitClerkGetsNothingOfAnotherUnitsCasePage() {
        ResponseEntity<String> other = rest.withBasicAuth("chengguan2", "demo").getForEntity("/shirong/cases/" + red, String.class);
        assertThat(other.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(other.getBody()).contains("案件不存在").doesNotContain("涞寅路").doesNotContain("data-category-name");
        assertThat(rest.withBasicAuth("chengguan2", "demo").getForEntity("/api/cases/" + red, String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(rest.withBasicAuth("chengguan2", "demo").getForEntity("/api/cases/" + red + "/photos/1", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        ResponseEntity<String> own = rest.withBasicAuth("chengguan2", "demo").getForEntity("/shirong/cases/" + yellow, String.class);
        assertThat(own.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(own.getBody()).contains(yellow).contains("乱设摊").contains("下载案卷 PDF", "/api/cases/" + yellow + "/dossier.pdf");
        assertThat(rest.getForEntity("/shirong/cases/" + red, String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(rest.getForEntity("/shirong/map", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    /**
     * A case's photo is not to be sniffed as anything but the image it says it is; the case page and the map say so too
     * and allow only Shirong's own scripts, framed only by Shirong (the map in the 驾驶舱).
     */
    @Test
    @SuppressWarnings("unchecked")
    void photosAndPagesForbidSniffingAndThePagesRunOnlyShirongsScripts() {
        TestRestTemplate lingdao = rest.withBasicAuth("lingdao1", "demo");
        List<Map<String, Object>> photos = (List<Map<String, Object>>) lingdao.getForObject("/api/cases/" + red, Map.class).get("photos");
        ResponseEntity<byte[]> photo = lingdao.getForEntity(photos.get(0).get("url").toString(), byte[].class);
        assertThat(photo.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(photo.getHeaders().get("X-Content-Type-Options")).containsExactly("nosniff");
        for (String page : List.of("/shirong/cases/" + red, "/shirong/map", "/shirong/map?embed=true")) {
            ResponseEntity<String> answer = lingdao.getForEntity(page, String.class);
            assertThat(answer.getStatusCode()).as(page).isEqualTo(HttpStatus.OK);
            assertThat(answer.getHeaders().get("X-Content-Type-Options")).as(page).containsExactly("nosniff");
            assertThat(answer.getHeaders().getFirst("Content-Security-Policy")).as(page)
                    .contains("default-src 'self'", "script-src 'self';", "object-src 'none'", "frame-ancestors 'self'");
        }
    }

    /** Pages name the map and chart libraries without their version (pom.xml alone has it): the paths are served. */
    @Test
    void theLibrariesAreServedWithoutTheirVersionInThePath() {
        String map = rest.withBasicAuth("lingdao1", "demo").getForObject("/shirong/map", String.class);
        assertThat(map).contains("/webjars/leaflet/dist/leaflet.js", "/webjars/leaflet/dist/leaflet.css")
                .doesNotContainPattern("/webjars/leaflet/\\d");
        for (String asset : List.of("/webjars/leaflet/dist/leaflet.js", "/webjars/leaflet/dist/leaflet.css",
                "/webjars/echarts/dist/echarts.min.js")) {
            ResponseEntity<String> served = rest.withBasicAuth("lingdao1", "demo").getForEntity(asset, String.class);
            assertThat(served.getStatusCode()).as(asset).isEqualTo(HttpStatus.OK);
            assertThat(served.getBody()).as(asset).hasSizeGreaterThan(1000);
        }
    }

    /**
     * The big scripts travel gzipped; a webjar named with its version is kept a year, every other asset is asked for again
     * and answered 304 when unchanged (the Cockpit plugin's bundle too); Shirong's answers are never kept (jtreview-s59 T13).
     */
    @Test
    void assetsTravelGzippedAndAreCachedButAnswersAreNot() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String auth = "Basic " + Base64.getEncoder().encodeToString("lingdao1:demo".getBytes());
        BiFunction<String, String[], HttpResponse<byte[]>> get = (path, headers) -> {
            var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Authorization", auth);
            for (int i = 0; i < headers.length; i += 2) {
                request.header(headers[i], headers[i + 1]);
            }
            try {
                return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (Exception e) {
                throw new IllegalStateException(path, e);
            }
        };

        var deps = get.apply("/camunda/lib/deps.js", new String[] {"Accept-Encoding", "gzip"});
        assertThat(deps.statusCode()).isEqualTo(200);
        assertThat(deps.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(deps.body().length).isLessThan(1_500_000);
        assertThat(deps.headers().firstValue("Cache-Control")).hasValue("no-cache");
        String etag = deps.headers().firstValue("ETag").orElseThrow();
        assertThat(get.apply("/camunda/lib/deps.js", new String[] {"Accept-Encoding", "gzip", "If-None-Match", etag}).statusCode())
                .isEqualTo(304);

        String plugin = "/camunda/api/cockpit/plugin/cockpitPlugins/static/app/plugin.js";
        var bundle = get.apply(plugin, new String[] {"Accept-Encoding", "gzip"});
        assertThat(bundle.statusCode()).isEqualTo(200);
        assertThat(bundle.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(bundle.headers().firstValue("Cache-Control")).hasValue("no-cache");
        assertThat(get.apply(plugin, new String[] {"If-None-Match", bundle.headers().firstValue("ETag").orElseThrow()}).statusCode())
                .isEqualTo(304);

        var versioned = get.apply("/webjars/echarts/5.3.1/dist/echarts.min.js", new String[] {"Accept-Encoding", "gzip"});
        assertThat(versioned.statusCode()).isEqualTo(200);
        assertThat(versioned.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(versioned.headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");
        assertThat(get.apply("/webjars/echarts/dist/echarts.min.js", new String[0]).headers().firstValue("Cache-Control"))
                .hasValue("no-cache");

        for (String answer : List.of("/api/cases/" + red, "/engine-rest/task?maxResults=1")) {
            var response = get.apply(answer, new String[] {"Accept-Encoding", "gzip"});
            assertThat(response.headers().allValues("Cache-Control").toString()).as(answer).doesNotContain("max-age=3", "public", "immutable");
            assertThat(response.headers().firstValue("ETag")).as(answer).isEmpty();
        }
        assertThat(get.apply("/camunda/app/cockpit/default/", new String[0]).headers().firstValue("Cache-Control")).isEmpty();
    }

    @Test
    void lingdao1SeesThePointsOnThePlainMapAndOpensACaseWithBothPhotosSideBySide() throws Exception {
        // 九亭's grid outlines, as a town would put them in its folder (read at each request, so no restart).
        Path grids = Path.of("config", "organizations", "jiuting", CaseMapController.GRIDS_FILE);
        Files.writeString(grids, """
                {"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"涞寅网格"},
                 "geometry":{"type":"Polygon","coordinates":[[[121.31,31.105],[121.335,31.105],[121.335,31.13],[121.31,31.13],[121.31,31.105]]]}}]}
                """);
        try (TasklistBrowser browser = TasklistBrowser.open(port)) {
            try {
                assertThat(map("lingdao1", "").get("grids")).isEqualTo(List.of("/api/cases/map/grids/jiuting"));
                assertThat(rest.withBasicAuth("jxlingdao1", "demo").getForEntity("/api/cases/map/grids/jiuting", String.class)
                        .getStatusCode()).as("another organisation's grids").isEqualTo(HttpStatus.NOT_FOUND);
                browser.viewport(1366, 900);
                // a PC set to another zone: the case page still shows 九亭's times (Asia/Shanghai), as the dossier does
                browser.deviceTimeZone("America/New_York");
                browser.login("lingdao1", "demo");
                browser.driver().get("http://localhost:" + port + "/shirong/map");
                browser.until(d -> d.findElement(By.id("case-map-page")).getAttribute("data-loaded") != null);
                List<WebElement> dots = browser.driver().findElements(By.cssSelector("path.case-point"));
                assertThat(dots.size()).isGreaterThanOrEqualTo(3);
                assertThat(fill(browser, red)).isEqualTo("#d9363e");
                assertThat(fill(browser, yellow)).isEqualTo("#e0a800");
                assertThat(fill(browser, green)).isEqualTo("#2e8b57");
                assertThat(browser.driver().findElements(By.cssSelector(".leaflet-tile"))).as("no tiles are fetched").isEmpty();
                assertThat(browser.driver().findElements(By.cssSelector("path.grid-outline"))).hasSize(1);
                // Leaflet's own words in Chinese: the scale's units and the zoom buttons' titles
                assertThat(browser.visible(By.cssSelector(".leaflet-control-scale-line")).getText()).matches("\\d+ 千?米");
                assertThat(browser.driver().findElements(By.cssSelector(".leaflet-control-zoom a")))
                        .extracting(a -> a.getAttribute("title")).containsExactly("放大", "缩小");
                assertThat(browser.visible(By.id("case-map-note")).getText()).contains("未配置地图底图", "网格边界", "未记录位置");
                browser.screenshot("case-map");

                browser.click(By.cssSelector("path.case-point[data-case-no='" + red + "']"));
                browser.click(By.cssSelector(".leaflet-popup a[data-case-no='" + red + "']"));
                browser.until(d -> "true".equals(d.findElement(By.id("case-page")).getAttribute("data-loaded")));
                assertThat(browser.driver().getCurrentUrl()).endsWith("/shirong/cases/" + red);
                assertSideBySide(browser);
                assertThat(browser.visible(By.id("case-light")).getAttribute("data-light")).isEqualTo("RED");
                String photos = browser.visible(By.id("case-photos")).getText();
                assertThat(photos).contains("整改前", "整改后", "拍摄（上传者填报）：2026-11-30 09:15", "位置（上传者填报）：31.116200, 121.321800");
                assertThat(browser.visible(By.id("case-timeline")).getText()).contains("立案", "派遣", "提交整改结果");
                assertThat(browser.visible(By.id("case-record")).getText()).contains("暴露垃圾", "涞寅路 88 弄垃圾房", "综管办",
                        "何巡查员").doesNotContain("lvrong1");
                Instant reportedAt = jdbc.queryForObject("select reported_at from rect_case where case_no = ?",
                        java.sql.Timestamp.class, red).toInstant();
                assertThat(browser.visible(By.id("case-record")).getText()).as("reported at, in Asia/Shanghai")
                        .contains(SHANGHAI_MINUTE.format(reportedAt) + "（何巡查员）");
                assertThat(browser.visible(By.id("case-timeline")).getText()).as("环卫所's 徐所长 claimed and submitted it")
                        .contains("徐所长", "何巡查员").doesNotContain("huanwei1", "lvrong1");
                WebElement dossier = browser.visible(By.id("case-dossier"));
                assertThat(dossier.getText()).isEqualTo("下载案卷 PDF");
                assertThat(dossier.getAttribute("href")).endsWith("/api/cases/" + red + "/dossier.pdf");
                // what the button downloads, fetched with the page's own session
                Object answer = ((JavascriptExecutor) browser.driver()).executeAsyncScript("""
                        var done = arguments[arguments.length - 1];
                        fetch(arguments[0], { credentials: 'same-origin' })
                          .then(function (r) { done(r.status + ' ' + r.headers.get('Content-Type')); })
                          .catch(function (e) { done(String(e)); });""", dossier.getAttribute("href"));
                assertThat(answer).isEqualTo("200 application/pdf");
                browser.screenshot("case-page");

                browser.phoneViewport();
                browser.driver().navigate().refresh();
                browser.until(d -> "true".equals(d.findElement(By.id("case-page")).getAttribute("data-loaded")));
                assertSideBySide(browser);
                ((JavascriptExecutor) browser.driver()).executeScript(
                        "document.getElementById('case-photos').scrollIntoView({block: 'start'});");
                browser.screenshot("case-page-phone");

                // The map library does not load (a proxy, a broken deployment): the map box says so instead of staying blank.
                ChromeDriver chrome = (ChromeDriver) browser.driver();
                chrome.executeCdpCommand("Network.enable", Map.of());
                chrome.executeCdpCommand("Network.setCacheDisabled", Map.of("cacheDisabled", true));
                chrome.executeCdpCommand("Network.setBlockedURLs", Map.of("urls", List.of("*leaflet.js*")));
                browser.viewport(1366, 900);
                browser.driver().get("http://localhost:" + port + "/shirong/map");
                browser.until(d -> "failed".equals(d.findElement(By.id("case-map-page")).getAttribute("data-loaded")));
                assertThat(browser.visible(By.id("case-map")).getText()).contains("地图组件加载失败");
                browser.screenshot("case-map-failed");
                chrome.executeCdpCommand("Network.setBlockedURLs", Map.of("urls", List.of()));
            } catch (RuntimeException | AssertionError e) {
                browser.screenshot("case-map-failure");
                throw e;
            }
        } finally {
            Files.delete(grids);
        }
    }

    /** Both photos loaded, the before photo left of the after photo on one row. */
    private static void assertSideBySide(TasklistBrowser browser) {
        List<WebElement> images = browser.until(d -> {
            List<WebElement> found = d.findElements(By.cssSelector(".shirong-photo img"));
            return found.size() == 2 && found.stream().allMatch(img -> Boolean.TRUE.equals(((JavascriptExecutor) d)
                    .executeScript("return arguments[0].complete && arguments[0].naturalWidth > 0;", img))) ? found : null;
        });
        assertThat(images.get(0).getAttribute("data-kind")).isEqualTo("BEFORE");
        assertThat(images.get(1).getAttribute("data-kind")).isEqualTo("AFTER");
        assertThat(images.get(0).getRect().getY()).isEqualTo(images.get(1).getRect().getY());
        assertThat(images.get(0).getRect().getX()).isLessThan(images.get(1).getRect().getX());
    }

    private static String fill(TasklistBrowser browser, String caseNo) {
        return browser.driver().findElement(By.cssSelector("path.case-point[data-case-no='" + caseNo + "']")).getAttribute("fill");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> map(String user, String query) {
        ResponseEntity<Map> answer = rest.withBasicAuth(user, "demo").getForEntity("/api/cases/map" + query, Map.class);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        return answer.getBody();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> byCaseNo(Map<String, Object> view) {
        Map<String, Map<String, Object>> points = new java.util.LinkedHashMap<>();
        ((List<Map<String, Object>>) view.get("points")).forEach(p -> points.put((String) p.get("caseNo"), p));
        return points;
    }

    private String report(String title, String category, String address, Double lat, Double lng) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        String location = lat == null ? "{\"address\":\"%s\"}".formatted(address)
                : "{\"address\":\"%s\",\"lat\":%s,\"lng\":%s}".formatted(address, lat, lng);
        return (String) rest.withBasicAuth("lvrong1", "demo").postForEntity("/api/cases", new HttpEntity<>("""
                {"title":"%s","category":"%s","urgency":"NORMAL","source":"PATROL","location":%s}
                """.formatted(title, category, location), headers), Map.class).getBody().get("caseNo");
    }
}
