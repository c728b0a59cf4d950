package org.shirong.rectification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shirong.system.ShirongWebTest;
import org.shirong.system.WebappSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.shirong.system.SharesSpringContext;

/**
 * 九亭镇 and 锦溪镇 in one installation: each organisation's staff see and work only its own cases, photos, tasks and
 * campaigns, through Shirong's API, /engine-rest and Tasklist's own API; a 锦溪 case is numbered and dispatched by
 * 锦溪's own table to 锦溪's own unit.
 */
@ShirongWebTest
@SharesSpringContext
class TenantIsolationTest {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    TaskService taskService;
    @Autowired
    IdentityService identityService;
    @LocalServerPort
    int port;
    @Autowired
    org.camunda.bpm.engine.ManagementService managementService;
    @Autowired
    org.shirong.calendar.WorkingCalendars calendars;

    String jiutingCase;
    String photoUrl;

    TestRestTemplate as(String user) {
        return rest.withBasicAuth(user, "demo");
    }

    /** A 九亭 case (暴露垃圾, led by 环卫所), rectified with a photo. */
    @BeforeEach
    void aJiutingCaseWithAPhoto() {
        jiutingCase = (String) as("lvrong1").postForEntity("/api/cases", CaseApiTest.json(
                CaseApiTest.body("EXPOSED_GARBAGE", "NORMAL", "九亭大街 18 号", null)), Map.class).getBody().get("caseNo");
        Task claim = taskService.createTaskQuery().processInstanceBusinessKey(jiutingCase).singleResult();
        assertThat(as("huanwei1").postForEntity("/engine-rest/task/" + claim.getId() + "/complete",
                CaseApiTest.json("{\"variables\":{\"claimDecision\":{\"value\":\"claim\"}}}"), String.class).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        Task rectify = taskService.createTaskQuery().processInstanceBusinessKey(jiutingCase).singleResult();
        assertThat(as("huanwei1").postForEntity("/engine-rest/task/" + rectify.getId() + "/complete", CaseApiTest.json(
                "{\"variables\":{\"rectifyAction\":{\"value\":\"submit\"},\"measures\":{\"value\":\"已清理\"},"
                        + "\"photoAfter\":{\"type\":\"File\",\"value\":\"" + Base64.getEncoder().encodeToString(CaseApiTest.PNG)
                        + "\",\"valueInfo\":{\"filename\":\"after.png\",\"mimetype\":\"image/png\"}}}}"), String.class).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> photos = (List<Map<String, Object>>) as("huanwei1").getForObject("/api/cases/" + jiutingCase, Map.class)
                .get("photos");
        photoUrl = (String) photos.get(0).get("url");
    }

    @Test
    @SuppressWarnings("unchecked")
    void jinxiStaffNeitherSeeNorTouchJiutingsCaseItsPhotoOrItsTask() {
        for (String user : List.of("jxtuijinban1", "jxhuanwei1", "jxdangzheng1")) {
            assertThat(as(user).getForEntity("/api/cases/" + jiutingCase, Map.class).getStatusCode()).as(user)
                    .isEqualTo(HttpStatus.NOT_FOUND);
            ResponseEntity<String> photo = as(user).getForEntity(photoUrl, String.class);
            assertThat(photo.getStatusCode()).as(user).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(photo.getBody()).doesNotContain("PNG");
            List<Map<String, Object>> listed = (List<Map<String, Object>>) as(user).getForObject("/api/cases?size=200", Map.class).get("items");
            assertThat(listed).as(user).extracting(c -> c.get("caseNo")).doesNotContain(jiutingCase);
            assertThat(as(user).getForObject("/engine-rest/task?maxResults=100&processInstanceBusinessKey=" + jiutingCase, List.class)).as(user).isEmpty();
            assertThat(as(user).getForObject("/engine-rest/process-instance?maxResults=100&businessKey=" + jiutingCase, List.class)).as(user).isEmpty();
        }

        Task verify = taskService.createTaskQuery().processInstanceBusinessKey(jiutingCase).singleResult();
        ResponseEntity<String> claim = as("jxtuijinban1").postForEntity("/engine-rest/task/" + verify.getId() + "/claim",
                CaseApiTest.json("{\"userId\":\"jxtuijinban1\"}"), String.class);
        assertThat(claim.getStatusCode().is2xxSuccessful()).as("claiming another organisation's task: %s", claim.getBody()).isFalse();
        ResponseEntity<String> complete = as("jxtuijinban1").postForEntity("/engine-rest/task/" + verify.getId() + "/complete",
                CaseApiTest.json("{\"variables\":{\"verificationResult\":{\"value\":\"pass\"}}}"), String.class);
        assertThat(complete.getStatusCode().is2xxSuccessful()).as("completing another organisation's task: %s", complete.getBody()).isFalse();
        assertThat(taskService.createTaskQuery().taskId(verify.getId()).singleResult().getAssignee()).isNull();

        WebappSession tasklist = WebappSession.login(port, "jxtuijinban1", "demo");
        assertThat(tasklist.get("/task?maxResults=100&processInstanceBusinessKey=" + jiutingCase).body())
                .isEqualTo("[]");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aJinxiCaseIsNumberedAndDispatchedByJinxiAndHiddenFromJiuting() {
        ResponseEntity<Map> reported = as("jxtuijinban1").postForEntity("/api/cases", CaseApiTest.json(
                CaseApiTest.body("RECTIFY_TOWN_RIVERS", "NORMAL", "锦溪镇区河道 3 号桥", null)), Map.class);
        assertThat(reported.getStatusCode()).as("%s", reported.getBody()).isEqualTo(HttpStatus.CREATED);
        String jinxiCase = (String) reported.getBody().get("caseNo");
        assertThat(jinxiCase).startsWith("JX-");
        assertThat(reported.getBody()).as("the plan's lead unit for 整治镇区河道环境: 水利站").containsEntry("leadUnit", "jxshuili");

        assertThat(as("jxshuili1").getForObject("/engine-rest/task?maxResults=100&processInstanceBusinessKey=" + jinxiCase, List.class)).hasSize(1);
        for (String user : List.of("chuangban1", "lingdao1", "huanwei1")) {
            assertThat(as(user).getForEntity("/api/cases/" + jinxiCase, Map.class).getStatusCode()).as(user).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(as(user).getForObject("/engine-rest/task?maxResults=100&processInstanceBusinessKey=" + jinxiCase, List.class)).as(user).isEmpty();
        }
        ResponseEntity<Map> jiutingCategory = as("jxtuijinban1").postForEntity("/api/cases", CaseApiTest.json(
                CaseApiTest.body("SURVEY_URBAN_ROADS", "NORMAL", "锦溪镇区", null)), Map.class);
        assertThat(jiutingCategory.getStatusCode()).as("九亭's category is not 锦溪's: %s", jiutingCategory.getBody())
                .isEqualTo(HttpStatus.BAD_REQUEST);
    }

    /** A 锦溪 暴露垃圾 (led by 环卫所, no 协办) reported by {@code reporter} in the 村/社区 {@code community} (none when null). */
    private ResponseEntity<Map> reportInJinxi(String reporter, String title, String community) {
        return as(reporter).postForEntity("/api/cases", CaseApiTest.json("""
                {"title":%s,"category":"EXPOSED_GARBAGE","source":"PATROL",
                 "location":{"address":"锦溪镇卫星村3组河埠头","community":%s}}""".formatted(CaseApiTest.quote(title),
                CaseApiTest.quote(community))), Map.class);
    }

    /**
     * jxreview-s60 J3: on 上报问题 a village's own staff (卫星村) start at their village, not at 不在某个村、社区, so that their
     * report is the village's case; a town office's reporter, in no village, starts at none.
     */
    @Test
    void aVillagesOwnReporterStartsAtItsVillage() {
        String village = as("jxweixing1").getForObject("/shirong/report", String.class);
        assertThat(village).contains("<option value=\"卫星村\" selected>卫星村</option>",
                "<option value=\"上下塘社区\">上下塘社区</option>", "<option value=\"\">不在某个村、社区</option>");
        assertThat(as("jxtuijinban1").getForObject("/shirong/report", String.class)).contains("<select id=\"report-community\"")
                .doesNotContain(" selected>卫星村", " selected>上下塘社区");
    }

    /**
     * jxreview-s60 J1: a village's staff list their area's cases on 案件列表 (辖区案件 · 卫星村), each with its status, light,
     * lead unit and 整改期限 and a link to its page, and the 台账; not another area's. The pages' header and Tasklist's
     * header lead there.
     */
    @Test
    void aVillageListsTheCasesOfItsAreaOnTheCaseListPage() {
        String inVillage = (String) reportInJinxi("jxtuijinban1", "卫星村<b>桥头</b>暴露垃圾", "卫星村").getBody().get("caseNo");
        String inCommunity = (String) reportInJinxi("jxtuijinban1", "上下塘菜场外暴露垃圾", "上下塘社区").getBody().get("caseNo");
        ResponseEntity<String> page = as("jxweixing1").getForEntity("/shirong/cases", String.class);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getBody()).contains("辖区案件 · 卫星村", "<a href=\"/shirong/cases/" + inVillage + "\">" + inVillage + "</a>",
                "卫星村&lt;b&gt;桥头&lt;/b&gt;暴露垃圾", "环卫所", "已派遣", "绿灯", "href=\"/api/cases/export.xlsx\"", "下载台账",
                        // on a phone each row stacks into a card whose cells name their column (jtphone-s61 F9)
                        "class=\"table table-condensed shirong-table shirong-stacked\"", "<td class=\"nowrap\" data-label=\"整改期限\">")
                .doesNotContain(inCommunity, "<b>桥头");
        assertThat(as("jxshangxiatang1").getForObject("/shirong/cases", String.class)).contains("辖区案件 · 上下塘社区", inCommunity)
                .doesNotContain(inVillage);
        assertThat(as("jxtuijinban1").getForObject("/shirong/cases", String.class)).contains("<h1 class=\"shirong-title\">案件列表</h1>",
                inVillage, inCommunity);
        // the header link is named for what it lists: 辖区案件 for a village, 案件列表 for the office (and Tasklist's the same)
        assertThat(as("jxweixing1").getForObject("/shirong/cases/" + inVillage, String.class))
                .contains("<a href=\"/shirong/cases\">辖区案件</a>").doesNotContain("<a href=\"/shirong/cases\">案件列表</a>");
        assertThat(as("jxtuijinban1").getForObject("/shirong/cases/" + inVillage, String.class))
                .contains("<a href=\"/shirong/cases\">案件列表</a>");
        assertThat(as("jxweixing1").getForObject("/api/cases/list-link", Map.class)).containsEntry("label", "辖区案件");
        assertThat(as("jxtuijinban1").getForObject("/api/cases/list-link", Map.class)).containsEntry("label", "案件列表");
        assertThat(as("jxweixing1").getForObject("/camunda/app/tasklist/shirong/case-list-link.js", String.class))
                .contains("/api/cases/list-link");
        assertThat(rest.getForEntity("/shirong/cases", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(as("jxweixing1").getForObject("/camunda/app/tasklist/scripts/config.js", String.class))
                .contains("'shirong/case-list-link'");
    }

    /** A 锦溪 河道 case (水利站 leads, 安环所 among its 协办) reported by the office in the 村/社区 {@code community}. */
    private String riverCaseIn(String community) {
        ResponseEntity<Map> reported = as("jxtuijinban1").postForEntity("/api/cases", CaseApiTest.json("""
                {"title":"卫星村河埠头垃圾入河","category":"RECTIFY_TOWN_RIVERS","source":"PATROL",
                 "location":{"address":"邵甸港卫星村段","community":%s}}""".formatted(CaseApiTest.quote(community))), Map.class);
        assertThat(reported.getStatusCode()).as("%s", reported.getBody()).isEqualTo(HttpStatus.CREATED);
        return (String) reported.getBody().get("caseNo");
    }

    /**
     * jxreview-s60 J4: 认领案件 (and the approval forms, Camunda Forms) name the case's 村/社区, from a variable the dispatch
     * sets only for a case that has one. J9: a Tasklist link with only the case number opens the 协办 unit's own
     * 记录协办情况 (its process runs under caseNo/unit), the lead unit still its 认领案件, anyone else nothing.
     */
    @Test
    @SuppressWarnings("unchecked")
    void theUnitsFormsNameTheCasesVillageAndACaseNumberLinkOpensTheCooperatingUnitsTask() {
        String caseNo = riverCaseIn("卫星村");
        Task claim = taskService.createTaskQuery().processInstanceBusinessKey(caseNo).singleResult();
        Map<String, Map<String, Object>> shown = as("jxshuili1").getForObject("/engine-rest/task/" + claim.getId()
                + "/form-variables", Map.class);
        assertThat(shown.get("caseCommunity")).containsEntry("value", "卫星村");
        String form = as("jxshuili1").getForObject("/engine-rest/task/" + claim.getId() + "/deployed-form", String.class)
                .replaceAll("\\s", "");
        assertThat(form).contains("\"key\":\"caseCommunity\",\"label\":\"村/社区\",\"readonly\":true");
        String nowhere = riverCaseIn(null);
        Task other = taskService.createTaskQuery().processInstanceBusinessKey(nowhere).singleResult();
        assertThat(as("jxshuili1").getForObject("/engine-rest/task/" + other.getId() + "/form-variables", Map.class))
                .as("a case in no 村/社区 costs no variable").doesNotContainKey("caseCommunity");

        Task cooperation = taskService.createTaskQuery().processInstanceBusinessKey(caseNo + "/jxanhuan").singleResult();
        assertThat(cooperation).as("安环所's 记录协办情况").isNotNull();
        assertThat(as("jxanhuan1").getForObject("/api/notifications/target?about=" + caseNo, Map.class))
                .containsEntry("task", cooperation.getId()).containsEntry("businessKey", caseNo);
        assertThat(as("jxshuili1").getForObject("/api/notifications/target?about=" + caseNo, Map.class))
                .containsEntry("task", claim.getId());
        assertThat(as("jxweixing1").getForObject("/api/notifications/target?about=" + caseNo, Map.class)).containsEntry("task", null);
    }

    /**
     * jxreview-s60 J7: 更正 with nothing changed names, in Chinese, only the fields the organisation's form has: 锦溪 has 村/社区
     * and no 属地, 九亭 neither; the API's field and code stay as they were.
     */
    @Test
    void aCorrectionChangingNothingNamesTheFormsFieldsInChinese() {
        String caseNo = (String) reportInJinxi("jxtuijinban1", "河埠头垃圾", "卫星村").getBody().get("caseNo");
        ResponseEntity<Map> jinxi = as("jxtuijinban1").postForEntity("/api/cases/" + caseNo + "/correction",
                CaseApiTest.json("{\"reason\":\"核对\"}"), Map.class);
        assertThat(jinxi.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(CaseApiTest.errors(jinxi)).singleElement().satisfies(e -> assertThat(e).containsEntry("field", "title")
                .containsEntry("code", "NOTHING_TO_CORRECT").containsEntry("message", "请改动至少一栏：问题标题、地点、描述、问题类别或村/社区"));
        ResponseEntity<Map> jiuting = as("chuangban1").postForEntity("/api/cases/" + jiutingCase + "/correction",
                CaseApiTest.json("{\"reason\":\"核对\"}"), Map.class);
        assertThat(CaseApiTest.errors(jiuting)).singleElement().satisfies(e -> assertThat(e)
                .containsEntry("message", "请改动至少一栏：问题标题、地点、描述或问题类别"));
    }

    /**
     * jxreview-s60 J8: after its 【辖区问题】 the village hears what happens next, in its inbox as every notice: the office's
     * 更正 moving the case to another 村/社区 (linked to its 辖区案件, as it reads the case no more), the 挂账 with its 复核日期,
     * and the 结案.
     */
    @Test
    @SuppressWarnings("unchecked")
    void theVillageIsToldWhenItsCaseMovesAwayIsSuspendedOrCloses() {
        String moved = (String) reportInJinxi("jxtuijinban1", "桥头暴露垃圾", "卫星村").getBody().get("caseNo");
        assertThat(as("jxtuijinban1").postForEntity("/api/cases/" + moved + "/correction",
                CaseApiTest.json("{\"community\":\"上下塘社区\",\"reason\":\"桥东属上下塘社区\"}"), Map.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(inbox("jxweixing1", moved)).containsExactlyInAnyOrder("【辖区问题】" + moved + " 桥头暴露垃圾",
                "【辖区问题已不属本辖区】" + moved + " 桥头暴露垃圾");
        assertThat(message("jxweixing1", moved, "已不属本辖区")).contains("改属上下塘社区", "更正说明：桥东属上下塘社区", "/shirong/cases");
        assertThat(inbox("jxshangxiatang1", moved)).containsExactlyInAnyOrder("【辖区问题】" + moved + " 桥头暴露垃圾");

        String suspended = (String) reportInJinxi("jxtuijinban1", "河埠头垃圾待打捞", "卫星村").getBody().get("caseNo");
        Task rectify = claimedInJinxi(suspended);
        java.time.LocalDate day = calendars.of("jinxi").workingDayFrom(
                java.time.LocalDate.now(calendars.of("jinxi").zone()).plusDays(30));
        assertThat(as("jxhuanwei1").postForEntity("/engine-rest/task/" + rectify.getId() + "/complete", CaseApiTest.json(
                "{\"variables\":{\"rectifyAction\":{\"value\":\"suspension\"},\"suspensionReason\":{\"value\":\"封航审批未下达\"},"
                        + "\"suspensionReviewDate\":{\"value\":\"" + day + "\"}}}"), String.class).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(inbox("jxweixing1", suspended)).hasSize(1);
        Task approval = taskService.createTaskQuery().processInstanceBusinessKey(suspended).singleResult();
        ResponseEntity<String> approved = as("jxlingdao1").postForEntity("/engine-rest/task/" + approval.getId() + "/complete",
                CaseApiTest.json("{\"variables\":{\"suspensionApproved\":{\"value\":\"yes\"},\"suspensionReviewDate\":{\"value\":\""
                        + day + "\"}}}"), String.class);
        assertThat(approved.getStatusCode()).as("%s", approved.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(inbox("jxweixing1", suspended)).containsExactlyInAnyOrder("【辖区问题】" + suspended + " 河埠头垃圾待打捞",
                "【辖区问题已挂账】" + suspended + " 河埠头垃圾待打捞");
        assertThat(message("jxweixing1", suspended, "已挂账")).contains("复核日期 " + day.getYear() + "年" + day.getMonthValue() + "月"
                + day.getDayOfMonth() + "日", "/shirong/cases/" + suspended);

        String closed = (String) reportInJinxi("jxtuijinban1", "村道垃圾", "卫星村").getBody().get("caseNo");
        Task work = claimedInJinxi(closed);
        assertThat(as("jxhuanwei1").postForEntity("/engine-rest/task/" + work.getId() + "/complete", CaseApiTest.json(
                "{\"variables\":{\"rectifyAction\":{\"value\":\"submit\"},\"measures\":{\"value\":\"已清理\"},"
                        + "\"photoAfter\":{\"type\":\"File\",\"value\":\"" + Base64.getEncoder().encodeToString(CaseApiTest.PNG)
                        + "\",\"valueInfo\":{\"filename\":\"after.png\",\"mimetype\":\"image/png\"}}}}"), String.class)
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        Task verify = taskService.createTaskQuery().processInstanceBusinessKey(closed).singleResult();
        assertThat(as("jxtuijinban1").postForEntity("/engine-rest/task/" + verify.getId() + "/claim",
                CaseApiTest.json("{\"userId\":\"jxtuijinban1\"}"), String.class).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(as("jxtuijinban1").postForEntity("/engine-rest/task/" + verify.getId() + "/complete", CaseApiTest.json(
                "{\"variables\":{\"verificationResult\":{\"value\":\"pass\"}}}"), String.class).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        managementService.createJobQuery().processInstanceId(verify.getProcessInstanceId()).list()
                .forEach(job -> managementService.executeJob(job.getId()));
        assertThat(inbox("jxweixing1", closed)).containsExactlyInAnyOrder("【辖区问题】" + closed + " 村道垃圾", "【辖区问题已结案】" + closed + " 村道垃圾");
        assertThat(message("jxweixing1", closed, "已结案")).contains("经核查整改到位，本案件已结案", "/shirong/cases/" + closed);
    }

    /** The open 整改问题 of a 锦溪 暴露垃圾 case once 环卫所 claimed it. */
    private Task claimedInJinxi(String caseNo) {
        Task claim = taskService.createTaskQuery().processInstanceBusinessKey(caseNo).singleResult();
        assertThat(as("jxhuanwei1").postForEntity("/engine-rest/task/" + claim.getId() + "/complete",
                CaseApiTest.json("{\"variables\":{\"claimDecision\":{\"value\":\"claim\"}}}"), String.class).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        return taskService.createTaskQuery().processInstanceBusinessKey(caseNo).singleResult();
    }

    /** The body of the user's message about the case whose subject has {@code subjectPart}. */
    @SuppressWarnings("unchecked")
    private String message(String user, String caseNo, String subjectPart) {
        return ((List<Map<String, Object>>) as(user).getForObject("/api/notifications?limit=200", List.class)).stream()
                .filter(m -> caseNo.equals(m.get("businessKey")) && ((String) m.get("subject")).contains(subjectPart))
                .map(m -> (String) m.get("body")).findFirst().orElseThrow();
    }

    /**
     * secreview-s61 S2: a clerk who reported a case in 锦溪 (卫星村) and then moved to 九亭 (绿容所) no longer lists it, as he
     * no longer reads it: his own reports are his to read only in an organisation he belongs to.
     */
    @Test
    void aClerkMovedToAnotherTownNoLongerListsTheCasesHeReportedInTheOldOne() {
        var user = identityService.newUser("movedclerk61");
        user.setFirstName("调");
        user.setLastName("动");
        user.setPassword("Moved-clerk-61");
        identityService.saveUser(user);
        // an account an administrator made in Admin, in no organisation's file: it names its organisation when it reports
        identityService.createTenantUserMembership("jinxi", "movedclerk61");
        identityService.createMembership("movedclerk61", "jxweixing");
        try {
            TestRestTemplate moved = rest.withBasicAuth("movedclerk61", "Moved-clerk-61");
            ResponseEntity<Map> reported = moved.postForEntity("/api/cases?organization=jinxi", CaseApiTest.json("""
                    {"title":"卫星村桥头暴露垃圾","category":"EXPOSED_GARBAGE","source":"PATROL",
                     "location":{"address":"锦溪镇卫星村3组河埠头"}}"""), Map.class);
            assertThat(reported.getStatusCode()).as("%s", reported.getBody()).isEqualTo(HttpStatus.CREATED);
            String caseNo = (String) reported.getBody().get("caseNo");
            assertThat(listedBy(moved)).as("his own report, in his organisation").contains(caseNo);

            identityService.deleteMembership("movedclerk61", "jxweixing");
            identityService.deleteTenantUserMembership("jinxi", "movedclerk61");
            identityService.createTenantUserMembership("jiuting", "movedclerk61");
            identityService.createMembership("movedclerk61", "lvrong");
            assertThat(moved.getForEntity("/api/cases/" + caseNo, String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(listedBy(moved)).as("nor listed").doesNotContain(caseNo);
            assertThat(moved.getForObject("/shirong/cases", String.class)).doesNotContain(caseNo);
        } finally {
            identityService.deleteUser("movedclerk61");
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Object> listedBy(TestRestTemplate client) {
        return ((List<Map<String, Object>>) client.getForObject("/api/cases?size=200", Map.class).get("items")).stream()
                .map(c -> c.get("caseNo")).toList();
    }

    @SuppressWarnings("unchecked")
    private List<Object> listed(String user) {
        return ((List<Map<String, Object>>) as(user).getForObject("/api/cases?size=200", Map.class).get("items")).stream()
                .map(c -> c.get("caseNo")).toList();
    }

    @SuppressWarnings("unchecked")
    private List<String> inbox(String user, String caseNo) {
        return ((List<Map<String, Object>>) as(user).getForObject("/api/notifications?limit=200", List.class)).stream()
                .filter(m -> caseNo.equals(m.get("businessKey"))).map(m -> (String) m.get("subject")).toList();
    }

    /**
     * jxreview-s58 J5: a village (卫星村) reads, read-only, the cases whose 村/社区 it is, in the case API, the list and its
     * ledger, and is told of them once (【辖区问题】); it neither reads another 社区's case (上下塘社区) nor one in no 村/社区, and
     * gains no task and no action on its own. A 村/社区 the organisation does not have is refused, naming the field.
     */
    @Test
    @SuppressWarnings("unchecked")
    void aVillageReadsAndIsToldOfTheCasesInItsAreaOnlyAndActsOnNone() {
        ResponseEntity<Map> village = reportInJinxi("jxtuijinban1", "卫星村河埠头垃圾入河", "卫星村");
        assertThat(village.getStatusCode()).as("%s", village.getBody()).isEqualTo(HttpStatus.CREATED);
        assertThat(village.getBody()).containsEntry("community", "卫星村").containsEntry("leadUnit", "jxhuanwei");
        String inVillage = (String) village.getBody().get("caseNo");
        // by its group id, kept under its name
        ResponseEntity<Map> community = reportInJinxi("jxtuijinban1", "菜场外暴露垃圾", "jxshangxiatang");
        assertThat(community.getBody()).containsEntry("community", "上下塘社区");
        String inCommunity = (String) community.getBody().get("caseNo");
        String nowhere = (String) reportInJinxi("jxtuijinban1", "镇区暴露垃圾", null).getBody().get("caseNo");

        // the 上报问题 page offers 锦溪's 村/社区 (九亭's has no such field), the case page opens for the village
        assertThat(as("jxtuijinban1").getForObject("/shirong/report", String.class)).contains("<select id=\"report-community\"",
                "<option value=\"上下塘社区\">上下塘社区</option>", "<option value=\"卫星村\">卫星村</option>");
        assertThat(as("chuangban1").getForObject("/shirong/report", String.class)).doesNotContain("report-community");
        assertThat(as("jxweixing1").getForEntity("/shirong/cases/" + inVillage, String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(as("jxweixing1").getForEntity("/shirong/cases/" + inCommunity, String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        ResponseEntity<Map> read = as("jxweixing1").getForEntity("/api/cases/" + inVillage, Map.class);
        assertThat(read.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat((Map<String, Object>) read.getBody().get("actions")).as("reading is no right to act")
                .containsEntry("appeal", List.of()).containsEntry("merge", false).containsEntry("reopen", false)
                .containsEntry("void", false).containsEntry("correct", false);
        for (String other : List.of(inCommunity, nowhere)) {
            assertThat(as("jxweixing1").getForEntity("/api/cases/" + other, Map.class).getStatusCode()).as(other)
                    .isEqualTo(HttpStatus.NOT_FOUND);
        }
        assertThat(listed("jxweixing1")).contains(inVillage).doesNotContain(inCommunity, nowhere);
        assertThat(listed("jxshangxiatang1")).contains(inCommunity).doesNotContain(inVillage, nowhere);
        assertThat(as("jxshangxiatang1").getForEntity("/api/cases/" + inVillage, Map.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        org.shirong.system.XlsxDownload ledger = org.shirong.system.XlsxDownload.of(
                as("jxweixing1").getForEntity("/api/cases/export.xlsx", byte[].class));
        assertThat(ledger.title()).isEqualTo("锦溪镇卫星村案件台账");
        assertThat(ledger.data()).extracting(r -> ledger.text(r, "案件编号")).contains(inVillage).doesNotContain(inCommunity, nowhere);
        assertThat(ledger.data()).filteredOn(r -> inVillage.equals(ledger.text(r, "案件编号")))
                .extracting(r -> ledger.text(r, "村/社区")).containsExactly("卫星村");

        // told once, each 村/社区 of its own case; no task, no claim, no completion, no 督办 or 更正
        assertThat(inbox("jxweixing1", inVillage)).containsExactly("【辖区问题】" + inVillage + " 卫星村河埠头垃圾入河");
        assertThat(inbox("jxshangxiatang1", inCommunity)).containsExactly("【辖区问题】" + inCommunity + " 菜场外暴露垃圾");
        assertThat(inbox("jxweixing1", inCommunity)).isEmpty();
        assertThat(as("jxweixing1").getForObject("/engine-rest/task?maxResults=100&processInstanceBusinessKey=" + inVillage, List.class))
                .isEmpty();
        Task claim = taskService.createTaskQuery().processInstanceBusinessKey(inVillage).singleResult();
        assertThat(as("jxweixing1").postForEntity("/engine-rest/task/" + claim.getId() + "/claim",
                CaseApiTest.json("{\"userId\":\"jxweixing1\"}"), String.class).getStatusCode().is2xxSuccessful()).isFalse();
        assertThat(as("jxweixing1").postForEntity("/engine-rest/task/" + claim.getId() + "/complete",
                CaseApiTest.json("{\"variables\":{\"claimDecision\":{\"value\":\"claim\"}}}"), String.class)
                .getStatusCode().is2xxSuccessful()).isFalse();
        assertThat(taskService.createTaskQuery().taskId(claim.getId()).singleResult().getAssignee()).isNull();
        assertThat(as("jxweixing1").postForEntity("/api/cases/" + inVillage + "/supervisions",
                CaseApiTest.json("{\"instruction\":\"请尽快处理\"}"), Map.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as("jxweixing1").postForEntity("/api/cases/" + inVillage + "/correction",
                CaseApiTest.json("{\"title\":\"改个标题\",\"reason\":\"试试\"}"), Map.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);

        // the village's own report in the village: it reads it as its reporter, and is not told of its own report
        String own = (String) reportInJinxi("jxweixing1", "村口暴露垃圾", "卫星村").getBody().get("caseNo");
        assertThat(inbox("jxweixing1", own)).isEmpty();

        Object before = as("jxtuijinban1").getForObject("/api/cases?size=1", Map.class).get("total");
        ResponseEntity<Map> unknown = reportInJinxi("jxtuijinban1", "卫星村3组垃圾", "卫星村3组");
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(CaseApiTest.errors(unknown)).singleElement().satisfies(e -> {
            assertThat(e).containsEntry("field", "location.community").containsEntry("code", "UNKNOWN_COMMUNITY");
            assertThat((String) e.get("message")).startsWith("村/社区须为锦溪镇的村或社区（可选：上下塘社区、卫星村）").contains("卫星村3组");
        });
        assertThat(as("jxtuijinban1").getForObject("/api/cases?size=1", Map.class).get("total")).as("nothing saved").isEqualTo(before);
    }

    /**
     * jxreview-s58 J5, 更正案件信息: the office gives a case reported without one its 村/社区; the village then reads it and is
     * told once; a 村/社区 the organisation does not have is refused naming the field, nothing changed; cleared, the village
     * no longer reads it.
     */
    @Test
    @SuppressWarnings("unchecked")
    void theOfficeCorrectsTheCasesVillageAndTheVillageReadsItFromThen() {
        String caseNo = (String) reportInJinxi("jxtuijinban1", "河埠头垃圾", null).getBody().get("caseNo");
        assertThat(as("jxtuijinban1").getForObject("/shirong/cases/" + caseNo, String.class)).contains("<select id=\"correct-community\"");
        assertThat(as("jxweixing1").getForEntity("/api/cases/" + caseNo, Map.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

        ResponseEntity<Map> unknown = as("jxtuijinban1").postForEntity("/api/cases/" + caseNo + "/correction",
                CaseApiTest.json("{\"community\":\"卫星村3组\",\"reason\":\"在卫星村\"}"), Map.class);
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(CaseApiTest.errors(unknown)).singleElement().satisfies(e -> assertThat(e)
                .containsEntry("field", "community").containsEntry("code", "UNKNOWN_COMMUNITY"));

        ResponseEntity<Map> corrected = as("jxtuijinban1").postForEntity("/api/cases/" + caseNo + "/correction",
                CaseApiTest.json("{\"community\":\"卫星村\",\"reason\":\"问题在卫星村3组\"}"), Map.class);
        assertThat(corrected.getStatusCode()).as("%s", corrected.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(corrected.getBody()).containsEntry("community", "卫星村");
        assertThat((String) corrected.getBody().get("detail")).startsWith("村/社区：“”改为“卫星村”");
        Map<String, Object> read = as("jxweixing1").getForObject("/api/cases/" + caseNo, Map.class);
        assertThat((Map<String, Object>) read.get("record")).containsEntry("community", "卫星村");
        assertThat(inbox("jxweixing1", caseNo)).containsExactly("【辖区问题】" + caseNo + " 河埠头垃圾");

        assertThat(as("jxtuijinban1").postForEntity("/api/cases/" + caseNo + "/correction",
                CaseApiTest.json("{\"community\":\"\",\"reason\":\"不在村里\"}"), Map.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(as("jxweixing1").getForEntity("/api/cases/" + caseNo, Map.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    /**
     * The unit list of Shirong's API answered every organisation's units to anyone logged in (found by the outside round):
     * a 锦溪 clerk read 九亭's units, their duties and who heads them, which the group queries keep from them.
     */
    @Test
    @SuppressWarnings("unchecked")
    void theUnitListShowsOnlyTheOrganisationsTheCallerMayRead() {
        List<Map<String, Object>> jinxi = as("jxhuanwei1").getForObject("/api/organization/units", List.class);
        assertThat(jinxi).extracting(u -> u.get("id")).contains("jxhuanwei", "jxtuijinban").doesNotContain("huanwei", "chuangban",
                "sjshirongban");
        assertThat(jinxi).flatExtracting(u -> (List<String>) u.get("heads")).doesNotContain("chuangban1", "huanwei1");
        // the plan's 村 and 社区 by their own type, not as 居委会 (jxreview J9); Admin names the types from the same list
        assertThat(jinxi).filteredOn(u -> List.of("jxweixing", "jxshangxiatang").contains(u.get("id")))
                .extracting(u -> u.get("name") + ":" + u.get("type") + ":" + u.get("typeName"))
                .containsExactly("上下塘社区:COMMUNITY:社区", "卫星村:VILLAGE:村");
        assertThat((List<Map<String, Object>>) as("jxhuanwei1").getForObject("/api/organization/group-types", List.class))
                .extracting(t -> t.get("type") + ":" + t.get("name")).contains("COMMITTEE:居委会", "COMMUNITY:社区", "VILLAGE:村");

        List<Map<String, Object>> jiuting = as("huanwei1").getForObject("/api/organization/units", List.class);
        assertThat(jiuting).extracting(u -> u.get("id")).contains("huanwei", "chuangban").doesNotContain("jxhuanwei", "sjshirongban");

        List<Map<String, Object>> district = as("sjshirongban1").getForObject("/api/organization/units", List.class);
        assertThat(district).as("the district reads its towns").extracting(u -> u.get("id")).contains("sjshirongban", "huanwei")
                .doesNotContain("jxhuanwei");
        List<Map<String, Object>> all = rest.withBasicAuth("admin", "admin").getForObject("/api/organization/units", List.class);
        assertThat(all).extracting(u -> u.get("id")).contains("huanwei", "jxhuanwei", "sjshirongban");
    }

    /**
     * An administrator's operation belongs to no process and no organisation, and Camunda showed it to every office that
     * may read all processes' history (found by the outside round): 九亭's office read which 锦溪 accounts the administrator
     * changed. Staff's operation log keeps the work on processes and tasks only, through /engine-rest and Tasklist's API.
     */
    @Test
    @SuppressWarnings("unchecked")
    void anAdministratorsOperationsStayOutOfTheOperationLogOfOtherOffices() {
        TestRestTemplate admin = rest.withBasicAuth("admin", "admin");
        Map<String, Object> profile = admin.getForObject("/engine-rest/user/jxanhuan1/profile", Map.class);
        admin.put("/engine-rest/user/jxanhuan1/profile", profile); // saved unchanged: logged as an administrator's update
        String changed = "/history/user-operation?entityType=User&maxResults=500";
        assertThat(admin.getForObject("/engine-rest" + changed, List.class)).as("the administrator's own log")
                .anySatisfy(e -> assertThat((Map<String, Object>) e).containsEntry("newValue", "jxanhuan1").containsEntry("category", "Admin"));

        for (String office : List.of("chuangban1", "sjshirongban1")) {
            assertThat(as(office).getForObject("/engine-rest" + changed, List.class)).as(office).isEmpty();
            assertThat(as(office).getForObject("/engine-rest/history/user-operation/count?category=Admin", Map.class))
                    .as(office).containsEntry("count", 0);
            assertThat(as(office).getForObject("/engine-rest" + changed + "&categoryIn=Admin,TaskWorker", List.class)).as(office).isEmpty();
            List<Map<String, Object>> work = as(office).getForObject("/engine-rest/history/user-operation?maxResults=500", List.class);
            assertThat(work).as("%s still reads the work on its processes", office).isNotEmpty()
                    .allSatisfy(e -> assertThat(e.get("category")).isIn("Operator", "TaskWorker"));
        }
        assertThat(WebappSession.login(port, "chuangban1", "demo").get(changed).body()).isEqualTo("[]");
    }
}
