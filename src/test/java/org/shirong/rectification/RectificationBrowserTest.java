package org.shirong.rectification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.shirong.system.ShirongWebTest;
import org.shirong.system.TasklistBrowser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * A case worked end to end in the real Tasklist: 环卫所 claims it once and uploads a before and an after
 * photo on the 整改 form, 督导检查组 sees both photos on its form and passes the case, which closes. And the unit's
 * lists on a desk and a phone: each row names its case and shows its traffic light.
 */
@ShirongWebTest
class RectificationBrowserTest {

    // Two different 2×2 PNGs, so that each photo can be recognised when it comes back.
    private static final byte[] BEFORE = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAEElEQVR4nGM4YWQERAwQCgAjNgSxRnwWMwAAAABJRU5ErkJggg==");
    private static final byte[] AFTER = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAEElEQVR4nGMwOmEERAwQCgAg3gSxlYW56AAAAABJRU5ErkJggg==");

    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate rest;
    @Autowired
    ManagementService managementService;
    @Autowired
    org.camunda.bpm.engine.RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    org.camunda.bpm.engine.IdentityService identityService;
    @Autowired
    org.shirong.calendar.WorkingCalendars calendars;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Test
    void leadUnitUploadsTwoPhotosInspectorPassesAndTheCaseCloses(@TempDir Path phone) throws IOException {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        String caseNo = (String) rest.withBasicAuth("lvrong1", "demo").postForEntity("/api/cases", new HttpEntity<>("""
                {"title":"涞寅路垃圾房周边暴露垃圾","category":"EXPOSED_GARBAGE","urgency":"NORMAL","source":"PATROL",
                 "location":{"address":"涞寅路 88 弄垃圾房"}}
                """, headers), Map.class).getBody().get("caseNo");
        Path before = Files.write(phone.resolve("before.png"), BEFORE);
        Path after = Files.write(phone.resolve("after.png"), AFTER);

        try (TasklistBrowser browser = TasklistBrowser.open(port)) {
            try {
                browser.login("huanwei1", "demo");
                browser.claimTask("本单位待办（环卫所）", "认领案件 · " + caseNo);
                browser.until(d -> caseNo.equals(d.findElement(By.cssSelector("input[id$='-Field_caseNo']")).getAttribute("value")));
                browser.assertNoEnglish("zh-case-claim");
                browser.clickText("认领，由本单位牵头整改");
                browser.complete();

                // One claim: 整改问题 is already huanwei1's, in 我的待办, with no second 认领.
                openRow(browser, "我的待办", "整改问题 · " + caseNo);
                browser.until(d -> caseNo.equals(d.findElement(By.id("caseNo")).getAttribute("value")));
                new Select(browser.visible(By.id("rectifyAction"))).selectByValue("submit");
                browser.visible(By.id("measures")).sendKeys("已清运暴露垃圾并冲洗地面，垃圾房加装围挡");
                browser.driver().findElement(By.id("photoBefore")).sendKeys(before.toString());
                browser.driver().findElement(By.id("photoAfter")).sendKeys(after.toString());
                browser.screenshot("rectify-form");
                dismissNotices(browser);
                browser.assertNoEnglish("zh-rectify-form");
                browser.complete();
                browser.until(d -> "AWAITING_VERIFICATION".equals(status(caseNo)));

                browser.login("ducha2", "demo");
                browser.claimTask("本单位待办（督导检查组）", "核查整改结果");
                List<WebElement> photos = browser.until(d -> {
                    List<WebElement> images = d.findElements(By.cssSelector(".evidence-photos img"));
                    return images.size() == 2 && images.stream().allMatch(img -> loaded(browser, img)) ? images : null;
                });
                assertThat(photos).hasSize(2);
                browser.screenshot("verify-form");
                browser.assertNoEnglish("zh-verify-form");
                // jxreview-s60 J6: 不通过 without 核查意见 is said under the field, not only in a toast far above it
                new Select(browser.visible(By.id("verificationResult"))).selectByValue("fail");
                browser.complete();
                assertThat(browser.visible(By.id("verificationCommentMissing")).getText()).isEqualTo("不通过时请填写核查意见：写明仍存在的问题");
                assertThat(status(caseNo)).isEqualTo("AWAITING_VERIFICATION");
                new Select(browser.visible(By.id("verificationResult"))).selectByValue("pass");
                browser.visible(By.id("verificationComment")).sendKeys("现场已整洁");
                browser.complete();
                browser.until(d -> managementService.createJobQuery().processInstanceId(processInstanceId(caseNo)).activityId(
                        RectificationProcess.TASK_CLOSE).count() > 0);
            } catch (RuntimeException e) {
                browser.screenshot("rectify-failure");
                throw e;
            }
        }
        // The job executor is off in tests: run the 结案归档 job as it would.
        managementService.createJobQuery().processInstanceId(processInstanceId(caseNo)).activityId(RectificationProcess.TASK_CLOSE)
                .list().forEach(job -> managementService.executeJob(job.getId()));

        Map<String, Object> record = rest.withBasicAuth("chuangban1", "demo").getForObject("/api/cases/" + caseNo, Map.class);
        assertThat((Map<String, Object>) record.get("record")).containsEntry("status", "CLOSED").containsEntry("closedOnTime", true);
        List<Map<String, Object>> photos = (List<Map<String, Object>>) record.get("photos");
        assertThat(photos).extracting(p -> p.get("kind")).containsExactly("BEFORE", "AFTER");
        assertThat(rest.withBasicAuth("chuangban1", "demo").getForObject((String) photos.get(0).get("url"), byte[].class)).isEqualTo(BEFORE);
        assertThat(rest.withBasicAuth("chuangban1", "demo").getForObject((String) photos.get(1).get("url"), byte[].class)).isEqualTo(AFTER);
        assertThat((List<Map<String, Object>>) record.get("timeline")).extracting(e -> e.get("actor") + ":" + e.get("kind"))
                .contains("huanwei1:CLAIMED", "huanwei1:SUBMITTED", "ducha2:VERIFIED");
    }

    /**
     * On a phone: 整改问题 opens at its form; a large photo from the camera and one from the gallery are previewed with
     * their EXIF time, made smaller before upload, and stored with their time and place; 核查整改结果 shows them side
     * by side with both times.
     */
    @Test
    @SuppressWarnings("unchecked")
    void onAPhoneLargePhotosArePreviewedShrunkAndShownToTheInspectorWithTheirTimes(@TempDir Path phone) throws IOException {
        String caseNo = claimedCase("九亭大街 18 号门前暴露垃圾", "九亭大街 18 号");
        byte[] before = ExifJpeg.photo(4000, 3000, 1, "2026:11:30 08:05:00", 31.123456, 121.333333);
        byte[] after = ExifJpeg.photo(4000, 3000, 2, "2026:11:30 15:40:00", 31.123789, 121.334012);
        assertThat(after.length).isGreaterThan(2_000_000);
        Path beforeFile = Files.write(phone.resolve("IMG_0001.jpg"), before);
        Path afterFile = Files.write(phone.resolve("IMG_0002.jpg"), after);

        try (TasklistBrowser browser = TasklistBrowser.open(port)) {
            try {
                browser.phoneViewport();
                browser.login("huanwei1", "demo");
                // The claim carried 整改问题 to huanwei1: it waits in 我的待办, no second 认领.
                openRow(browser, "我的待办", "整改问题 · " + caseNo);
                browser.until(d -> caseNo.equals(d.findElement(By.id("caseNo")).getAttribute("value")));
                browser.until(d -> browser.inView(d.findElement(By.id("caseNo"))));
                browser.screenshot("phone-rectify-opened");

                new Select(browser.visible(By.id("rectifyAction"))).selectByValue("submit");
                // with nothing filled in, everything 核查 needs is said at once, not one refusal after another
                browser.complete();
                assertThat(browser.visible(By.id("measuresMissing")).getText()).isEqualTo("请填写整改措施。");
                assertThat(browser.visible(By.id("afterPhotoMissing")).getText()).isEqualTo("请上传整改后照片。");
                browser.visible(By.id("measures")).sendKeys("已清运暴露垃圾并冲洗地面");
                WebElement cameraButton = browser.visible(By.cssSelector("label[for='photoAfterCamera']"));
                assertThat(cameraButton.getSize().getHeight()).isGreaterThanOrEqualTo(44);
                assertThat(browser.visible(By.cssSelector(".shirong-photo-buttons label[for='photoAfter']")).getSize().getHeight()).isGreaterThanOrEqualTo(44);
                browser.driver().findElement(By.id("photoBefore")).sendKeys(beforeFile.toString());
                browser.driver().findElement(By.id("photoAfterCamera")).sendKeys(afterFile.toString());
                for (String field : List.of("photoBefore", "photoAfter")) {
                    browser.until(d -> loaded(browser, d.findElement(By.cssSelector("#" + field + "Preview img"))));
                }
                // jtphone-s61 F7: the photo chosen, its “请上传整改后照片。” goes
                assertThat(browser.driver().findElements(By.id("afterPhotoMissing"))).isEmpty();
                assertThat(browser.visible(By.cssSelector("#photoBeforePreview .shirong-photo-caption")).getText())
                        .contains("已压缩").contains("拍摄于 2026-11-30 08:05（上传者填报）").contains("位置 31.12346, 121.33333（上传者填报）");
                assertThat(browser.visible(By.cssSelector("#photoAfterPreview .shirong-photo-caption")).getText())
                        .contains("已压缩").contains("拍摄于 2026-11-30 15:40（上传者填报）");
                Number uploadSize = (Number) ((JavascriptExecutor) browser.driver()).executeScript(
                        "return document.getElementById('photoAfter').files[0].size;");
                assertThat(uploadSize.longValue()).isLessThan(after.length / 2);
                ((JavascriptExecutor) browser.driver()).executeScript(
                        "document.getElementById('photoAfterPreview').scrollIntoView({block: 'center'});");
                browser.screenshot("phone-rectify-photos");
                browser.complete();
                browser.until(d -> "AWAITING_VERIFICATION".equals(status(caseNo)));

                Map<String, Object> record = rest.withBasicAuth("chuangban1", "demo").getForObject("/api/cases/" + caseNo, Map.class);
                List<Map<String, Object>> photos = (List<Map<String, Object>>) record.get("photos");
                assertThat(photos).extracting(p -> p.get("kind"), p -> p.get("mimeType"), p -> p.get("takenAt")).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("BEFORE", "image/jpeg", "2026-11-30T08:05:00"),
                        org.assertj.core.groups.Tuple.tuple("AFTER", "image/jpeg", "2026-11-30T15:40:00"));
                assertThat(((Number) photos.get(0).get("latitude")).doubleValue()).isCloseTo(31.123456, org.assertj.core.data.Offset.offset(1e-5));
                assertThat(((Number) photos.get(1).get("longitude")).doubleValue()).isCloseTo(121.334012, org.assertj.core.data.Offset.offset(1e-5));
                byte[] stored = rest.withBasicAuth("chuangban1", "demo").getForObject((String) photos.get(1).get("url"), byte[].class);
                assertThat(stored.length).isLessThan(after.length / 2).isEqualTo(((Number) photos.get(1).get("sizeBytes")).intValue());
                java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(stored));
                assertThat(Math.max(image.getWidth(), image.getHeight())).isEqualTo(1600);

                browser.login("ducha2", "demo");
                browser.openFilter("本单位待办（督导检查组）");
                browser.click(By.xpath("//*[contains(@class,'task')]//*[contains(text(),'核查整改结果')]"));
                browser.until(d -> browser.inView(d.findElement(By.id("caseNo"))));
                browser.click(By.cssSelector("button.claim"));
                List<WebElement> shown = browser.until(d -> {
                    List<WebElement> images = d.findElements(By.cssSelector(".shirong-evidence img"));
                    return images.size() == 2 && images.stream().allMatch(img -> loaded(browser, img)) ? images : null;
                });
                // side by side: the same height on the screen, the before photo on the left
                assertThat(Math.abs(shown.get(0).getLocation().getY() - shown.get(1).getLocation().getY())).isLessThan(5);
                assertThat(shown.get(0).getLocation().getX()).isLessThan(shown.get(1).getLocation().getX());
                String captions = browser.visible(By.cssSelector(".shirong-photo-pair")).getText();
                assertThat(captions).contains("整改前（第 1 次）", "拍摄于 2026-11-30 08:05", "整改后（第 1 次）", "拍摄于 2026-11-30 15:40（上传者填报）",
                        "位置 31.12346, 121.33333");
                ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'start'});", shown.get(0));
                browser.screenshot("phone-verify-photos");
                new Select(browser.visible(By.id("verificationResult"))).selectByValue("pass");
                browser.complete();
                browser.until(d -> managementService.createJobQuery().processInstanceId(processInstanceId(caseNo)).activityId(
                        RectificationProcess.TASK_CLOSE).count() > 0);
            } catch (RuntimeException | AssertionError e) {
                browser.screenshot("phone-rectify-failure");
                throw e;
            }
        }
    }

    /**
     * On a 375 px phone the 整改问题 form, longer than the screen, scrolls with the page: no box between it and the page
     * scrolls on its own (Tasklist kept everything under the header in a box as high as the screen), and 完成 at its end
     * is reached by scrolling the page. On a desk (1280 px) Tasklist keeps its columns: the page stays still, each column
     * scrolls on its own.
     */
    @Test
    void onAPhoneTheRectifyFormScrollsWithThePageAndOnADeskTasklistKeepsItsColumns() throws IOException {
        String caseNo = claimedCase("九亭大街 26 号门前暴露垃圾", "九亭大街 26 号");

        try (TasklistBrowser browser = TasklistBrowser.open(port)) {
            try {
                browser.phoneViewport(375, 812);
                browser.login("huanwei1", "demo");
                openRow(browser, "我的待办", "整改问题 · " + caseNo);
                browser.until(d -> caseNo.equals(d.findElement(By.id("caseNo")).getAttribute("value")));
                browser.until(d -> browser.inView(d.findElement(By.id("caseNo"))));
                assertThat(scrollingBoxesAround(browser, "caseNo")).as("表单外面自己滚动的框").isEmpty();
                WebElement complete = browser.visible(By.cssSelector("button[ng-click='complete()']"));
                ((JavascriptExecutor) browser.driver()).executeScript("window.scrollTo(0, document.scrollingElement.scrollHeight);");
                assertThat(((Number) ((JavascriptExecutor) browser.driver()).executeScript("return window.scrollY;")).intValue())
                        .as("页面本身滚动").isPositive();
                assertThat(browser.inView(complete)).as("“完成”按钮滚动页面即可看到").isTrue();
                browser.screenshot("phone-rectify-form-end");

                browser.deskViewport(1280, 800);
                browser.until(d -> "absolute".equals(((JavascriptExecutor) d).executeScript(
                        "return getComputedStyle(document.querySelector('.page-wrap')).position;")));
                assertThat((Boolean) ((JavascriptExecutor) browser.driver()).executeScript(
                        "return document.scrollingElement.scrollHeight <= window.innerHeight;")).as("桌面上页面本身不滚动").isTrue();
                assertThat((String) ((JavascriptExecutor) browser.driver()).executeScript(
                        "return getComputedStyle(document.querySelector('.task-details .three-cols-layout-cell.content')).overflowY;"))
                        .as("桌面上任务一栏自己滚动").isEqualTo("auto");
                browser.screenshot("desk-rectify-form");
            } catch (RuntimeException | AssertionError e) {
                browser.screenshot("phone-rectify-form-scroll-failure");
                throw e;
            }
        }
    }

    /**
     * A case the inspectors sent back and the office then supervised: its new 整改问题 says so at the top of the form, with the inspector's reason and the 督办, which
     * the unit saw only in its messages and on the case page before; the task's header names its dates and gives the day
     * and hour (a phone has no tooltip), an overdue one in red.
     */
    @Test
    void aReworkedCasesFormShowsTheInspectorsReason() throws IOException {
        String caseNo = claimedCase("九亭大街 27 号店招松动", "九亭大街 27 号");
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        String rectify = taskService.createTaskQuery().processInstanceBusinessKey(caseNo).singleResult().getId();
        assertThat(rest.withBasicAuth("huanwei1", "demo").postForEntity("/engine-rest/task/" + rectify + "/complete", new HttpEntity<>(
                "{\"variables\":{\"rectifyAction\":{\"value\":\"submit\"},\"measures\":{\"value\":\"已加固\"},\"photoAfter\":{\"type\":\"File\","
                + "\"value\":\"" + java.util.Base64.getEncoder().encodeToString(CaseApiTest.PNG)
                + "\",\"valueInfo\":{\"filename\":\"after.png\",\"mimetype\":\"image/png\"}},\"photoBefore\":{\"type\":\"File\","
                + "\"value\":\"" + java.util.Base64.getEncoder().encodeToString(CaseApiTest.PNG)
                + "\",\"valueInfo\":{\"filename\":\"before.png\",\"mimetype\":\"image/png\"}}}}", headers), String.class)
                .getStatusCode().is2xxSuccessful()).isTrue();
        String verify = taskService.createTaskQuery().processInstanceBusinessKey(caseNo).singleResult().getId();
        TestRestTemplate inspector = rest.withBasicAuth("ducha1", "demo");
        assertThat(inspector.postForEntity("/engine-rest/task/" + verify + "/claim", new HttpEntity<>("{\"userId\":\"ducha1\"}", headers),
                String.class).getStatusCode().is2xxSuccessful()).isTrue();
        assertThat(inspector.postForEntity("/engine-rest/task/" + verify + "/complete", new HttpEntity<>(
                "{\"variables\":{\"verificationResult\":{\"value\":\"fail\"},\"verificationComment\":{\"value\":\"店招边框仍有松动，需加固\"}}}",
                headers), String.class).getStatusCode().is2xxSuccessful()).isTrue();
        Task rework = taskService.createTaskQuery().processInstanceBusinessKey(caseNo).singleResult();
        assertThat(rework.getTaskDefinitionKey()).isEqualTo("Task_RectifyProblem");
        assertThat(rest.withBasicAuth("chuangban1", "demo").postForEntity("/api/cases/" + caseNo + "/supervisions",
                new HttpEntity<>("{\"instruction\":\"请明天上午十点前加固完毕\"}", headers), String.class).getStatusCode().is2xxSuccessful())
                .isTrue();
        dates(caseNo, Instant.parse("2026-11-02T09:00:00Z"), Instant.parse("2026-11-01T09:00:00Z"));

        try (TasklistBrowser browser = TasklistBrowser.open(port)) {
            try {
                browser.phoneViewport(375, 812);
                browser.login("huanwei1", "demo");
                openRow(browser, "huanwei1".equals(rework.getAssignee()) ? "我的待办" : "本单位待办", "整改问题 · " + caseNo);
                WebElement note = browser.visible(By.cssSelector(".shirong-rework-note"));
                assertThat(note.getText()).contains("返工（第 1 次）", "核查意见：店招边框仍有松动，需加固");
                assertThat(browser.inView(note)).as("返工说明在表单开头即可看到").isTrue();
                // jxreview-s58 J3: the before photo to stand at the same spot, and the after photo the inspector sent back,
                // each a thumbnail that opens the full photo
                WebElement existing = browser.visible(By.cssSelector(".shirong-existing-photos"));
                assertThat(existing.getText()).contains("已有整改前照片 1 张", "整改前", "被退回的整改后照片");
                assertThat(existing.findElements(By.cssSelector("figure a[href*='/photos/'] img"))).hasSize(2)
                        .allSatisfy(img -> assertThat(((Number) ((JavascriptExecutor) browser.driver())
                                .executeScript("return arguments[0].naturalWidth", img)).intValue()).as("loaded").isPositive());
                assertThat(browser.visible(By.cssSelector(".shirong-supervision-note")).getText())
                        .as("the latest 督办, which the unit otherwise reads only on the case page").contains("督办", "请明天上午十点前加固完毕");
                // On a phone (no tooltips) the header names the date, gives its day and hour, and says 已超期 in red.
                WebElement due = browser.visible(By.cssSelector(".task-meta .due-date, .meta .due-date"));
                assertThat(due.getText()).contains("已超期，到期").contains("（2026年11月2日 17:00）");
                assertThat(due.findElement(By.cssSelector(".shirong-date-label")).getCssValue("color")).isEqualTo("rgba(201, 48, 44, 1)");
                assertThat(browser.driver().findElement(By.cssSelector(".meta .followup-date")).getText())
                        .contains("跟进").contains("（2026年11月1日 17:00）");
                browser.screenshot("phone-rework-note");
                // jxreview-s60 J5: on the case page the after photo the inspectors sent back is marked so, with their reason,
                // not shown as a plain 整改后 beside the before photo
                openCasePage(browser, caseNo);
                WebElement photos = browser.visible(By.id("case-photos"));
                assertThat(photos.getText()).contains("第 1 次整改（核查未通过）", "整改后（第1次，核查未通过）",
                        "核查意见：店招边框仍有松动，需加固");
                assertThat(photos.findElements(By.cssSelector(".shirong-round-failed"))).hasSize(1);
            } catch (RuntimeException | AssertionError e) {
                browser.screenshot("phone-rework-note-failure");
                throw e;
            }
        }
    }

    /** The boxes between the element of this id and the page that scroll their content on their own (class: content/box). */
    @SuppressWarnings("unchecked")
    private static List<String> scrollingBoxesAround(TasklistBrowser browser, String id) {
        return (List<String>) ((JavascriptExecutor) browser.driver()).executeScript("""
                const found = [];
                for (let e = document.getElementById(arguments[0]).parentElement; e && e !== document.body; e = e.parentElement) {
                  const overflow = getComputedStyle(e).overflowY;
                  if ((overflow === 'auto' || overflow === 'scroll') && e.scrollHeight > e.clientHeight) {
                    found.push(e.className + ': ' + e.scrollHeight + '/' + e.clientHeight);
                  }
                }
                return found;""", id);
    }

    /**
     * F5: chuangban1 sits in 创建工作办公室, 绿容所, 河长办 and 领导小组, so he has one 本单位待办 and one 已超期 per group. A task
     * offered to two of his groups, past due, stands in two of each; the phone's folded-filters button counts it once:
     * as many tasks as the folded lists hold together (each as the filter itself lists it), not the sum of their counts,
     * which exceeded the tasks he can open.
     */
    @Test
    @SuppressWarnings("unchecked")
    void theFoldedFiltersButtonCountsATaskOfferedToTwoOfTheUsersGroupsOnce() throws IOException {
        org.camunda.bpm.engine.task.Task shared = taskService.newTask();
        shared.setName("核对河道保洁台账（创建办、绿容所）");
        shared.setTenantId("jiuting");
        shared.setDueDate(java.util.Date.from(Instant.now().minus(Duration.ofDays(1))));
        taskService.saveTask(shared);
        try {
            taskService.addCandidateGroup(shared.getId(), "chuangban");
            taskService.addCandidateGroup(shared.getId(), "lvrong");
            try (TasklistBrowser browser = TasklistBrowser.open(port)) {
                browser.viewport(390, 844);
                browser.login("chuangban1", "demo");
                WebElement others = browser.visible(By.cssSelector(".shirong-filters-toggle"));
                String chosen = browser.until(d -> d.findElements(By.cssSelector(".task-filter.active")).stream().map(WebElement::getText)
                        .filter(t -> !t.isBlank()).findFirst().orElse(null));
                List<Map<String, Object>> filters = rest.withBasicAuth("chuangban1", "demo").getForObject(
                        "/engine-rest/filter?resourceType=Task&itemCount=true&firstResult=0&maxResults=200", List.class);
                Map<String, Integer> distinct = new java.util.HashMap<>();
                for (String kind : List.of("本单位待办", "已超期")) {
                    java.util.Set<String> listed = new java.util.HashSet<>();
                    int sum = 0;
                    for (Map<String, Object> filter : filters) {
                        String name = (String) filter.get("name");
                        if (name.startsWith(kind) && !chosen.contains(name)) {
                            sum += ((Number) filter.get("itemCount")).intValue();
                            ((List<Map<String, Object>>) rest.withBasicAuth("chuangban1", "demo").getForObject("/engine-rest/filter/"
                                    + filter.get("id") + "/list?firstResult=0&maxResults=200", List.class))
                                    .forEach(task -> listed.add((String) task.get("id")));
                        }
                    }
                    assertThat(listed).as(kind).contains(shared.getId());
                    assertThat(sum).as(kind + ": the shared task stands in two lists").isGreaterThan(listed.size());
                    distinct.put(kind, listed.size());
                }
                assertThat(others.getText()).startsWith("其他过滤器（12）");
                String expected = "其他过滤器（12），本单位待办 " + distinct.get("本单位待办") + " 件，已超期 " + distinct.get("已超期") + " 件";
                assertThat(browser.within(Duration.ofSeconds(20), d -> others.getText().equals(expected)))
                        .as("%s, not %s", expected, others.getText()).isTrue();
            }
        } finally {
            taskService.deleteTask(shared.getId(), true);
        }
    }

    /**
     * On a desk and on a phone, as 环卫所's clerk: the unit's list names each case (number, title, address) and shows its
     * traffic light as the 已超期 and 即将到期 filters count it; the list opens most urgent first; one 认领 and the
     * case's 整改问题 is the clerk's, in 我的待办, without a second claim.
     */
    @Test
    @SuppressWarnings("unchecked")
    void theListNamesEachCaseWithItsLightAndOneClaimCarriesThroughOnDeskAndPhone() throws IOException {
        try (TasklistBrowser browser = TasklistBrowser.open(port)) {
            for (String device : List.of("desk", "phone")) {
                try {
                    if (device.equals("desk")) {
                        browser.viewport(1366, 900);
                    } else {
                        browser.viewport(390, 844);
                    }
                    // the titles in Chinese: the other tests of this class scan the same lists for English
                    String where = device.equals("desk") ? "（桌面）" : "（手机）";
                    String title = "沪亭北路人行道堆物" + where;
                    String caseNo = report(title, "沪亭北路 88 号");
                    String overdue = report("九亭大街垃圾桶满溢" + where, "九亭大街 1 号");
                    String warned = report("涞寅路绿化带垃圾" + where, "涞寅路 20 号");
                    // Fix each light whatever the hour the test runs at: the clock of a case is the process's own.
                    Instant now = Instant.now();
                    dates(caseNo, now.plus(Duration.ofDays(5)), now.plus(Duration.ofDays(4)));
                    dates(overdue, now.minus(Duration.ofHours(2)), now.minus(Duration.ofHours(3)));
                    dates(warned, now.plus(Duration.ofDays(3)), now.minus(Duration.ofHours(1)));

                    browser.login("huanwei1", "demo");
                    if (device.equals("desk")) {
                        // Every filter shows its count, not only the chosen one (我的待办): 已超期 in red, as the server counts it.
                        org.springframework.http.ResponseEntity<String> counted = rest.withBasicAuth("huanwei1", "demo")
                                .getForEntity("/engine-rest/filter?resourceType=Task&itemCount=true&firstResult=0&maxResults=200", String.class);
                        assertThat(counted.getStatusCode()).as("%s", counted.getBody()).isEqualTo(org.springframework.http.HttpStatus.OK);
                        Object overdueCount = ((List<Map<String, Object>>) new com.fasterxml.jackson.databind.ObjectMapper()
                                .readValue(counted.getBody(), List.class)).stream().filter(f -> "已超期（环卫所）".equals(f.get("name")))
                                .findFirst().orElseThrow().get("itemCount");
                        WebElement shown = browser.until(d -> d.findElements(By.xpath("//div[contains(@class,'task-filter')]"
                                + "[.//a[contains(normalize-space(.),'已超期（环卫所）')]]//span[contains(@class,'shirong-count')]"))
                                .stream().filter(WebElement::isDisplayed).findFirst().orElse(null));
                        assertThat(shown.getAttribute("textContent")).isEqualTo(String.valueOf(overdueCount));
                        assertThat(((Number) overdueCount).intValue()).isPositive();
                        assertThat(shown.getCssValue("color")).isEqualTo("rgba(201, 48, 44, 1)");
                    }
                    browser.taskRow("已超期（环卫所）", overdue);
                    if (device.equals("phone")) {
                        // huanwei1's seven filters: the chosen one's row above the tasks, the six others folded behind one
                        // button (as rows they pushed the tasks down to the screen's bottom half)
                        browser.until(d -> d.findElements(By.cssSelector(".task-filter")).stream().filter(WebElement::isDisplayed)
                                .map(f -> f.getText()).toList().equals(List.of(d.findElement(By.cssSelector(".task-filter.active")).getText())));
                        WebElement others = browser.driver().findElement(By.cssSelector(".shirong-filters-toggle"));
                        assertThat(others.getText()).startsWith("其他过滤器（6）");
                        // the folded 本单位待办 lists' tasks counted on the button, as for a leader whose 我的待办 is empty (s56 T15)
                        browser.until(d -> others.getText().matches("其他过滤器（6），本单位待办 [1-9][0-9]* 件.*"));
                        assertThat(browser.driver().findElement(By.cssSelector(".task-filter.active")).getText()).contains("已超期（环卫所）");
                        assertThat(browser.driver().findElement(By.cssSelector("li.task")).getRect().getY()).isLessThan(400);
                    }
                    browser.until(d -> "red".equals(attribute(d, overdue, "data-shirong-light")));
                    browser.taskRow("即将到期（环卫所）", warned);
                    browser.until(d -> "yellow".equals(attribute(d, warned, "data-shirong-light")));
                    assertThat(browser.driver().findElements(By.cssSelector("li.task"))).noneMatch(r -> r.getText().contains(overdue));
                    browser.taskRow("本单位待办（环卫所）", caseNo);
                    browser.until(d -> "green".equals(attribute(d, caseNo, "data-shirong-light")));
                    assertThat(browser.taskRow("本单位待办（环卫所）", caseNo).getText())
                            .contains("认领案件 · " + caseNo + " · " + title + " · 沪亭北路 88 号", "绿灯");
                    // Most urgent first: by due date, so the overdue case leads the unit's list.
                    browser.until(d -> d.getCurrentUrl().contains("dueDate"));
                    browser.until(d -> rowIndex(d, overdue) >= 0 && rowIndex(d, overdue) < rowIndex(d, caseNo));
                    browser.screenshot("case-list-" + device);

                    openRow(browser, "本单位待办（环卫所）", caseNo);
                    browser.click(By.cssSelector("button.claim"));
                    browser.until(d -> caseNo.equals(d.findElement(By.cssSelector("input[id$='-Field_caseNo']")).getAttribute("value")));
                    browser.clickText("认领，由本单位牵头整改");
                    browser.complete();
                    browser.until(d -> "huanwei1".equals(rectifyAssignee(caseNo)));

                    // Tasklist itself points to it: "您还被指派了同一流程中的以下任务".
                    browser.visible(By.xpath("//*[contains(@class,'page-notifications')]//*[contains(text(),'整改问题 · " + caseNo + "')]"));
                    dismissNotices(browser);
                    browser.taskRow("我的待办", "整改问题 · " + caseNo);
                    // the row read in the wait, which looks again when Tasklist renders the list anew meanwhile
                    browser.until(d -> {
                        String row = d.findElement(By.xpath("//li[contains(concat(' ', normalize-space(@class), ' '), ' task ')]"
                                + "[.//*[contains(text(),'整改问题 · " + caseNo + "')]]")).getText();
                        return row.contains(title) && row.contains("沪亭北路 88 号");
                    });
                    // s53 T13: the list Tasklist moved to after the claim is sorted by due date too, not by 创建时间; no card
                    // shows its bare priority (50)
                    browser.until(d -> d.getCurrentUrl().contains("dueDate") && !d.getCurrentUrl().contains("created"));
                    browser.until(d -> !d.findElements(By.cssSelector("li.task .priority")).isEmpty()
                            && d.findElements(By.cssSelector("li.task .priority")).stream().noneMatch(WebElement::isDisplayed));
                    openRow(browser, "我的待办", "整改问题 · " + caseNo);
                    browser.until(d -> caseNo.equals(d.findElement(By.id("caseNo")).getAttribute("value")));
                    assertThat(browser.driver().findElements(By.cssSelector("button.claim"))).noneMatch(WebElement::isDisplayed);
                    browser.screenshot("case-claimed-" + device);
                    // Still the unit's: the colleagues' list shows it, assigned to huanwei1 (by name).
                    org.camunda.bpm.engine.identity.User clerk = identityService.createUserQuery().userId("huanwei1").singleResult();
                    assertThat(browser.taskRow("本单位待办（环卫所）", "整改问题 · " + caseNo).getText())
                            .contains((clerk.getFirstName() + " " + java.util.Objects.toString(clerk.getLastName(), "")).strip());
                } catch (RuntimeException | AssertionError e) {
                    browser.screenshot("case-list-failure-" + device);
                    throw e;
                }
            }
        }
    }

    /**
     * 延期至 takes the day the phone's date picker gives; a day already past is named in Chinese beside the field, an empty
     * 延期理由 beside its own at the same time, and 完成 stays usable; the day taken is stored as that day at the end of
     * office hours.
     */
    @Test
    @SuppressWarnings("unchecked")
    void aPlainDateInExtensionDueIsTheEndOfThatOfficeDayAndAPastDayIsExplained() throws IOException {
        String caseNo = claimedCase("沪亭北路绿化带破损", "沪亭北路 200 号");
        java.time.ZoneId zone = calendars.of("jiuting").zone();
        java.time.LocalDate day = calendars.of("jiuting").workingDayFrom(java.time.LocalDate.now(zone).plusDays(30));
        try (TasklistBrowser browser = TasklistBrowser.open(port)) {
            try {
                browser.phoneViewport();
                browser.login("huanwei1", "demo");
                openRow(browser, "我的待办", "整改问题 · " + caseNo);
                browser.until(d -> caseNo.equals(d.findElement(By.id("caseNo")).getAttribute("value")));
                new Select(browser.visible(By.id("rectifyAction"))).selectByValue("extension");
                WebElement due = browser.visible(By.id("extensionDueDay"));
                typeDate(browser, due, java.time.LocalDate.now(zone).minusDays(3));
                browser.complete();
                WebElement problem = browser.visible(By.id("extensionDueProblem"));
                assertThat(problem.getText()).contains("延期至须晚于今天");
                // s53 T12: the reason left empty is said at the same time, under its own field
                assertThat(browser.visible(By.id("extensionReasonMissing")).getText()).isEqualTo("请填写延期理由");
                browser.visible(By.id("extensionReason")).sendKeys("绿化苗木需采购，到货约需一个月");
                assertThat(browser.driver().findElement(By.cssSelector("#extensionDueProblem + .shirong-help")).getCssValue("color"))
                        .as("the help stays grey beside the red error").isNotEqualTo(problem.getCssValue("color"));
                assertThat(browser.driver().findElement(By.cssSelector("button[ng-click='complete()']")).isEnabled()).isTrue();
                ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'center'});", due);
                browser.screenshot("phone-extension-past-day");

                typeDate(browser, due, day);
                browser.until(d -> d.findElements(By.id("extensionDueProblem")).isEmpty());
                // the day said back in Chinese whatever order the phone's language writes it in
                assertThat(browser.visible(By.id("extensionDueChosen")).getText())
                        .isEqualTo("已选：" + day.getYear() + "年" + day.getMonthValue() + "月" + day.getDayOfMonth() + "日");
                browser.complete();
                browser.until(d -> "EXTENSION_REQUESTED".equals(status(caseNo)) || !extensions(caseNo).isEmpty());

                // The office approves: the next round's form starts blank and says so (jxreview J20), not 申请延期 with the
                // old reason again, which one tap on 完成 would file as another request.
                HttpHeaders headers = new HttpHeaders();
                headers.setContentType(MediaType.APPLICATION_JSON);
                TestRestTemplate office = rest.withBasicAuth("chuangban1", "demo");
                String approval = taskService.createTaskQuery().processInstanceBusinessKey(caseNo).singleResult().getId();
                assertThat(office.postForEntity("/engine-rest/task/" + approval + "/claim", new HttpEntity<>("{\"userId\":\"chuangban1\"}",
                        headers), String.class).getStatusCode().is2xxSuccessful()).isTrue();
                assertThat(office.postForEntity("/engine-rest/task/" + approval + "/complete", new HttpEntity<>(
                        "{\"variables\":{\"extensionApproved\":{\"value\":\"yes\"},\"decisionComment\":{\"value\":\"同意，务必在期限内完成\"}}}",
                        headers), String.class).getStatusCode().is2xxSuccessful()).isTrue();
                openRow(browser, "我的待办", "整改问题 · " + caseNo);
                browser.until(d -> caseNo.equals(d.findElement(By.id("caseNo")).getAttribute("value")));
                assertThat(browser.visible(By.cssSelector(".shirong-extension-note")).getText())
                        .contains("延期已同意", "整改期限延至", "同意，务必在期限内完成");
                assertThat(browser.driver().findElement(By.id("rectifyAction")).getAttribute("value")).isNotEqualTo("extension");
                assertThat(browser.driver().findElement(By.id("extensionReason")).getAttribute("value")).isEmpty();
                browser.screenshot("phone-extension-approved-note");
            } catch (RuntimeException | AssertionError e) {
                browser.screenshot("phone-extension-failure");
                throw e;
            }
        }
        List<Map<String, Object>> extensions = extensions(caseNo);
        assertThat(extensions).singleElement().satisfies(e -> assertThat(java.time.Instant.parse((String) e.get("requestedDue")))
                .isEqualTo(day.atTime(calendars.of("jiuting").closingTime()).atZone(zone).toInstant()));
    }

    /**
     * jxreview-s60 J2: on a phone the leading group's 审批挂账申请 shows the 复核日期 the unit asked for, the lead unit and the
     * 整改期限, and its date field holds the day asked for once 同意挂账 is chosen (it was hidden until then, and form-js
     * showed it empty); emptied, 同意 is refused naming 复核日期; kept, the case is 挂账 to that day.
     */
    @Test
    void theSuspensionApprovalFormShowsTheDayAskedForAndRefusesItEmptied() throws IOException {
        String caseNo = claimedCase("沪亭北路河道漂浮物", "沪亭北路 260 号");
        java.time.ZoneId zone = calendars.of("jiuting").zone();
        java.time.LocalDate day = calendars.of("jiuting").workingDayFrom(java.time.LocalDate.now(zone).plusDays(30));
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        String rectify = taskService.createTaskQuery().processInstanceBusinessKey(caseNo).singleResult().getId();
        assertThat(rest.withBasicAuth("huanwei1", "demo").postForEntity("/engine-rest/task/" + rectify + "/complete", new HttpEntity<>(
                "{\"variables\":{\"rectifyAction\":{\"value\":\"suspension\"},\"suspensionReason\":{\"value\":\"封航审批未下达\"},"
                        + "\"suspensionReviewDate\":{\"value\":\"" + day + "\"}}}", headers), String.class).getStatusCode()
                .is2xxSuccessful()).isTrue();
        String approval = taskService.createTaskQuery().processInstanceBusinessKey(caseNo).singleResult().getId();
        taskService.setAssignee(approval, "lingdao1");
        try (TasklistBrowser browser = TasklistBrowser.open(port)) {
            try {
                browser.phoneViewport();
                browser.login("lingdao1", "demo");
                openRow(browser, "我的待办", "审批挂账申请 · " + caseNo);
                browser.until(d -> caseNo.equals(d.findElement(By.cssSelector("input[id$='-Field_caseNo']")).getAttribute("value")));
                String weekday = day.getDayOfWeek().getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.CHINA);
                assertThat(browser.driver().findElement(By.cssSelector("input[id$='-Field_suspensionRequestedText']")).getAttribute("value"))
                        .isEqualTo(day.getYear() + "年" + day.getMonthValue() + "月" + day.getDayOfMonth() + "日（" + weekday + "）");
                assertThat(browser.driver().findElement(By.cssSelector("input[id$='-Field_suspensionLeadUnitName']")).getAttribute("value"))
                        .isEqualTo("环卫所");
                assertThat(browser.driver().findElement(By.cssSelector("input[id$='-Field_suspensionCurrentDueText']")).getAttribute("value"))
                        .contains("年");
                browser.clickText("同意挂账");
                WebElement date = browser.visible(By.cssSelector("input[id*='-Field_suspensionReviewDate']"));
                String shown = date.getAttribute("value");
                assertThat(shown).as("the day asked for, prefilled").contains(Integer.toString(day.getYear()))
                        .contains(Integer.toString(day.getDayOfMonth()));
                ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'center'});", date);
                browser.screenshot("phone-suspension-approval-prefilled");

                date.click();
                date.sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"), org.openqa.selenium.Keys.BACK_SPACE);
                date.sendKeys(org.openqa.selenium.Keys.TAB);
                browser.until(d -> d.findElement(By.cssSelector("input[id*='-Field_suspensionReviewDate']")).getAttribute("value").isEmpty());
                dismissNotices(browser);
                browser.complete();
                browser.until(d -> d.getPageSource().contains("请填写复核日期"));
                assertThat(status(caseNo)).isEqualTo("IN_RECTIFICATION");
                browser.screenshot("phone-suspension-approval-emptied");
            } catch (RuntimeException | AssertionError e) {
                browser.screenshot("phone-suspension-approval-failure");
                throw e;
            }
        }
    }

    /**
     * jxreview-s60 J4: a 锦溪 unit's 整改问题 says beside the address which 村/社区 the case lies in, and that the village
     * was told and can help. J6: 申请挂账 with its reason or its 复核日期 missing says so under each field.
     */
    @Test
    void aUnitsRectifyFormNamesTheCasesVillageAndSaysWhatASuspensionLacksUnderItsFields() throws IOException {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        String caseNo = (String) rest.withBasicAuth("jxtuijinban1", "demo").postForEntity("/api/cases", new HttpEntity<>("""
                {"title":"卫星村5组河埠头垃圾入河","category":"EXPOSED_GARBAGE","source":"PATROL",
                 "location":{"address":"邵甸港河埠头","community":"卫星村"}}""", headers), Map.class).getBody().get("caseNo");
        String claim = taskService.createTaskQuery().processInstanceBusinessKey(caseNo).singleResult().getId();
        assertThat(rest.withBasicAuth("jxhuanwei1", "demo").postForEntity("/engine-rest/task/" + claim + "/complete",
                new HttpEntity<>("{\"variables\":{\"claimDecision\":{\"value\":\"claim\"}}}", headers), String.class)
                .getStatusCode().is2xxSuccessful()).isTrue();
        try (TasklistBrowser browser = TasklistBrowser.open(port)) {
            try {
                browser.phoneViewport();
                browser.login("jxhuanwei1", "demo");
                openRow(browser, "我的待办", "整改问题 · " + caseNo);
                browser.until(d -> caseNo.equals(d.findElement(By.id("caseNo")).getAttribute("value")));
                assertThat(browser.visible(By.id("caseCommunity")).getText()).isEqualTo("卫星村");
                assertThat(browser.driver().findElement(By.cssSelector("#caseCommunity + .shirong-help")).getText())
                        .isEqualTo("卫星村已收到【辖区问题】通知，可查看本案件；需要时可联系其配合整改。");
                browser.screenshot("phone-rectify-village");

                // jxreview-s60 J6: 申请挂账 with nothing filled in says so under each field, as 申请延期 does
                new Select(browser.visible(By.id("rectifyAction"))).selectByValue("suspension");
                browser.complete();
                assertThat(browser.visible(By.id("suspensionReasonMissing")).getText()).isEqualTo("请填写挂账理由");
                assertThat(browser.visible(By.id("suspensionReviewDateMissing")).getText()).isEqualTo("请选择复核日期（预计恢复整改的日期）");
                browser.visible(By.id("suspensionReason")).sendKeys("封航审批未下达");
                browser.complete();
                browser.until(d -> d.findElements(By.id("suspensionReasonMissing")).isEmpty());
                assertThat(browser.visible(By.id("suspensionReviewDateMissing")).isDisplayed()).isTrue();
                assertThat(taskService.createTaskQuery().processInstanceBusinessKey(caseNo).singleResult().getTaskDefinitionKey())
                        .isEqualTo(RectificationProcess.TASK_RECTIFY);
            } catch (RuntimeException | AssertionError e) {
                browser.screenshot("phone-rectify-village-failure");
                throw e;
            }
        }
    }

    /** The day chosen in the date field's picker. */
    private static void typeDate(TasklistBrowser browser, WebElement field, java.time.LocalDate day) {
        // A phone's date field takes no typing: the day comes from the system's picker, which WebDriver cannot work, so
        // the day is set as the picker sets it, with the events it fires.
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].value = arguments[1];"
                + " arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
                + " arguments[0].dispatchEvent(new Event('change', {bubbles: true}));", field, day.toString());
        assertThat(field.getAttribute("value")).isEqualTo(day.toString());
    }

    /** A new case, claimed by 环卫所 through the REST API: its 整改问题 is open. */
    @SuppressWarnings("unchecked")
    /**
     * On a phone, the clerk reads what the case is from its task: the link beside the task's process name opens the case
     * page (record, deadline, photos, timeline) in a new window, not Cockpit's process view, which a unit may not open;
     * the link is big enough for a finger.
     */
    @Test
    void aCasesTaskLinksToItsCasePage() throws IOException {
        String caseNo = claimedCase("九亭大街 66 号门前暴露垃圾", "九亭大街 66 号");
        try (TasklistBrowser browser = TasklistBrowser.open(port)) {
            try {
                browser.phoneViewport();
                browser.login("huanwei1", "demo");
                openRow(browser, "我的待办", "整改问题 · " + caseNo);
                WebElement link = browser.until(d -> d.findElements(By.cssSelector("[cam-tasklist-task] a.instance-link")).stream()
                        .filter(a -> ("/shirong/cases/" + caseNo).equals(a.getAttribute("href").replaceFirst("^https?://[^/]+", "")))
                        .findFirst().orElse(null));
                assertThat(link.getText()).contains("案件页");
                assertThat(link.getSize().getHeight()).isGreaterThanOrEqualTo(30);
                browser.screenshot("phone-case-task-link");
                String tasklist = browser.driver().getWindowHandle();
                link.click();
                browser.until(d -> d.getWindowHandles().size() == 2);
                browser.driver().switchTo().window(browser.driver().getWindowHandles().stream()
                        .filter(h -> !h.equals(tasklist)).findFirst().orElseThrow());
                browser.until(d -> "true".equals(d.findElement(By.id("case-page")).getAttribute("data-loaded")));
                assertThat(browser.driver().findElement(By.id("case-title")).getText()).isEqualTo("九亭大街 66 号门前暴露垃圾");
                assertThat(browser.driver().findElement(By.id("case-record")).getText()).contains("整改期限", "九亭大街 66 号");
                browser.screenshot("phone-case-page-from-task");

                // opened with a user name and password in its address, the page cannot read the case (the browser refuses
                // the request, in English): it says so in Chinese
                browser.driver().get("http://huanwei1:demo@localhost:" + port + "/shirong/cases/" + caseNo);
                String failed = browser.until(d -> {
                    String text = d.findElement(By.id("case-loading")).getText();
                    return text.startsWith("读取案件失败") ? text : null;
                });
                assertThat(failed).contains("网络中断").doesNotContain("fetch", "Failed");
            } catch (RuntimeException | AssertionError e) {
                browser.screenshot("phone-case-task-link-failure");
                throw e;
            }
        }
    }

    /**
     * jtreview T6: 九亭's 上报问题 lists its categories by list (optgroup) and offers the survey 大类 only for a problem from
     * 满意度测评, with a word that a survey problem fitting a patrol category (an overflowing bin) takes that category; a 大类
     * chosen for a survey problem is cleared when the source changes.
     */
    @Test
    void jiutingsReportPageOffersTheSurveyCategoriesOnlyForASurveyProblem() throws IOException {
        try (TasklistBrowser browser = TasklistBrowser.open(port)) {
            try {
                browser.phoneViewport();
                browser.login("chuangban1", "demo");
                browser.driver().get("http://localhost:" + port + "/shirong/report");
                browser.until(d -> "true".equals(d.findElement(By.id("report-page")).getAttribute("data-loaded")));
                JavascriptExecutor js = (JavascriptExecutor) browser.driver();
                String groups = "return Array.from(document.querySelectorAll('#report-category optgroup')).map(g => g.label).join('|');";
                Select source = new Select(browser.driver().findElement(By.id("report-source")));
                Select category = new Select(browser.driver().findElement(By.id("report-category")));

                source.selectByValue("PATROL");
                assertThat(js.executeScript(groups)).isEqualTo("日常巡查问题");
                assertThat(category.getOptions()).extracting(WebElement::getText).contains("果壳箱/废物箱（满溢、破损、缺失）")
                        .doesNotContain("公共设施");

                source.selectByValue("SURVEY");
                assertThat(js.executeScript(groups)).isEqualTo("日常巡查问题|满意度测评 11 大类");
                assertThat(browser.visible(By.id("report-source-hint")).getText()).contains("果壳箱满溢", "按其时限整改");
                category.selectByValue("SURVEY_PUBLIC_FACILITIES");
                assertThat(browser.visible(By.id("report-category-hint")).getText()).contains("5 个工作日");

                source.selectByValue("PATROL");
                assertThat(category.getFirstSelectedOption().getAttribute("value")).as("the 大类 is no choice for a patrol problem").isEmpty();
                assertThat(js.executeScript(groups)).isEqualTo("日常巡查问题");

                // diffreview-s55 R9: two campaigns chosen in quick succession, the first's categories answered last: the
                // page keeps the second's (two campaigns whose answers the page's own fetch gives, slow and fast)
                js.executeScript("""
                        const select = document.getElementById('report-campaign');
                        ['SLOW', 'FAST'].forEach(code => select.appendChild(new Option(code, code)));
                        const fetched = window.fetch;
                        window.fetch = (url, options) => {
                          const m = /campaign=(SLOW|FAST)/.exec(String(url));
                          if (!m) { return fetched(url, options); }
                          const answer = new Response(JSON.stringify([{code: m[1] + '_CATEGORY', name: m[1] + ' 的类别',
                            group: 'DISTRICT', groupName: m[1] + ' 活动的大类'}]), {headers: {'Content-Type': 'application/json'}});
                          return new Promise(done => setTimeout(() => done(answer), m[1] === 'SLOW' ? 800 : 0));
                        };
                        select.value = 'SLOW';
                        select.dispatchEvent(new Event('change'));
                        select.value = 'FAST';
                        select.dispatchEvent(new Event('change'));
                        """);
                browser.until(d -> "FAST 活动的大类".equals(js.executeScript(groups)));
                browser.settle(Duration.ofMillis(1500));
                assertThat(js.executeScript(groups)).as("the slow first answer came and went").isEqualTo("FAST 活动的大类");
                assertThat(category.getOptions()).extracting(WebElement::getText).containsExactly("请选择问题类别", "FAST 的类别");
            } catch (RuntimeException | AssertionError e) {
                browser.screenshot("phone-report-survey-failure");
                throw e;
            }
        }
    }

    /**
     * 锦溪's 环卫所, on patrol with a phone, reports one problem on 上报问题 (reached from Tasklist's header, which offers it
     * to a user who may report): the page offers
     * only the sources he may choose, names what is left out beside its field, shrinks the camera's photo and keeps its time
     * and place; a source not his (as if the page offered it) is refused by the API, its Chinese reason under 来源, nothing
     * saved. He marks it 紧急 (his unit leads urgent garbage). Reported, the page shows the case number, which links to the case
     * page; the photo is the case's 整改前照片, as the page says beside the photos.
     */
    @Test
    @SuppressWarnings("unchecked")
    void aPatrolOfficerReportsOneProblemWithAPhotoOnAPhoneAndSeesItsCaseNumber(@TempDir Path phone) throws IOException {
        byte[] photo = ExifJpeg.photo(2400, 1800, 7, "2026:12:06 09:20:00", 31.186512, 120.905321);
        Path file = Files.write(phone.resolve("IMG_0100.jpg"), photo);
        String title = "长寿路 " + java.util.concurrent.ThreadLocalRandom.current().nextInt(1000, 10_000) + " 号垃圾桶旁暴露垃圾";
        String caseNo;
        try (TasklistBrowser browser = TasklistBrowser.open(port)) {
            try {
                browser.phoneViewport();
                browser.login("jxhuanwei1", "demo");
                browser.click(By.cssSelector(".navbar-header .shirong-report-phone.shirong-report-offered"));
                browser.until(d -> "true".equals(d.findElement(By.id("report-page")).getAttribute("data-loaded")));
                assertThat(browser.visible(By.id("report-photos-hint")).getText()).contains("整改前照片");
                assertThat(new Select(browser.driver().findElement(By.id("report-urgency"))).getFirstSelectedOption().getText())
                        .isEqualTo("一般");
                JavascriptExecutor js = (JavascriptExecutor) browser.driver();
                assertThat(new Select(browser.driver().findElement(By.id("report-source"))).getOptions())
                        .extracting(WebElement::getText).contains("日常巡查", "单位自查").doesNotContain("市民反映（12345）", "会议决定");
                assertThat(new Select(browser.driver().findElement(By.id("report-category"))).getOptions())
                        .extracting(WebElement::getText).contains("暴露垃圾", "整治镇区河道环境");

                browser.click(By.id("report-submit"));
                assertThat(browser.visible(By.cssSelector("[data-error-for='category']")).getText()).isEqualTo("请选择问题类别");
                assertThat(browser.visible(By.cssSelector("[data-error-for='title']")).getText()).isEqualTo("请填写问题标题");
                new Select(browser.driver().findElement(By.id("report-category"))).selectByVisibleText("暴露垃圾");
                assertThat(browser.visible(By.id("report-category-hint")).getText()).contains("牵头", "内整改");
                assertThat(browser.driver().findElement(By.cssSelector("[data-error-for='category']")).getText())
                        .as("the reason goes once the field is put right").isEmpty();
                browser.driver().findElement(By.id("report-title")).sendKeys(title);
                browser.driver().findElement(By.id("report-address")).sendKeys("锦溪镇长寿路农贸市场南门");
                browser.driver().findElement(By.id("report-description")).sendKeys("垃圾桶满溢，周边散落生活垃圾");
                assertThat(browser.visible(By.cssSelector("label[for='photo1Camera']")).getSize().getHeight()).isGreaterThanOrEqualTo(44);
                browser.driver().findElement(By.id("photo1Camera")).sendKeys(file.toString());
                browser.until(d -> loaded(browser, d.findElement(By.cssSelector("#photo1Preview img"))));
                assertThat(browser.visible(By.cssSelector("#photo1Preview .shirong-photo-caption")).getText())
                        .contains("已压缩", "拍摄于 2026-12-06 09:20", "位置 31.18651, 120.90532");
                assertThat(browser.driver().findElement(By.cssSelector("[data-photo='2']")).isDisplayed()).as("room for a second photo").isTrue();
                browser.screenshot("phone-report-form");

                js.executeScript("var o = document.createElement('option'); o.value = 'CITIZEN'; o.text = '市民反映（12345）';"
                        + " document.getElementById('report-source').appendChild(o);");
                new Select(browser.driver().findElement(By.id("report-source"))).selectByValue("CITIZEN");
                browser.click(By.id("report-submit"));
                String refusal = browser.until(d -> {
                    String text = d.findElement(By.cssSelector("[data-error-for='source']")).getText();
                    return text.isEmpty() ? null : text;
                });
                assertThat(refusal).contains("市民反映（12345）", "只有");
                assertThat(jdbc.queryForObject("select count(*) from rect_case where title = ?", Integer.class, title)).isZero();

                new Select(browser.driver().findElement(By.id("report-source"))).selectByValue("PATROL");
                new Select(browser.driver().findElement(By.id("report-urgency"))).selectByVisibleText("紧急");
                browser.click(By.id("report-submit"));
                caseNo = browser.until(d -> d.findElement(By.id("report-page")).getAttribute("data-reported"));
                assertThat(caseNo).startsWith("JX-");
                assertThat(browser.visible(By.id("report-case-no")).getText()).isEqualTo(caseNo);
                assertThat(browser.visible(By.id("report-case-facts")).getText()).contains("牵头单位", "整改期限");
                assertThat(((Number) js.executeScript("return document.documentElement.scrollWidth;")).intValue())
                        .as("no sideways scrolling on a 390-px phone").isLessThanOrEqualTo(390);
                browser.screenshot("phone-report-done");
                browser.click(By.id("report-case-link"));
                browser.until(d -> "true".equals(d.findElement(By.id("case-page")).getAttribute("data-loaded")));
                assertThat(browser.driver().findElement(By.id("case-title")).getText()).isEqualTo(title);
            } catch (RuntimeException | AssertionError e) {
                browser.screenshot("phone-report-failure");
                throw e;
            }
        }
        Map<String, Object> record = rest.withBasicAuth("jxtuijinban1", "demo").getForObject("/api/cases/" + caseNo, Map.class);
        assertThat((Map<String, Object>) record.get("record")).containsEntry("reportedBy", "jxhuanwei1")
                .containsEntry("source", "PATROL").containsEntry("category", "EXPOSED_GARBAGE").containsEntry("urgency", "URGENT");
        assertThat(((Number) ((Map<String, Object>) record.get("record")).get("lat")).doubleValue())
                .as("the photo's place, no location asked").isCloseTo(31.186512, org.assertj.core.data.Offset.offset(1e-5));
        List<Map<String, Object>> photos = (List<Map<String, Object>>) record.get("photos");
        assertThat(photos).singleElement().satisfies(p -> assertThat(p).containsEntry("kind", "BEFORE")
                .containsEntry("mimeType", "image/jpeg").containsEntry("takenAt", "2026-12-06T09:20:00"));
        assertThat(((Number) photos.get(0).get("sizeBytes")).intValue()).isLessThan(photo.length);
    }

    /**
     * On the case page, in the browser's Tasklist session: 环卫所's clerk, on a phone, appeals the case's 超期 — the reason
     * left out is named beside its field — and sees the appeal 待审核; the office, on a desk, merges the duplicate reported
     * at the same address into it after confirming, and sees the duplicate 已合并.
     */
    @Test
    @SuppressWarnings("unchecked")
    void onTheCasePageTheLeadUnitAppealsAndTheOfficeMergesADuplicate() throws IOException {
        String address = "九亭大街 " + java.util.concurrent.ThreadLocalRandom.current().nextInt(1000, 10_000) + " 号";
        String primary = report("九亭大街门前暴露垃圾", address);
        String duplicate = report("九亭大街门前暴露垃圾（重复上报）", address);
        jdbc.update("update rect_case set overdue = true where case_no = ?", primary);
        try (TasklistBrowser browser = TasklistBrowser.open(port)) {
            try {
                browser.phoneViewport();
                browser.login("huanwei1", "demo");
                openCasePage(browser, primary);
                assertThat(new Select(browser.visible(By.id("appeal-deduction"))).getFirstSelectedOption().getText()).isEqualTo("超期");
                browser.click(By.cssSelector("#appeal-form button[type=submit]"));
                assertThat(browser.visible(By.cssSelector("#appeal-form [data-error-for='reason']")).getText()).isEqualTo("请填写申诉理由");
                browser.driver().findElement(By.id("appeal-reason")).sendKeys("暴雨停运，无法作业");
                browser.click(By.cssSelector("#appeal-form button[type=submit]"));
                browser.until(d -> d.findElement(By.id("case-appeals")).getText().contains("待审核"));
                assertThat(browser.driver().findElement(By.id("case-appeals")).getText()).contains("超期", "暴雨停运，无法作业");
                assertThat(browser.driver().findElement(By.id("appeal-form")).isDisplayed()).as("nothing more to appeal").isFalse();
                assertThat(browser.driver().findElement(By.id("case-timeline")).getText()).contains("考核申诉");
                assertThat(browser.driver().findElement(By.id("case-merge-panel")).isDisplayed()).as("not the office").isFalse();
                ((JavascriptExecutor) browser.driver()).executeScript(
                        "document.getElementById('case-appeals-panel').scrollIntoView({block: 'center'});");
                browser.screenshot("phone-case-page-appealed");

                browser.deskViewport(1280, 800);
                browser.login("chuangban1", "demo");
                openCasePage(browser, duplicate);
                browser.click(By.cssSelector("button[data-merge-into='" + primary + "']"));
                browser.driver().findElement(By.id("merge-reason")).sendKeys("12345 与巡查重复上报");
                browser.screenshot("desk-case-page-merge");
                browser.click(By.cssSelector("#merge-form button[type=submit]"));
                org.openqa.selenium.Alert confirm = browser.until(org.openqa.selenium.support.ui.ExpectedConditions.alertIsPresent());
                assertThat(confirm.getText()).contains(primary, "已合并", "不可恢复");
                confirm.accept();
                browser.until(d -> "已合并".equals(d.findElement(By.id("case-status")).getText()));
                assertThat(browser.driver().findElement(By.id("case-record")).getText()).contains("作为重复案件并入 " + primary);
                browser.screenshot("desk-case-page-merged");
            } catch (RuntimeException | AssertionError e) {
                browser.screenshot("case-page-actions-failure");
                throw e;
            }
        }
        Map<String, Object> appealed = rest.withBasicAuth("chuangban1", "demo").getForObject("/api/cases/" + primary, Map.class);
        assertThat((List<Map<String, Object>>) appealed.get("appeals")).singleElement().satisfies(a -> assertThat(a)
                .containsEntry("deduction", "OVERDUE").containsEntry("status", "PENDING").containsEntry("requestedBy", "huanwei1"));
        assertThat(status(duplicate)).isEqualTo("MERGED");
    }

    /**
     * diffreview-s55 R9: a 松江区 case placed in the district itself names no town; its page says so, and the district's
     * office gives it one in 更正案件信息 (the towns offered), which the page then shows; a town's case has no such field.
     */
    @Test
    @SuppressWarnings("unchecked")
    void onTheCasePageTheDistrictOfficeGivesACaseInNoTownItsTerritory() throws IOException {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        String caseNo = (String) rest.withBasicAuth("sjshirongban1", "demo").postForEntity("/api/cases", new HttpEntity<>("""
                {"title":"区级道路绿化带缺株","category":"SURVEY_URBAN_GREENERY","source":"SURVEY",
                 "location":{"address":"人民北路 1 号","territory":"松江区"}}
                """, headers), Map.class).getBody().get("caseNo");
        String townCase = report("九亭大街人行道暴露垃圾", "九亭大街 5 号");
        try (TasklistBrowser browser = TasklistBrowser.open(port)) {
            try {
                browser.deskViewport(1280, 800);
                browser.login("chuangban1", "demo");
                openCasePage(browser, townCase);
                assertThat(browser.driver().findElement(By.id("case-correct-panel")).isDisplayed()).isTrue();
                assertThat(browser.driver().findElement(By.id("correct-territory-group")).isDisplayed()).as("a town's case").isFalse();

                browser.login("sjshirongban1", "demo");
                openCasePage(browser, caseNo);
                assertThat(browser.driver().findElement(By.id("case-record")).getText()).contains("松江区（区本级，不在街镇）");
                WebElement territory = browser.visible(By.id("correct-territory"));
                assertThat(territory.getAttribute("value")).isEmpty();
                assertThat(browser.driver().findElements(By.cssSelector("#correct-territory-towns option")))
                        .extracting(o -> o.getAttribute("value")).contains("九亭镇", "石湖荡镇", "岳阳街道").doesNotContain("松江区");
                territory.sendKeys("九亭");
                browser.driver().findElement(By.id("correct-reason")).sendKeys("现场核实在九亭镇界内");
                browser.click(By.cssSelector("#correct-form button[type=submit]"));
                JavascriptExecutor js = (JavascriptExecutor) browser.driver();
                browser.until(d -> String.valueOf(js.executeScript(
                        "const e = document.getElementById('case-record'); return e ? e.textContent : '';")).contains("九亭镇"));
                browser.until(d -> "true".equals(d.findElement(By.id("case-page")).getAttribute("data-loaded")));
                assertThat(browser.visible(By.id("correct-territory")).getAttribute("value")).isEqualTo("九亭镇");
                browser.screenshot("desk-case-page-territory-given");
            } catch (RuntimeException | AssertionError e) {
                browser.screenshot("case-page-territory-failure");
                throw e;
            }
        }
        Map<String, Object> corrected = rest.withBasicAuth("sjshirongban1", "demo").getForObject("/api/cases/" + caseNo, Map.class);
        assertThat((Map<String, Object>) corrected.get("record")).containsEntry("territory", "jiuting");
    }

    /**
     * jxreview-s55 J0: 记录协办情况 opens in Tasklist (its three answers fill one variable; three radios bound to it stopped
     * the form with "Cannot add variable … already exists"). On a phone the 属地 town is offered 非本镇属地 too, chooses
     * 无需配合, the note's label follows the choice, and the answer is on the case's record.
     */
    @Test
    @SuppressWarnings("unchecked")
    void onAPhoneTheTerritoryTownRecordsItsCooperationInTasklist() throws IOException {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        String caseNo = (String) rest.withBasicAuth("sjshirongban1", "demo").postForEntity("/api/cases", new HttpEntity<>("""
                {"title":"湖荡路绿化带缺株","category":"SURVEY_URBAN_GREENERY","source":"SURVEY",
                 "location":{"address":"松江区湖荡路 8 号","territory":"石湖荡镇"}}
                """, headers), Map.class).getBody().get("caseNo");
        String cooperation = runtimeService.createProcessInstanceQuery()
                .processInstanceBusinessKey(CaseCooperationProcess.businessKey(caseNo, "shdshirongban")).singleResult().getId();
        managementService.createJobQuery().processInstanceId(cooperation).list().forEach(job -> managementService.executeJob(job.getId()));

        try (TasklistBrowser browser = TasklistBrowser.open(port)) {
            try {
                browser.phoneViewport(375, 812);
                browser.login("shdshirongban1", "demo");
                // sjreview-s57 D2: 认领, which a town taps on every 属地 task before 完成 is enabled, is a 44 × 44 px target
                browser.openTask("本单位待办（石湖荡镇", caseNo);
                assertTappable(browser.until(d -> browser.tapSize("[cam-tasklist-task-meta] button.claim")), "认领");
                browser.click(By.cssSelector("button.claim"));
                browser.until(d -> caseNo.equals(d.findElement(By.id("caseNo")).getAttribute("value")));
                // and so are the form's 保存 and 完成
                assertTappable(browser.until(d -> browser.tapSize("[cam-tasklist-form] .form-actions button[ng-click^='save']")), "保存");
                assertTappable(browser.tapSize("[cam-tasklist-form] .form-actions button[ng-click='complete()']"), "完成");
                browser.visible(By.id("outcomeNotTerritory"));
                browser.assertNoEnglish("phone-cooperation-form");
                browser.click(By.id("outcomeNotNeeded"));
                browser.until(d -> "无需配合的原因".equals(d.findElement(By.cssSelector("label[for='cooperationNote']")).getText()));
                browser.visible(By.id("cooperationNote")).sendKeys("区绿化市容局已自行补种到位");
                browser.screenshot("phone-cooperation-form");
                dismissNotices(browser);
                browser.complete();
                browser.until(d -> taskService.createTaskQuery().processInstanceId(cooperation).count() == 0);
            } catch (RuntimeException | AssertionError e) {
                browser.screenshot("phone-cooperation-failure");
                throw e;
            }
        }
        Map<String, Object> record = rest.withBasicAuth("sjshirongban1", "demo").getForObject("/api/cases/" + caseNo, Map.class);
        assertThat((List<Map<String, Object>>) record.get("parties")).singleElement().satisfies(p -> assertThat(p)
                .containsEntry("unitId", "shdshirongban").containsEntry("status", "DONE").containsEntry("outcome", "NOT_NEEDED")
                .containsEntry("note", "区绿化市容局已自行补种到位"));
    }

    /** A phone's tap target: at least 44 × 44 CSS px. */
    private static void assertTappable(List<Number> size, String name) {
        assertThat(size).as(name + " shown").isNotNull();
        assertThat(size.get(0).doubleValue()).as(name + " 宽 (px)").isGreaterThanOrEqualTo(44);
        assertThat(size.get(1).doubleValue()).as(name + " 高 (px)").isGreaterThanOrEqualTo(44);
    }

    private void openCasePage(TasklistBrowser browser, String caseNo) {
        browser.driver().get("http://localhost:" + port + CasePageController.pageUrl(caseNo));
        browser.until(d -> "true".equals(d.findElement(By.id("case-page")).getAttribute("data-loaded")));
    }

    private String claimedCase(String title, String address) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        String caseNo = (String) rest.withBasicAuth("lvrong1", "demo").postForEntity("/api/cases", new HttpEntity<>("""
                {"title":"%s","category":"EXPOSED_GARBAGE","urgency":"NORMAL","source":"PATROL","location":{"address":"%s"}}
                """.formatted(title, address), headers), Map.class).getBody().get("caseNo");
        String claim = taskService.createTaskQuery().processInstanceBusinessKey(caseNo).singleResult().getId();
        assertThat(rest.withBasicAuth("huanwei1", "demo").postForEntity("/engine-rest/task/" + claim + "/complete",
                new HttpEntity<>("{\"variables\":{\"claimDecision\":{\"value\":\"claim\"}}}", headers), String.class)
                .getStatusCode().is2xxSuccessful()).isTrue();
        return caseNo;
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> extensions(String caseNo) {
        Map<String, Object> record = rest.withBasicAuth("chuangban1", "demo").getForObject("/api/cases/" + caseNo, Map.class);
        return (List<Map<String, Object>>) record.get("extensions");
    }

    private String report(String title, String address) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return (String) rest.withBasicAuth("lvrong1", "demo").postForEntity("/api/cases", new HttpEntity<>("""
                {"title":"%s","category":"EXPOSED_GARBAGE","urgency":"NORMAL","source":"PATROL",
                 "location":{"address":"%s"}}
                """.formatted(title, address), headers), Map.class).getBody().get("caseNo");
    }

    /** Sets the open 认领案件 of the case to the given due and follow-up instants (test setup, through the engine). */
    private void dates(String caseNo, Instant due, Instant followUp) {
        Task task = taskService.createTaskQuery().processInstanceBusinessKey(caseNo).singleResult();
        task.setDueDate(Date.from(due));
        task.setFollowUpDate(Date.from(followUp));
        taskService.saveTask(task);
    }

    private String rectifyAssignee(String caseNo) {
        Task task = taskService.createTaskQuery().processInstanceBusinessKey(caseNo)
                .taskDefinitionKey(RectificationProcess.TASK_RECTIFY).singleResult();
        return task == null ? null : task.getAssignee();
    }

    private static String attribute(org.openqa.selenium.WebDriver driver, String text, String name) {
        for (WebElement row : driver.findElements(By.cssSelector("li.task"))) {
            if (row.getText().contains(text)) {
                return row.getAttribute(name);
            }
        }
        return null;
    }

    /** Opens the task of the list's row that contains {@code text}, looking the row up again if the list refreshed. */
    private static void openRow(TasklistBrowser browser, String filter, String text) {
        browser.taskRow(filter, text);
        browser.click(By.xpath("//li[contains(concat(' ', normalize-space(@class), ' '), ' task ')][.//*[contains(text(),'"
                + text + "')]]//h4//a"));
    }

    /** Closes Tasklist's notices, which sit over the form's 完成 button. */
    private static void dismissNotices(TasklistBrowser browser) {
        browser.driver().findElements(By.cssSelector(".page-notifications button.close")).stream()
                .filter(WebElement::isDisplayed).forEach(WebElement::click);
    }

    private static int rowIndex(org.openqa.selenium.WebDriver driver, String text) {
        List<WebElement> rows = driver.findElements(By.cssSelector("li.task"));
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).getText().contains(text)) {
                return i;
            }
        }
        return -1;
    }

    private String processInstanceId(String caseNo) {
        return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(caseNo).singleResult().getId();
    }

    private String status(String caseNo) {
        Map<String, Object> record = rest.withBasicAuth("chuangban1", "demo").getForObject("/api/cases/" + caseNo, Map.class);
        return (String) ((Map<String, Object>) record.get("record")).get("status");
    }

    private static boolean loaded(TasklistBrowser browser, WebElement image) {
        Object width = ((JavascriptExecutor) browser.driver()).executeScript("return arguments[0].complete && arguments[0].naturalWidth;", image);
        return width instanceof Number n && n.intValue() > 0;
    }
}
