package org.shirong.zone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.shirong.zone.ZoneEnforcementProcess.*;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.shirong.rectification.CaseRecord;
import org.shirong.rectification.RectificationCases;
import org.shirong.rectification.RectificationProcess;
import org.shirong.system.ProcessDefinitions;
import org.shirong.system.SharesSpringContext;
import org.shirong.system.ShirongWebTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;

/**
 * A shop that stays out of order through 告知劝导, 黄牌 and 红牌 is handed over to 城管 through the running application: a
 * breach recorded over the API by the 督导检查组 runs the ladder with the real jobs and tasks, and the hand-over reports a
 * 门责 case led by 城管中队 (its 认领案件 task is theirs) whose zone file (PDF) 城管中队's leader reads with the holder and
 * every step; a repeated hand-over of the same breach finds that case instead of opening a second.
 */
@ShirongWebTest
@SharesSpringContext
class ZoneHandOverTest {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    ZoneRecords zones;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    ManagementService managementService;
    @Autowired
    IdentityService identityService;
    @Autowired
    RectificationCases cases;
    @Autowired
    ProcessDefinitions definitions;
    @Autowired
    JdbcTemplate jdbc;

    private TestRestTemplate as(String user) {
        return rest.withBasicAuth(user, "demo");
    }

    private static byte[] png() {
        return png(64, 48);
    }

    private static byte[] png(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.GRAY);
        g.fillRect(0, 0, width, height);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private long registerShop() {
        return registerShop("JT-Z-HO01", "演示移交面馆");
    }

    private long registerShop(String zoneNo, String holder) {
        return registerShop(zoneNo, holder, "juwei01");
    }

    private long registerShop(String zoneNo, String holder, String ownerGroup) {
        java.time.Instant now = java.time.Instant.now();
        return zones.insert(new Zone(0, "jiuting", zoneNo, holder, ZoneType.SHOP, "九亭大街 301 号", "第一居委会", null,
                "九亭大街", RoadClass.MAIN_ROAD, new BigDecimal("31.131000"), new BigDecimal("121.322000"), "周老板", "13900000000",
                "门前至人行道边缘", ZoneType.SHOP.defaultDuties(), ownerGroup, Zone.Status.ACTIVE, null, null, 0, now, "chuangban1", now));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> inspect(long zoneId) {
        ResponseEntity<Map> answer = post("ducha1", zoneId, true);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return answer.getBody();
    }

    /** A breach (乱堆物) reported over the API, with or without its photo. */
    @SuppressWarnings("rawtypes")
    private ResponseEntity<Map> post(String user, long zoneId, boolean withPhoto) {
        var body = new LinkedMultiValueMap<String, Object>();
        body.add("result", "BREACH");
        body.add("items", "PILING");
        body.add("note", "门前堆放纸箱");
        if (withPhoto) {
            body.add("photo", new ByteArrayResource(png()) {
                @Override
                public String getFilename() {
                    return "found.png";
                }
            });
        }
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return as(user).postForEntity("/api/zones/" + zoneId + "/inspections", new HttpEntity<>(body, headers), Map.class);
    }

    @Test
    @SuppressWarnings({"rawtypes", "unchecked"})
    void inspectionsAreRefusedInChineseToOthersAndWithoutAPhotoAndABreachInHandlingIsJoined() {
        long zoneId = registerShop("JT-Z-HO02", "演示并入烟杂");
        ResponseEntity<Map> other = post("huanwei1", zoneId, true);
        assertThat(other.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(other.getBody().toString()).contains("只有督导检查组、创建工作办公室、城管中队或负责单位可以记录责任区检查");
        ResponseEntity<Map> noPhoto = post("ducha1", zoneId, false);
        assertThat(noPhoto.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(noPhoto.getBody().toString()).contains("发现问题须附现场照片");
        assertThat(jdbc.queryForObject("select count(*) from zone_inspection where zone_id = ?", Integer.class, zoneId)).isZero();

        Map<String, Object> first = inspect(zoneId);
        ResponseEntity<Map> byOwnerGroup = post("juwei01a", zoneId, true);
        assertThat(byOwnerGroup.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat((Map<String, Object>) byOwnerGroup.getBody()).containsEntry("joined", true)
                .containsEntry("breachId", first.get("breachId")).containsEntry("processInstanceId", first.get("processInstanceId"))
                .containsEntry("message", "该责任区正在处置中，本次检查已记入档案");
        assertThat(jdbc.queryForObject("select count(*) from zone_breach where zone_id = ?", Integer.class, zoneId)).isOne();
    }

    /** A ladder whose process was deleted in Cockpit no longer holds the zone: the next breach starts a ladder again. */
    @Test
    @SuppressWarnings("unchecked")
    void aBreachWhoseProcessWasDeletedEndsAndTheNextBreachStartsALadder() {
        long zoneId = registerShop("JT-Z-HO04", "演示撤销水果店");
        Map<String, Object> first = inspect(zoneId);
        runtimeService.deleteProcessInstance((String) first.get("processInstanceId"), "测试：在 Cockpit 中删除");

        Map<String, Object> second = inspect(zoneId);
        assertThat(second).containsEntry("joined", false);
        assertThat(second.get("breachId")).isNotEqualTo(first.get("breachId"));
        assertThat(jdbc.queryForObject("select status from zone_breach where id = ?", String.class,
                ((Number) first.get("breachId")).longValue())).isEqualTo("CANCELLED");
        assertThat(jdbc.queryForObject("select count(*) from zone_event where zone_id = ? and kind = 'BREACH_CANCELLED'",
                Integer.class, zoneId)).isOne();
    }

    /**
     * The owner group is scored on its zones' 履责率, so it may report a breach but not record its own "已履责" check; a
     * photo is served as the image its bytes are, whatever type the upload claimed (a script sent as text/html stays a GIF).
     */
    @Test
    @SuppressWarnings({"rawtypes", "unchecked"})
    void theOwnerGroupCannotPassItsOwnZoneAndAPhotoIsServedAsTheImageItsBytesAre() {
        long zoneId = registerShop("JT-Z-HO03", "演示自查面馆");
        HttpHeaders multipart = new HttpHeaders();
        multipart.setContentType(MediaType.MULTIPART_FORM_DATA);
        var ok = new LinkedMultiValueMap<String, Object>();
        ok.add("result", "OK");
        ResponseEntity<Map> ownCheck = as("juwei01a").postForEntity("/api/zones/" + zoneId + "/inspections", new HttpEntity<>(ok, multipart), Map.class);
        assertThat(ownCheck.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(ownCheck.getBody().toString()).contains("“已履责”检查只能由督导检查组、创建工作办公室或城管中队记录");
        assertThat(as("ducha1").postForEntity("/api/zones/" + zoneId + "/inspections", new HttpEntity<>(ok, multipart), Map.class)
                .getStatusCode()).isEqualTo(HttpStatus.CREATED);
        // chuangban1 is in the office and heads 绿容所: the office's right to inspect does not cover 绿容所's own zones
        long lvrongZone = registerShop("JT-Z-HO-LR1", "演示绿化带", "lvrong");
        ResponseEntity<Map> officeOwnCheck = as("chuangban1").postForEntity("/api/zones/" + lvrongZone + "/inspections",
                new HttpEntity<>(ok, multipart), Map.class);
        assertThat(officeOwnCheck.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(officeOwnCheck.getBody().toString()).contains("您所在的绿容所负责该责任区", "须由其他检查人员记录");
        assertThat(as("ducha1").postForEntity("/api/zones/" + lvrongZone + "/inspections", new HttpEntity<>(ok, multipart), Map.class)
                .getStatusCode()).isEqualTo(HttpStatus.CREATED);

        HttpHeaders html = new HttpHeaders();
        html.setContentType(MediaType.TEXT_HTML);
        html.setContentDispositionFormData("photo", "found.html");
        byte[] script = "GIF89a<html><script>alert(document.cookie)</script></html>".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        ResponseEntity<Map> polyglot = as("juwei01a").postForEntity("/api/zones/" + zoneId + "/inspections",
                new HttpEntity<>(breach(new HttpEntity<>(script, html)), multipart), Map.class);
        assertThat(polyglot.getStatusCode()).as("a page that only starts as a GIF").isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(polyglot.getBody().toString()).contains("照片“found.html”");
        byte[] photo = png();
        assertThat(as("juwei01a").postForEntity("/api/zones/" + zoneId + "/inspections",
                new HttpEntity<>(breach(new HttpEntity<>(photo, html)), multipart), Map.class).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        Long photoId = jdbc.queryForObject("select max(id) from zone_photo where zone_id = ?", Long.class, zoneId);
        ResponseEntity<byte[]> served = as("ducha1").getForEntity("/api/zones/" + zoneId + "/photos/" + photoId, byte[].class);
        assertThat(served.getHeaders().getContentType()).as("served as the image its bytes are").isEqualTo(MediaType.IMAGE_PNG);
        assertThat(served.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(served.getBody()).isEqualTo(photo);
    }

    private static LinkedMultiValueMap<String, Object> breach(HttpEntity<byte[]> photo) {
        var breach = new LinkedMultiValueMap<String, Object>();
        breach.add("result", "BREACH");
        breach.add("items", "POSTING");
        breach.add("photo", photo);
        return breach;
    }

    /** A photo's file name is the phone's, not typed by anyone: kept without control characters, cut to 255 keeping its extension. */
    @Test
    @SuppressWarnings("rawtypes")
    void aPhotosFileNameIsKeptWithoutControlCharactersAndCutKeepingItsExtension() {
        long zoneId = registerShop("JT-Z-HO05", "演示长名照片面馆");
        HttpHeaders part = new HttpHeaders();
        part.setContentType(MediaType.IMAGE_PNG);
        part.setContentDispositionFormData("photo", "a\tb" + "c".repeat(300) + ".png");
        var breach = new LinkedMultiValueMap<String, Object>();
        breach.add("result", "BREACH");
        breach.add("items", "PILING");
        breach.add("photo", new HttpEntity<>(png(), part));
        HttpHeaders multipart = new HttpHeaders();
        multipart.setContentType(MediaType.MULTIPART_FORM_DATA);
        ResponseEntity<Map> found = as("ducha1").postForEntity("/api/zones/" + zoneId + "/inspections", new HttpEntity<>(breach, multipart),
                Map.class);
        assertThat(found.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(jdbc.queryForObject("select file_name from zone_photo where zone_id = ?", String.class, zoneId))
                .isEqualTo("ab" + "c".repeat(249) + ".png");
    }

    private void runJob(String processInstanceId) {
        Job job = managementService.createJobQuery().processInstanceId(processInstanceId).singleResult();
        managementService.executeJob(job.getId());
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

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    @Test
    void redCardNotCompliedBecomesACaseOfChengguanWithTheZoneFileAndOnlyOnce() throws IOException {
        long zoneId = registerShop();
        Map<String, Object> recorded = inspect(zoneId);
        String pi = (String) recorded.get("processInstanceId");
        long breachId = ((Number) recorded.get("breachId")).longValue();
        assertThat(recorded).containsEntry("ladderLevel", 1).containsEntry("joined", false);

        runJob(pi); // 确定处置起点
        for (int round = 1; round <= 3; round++) {
            runJob(pi); // 记录处置步骤
            complete("juwei01a", List.of("juwei01"), pi, TASK_NOTIFY_HOLDER, Map.of(VAR_ADVISED_PERSON, "周老板"));
            runJob(pi); // 整改期限已到
            // the last recheck's photo straight from a camera, 4000 px wide: it prints shrunk
            byte[] photo = round == 3 ? png(4000, 3000) : png();
            complete("ducha1", List.of("ducha"), pi, TASK_RECHECK, Map.of(VAR_COMPLIED, NO, VAR_RECHECK_NOTE, "仍堆放纸箱",
                    VAR_RECHECK_PHOTO, Variables.fileValue("recheck.png").file(photo).mimeType("image/png").create()));
        }
        runJob(pi); // 移交城管执法
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(pi).count()).isZero();

        CaseRecord handed = cases.findByExternalRef("jiuting", "ZONE-jiuting-" + breachId).orElseThrow();
        assertThat(handed.leadUnit()).isEqualTo("chengguan");
        assertThat(handed.category()).isEqualTo("DOOR_DUTY_UNFULFILLED");
        assertThat(handed.title()).isEqualTo("门责移交执法：演示移交面馆");
        assertThat(handed.description()).contains("告知劝导", "黄牌", "红牌", "50–500 元");
        Task claim = taskService.createTaskQuery().processInstanceBusinessKey(handed.caseNo())
                .taskDefinitionKey(RectificationProcess.TASK_CLAIM).singleResult();
        assertThat(taskService.getIdentityLinksForTask(claim.getId())).extracting(l -> l.getGroupId()).containsExactly("chengguan");
        assertThat(jdbc.queryForObject("select case_no from zone_breach where id = ?", String.class, breachId))
                .isEqualTo(handed.caseNo());

        ResponseEntity<byte[]> file = as("chengguan1").getForEntity("/api/cases/" + handed.caseNo() + "/zone-file.pdf", byte[].class);
        assertThat(file.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(file.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
        assertThat(text(file.getBody())).contains("演示移交面馆", "JT-Z-HO01", "周老板", "告知劝导", "黄牌", "红牌", "移交城管执法",
                handed.caseNo());
        try (org.apache.pdfbox.pdmodel.PDDocument pdf = org.apache.pdfbox.Loader.loadPDF(file.getBody())) {
            List<Integer> widths = new java.util.ArrayList<>();
            for (org.apache.pdfbox.pdmodel.PDPage page : pdf.getPages()) {
                for (org.apache.pdfbox.cos.COSName name : page.getResources().getXObjectNames()) {
                    if (page.getResources().getXObject(name) instanceof org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject image) {
                        widths.add(image.getWidth());
                    }
                }
            }
            assertThat(widths).contains(org.shirong.report.PrintPhotos.MAX_SIDE).allSatisfy(w -> assertThat(w)
                    .isLessThanOrEqualTo(org.shirong.report.PrintPhotos.MAX_SIDE));
        }
        assertThat(as("jxchuangjian1").getForEntity("/api/cases/" + handed.caseNo() + "/zone-file.pdf", byte[].class)
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

        // The hand-over once more for the same breach (a retried job, or an operator restarting it in Cockpit).
        String again = runtimeService.createProcessInstanceById(definitions.latestId(KEY, "jiuting"))
                .businessKey(businessKey(breachId)).setVariable(VAR_BREACH_ID, breachId).setVariable(VAR_ZONE_ID, zoneId)
                .startBeforeActivity(TASK_HAND_OVER).execute().getId();
        runJob(again);
        assertThat(jdbc.queryForObject("select count(*) from rect_case where external_ref = ?", Integer.class,
                "ZONE-jiuting-" + breachId)).isOne();
        assertThat(jdbc.queryForObject("select count(*) from zone_handover where breach_id = ?", Integer.class, breachId)).isOne();
        assertThat(jdbc.queryForObject("select count(*) from zone_event where zone_id = ? and kind = 'HANDED_OVER'", Integer.class,
                zoneId)).isOne();
    }

    /**
     * s50 F1: the owner unit's member may not register the breach's hand-over reference before 执法 gets it (400); and a
     * case registered under it before that rule (here written into the table as such) is not taken over by the hand-over:
     * 城管中队 gets its own case, under the next reference, and the squatted case stays as it was.
     */
    @Test
    @SuppressWarnings("unchecked")
    void aCaseSomeoneElseRegisteredUnderTheHandOversReferenceIsNotTakenOver() {
        long zoneId = registerShop("JT-Z-HO09", "抢号早餐店", "juwei02");
        Map<String, Object> recorded = inspect(zoneId);
        String pi = (String) recorded.get("processInstanceId");
        long breachId = ((Number) recorded.get("breachId")).longValue();
        String reference = "ZONE-jiuting-" + breachId;

        String squat = """
                {"title":"早餐店门前少量纸屑","category":"ILLEGAL_POSTING","urgency":"NORMAL","source":"SELF_INSPECTION",
                 "location":{"address":"某小区内"},"externalRef":"%s"}
                """;
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<Map> refused = as("juwei02a").postForEntity("/api/cases", new HttpEntity<>(squat.formatted(reference), headers), Map.class);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((List<Map<String, Object>>) refused.getBody().get("errors")).extracting(e -> e.get("field") + ":" + e.get("code"))
                .containsExactly("externalRef:RESERVED_EXTERNAL_REF");
        // what a member could do before the rule: the case is registered under another number and given the reference
        ResponseEntity<Map> before = as("juwei02a").postForEntity("/api/cases",
                new HttpEntity<>(squat.formatted("SQUAT-" + breachId), headers), Map.class);
        assertThat(before.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String squatted = (String) before.getBody().get("caseNo");
        jdbc.update("update rect_case set external_ref = ? where case_no = ?", reference, squatted);

        runJob(pi); // 确定处置起点
        for (int round = 1; round <= 3; round++) {
            runJob(pi); // 记录处置步骤
            complete("juwei02a", List.of("juwei02"), pi, TASK_NOTIFY_HOLDER, Map.of(VAR_ADVISED_PERSON, "周老板"));
            runJob(pi); // 整改期限已到
            complete("ducha1", List.of("ducha"), pi, TASK_RECHECK, Map.of(VAR_COMPLIED, NO, VAR_RECHECK_NOTE, "仍未整改",
                    VAR_RECHECK_PHOTO, Variables.fileValue("recheck.png").file(png()).mimeType("image/png").create()));
        }
        runJob(pi); // 移交城管执法

        CaseRecord handed = cases.findByExternalRef("jiuting", reference + "#2").orElseThrow();
        assertThat(handed.caseNo()).isNotEqualTo(squatted);
        assertThat(handed.leadUnit()).isEqualTo("chengguan");
        assertThat(handed.title()).isEqualTo("门责移交执法：抢号早餐店");
        assertThat(jdbc.queryForObject("select case_no from zone_breach where id = ?", String.class, breachId)).isEqualTo(handed.caseNo());
        assertThat(jdbc.queryForObject("select detail from zone_event where zone_id = ? and kind = 'HANDED_OVER'", String.class, zoneId))
                .endsWith("案件 " + handed.caseNo());
        assertThat(jdbc.queryForObject("select case_no from zone_handover where breach_id = ?", String.class, breachId))
                .isEqualTo(handed.caseNo());
        CaseRecord untouched = cases.findByExternalRef("jiuting", reference).orElseThrow();
        assertThat(untouched.caseNo()).isEqualTo(squatted);
        assertThat(untouched.title()).isEqualTo("早餐店门前少量纸屑");
        assertThat(untouched.reportedBy()).isEqualTo("juwei02a");

        // the hand-over once more finds its own case, not the squatted one
        String again = runtimeService.createProcessInstanceById(definitions.latestId(KEY, "jiuting"))
                .businessKey(businessKey(breachId)).setVariable(VAR_BREACH_ID, breachId).setVariable(VAR_ZONE_ID, zoneId)
                .startBeforeActivity(TASK_HAND_OVER).execute().getId();
        runJob(again);
        assertThat(jdbc.queryForObject("select count(*) from rect_case where external_ref like ?", Integer.class, reference + "%"))
                .isEqualTo(2);
    }
}
