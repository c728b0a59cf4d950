package org.shirong.rectification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.shirong.system.ShirongOnPostgres;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The case API on a real PostgreSQL 17 with the production profile: report, resend, refusal, import and re-import;
 * a NUL character (which PostgreSQL cannot store in text) is refused naming the field, in the API, an import and a form;
 * the case ledger read page after page (keyset) on PostgreSQL, each case once and in the list's order; a case closed on
 * time or late as its row says, with its event, in one statement; a deadline's flag and event likewise.
 */
class CaseApiOnPostgresTest {

    private static ShirongOnPostgres.Running shirong;
    private static ConfigurableApplicationContext context;
    private static TestRestTemplate rest;
    private static JdbcTemplate jdbc;

    @BeforeAll
    static void start() throws Exception {
        shirong = ShirongOnPostgres.startWithDatabase(false);
        context = shirong.context();
        rest = ShirongOnPostgres.adminRest(context);
        jdbc = context.getBean(JdbcTemplate.class);
    }

    @AfterAll
    static void stop() throws Exception {
        shirong.close();
    }

    private static HttpEntity<String> json(String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }

    private static long cases() {
        return jdbc.queryForObject("select count(*) from rect_case", Long.class);
    }

    private static ResponseEntity<Map> upload(String csv) {
        return CsvUpload.post(rest, "/api/cases/import?organization=jiuting", csv.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "import.csv");
    }

    @Test
    void reportResendRefuseAndImportOnPostgres() {
        String body = """
                {"title":"沪亭北路乱设摊","category":"ILLEGAL_STALL","urgency":"NORMAL","source":"CITIZEN",
                 "location":{"address":"沪亭北路 100 号"},"externalRef":"12345-PG-1"}
                """;
        ResponseEntity<Map> created = rest.postForEntity("/api/cases?organization=jiuting", json(body), Map.class);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getBody()).containsEntry("leadUnit", "chengguan").containsEntry("leadUnitName", "城管中队");
        // the report's notices, to the lead unit and to the cooperating unit: every inbox-channel outbox row has its
        // recipient's inbox row (written in the same statement on PostgreSQL), and nothing else is in the inbox
        String caseNo = (String) created.getBody().get("caseNo");
        List<Map<String, Object>> notices = jdbc.queryForList("select o.template_id, o.recipient, i.recipient_id, i.subject"
                + " inbox_subject, o.subject from notification_outbox o left join notification_inbox i on i.outbox_id = o.id"
                + " where (o.business_key = ? or o.business_key like ?) and o.channel = 'INBOX'", caseNo, caseNo + "/%");
        assertThat(notices).extracting(n -> n.get("template_id")).contains("case-dispatched", "case-cooperation");
        assertThat(notices).allSatisfy(n -> {
            assertThat(n.get("recipient_id")).isEqualTo(n.get("recipient"));
            assertThat(n.get("inbox_subject")).isEqualTo(n.get("subject"));
        });
        assertThat(jdbc.queryForObject("select count(*) from notification_inbox where business_key = ? or business_key like ?",
                Integer.class, caseNo, caseNo + "/%")).isEqualTo(notices.size());
        ResponseEntity<Map> resent = rest.postForEntity("/api/cases?organization=jiuting", json(body), Map.class);
        assertThat(resent.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(resent.getBody().get("caseNo")).isEqualTo(created.getBody().get("caseNo"));

        long count = cases();
        ResponseEntity<Map> refused = rest.postForEntity("/api/cases?organization=jiuting", json(body.replace("ILLEGAL_STALL", "NOPE").replace("12345-PG-1", "12345-PG-2")), Map.class);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((List<Map<String, Object>>) refused.getBody().get("errors")).extracting(e -> e.get("code")).containsExactly("UNKNOWN_CATEGORY");
        assertThat(cases()).isEqualTo(count);

        String csv = "externalRef,category,title,location,description,urgency\nPG-1,乱张贴,小广告,九亭大街 5 号,,一般\nPG-2,ROAD_UNCLEAN,路面油污,九亭大街 6 号,,紧急\n";
        assertThat(upload(csv).getBody()).containsEntry("created", 2).containsEntry("skipped", 0);
        assertThat(upload(csv).getBody()).containsEntry("created", 0).containsEntry("skipped", 2);
        ResponseEntity<Map> bad = upload(csv.replace("PG-2,ROAD_UNCLEAN", "PG-3,NOPE"));
        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(cases()).isEqualTo(count + 2);

        Map<String, Object> record = rest.getForObject("/api/cases/" + created.getBody().get("caseNo"), Map.class);
        assertThat((List<Map<String, Object>>) record.get("timeline")).extracting(e -> e.get("kind")).containsExactly("REPORTED", "DISPATCHED");
        // the case and its first events, written together on PostgreSQL: the events as the case's rows say
        Map<String, Object> row = jdbc.queryForMap("select status, lead_unit, process_instance_id, reported_at, reported_by,"
                + " dispatched_at, due_at from rect_case where case_no = ?", caseNo);
        assertThat(row.get("status")).isEqualTo("DISPATCHED");
        assertThat(row.get("process_instance_id")).isNotNull();
        assertThat(row.get("due_at")).isNotNull();
        List<Map<String, Object>> events = jdbc.queryForList("select kind, occurred_at, actor, detail, unit_id from rect_case_event"
                + " where case_no = ? order by id", caseNo);
        assertThat(events).extracting(e -> e.get("kind")).containsExactly("REPORTED", "DISPATCHED");
        assertThat(events.get(0)).containsEntry("occurred_at", row.get("reported_at")).containsEntry("actor", row.get("reported_by"))
                .containsEntry("detail", "沪亭北路乱设摊").containsEntry("unit_id", null);
        assertThat(events.get(1)).containsEntry("occurred_at", row.get("dispatched_at")).containsEntry("unit_id", "chengguan");
        assertThat((String) events.get(1).get("detail")).startsWith("牵头单位 城管中队");
        // each imported case: its REPORTED and DISPATCHED events once
        assertThat(jdbc.queryForList("select c.external_ref || ' ' || e.kind from rect_case c join rect_case_event e"
                + " on e.case_no = c.case_no where c.external_ref in ('PG-1', 'PG-2') order by c.external_ref, e.id", String.class))
                .containsExactly("PG-1 REPORTED", "PG-1 DISPATCHED", "PG-2 REPORTED", "PG-2 DISPATCHED");
    }

    /**
     * relreview s58 L6 on PostgreSQL: a report of an external reference whose first report is being written at that moment
     * (its transaction held open here) waits for it on the reference's key, seen waiting for a lock, and once the first
     * commits gets that case as a resend does (200), not the generic 409; one case.
     */
    @Test
    void aReportOfAReferenceFiledAtThatVeryMomentWaitsAndGetsThatCaseOnPostgres() throws Exception {
        // the year's case numbers exist (the first report of a year waits for another creating them, CaseNumbers)
        assertThat(rest.postForEntity("/api/cases?organization=jiuting", json("""
                {"title":"沪亭北路乱设摊","category":"ILLEGAL_STALL","urgency":"NORMAL","source":"CITIZEN",
                 "location":{"address":"沪亭北路 102 号"}}
                """), Map.class).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        var threads = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var filed = new java.util.concurrent.CountDownLatch(1);
            var release = new java.util.concurrent.CountDownLatch(1);
            var first = threads.submit(() -> new org.springframework.transaction.support.TransactionTemplate(
                    context.getBean(org.springframework.transaction.PlatformTransactionManager.class)).execute(tx -> {
                String caseNo = context.getBean(RectificationCases.class).report("jiuting", new NewCase("沪亭北路乱设摊",
                        "ILLEGAL_STALL", "NORMAL", "CITIZEN", new NewCase.Location("沪亭北路 101 号", null, null, null), null,
                        "12345-PG-L6"), "admin").record().caseNo();
                filed.countDown();
                try {
                    release.await(60, java.util.concurrent.TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return caseNo;
            }));
            assertThat(filed.await(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            var second = threads.submit(() -> rest.postForEntity("/api/cases?organization=jiuting", json("""
                    {"title":"沪亭北路乱设摊","category":"ILLEGAL_STALL","urgency":"NORMAL","source":"CITIZEN",
                     "location":{"address":"沪亭北路 101 号"},"externalRef":"12345-PG-L6"}
                    """), Map.class));
            boolean waiting = false;
            for (int i = 0; i < 1000 && !waiting; i++) {
                waiting = jdbc.queryForObject("select count(*) from pg_stat_activity where wait_event_type = 'Lock'"
                        + " and query like '%insert into rect_case (%'", Integer.class) > 0;
                Thread.sleep(10);
            }
            release.countDown();
            assertThat(waiting).as("the second report waited for the first one's key").isTrue();
            String caseNo = first.get(60, java.util.concurrent.TimeUnit.SECONDS);
            ResponseEntity<Map> answer = second.get(60, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(answer.getStatusCode()).as("%s", answer.getBody()).isEqualTo(HttpStatus.OK);
            assertThat(answer.getBody()).containsEntry("caseNo", caseNo);
            assertThat(jdbc.queryForObject("select count(*) from rect_case where external_ref = '12345-PG-L6'", Integer.class)).isOne();
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void aNulCharacterIsRefusedNamingTheFieldAndNothingIsSavedOnPostgres() {
        long count = cases();
        ResponseEntity<Map> title = rest.postForEntity("/api/cases?organization=jiuting", json("""
                {"title":"垃圾\\u0000堆放","category":"EXPOSED_GARBAGE","source":"PATROL",
                 "location":{"address":"九亭大街 1 号"},"externalRef":"PG-NUL-1"}"""), Map.class);
        assertThat(title.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((List<Map<String, Object>>) title.getBody().get("errors")).singleElement().satisfies(e -> {
            assertThat(e).containsEntry("field", "title").containsEntry("code", "INVALID_CHARACTER");
            assertThat((String) e.get("message")).contains("问题标题", "U+0000");
        });
        ResponseEntity<Map> address = rest.postForEntity("/api/cases?organization=jiuting", json("""
                {"title":"垃圾堆放","category":"EXPOSED_GARBAGE","source":"PATROL",
                 "location":{"address":"九亭大街\\u0000 1 号"},"externalRef":"PG-NUL-\\u0000"}"""), Map.class);
        assertThat((List<Map<String, Object>>) address.getBody().get("errors")).extracting(e -> e.get("field") + ":" + e.get("code"))
                .containsExactlyInAnyOrder("location.address:INVALID_CHARACTER", "externalRef:INVALID_CHARACTER");
        ResponseEntity<Map> imported = upload("externalRef,category,title,location,description,urgency\n"
                + "PG-NUL-2,乱张贴,小广告,九亭大街 5 号,,一般\nPG-NUL-3,乱张贴,小\u0000广告,九亭大街 6 号,,一般\n");
        assertThat(imported.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((List<Map<String, Object>>) imported.getBody().get("errors")).extracting(e -> e.get("row") + ":" + e.get("column")
                + ":" + e.get("code")).containsExactly("3:title:INVALID_CHARACTER");
        assertThat(cases()).isEqualTo(count);

        String caseNo = (String) rest.postForEntity("/api/cases?organization=jiuting", json("""
                {"title":"垃圾堆放","category":"EXPOSED_GARBAGE","source":"PATROL",
                 "location":{"address":"九亭大街 7 号"},"externalRef":"PG-NUL-4"}"""), Map.class).getBody().get("caseNo");
        TaskService tasks = context.getBean(TaskService.class);
        // The test's engine has a unique name, so engine REST is addressed by that name.
        String engineRest = "/engine-rest/engine/" + context.getBean(ProcessEngine.class).getName();
        String claim = tasks.createTaskQuery().processInstanceBusinessKey(caseNo).singleResult().getId();
        assertThat(rest.postForEntity(engineRest + "/task/" + claim + "/complete",
                json("{\"variables\":{\"claimDecision\":{\"value\":\"claim\"}}}"), String.class).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        String rectify = tasks.createTaskQuery().processInstanceBusinessKey(caseNo).singleResult().getId();
        ResponseEntity<String> measures = rest.postForEntity(engineRest + "/task/" + rectify + "/complete", json(
                "{\"variables\":{\"rectifyAction\":{\"value\":\"submit\"},\"measures\":{\"value\":\"已\\u0000清理\"}}}"), String.class);
        assertThat(measures.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(measures.getBody()).contains("整改措施", "U+0000");
        assertThat(tasks.createTaskQuery().taskId(rectify).count()).isOne();
    }

    /**
     * PostgreSQL cannot store or compare text with a NUL (H2 can): an engine query or value with one, in the address or
     * the body, is a 400 naming the parameter (it was a 500 of the persistence layer with an ERROR and its stack); text
     * longer than its column likewise.
     */
    @Test
    void aNulOrTooLongTextInAnEngineQueryOrValueIsRefusedNotAServerFaultOnPostgres() {
        String engineRest = "/engine-rest/engine/" + context.getBean(ProcessEngine.class).getName();
        ResponseEntity<String> inTheAddress = rest.getForEntity(java.net.URI.create(rest.getRootUri()
                + engineRest + "/task?processInstanceBusinessKey=JT%00&maxResults=5"), String.class);
        assertThat(inTheAddress.getStatusCode().value()).as(inTheAddress.getBody()).isEqualTo(400);
        assertThat(inTheAddress.getBody()).contains("参数 processInstanceBusinessKey含有 NUL 字符");
        ResponseEntity<String> history = rest.getForEntity(java.net.URI.create(rest.getRootUri()
                + engineRest + "/history/process-instance?processInstanceBusinessKeyLike=%25%00&maxResults=5"), String.class);
        assertThat(history.getStatusCode().value()).as(history.getBody()).isEqualTo(400);

        ResponseEntity<String> inTheBody = rest.postForEntity(engineRest + "/task/count",
                json("{\"nameLike\":\"%\\u0000%\"}"), String.class);
        assertThat(inTheBody.getStatusCode().value()).as(inTheBody.getBody()).isEqualTo(400);
        assertThat(inTheBody.getBody()).contains("请求中的文字含有 NUL 字符");

        ResponseEntity<String> profile = rest.exchange(engineRest + "/user/chengguan1/profile", org.springframework.http.HttpMethod.PUT,
                json("{\"id\":\"chengguan1\",\"firstName\":\"张\\u0000\",\"lastName\":\"队长\"}"), String.class);
        assertThat(profile.getStatusCode().value()).as(profile.getBody()).isEqualTo(400);
        assertThat(context.getBean(ProcessEngine.class).getIdentityService().createUserQuery().userId("chengguan1").singleResult()
                .getFirstName()).isNotEqualTo("张\0");
        ResponseEntity<String> tooLong = rest.exchange(engineRest + "/user/chengguan1/profile", org.springframework.http.HttpMethod.PUT,
                json("{\"id\":\"chengguan1\",\"firstName\":\"" + "张".repeat(300) + "\",\"lastName\":\"队长\"}"), String.class);
        assertThat(tooLong.getStatusCode().value()).as(tooLong.getBody()).isEqualTo(400);
        assertThat(tooLong.getBody()).contains("文字过长");
        assertThat(rest.getForEntity(engineRest + "/task/count", String.class).getStatusCode().value())
                .as("the next request is answered").isEqualTo(200);
    }

    /** A NUL in a value our own API looks a record up by (a merge's {@code into}) is the caller's input: 400, not 500. */
    @Test
    @SuppressWarnings("unchecked")
    void aNulInALookUpKeyOfOurApiIsRefusedNotAServerFaultOnPostgres() {
        String caseNo = (String) rest.postForEntity("/api/cases?organization=jiuting", json("""
                {"title":"垃圾堆放","category":"EXPOSED_GARBAGE","source":"PATROL",
                 "location":{"address":"九亭大街 8 号"},"externalRef":"PG-NUL-5"}"""), Map.class).getBody().get("caseNo");
        ResponseEntity<Map> merge = rest.postForEntity("/api/cases/" + caseNo + "/merge",
                json("{\"into\":\"JT\\u0000\",\"reason\":\"重复上报\"}"), Map.class);
        assertThat(merge.getStatusCode().value()).as(String.valueOf(merge.getBody())).isEqualTo(400);
        assertThat((List<Map<String, Object>>) merge.getBody().get("errors")).singleElement()
                .satisfies(e -> assertThat(e).containsEntry("code", "INVALID_CHARACTER"));
        assertThat(jdbc.queryForObject("select status from rect_case where case_no = ?", String.class, caseNo)).isNotEqualTo("MERGED");
    }

    /** A photo's EXIF time (a wall-clock time, no zone) and place come back from PostgreSQL as they went in. */
    @Test
    void aPhotosTakenTimeAndPlaceRoundTripOnPostgres() {
        CaseRecords records = context.getBean(CaseRecords.class);
        var taken = java.time.LocalDateTime.of(2026, 11, 30, 8, 5, 0);
        jdbc.update("insert into rect_case (case_no, source, category, urgency, title, address, lead_unit, status, reported_by,"
                + " reported_at, rework_count, territory, tenant_id) values ('JT-2026-PG0001', 'PATROL', 'EXPOSED_GARBAGE', 'NORMAL',"
                + " '照片测试', '九亭大街 1 号', 'huanwei', 'IN_RECTIFICATION', 'admin', current_timestamp, 1, 'jiuting', 'jiuting')");
        try {
            records.addPhotoWithEvent("JT-2026-PG0001", "BEFORE", new EvidencePhotos.Photo("IMG_0001.jpg", "image/png",
                    CaseApiTest.PNG, taken, 31.123456, 121.333333), java.time.Instant.now(), "chengguan1", "BEFORE IMG_0001.jpg");
            records.addPhotoWithEvent("JT-2026-PG0001", "AFTER", new EvidencePhotos.Photo("IMG_0002.jpg", "image/png",
                    CaseApiTest.PNG, null, null, null), java.time.Instant.now(), "chengguan1", "AFTER IMG_0002.jpg");
            assertThat(records.photos("JT-2026-PG0001")).extracting(CaseRecords.Photo::takenAt, CaseRecords.Photo::latitude,
                    CaseRecords.Photo::longitude).containsExactly(org.assertj.core.groups.Tuple.tuple(taken, 31.123456, 121.333333),
                    org.assertj.core.groups.Tuple.tuple(null, null, null));
            assertThat(records.photos("JT-2026-PG0001")).as("the case's current round, read from its row: after one rework, the second")
                    .extracting(CaseRecords.Photo::round).containsExactly(2, 2);
            // each photo's event, written with it in one statement on PostgreSQL, at the photo's upload time
            assertThat(jdbc.queryForList("select e.kind, e.actor, e.detail, e.unit_id, e.occurred_at = p.uploaded_at as same_time"
                    + " from rect_case_event e join rect_case_photo p on p.case_no = e.case_no and e.detail = p.kind || ' ' || p.file_name"
                    + " where e.case_no = 'JT-2026-PG0001' order by e.id"))
                    .extracting(r -> r.get("kind"), r -> r.get("actor"), r -> r.get("detail"), r -> r.get("unit_id"), r -> r.get("same_time"))
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("PHOTO_ADDED", "chengguan1", "BEFORE IMG_0001.jpg", null, true),
                            org.assertj.core.groups.Tuple.tuple("PHOTO_ADDED", "chengguan1", "AFTER IMG_0002.jpg", null, true));
        } finally {
            jdbc.update("delete from rect_case_event where case_no = 'JT-2026-PG0001'");
            jdbc.update("delete from rect_case_photo where case_no = 'JT-2026-PG0001'");
            jdbc.update("delete from rect_case where case_no = 'JT-2026-PG0001'");
        }
    }

    /**
     * A step's update and its event are one statement on PostgreSQL: both written, the event as given (its time, actor,
     * detail and unit); a case that does not exist is refused and leaves no event.
     */
    @Test
    void aStepsUpdateAndItsEventAreWrittenTogetherOnPostgres() {
        java.time.Instant at = java.time.Instant.parse("2026-03-02T09:00:00Z");
        jdbc.update("insert into rect_case (case_no, source, category, urgency, title, address, lead_unit, status, reported_by,"
                + " reported_at, territory, tenant_id) values ('PGSTEP-1', 'PATROL', 'EXPOSED_GARBAGE', 'NORMAL', '步骤测试',"
                + " '九亭大街 1 号', 'huanwei', 'AWAITING_VERIFICATION', 'admin', ?, 'jiuting', 'jiuting')",
                java.sql.Timestamp.from(at.minusSeconds(86_400)));
        try {
            CaseRecords records = context.getBean(CaseRecords.class);
            records.updateWithEvent("PGSTEP-1", "status = ?, rework_count = rework_count + 1",
                    new Object[] {CaseStatus.IN_RECTIFICATION.name()}, at, CaseEventKind.VERIFICATION_FAILED, "ducha1", "未整改到位", null);
            records.updateWithEvent("PGSTEP-1", "return_count = return_count + 1", new Object[0], at.plusSeconds(60),
                    CaseEventKind.RETURNED, "huanwei1", "不属本单位", "huanwei");
            assertThat(jdbc.queryForMap("select status, rework_count, return_count from rect_case where case_no = 'PGSTEP-1'"))
                    .containsEntry("status", "IN_RECTIFICATION").containsEntry("rework_count", 1).containsEntry("return_count", 1);
            assertThat(jdbc.queryForList("select kind, occurred_at, actor, detail, unit_id from rect_case_event"
                    + " where case_no = 'PGSTEP-1' order by id"))
                    .extracting(r -> r.get("kind"), r -> ((java.sql.Timestamp) r.get("occurred_at")).toInstant(), r -> r.get("actor"),
                            r -> r.get("detail"), r -> r.get("unit_id"))
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("VERIFICATION_FAILED", at, "ducha1", "未整改到位", null),
                            org.assertj.core.groups.Tuple.tuple("RETURNED", at.plusSeconds(60), "huanwei1", "不属本单位", "huanwei"));
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> records.updateWithEvent("PGSTEP-9", "return_count = 1",
                    new Object[0], at, CaseEventKind.RETURNED, "huanwei1", "x", "huanwei"))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("PGSTEP-9");
            assertThat(jdbc.queryForObject("select count(*) from rect_case_event where case_no = 'PGSTEP-9'", Integer.class)).isZero();
        } finally {
            jdbc.update("delete from rect_case_event where case_no like 'PGSTEP-%'");
            jdbc.update("delete from rect_case where case_no like 'PGSTEP-%'");
        }
    }

    /**
     * diffreview-s60 R7 on PostgreSQL: the due date a 协办's start job gives its 记录协办情况 ({@link CaseParties#startingDue})
     * waits for a 恢复整改 in progress (the case's row locked and changed, the party's due instant moved, not committed yet)
     * and reads what it committed: not 挂账, due by the moved instant. Read from the snapshot before, it stood still.
     */
    @Test
    void aCooperationsStartingDueWaitsForTheCaseResumingOnPostgres() throws Exception {
        java.time.Instant suspended = java.time.Instant.parse("2026-03-02T09:00:00Z");
        java.time.Instant due = suspended.plusSeconds(86_400);
        java.time.Instant moved = due.plusSeconds(7 * 86_400);
        jdbc.update("insert into rect_case (case_no, source, category, urgency, title, address, lead_unit, status, reported_by,"
                + " reported_at, suspended_at, territory, tenant_id) values ('PGRESUME-1', 'PATROL', 'EXPOSED_GARBAGE', 'NORMAL',"
                + " '恢复测试', '九亭大街 2 号', 'chengguan', 'SUSPENDED', 'admin', ?, ?, 'jiuting', 'jiuting')",
                java.sql.Timestamp.from(suspended.minusSeconds(86_400)), java.sql.Timestamp.from(suspended));
        jdbc.update("insert into rect_case_party (case_no, unit_id, role, reason, tenant_id, assigned_at, due_at)"
                + " values ('PGRESUME-1', 'huanwei', 'COOPERATE', 'RESPONSIBLE', 'jiuting', ?, ?)",
                java.sql.Timestamp.from(suspended.minusSeconds(3_600)), java.sql.Timestamp.from(due));
        CaseParties parties = context.getBean(CaseParties.class);
        var transactions = new org.springframework.transaction.support.TransactionTemplate(
                context.getBean(org.springframework.transaction.PlatformTransactionManager.class));
        assertThat(transactions.execute(t -> parties.startingDue("PGRESUME-1", "huanwei")).orElseThrow().taskDue())
                .as("挂账: no due date").isNull();
        java.util.concurrent.ExecutorService job = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            java.util.concurrent.Future<?>[] starting = new java.util.concurrent.Future<?>[1];
            transactions.executeWithoutResult(resuming -> {
                context.getBean(CaseRecords.class).lock("PGRESUME-1");
                jdbc.update("update rect_case set status = 'IN_RECTIFICATION' where case_no = 'PGRESUME-1'");
                jdbc.update("update rect_case_party set due_at = ? where case_no = 'PGRESUME-1'", java.sql.Timestamp.from(moved));
                starting[0] = job.submit(() -> transactions.execute(t -> parties.startingDue("PGRESUME-1", "huanwei")));
                long until = System.nanoTime() + java.time.Duration.ofSeconds(20).toNanos();
                while (!starting[0].isDone() && System.nanoTime() < until && jdbc.queryForObject("select count(*) from pg_stat_activity"
                        + " where wait_event_type = 'Lock' and datname = current_database()", Integer.class) == 0) {
                    java.util.concurrent.locks.LockSupport.parkNanos(20_000_000);
                }
                assertThat(starting[0].isDone()).as("waits for 恢复整改 to commit").isFalse();
            });
            CaseParties.StartingDue read = (CaseParties.StartingDue) ((java.util.Optional<?>) starting[0].get(30,
                    java.util.concurrent.TimeUnit.SECONDS)).orElseThrow();
            assertThat(read.paused()).isFalse();
            assertThat(read.taskDue()).isEqualTo(java.util.Date.from(moved));
        } finally {
            job.shutdownNow();
            jdbc.update("delete from rect_case_party where case_no like 'PGRESUME-%'");
            jdbc.update("delete from rect_case where case_no like 'PGRESUME-%'");
        }
    }

    /**
     * A case closes on time when it was handed in by its due instant, or, never handed in, is closed by it, or has none;
     * late otherwise: PostgreSQL decides in the statement that closes it and writes its CLOSED event, and returns the case's
     * reporter and lead unit.
     */
    @Test
    void aCaseClosesOnTimeOrLateAsItsRowSaysWithItsEventOnPostgres() {
        java.time.Instant due = java.time.Instant.parse("2026-03-02T09:00:00Z");
        java.sql.Timestamp reported = java.sql.Timestamp.from(due.minusSeconds(86_400));
        Object[][] cases = {{"PGCLOSE-1", due.minusSeconds(60)}, {"PGCLOSE-2", due.plusSeconds(60)}, {"PGCLOSE-3", null},
                {"PGCLOSE-4", null}};
        for (Object[] c : cases) {
            jdbc.update("insert into rect_case (case_no, source, category, urgency, title, address, lead_unit, status, reported_by,"
                    + " reported_at, submitted_at, due_at, territory, tenant_id) values (?, 'PATROL', 'EXPOSED_GARBAGE', 'NORMAL',"
                    + " '结案测试', '九亭大街 1 号', 'huanwei', 'AWAITING_VERIFICATION', 'admin', ?, ?, ?, 'jiuting', 'jiuting')",
                    c[0], reported, c[1] == null ? null : java.sql.Timestamp.from((java.time.Instant) c[1]),
                    "PGCLOSE-4".equals(c[0]) ? null : java.sql.Timestamp.from(due));
        }
        try {
            CaseRecords records = context.getBean(CaseRecords.class);
            assertThat(records.closeWithEvent("PGCLOSE-1", due.plusSeconds(3_600), "ducha1", "按期办结", "超期办结"))
                    .as("the closing statement returns whom the closing notice tells").isEqualTo(new CaseRecords.Closed("admin", "huanwei", true));
            records.closeWithEvent("PGCLOSE-2", due.plusSeconds(3_600), "ducha1", "按期办结", "超期办结");
            records.closeWithEvent("PGCLOSE-3", due.minusSeconds(3_600), null, "按期办结", "超期办结");
            records.closeWithEvent("PGCLOSE-4", due.plusSeconds(3_600), null, "按期办结", "超期办结");
            assertThat(jdbc.queryForList("select c.case_no, c.status, c.closed_on_time, e.kind, e.actor, e.detail from rect_case c"
                    + " join rect_case_event e on e.case_no = c.case_no where c.case_no like 'PGCLOSE-%' order by c.case_no"))
                    .extracting(r -> r.get("case_no"), r -> r.get("status"), r -> r.get("closed_on_time"), r -> r.get("kind"),
                            r -> r.get("actor"), r -> r.get("detail"))
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("PGCLOSE-1", "CLOSED", true, "CLOSED", "ducha1", "按期办结"),
                            org.assertj.core.groups.Tuple.tuple("PGCLOSE-2", "CLOSED", false, "CLOSED", "ducha1", "超期办结"),
                            org.assertj.core.groups.Tuple.tuple("PGCLOSE-3", "CLOSED", true, "CLOSED", null, "按期办结"),
                            org.assertj.core.groups.Tuple.tuple("PGCLOSE-4", "CLOSED", true, "CLOSED", null, "按期办结"));
            assertThat(jdbc.queryForObject("select closed_at from rect_case where case_no = 'PGCLOSE-2'", java.sql.Timestamp.class)
                    .toInstant()).isEqualTo(due.plusSeconds(3_600));
            org.assertj.core.api.Assertions.assertThatThrownBy(
                    () -> records.closeWithEvent("PGCLOSE-9", due, null, "按期办结", "超期办结"))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("PGCLOSE-9");
        } finally {
            jdbc.update("delete from rect_case_event where case_no like 'PGCLOSE-%'");
            jdbc.update("delete from rect_case where case_no like 'PGCLOSE-%'");
        }
    }

    /**
     * A warning, deadline or escalation flags its case once, with its event, unless the flag is set already or the case
     * is closed: PostgreSQL decides in the statement that sets the flag and writes the event.
     */
    @Test
    void aDeadlineFlagsItsOpenCaseOnceWithItsEventOnPostgres() {
        java.sql.Timestamp reported = java.sql.Timestamp.from(java.time.Instant.parse("2026-03-01T09:00:00Z"));
        Object[][] cases = {{"PGFLAG-1", "IN_RECTIFICATION", false}, {"PGFLAG-2", "IN_RECTIFICATION", true},
                {"PGFLAG-3", "CLOSED", false}};
        for (Object[] c : cases) {
            jdbc.update("insert into rect_case (case_no, source, category, urgency, title, address, lead_unit, status, reported_by,"
                    + " reported_at, overdue, territory, tenant_id) values (?, 'PATROL', 'EXPOSED_GARBAGE', 'NORMAL', '超期测试',"
                    + " '九亭大街 1 号', 'huanwei', ?, 'admin', ?, ?, 'jiuting', 'jiuting')", c[0], c[1], reported, c[2]);
        }
        java.time.Instant due = java.time.Instant.parse("2026-03-05T09:00:00Z");
        try {
            CaseRecords records = context.getBean(CaseRecords.class);
            assertThat(records.flagWithEvent("PGFLAG-1", "overdue", due, CaseEventKind.OVERDUE)).isTrue();
            assertThat(records.flagWithEvent("PGFLAG-1", "overdue", due.plusSeconds(60), CaseEventKind.OVERDUE)).isFalse();
            assertThat(records.flagWithEvent("PGFLAG-2", "overdue", due, CaseEventKind.OVERDUE)).isFalse();
            assertThat(records.flagWithEvent("PGFLAG-3", "overdue", due, CaseEventKind.OVERDUE)).isFalse();
            assertThat(records.flagWithEvent("PGFLAG-1", "escalated", due.plusSeconds(120), CaseEventKind.ESCALATED)).isTrue();
            assertThat(jdbc.queryForList("select case_no, overdue, escalated from rect_case where case_no like 'PGFLAG-%' order by case_no"))
                    .extracting(r -> r.get("case_no"), r -> r.get("overdue"), r -> r.get("escalated"))
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("PGFLAG-1", true, true),
                            org.assertj.core.groups.Tuple.tuple("PGFLAG-2", true, false),
                            org.assertj.core.groups.Tuple.tuple("PGFLAG-3", false, false));
            assertThat(jdbc.queryForList("select case_no, kind, occurred_at, actor from rect_case_event where case_no like 'PGFLAG-%'"
                    + " order by occurred_at"))
                    .extracting(r -> r.get("case_no"), r -> r.get("kind"), r -> ((java.sql.Timestamp) r.get("occurred_at")).toInstant(),
                            r -> r.get("actor"))
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("PGFLAG-1", "OVERDUE", due, null),
                            org.assertj.core.groups.Tuple.tuple("PGFLAG-1", "ESCALATED", due.plusSeconds(120), null));
            org.assertj.core.api.Assertions.assertThatThrownBy(
                    () -> records.flagWithEvent("PGFLAG-9", "overdue", due, CaseEventKind.OVERDUE))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("PGFLAG-9");
        } finally {
            jdbc.update("delete from rect_case_event where case_no like 'PGFLAG-%'");
            jdbc.update("delete from rect_case where case_no like 'PGFLAG-%'");
        }
    }

    @Test
    void theLedgerReadsEveryCaseOnceAcrossItsPagesOnPostgres() {
        java.time.Instant base = java.time.Instant.parse("2026-02-01T00:00:00Z");
        List<Object[]> rows = new java.util.ArrayList<>();
        for (int i = 0; i < 1_100; i++) {
            // pairs share their report instant, so that the keyset must go on by case number
            java.sql.Timestamp at = java.sql.Timestamp.from(base.plusSeconds(i / 2 * 60L));
            rows.add(new Object[] {"PGLEDGER-" + (10_000 + i), "PATROL", "EXPOSED_GARBAGE", "NORMAL", "台账分页 " + i, "九亭大街 " + i + " 号",
                    "huanwei", "DISPATCHED", "admin", at, at, at, "jiuting", "jiuting"});
        }
        jdbc.batchUpdate("insert into rect_case (case_no, source, category, urgency, title, address, lead_unit, status, reported_by,"
                + " reported_at, dispatched_at, due_at, territory, tenant_id) values (?,?,?,?,?,?,?,?,?,?,?,?,?,?)", rows);
        jdbc.update("insert into rect_case_party (case_no, unit_id, role, reason, tenant_id, assigned_at, due_at)"
                + " values ('PGLEDGER-10000', 'zongguan', 'COOPERATE', 'RESPONSIBLE', 'jiuting', ?, ?)",
                java.sql.Timestamp.from(base), java.sql.Timestamp.from(base));
        try {
            org.shirong.system.XlsxDownload ledger = org.shirong.system.XlsxDownload.of(
                    rest.getForEntity("/api/cases/export.xlsx?unit=huanwei&status=DISPATCHED", byte[].class));
            List<String> caseNos = ledger.data().stream().map(r -> ledger.text(r, "案件编号"))
                    .filter(no -> no.startsWith("PGLEDGER-")).toList();
            assertThat(caseNos).hasSize(1_100).doesNotHaveDuplicates();
            assertThat(caseNos.get(0)).isEqualTo("PGLEDGER-11099");
            assertThat(caseNos.get(caseNos.size() - 1)).isEqualTo("PGLEDGER-10000");
            assertThat(ledger.title()).as("an administrator belongs to no organisation: the unit's names it").isEqualTo("九亭镇环卫所案件台账");
            var first = ledger.data().stream().filter(r -> ledger.text(r, "案件编号").equals("PGLEDGER-10000")).findFirst().orElseThrow();
            assertThat(ledger.text(first, "配合部门")).as("九亭镇's word (terms:)").isEqualTo("综管办");
            assertThat(ledger.cell(first, "上报时间").asDate()).isEqualTo(java.time.LocalDateTime.of(2026, 2, 1, 8, 0));
        } finally {
            jdbc.update("delete from rect_case_party where case_no like 'PGLEDGER-%'");
            jdbc.update("delete from rect_case where case_no like 'PGLEDGER-%'");
        }
    }
}
