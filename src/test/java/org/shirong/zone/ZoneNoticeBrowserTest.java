package org.shirong.zone;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.shirong.system.SharesSpringContext;
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
 * 上墙 on a phone in the real Tasklist: the office issues the 2026 notice of a residential block, 第二物业公司 has delivered
 * it (its form names the missing 签收人 and photo; signature photo; without one the engine's REST API answers 400 in Chinese), then 杨经理 (wuye02a) claims
 * 张贴告知书上墙 on a 390×844 screen, is told to take the photo when he completes without one, takes it, and completes.
 * The posting, its time, who did it and the photo are in the zone's notice and file, and 第二物业公司's 上墙率 for 2026
 * is 100.00% (1 of 1). 第二物业公司 has no zone in the other zone test classes, which share this Spring context.
 */
@ShirongWebTest
@SharesSpringContext
class ZoneNoticeBrowserTest {

    /** After the periods other classes count rates in; the zone is closed again afterwards (one shared context). */
    private static final Instant REGISTERED = Instant.parse("2026-11-20T01:00:00Z");

    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate rest;
    @Autowired
    ZoneRecords zones;
    @Autowired
    ZoneNotices notices;
    @Autowired
    ZoneFiles files;
    @Autowired
    TaskService taskService;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aPropertyCompanyPostsTheNoticeWithAPhotoFromAPhone(@TempDir Path phone) throws IOException {
        long zoneId = zones.insert(new Zone(0, "jiuting", "JT-Z-B001", "易富路 120 弄小区", ZoneType.RESIDENTIAL, "易富路 120 弄",
                "易富路居委", null, "易富路", RoadClass.OTHER, null, null, "李红", "13900000066", "小区围墙内及出入口两侧",
                ZoneType.RESIDENTIAL.defaultDuties(), "wuye02", Zone.Status.ACTIVE, null, null, 0, REGISTERED, "chuangban1", REGISTERED));
        try {
            postFromAPhone(zoneId, phone);
        } finally {
            jdbc.update("update zone set status = 'CLOSED' where id = ?", zoneId);
        }
    }

    /** The office, logged in to Tasklist (no HTTP Basic), imports its register on the 责任区 page. */
    @Test
    void theOfficeImportsItsRegisterOnTheZonesPage(@TempDir Path desk) throws IOException {
        String zoneNo = "ZB-" + System.nanoTime() % 100_000;
        Path file = Files.writeString(desk.resolve("zones.csv"), "编号,名称,类型,地址,负责单位,责任人\n" + zoneNo
                + ",沪亭北路面馆,门店,沪亭北路 8 号,第一居委会,王一\n");
        try (TasklistBrowser browser = TasklistBrowser.open(port)) {
            try {
                browser.login("chuangban1", "demo");
                browser.driver().get("http://localhost:" + port + "/shirong/zones");
                browser.visible(By.cssSelector("#zone-import-form input[type=file]")).sendKeys(file.toString());
                browser.click(By.cssSelector("#zone-import-form button[type=submit]"));
                browser.until(d -> d.findElement(By.id("zone-import-result")).getText().contains("已登记 1 个责任区"));
            } catch (RuntimeException | AssertionError e) {
                browser.screenshot("zones-import-failed");
                throw e;
            }
        } finally {
            jdbc.update("update zone set status = 'CLOSED' where zone_no = ?", zoneNo);
        }
    }

    /**
     * A case handed over to 执法 (its reference ZONE-…, its zone file kept at the hand-over: written here as the hand-over
     * writes them) shows its 责任区 block on the case page: the zone and its holder, the person, the phone by the zones'
     * rule (环卫所, who reported and leads the case but neither owns the zone nor enforces, sees 139****0077; the office the
     * full number) and the zone file's download link.
     */
    @Test
    @SuppressWarnings("unchecked")
    void aHandedOverCasesPageShowsItsZoneWithThePhoneByTheZonesRule() throws IOException {
        String zoneNo = "JT-Z-C" + System.nanoTime() % 100_000;
        long zoneId = zones.insert(new Zone(0, "jiuting", zoneNo, "沪亭北路 9 号面馆", ZoneType.SHOP, "沪亭北路 9 号",
                "第一居委会", null, "沪亭北路", RoadClass.OTHER, null, null, "周老板", "13900000077", "店门前至人行道侧石",
                ZoneType.SHOP.defaultDuties(), "juwei01", Zone.Status.ACTIVE, null, null, 0, REGISTERED, "chuangban1", REGISTERED));
        HttpHeaders json = new HttpHeaders();
        json.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<Map> reported = rest.withBasicAuth("huanwei1", "demo").postForEntity("/api/cases", new HttpEntity<>("""
                {"title":"门责移交执法：沪亭北路 9 号面馆","category":"EXPOSED_GARBAGE","urgency":"NORMAL","source":"PATROL",
                 "location":{"address":"沪亭北路 9 号"}}""", json), Map.class);
        assertThat(reported.getStatusCode()).as("%s", reported.getBody()).isEqualTo(HttpStatus.CREATED);
        String caseNo = (String) reported.getBody().get("caseNo");
        long breachId = 900_000 + zoneId;
        jdbc.update("update rect_case set external_ref = ? where case_no = ?", "ZONE-jiuting-" + breachId, caseNo);
        jdbc.update("insert into zone_handover (case_no, zone_id, breach_id, file_name, content, created_at) values (?, ?, ?, ?, null, ?)",
                caseNo, zoneId, breachId, "责任区档案-" + zoneNo + ".pdf", java.sql.Timestamp.from(REGISTERED));
        try (TasklistBrowser browser = TasklistBrowser.open(port)) {
            try {
                browser.phoneViewport();
                for (String[] reader : new String[][] {{"huanwei1", "139****0077"}, {"chuangban1", "13900000077"}}) {
                    browser.login(reader[0], "demo");
                    browser.driver().get("http://localhost:" + port + "/shirong/cases/" + caseNo);
                    browser.until(d -> d.findElement(By.id("case-record")).getText().contains("责任区档案"));
                    String record = browser.driver().findElement(By.id("case-record")).getText();
                    assertThat(record).as(reader[0]).contains(zoneNo + " 沪亭北路 9 号面馆", "周老板");
                    assertThat(browser.driver().findElement(By.cssSelector("#case-record dd.zone-phone")).getText()).as(reader[0])
                            .isEqualTo(reader[1]);
                    assertThat(browser.driver().findElement(By.linkText("下载责任区档案 PDF")).getAttribute("href"))
                            .endsWith("/api/cases/" + caseNo + "/zone-file.pdf");
                }
                browser.screenshot("case-page-zone");
            } catch (RuntimeException | AssertionError e) {
                browser.screenshot("case-page-zone-failed");
                throw e;
            }
        } finally {
            jdbc.update("update zone set status = 'CLOSED' where id = ?", zoneId);
        }
    }

    private void postFromAPhone(long zoneId, Path phone) throws IOException {
        HttpHeaders json = new HttpHeaders();
        json.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<Map> issued = rest.withBasicAuth("chuangban1", "demo").postForEntity("/api/zones/notices",
                new HttpEntity<>("{\"edition\":2026,\"zoneNos\":[\"JT-Z-B001\"]}", json), Map.class);
        assertThat(issued.getStatusCode()).isEqualTo(HttpStatus.OK);
        byte[] photo = jpeg();
        Path wall = Files.write(phone.resolve("IMG_0301.jpg"), photo);

        try (TasklistBrowser browser = TasklistBrowser.open(port)) {
            try {
                browser.phoneViewport();
                browser.login("wuye02a", "demo");
                // 送达 with nothing filled in names both missing things under their fields (jtphone-s61 F4: HTML required on
                // 签收人 greyed 完成 out without a word); it is then done through the REST API
                browser.claimTask("本单位待办（第二物业公司）", "送达责任告知书 · JT-Z-B001");
                browser.until(d -> "JT-Z-B001".equals(d.findElement(By.id("zoneNo")).getAttribute("value")));
                browser.complete();
                assertThat(browser.visible(By.id("deliveredToMissing")).getText()).isEqualTo("请填写签收人的姓名。");
                assertThat(browser.visible(By.id("photoMissing")).getText()).isEqualTo("请拍摄责任人签收照片。");
                deliver("JT-Z-B001/2026");
                browser.driver().get("http://localhost:" + port + "/camunda/app/tasklist/default/");
                browser.claimTask("本单位待办（第二物业公司）", "张贴告知书上墙 · JT-Z-B001");
                browser.until(d -> "JT-Z-B001".equals(d.findElement(By.id("zoneNo")).getAttribute("value")));
                assertThat(browser.visible(By.id("holderName")).getAttribute("value")).isEqualTo("易富路 120 弄小区");
                WebElement camera = browser.visible(By.cssSelector("label[for='postedPhotoCamera']"));
                assertThat(camera.getSize().getHeight()).isGreaterThanOrEqualTo(44);

                // Without a photo the form says so and is not sent.
                browser.complete();
                assertThat(browser.visible(By.id("photoMissing")).getText()).isEqualTo("请拍摄告知书上墙照片。");
                assertThat(notices.of(zoneId, 2026).orElseThrow().status()).isEqualTo(ZoneNotices.Status.DELIVERED);

                browser.driver().findElement(By.id("postedPhotoCamera")).sendKeys(wall.toString());
                browser.until(d -> loaded(browser, d.findElement(By.cssSelector("#postedPhotoPreview img"))));
                browser.until(d -> d.findElements(By.id("photoMissing")).isEmpty());
                browser.visible(By.id("postingNote")).sendKeys("张贴于收银台后墙");
                ((JavascriptExecutor) browser.driver()).executeScript(
                        "document.getElementById('postedPhotoPreview').scrollIntoView({block: 'center'});");
                browser.screenshot("phone-zone-notice-posting");
                browser.assertNoEnglish("zh-zone-notice-posting");
                browser.complete();
                browser.until(d -> notices.of(zoneId, 2026).orElseThrow().status() == ZoneNotices.Status.POSTED);
            } catch (RuntimeException | AssertionError e) {
                browser.screenshot("phone-zone-notice-failure");
                throw e;
            }
        }

        ZoneNotices.Notice posted = notices.of(zoneId, 2026).orElseThrow();
        assertThat(posted.postedAt()).isNotNull();
        assertThat(posted.postedBy()).isEqualTo("wuye02a");
        ZoneFile.StoredPhoto stored = files.photo(zoneId, posted.postedPhotoId()).orElseThrow();
        assertThat(stored.photo().kind()).isEqualTo(ZonePhotoKind.POSTED);
        assertThat(stored.photo().mimeType()).isEqualTo("image/jpeg");
        assertThat(stored.content()).isNotEmpty();
        assertThat(files.file(zoneId).events()).extracting(ZoneFile.Entry::kindName)
                .containsExactly("印发责任告知书", "送达责任告知书", "告知书上墙");
        assertThat(zones.find(zoneId).orElseThrow().noticeStatus()).isEqualTo("POSTED");
        // 上墙率 of 第二物业公司, 2026 edition: posted notices ÷ its active zones (D's /api/zones/rates counts the same).
        int active = jdbc.queryForObject("select count(*) from zone where tenant_id = 'jiuting' and owner_group = 'wuye02'"
                + " and status = 'ACTIVE'", Integer.class);
        int postedCount = jdbc.queryForObject("select count(*) from zone_notice n join zone z on z.id = n.zone_id"
                + " where z.owner_group = 'wuye02' and z.status = 'ACTIVE' and n.edition = 2026 and n.posted_at is not null",
                Integer.class);
        assertThat(postedCount + "/" + active).isEqualTo("1/1");
        assertThat(BigDecimal.valueOf(postedCount * 100L).divide(BigDecimal.valueOf(active), 2, RoundingMode.HALF_UP))
                .hasToString("100.00");
    }

    /** 第二物业公司's 送达 through the engine's REST API, as its form sends it: the signer and the signature photo. */
    private void deliver(String businessKey) throws IOException {
        Task task = taskService.createTaskQuery().processInstanceBusinessKey(businessKey).singleResult();
        HttpHeaders json = new HttpHeaders();
        json.setContentType(MediaType.APPLICATION_JSON);
        // Without the photo: the user's mistake, 400 with the reason in Chinese, not an engine failure.
        ResponseEntity<String> refused = rest.withBasicAuth("wuye02a", "demo").postForEntity("/engine-rest/task/" + task.getId()
                + "/complete", new HttpEntity<>("{\"variables\":{\"deliveredTo\":{\"value\":\"李红\"}}}", json), String.class);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody()).contains("请拍摄责任人签收照片").doesNotContain("TaskListener");
        String body = "{\"variables\":{\"deliveredTo\":{\"value\":\"李红\"},\"signaturePhoto\":{\"type\":\"File\",\"value\":\""
                + Base64.getEncoder().encodeToString(jpeg())
                + "\",\"valueInfo\":{\"filename\":\"IMG_0300.jpg\",\"mimetype\":\"image/jpeg\"}}}}";
        ResponseEntity<String> done = rest.withBasicAuth("wuye02a", "demo").postForEntity("/engine-rest/task/" + task.getId()
                + "/complete", new HttpEntity<>(body, json), String.class);
        assertThat(done.getStatusCode()).as(done.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
    }

    /**
     * A small real JPEG. Not ZoneNoticeProcessTest's: loading that class would start its engine-only process engine, which
     * takes over the name "default" that the REST API addresses.
     */
    private static byte[] jpeg() throws IOException {
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(64, 48, java.awt.image.BufferedImage.TYPE_INT_RGB);
        image.getGraphics().fillRect(8, 8, 20, 20);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "jpg", out);
        return out.toByteArray();
    }

    private static boolean loaded(TasklistBrowser browser, WebElement image) {
        Object width = ((JavascriptExecutor) browser.driver()).executeScript("return arguments[0].complete && arguments[0].naturalWidth;", image);
        return width instanceof Number n && n.intValue() > 0;
    }
}
