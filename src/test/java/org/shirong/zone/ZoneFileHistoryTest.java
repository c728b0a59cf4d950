package org.shirong.zone;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.shirong.system.RunsAlone;
import org.shirong.system.ShirongWebTest;
import org.shirong.system.TasklistBrowser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A holder's file (一点一档) shows its full history: the office registers the zone, it joins a 自律组织, its 告知书 is posted
 * with a photo (recorded as the 告知书 part records it, through {@link ZoneFiles}); {@code GET /api/zones/{id}/file} gives
 * every step in order with Chinese names, people by name and working photo links, and the file page shows the same on a
 * phone, without English; the register page lists and maps the zone. Drives a real browser, hence {@link RunsAlone}.
 */
@RunsAlone
@ShirongWebTest
class ZoneFileHistoryTest {

    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate rest;
    @Autowired
    ZoneFiles files;

    @AfterEach
    void realClock() {
        ClockUtil.reset();
    }

    static byte[] jpeg() throws IOException {
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        image.getGraphics().fillRect(8, 8, 30, 20);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", out);
        return out.toByteArray();
    }

    private void at(String instant) {
        ClockUtil.setCurrentTime(java.util.Date.from(java.time.Instant.parse(instant)));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theFileListsEveryStepInOrderWithChineseNamesPeopleAndPhotos() throws IOException {
        at("2026-03-02T01:00:00Z");
        Map<String, Object> zone = Map.of("zoneNo", "ZH-0001", "holderName", "老街坊面馆", "holderType", "SHOP",
                "address", "九亭大街 102 号", "ownerGroup", "第一居委会", "person", "王建国", "roadClass", "主要道路",
                "street", "九亭大街", "lat", 31.11752, "lng", 121.31895);
        ResponseEntity<Map> created = rest.withBasicAuth("chuangban1", "demo").postForEntity("/api/zones", zone, Map.class);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        long id = ((Number) created.getBody().get("id")).longValue();

        at("2026-03-05T02:00:00Z");
        assertThat(rest.withBasicAuth("chuangban1", "demo").postForEntity("/api/zones/self-groups", Map.of("name", "档案测试自律小组",
                "scope", "STREET", "place", "九亭大街", "members", List.of(Map.of("zoneNo", "ZH-0001", "role", "组长"))), Map.class)
                .getStatusCode()).isEqualTo(HttpStatus.CREATED);

        at("2026-03-10T03:00:00Z");
        byte[] photo = jpeg();
        long photoId = files.addPhoto(id, ZonePhotoKind.POSTED, new ZonePhoto("posted.jpg", "image/jpeg", photo,
                LocalDateTime.of(2026, 3, 10, 10, 58), 31.11752, 121.31895), "juwei01a");
        files.record(id, ZoneEventKind.NOTICE_POSTED, "juwei01a", "2026 年版告知书已张贴于店门内侧", "2026", photoId);
        ClockUtil.reset();

        Map<String, Object> file = rest.withBasicAuth("juwei01a", "demo").getForObject("/api/zones/" + id + "/file", Map.class);
        assertThat((Map<String, Object>) file.get("zone")).containsEntry("zoneNo", "ZH-0001").containsEntry("ownerGroupName", "第一居委会");
        List<Map<String, Object>> events = (List<Map<String, Object>>) file.get("events");
        assertThat(events).extracting(e -> e.get("kindName")).containsExactly("登记责任区", "加入自律组织", "告知书上墙");
        assertThat(events).extracting(e -> e.get("actorName")).containsExactly("戴所长", "戴所长", "王主任");
        assertThat(events.get(1)).containsEntry("detail", "档案测试自律小组（组长）");
        assertThat(events.get(0).get("at")).isEqualTo("2026-03-02T01:00:00Z");
        String photoUrl = (String) events.get(2).get("photoUrl");
        assertThat(photoUrl).startsWith("/api/zones/" + id + "/photos/");
        assertThat((List<Map<String, Object>>) file.get("photos")).singleElement().satisfies(p -> assertThat(p)
                .containsEntry("kindName", "告知书上墙").containsEntry("url", photoUrl).containsEntry("takenAt", "2026-03-10T10:58:00"));
        ResponseEntity<byte[]> image = rest.withBasicAuth("juwei01a", "demo").getForEntity(photoUrl, byte[].class);
        assertThat(image.getHeaders().getContentType()).isEqualTo(MediaType.IMAGE_JPEG);
        assertThat(image.getBody()).isEqualTo(photo);
        assertThat(rest.withBasicAuth("jxlingdao1", "demo").getForEntity(photoUrl, byte[].class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);

        try (TasklistBrowser browser = TasklistBrowser.open(port)) {
            browser.viewport(1366, 900);
            browser.login("juwei01a", "demo");
            browser.driver().get("http://localhost:" + port + "/shirong/zones");
            browser.until(d -> d.findElement(By.id("zones-page")).getAttribute("data-loaded") != null);
            browser.visible(By.cssSelector("#zone-search input[name=q]")).sendKeys("ZH-0001");
            browser.click(By.cssSelector("#zone-search button[type=submit]"));
            browser.until(d -> d.findElements(By.cssSelector("#zones-table tbody tr")).size() == 1);
            assertThat(browser.visible(By.cssSelector("#zones-table tbody tr")).getText()).contains("ZH-0001", "老街坊面馆",
                    "第一居委会", "正常");
            browser.until(d -> "1".equals(d.findElement(By.id("zones-map")).getAttribute("data-points")));
            assertThat(browser.driver().findElement(By.cssSelector("path.zone-point[data-zone-no='ZH-0001']")).getAttribute("fill"))
                    .isEqualTo("#8c8c8c");
            assertThat(browser.driver().findElements(By.id("zone-import"))).as("only the office imports").isEmpty();
            assertThat(browser.driver().findElement(By.id("zones-more")).isDisplayed()).as("all listed").isFalse();
            browser.assertNoEnglish("zones-desk");

            browser.phoneViewport();
            browser.driver().get("http://localhost:" + port + "/shirong/zones/" + id);
            browser.until(d -> d.findElement(By.id("zone-page")).getAttribute("data-loaded") != null);
            List<WebElement> steps = browser.driver().findElements(By.cssSelector("#zone-timeline li"));
            assertThat(steps).extracting(li -> li.findElement(By.cssSelector(".kind")).getText())
                    .containsExactly("登记责任区", "加入自律组织", "告知书上墙");
            assertThat(steps.get(0).getText()).contains("2026-03-02", "戴所长");
            assertThat(steps.get(2).getText()).contains("王主任", "2026 年版告知书已张贴于店门内侧");
            assertThat(browser.visible(By.id("zone-record")).getText()).contains("老街坊面馆", "九亭大街 102 号", "第一居委会",
                    "王建国", "六无");
            assertThat(browser.visible(By.id("zone-photos")).getText()).contains("告知书上墙", "拍摄：2026-03-10 10:58");
            browser.until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                    "return Array.from(document.querySelectorAll('#zone-page img')).every(i => i.complete && i.naturalWidth > 0);")));
            browser.assertNoEnglish("zone-file-phone");
        }
    }
}
