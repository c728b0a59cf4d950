package org.shirong.rectification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.shirong.system.SharesSpringContext;
import org.shirong.system.ShirongWebTest;
import org.shirong.system.XlsxDownload;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code /api/categories} and {@code /api/cases} through HTTP on H2: reporting, idempotent resend, every bad input, evidence
 * photos, and the case ledger as Excel ({@code /api/cases/export.xlsx}) read back with FastExcel's reader.
 */
@ShirongWebTest
@SharesSpringContext
class CaseApiTest {

    static final byte[] PNG = TestPhotos.PNG;

    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TaskService taskService;
    @Autowired
    org.camunda.bpm.engine.RepositoryService repository;
    @Autowired
    org.shirong.calendar.WorkingCalendars calendars;

    static HttpEntity<String> json(String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }

    TestRestTemplate as(String user) {
        return rest.withBasicAuth(user, user.equals("admin") ? "admin" : "demo");
    }

    long cases() {
        return jdbc.queryForObject("select count(*) from rect_case", Long.class);
    }

    static String body(String category, String urgency, String address, String externalRef) {
        return """
                {"title":"九亭大街垃圾堆放","category":%s,"urgency":%s,"source":"PATROL",
                 "location":{"address":%s,"lat":31.12,"lng":121.33},"description":"路口东侧","externalRef":%s}
                """.formatted(quote(category), quote(urgency), quote(address), quote(externalRef));
    }

    static String quote(String s) {
        return s == null ? "null" : "\"" + s + "\"";
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> errors(ResponseEntity<Map> response) {
        return (List<Map<String, Object>>) response.getBody().get("errors");
    }

    /** The 上报问题 page's picker: only the sources the caller's organisation uses and he may choose, never 会议决定. */
    @Test
    @SuppressWarnings("unchecked")
    void theSourcesOfferedAreThoseTheCallerMayReport() {
        assertThat((List<Map<String, Object>>) as("huanwei1").getForObject("/api/cases/sources", List.class))
                .extracting(s -> s.get("code")).containsExactly("PATROL", "SELF_INSPECTION", "SURVEY");
        assertThat((List<Map<String, Object>>) as("chuangban1").getForObject("/api/cases/sources", List.class))
                .extracting(s -> s.get("code") + ":" + s.get("name")).contains("CITIZEN:市民反映（12345）", "PATROL:日常巡查")
                .doesNotContain("MEETING:会议决定");
        // 锦溪镇 uses no 满意度测评 (its categories.yaml offers 日常巡查、单位自查、联合检查、12345): its unit is not offered one
        assertThat((List<Map<String, Object>>) as("jxhuanwei1").getForObject("/api/cases/sources", List.class))
                .extracting(s -> s.get("code")).containsExactly("PATROL", "SELF_INSPECTION");
        // 锦溪镇 has no 督导检查组: its office is offered 联合检查 by the plan's words (sources.labels), 九亭镇 keeps the shared name
        assertThat((List<Map<String, Object>>) as("jxtuijinban1").getForObject("/api/cases/sources", List.class))
                .extracting(s -> s.get("code") + ":" + s.get("name")).contains("JOINT_INSPECTION:季检查（督促检查）");
        assertThat((List<Map<String, Object>>) as("chuangban1").getForObject("/api/cases/sources", List.class))
                .extracting(s -> s.get("code") + ":" + s.get("name")).contains("JOINT_INSPECTION:联合检查、督导检查");
        // szreview-s60 S3: 松江区's 区城运中心 takes the 12345 hotline's 工单 (reporters: CITIZEN), its other departments do not
        assertThat((List<Map<String, Object>>) as("sjchengyunzhongxin1").getForObject("/api/cases/sources", List.class))
                .extracting(s -> s.get("code") + ":" + s.get("name")).contains("CITIZEN:市民反映（12345）", "PATROL:日常巡查");
        assertThat((List<Map<String, Object>>) as("sjlvrongju1").getForObject("/api/cases/sources", List.class))
                .extracting(s -> s.get("code")).doesNotContain("CITIZEN");
    }

    /**
     * jxreview-s58 J9: 纪委监察 (roles.assessors) shares the 督查考核 with 推进小组办公室, so what its 督促检查 finds is reported
     * as 季检查（督促检查）: offered on the 上报问题 page and taken by POST; 12345 stays the office's.
     */
    @Test
    @SuppressWarnings("unchecked")
    void theAssessorsReportWhatTheirInspectionFindsAsAJointInspection() {
        assertThat((List<Map<String, Object>>) as("jxjiwei1").getForObject("/api/cases/sources", List.class))
                .extracting(s -> s.get("code") + ":" + s.get("name"))
                .containsExactly("PATROL:日常巡查", "SELF_INSPECTION:单位自查", "JOINT_INSPECTION:季检查（督促检查）");
        ResponseEntity<Map> reported = as("jxjiwei1").postForEntity("/api/cases", json("""
                {"title":"督查发现农贸市场北门占道经营","category":"REGULATE_ROAD_OCCUPYING_BUSINESS","source":"JOINT_INSPECTION",
                 "location":{"address":"锦溪镇农贸市场北门 J9 号"}}"""), Map.class);
        assertThat(reported.getStatusCode()).as("%s", reported.getBody()).isEqualTo(HttpStatus.CREATED);
        assertThat(jdbc.queryForObject("select source from rect_case where case_no = ?", String.class,
                reported.getBody().get("caseNo"))).isEqualTo("JOINT_INSPECTION");
        ResponseEntity<Map> citizen = as("jxjiwei1").postForEntity("/api/cases", json("""
                {"title":"群众反映农贸市场北门占道经营","category":"REGULATE_ROAD_OCCUPYING_BUSINESS","source":"CITIZEN",
                 "location":{"address":"锦溪镇农贸市场北门 J9 号"}}"""), Map.class);
        assertThat(citizen.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    /**
     * jxreview-s58 J10: 乱张贴 counts under 规范户外广告设置, whose 牵头单位 is 城管中队 (方案：清除……非法广告), so its case
     * is led by 城管中队 (环卫所, which cleans, 协办): the item's row and its 季检查 sheet score 城管中队 on its own cases.
     */
    @Test
    void anIllegalPostingInJinxiIsLedByTheLeadOfItsOutdoorAdvertisingItem() {
        ResponseEntity<Map> reported = as("jxtuijinban1").postForEntity("/api/cases", json("""
                {"title":"镇区灯杆乱张贴小广告","category":"ILLEGAL_POSTING","source":"PATROL",
                 "location":{"address":"锦溪镇长寿路灯杆 J10 号"}}"""), Map.class);
        assertThat(reported.getStatusCode()).as("%s", reported.getBody()).isEqualTo(HttpStatus.CREATED);
        String caseNo = (String) reported.getBody().get("caseNo");
        assertThat(jdbc.queryForObject("select lead_unit from rect_case where case_no = ?", String.class, caseNo))
                .isEqualTo("jxchengguan");
        assertThat(jdbc.queryForList("select unit_id from rect_case_party where case_no = ?", String.class, caseNo))
                .containsExactly("jxhuanwei");
    }

    static HttpEntity<org.springframework.util.LinkedMultiValueMap<String, Object>> reportWithPhotos(String report,
            List<byte[]> photos, List<String> takenAt, List<String> locations) {
        var body = new org.springframework.util.LinkedMultiValueMap<String, Object>();
        HttpHeaders jsonPart = new HttpHeaders();
        jsonPart.setContentType(MediaType.APPLICATION_JSON);
        body.add("case", new HttpEntity<>(report, jsonPart));
        for (int i = 0; i < photos.size(); i++) {
            HttpHeaders part = new HttpHeaders();
            part.setContentType(MediaType.IMAGE_PNG);
            part.setContentDispositionFormData("photos", "IMG_" + i + ".png");
            body.add("photos", new HttpEntity<>(photos.get(i), part));
            body.add("photoTakenAt", takenAt.get(i));
            body.add("photoLocation", locations.get(i));
        }
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return new HttpEntity<>(body, headers);
    }

    /**
     * A report with photos (multipart): every photo is checked before anything is saved, a bad one named by its place; a
     * source not the caller's is refused as without photos; a good report keeps its photos as the case's 整改前照片.
     */
    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void aReportWithPhotosKeepsThemAsTheProblemsPhotosOrSavesNothing() {
        String report = body("EXPOSED_GARBAGE", "NORMAL", "九亭大街 517 号", null);
        long before = cases();
        ResponseEntity<Map> notAnImage = as("huanwei1").postForEntity("/api/cases", reportWithPhotos(report,
                List.of(PNG, "not a photo".getBytes()), List.of("", ""), List.of("", "")), Map.class);
        assertThat(notAnImage.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(errors(notAnImage)).singleElement().satisfies(e -> assertThat(e).containsEntry("field", "photos")
                .containsEntry("code", "NOT_AN_IMAGE").extractingByKey("message").asString().startsWith("第 2 张照片不是图片文件"));
        ResponseEntity<Map> tooMany = as("huanwei1").postForEntity("/api/cases", reportWithPhotos(report,
                List.of(PNG, PNG, PNG, PNG), List.of("", "", "", ""), List.of("", "", "", "")), Map.class);
        assertThat(errors(tooMany)).extracting(e -> e.get("code")).containsExactly("TOO_MANY_PHOTOS");
        ResponseEntity<Map> notHis = as("huanwei1").postForEntity("/api/cases", reportWithPhotos(report.replace("PATROL", "CITIZEN"),
                List.of(PNG), List.of(""), List.of("")), Map.class);
        assertThat(notHis.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(errors(notHis)).extracting(e -> e.get("field")).containsExactly("source");
        assertThat(cases()).isEqualTo(before);

        ResponseEntity<Map> reported = as("huanwei1").postForEntity("/api/cases", reportWithPhotos(report, List.of(PNG, PNG),
                List.of("2026-12-06T09:20:00", ""), List.of("31.1234,121.3312", "")), Map.class);
        assertThat(reported.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String caseNo = (String) reported.getBody().get("caseNo");
        Map<String, Object> record = as("chuangban1").getForObject("/api/cases/" + caseNo, Map.class);
        List<Map<String, Object>> photos = (List<Map<String, Object>>) record.get("photos");
        assertThat(photos).extracting(p -> p.get("kind") + ":" + p.get("round") + ":" + p.get("fileName") + ":" + p.get("takenAt"))
                .containsExactly("BEFORE:1:IMG_0.png:2026-12-06T09:20:00", "BEFORE:1:IMG_1.png:null");
        assertThat(((Number) photos.get(0).get("latitude")).doubleValue()).isEqualTo(31.1234);
        assertThat(as("chuangban1").getForObject((String) photos.get(0).get("url"), byte[].class)).isEqualTo(PNG);
    }

    /**
     * Most reports carry one photo: its one {@code photoLocation} "lat,lng" is kept whole, not split on the comma into a
     * latitude for the first photo and a longitude for a second (relreview-s58 L2), and so is a camera time with a comma.
     */
    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void aReportWithOnePhotoKeepsWhereThePhotoWasTaken() {
        String report = body("EXPOSED_GARBAGE", "NORMAL", "九亭大街 518 号", null);
        ResponseEntity<Map> reported = as("huanwei1").postForEntity("/api/cases", reportWithPhotos(report, List.of(PNG),
                List.of("2026-12-06T09:20:00"), List.of("31.1,121.3")), Map.class);
        assertThat(reported.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        Map<String, Object> record = as("chuangban1").getForObject("/api/cases/" + reported.getBody().get("caseNo"), Map.class);
        assertThat((List<Map<String, Object>>) record.get("photos")).singleElement().satisfies(photo -> {
            assertThat(photo).containsEntry("takenAt", "2026-12-06T09:20:00");
            assertThat(((Number) photo.get("latitude")).doubleValue()).isEqualTo(31.1);
            assertThat(((Number) photo.get("longitude")).doubleValue()).isEqualTo(121.3);
        });
    }

    @Test
    void categoriesCarryTheirDefaultLeadUnitAndLimitFromTheDecisionTable() {
        ResponseEntity<List> response = as("chengguan1").getForEntity("/api/categories", List.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat((List<Map<String, Object>>) response.getBody()).anySatisfy(c -> assertThat(c)
                .containsEntry("code", "EXPOSED_GARBAGE").containsEntry("name", "暴露垃圾")
                .containsEntry("defaultLeadUnit", "huanwei").containsEntry("defaultLeadUnitName", "环卫所")
                .containsEntry("defaultLimitAmount", 4).containsEntry("defaultLimitUnit", "WORKING_HOURS")
                .containsEntry("defaultLimitUnitName", "工作时"));
        // 九亭's 31 own categories; 锦溪's 931 codes it keeps for old cases (applicable: false) are not offered
        assertThat(response.getBody()).hasSize(31);
        assertThat((List<Map<String, Object>>) response.getBody()).noneSatisfy(c -> assertThat(c).containsEntry("group", "CAMPAIGN_931"));
    }

    /**
     * 锦溪's four plan items the plan marks 无 (applicable: false) are not offered, and a case under one, by code or by name,
     * is refused as such, not as an unknown category (jxreview J2).
     */
    @Test
    void planItemsMarkedNotApplicableAreNotOfferedAndACaseUnderOneIsRefusedAsSuch() {
        List<Map<String, Object>> offered = as("jxtuijinban1").getForObject("/api/categories", List.class);
        assertThat(offered).extracting(c -> c.get("code")).contains("RECTIFY_OLD_ESTATES")
                .doesNotContain("RECTIFY_URBAN_VILLAGES", "RECTIFY_BACK_STREETS", "RECTIFY_SHANTY_TOWNS", "REGULATE_VEHICLE_PARKING");
        for (String category : List.of("整治城中村", "RECTIFY_URBAN_VILLAGES")) {
            ResponseEntity<Map> refused = as("jxtuijinban1").postForEntity("/api/cases", json("""
                    {"title":"村口垃圾","category":"%s","source":"PATROL","location":{"address":"锦溪镇长寿路 1 号"}}""".formatted(category)),
                    Map.class);
            assertThat(refused.getStatusCode()).as(category).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(errors(refused)).singleElement().satisfies(e -> assertThat(e).containsEntry("field", "category")
                    .containsEntry("code", "CATEGORY_NOT_APPLICABLE").containsEntry("message", "问题类别“整治城中村”：方案标注“无”，本镇不涉及"));
        }
    }

    /**
     * poreview-s50 F7: a dispatch table that gives a category a time unit the code does not know (deployed past the
     * start-up check, here straight into 新浜镇) answers the category list 503 naming the table, not a bare 500.
     */
    @Test
    void aDispatchTableWithAnUnknownTimeUnitAnswers503NamingTheTable() throws java.io.IOException {
        String table = java.nio.file.Files.readString(java.nio.file.Path.of("config/organizations/_defaults/CaseDispatch.dmn"))
                .replace("<text>\"WORKING_HOURS\"</text>", "<text>\"WORKING_HOUR\"</text>");
        String deployment = repository.createDeployment().tenantId("xinbang").name("dispatch-probe")
                .addString("processes/CaseDispatch.dmn", table).deploy().getId();
        try {
            ResponseEntity<Map> response = as("xbshirongban1").getForEntity("/api/categories", Map.class);

            assertThat(response.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
            assertThat(errors(response)).singleElement().satisfies(e -> assertThat(e)
                    .containsEntry("code", "DISPATCH_TABLE_UNUSABLE")
                    .extractingByKey("message").asString().contains("CaseDispatch", "config/organizations/xinbang/CaseDispatch.dmn",
                            "时限单位 limitUnit WORKING_HOUR 不是"));
        } finally {
            repository.deleteDeployment(deployment, true);
        }
        assertThat(as("xbshirongban1").getForEntity("/api/categories", List.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void aReportedCaseIsDispatchedAtOnceAndTheSameExternalReferenceGivesTheSameCase() {
        // 环卫所 itself reports its own urgent problem: anyone may mark urgent what their own unit leads
        ResponseEntity<Map> created = as("huanwei1").postForEntity("/api/cases", json(body("EXPOSED_GARBAGE", "URGENT", "九亭大街 88 号", "12345-2026-0001")), Map.class);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String caseNo = (String) created.getBody().get("caseNo");
        assertThat(caseNo).matches("JT-\\d{4}-\\d{6}");
        assertThat(created.getHeaders().getLocation()).hasToString("/api/cases/" + caseNo);
        assertThat(created.getBody()).containsEntry("status", "DISPATCHED").containsEntry("leadUnit", "huanwei")
                .containsEntry("leadUnitName", "环卫所").containsKeys("dueAt", "warnAt");
        long count = cases();

        ResponseEntity<Map> resent = as("huanwei1").postForEntity("/api/cases", json(body("EXPOSED_GARBAGE", "URGENT", "九亭大街 88 号", "12345-2026-0001")), Map.class);
        assertThat(resent.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(resent.getBody()).containsEntry("caseNo", caseNo);
        assertThat(cases()).isEqualTo(count);

        ResponseEntity<Map> record = as("huanwei1").getForEntity("/api/cases/" + caseNo, Map.class);
        assertThat(record.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat((Map<String, Object>) record.getBody().get("record")).containsEntry("externalRef", "12345-2026-0001")
                .containsEntry("urgency", "URGENT").containsEntry("reportedBy", "huanwei1");
        assertThat(record.getBody()).containsEntry("light", "GREEN").containsEntry("leadUnitName", "环卫所");
        assertThat((List<Map<String, Object>>) record.getBody().get("timeline")).extracting(e -> e.get("kind"))
                .containsExactly("REPORTED", "DISPATCHED");

        ResponseEntity<Map> list = as("huanwei1").getForEntity("/api/cases?unit=huanwei&status=DISPATCHED&overdue=false&escalated=false", Map.class);
        assertThat((List<Map<String, Object>>) list.getBody().get("items")).extracting(c -> c.get("caseNo")).contains(caseNo);
    }

    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactionManager;

    /** A report of {@code externalRef} through the service, its transaction held open until {@code release} is counted down. */
    private java.util.concurrent.Future<String> heldOpen(java.util.concurrent.ExecutorService thread, String externalRef,
            java.util.concurrent.CountDownLatch filed, java.util.concurrent.CountDownLatch release) {
        return thread.submit(() -> new org.springframework.transaction.support.TransactionTemplate(transactionManager).execute(tx -> {
            String caseNo = rectificationCases.report("jiuting", new NewCase("九亭大街垃圾堆放", "EXPOSED_GARBAGE", "NORMAL",
                    "PATROL", new NewCase.Location("九亭大街 89 号", null, null, null), "路口东侧", externalRef), "huanwei1")
                    .record().caseNo();
            filed.countDown();
            try {
                release.await(30, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return caseNo;
        }));
    }

    /** Waits until a session of the database waits for another's lock (the second report's insert, on the reference's key). */
    private void awaitBlockedInsert() throws InterruptedException {
        for (int i = 0; i < 500; i++) {
            // an insert of a case takes well under a millisecond: one seen running is waiting for the other's key
            if (jdbc.queryForObject("select count(*) from information_schema.sessions"
                    + " where executing_statement like 'insert into rect_case (%'", Integer.class) > 0) {
                return;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("the second report never waited for the first one's insert: no collision");
    }

    /**
     * relreview s58 L6: two reports of one external reference at the same moment, the first one's transaction held open.
     * The second waits on the reference's key; when the first commits meanwhile, the second is answered as a resend (200,
     * the same case); when the first is still being written past H2's lock timeout (2 s), the second is told in Chinese
     * that this reference is being filed right now and to send again (409 EXTERNAL_REF_BEING_FILED, not the generic
     * “已被他人处理”), nothing of its saved, and sent again once the first has committed it gets that case.
     */
    @Test
    void aReportOfAReferenceFiledAtThatVeryMomentGetsThatCaseOrIsToldToSendAgain() throws Exception {
        var threads = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            // the first commits while the second waits for it
            var filed = new java.util.concurrent.CountDownLatch(1);
            var release = new java.util.concurrent.CountDownLatch(1);
            var first = heldOpen(threads, "12345-L6-0001", filed, release);
            assertThat(filed.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            var second = threads.submit(() -> as("huanwei1").postForEntity("/api/cases",
                    json(body("EXPOSED_GARBAGE", null, "九亭大街 89 号", "12345-L6-0001")), Map.class));
            awaitBlockedInsert();
            release.countDown();
            String caseNo = first.get(30, java.util.concurrent.TimeUnit.SECONDS);
            ResponseEntity<Map> resend = second.get(30, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(resend.getStatusCode()).as("%s", resend.getBody()).isEqualTo(HttpStatus.OK);
            assertThat(resend.getBody()).containsEntry("caseNo", caseNo);

            // the first is still being written when the second's wait runs out
            var filed2 = new java.util.concurrent.CountDownLatch(1);
            var release2 = new java.util.concurrent.CountDownLatch(1);
            var slow = heldOpen(threads, "12345-L6-0002", filed2, release2);
            assertThat(filed2.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            long started = System.nanoTime();
            ResponseEntity<Map> told;
            try {
                var late = threads.submit(() -> as("huanwei1").postForEntity("/api/cases",
                        json(body("EXPOSED_GARBAGE", null, "九亭大街 89 号", "12345-L6-0002")), Map.class));
                awaitBlockedInsert();
                told = late.get(30, java.util.concurrent.TimeUnit.SECONDS);
            } finally {
                release2.countDown();
            }
            assertThat(java.time.Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(java.time.Duration.ofSeconds(2));
            assertThat(told.getStatusCode()).as("%s", told.getBody()).isEqualTo(HttpStatus.CONFLICT);
            assertThat(errors(told)).singleElement().satisfies(e -> assertThat(e).containsEntry("code", "EXTERNAL_REF_BEING_FILED")
                    .hasEntrySatisfying("message", m -> assertThat((String) m).contains("12345-L6-0002", "正由另一请求同时上报", "重新提交")
                            .doesNotContain("已被他人处理")));
            String slowCaseNo = slow.get(30, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(jdbc.queryForObject("select count(*) from rect_case where external_ref = '12345-L6-0002'", Integer.class)).isOne();
            ResponseEntity<Map> again = as("huanwei1").postForEntity("/api/cases",
                    json(body("EXPOSED_GARBAGE", null, "九亭大街 89 号", "12345-L6-0002")), Map.class);
            assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(again.getBody()).containsEntry("caseNo", slowCaseNo);
        } finally {
            threads.shutdownNow();
        }
    }

    /**
     * jtreview T6: a survey point's overflowing bin is filed as 果壳箱 with source 满意度测评 (the report page offers the
     * survey 大类 only for problems that fit no patrol category) and takes 九亭's bin limit, 1 工作日 (方案附件2：垃圾日产日清),
     * not the 公共设施 大类's 5 工作日, which stays for what only the survey 大类 cover (a broken bus shelter).
     */
    @Test
    @SuppressWarnings("unchecked")
    void aSurveyProblemOfAPatrolCategoryTakesThatCategorysLimit() {
        ResponseEntity<Map> bin = as("chuangban1").postForEntity("/api/cases", json("""
                {"title":"九亭公园门口果壳箱满溢","category":"LITTER_BIN","source":"SURVEY","location":{"address":"九亭公园南门"}}
                """), Map.class);
        assertThat(bin.getStatusCode()).as("%s", bin.getBody()).isEqualTo(HttpStatus.CREATED);
        assertThat(bin.getBody()).containsEntry("leadUnit", "huanwei");
        Map<String, Object> binRecord = (Map<String, Object>) as("chuangban1")
                .getForObject("/api/cases/" + bin.getBody().get("caseNo"), Map.class).get("record");
        assertThat(binRecord).containsEntry("source", "SURVEY").containsEntry("limitAmount", 1).containsEntry("limitUnit", "WORKING_DAYS");

        ResponseEntity<Map> shelter = as("chuangban1").postForEntity("/api/cases", json("""
                {"title":"九亭公园候车亭座椅破损","category":"SURVEY_PUBLIC_FACILITIES","source":"SURVEY","location":{"address":"九亭公园南门"}}
                """), Map.class);
        assertThat(shelter.getStatusCode()).as("%s", shelter.getBody()).isEqualTo(HttpStatus.CREATED);
        Map<String, Object> shelterRecord = (Map<String, Object>) as("chuangban1")
                .getForObject("/api/cases/" + shelter.getBody().get("caseNo"), Map.class).get("record");
        assertThat(shelterRecord).containsEntry("limitAmount", 5).containsEntry("limitUnit", "WORKING_DAYS");
    }

    /**
     * A survey 大类 is for a 满意度测评 case only where the town has patrol categories too (九亭), whoever sends it and
     * however the source is written: the API refuses what the 上报问题 page does not offer, naming the category, and
     * saves nothing. 松江区 has only the 大类 and files any source under them.
     */
    @Test
    void aSurveyCategoryWithAnotherSourceIsRefusedWhereTheTownHasPatrolCategories() {
        long count = cases();
        for (String source : List.of("PATROL", "巡查", "SELF_INSPECTION")) {
            ResponseEntity<Map> refused = as("chuangban1").postForEntity("/api/cases", json("""
                    {"title":"九亭公园候车亭座椅破损","category":"SURVEY_PUBLIC_FACILITIES","source":"%s","location":{"address":"九亭公园南门"}}
                    """.formatted(source)), Map.class);
            assertThat(refused.getStatusCode()).as(source).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(errors(refused)).as(source).singleElement().satisfies(e -> assertThat(e).containsEntry("field", "category")
                    .containsEntry("code", "SURVEY_CATEGORY_NEEDS_SURVEY_SOURCE")
                    .hasEntrySatisfying("message", m -> assertThat((String) m).contains("公共设施", "满意度测评")));
        }
        assertThat(cases()).isEqualTo(count);

        ResponseEntity<Map> district = as("sjshirongban1").postForEntity("/api/cases", json("""
                {"title":"人民北路人行道破损","category":"SURVEY_URBAN_ROADS","source":"JOINT_INSPECTION","location":{"address":"人民北路 77 号"}}
                """), Map.class);
        assertThat(district.getStatusCode()).as("%s", district.getBody()).isEqualTo(HttpStatus.CREATED);
    }

    /**
     * jtreview T1: 乱晾晒 goes to 各居委会 by the table, and to one committee by the case: the one its reporter belongs to, the
     * one it names as its 社区, the one whose 居民区 its zone lies in. The other committee neither reads nor claims it.
     */
    @Test
    @SuppressWarnings("unchecked")
    void aCaseForTheCommitteesGoesToTheOneCommitteeItsReporterSocietyOrZoneNames() {
        ResponseEntity<Map> own = as("juwei02a").postForEntity("/api/cases", json("""
                {"title":"小区沿街阳台乱晾晒","category":"HANGING_LAUNDRY","source":"SELF_INSPECTION","location":{"address":"沪亭北路 300 弄"}}
                """), Map.class);
        assertThat(own.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(own.getBody()).containsEntry("leadUnit", "juwei02").containsEntry("leadUnitName", "第二居委会");

        ResponseEntity<Map> named = as("lvrong1").postForEntity("/api/cases", json("""
                {"title":"涞坊路阳台乱晾晒","category":"HANGING_LAUNDRY","source":"PATROL",
                 "location":{"address":"涞坊路 500 弄","community":"第一居委会"}}
                """), Map.class);
        assertThat(named.getBody()).containsEntry("leadUnit", "juwei01");
        String caseNo = (String) named.getBody().get("caseNo");
        assertThat(as("juwei02a").getForEntity("/api/cases/" + caseNo, Map.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        String claimTask = taskService.createTaskQuery().processInstanceBusinessKey(caseNo).singleResult().getId();
        assertThat(as("juwei02a").postForEntity("/engine-rest/task/" + claimTask + "/claim", json("{\"userId\":\"juwei02a\"}"),
                String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as("juwei01a").postForEntity("/engine-rest/task/" + claimTask + "/claim", json("{\"userId\":\"juwei01a\"}"),
                String.class).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

        jdbc.update("insert into zone (tenant_id, zone_no, holder_name, holder_type, address, community, road_class, person,"
                + " owner_group, status, created_at) values ('jiuting', 'T1-Z-1', '易富路 88 弄 12 号楼', 'RESIDENTIAL', '易富路 88 弄 12 号',"
                + " '第二居委会', 'OTHER', '高经理', 'wuye02', 'ACTIVE', current_timestamp)");
        try {
            // 楼道堆物: 各物业公司 leads, 各居委会 and 城建中心 help; the zone tells both the company and the committee
            ResponseEntity<Map> zoned = as("lvrong1").postForEntity("/api/cases", json("""
                    {"title":"楼道堆物","category":"STAIRWELL_CLUTTER","source":"PATROL","location":{"address":"易富路 88 弄 12 号楼道"}}
                    """), Map.class);
            assertThat(zoned.getBody()).containsEntry("leadUnit", "wuye02");
            Map<String, Object> view = as("chuangban1").getForObject("/api/cases/" + zoned.getBody().get("caseNo"), Map.class);
            assertThat((Map<String, Object>) view.get("record")).containsEntry("responsibleUnits", "juwei02,chengjian");

            ResponseEntity<Map> nowhere = as("lvrong1").postForEntity("/api/cases", json("""
                    {"title":"楼道堆物","category":"STAIRWELL_CLUTTER","source":"PATROL","location":{"address":"易富路 90 弄 3 号楼道"}}
                    """), Map.class);
            String unassigned = (String) nowhere.getBody().get("caseNo");
            assertThat(nowhere.getBody()).containsEntry("leadUnit", "chuangban");
            assertThat(taskService.createTaskQuery().processInstanceBusinessKey(unassigned).singleResult().getTaskDefinitionKey())
                    .as("the office assigns it").isEqualTo("Task_RedispatchCase");
        } finally {
            jdbc.update("delete from zone where zone_no = 'T1-Z-1'");
        }
    }

    /** 属地 by name or id, and the 社区; a case that names none lies in the organisation's own territory. */
    @Test
    @SuppressWarnings("unchecked")
    void territoryAndCommunityAreRecordedAndReturned() {
        ResponseEntity<Map> named = as("lvrong1").postForEntity("/api/cases", json("""
                {"title":"涞坊路垃圾堆放","category":"EXPOSED_GARBAGE","source":"PATROL",
                 "location":{"address":"涞坊路 100 号","territory":"九亭镇","community":"涞坊社区"}}
                """), Map.class);
        assertThat(named.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(named.getBody()).containsEntry("territory", "jiuting").containsEntry("territoryName", "九亭镇")
                .containsEntry("community", "涞坊社区");
        String caseNo = (String) named.getBody().get("caseNo");
        Map<String, Object> view = as("lvrong1").getForObject("/api/cases/" + caseNo, Map.class);
        assertThat((Map<String, Object>) view.get("record")).containsEntry("territory", "jiuting").containsEntry("community", "涞坊社区");
        assertThat(view).containsEntry("territoryName", "九亭镇");
        List<Map<String, Object>> items = (List<Map<String, Object>>) as("chuangban1")
                .getForObject("/api/cases?size=200", Map.class).get("items");
        assertThat(items).filteredOn(i -> caseNo.equals(i.get("caseNo"))).singleElement().satisfies(i ->
                assertThat(i).containsEntry("territory", "jiuting").containsEntry("territoryName", "九亭镇")
                        .containsEntry("community", "涞坊社区").containsEntry("title", "涞坊路垃圾堆放"));

        ResponseEntity<Map> byDefault = as("lvrong1").postForEntity("/api/cases", json(body("EXPOSED_GARBAGE", "NORMAL", "九亭大街 9 号", null)), Map.class);
        assertThat(byDefault.getBody()).containsEntry("territory", "jiuting").containsEntry("community", null);
        ResponseEntity<Map> byId = as("lvrong1").postForEntity("/api/cases", json("""
                {"title":"沪亭北路垃圾","category":"EXPOSED_GARBAGE","source":"PATROL","location":{"address":"沪亭北路 1 号","territory":"jiuting"}}
                """), Map.class);
        assertThat(byId.getBody()).containsEntry("territory", "jiuting");
    }

    @Test
    void anUnknownTerritoryOrABadCommunityIsNamed() {
        long count = cases();
        ResponseEntity<Map> refused = as("lvrong1").postForEntity("/api/cases", json("""
                {"title":"路面垃圾","category":"EXPOSED_GARBAGE","source":"PATROL",
                 "location":{"address":"新桥镇某路","territory":"新桥镇","community":"社区\\u0009"}}
                """), Map.class);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(errors(refused)).extracting(e -> e.get("field"), e -> e.get("code")).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("location.territory", "UNKNOWN_TERRITORY"),
                org.assertj.core.groups.Tuple.tuple("location.community", "INVALID_CHARACTER"));
        assertThat(errors(refused)).anySatisfy(e -> assertThat((String) e.get("message")).startsWith("未知的属地：新桥镇"));
        assertThat(cases()).isEqualTo(count);
    }

    /** 来源 and 紧急程度 as a town writes them (满意度测评, 紧急) are taken as their codes. */
    @Test
    @SuppressWarnings("unchecked")
    void sourceAndUrgencyMayBeWrittenInChinese() {
        ResponseEntity<Map> created = as("huanwei1").postForEntity("/api/cases", json(body("EXPOSED_GARBAGE", "紧急", "九亭大街 90 号",
                "SRC-API-1").replace("\"PATROL\"", "\"满意度测评\"")), Map.class);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat((Map<String, Object>) as("huanwei1").getForObject("/api/cases/" + created.getBody().get("caseNo"), Map.class).get("record"))
                .containsEntry("source", "SURVEY").containsEntry("urgency", "URGENT");
    }

    static String report(String category, String urgency, String source, String externalRef) {
        return """
                {"title":"九亭大街 5 号乱张贴","category":%s,"urgency":%s,"source":%s,
                 "location":{"address":"九亭大街 5 号"},"externalRef":%s}
                """.formatted(quote(category), quote(urgency), quote(source), quote(externalRef));
    }

    /**
     * s50 F1: the references of Shirong's own flows (a meeting decision, a 门责 hand-over, a campaign finding) are no
     * one's to report under, written in any case or full-width, not even the office's or an administrator's.
     */
    @Test
    void referencesReservedForShirongsOwnFlowsAreRefusedInAnyCaseAndWidth() {
        long count = cases();
        for (String user : List.of("lvrong1", "chuangban1", "admin")) {
            for (String ref : List.of("meeting-JT-DEMO-jointMeeting-20261207T0100Z-1", "ZONE-jiuting-2", "zone-jiuting-2",
                    "ＺＯＮＥ－jiuting-3", "Campaign:JT-DEMO:1:1", "ｃａｍｐａｉｇｎ：JT-DEMO:1:2", " MEETING-JT-DEMO-x-1")) {
                ResponseEntity<Map> refused = as(user).postForEntity("/api/cases" + (user.equals("admin") ? "?organization=jiuting" : ""),
                        json(report("ILLEGAL_POSTING", "NORMAL", "PATROL", ref)), Map.class);
                assertThat(refused.getStatusCode()).as(user + " " + ref).isEqualTo(HttpStatus.BAD_REQUEST);
                assertThat(errors(refused)).singleElement().satisfies(e -> assertThat(e).containsEntry("field", "externalRef")
                        .containsEntry("code", "RESERVED_EXTERNAL_REF")
                        .hasEntrySatisfying("message", m -> assertThat((String) m).startsWith("外部编号不能以 meeting-、ZONE-、campaign: 开头")));
            }
        }
        assertThat(cases()).isEqualTo(count);
        // an outside number that merely contains such a word is anyone's
        assertThat(as("lvrong1").postForEntity("/api/cases", json(report("ILLEGAL_POSTING", "NORMAL", "PATROL", "12345-meeting-ZONE-1")),
                Map.class).getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }

    /**
     * s53 S1: an outside number copied with an invisible character (zero-width space, word joiner, BOM, soft hyphen),
     * with spaces around it or written full-width is the same number: the report answers the case that holds it instead
     * of opening a second one, the case keeps the plain number, and the check of Shirong's own references sees through it.
     */
    @Test
    @SuppressWarnings("unchecked")
    void anOutsideNumberWithInvisibleCharactersIsTheSameNumberNotASecondCase() {
        ResponseEntity<Map> first = as("huanwei1").postForEntity("/api/cases",
                json(body("EXPOSED_GARBAGE", "NORMAL", "九亭大街 53 号", "12345-S53-0001")), Map.class);
        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String caseNo = (String) first.getBody().get("caseNo");
        long count = cases();
        for (String ref : List.of("12345-S53-0001\\u200B", "\\uFEFF12345-S53-0001", "12345-S53\\u2060-0001",
                "１２３４５-Ｓ53-0001", " 12345-S53-0001\\u00AD\\u3000")) {
            ResponseEntity<Map> again = as("huanwei1").postForEntity("/api/cases",
                    json(body("EXPOSED_GARBAGE", "NORMAL", "九亭大街 53 号", ref)), Map.class);
            assertThat(again.getStatusCode()).as(ref).isEqualTo(HttpStatus.OK);
            assertThat(again.getBody()).as(ref).containsEntry("caseNo", caseNo);
        }
        // a reporter who may not read that case is told the number is taken, as for the plain number
        ResponseEntity<String> taken = as("lvrong1").postForEntity("/api/cases",
                json(body("EXPOSED_GARBAGE", "NORMAL", "九亭大街 53 号", "12345-S53-0001\\u200B")), String.class);
        assertThat(taken.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(taken.getBody()).contains("EXTERNAL_REF_TAKEN", caseNo, "外部编号“12345-S53-0001”");
        assertThat(cases()).isEqualTo(count);
        assertThat((Map<String, Object>) as("huanwei1").getForObject("/api/cases/" + caseNo, Map.class).get("record"))
                .containsEntry("externalRef", "12345-S53-0001");

        ResponseEntity<Map> reserved = as("lvrong1").postForEntity("/api/cases",
                json(report("ILLEGAL_POSTING", "NORMAL", "PATROL", "\\u200BZONE-jiuting-5")), Map.class);
        assertThat(reserved.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(errors(reserved)).extracting(e -> e.get("field") + ":" + e.get("code")).containsExactly("externalRef:RESERVED_EXTERNAL_REF");
        assertThat(cases()).isEqualTo(count);
    }

    /**
     * s55 S3: the other characters that show nothing (Unicode's Default_Ignorable_Code_Point: the combining grapheme
     * joiner, variation selector 16, Hangul fillers; and the blank Braille pattern) and a number written with a
     * non-breaking hyphen or a dash are the same number too; a title or an address made of such characters only is blank.
     */
    @Test
    void anOutsideNumberWithIgnorableCharactersOrDashesIsTheSameNumberAndInvisibleTextIsBlank() {
        ResponseEntity<Map> first = as("huanwei1").postForEntity("/api/cases",
                json(body("EXPOSED_GARBAGE", "NORMAL", "九亭大街 55 号", "12345-S55-0001")), Map.class);
        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String caseNo = (String) first.getBody().get("caseNo");
        long count = cases();
        for (String ref : List.of("12345-S55-0001\u034F", "12345-S55-0001\u3164", "12345\u2011S55-0001", "12345-S55-0001\u115F",
                "12345-S55-0001\uFE0F", "12345-S55-0001\u2800", "12345\u2013S55\u2212\uDB40\uDD00" + "0001",
                "12345-S55-0001\u180F")) {
            ResponseEntity<Map> again = as("huanwei1").postForEntity("/api/cases",
                    json(body("EXPOSED_GARBAGE", "NORMAL", "九亭大街 55 号", ref)), Map.class);
            assertThat(again.getStatusCode()).as(ref).isEqualTo(HttpStatus.OK);
            assertThat(again.getBody()).as(ref).containsEntry("caseNo", caseNo);
        }
        assertThat(cases()).isEqualTo(count);

        ResponseEntity<Map> invisible = as("lvrong1").postForEntity("/api/cases", json("""
                {"title":"\u034f\ufe0f","category":"EXPOSED_GARBAGE","source":"PATROL","location":{"address":"\u034f\ufe0f\u3164"}}"""),
                Map.class);
        assertThat(invisible.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(errors(invisible)).extracting(e -> e.get("field") + ":" + e.get("code"))
                .contains("title:REQUIRED", "location.address:REQUIRED");
        assertThat(cases()).isEqualTo(count);
    }

    /**
     * s53 S2: the controls of writing direction (U+202E turns "\\u202E号 9 街大亭九" into 九亭大街 9 号 on screen, and what
     * follows it) are refused in every text of a report, naming the field, and in a task form sent through /engine-rest;
     * nothing is saved.
     */
    @Test
    void directionControlsAreRefusedNamingTheFieldInAReportAndATaskForm() {
        long count = cases();
        ResponseEntity<Map> refused = as("lvrong1").postForEntity("/api/cases", json("""
                {"title":"正常标题\\u2067s53\\u2069","category":"EXPOSED_GARBAGE","source":"PATROL",
                 "location":{"address":"\\u202E号 9 街大亭九"},"description":"第一行\\n\\u202A第二行"}"""), Map.class);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(errors(refused)).extracting(e -> e.get("field") + ":" + e.get("code")).containsExactlyInAnyOrder(
                "title:INVALID_CHARACTER", "location.address:INVALID_CHARACTER", "description:INVALID_CHARACTER");
        assertThat(errors(refused)).filteredOn(e -> "location.address".equals(e.get("field"))).singleElement()
                .satisfies(e -> assertThat((String) e.get("message")).contains("地点", "U+202E", "第 1 个字", "方向"));
        assertThat(cases()).isEqualTo(count);

        Task rectify = rectifyTask("沪松公路 53 号");
        ResponseEntity<String> form = as("huanwei1").postForEntity("/engine-rest/task/" + rectify.getId() + "/complete", json(
                "{\"variables\":{\"rectifyAction\":{\"value\":\"submit\"},\"measures\":{\"value\":\"已清理\\u202Efdp.exe\"}}}"),
                String.class);
        assertThat(form.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(form.getBody()).contains("U+202E", "方向");
        assertThat(taskService.createTaskQuery().taskId(rectify.getId()).count()).as("the task is still open").isOne();
    }

    /** s50 F2: 会议决定 comes only from a meeting's record, never from a report, whoever sends it. */
    @Test
    void noOneReportsAMeetingDecisionThroughTheApi() {
        long count = cases();
        for (String user : List.of("lvrong1", "chuangban1")) {
            for (String source : List.of("MEETING", "meeting", "会议决定")) {
                ResponseEntity<Map> refused = as(user).postForEntity("/api/cases", json(report("ILLEGAL_POSTING", "NORMAL", source, null)), Map.class);
                assertThat(refused.getStatusCode()).as(user + " " + source).isEqualTo(HttpStatus.BAD_REQUEST);
                assertThat(errors(refused)).singleElement().satisfies(e -> assertThat(e).containsEntry("field", "source")
                        .containsEntry("code", "MEETING_SOURCE"));
            }
        }
        assertThat(cases()).isEqualTo(count);
    }

    /**
     * s50 F2: 12345, 市级明查暗访 and 联合检查 weigh double or are the inspectors' work: a clerk may not choose them (403 naming
     * the field and who may), the office and the 督导检查组 may.
     */
    @Test
    @SuppressWarnings("unchecked")
    void onlyTheOfficeAndTheInspectorsChooseTheSourcesThatWeighDouble() {
        long count = cases();
        for (String source : List.of("CITIZEN", "12345", "SPOT_CHECK", "明查暗访", "JOINT_INSPECTION")) {
            ResponseEntity<Map> refused = as("lvrong1").postForEntity("/api/cases", json(report("ILLEGAL_POSTING", "NORMAL", source, null)), Map.class);
            assertThat(refused.getStatusCode()).as(source).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(errors(refused)).singleElement().satisfies(e -> assertThat(e).containsEntry("field", "source")
                    .containsEntry("code", "SOURCE_NOT_PERMITTED")
                    .hasEntrySatisfying("message", m -> assertThat((String) m).contains("只有九亭镇的创建工作办公室、督导检查组", "描述")));
        }
        // a unit head (in the leading group) is no office either
        assertThat(as("huanwei1").postForEntity("/api/cases", json(report("EXPOSED_GARBAGE", "NORMAL", "CITIZEN", null)), Map.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(cases()).isEqualTo(count);
        ResponseEntity<Map> office = as("chuangban1").postForEntity("/api/cases", json(report("ILLEGAL_POSTING", "NORMAL", "CITIZEN", null)), Map.class);
        assertThat(office.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        ResponseEntity<Map> inspector = as("ducha2").postForEntity("/api/cases", json(report("ILLEGAL_POSTING", "URGENT", "SPOT_CHECK", null)), Map.class);
        assertThat(inspector.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat((Map<String, Object>) as("admin").getForObject("/api/cases/" + inspector.getBody().get("caseNo"), Map.class).get("record"))
                .containsEntry("source", "SPOT_CHECK").containsEntry("urgency", "URGENT");
    }

    /**
     * jtreview-s56 T9: 九亭镇's organization.yaml ({@code reporters:}) lets 城管中队, which the plan charges with 投诉举报,
     * report 市民反映（12345）, and 执法整治组 (联合执法) report 联合检查; each only its own source, and 市级明查暗访 stays the
     * office's. The picker offers what the report accepts, and a refusal names the groups the file adds.
     */
    @Test
    @SuppressWarnings("unchecked")
    void theGroupsAnOrganisationNamesReportTheirRestrictedSourceAndOnlyThat() {
        assertThat((List<Map<String, Object>>) as("chengguan2").getForObject("/api/cases/sources", List.class))
                .extracting(s -> s.get("code")).containsExactly("PATROL", "SELF_INSPECTION", "SURVEY", "CITIZEN");
        assertThat((List<Map<String, Object>>) as("zhifa1").getForObject("/api/cases/sources", List.class))
                .extracting(s -> s.get("code")).containsExactly("PATROL", "SELF_INSPECTION", "JOINT_INSPECTION", "SURVEY");
        // 城管中队's head is also in 执法整治组
        assertThat((List<Map<String, Object>>) as("chengguan1").getForObject("/api/cases/sources", List.class))
                .extracting(s -> s.get("code")).contains("CITIZEN", "JOINT_INSPECTION").doesNotContain("SPOT_CHECK");
        long count = cases();
        ResponseEntity<Map> joint = as("chengguan2").postForEntity("/api/cases", json(report("ILLEGAL_POSTING", "NORMAL",
                "JOINT_INSPECTION", null)), Map.class);
        assertThat(joint.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(errors(joint)).singleElement().satisfies(e -> assertThat(e).containsEntry("field", "source")
                .containsEntry("code", "SOURCE_NOT_PERMITTED").hasEntrySatisfying("message", m -> assertThat((String) m)
                        .contains("只有九亭镇的创建工作办公室、督导检查组、领导小组组长、副组长、执法整治组和区市容管理专项办公室可以选择")
                        .contains("日常巡查、单位自查、满意度测评点位问题或市民反映（12345）")));
        ResponseEntity<Map> citizen = as("zhifa1").postForEntity("/api/cases", json(report("ILLEGAL_POSTING", "NORMAL", "12345",
                null)), Map.class);
        assertThat(citizen.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat((String) errors(citizen).get(0).get("message")).contains("副组长、城管中队和区市容管理专项办公室可以选择");
        assertThat(as("chengguan1").postForEntity("/api/cases", json(report("ILLEGAL_POSTING", "NORMAL", "SPOT_CHECK", null)),
                Map.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(cases()).isEqualTo(count);

        ResponseEntity<Map> complaint = as("chengguan2").postForEntity("/api/cases", json(report("ILLEGAL_POSTING", "NORMAL",
                "CITIZEN", null)), Map.class);
        assertThat(complaint.getStatusCode()).as(String.valueOf(complaint.getBody())).isEqualTo(HttpStatus.CREATED);
        ResponseEntity<Map> inspection = as("zhifa1").postForEntity("/api/cases", json(report("ILLEGAL_POSTING", "NORMAL",
                "JOINT_INSPECTION", null)), Map.class);
        assertThat(inspection.getStatusCode()).as(String.valueOf(inspection.getBody())).isEqualTo(HttpStatus.CREATED);
        assertThat((Map<String, Object>) as("admin").getForObject("/api/cases/" + complaint.getBody().get("caseNo"), Map.class)
                .get("record")).containsEntry("source", "CITIZEN");
        assertThat((Map<String, Object>) as("admin").getForObject("/api/cases/" + inspection.getBody().get("caseNo"), Map.class)
                .get("record")).containsEntry("source", "JOINT_INSPECTION");
    }

    /**
     * s50 F2: 紧急 is the office's and the inspectors' to give, or the reporter's when the case is their own unit's (the
     * dispatch table makes it lead): a 绿容所 clerk may not mark 环卫所's case urgent, 环卫所 may. What is also invalid is
     * answered first, naming both.
     */
    @Test
    void onlyTheOfficeTheInspectorsOrTheLeadUnitItselfMarkACaseUrgent() {
        long count = cases();
        ResponseEntity<Map> refused = as("lvrong1").postForEntity("/api/cases", json(report("EXPOSED_GARBAGE", "URGENT", "PATROL", null)), Map.class);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(errors(refused)).singleElement().satisfies(e -> assertThat(e).containsEntry("field", "urgency")
                .containsEntry("code", "URGENCY_NOT_PERMITTED")
                .hasEntrySatisfying("message", m -> assertThat((String) m).contains("本问题由环卫所牵头", "创建工作办公室", "描述")));
        ResponseEntity<Map> both = as("lvrong1").postForEntity("/api/cases", json(report("EXPOSED_GARBAGE", "紧急", "12345", null)
                .replace("\"title\":\"九亭大街 5 号乱张贴\"", "\"title\":\" \"")), Map.class);
        assertThat(both.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(errors(both)).extracting(e -> e.get("field") + ":" + e.get("code"))
                .containsExactlyInAnyOrder("title:REQUIRED", "source:SOURCE_NOT_PERMITTED", "urgency:URGENCY_NOT_PERMITTED");
        assertThat(cases()).isEqualTo(count);
        assertThat(as("huanwei1").postForEntity("/api/cases", json(report("EXPOSED_GARBAGE", "URGENT", "PATROL", null)), Map.class)
                .getStatusCode()).as("环卫所's own case").isEqualTo(HttpStatus.CREATED);
        assertThat(as("chuangban1").postForEntity("/api/cases", json(report("EXPOSED_GARBAGE", "URGENT", "PATROL", null)), Map.class)
                .getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }

    /**
     * s50 F1: an outside number is still one case per organisation, but whoever cannot read the case holding it is told
     * which case holds it and its lead unit, so that a number registered first by someone else can be taken up.
     */
    @Test
    void aReferenceTakenByACaseTheReporterCannotReadNamesThatCase() {
        String ref = "12345-S50-" + System.nanoTime();
        ResponseEntity<Map> first = as("lvrong1").postForEntity("/api/cases", json(body("EXPOSED_GARBAGE", "NORMAL", "九亭大街 9 号", ref)), Map.class);
        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String caseNo = (String) first.getBody().get("caseNo");
        ResponseEntity<Map> taken = as("chengguan2").postForEntity("/api/cases", json(body("ILLEGAL_STALL", "NORMAL", "九亭大街 9 号", ref)), Map.class);
        assertThat(taken.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(errors(taken)).singleElement().satisfies(e -> assertThat(e).containsEntry("code", "EXTERNAL_REF_TAKEN")
                .hasEntrySatisfying("message", m -> assertThat((String) m).contains(ref, "已用于案件 " + caseNo + "（牵头单位 环卫所）")
                        .doesNotContain("九亭大街垃圾堆放")));
    }

    @Test
    void everyBadFieldIsNamedAndNothingIsSaved() {
        long count = cases();
        ResponseEntity<Map> unknown = as("lvrong1").postForEntity("/api/cases", json(body("NO_SUCH", "NORMAL", "九亭大街", null)), Map.class);
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(errors(unknown)).singleElement().satisfies(e -> assertThat(e)
                .containsEntry("field", "category").containsEntry("code", "UNKNOWN_CATEGORY"));
        assertThat((String) errors(unknown).get(0).get("message")).contains("未知的问题类别");

        ResponseEntity<Map> empty = as("lvrong1").postForEntity("/api/cases", json(body("EXPOSED_GARBAGE", "NORMAL", "  ", null)), Map.class);
        assertThat(errors(empty)).extracting(e -> e.get("field")).containsExactly("location.address");

        ResponseEntity<Map> urgency = as("lvrong1").postForEntity("/api/cases", json(body("EXPOSED_GARBAGE", "VERY", "九亭大街", null)), Map.class);
        assertThat(errors(urgency)).extracting(e -> e.get("code")).containsExactly("INVALID_URGENCY");

        ResponseEntity<Map> several = as("lvrong1").postForEntity("/api/cases",
                json("{\"category\":\"X\",\"urgency\":\"LOW\",\"source\":\"RUMOUR\"}"), Map.class);
        assertThat(errors(several)).extracting(e -> e.get("field"))
                .containsExactlyInAnyOrder("title", "category", "urgency", "source", "location.address");

        ResponseEntity<Map> malformed = as("lvrong1").postForEntity("/api/cases", json("{\"title\":"), Map.class);
        assertThat(malformed.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(errors(malformed)).extracting(e -> e.get("code")).containsExactly("MALFORMED_JSON");

        assertThat(cases()).isEqualTo(count);
    }

    /** A grid cell longer than its column (varchar(64)) is named with its limit; nothing is saved, no SQL is shown. */
    @Test
    void anOverLongGridCellIsNamedWithItsLimitAndNothingIsSaved() {
        long count = cases();
        ResponseEntity<Map> refused = as("lvrong1").postForEntity("/api/cases", json("""
                {"title":"路面垃圾","category":"EXPOSED_GARBAGE","source":"PATROL","location":{"address":"x","gridCell":"%s"}}
                """.formatted("G".repeat(5000))), Map.class);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(errors(refused)).singleElement().satisfies(e -> {
            assertThat(e).containsEntry("field", "location.gridCell").containsEntry("code", "TOO_LONG");
            assertThat((String) e.get("message")).contains("网格编号", "64");
        });
        assertThat(refused.getBody().toString()).doesNotContain("GRID_CELL", "Exception");
        assertThat(cases()).isEqualTo(count);
    }

    /**
     * A coordinate rect_case cannot keep (decimal(9, 6)) is named with its range before anything rounds it: an exponent
     * that would overflow the rounding, out of range, or hundreds of decimals. An ordinary phone position is rounded.
     */
    @Test
    void aCoordinateNoColumnCanKeepIsNamedWithItsRangeAndNothingIsSaved() {
        long count = cases();
        String report = """
                {"title":"路面垃圾","category":"EXPOSED_GARBAGE","source":"PATROL","location":{"address":"九亭大街","lat":%s,"lng":%s}}
                """;
        for (String[] bad : new String[][] {{"1E-999999999", "1E+999999999"}, {"-1E+999999999", "0E-999999999"},
                {"31." + "1".repeat(900), "121." + "3".repeat(900)}}) {
            ResponseEntity<Map> refused = as("lvrong1").postForEntity("/api/cases", json(report.formatted(bad[0], bad[1])), Map.class);
            assertThat(refused.getStatusCode()).as(bad[0]).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(errors(refused)).as(bad[0]).extracting(e -> e.get("field") + " " + e.get("code") + " " + e.get("message"))
                    .containsExactlyInAnyOrder("location.lat OUT_OF_RANGE 纬度应在 -90 到 90 之间，最多 20 位小数",
                            "location.lng OUT_OF_RANGE 经度应在 -180 到 180 之间，最多 20 位小数");
        }
        // longer than the JSON reader takes a number (1000 characters): refused as it is read
        ResponseEntity<Map> unread = as("lvrong1").postForEntity("/api/cases", json(report.formatted("31." + "1".repeat(3000), "121.3")),
                Map.class);
        assertThat(unread.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(errors(unread)).singleElement().satisfies(e -> assertThat(e).containsEntry("field", "location"));
        assertThat(cases()).isEqualTo(count);

        ResponseEntity<Map> phone = as("lvrong1").postForEntity("/api/cases", json(report.formatted("31.123456789012345", "1.21E+2")),
                Map.class);
        assertThat(phone.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(jdbc.queryForMap("select lat, lng from rect_case where case_no = ?", phone.getBody().get("caseNo")).values())
                .map(v -> ((java.math.BigDecimal) v).toPlainString()).containsExactly("31.123457", "121.000000");
    }

    @Test
    void unknownCasesAndBadFiltersAreRefused() {
        ResponseEntity<Map> missing = as("chengguan1").getForEntity("/api/cases/JT-2026-999999", Map.class);
        assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(errors(missing)).extracting(e -> e.get("code")).containsExactly("CASE_NOT_FOUND");
        assertThat(as("chengguan1").getForEntity("/api/cases?status=FINISHED", Map.class).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(rest.postForEntity("/api/cases", json(body("EXPOSED_GARBAGE", "NORMAL", "九亭大街", null)), String.class)
                .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    /**
     * "The cases reported in November" as a list, an Excel ledger and a map: {@code from} and {@code to} are days in the
     * town's zone (a case reported at 00:30 on 1 November in Shanghai is November's, though it is still October in UTC),
     * both included; the ledger's filter line names them; a day that is no date, out of range or a range ending before
     * it begins is refused naming the parameter.
     */
    /**
     * jxreview J10: a town's ledger heads its columns with its plan's words (锦溪镇 牵头单位 / 责任单位 / 整治项目, 九亭镇
     * 牵头部门 / 配合部门; terms: in organization.yaml), has no 小项 where its categories have none nor 属地 where it has no
     * towns, lists the responsible units in the plan's order (not by id) and a source by the town's name for it; the
     * district keeps its columns.
     */
    @Test
    void aTownsLedgerUsesItsPlansWordsAndColumnsAndListsTheResponsibleUnitsInThePlansOrder() {
        ResponseEntity<Map> reported = as("jxtuijinban1").postForEntity("/api/cases", json("""
                {"title":"农贸市场南门占道经营","category":"REGULATE_ROAD_OCCUPYING_BUSINESS","source":"JOINT_INSPECTION",
                 "location":{"address":"锦溪镇农贸市场南门 J10 号"}}"""), Map.class);
        assertThat(reported.getStatusCode()).as("%s", reported.getBody()).isEqualTo(HttpStatus.CREATED);
        String caseNo = (String) reported.getBody().get("caseNo");

        XlsxDownload jinxi = XlsxDownload.of(as("jxtuijinban1").getForEntity("/api/cases/export.xlsx", byte[].class));
        assertThat(jinxi.headers()).contains("牵头单位", "责任单位", "整治项目", "村/社区", "来源")
                .doesNotContain("主责单位", "协办单位", "计划项目", "小项", "属地");
        var row = jinxi.data().stream().filter(r -> caseNo.equals(jinxi.text(r, "案件编号"))).findFirst().orElseThrow();
        assertThat(jinxi.text(row, "牵头单位")).isEqualTo("城管中队");
        assertThat(jinxi.text(row, "责任单位")).as("方案：创建办、市场监管分局、派出所、交警中队").isEqualTo("创建办、市场监管分局、派出所、交警中队");
        assertThat(jinxi.text(row, "来源")).isEqualTo("季检查（督促检查）");
        assertThat(XlsxDownload.of(as("jxtuijinban1").getForEntity("/api/cases/export.xlsx?unit=jxchengguan", byte[].class))
                .filterLine()).contains("牵头单位 城管中队");
        // the ledger of the cases a unit cooperates on is titled in the plan's words, not 协办
        XlsxDownload shuili = XlsxDownload.of(as("jxshuili1").getForEntity("/api/cases/export.xlsx?role=cooperating", byte[].class));
        assertThat(shuili.title()).isEqualTo("锦溪镇本单位（责任单位）案件台账");
        assertThat(shuili.filterLine()).contains("范围 作为责任单位的案件").doesNotContain("协办");
        XlsxDownload ofShuili = XlsxDownload.of(as("jxtuijinban1").getForEntity("/api/cases/export.xlsx?role=cooperating&unit=jxshuili",
                byte[].class));
        assertThat(ofShuili.title()).isEqualTo("锦溪镇水利站（责任单位）案件台账");
        assertThat(ofShuili.filterLine()).contains("责任单位 水利站").doesNotContain("协办");
        assertThat(XlsxDownload.of(as("zongguan1").getForEntity("/api/cases/export.xlsx?role=cooperating", byte[].class)).title())
                .isEqualTo("九亭镇本单位（配合部门）案件台账");

        XlsxDownload jiuting = XlsxDownload.of(as("chuangban2").getForEntity("/api/cases/export.xlsx", byte[].class));
        assertThat(jiuting.headers()).as("九亭镇: its categories have the survey's 小项, it has no towns")
                .contains("牵头部门", "配合部门", "整治项目", "小项").doesNotContain("属地", "牵头单位", "协办单位");
        // sjreview-s57 D16: the district's ledger in the words of its 驾驶舱, 月报, case page and 整改问题 form
        XlsxDownload district = XlsxDownload.of(as("sjshirongban1").getForEntity("/api/cases/export.xlsx", byte[].class));
        assertThat(district.headers()).contains("牵头单位", "协办单位", "整治项目", "小项", "属地").doesNotContain("主责单位", "计划项目");
    }

    /**
     * jxreview s55 J16: the head of 创建办 (also in 推进小组办公室, the inspectors) may not verify the 规范占道经营 case his
     * unit is 责任单位 of, so he may not claim its 核查整改结果 either, nor be assigned it: 400 in Chinese at the claim, the
     * task stays unclaimed for the other inspectors, as it does for whoever handed the round in.
     */
    @Test
    void aCooperatingUnitsStaffMayNotClaimOrBeAssignedTheCasesVerification() {
        ResponseEntity<Map> reported = as("jxtuijinban1").postForEntity("/api/cases", json("""
                {"title":"学校门口早餐摊占道","category":"REGULATE_ROAD_OCCUPYING_BUSINESS","source":"PATROL",
                 "location":{"address":"锦溪镇学校门口 J16 号"}}"""), Map.class);
        assertThat(reported.getStatusCode()).as("%s", reported.getBody()).isEqualTo(HttpStatus.CREATED);
        String caseNo = (String) reported.getBody().get("caseNo");
        CaseDriver driver = new CaseDriver(rest, jdbc, null);
        driver.complete("jxchengguan1", caseNo, "Task_ClaimCase", "{\"claimDecision\":{\"value\":\"claim\"}}");
        driver.complete("jxchengguan1", caseNo, "Task_RectifyProblem", "{\"rectifyAction\":{\"value\":\"submit\"},"
                + "\"measures\":{\"value\":\"已劝离\"},\"photoAfter\":{\"type\":\"File\",\"value\":\""
                + Base64.getEncoder().encodeToString(PNG) + "\",\"valueInfo\":{\"filename\":\"after.png\",\"mimetype\":\"image/png\"}}}");
        Task verify = taskService.createTaskQuery().processInstanceBusinessKey(caseNo)
                .taskDefinitionKey(RectificationProcess.TASK_VERIFY).singleResult();

        ResponseEntity<String> claimed = as("jxchuangjian1").postForEntity("/engine-rest/task/" + verify.getId() + "/claim",
                json("{\"userId\":\"jxchuangjian1\"}"), String.class);
        assertThat(claimed.getStatusCode()).as(claimed.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(claimed.getBody()).contains("您是协办单位（创建办）的人员，不能核查本单位参与整改的案件，请由其他核查人员核查");
        assertThat(taskService.createTaskQuery().taskId(verify.getId()).singleResult().getAssignee()).isNull();
        // given to him by a colleague of the office: refused alike, his groups read from the identity service
        ResponseEntity<String> assigned = as("jxtuijinban1").postForEntity("/engine-rest/task/" + verify.getId() + "/assignee",
                json("{\"userId\":\"jxchuangjian1\"}"), String.class);
        assertThat(assigned.getStatusCode()).as(assigned.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(assigned.getBody()).contains("您是协办单位（创建办）的人员");
        assertThat(taskService.createTaskQuery().taskId(verify.getId()).singleResult().getAssignee()).isNull();

        driver.complete("jxtuijinban1", caseNo, "Task_VerifyRectification",
                "{\"verificationResult\":{\"value\":\"pass\"},\"verificationComment\":{\"value\":\"已规范\"}}");
        assertThat(taskService.createTaskQuery().taskId(verify.getId()).singleResult()).isNull();
    }

    @Test
    @SuppressWarnings("unchecked")
    void casesAreListedAndExportedByTheDaysTheyWereReportedOnInTheTownsZone() {
        String[] reported = {"2026-10-31T15:30:00Z", "2026-10-31T16:30:00Z", "2026-12-01T00:00:00Z"};
        List<String> caseNos = new java.util.ArrayList<>();
        for (int i = 0; i < reported.length; i++) {
            String caseNo = (String) as("chuangban2").postForEntity("/api/cases",
                    json(body("EXPOSED_GARBAGE", "NORMAL", "沪松公路 " + (20 + i) + " 号", "REPORTED-DAYS-" + i)), Map.class)
                    .getBody().get("caseNo");
            jdbc.update("update rect_case set reported_at = ? where case_no = ?",
                    java.sql.Timestamp.from(java.time.Instant.parse(reported[i])), caseNo);
            caseNos.add(caseNo);
        }
        String november = "from=2026-11-01&to=2026-11-30";
        List<String> listed = ((List<Map<String, Object>>) as("chuangban2").getForObject("/api/cases?size=200&" + november, Map.class)
                .get("items")).stream().map(c -> (String) c.get("caseNo")).toList();
        assertThat(listed).contains(caseNos.get(1)).doesNotContain(caseNos.get(0), caseNos.get(2));

        XlsxDownload ledger = XlsxDownload.of(as("chuangban2").getForEntity("/api/cases/export.xlsx?" + november, byte[].class));
        assertThat(ledger.filterLine()).contains("上报日期 2026-11-01 至 2026-11-30");
        assertThat(ledger.data()).extracting(row -> row.getCell(1).getText()).contains(caseNos.get(1))
                .doesNotContain(caseNos.get(0), caseNos.get(2));
        List<String> mapped = ((List<Map<String, Object>>) as("chuangban2").getForObject("/api/cases/map?from=2026-12-01", Map.class)
                .get("points")).stream().map(p -> (String) p.get("caseNo")).toList();
        assertThat(mapped).contains(caseNos.get(2)).doesNotContain(caseNos.get(0), caseNos.get(1));

        for (String[] bad : new String[][] {{"from=2026-11-31", "from", "INVALID_DATE"}, {"to=11/30/2026", "to", "INVALID_DATE"},
                {"from=2026-11-01&to=2026-10-01", "to", "DATE_RANGE"}, {"from=1970-01-01", "from", "DATE_OUT_OF_RANGE"}}) {
            for (String endpoint : List.of("/api/cases?", "/api/cases/export.xlsx?", "/api/cases/map?")) {
                ResponseEntity<Map> refused = as("chuangban2").getForEntity(endpoint + bad[0], Map.class);
                assertThat(refused.getStatusCode()).as(endpoint + bad[0]).isEqualTo(HttpStatus.BAD_REQUEST);
                assertThat(errors(refused)).as(endpoint + bad[0]).singleElement()
                        .satisfies(e -> assertThat(e).containsEntry("field", bad[1]).containsEntry("code", bad[2]));
            }
        }
    }

    /**
     * User review s48, L4: a unit is named by its id or its name as a 属地 is, an unknown one is refused naming {@code unit}
     * (not an empty list); a status by its code or its Chinese name, a bad one refused with the values listed; a report's
     * category by its code or its name, as the import takes it.
     */
    @Test
    @SuppressWarnings("unchecked")
    void aUnitOrStatusMayBeNamedInChineseAnUnknownOneIsRefusedAndAReportTakesTheCategorysName() {
        ResponseEntity<Map> byName = as("lvrong1").postForEntity("/api/cases", json(body("暴露垃圾", "NORMAL", "九亭大街 91 号", null)),
                Map.class);
        assertThat(byName.getStatusCode()).as("%s", byName.getBody()).isEqualTo(HttpStatus.CREATED);
        String caseNo = (String) byName.getBody().get("caseNo");
        assertThat(byName.getBody()).containsEntry("leadUnit", "huanwei");
        assertThat((Map<String, Object>) as("lvrong1").getForObject("/api/cases/" + caseNo, Map.class).get("record"))
                .containsEntry("category", "EXPOSED_GARBAGE");
        ResponseEntity<Map> typo = as("lvrong1").postForEntity("/api/cases", json(body("暴露垃级", "NORMAL", "九亭大街 91 号", null)),
                Map.class);
        assertThat(errors(typo)).singleElement().satisfies(e -> assertThat((String) e.get("message")).contains("是否指：暴露垃圾"));

        List<Object> byId = caseNosOf(as("chuangban1").getForObject("/api/cases?unit=huanwei&status=DISPATCHED&size=200", Map.class));
        List<Object> byUnitName = caseNosOf(as("chuangban1").getForObject(
                "/api/cases?unit=环卫所&status=已派遣&size=200", Map.class));
        assertThat(byUnitName).contains(caseNo).isEqualTo(byId);
        for (String[] bad : new String[][] {{"/api/cases?unit=nosuch", "unit", "UNKNOWN_UNIT", "没有单位 \"nosuch\""},
                {"/api/cases/export.xlsx?unit=没有的所", "unit", "UNKNOWN_UNIT", "没有单位 \"没有的所\""},
                {"/api/cases?status=结案了", "status", "INVALID_VALUE", "可选值：REPORTED（已立案）、DISPATCHED（已派遣）"}}) {
            ResponseEntity<Map> refused = as("chuangban1").getForEntity(bad[0], Map.class);
            assertThat(refused.getStatusCode()).as(bad[0]).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(errors(refused)).as(bad[0]).singleElement().satisfies(e -> {
                assertThat(e).containsEntry("field", bad[1]).containsEntry("code", bad[2]);
                assertThat((String) e.get("message")).contains(bad[3]);
            });
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Object> caseNosOf(Map<String, Object> page) {
        return ((List<Map<String, Object>>) page.get("items")).stream().map(i -> i.get("caseNo")).toList();
    }

    /** A filter with control characters is named (400), not ignored; one of only invisible characters is left out like an empty one. */
    @Test
    void aFilterWithControlCharactersIsNamedAndOneOfOnlyInvisibleCharactersIsLeftOut() {
        for (String[] bad : new String[][] {{"/api/cases?unit=%01", "unit"}, {"/api/cases?campaign=%01", "campaign"},
                {"/api/cases?campaign=JT-DEMO%0A", "campaign"}, {"/api/cases/map?campaign=%01", "campaign"},
                {"/api/cases/export.xlsx?campaign=%01", "campaign"}, {"/api/cases/export.xlsx?unit=huanwei%1F", "unit"}}) {
            ResponseEntity<Map> refused = as("chuangban2").getForEntity(java.net.URI.create(bad[0]), Map.class);
            assertThat(refused.getStatusCode()).as(bad[0]).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(errors(refused)).as(bad[0]).singleElement().satisfies(e -> {
                assertThat(e).containsEntry("field", bad[1]).containsEntry("code", "INVALID_PARAMETER");
                assertThat((String) e.get("message")).startsWith("参数 " + bad[1] + " ");
            });
        }
        Object all = as("chuangban2").getForObject("/api/cases?size=1", Map.class).get("total");
        for (String invisible : List.of("/api/cases?size=1&campaign=%E2%80%8B", "/api/cases?size=1&unit=%E2%81%A0%EF%BB%BF")) {
            ResponseEntity<Map> answer = as("chuangban2").getForEntity(java.net.URI.create(invisible), Map.class);
            assertThat(answer.getStatusCode()).as(invisible).isEqualTo(HttpStatus.OK);
            assertThat(answer.getBody().get("total")).as(invisible).isEqualTo(all);
        }
    }

    @Test
    void theLeadUnitSubmitsPhotosThroughRestAndANonImageIsRefusedWith400() {
        String caseNo = (String) as("lvrong1").postForEntity("/api/cases", json(body("EXPOSED_GARBAGE", "NORMAL", "沪松公路 1 号", null)), Map.class)
                .getBody().get("caseNo");
        Task claim = taskService.createTaskQuery().processInstanceBusinessKey(caseNo).singleResult();
        TestRestTemplate huanwei = as("huanwei1");
        assertThat(huanwei.postForEntity("/engine-rest/task/" + claim.getId() + "/complete",
                json("{\"variables\":{\"claimDecision\":{\"value\":\"claim\"}}}"), String.class).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        Task rectify = taskService.createTaskQuery().processInstanceBusinessKey(caseNo).singleResult();

        ResponseEntity<String> notAnImage = huanwei.postForEntity("/engine-rest/task/" + rectify.getId() + "/complete", json(
                "{\"variables\":{\"rectifyAction\":{\"value\":\"submit\"},\"measures\":{\"value\":\"已清理\"},"
                        + "\"photoAfter\":{\"type\":\"File\",\"value\":\"" + Base64.getEncoder().encodeToString("not an image".getBytes())
                        + "\",\"valueInfo\":{\"filename\":\"after.png\",\"mimetype\":\"image/png\"}}}}"), String.class);
        assertThat(notAnImage.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(notAnImage.getBody()).contains("不是图片");
        // Photos are decoded on the case page, the 核查 form and in the dossier: one no camera takes, or only the first
        // bytes of one, is refused when it is handed in, naming the photo, not found broken by the person checking it.
        byte[] brokenJpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0, 1, 2, 3, 4, 5, 6, 7, 8};
        for (var refused : Map.of(TestPhotos.pngHeader(40_000, 10), "整改后照片尺寸过大（40000 × 10 像素）",
                brokenJpeg, "整改后照片无法读取").entrySet()) {
            ResponseEntity<String> answer = huanwei.postForEntity("/engine-rest/task/" + rectify.getId() + "/complete", json(
                    "{\"variables\":{\"rectifyAction\":{\"value\":\"submit\"},\"measures\":{\"value\":\"已清理\"},"
                            + "\"photoAfter\":{\"type\":\"File\",\"value\":\"" + Base64.getEncoder().encodeToString(refused.getKey())
                            + "\",\"valueInfo\":{\"filename\":\"after.png\",\"mimetype\":\"image/png\"}}}}"), String.class);
            assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(answer.getBody()).contains(refused.getValue());
        }
        assertThat(jdbc.queryForObject("select count(*) from rect_case_photo where case_no = ?", Long.class, caseNo)).isZero();

        ResponseEntity<String> submitted = huanwei.postForEntity("/engine-rest/task/" + rectify.getId() + "/complete", json(
                "{\"variables\":{\"rectifyAction\":{\"value\":\"submit\"},\"measures\":{\"value\":\"已清理\"},"
                        + "\"photoAfter\":{\"type\":\"File\",\"value\":\"" + Base64.getEncoder().encodeToString(PNG)
                        + "\",\"valueInfo\":{\"filename\":\"after.png\",\"mimetype\":\"image/png\"}}}}"), String.class);
        assertThat(submitted.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

        Map<String, Object> record = as("ducha2").getForObject("/api/cases/" + caseNo, Map.class);
        assertThat((Map<String, Object>) record.get("record")).containsEntry("status", "AWAITING_VERIFICATION");
        List<Map<String, Object>> photos = (List<Map<String, Object>>) record.get("photos");
        assertThat(photos).singleElement().satisfies(p -> assertThat(p).containsEntry("kind", "AFTER").containsEntry("mimeType", "image/png"));
        ResponseEntity<byte[]> image = as("ducha2").getForEntity((String) photos.get(0).get("url"), byte[].class);
        assertThat(image.getHeaders().getContentType()).isEqualTo(MediaType.IMAGE_PNG);
        assertThat(image.getBody()).isEqualTo(PNG);
    }

    /**
     * The timeline (case page, dossier PDF) is read by people: the dispatch names the units (环卫所、综管办), not their
     * group ids, and an uploaded photo says which photo it is (整改后照片), not its internal kind (AFTER).
     */
    @Test
    @SuppressWarnings("unchecked")
    void theTimelineNamesUnitsAndPhotosAsPeopleReadThem() {
        Task rectify = rectifyTask("沪松公路 7 号");
        String caseNo = (String) taskService.getVariable(rectify.getId(), "caseNo");
        assertThat(as("huanwei1").postForEntity("/engine-rest/task/" + rectify.getId() + "/complete", json(
                "{\"variables\":{\"rectifyAction\":{\"value\":\"submit\"},\"measures\":{\"value\":\"已清理\"},"
                        + "\"photoAfter\":{\"type\":\"File\",\"value\":\"" + Base64.getEncoder().encodeToString(PNG)
                        + "\",\"valueInfo\":{\"filename\":\"IMG_0002.png\",\"mimetype\":\"image/png\"}}}}"), String.class)
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

        List<Map<String, Object>> timeline = (List<Map<String, Object>>) as("chuangban1").getForObject("/api/cases/" + caseNo, Map.class)
                .get("timeline");
        assertThat(timeline).filteredOn(e -> "DISPATCHED".equals(e.get("kind"))).singleElement()
                .satisfies(e -> assertThat((String) e.get("detail")).startsWith("牵头单位 环卫所，责任单位 综管办")
                        .doesNotContain("huanwei").doesNotContain("zongguan"));
        assertThat(timeline).filteredOn(e -> "PHOTO_ADDED".equals(e.get("kind"))).singleElement()
                .satisfies(e -> assertThat(e).containsEntry("detail", "整改后照片 IMG_0002.png"));
    }

    /** A case claimed by 环卫所, at its 整改问题 task. */
    private Task rectifyTask(String address) {
        String caseNo = (String) as("lvrong1").postForEntity("/api/cases", json(body("EXPOSED_GARBAGE", "NORMAL", address, null)), Map.class)
                .getBody().get("caseNo");
        Task claim = taskService.createTaskQuery().processInstanceBusinessKey(caseNo).singleResult();
        assertThat(as("huanwei1").postForEntity("/engine-rest/task/" + claim.getId() + "/complete",
                json("{\"variables\":{\"claimDecision\":{\"value\":\"claim\"}}}"), String.class).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        return taskService.createTaskQuery().processInstanceBusinessKey(caseNo).singleResult();
    }

    /**
     * jxreview-s60 J2: 审批挂账申请 shows what the leading group signs off on, as 审批延期申请 does: the 复核日期 the unit
     * asked for (with its weekday), the lead unit and the 整改期限 the 挂账 would stop; its date field shows the day asked for,
     * never hidden; 同意 with that field emptied is refused naming it, and nothing is decided.
     */
    @Test
    @SuppressWarnings("unchecked")
    void theSuspensionApprovalShowsTheDayAskedForAndRefusesApprovalWithTheDayEmptied() {
        Task rectify = rectifyTask("沪松公路 60 号");
        String caseNo = jdbc.queryForObject("select case_no from rect_case where process_instance_id = ?", String.class,
                rectify.getProcessInstanceId());
        java.time.ZoneId zone = calendars.of("jiuting").zone();
        java.time.LocalDate day = calendars.of("jiuting").workingDayFrom(java.time.LocalDate.now(zone).plusDays(30));
        assertThat(as("huanwei1").postForEntity("/engine-rest/task/" + rectify.getId() + "/complete", json(
                "{\"variables\":{\"rectifyAction\":{\"value\":\"suspension\"},\"suspensionReason\":{\"value\":\"封航审批未下达\"},"
                        + "\"suspensionReviewDate\":{\"value\":\"" + day + "\"}}}"), String.class).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        Task approval = taskService.createTaskQuery().processInstanceBusinessKey(caseNo).singleResult();
        assertThat(approval.getTaskDefinitionKey()).isEqualTo(RectificationProcess.TASK_APPROVE_SUSPENSION);

        Map<String, Map<String, Object>> shown = as("lingdao1").getForObject("/engine-rest/task/" + approval.getId()
                + "/form-variables", Map.class);
        String weekday = day.getDayOfWeek().getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.CHINA);
        assertThat(shown.get("suspensionRequestedText")).containsEntry("value",
                day.getYear() + "年" + day.getMonthValue() + "月" + day.getDayOfMonth() + "日（" + weekday + "）");
        assertThat(shown.get("suspensionLeadUnitName")).containsEntry("value", "环卫所");
        assertThat((String) shown.get("suspensionCurrentDueText").get("value")).matches("\\d{4}年\\d{1,2}月\\d{1,2}日 \\d{2}:\\d{2}");
        assertThat(shown.get("suspensionReviewDate")).as("the date field's prefill").containsEntry("value", day.toString());
        String form = as("lingdao1").getForObject("/engine-rest/task/" + approval.getId() + "/deployed-form", String.class)
                .replaceAll("\\s", "");
        assertThat(form).contains("\"key\":\"suspensionRequestedText\",\"label\":\"申请复核日期\"",
                "\"key\":\"suspensionLeadUnitName\",\"label\":\"牵头单位\"",
                "\"key\":\"suspensionCurrentDueText\",\"label\":\"原整改期限\"");
        // nothing that decides is ever hidden: the one conditional field is the case's 村/社区, hidden for a case in none
        assertThat(form.split("\"conditional\"", -1)).hasSize(2);
        assertThat(form).contains("\"hide\":\"=caseCommunity=nullorcaseCommunity=\\\"\\\"\"");

        ResponseEntity<String> emptied = as("lingdao1").postForEntity("/engine-rest/task/" + approval.getId() + "/complete", json(
                "{\"variables\":{\"suspensionApproved\":{\"value\":\"yes\"},\"suspensionReviewDate\":{\"value\":null}}}"), String.class);
        assertThat(emptied.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(emptied.getBody()).contains("请填写复核日期");
        assertThat(jdbc.queryForObject("select status from rect_case where case_no = ?", String.class, caseNo))
                .isEqualTo("IN_RECTIFICATION");
        java.time.LocalDate later = calendars.of("jiuting").workingDayFrom(day.plusDays(7));
        assertThat(as("lingdao1").postForEntity("/engine-rest/task/" + approval.getId() + "/complete", json(
                "{\"variables\":{\"suspensionApproved\":{\"value\":\"yes\"},\"suspensionReviewDate\":{\"value\":\"" + later
                        + "\"}}}"), String.class).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(runtimeService.getVariables(approval.getProcessInstanceId())).containsEntry("suspensionReviewDate", later.toString())
                .doesNotContainKeys("suspensionRequestedText", "suspensionLeadUnitName", "suspensionCurrentDueText");
    }

    /**
     * 延期至 as the phone's date picker sends it: a plain day is the end of office hours that day; a non-date and a day the
     * office does not work are named.
     */
    @Test
    @SuppressWarnings("unchecked")
    void aPlainExtensionDayIsTheEndOfOfficeHoursAndANonDateIsRefusedInChinese() {
        Task rectify = rectifyTask("沪松公路 2 号");
        String caseNo = jdbc.queryForObject("select case_no from rect_case where process_instance_id = ?", String.class,
                rectify.getProcessInstanceId());
        String request = "{\"variables\":{\"rectifyAction\":{\"value\":\"extension\"},\"extensionReason\":{\"value\":\"苗木需采购\"},"
                + "\"extensionDue\":{\"value\":\"%s\",\"type\":\"String\"}}}";

        ResponseEntity<String> bad = as("huanwei1").postForEntity("/engine-rest/task/" + rectify.getId() + "/complete",
                json(request.formatted("2026-13-45")), String.class);
        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(bad.getBody()).contains("延期至 2026-13-45 不是有效的日期");
        assertThat(jdbc.queryForObject("select count(*) from rect_case_extension where case_no = ?", Long.class, caseNo)).isZero();
        // relreview-s58: a NUL or another control character in the hidden field the day picker fills is named by the form's
        // label, as every other field is, not by the variable's name
        for (String control : List.of("\\u0000", "\\u0007")) {
            ResponseEntity<String> nul = as("huanwei1").postForEntity("/engine-rest/task/" + rectify.getId() + "/complete",
                    json(request.formatted("2026-12-10" + control)), String.class);
            assertThat(nul.getStatusCode()).as(control).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(nul.getBody()).as(control).contains("“延期至”含有不可见的控制字符 U+000").doesNotContain("extensionDue”");
        }
        ResponseEntity<String> photoTime = as("huanwei1").postForEntity("/engine-rest/task/" + rectify.getId() + "/complete",
                json(request.replace("}}}", "},\"photoAfterTakenAt\":{\"value\":\"2026-12-01\\u0000\"}}}").formatted("2026-12-10")),
                String.class);
        assertThat(photoTime.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(photoTime.getBody()).contains("“整改后照片的拍摄时间”含有不可见的控制字符 U+0000");
        assertThat(jdbc.queryForObject("select count(*) from rect_case_extension where case_no = ?", Long.class, caseNo)).isZero();

        java.time.ZoneId zone = calendars.of("jiuting").zone();
        // a deadline ends with the office day: a Sunday is refused, naming the field and the next working day
        java.time.LocalDate sunday = java.time.LocalDate.now(zone).plusDays(20)
                .with(java.time.temporal.TemporalAdjusters.nextOrSame(java.time.DayOfWeek.SUNDAY));
        ResponseEntity<String> weekend = as("huanwei1").postForEntity("/engine-rest/task/" + rectify.getId() + "/complete",
                json(request.formatted(sunday)), String.class);
        assertThat(weekend.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(weekend.getBody()).contains("延期至 " + sunday + "（星期日）", "期限须为工作日",
                "下一个工作日 " + calendars.of("jiuting").workingDayFrom(sunday));
        assertThat(jdbc.queryForObject("select count(*) from rect_case_extension where case_no = ?", Long.class, caseNo)).isZero();

        // s53 T12: an empty reason and the Sunday are told together, not the reason only once the day is mended
        ResponseEntity<String> both = as("huanwei1").postForEntity("/engine-rest/task/" + rectify.getId() + "/complete",
                json(request.replace("苗木需采购", "").formatted(sunday)), String.class);
        assertThat(both.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(both.getBody()).contains("请填写延期理由；延期至 " + sunday + "（星期日）");

        java.time.LocalDate day = calendars.of("jiuting").workingDayFrom(java.time.LocalDate.now(zone).plusDays(20));
        assertThat(as("huanwei1").postForEntity("/engine-rest/task/" + rectify.getId() + "/complete",
                json(request.formatted(day)), String.class).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        // s53 T4: the office is told in its 消息, and its 审批延期申请 has a due date
        List<Map<String, Object>> inbox = as("chuangban1").getForObject("/api/notifications?unread=true&limit=200", List.class);
        assertThat(inbox).filteredOn(m -> caseNo.equals(m.get("businessKey"))).singleElement().satisfies(m -> {
            assertThat(m).containsEntry("template", "case-extension-requested");
            assertThat((String) m.get("subject")).startsWith("【延期申请】" + caseNo + " 环卫所申请延期至 ");
            assertThat((String) m.get("body")).contains("提出首次延期申请", "延期理由：苗木需采购");
        });
        Task approval = taskService.createTaskQuery().processInstanceBusinessKey(caseNo).singleResult();
        assertThat(approval.getTaskDefinitionKey()).isEqualTo("Task_ApproveExtension");
        assertThat(approval.getDueDate()).isNotNull();
        assertThat(approval.getDueDate().toInstant().atZone(zone).toLocalTime()).isEqualTo(java.time.LocalTime.of(17, 0));
        List<Map<String, Object>> extensions = (List<Map<String, Object>>) as("huanwei1").getForObject("/api/cases/" + caseNo, Map.class)
                .get("extensions");
        assertThat(extensions).singleElement().satisfies(e -> assertThat(java.time.Instant.parse((String) e.get("requestedDue")))
                .isEqualTo(day.atTime(calendars.of("jiuting").closingTime()).atZone(zone).toInstant()));
        assertThat(calendars.of("jiuting").closingTime()).isEqualTo(java.time.LocalTime.of(17, 0));
        assertThat(as("huanwei1").getForObject("/api/cases/" + caseNo, Map.class)).containsEntry("dueBoundName", "派遣时限");

        // jxreview-s55 J5: once approved, the deadline rests on the extension, not on the dispatch limit
        assertThat(as("chuangban1").postForEntity("/engine-rest/task/" + approval.getId() + "/claim",
                json("{\"userId\":\"chuangban1\"}"), String.class).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(as("chuangban1").postForEntity("/engine-rest/task/" + approval.getId() + "/complete", json(
                "{\"variables\":{\"extensionApproved\":{\"value\":\"yes\"},\"decisionComment\":{\"value\":\"同意\"}}}"),
                String.class).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        Map<String, Object> extended = as("huanwei1").getForObject("/api/cases/" + caseNo, Map.class);
        assertThat(extended).containsEntry("dueBoundName", "经批准的延期");
        assertThat((Map<String, Object>) extended.get("record")).containsEntry("dueBound", "EXTENSION");
    }

    /**
     * The camera's time and place the form read from EXIF are kept with the photo, marked as the uploader's claim; a place
     * no camera writes is left out.
     */
    @Test
    @SuppressWarnings("unchecked")
    void aPhotosTimeAndPlaceAreKeptAndAnImpossiblePlaceIsLeftOut() {
        Task rectify = rectifyTask("沪松公路 3 号");
        String photo = "{\"type\":\"File\",\"value\":\"" + Base64.getEncoder().encodeToString(PNG)
                + "\",\"valueInfo\":{\"filename\":\"%s\",\"mimetype\":\"image/png\"}}";
        ResponseEntity<String> submitted = as("huanwei1").postForEntity("/engine-rest/task/" + rectify.getId() + "/complete", json(
                "{\"variables\":{\"rectifyAction\":{\"value\":\"submit\"},\"measures\":{\"value\":\"已清理\"},"
                        + "\"photoBefore\":" + photo.formatted("before.png") + ",\"photoAfter\":" + photo.formatted("after.png") + ","
                        + "\"photoBeforeTakenAt\":{\"value\":\"2026-11-30T08:05:00\"},\"photoBeforeLocation\":{\"value\":\"31.123456,121.333333\"},"
                        + "\"photoAfterTakenAt\":{\"value\":\"2026-11-30T15:40:00\"},\"photoAfterLocation\":{\"value\":\"131.2,500\"}}}"),
                String.class);
        assertThat(submitted.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        String caseNo = jdbc.queryForObject("select case_no from rect_case where process_instance_id = ?", String.class,
                rectify.getProcessInstanceId());
        List<Map<String, Object>> photos = (List<Map<String, Object>>) as("ducha2").getForObject("/api/cases/" + caseNo, Map.class).get("photos");
        assertThat(photos).extracting(p -> p.get("kind"), p -> p.get("takenAt"), p -> p.get("latitude"), p -> p.get("longitude"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("BEFORE", "2026-11-30T08:05:00", 31.123456, 121.333333),
                        org.assertj.core.groups.Tuple.tuple("AFTER", "2026-11-30T15:40:00", null, null));
        // secreview-s50 I4: the form sends them (a clerk may send any), the server cannot check them: said so, not 手机记录
        assertThat(photos).extracting(p -> p.get("takenAtSource"), p -> p.get("takenAtSourceName")).containsOnly(
                org.assertj.core.groups.Tuple.tuple("UPLOADER", "上传者填报"));
        assertThat(runtimeVariables(rectify.getProcessInstanceId())).doesNotContainKeys("photoBefore", "photoBeforeTakenAt",
                "photoBeforeLocation", "photoAfter", "photoAfterTakenAt", "photoAfterLocation");
    }

    /**
     * A photo's file name is the phone's, not typed by anyone: it is kept without control characters and, when longer than
     * rect_case_photo.file_name (255), cut keeping its extension, rather than refusing the photo.
     */
    @Test
    void aPhotosFileNameIsKeptWithoutControlCharactersAndCutKeepingItsExtension() {
        Task rectify = rectifyTask("沪松公路 4 号");
        String photo = "{\"type\":\"File\",\"value\":\"" + Base64.getEncoder().encodeToString(PNG)
                + "\",\"valueInfo\":{\"filename\":\"%s\",\"mimetype\":\"image/png\"}}";
        ResponseEntity<String> submitted = as("huanwei1").postForEntity("/engine-rest/task/" + rectify.getId() + "/complete", json(
                "{\"variables\":{\"rectifyAction\":{\"value\":\"submit\"},\"measures\":{\"value\":\"已清理\"},"
                        + "\"photoBefore\":" + photo.formatted("a\\u0000\\n.png") + ","
                        + "\"photoAfter\":" + photo.formatted("长".repeat(3000) + ".png") + "}}"), String.class);
        assertThat(submitted.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        String caseNo = jdbc.queryForObject("select case_no from rect_case where process_instance_id = ?", String.class,
                rectify.getProcessInstanceId());
        assertThat(jdbc.queryForList("select file_name from rect_case_photo where case_no = ? order by kind desc", String.class, caseNo))
                .containsExactly("a.png", "长".repeat(251) + ".png");
    }

    /**
     * s53 S3: a photo's name keeps only its last part, whatever path the browser or a forged form sends with it, and
     * without the characters that make markup or no Windows file name may hold; in the case's photos and its timeline.
     */
    @Test
    @SuppressWarnings("unchecked")
    void aPhotosNameKeepsOnlyItsLastPartWithoutPathOrMarkup() {
        var body = new org.springframework.util.LinkedMultiValueMap<String, Object>();
        HttpHeaders jsonPart = new HttpHeaders();
        jsonPart.setContentType(MediaType.APPLICATION_JSON);
        body.add("case", new HttpEntity<>(body("EXPOSED_GARBAGE", "NORMAL", "九亭大街 533 号", null), jsonPart));
        HttpHeaders photoPart = new HttpHeaders();
        photoPart.setContentType(MediaType.IMAGE_PNG);
        photoPart.setContentDispositionFormData("photos", "../../etc/<img src=x onerror=alert(1)>.png");
        body.add("photos", new HttpEntity<>(PNG, photoPart));
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        ResponseEntity<Map> reported = as("huanwei1").postForEntity("/api/cases", new HttpEntity<>(body, headers), Map.class);
        assertThat(reported.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        Map<String, Object> record = as("huanwei1").getForObject("/api/cases/" + reported.getBody().get("caseNo"), Map.class);
        assertThat((List<Map<String, Object>>) record.get("photos")).extracting(p -> p.get("fileName"))
                .containsExactly("_img src=x onerror=alert(1)_.png");
        assertThat((List<Map<String, Object>>) record.get("timeline")).filteredOn(e -> "PHOTO_ADDED".equals(e.get("kind")))
                .extracting(e -> e.get("detail")).containsExactly("整改前照片 _img src=x onerror=alert(1)_.png");

        Task rectify = rectifyTask("沪松公路 533 号");
        String photo = "{\"type\":\"File\",\"value\":\"" + Base64.getEncoder().encodeToString(PNG)
                + "\",\"valueInfo\":{\"filename\":\"%s\",\"mimetype\":\"image/png\"}}";
        ResponseEntity<String> submitted = as("huanwei1").postForEntity("/engine-rest/task/" + rectify.getId() + "/complete", json(
                "{\"variables\":{\"rectifyAction\":{\"value\":\"submit\"},\"measures\":{\"value\":\"已清理\"},"
                        + "\"photoBefore\":" + photo.formatted("..\\\\..\\\\..\\\\../../tmp/evil/台帐\\u202Egnp.exe.png") + ","
                        + "\"photoAfter\":" + photo.formatted("C:\\\\照片\\\\整改后\\\\..\\\\") + "}}"), String.class);
        assertThat(submitted.getStatusCode()).as(submitted.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        String caseNo = jdbc.queryForObject("select case_no from rect_case where process_instance_id = ?", String.class,
                rectify.getProcessInstanceId());
        assertThat(jdbc.queryForList("select file_name from rect_case_photo where case_no = ? order by kind desc", String.class, caseNo))
                .containsExactly("台帐gnp.exe.png", "整改后照片.png");
    }

    @Autowired
    org.camunda.bpm.engine.RuntimeService runtimeService;
    @Autowired
    ResumeTaskReviewDays resumeTaskReviewDays;

    /**
     * s53 T7: a case suspended under a version before, whose 恢复整改 still carries the passed 复核日期 as due date, counted
     * in its unit's 已超期 while the cockpit showed its clock stopped. An upgrade's start moves the day to the follow-up
     * date, as the current version sets it: the unit's 已超期 filter no longer lists it; the day stays the reminder.
     */
    @Test
    @SuppressWarnings("unchecked")
    void aResumeTaskOfAnEarlierVersionLosesItsDueDateToItsFollowUpDate() {
        java.time.Instant review = java.time.Instant.now().minus(java.time.Duration.ofDays(3));
        String pi = runtimeService.createProcessInstanceByKey(RectificationProcess.KEY).processDefinitionTenantId("jiuting")
                .businessKey("JT-RESUME-" + java.util.UUID.randomUUID()).startBeforeActivity(RectificationProcess.TASK_RESUME)
                .setVariables(Map.of(RectificationProcess.VAR_CASE_NO, "JT-RESUME", RectificationProcess.VAR_LEAD_UNIT, "huanwei",
                        RectificationProcess.VAR_SUSPENSION_REVIEW_DATE, "2026-01-05",
                        RectificationProcess.VAR_SUSPENSION_REVIEW_AT, java.util.Date.from(review.plus(java.time.Duration.ofDays(30))),
                        RectificationProcess.VAR_SUSPENSION_DECISION_COMMENT, "同意，1 月初复核"))
                .execute().getId();
        try {
            Task resume = taskService.createTaskQuery().processInstanceId(pi).singleResult();
            assertThat(resume.getDueDate()).as("the current version").isNull();
            // jxreview-s55 J15: the unit reads the approved review day and the approvers' words in the task and its form
            assertThat((String) as("huanwei1").getForObject("/engine-rest/task/" + resume.getId(), Map.class).get("description"))
                    .contains("复核日期：2026年1月5日", "挂账审批意见：同意，1 月初复核").doesNotContain("整改期限");
            assertThat(as("huanwei1").getForObject("/engine-rest/task/" + resume.getId() + "/deployed-form", String.class)
                    .replaceAll("\\s", "")).contains("\"key\":\"suspensionReviewDate\"", "\"key\":\"suspensionDecisionComment\"");
            taskService.setDueDate(resume.getId(), java.util.Date.from(review));
            String overdue = ((List<Map<String, Object>>) as("huanwei1").getForObject(
                    "/engine-rest/filter?resourceType=Task&firstResult=0&maxResults=200", List.class)).stream()
                    .filter(f -> "已超期（环卫所）".equals(f.get("name"))).findFirst().orElseThrow().get("id").toString();
            String listed = as("huanwei1").postForEntity("/engine-rest/filter/" + overdue + "/list?firstResult=0&maxResults=200", json("{}"), String.class).getBody();
            assertThat(listed).contains(resume.getId());

            assertThat(resumeTaskReviewDays.moveReviewDays()).isEqualTo(1);
            Task moved = taskService.createTaskQuery().processInstanceId(pi).singleResult();
            assertThat(moved.getDueDate()).isNull();
            assertThat(moved.getFollowUpDate()).isEqualTo(java.util.Date.from(review));
            assertThat(as("huanwei1").postForEntity("/engine-rest/filter/" + overdue + "/list?firstResult=0&maxResults=200", json("{}"), String.class).getBody())
                    .startsWith("[").doesNotContain(resume.getId());
            assertThat(resumeTaskReviewDays.moveReviewDays()).as("once").isZero();
        } finally {
            runtimeService.deleteProcessInstance(pi, "测试结束");
        }
    }

    private Map<String, Object> runtimeVariables(String processInstanceId) {
        return runtimeService.getVariables(processInstanceId);
    }

    /** Three cases of one campaign: 环卫所's urgent one taken through to verification, 城管中队's stall, 环卫所's overdue one. */
    private Map<String, String> ledgerCases() {
        String ref = "LEDGER-" + java.util.UUID.randomUUID();
        jdbc.update("insert into campaign (code, name, template_id, template_name, status, current_phase, started_at, tenant_id)"
                + " values ('LEDGER-CAMP', '台账导出测试', 'jiuting-2023-standard-town', '九亭', 'RUNNING', 1, ?, 'jiuting')",
                java.sql.Timestamp.from(java.time.Instant.parse("2026-03-01T00:00:00Z")));
        String urgent = (String) as("ducha1").postForEntity("/api/cases", json(body("EXPOSED_GARBAGE", "URGENT", "九亭大街 66 号",
                ref)), Map.class).getBody().get("caseNo");
        String stall = (String) as("ducha1").postForEntity("/api/cases", json(body("ILLEGAL_STALL", "URGENT", "沪亭北路 5 号",
                null)), Map.class).getBody().get("caseNo");
        String late = (String) as("lvrong1").postForEntity("/api/cases", json(body("EXPOSED_GARBAGE", "NORMAL", "九亭大街 67 号",
                null)), Map.class).getBody().get("caseNo");
        Task claim = taskService.createTaskQuery().processInstanceBusinessKey(urgent).singleResult();
        assertThat(as("huanwei1").postForEntity("/engine-rest/task/" + claim.getId() + "/complete",
                json("{\"variables\":{\"claimDecision\":{\"value\":\"claim\"}}}"), String.class).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        Task rectify = taskService.createTaskQuery().processInstanceBusinessKey(urgent).singleResult();
        assertThat(as("huanwei1").postForEntity("/engine-rest/task/" + rectify.getId() + "/complete", json(
                "{\"variables\":{\"rectifyAction\":{\"value\":\"submit\"},\"measures\":{\"value\":\"已清理\"},"
                        + "\"photoAfter\":{\"type\":\"File\",\"value\":\"" + Base64.getEncoder().encodeToString(PNG)
                        + "\",\"valueInfo\":{\"filename\":\"after.png\",\"mimetype\":\"image/png\"}}}}"), String.class)
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        Task verify = taskService.createTaskQuery().processInstanceBusinessKey(urgent).singleResult();
        assertThat(as("ducha2").postForEntity("/engine-rest/task/" + verify.getId() + "/complete",
                json("{\"variables\":{\"verificationResult\":{\"value\":\"pass\"}}}"), String.class).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        // what the red-light timer leaves (the job executor does not run here)
        jdbc.update("update rect_case set overdue = true where case_no = ?", late);
        for (String caseNo : List.of(urgent, stall, late)) {
            jdbc.update("update rect_case set campaign_code = 'LEDGER-CAMP' where case_no = ?", caseNo);
        }
        return Map.of("urgent", urgent, "stall", stall, "late", late, "ref", ref);
    }

    private void clearLedgerCases() {
        jdbc.update("update rect_case set campaign_code = null where campaign_code = 'LEDGER-CAMP'");
        jdbc.update("delete from campaign where code = 'LEDGER-CAMP'");
    }

    XlsxDownload ledger(String user, String query) {
        return XlsxDownload.of(as(user).getForEntity("/api/cases/export.xlsx" + query, byte[].class));
    }

    static List<String> caseNos(XlsxDownload ledger) {
        return ledger.data().stream().map(r -> ledger.text(r, "案件编号")).toList();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theCaseLedgerHoldsOneRowPerCaseWithEveryDateInChineseAndTheListsFilters() {
        try {
            Map<String, String> cases = ledgerCases();
            XlsxDownload ledger = ledger("chuangban2", "?campaign=LEDGER-CAMP");

            assertThat(ledger.sheetName()).isEqualTo("案件台账");
            assertThat(ledger.title()).isEqualTo("九亭镇“台账导出测试”活动案件台账");
            assertThat(ledger.filterLine()).startsWith("筛选：活动 台账导出测试（LEDGER-CAMP）").contains("导出时间：", "导出人：李文员").doesNotContain("chuangban2");
            // 九亭镇's words (terms: 牵头部门 / 配合部门); no 属地: a town's cases lie in the town (jxreview J10)
            assertThat(ledger.headers()).containsExactly("序号", "案件编号", "标题", "问题类别", "整治项目", "小项", "活动", "地址",
                    "村/社区", "来源", "紧急程度", "状态", "并入案件", "超期", "牵头部门", "配合部门", "上报人", "上报时间", "派遣时间",
                    "认领时间", "整改期限", "延期至", "整改提交时间", "核查通过时间", "结案时间", "挂账时间", "按期结案", "延期次数",
                    "返工次数", "回退次数", "重新打开次数", "考核申诉", "列入通报", "外部编号");
            assertThat(caseNos(ledger)).as("newest first, as the list").containsExactly(cases.get("late"), cases.get("stall"),
                    cases.get("urgent"));
            assertThat(ledger.contentDisposition()).startsWith("attachment; filename=\"case-ledger-")
                    .contains("filename*=UTF-8''" + java.net.URLEncoder.encode("九亭镇“台账导出测试”活动案件台账-",
                            java.nio.charset.StandardCharsets.UTF_8));

            Map<String, Object> view = as("chuangban2").getForObject("/api/cases/" + cases.get("urgent"), Map.class);
            Map<String, Object> record = (Map<String, Object>) view.get("record");
            var row = ledger.data().get(2);
            assertThat(ledger.cell(row, "序号").asNumber()).isEqualByComparingTo("3");
            assertThat(ledger.text(row, "标题")).isEqualTo("九亭大街垃圾堆放");
            assertThat(ledger.text(row, "问题类别")).isEqualTo("暴露垃圾");
            assertThat(ledger.text(row, "活动")).isEqualTo("台账导出测试");
            assertThat(ledger.text(row, "地址")).isEqualTo("九亭大街 66 号");
            assertThat(ledger.text(row, "来源")).isEqualTo("日常巡查");
            assertThat(ledger.text(row, "紧急程度")).isEqualTo("紧急");
            assertThat(ledger.text(row, "状态")).isEqualTo(view.get("statusName")).isNotEmpty();
            assertThat(ledger.text(row, "超期")).isEqualTo("否");
            assertThat(ledger.text(row, "牵头部门")).isEqualTo("环卫所");
            assertThat(List.of(ledger.text(row, "配合部门").split("、"))).containsExactlyInAnyOrderElementsOf(
                    ((List<Map<String, Object>>) view.get("parties")).stream().map(p -> (String) p.get("unitName")).toList());
            assertThat(ledger.text(row, "上报人")).as("the name, as on the case page and in the dossier").isEqualTo("周组长");
            assertThat(ledger.text(row, "外部编号")).isEqualTo(cases.get("ref"));
            assertThat(ledger.text(row, "返工次数")).isEqualTo("0");
            for (String[] date : new String[][] {{"上报时间", "reportedAt"}, {"派遣时间", "dispatchedAt"}, {"认领时间", "claimedAt"},
                    {"整改期限", "dueAt"}, {"整改提交时间", "submittedAt"}}) {
                var cell = ledger.cell(row, date[0]);
                assertThat(cell.getType()).as(date[0]).isEqualTo(org.dhatim.fastexcel.reader.CellType.NUMBER);
                assertThat(cell.getDataFormatString()).as(date[0]).isEqualTo("yyyy-mm-dd hh:mm");
                java.time.Instant expected = java.time.Instant.parse((String) record.get(date[1]));
                assertThat(java.time.Duration.between(cell.asDate().atZone(java.time.ZoneId.of("Asia/Shanghai")).toInstant(), expected).abs())
                        .as(date[0]).isLessThan(java.time.Duration.ofSeconds(1));
            }
            List<Map<String, Object>> timeline = (List<Map<String, Object>>) view.get("timeline");
            assertThat(timeline).anySatisfy(e -> assertThat(e).containsEntry("kind", "VERIFIED"));
            assertThat(ledger.cell(row, "核查通过时间").asDate()).isNotNull();
            assertThat(ledger.text(ledger.data().get(0), "超期")).isEqualTo("是");
            assertThat(ledger.text(ledger.data().get(1), "牵头部门")).isEqualTo("城管中队");
            assertThat(ledger.text(ledger.data().get(1), "核查通过时间")).isEmpty();

            assertThat(caseNos(ledger("chuangban2", "?campaign=LEDGER-CAMP&unit=chengguan"))).containsExactly(cases.get("stall"));
            assertThat(caseNos(ledger("chuangban2", "?campaign=LEDGER-CAMP&overdue=true"))).containsExactly(cases.get("late"));
            assertThat(caseNos(ledger("chuangban2", "?campaign=LEDGER-CAMP&status=DISPATCHED&unit=huanwei")))
                    .containsExactly(cases.get("late"));
            XlsxDownload byUnit = ledger("chuangban2", "?campaign=LEDGER-CAMP&unit=huanwei&overdue=false");
            assertThat(byUnit.title()).isEqualTo("九亭镇“台账导出测试”活动·环卫所案件台账");
            assertThat(byUnit.filterLine()).startsWith("筛选：活动 台账导出测试（LEDGER-CAMP）；牵头部门 环卫所；超期 否");
            assertThat(caseNos(byUnit)).containsExactly(cases.get("urgent"));
        } finally {
            clearLedgerCases();
        }
    }

    /** The ledger holds what the list shows the caller: the office all of the town's cases, a unit its own. */
    @Test
    void theLedgerShowsAUnitOnlyItsOwnCasesAndTheOfficeTheWholeTown() {
        try {
            Map<String, String> cases = ledgerCases();
            assertThat(caseNos(ledger("huanwei1", "?campaign=LEDGER-CAMP"))).containsExactly(cases.get("late"), cases.get("urgent"));
            assertThat(caseNos(ledger("chengguan2", "?campaign=LEDGER-CAMP"))).containsExactly(cases.get("stall"));
            assertThat(caseNos(ledger("chengguan2", "?campaign=LEDGER-CAMP&unit=huanwei"))).isEmpty();

            XlsxDownload own = ledger("chengguan2", "");
            assertThat(own.title()).isEqualTo("九亭镇本单位案件台账");
            assertThat(own.filterLine()).startsWith("筛选：无（全部可查看的案件）");
            Map<String, Object> listed = as("chengguan2").getForObject("/api/cases?size=1", Map.class);
            assertThat((long) own.data().size()).isEqualTo(((Number) listed.get("total")).longValue());

            XlsxDownload town = ledger("chuangban2", "");
            assertThat(town.title()).isEqualTo("九亭镇全镇案件台账");
            assertThat((long) town.data().size()).isEqualTo(((Number) as("chuangban2").getForObject("/api/cases?size=1", Map.class)
                    .get("total")).longValue()).isGreaterThan(own.data().size());
        } finally {
            clearLedgerCases();
        }
    }

    @Test
    void theLedgerIsRefusedToAnonymousCallersAndNamesABadFilter() {
        assertThat(rest.getForEntity("/api/cases/export.xlsx", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        for (String[] bad : new String[][] {{"status=FINISHED", "status", "INVALID_VALUE"}, {"overdue=vielleicht", "overdue", "INVALID_VALUE"},
                {"unit=nosuch", "unit", "UNKNOWN_UNIT"}, {"campaign=NOPE", "campaign", "UNKNOWN_CAMPAIGN"},
                {"role=boss", "role", "INVALID_ROLE"}}) {
            ResponseEntity<Map> refused = as("chuangban2").getForEntity("/api/cases/export.xlsx?" + bad[0], Map.class);
            assertThat(refused.getStatusCode()).as(bad[0]).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(errors(refused)).as(bad[0]).singleElement().satisfies(e -> {
                assertThat(e).containsEntry("field", bad[1]).containsEntry("code", bad[2]);
                assertThat((String) e.get("message")).contains(bad[1]);
            });
        }
        try {
            Map<String, String> cases = ledgerCases();
            ResponseEntity<Map> foreign = as("jxtuijinban1").getForEntity("/api/cases/export.xlsx?campaign=LEDGER-CAMP", Map.class);
            assertThat(foreign.getStatusCode()).as("another organisation's campaign").isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(errors(foreign)).extracting(e -> e.get("field")).containsExactly("campaign");
            assertThat(as("chuangban2").getForEntity("/api/cases/export.xlsx?campaign=LEDGER-CAMP", byte[].class).getStatusCode())
                    .isEqualTo(HttpStatus.OK);
            assertThat(cases).containsKey("urgent");
        } finally {
            clearLedgerCases();
        }
    }

    @Autowired
    RectificationCases rectificationCases;
    @Autowired
    org.camunda.bpm.engine.ManagementService managementService;

    /**
     * 重新派遣案件 as Tasklist submits its form: the office chooses the new lead unit (newLeadUnit), the form's one field; the
     * case keeps its 责任单位 but the new lead, and the office that cooperates on it is still known to (督办 passes it over).
     * A 责任单位 the form has no field for is refused, so the step reads none.
     */
    @Test
    void aRedispatchReadsTheNewLeadUnitItsFormSendsAndKeepsTheResponsibleUnits() {
        String caseNo = rectificationCases.reportCampaignWork("jiuting", new NewCase("沪亭北路占道经营", "ILLEGAL_STALL", "NORMAL",
                "SELF_INSPECTION", new NewCase.Location("沪亭北路 100 号", null, null, null), "自查发现",
                OwnReferences.campaignFinding("JT-RD", java.util.concurrent.ThreadLocalRandom.current().nextInt(1_000_000), 1)),
                "chuangban2", new RectificationCases.Directions(null, List.of("chuangban", "shichang", "paichusuo"), null))
                .record().caseNo();
        CaseDriver cases = new CaseDriver(rest, jdbc, managementService);
        cases.complete("chengguan1", caseNo, "Task_ClaimCase",
                "{\"claimDecision\":{\"value\":\"return\"},\"returnReason\":{\"value\":\"摊点在市场内，属市场监管所\"}}");
        Task redispatch = taskService.createTaskQuery().processInstanceBusinessKey(caseNo)
                .taskDefinitionKey(RectificationProcess.TASK_REDISPATCH).singleResult();
        assertThat(as("chuangban1").postForEntity("/engine-rest/task/" + redispatch.getId() + "/claim",
                json("{\"userId\":\"chuangban1\"}"), String.class).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        ResponseEntity<String> naming = as("chuangban1").postForEntity("/engine-rest/task/" + redispatch.getId() + "/complete",
                json("{\"variables\":{\"newLeadUnit\":{\"value\":\"shichang\"},\"newResponsibleUnits\":{\"value\":\"paichusuo\"}}}"),
                String.class);
        assertThat(naming.getStatusCode()).as(naming.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(naming.getBody()).contains("不是本任务表单中的内容");

        ResponseEntity<String> done = as("chuangban1").postForEntity("/engine-rest/task/" + redispatch.getId() + "/submit-form",
                json("{\"variables\":{\"newLeadUnit\":{\"value\":\"shichang\"}}}"), String.class);
        assertThat(done.getStatusCode()).as(done.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(jdbc.queryForObject("select lead_unit || '/' || responsible_units from rect_case where case_no = ?", String.class,
                caseNo)).isEqualTo("shichang/chuangban,paichusuo");
        assertThat(runtimeService.getVariable(cases.instanceOf(caseNo), RectificationProcess.VAR_SUPERVISORS_COOPERATE)).isEqualTo(true);
    }
}
