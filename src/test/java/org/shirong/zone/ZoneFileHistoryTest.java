package org.shirong.zone;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.shirong.system.SharesSpringContext;
import org.shirong.system.ShirongWebTest;
import org.shirong.system.TasklistBrowser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/**
 * A holder's file (一点一档) shows its full history, each step made through its real entry point: the office registers the
 * zone, it joins a 自律组织, its 告知书 is issued, delivered and posted with photos (the notice process's tasks), an inspector
 * finds it in order and later a breach, the ladder advises, rechecks and closes it (jobs and tasks), the holder is trained
 * (training API); {@code GET /api/zones/{id}/file} gives
 * every step in order with Chinese names, people by name and working photo links, and the file page shows the same on a
 * phone, without English; the register page lists and maps the zone. Drives a real browser.
 */
@ShirongWebTest
@SharesSpringContext
class ZoneFileHistoryTest {

    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate rest;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    ManagementService managementService;
    @Autowired
    IdentityService identityService;

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
        assertThat(rest.withBasicAuth("chuangban1", "demo").postForEntity("/api/zones/notices",
                Map.of("edition", 2026, "zoneNos", List.of("ZH-0001")), Map.class).getStatusCode().is2xxSuccessful()).isTrue();
        String notice = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey("ZH-0001/2026").singleResult().getId();
        byte[] photo = jpeg();
        at("2026-03-11T02:00:00Z");
        complete("juwei01a", List.of("juwei01"), notice, ZoneNoticeProcess.TASK_DELIVER, Map.of(ZoneNoticeProcess.VAR_DELIVERED_TO,
                "王建国", ZoneNoticeProcess.VAR_SIGNATURE_PHOTO, image("signed.jpg", photo)));
        at("2026-03-12T03:00:00Z");
        complete("juwei01a", List.of("juwei01"), notice, ZoneNoticeProcess.TASK_POST, Map.of(ZoneNoticeProcess.VAR_POSTED_PHOTO,
                image("posted.jpg", photo), ZoneNoticeProcess.VAR_POSTING_NOTE, "2026 年版告知书已张贴于店门内侧"));

        at("2026-04-01T02:00:00Z");
        assertThat(inspect(id, "OK", null).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        at("2026-04-15T02:00:00Z");
        ResponseEntity<Map> breach = inspect(id, "BREACH", photo);
        assertThat(breach.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String ladder = (String) breach.getBody().get("processInstanceId");
        runJobs(ladder);
        complete("juwei01a", List.of("juwei01"), ladder, ZoneEnforcementProcess.TASK_NOTIFY_HOLDER,
                Map.of(ZoneEnforcementProcess.VAR_ADVISED_PERSON, "王建国"));
        at("2026-04-20T02:00:00Z");
        runJobs(ladder);
        complete("ducha1", List.of("ducha"), ladder, ZoneEnforcementProcess.TASK_RECHECK,
                Map.of(ZoneEnforcementProcess.VAR_COMPLIED, ZoneEnforcementProcess.YES, ZoneEnforcementProcess.VAR_RECHECK_NOTE, "纸箱已清走"));
        runJobs(ladder);
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(ladder).count()).as("the ladder ended").isZero();

        at("2026-05-12T06:00:00Z");
        assertThat(rest.withBasicAuth("chuangban1", "demo").postForEntity("/api/zones/trainings", Map.of("heldOn", "2026-05-12",
                "title", "门责培训（档案测试）", "location", "九亭镇社区文化活动中心", "trainer", "戴所长", "attendees",
                List.of(Map.of("category", "门店主", "name", "王建国", "organisation", "老街坊面馆", "zoneNo", "ZH-0001"))), Map.class)
                .getStatusCode()).isEqualTo(HttpStatus.CREATED);
        ClockUtil.reset();

        Map<String, Object> file = rest.withBasicAuth("juwei01a", "demo").getForObject("/api/zones/" + id + "/file", Map.class);
        assertThat((Map<String, Object>) file.get("zone")).containsEntry("zoneNo", "ZH-0001").containsEntry("ownerGroupName", "第一居委会");
        List<Map<String, Object>> events = (List<Map<String, Object>>) file.get("events");
        assertThat(events).extracting(e -> e.get("kindName")).containsSubsequence(HISTORY);
        assertThat(events).extracting(e -> (String) e.get("at")).isSorted();
        assertThat(events.get(0)).containsEntry("actorName", "戴所长").containsEntry("at", "2026-03-02T01:00:00Z");
        assertThat(events.get(1)).containsEntry("detail", "档案测试自律小组（组长）");
        Map<String, Object> posted = events.stream().filter(e -> "告知书上墙".equals(e.get("kindName"))).findFirst().orElseThrow();
        assertThat(posted).containsEntry("actorName", "王主任");
        String photoUrl = (String) posted.get("photoUrl");
        assertThat(photoUrl).startsWith("/api/zones/" + id + "/photos/");
        assertThat((List<Map<String, Object>>) file.get("photos")).extracting(p -> p.get("kindName"))
                .contains("告知书上墙", "责任人签收", "检查现场");
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
                    .as("green: 告知书已上墙").isEqualTo("#2e8b57");
            assertThat(browser.driver().findElements(By.id("zone-import"))).as("only the office imports").isEmpty();
            assertThat(browser.driver().findElement(By.id("zones-more")).isDisplayed()).as("all listed").isFalse();
            browser.assertNoEnglish("zones-desk");

            browser.phoneViewport();
            browser.driver().get("http://localhost:" + port + "/shirong/zones/" + id);
            browser.until(d -> d.findElement(By.id("zone-page")).getAttribute("data-loaded") != null);
            List<WebElement> steps = browser.driver().findElements(By.cssSelector("#zone-timeline li"));
            assertThat(steps).extracting(li -> li.findElement(By.cssSelector(".kind")).getText()).containsSubsequence(HISTORY);
            assertThat(steps.get(0).getText()).contains("2026-03-02", "戴所长");
            assertThat(steps).anySatisfy(step -> assertThat(step.getText()).contains("告知书上墙", "王主任"));
            assertThat(browser.visible(By.id("zone-record")).getText()).contains("老街坊面馆", "九亭大街 102 号", "第一居委会",
                    "王建国", "六无");
            assertThat(browser.visible(By.id("zone-photos")).getText()).contains("告知书上墙", "责任人签收");
            browser.until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                    "return Array.from(document.querySelectorAll('#zone-page img')).every(i => i.complete && i.naturalWidth > 0);")));
            browser.assertNoEnglish("zone-file-phone");
        }
    }

    /** The file's steps in the order they happened, one of each part's kinds (register, 告知书, inspections, ladder, training). */
    private static final String[] HISTORY = {"登记责任区", "加入自律组织", "印发责任告知书", "送达责任告知书", "告知书上墙", "检查合格",
            "发现门责问题", "告知劝导、限期整改", "复查已整改", "整改完毕，结束处置", "参加责任区培训"};

    private static FileValue image(String name, byte[] content) {
        return Variables.fileValue(name).file(content).mimeType("image/jpeg").create();
    }

    @SuppressWarnings("rawtypes")
    private ResponseEntity<Map> inspect(long zoneId, String result, byte[] photo) {
        var body = new LinkedMultiValueMap<String, Object>();
        body.add("result", result);
        if (photo != null) {
            body.add("items", "PILING");
            body.add("note", "门前堆放纸箱");
            body.add("photo", new ByteArrayResource(photo) {
                @Override
                public String getFilename() {
                    return "found.jpg";
                }
            });
        }
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return rest.withBasicAuth("ducha1", "demo").postForEntity("/api/zones/" + zoneId + "/inspections", new HttpEntity<>(body, headers),
                Map.class);
    }

    /** Runs the process's jobs that are there now (the job executor is off in web tests), timers included. */
    private void runJobs(String processInstanceId) {
        for (int round = 0; round < 5; round++) {
            List<Job> jobs = managementService.createJobQuery().processInstanceId(processInstanceId).list();
            if (jobs.isEmpty()) {
                return;
            }
            jobs.forEach(job -> managementService.executeJob(job.getId()));
            if (!taskService.createTaskQuery().processInstanceId(processInstanceId).list().isEmpty()) {
                return;
            }
        }
    }

    private void complete(String user, List<String> groups, String processInstanceId, String taskKey, Map<String, Object> variables) {
        identityService.setAuthentication(user, groups, List.of("jiuting"));
        try {
            Task task = taskService.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(taskKey).singleResult();
            taskService.complete(task.getId(), variables);
        } finally {
            identityService.clearAuthentication();
        }
    }
}
