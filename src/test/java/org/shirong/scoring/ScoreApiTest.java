package org.shirong.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.camunda.bpm.engine.RuntimeService;
import org.shirong.rectification.CaseAppealProcess;
import org.shirong.system.ApiError;
import org.shirong.system.InvalidRequestException;
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
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.shirong.system.SharesSpringContext;

/**
 * {@code GET /api/scores} over HTTP on H2 with the seeded organisation: the ranking computed on the fly,
 * then the stored one after the period is saved; a return charged to the unit that made it; 401 and 400s; the same scores
 * as Excel ({@code /api/scores/export.xlsx}) read back with FastExcel's reader.
 */
@ShirongWebTest
@SharesSpringContext
@SuppressWarnings("unchecked")
class ScoreApiTest {

    static final Instant DUE = Instant.parse("2025-03-14T02:00:00Z");

    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ScoreService scoreService;
    @Autowired
    UnitScores unitScores;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    org.camunda.bpm.engine.IdentityService identityService;
    @Autowired
    org.camunda.bpm.engine.FormService formService;

    CaseRows rows;

    @BeforeEach
    void cases() {
        rows = new CaseRows(jdbc, "SCAPI");
        rows.clear();
        // other classes' cases of 九亭镇 overdue and open since before March 2025 would count in every month scored here
        rows.setAsideOverdueBefore(Instant.parse("2025-02-28T16:00:00Z"));
        // 环卫所: 2 closed on time; it also returned a case (due in April) that then went to 城管中队.
        rows.add("huanwei", "CLOSED", DUE, "on time");
        rows.add("huanwei", "CLOSED", DUE, "on time");
        String returned = rows.add("huanwei", "DISPATCHED", Instant.parse("2025-04-10T02:00:00Z"), null);
        rows.returnedAndRedispatched(returned, Instant.parse("2025-03-10T02:00:00Z"), "chengguan");
        // 城管中队: 1 closed on time, 1 open past due.  农副公司: 1 open past due.  创建办 (an office, not ranked): 1 late.
        rows.add("chengguan", "CLOSED", DUE, "on time");
        rows.add("chengguan", "IN_RECTIFICATION", DUE, null);
        rows.add("nongfu", "IN_RECTIFICATION", DUE, null);
        rows.add("chuangban", "CLOSED", DUE, "late");
    }

    @AfterEach
    void clear() {
        runtimeService.createProcessInstanceQuery().processDefinitionKey(CaseAppealProcess.KEY)
                .processInstanceBusinessKeyLike("SCAPI-%").list()
                .forEach(pi -> runtimeService.deleteProcessInstance(pi.getId(), "test over", true));
        rows.clear();
        rows.restoreSetAside();
    }

    TestRestTemplate as(String user) {
        return rest.withBasicAuth(user, "demo");
    }

    static List<Map<String, Object>> list(Map<String, Object> body, String key) {
        return (List<Map<String, Object>>) body.get(key);
    }

    static List<Map<String, Object>> errors(ResponseEntity<Map> response) {
        return (List<Map<String, Object>>) response.getBody().get("errors");
    }

    static HttpEntity<String> json(String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }

    ResponseEntity<Map> appeal(String user, String caseNo, String deduction, String reason) {
        return as(user).postForEntity("/api/cases/" + caseNo + "/appeals", json("""
                {"deduction":"%s","reason":"%s"}""".formatted(deduction, reason)), Map.class);
    }

    /** The office (创建办) decides the appeal in Tasklist: claims 审核考核申诉 and submits its form through /engine-rest. */
    void review(String caseNo, String deduction, String decision, String opinion) {
        ResponseEntity<String> submitted = submitReview(claimReview(caseNo, deduction), decision, opinion);
        assertThat(submitted.getStatusCode().value()).as(submitted.getBody()).isEqualTo(204);
    }

    /** The office claims the case's 审核考核申诉 in Tasklist; returns the task's id. */
    String claimReview(String caseNo, String deduction) {
        List<Map<String, Object>> tasks = as("chuangban1").getForObject("/engine-rest/task?processInstanceBusinessKey=" + caseNo
                + "/appeal-" + deduction + "&taskDefinitionKey=Task_ReviewAppeal&maxResults=10", List.class);
        assertThat(tasks).hasSize(1);
        assertThat((String) tasks.get(0).get("name")).startsWith("审核考核申诉 · " + caseNo);
        String id = (String) tasks.get(0).get("id");
        assertThat(as("chuangban1").postForEntity("/engine-rest/task/" + id + "/claim", json("{\"userId\":\"chuangban1\"}"),
                String.class).getStatusCode().value()).isEqualTo(204);
        return id;
    }

    ResponseEntity<String> submitReview(String taskId, String decision, String opinion) {
        return as("chuangban1").postForEntity("/engine-rest/task/" + taskId + "/submit-form", json("""
                {"variables":{"appealDecision":{"value":"%s"},"appealOpinion":{"value":"%s"}}}""".formatted(decision, opinion)),
                String.class);
    }

    /**
     * A merged case leaves the scores: a duplicate whose deadline fell in a month whose scores were saved is not merged
     * (its quarter and year would no longer count it), and the case page does not offer it.
     */
    @Test
    void aDuplicateWhoseDeadlineFellInASavedPeriodIsNotMerged() {
        String address = "九亭大街 " + java.util.concurrent.ThreadLocalRandom.current().nextInt(100_000, 1_000_000) + " 号";
        String first = report(address);
        String second = report(address);
        assertThat(actions("chuangban2", second)).containsEntry("merge", true);
        java.sql.Timestamp due = jdbc.queryForObject("select due_at from rect_case where case_no = ?", java.sql.Timestamp.class, second);
        jdbc.update("update rect_case set due_at = ? where case_no = ?", java.sql.Timestamp.from(Instant.parse("2013-05-10T02:00:00Z")),
                second);
        try {
            duplicateDueInASavedMonthIsNotMerged(first, second);
        } finally {
            // open and overdue since 2013, the case would count in every later month (超期未结): back to its own deadline,
            // so that it leaves the months this class and others score
            jdbc.update("update rect_case set due_at = ? where case_no = ?", due, second);
        }
    }

    private void duplicateDueInASavedMonthIsNotMerged(String first, String second) {
        scoreService.calculateAndSave(ScorePeriod.parse("2013-05").orElseThrow(), "jiuting", ScoreService.scope("jiuting", null));

        assertThat(actions("chuangban2", second)).as("its deadline's month saved").containsEntry("merge", false);
        ResponseEntity<Map> refused = as("chuangban2").postForEntity("/api/cases/" + second + "/merge",
                json("{\"into\":\"" + first + "\",\"reason\":\"同一处\"}"), Map.class);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(errors(refused)).singleElement().satisfies(e -> assertThat(e).containsEntry("code", "SCORES_SAVED")
                .hasEntrySatisfying("message", m -> assertThat((String) m).contains("“2013年5月”得分已保存", "不能合并")));
        assertThat(jdbc.queryForObject("select status from rect_case where case_no = ?", String.class, second)).isNotEqualTo("MERGED");
    }

    private String report(String address) {
        ResponseEntity<Map> reported = as("lvrong1").postForEntity("/api/cases", json("""
                {"title":"路边垃圾","category":"EXPOSED_GARBAGE","urgency":"NORMAL","source":"PATROL","location":{"address":"%s"}}"""
                .formatted(address)), Map.class);
        assertThat(reported.getStatusCode()).as("%s", reported.getBody()).isEqualTo(HttpStatus.CREATED);
        return (String) reported.getBody().get("caseNo");
    }

    /** What the case page offers {@code user} on the case ({@code actions} of {@code GET /api/cases/{caseNo}}). */
    Map<String, Object> actions(String user, String caseNo) {
        return (Map<String, Object>) as(user).getForObject("/api/cases/" + caseNo, Map.class).get("actions");
    }

    Map<String, Object> unit(String user, String unitId) {
        Map<String, Object> body = as(user).getForObject("/api/scores?period=2025-03", Map.class);
        return list(body, "ranking").stream().filter(r -> r.get("unitId").equals(unitId)).findFirst().orElseThrow();
    }

    /**
     * 考核申诉 through {@code POST /api/cases/{caseNo}/appeals}: only the lead unit may appeal (others who can see the case
     * get 403, those who cannot 404), only a deduction the case has, with a reason, once per case and deduction, and not
     * when the period that counts it is saved. The case's {@code actions} offer the lead unit what it may still appeal.
     */
    @Test
    void onlyTheLeadUnitAppealsADeductionTheCaseHasOnceAndNotInASavedPeriod() {
        String late = jdbc.queryForObject("select case_no from rect_case where case_no like 'SCAPI-%' and lead_unit = 'nongfu'",
                String.class);

        assertThat(actions("nongfu1", late)).containsEntry("appeal", List.of(Map.of("deduction", "OVERDUE", "deductionName", "超期")))
                .containsEntry("merge", false);
        assertThat(actions("chuangban1", late)).as("not the lead unit").containsEntry("appeal", List.of());
        String returnedLate = jdbc.queryForObject("select case_no from rect_case where case_no like 'SCAPI-%' and return_count = 1",
                String.class);
        assertThat((List<Map<String, Object>>) actions("chengguan1", returnedLate).get("appeal")).as("the return is 环卫所's")
                .extracting(d -> d.get("deduction")).doesNotContain("RETURN");

        ResponseEntity<Map> unknown = appeal("nongfu1", late, "LATE", "暴雨");
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(errors(unknown)).extracting(e -> e.get("field"), e -> e.get("code"))
                .containsExactly(tuple("deduction", "UNKNOWN_DEDUCTION"));
        ResponseEntity<Map> noReason = appeal("nongfu1", late, "OVERDUE", "  ");
        assertThat(noReason.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(errors(noReason)).singleElement().satisfies(e -> assertThat(e).containsEntry("field", "reason")
                .containsEntry("code", "REQUIRED").containsEntry("message", "请填写申诉理由"));
        ResponseEntity<Map> noRework = appeal("nongfu1", late, "REWORK", "未返工");
        assertThat(noRework.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(errors(noRework)).singleElement().satisfies(e -> assertThat(e).containsEntry("field", "deduction")
                .containsEntry("code", "NO_SUCH_DEDUCTION").containsEntry("message", "案件 " + late + " 没有返工扣分，不能申诉返工"));
        // 环卫所 returned this case before it went to 城管中队: the return is 环卫所's, 城管中队 has none to appeal
        String returned = jdbc.queryForObject("select case_no from rect_case where case_no like 'SCAPI-%' and return_count = 1",
                String.class);
        assertThat(errors(appeal("chengguan1", returned, "RETURN", "非本单位职责"))).extracting(e -> e.get("code"))
                .containsExactly("NO_SUCH_DEDUCTION");
        assertThat(appeal("lvrong1", late, "OVERDUE", "暴雨").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        ResponseEntity<Map> office = appeal("chuangban1", late, "OVERDUE", "暴雨");
        assertThat(office.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(errors(office)).singleElement().satisfies(e -> assertThat(e).containsEntry("code", "NOT_THE_LEAD_UNIT")
                .containsEntry("message", "只有本案件的牵头单位（农副公司）可以申诉考核扣分"));

        ResponseEntity<Map> filed = appeal("nongfu1", late, "OVERDUE", "暴雨停运，无法作业");
        assertThat(filed.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(filed.getBody()).containsEntry("caseNo", late).containsEntry("deduction", "OVERDUE")
                .containsEntry("deductionName", "超期").containsEntry("unitId", "nongfu").containsEntry("unitName", "农副公司")
                .containsEntry("reason", "暴雨停运，无法作业").containsEntry("requestedBy", "nongfu1")
                .containsEntry("status", "PENDING").containsEntry("statusName", "待审核");
        ResponseEntity<Map> again = appeal("nongfu1", late, "OVERDUE", "再申诉一次");
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(errors(again)).extracting(e -> e.get("code")).containsExactly("ALREADY_APPEALED");
        assertThat(actions("nongfu1", late)).as("appealed").containsEntry("appeal", List.of());
        // its review deleted in Cockpit (as Cockpit does, without Shirong's listeners): no one will decide it, so the
        // unit is offered and may file the appeal again rather than meet 正在审核中 for good
        runtimeService.deleteProcessInstance(runtimeService.createProcessInstanceQuery().processInstanceBusinessKeyLike(late + "%")
                .processDefinitionKey("CaseAppealProcess").singleResult().getId(), "deleted in Cockpit", true);
        assertThat(actions("nongfu1", late)).as("its review deleted").containsEntry("appeal",
                List.of(Map.of("deduction", "OVERDUE", "deductionName", "超期")));
        assertThat(appeal("nongfu1", late, "OVERDUE", "暴雨停运，再次申诉").getStatusCode()).isEqualTo(HttpStatus.CREATED);

        String lateToo = rows.add("chengguan", "CLOSED", DUE, "late");
        afterMarchIsSavedTheAppealIsRefused("chengguan1", lateToo, "OVERDUE", "超期");
    }

    /** March's scores saved, the case's {@code deduction} counted in March is no longer offered nor taken (409). */
    private void afterMarchIsSavedTheAppealIsRefused(String user, String caseNo, String deduction, String label) {
        scoreService.calculateAndSave(ScorePeriod.parse("2025-03").orElseThrow(), "jiuting", ScoreService.scope("jiuting", null));
        assertThat(actions(user, caseNo)).as("its period saved").containsEntry("appeal", List.of());
        ResponseEntity<Map> saved = appeal(user, caseNo, deduction, "又有新情况");
        assertThat(saved.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(errors(saved)).singleElement().satisfies(e -> assertThat(e).containsEntry("code", "SCORES_SAVED")
                .containsEntry("message", "案件 " + caseNo + " 的" + label + "计入的考核期间“2025年3月”得分已保存，已保存的考核结果不再改变，不能申诉"));
    }

    /**
     * An approved appeal removes the deduction from the unit's score and says so (核准申诉 N 件, also in the workbook): 超期
     * counts the case as closed on time, 回退 no longer counts the return; a rejected one changes nothing. The case still
     * shows it was late, on its page and in the case ledger, with the appeals and decisions beside it.
     */
    @Test
    void anApprovedAppealRemovesTheDeductionFromTheScoreAndARejectedOneDoesNot() {
        String approved = rows.add("nongfu", "CLOSED", DUE, "late");
        String rejected = rows.add("nongfu", "CLOSED", DUE, "late", "PATROL", "NORMAL", 1);
        // 农副公司 returned this one, and the office sent it back to 农副公司, which closed it on time
        String returned = rows.add("nongfu", "CLOSED", DUE, "on time");
        rows.returnedAndRedispatched(returned, DUE.minusSeconds(86400), "nongfu");
        Map<String, Object> before = unit("nongfu1", "nongfu");
        assertThat((Map<String, Object>) before.get("indicators")).containsEntry("overdueCount", 3)
                .containsEntry("onTimeClosedCount", 1).containsEntry("returnedCount", 1).containsEntry("appealedCount", 0);
        assertThat(before.get("appeals")).isNull();

        assertThat(appeal("nongfu1", approved, "OVERDUE", "暴雨停运，无法作业").getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(appeal("nongfu1", rejected, "REWORK", "核查标准前后不一").getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(appeal("nongfu1", returned, "RETURN", "派遣时类别有误").getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(unit("nongfu1", "nongfu")).as("pending appeals change nothing").isEqualTo(before);

        review(approved, "OVERDUE", "approve", "情况属实");
        Map<String, Object> overdueApproved = unit("nongfu1", "nongfu");
        assertThat((Map<String, Object>) overdueApproved.get("indicators")).containsEntry("overdueCount", 2)
                .containsEntry("onTimeClosedCount", 2).containsEntry("appealedCount", 1);
        assertThat(overdueApproved.get("appeals")).isEqualTo("核准申诉 1 件");
        assertThat((Double) overdueApproved.get("total")).isGreaterThan((Double) before.get("total"));

        review(returned, "RETURN", "approve", "类别派遣有误");
        Map<String, Object> after = unit("nongfu1", "nongfu");
        assertThat((Map<String, Object>) after.get("indicators")).containsEntry("returnedCount", 0).containsEntry("appealedCount", 2);
        assertThat(after.get("appeals")).isEqualTo("核准申诉 2 件");
        assertThat((Double) after.get("total")).isGreaterThan((Double) overdueApproved.get("total"));

        // an appeal covers the deadline it was filed against: another deadline (re-dispatched since) missed counts
        jdbc.update("update rect_case set due_at = ? where case_no = ?", java.sql.Timestamp.from(DUE.minusSeconds(3600)), approved);
        assertThat((Map<String, Object>) unit("nongfu1", "nongfu").get("indicators")).as("a later deadline missed")
                .containsEntry("overdueCount", 3).containsEntry("appealedCount", 1);
        jdbc.update("update rect_case set due_at = ? where case_no = ?", java.sql.Timestamp.from(DUE), approved);
        assertThat(unit("nongfu1", "nongfu")).isEqualTo(after);

        review(rejected, "REWORK", "reject", "返工属实");
        assertThat(unit("nongfu1", "nongfu")).as("a rejected appeal changes nothing").isEqualTo(after);

        Map<String, Object> page = as("nongfu1").getForObject("/api/cases/" + approved, Map.class);
        assertThat((Map<String, Object>) page.get("record")).as("still closed late").containsEntry("closedOnTime", false);
        assertThat(list(page, "appeals")).extracting(a -> a.get("deduction"), a -> a.get("status"), a -> a.get("decidedBy"),
                a -> a.get("opinion")).containsExactly(tuple("OVERDUE", "APPROVED", "chuangban1", "情况属实"));
        assertThat(list(page, "timeline")).extracting(e -> e.get("kindName"), e -> e.get("detail")).endsWith(
                tuple("考核申诉", "超期：暴雨停运，无法作业"), tuple("核准申诉", "超期扣分不再计入考核：情况属实"));
        Map<String, Object> rejectedPage = as("nongfu1").getForObject("/api/cases/" + rejected, Map.class);
        assertThat(list(rejectedPage, "timeline")).extracting(e -> e.get("kind")).endsWith("APPEAL_FILED", "APPEAL_REJECTED");

        XlsxDownload ledger = XlsxDownload.of(as("nongfu1").getForEntity("/api/cases/export.xlsx", byte[].class));
        assertThat(ledger.data()).filteredOn(r -> ledger.text(r, "案件编号").equals(approved)).singleElement()
                .satisfies(r -> assertThat(List.of(ledger.text(r, "按期结案"), ledger.text(r, "考核申诉")))
                        .as("still closed late, the appeal beside it").containsExactly("否", "超期 已核准"));
        assertThat(ledger.data()).filteredOn(r -> ledger.text(r, "案件编号").equals(rejected)).singleElement()
                .satisfies(r -> assertThat(ledger.text(r, "考核申诉")).isEqualTo("返工 已驳回"));
        XlsxDownload table = XlsxDownload.of(as("nongfu1").getForEntity("/api/scores/export.xlsx?period=2025-03", byte[].class));
        assertThat(table.data()).filteredOn(r -> table.text(r, "单位").equals("农副公司")).singleElement()
                .satisfies(r -> assertThat(table.text(r, "核准申诉数")).isEqualTo("2"));

        // the 超期 appealed is covered; another deadline (re-dispatched since) missed may be appealed again
        assertThat(actions("nongfu1", approved)).containsEntry("appeal", List.of());
        jdbc.update("update rect_case set due_at = ? where case_no = ?", java.sql.Timestamp.from(DUE.minusSeconds(3600)), approved);
        assertThat(actions("nongfu1", approved)).as("a new deadline missed").containsEntry("appeal",
                List.of(Map.of("deduction", "OVERDUE", "deductionName", "超期")));
        assertThat(appeal("nongfu1", approved, "OVERDUE", "新期限内仍遇暴雨").getStatusCode()).isEqualTo(HttpStatus.CREATED);
        Map<String, Object> appealedAgain = as("nongfu1").getForObject("/api/cases/" + approved, Map.class);
        assertThat(list(appealedAgain, "appeals")).extracting(a -> a.get("status")).containsExactly("APPROVED", "PENDING");
    }

    /**
     * A reopening (重新打开) is appealed as the other deductions are (a new problem at the same place, not a fix that did
     * not hold): only by the lead unit it was charged to, once the case was reopened, once per reopening, not in a saved
     * period; the office's approval takes it out of the unit's 重新打开数 and score (核准申诉) and leaves the fact: the case
     * still shows it was reopened, the appeal and the decision on its timeline. A later reopening counts again.
     */
    @Test
    void aReopeningIsAppealedAsTheOtherDeductionsAre() {
        String reopened = rows.add("nongfu", "CLOSED", DUE, "on time");
        assertThat(actions("nongfu1", reopened)).as("not reopened").containsEntry("appeal", List.of());
        assertThat(errors(appeal("nongfu1", reopened, "REOPEN", "同一地点的新问题"))).extracting(e -> e.get("code"))
                .containsExactly("NO_SUCH_DEDUCTION");
        rows.reopened(reopened, DUE.plusSeconds(2 * 86400));
        Map<String, Object> before = unit("nongfu1", "nongfu");
        assertThat((Map<String, Object>) before.get("indicators")).containsEntry("reopenedCount", 1).containsEntry("appealedCount", 0);

        assertThat(actions("nongfu1", reopened)).containsEntry("appeal",
                List.of(Map.of("deduction", "REOPEN", "deductionName", "重新打开")));
        assertThat(actions("chuangban1", reopened)).as("not the lead unit").containsEntry("appeal", List.of());
        assertThat(errors(appeal("chuangban1", reopened, "REOPEN", "新问题"))).extracting(e -> e.get("code"))
                .containsExactly("NOT_THE_LEAD_UNIT");
        ResponseEntity<Map> filed = appeal("nongfu1", reopened, "REOPEN", "同一地点的新问题，不是整改未保持");
        assertThat(filed.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(filed.getBody()).containsEntry("deduction", "REOPEN").containsEntry("deductionName", "重新打开")
                .containsEntry("unitId", "nongfu").containsEntry("status", "PENDING");
        assertThat(errors(appeal("nongfu1", reopened, "REOPEN", "再申诉一次"))).extracting(e -> e.get("code"))
                .containsExactly("ALREADY_APPEALED");
        assertThat(unit("nongfu1", "nongfu")).as("a pending appeal changes nothing").isEqualTo(before);

        review(reopened, "REOPEN", "approve", "系新发问题");
        Map<String, Object> after = unit("nongfu1", "nongfu");
        assertThat((Map<String, Object>) after.get("indicators")).containsEntry("reopenedCount", 0).containsEntry("appealedCount", 1);
        assertThat(after.get("appeals")).isEqualTo("核准申诉 1 件");
        assertThat((Double) after.get("total")).isGreaterThan((Double) before.get("total"));
        Map<String, Object> page = as("nongfu1").getForObject("/api/cases/" + reopened, Map.class);
        assertThat((Map<String, Object>) page.get("record")).as("still reopened").containsEntry("reopenCount", 1);
        assertThat(list(page, "appeals")).extracting(a -> a.get("deduction"), a -> a.get("status"))
                .containsExactly(tuple("REOPEN", "APPROVED"));
        assertThat(list(page, "timeline")).extracting(e -> e.get("kindName"), e -> e.get("detail")).endsWith(
                tuple("考核申诉", "重新打开：同一地点的新问题，不是整改未保持"), tuple("核准申诉", "重新打开扣分不再计入考核：系新发问题"));
        assertThat(actions("nongfu1", reopened)).as("covered").containsEntry("appeal", List.of());

        // the appeal filed in March too, as the reopening it covers; reopened again after it
        jdbc.update("update rect_case_appeal set requested_at = ? where case_no = ?",
                java.sql.Timestamp.from(DUE.plusSeconds(3 * 86400)), reopened);
        rows.reopened(reopened, DUE.plusSeconds(5 * 86400));
        assertThat((Map<String, Object>) unit("nongfu1", "nongfu").get("indicators")).as("a reopening after the appeal")
                .containsEntry("reopenedCount", 1).containsEntry("appealedCount", 1);
        assertThat(actions("nongfu1", reopened)).as("not covered").containsEntry("appeal",
                List.of(Map.of("deduction", "REOPEN", "deductionName", "重新打开")));
        afterMarchIsSavedTheAppealIsRefused("nongfu1", reopened, "REOPEN", "重新打开");
    }

    /**
     * The office rejected the appeal of a first reopening; the case was reopened again and that appeal approved: the
     * approval covers the second reopening only, the first still counts (an approval of a later appeal used to lift every
     * step before it, the rejected one too).
     */
    @Test
    @SuppressWarnings("unchecked")
    void anApprovedAppealDoesNotUndoTheRejectionOfAnEarlierOne() {
        String reopened = rows.add("nongfu", "CLOSED", DUE, "on time");
        rows.reopened(reopened, DUE.plusSeconds(2 * 86400));
        assertThat(appeal("nongfu1", reopened, "REOPEN", "同一地点的新问题").getStatusCode()).isEqualTo(HttpStatus.CREATED);
        review(reopened, "REOPEN", "reject", "整改未保持");
        jdbc.update("update rect_case_appeal set requested_at = ? where case_no = ?", java.sql.Timestamp.from(DUE.plusSeconds(3 * 86400)),
                reopened);
        rows.reopened(reopened, DUE.plusSeconds(5 * 86400));
        assertThat(appeal("nongfu1", reopened, "REOPEN", "又是新问题").getStatusCode()).isEqualTo(HttpStatus.CREATED);
        review(reopened, "REOPEN", "approve", "系新发问题");

        assertThat((Map<String, Object>) unit("nongfu1", "nongfu").get("indicators")).as("the rejected one still counts")
                .containsEntry("reopenedCount", 1).containsEntry("appealedCount", 1);
    }

    /**
     * 返工 as 回退 and 重新打开: the office rejected the appeal of a case's first rework, the case was reworked again and that
     * appeal approved: the approval covers the second rework only, the first still counts (it used to cover every rework
     * the case had, the rejected one too). So in a reopened case's new round: its round before counts as its own appeal
     * then left it, and the new round's approval covers only the rework after the round's rejected appeal.
     */
    @Test
    @SuppressWarnings("unchecked")
    void anApprovedReworkAppealDoesNotUndoTheRejectionOfAnEarlierOne() {
        String reworked = rows.add("nongfu", "CLOSED", DUE, "on time", "PATROL", "NORMAL", 1);
        assertThat(appeal("nongfu1", reworked, "REWORK", "核查标准前后不一").getStatusCode()).isEqualTo(HttpStatus.CREATED);
        review(reworked, "REWORK", "reject", "返工属实");
        jdbc.update("update rect_case set rework_count = 2 where case_no = ?", reworked);
        assertThat(appeal("nongfu1", reworked, "REWORK", "第二次核查标准有误").getStatusCode()).isEqualTo(HttpStatus.CREATED);
        review(reworked, "REWORK", "approve", "第二次返工不应计入");
        assertThat((Map<String, Object>) unit("nongfu1", "nongfu").get("indicators")).as("the rejected rework still counts")
                .containsEntry("reworkTotal", 1).containsEntry("reworkedCount", 1).containsEntry("appealedCount", 1);

        // round 1: one rework, its appeal approved; reopened; round 2: a rework whose appeal was rejected, then one approved
        String reopened = rows.add("nongfu", "CLOSED", DUE, "on time", "PATROL", "NORMAL", 1);
        assertThat(appeal("nongfu1", reopened, "REWORK", "核查标准前后不一").getStatusCode()).isEqualTo(HttpStatus.CREATED);
        review(reopened, "REWORK", "approve", "第一轮返工不应计入");
        rows.reopenedAsANewRound(reopened, Instant.now(), DUE.plusSeconds(5 * 86400));
        jdbc.update("update rect_case set rework_count = 2 where case_no = ?", reopened);
        assertThat(appeal("nongfu1", reopened, "REWORK", "第二轮核查标准有误").getStatusCode()).isEqualTo(HttpStatus.CREATED);
        review(reopened, "REWORK", "reject", "返工属实");
        jdbc.update("update rect_case set rework_count = 3 where case_no = ?", reopened);
        assertThat(appeal("nongfu1", reopened, "REWORK", "再次核查标准有误").getStatusCode()).isEqualTo(HttpStatus.CREATED);
        review(reopened, "REWORK", "approve", "第三次返工不应计入");
        assertThat((Map<String, Object>) unit("nongfu1", "nongfu").get("indicators"))
                .as("round 1 lifted; round 2 counts its rejected rework; the other case its own")
                .containsEntry("reworkTotal", 2).containsEntry("reworkedCount", 2).containsEntry("appealedCount", 3);
    }

    /**
     * An approval and a save of the period's scores take one lock, so that the saved scores and the appeal agree: the
     * office approves an 超期 (Tasklist) while March's scores are being saved (the save's transaction held open here);
     * the approval waits for the save to commit, then is refused for the period saved, and the saved scores count
     * the 超期 the appeal still leaves pending. Without the lock the approval went through beside the save, which
     * had read the appeal pending: saved scores with a deduction an approved appeal had removed.
     */
    @Test
    void anApprovalWaitsForASaveOfItsPeriodUnderWayAndIsThenRefused() throws Exception {
        String late = rows.add("nongfu", "CLOSED", DUE, "late");
        assertThat(appeal("nongfu1", late, "OVERDUE", "暴雨停运，无法作业").getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String review = claimReview(late, "OVERDUE");
        ResponseEntity<String> refused = whileMarchIsBeingSaved(() -> submitReview(review, "approve", "情况属实"));
        assertThat(refused.getStatusCode().value()).as(refused.getBody()).isEqualTo(400);
        assertThat(refused.getBody()).contains("考核期间“2025年3月”的得分已在申诉后保存");
        Map<String, Object> page = as("nongfu1").getForObject("/api/cases/" + late, Map.class);
        assertThat(list(page, "appeals")).extracting(a -> a.get("status")).containsExactly("PENDING");
        assertThat((Map<String, Object>) unit("nongfu1", "nongfu").get("indicators")).as("as saved")
                .containsEntry("overdueCount", 2).containsEntry("appealedCount", 0);
        review(late, "OVERDUE", "reject", "3月考核结果已保存");
    }

    /**
     * The office approves an 超期 (its form submitted, the transaction held open here) while March's scores are saved:
     * the save waits for the approval to commit before it reads anything, and the scores it saves leave the 超期 out.
     * Had the save locked only to write, it would have read the appeal pending and saved the deduction the approval removed.
     */
    @Test
    void aSaveWaitsForAnApprovalUnderWayAndLeavesItsDeductionOut() throws Exception {
        String late = rows.add("nongfu", "CLOSED", DUE, "late");
        assertThat(appeal("nongfu1", late, "OVERDUE", "暴雨停运，无法作业").getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String review = claimReview(late, "OVERDUE");
        CountDownLatch approved = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<?> approval = threads.submit(() -> new TransactionTemplate(transactions).executeWithoutResult(s -> {
                identityService.setAuthentication("chuangban1", List.of("chuangban"), List.of("jiuting"));
                try {
                    formService.submitTaskForm(review, Map.of("appealDecision", "approve", "appealOpinion", "情况属实"));
                    approved.countDown();
                    commit.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    identityService.clearAuthentication();
                }
            }));
            assertThat(approved.await(30, TimeUnit.SECONDS)).as("approved, not yet committed").isTrue();
            Future<ScoreBoard> save = threads.submit(() -> scoreService.calculateAndSave(ScorePeriod.parse("2025-03").orElseThrow(),
                    "jiuting", ScoreService.scope("jiuting", null)));
            awaitWaitingForALock(save);
            commit.countDown();
            approval.get(30, TimeUnit.SECONDS);
            save.get(30, TimeUnit.SECONDS);
        } finally {
            commit.countDown();
            threads.shutdownNow();
        }
        assertThat((Map<String, Object>) unit("nongfu1", "nongfu").get("indicators")).as("as saved")
                .containsEntry("overdueCount", 1).containsEntry("appealedCount", 1);
    }

    /**
     * A reopening (重新打开) while March's scores are being saved waits for the save to commit: the save reads a case's
     * round from rect_case and the rounds a reopening kept in another statement, and would count the round twice had the
     * reopening committed between them.
     */
    @Test
    void aReopeningWaitsForASaveOfScoresUnderWay() throws Exception {
        String closed = rows.add("huanwei", "CLOSED", DUE, "on time");
        jdbc.update("update rect_case set closed_at = ?, tenant_id = 'jiuting', limit_amount = 4, limit_unit = 'WORKING_HOURS'"
                + " where case_no = ?", java.sql.Timestamp.from(Instant.now().minus(java.time.Duration.ofDays(1))), closed);
        try {
            ResponseEntity<Map> reopened = whileMarchIsBeingSaved(() -> as("chuangban2").postForEntity(
                    "/api/cases/" + closed + "/reopen", json("{\"reason\":\"市民再次反映\"}"), Map.class));
            assertThat(reopened.getStatusCode()).as("%s", reopened.getBody()).isEqualTo(HttpStatus.OK);
        } finally {
            runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(closed).list()
                    .forEach(pi -> runtimeService.deleteProcessInstance(pi.getId(), "test over", true));
            jdbc.update("delete from rect_case_round where case_no = ?", closed);
        }
    }

    /** A case whose appeal waits for review is not reopened: the review judges the round the reopening would end. */
    @Test
    void aCaseWithAnAppealUnderReviewIsNotReopened() {
        String late = rows.add("nongfu", "CLOSED", DUE, "late");
        Instant now = Instant.now();
        jdbc.update("update rect_case set due_at = ?, submitted_at = ?, closed_at = ?, tenant_id = 'jiuting', limit_amount = 4,"
                + " limit_unit = 'WORKING_HOURS' where case_no = ?", java.sql.Timestamp.from(now.minus(java.time.Duration.ofDays(2))),
                java.sql.Timestamp.from(now.minus(java.time.Duration.ofDays(1))),
                java.sql.Timestamp.from(now.minus(java.time.Duration.ofDays(1))), late);
        assertThat(appeal("nongfu1", late, "OVERDUE", "暴雨停运，无法作业").getStatusCode()).isEqualTo(HttpStatus.CREATED);

        assertThat(actions("chuangban2", late)).containsEntry("reopen", false);
        ResponseEntity<Map> refused = as("chuangban2").postForEntity("/api/cases/" + late + "/reopen",
                json("{\"reason\":\"市民再次反映\"}"), Map.class);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(errors(refused)).singleElement().satisfies(e -> assertThat(e).containsEntry("code", "APPEAL_PENDING")
                .containsEntry("message", "案件 " + late + " 有待审核的考核申诉（超期），请先审核申诉，再重新打开"));
        assertThat(jdbc.queryForObject("select status from rect_case where case_no = ?", String.class, late)).isEqualTo("CLOSED");
    }

    /**
     * Sends {@code request} while a save of March's scores is under way, its transaction held open: shows that the request
     * waits for the save's lock, lets the save commit, and answers what the request then answered.
     */
    private <T> T whileMarchIsBeingSaved(java.util.concurrent.Callable<T> request) throws Exception {
        CountDownLatch saved = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<?> save = threads.submit(() -> new TransactionTemplate(transactions).executeWithoutResult(s -> {
                scoreService.calculateAndSave(ScorePeriod.parse("2025-03").orElseThrow(), "jiuting",
                        ScoreService.scope("jiuting", null));
                saved.countDown();
                try {
                    commit.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            assertThat(saved.await(30, TimeUnit.SECONDS)).as("saved, not yet committed").isTrue();
            Future<T> answer = threads.submit(request);
            awaitWaitingForALock(answer);
            commit.countDown();
            save.get(30, TimeUnit.SECONDS);
            return answer.get(30, TimeUnit.SECONDS);
        } finally {
            commit.countDown();
            threads.shutdownNow();
        }
    }

    /** Until another session of the database waits for a lock this one holds; fails if {@code request} ends first. */
    private void awaitWaitingForALock(Future<?> request) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (jdbc.queryForObject("select count(*) from information_schema.sessions where blocker_id is not null",
                Integer.class) == 0) {
            if (request.isDone()) {
                Object done = request.get();
                throw new AssertionError("it did not wait for the lock" + (done instanceof ResponseEntity<?> answer
                        ? ": " + answer.getStatusCode() + " " + answer.getBody() : ""));
            }
            assertThat(System.nanoTime()).as("no lock wait within 30 s").isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    @Test
    void theRankingIsComputedOnTheFlyThenReadFromTheStoredRows() {
        ResponseEntity<Map> response = as("chengguan1").getForEntity("/api/scores?period=2025-03", Map.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        Map<String, Object> body = response.getBody();
        assertThat(body).containsEntry("period", "2025-03").containsEntry("periodName", "2025年3月")
                .containsEntry("from", "2025-03-01").containsEntry("to", "2025-03-31").containsEntry("stored", false)
                .containsEntry("campaign", null);
        // 环卫所 50 + 20 + 10 + (5 − 0.2 for its return) + 5 = 89.80 → 99.78, A
        // 城管中队 按期 1/2 = 50 % → 30; 结案 50 % → 0; 10 + 5 + 5 → 50 → 55.56, D, named (below 60)
        // 农副公司 0 + 0 + 10 + 5 + 5 = 20 → 22.22, E, named; 3 ranked units, so the bottom-3 rule does not apply
        assertThat(list(body, "ranking")).extracting(r -> r.get("rank"), r -> r.get("unitId"), r -> r.get("unitName"),
                r -> r.get("grade"), r -> r.get("total"), r -> r.get("nonPerforming")).containsExactly(
                        tuple(1, "huanwei", "环卫所", "A", 99.78, false),
                        tuple(2, "chengguan", "城管中队", "D", 55.56, true),
                        tuple(3, "nongfu", "农副公司", "E", 22.22, true));
        Map<String, Object> huanwei = list(body, "ranking").get(0);
        assertThat((Map<String, Object>) huanwei.get("indicators")).containsEntry("dueCount", 2).containsEntry("closedCount", 2)
                .containsEntry("returnedCount", 1).containsEntry("closureRate", 100.0).containsEntry("onTimeClosureRate", 100.0)
                .containsEntry("onTimeHandlingRate", 100.0).containsEntry("reworkRate", 0.0).containsEntry("urgentOnTimeRate", null);
        assertThat(list(huanwei, "components")).extracting(c -> c.get("id"), c -> c.get("name"), c -> c.get("maxPoints"), c -> c.get("points"))
                .containsExactly(tuple("ON_TIME_CLOSURE", "按期结案率", 50.0, 50.0),
                        tuple("CLOSURE", "结案率", 20.0, 20.0),
                        tuple("URGENT_CASES", "紧急案件办理", 10.0, 10.0),
                        tuple("REWORK_AND_RETURNS", "返工与回退", 5.0, 4.8),
                        tuple("PRIORITY_CASES", "领导交办与媒体曝光案件", 5.0, 5.0));
        Map<String, Object> chengguan = list(body, "ranking").get(1);
        assertThat((Map<String, Object>) chengguan.get("indicators")).containsEntry("returnedCount", 0)
                .containsEntry("overdueCount", 1).containsEntry("closureRate", 50.0);
        assertThat(list(chengguan, "namedFor")).containsExactly(Map.of("code", "BELOW_THRESHOLD", "name", "总分低于通报线"));
        assertThat(body.get("nonPerformingUnits")).isEqualTo(List.of("chengguan", "nongfu"));
        // jtreview T3: the 失分 are out of the items that applied (90 here, not 100), and the notice says so
        assertThat((String) body.get("notice")).contains("2025年3月单位考核：3 个单位参加排名")
                .contains("通报：城管中队（3 个参加排名的单位中第 2 名，总分 55.56，D 级；本期适用评分项满分 90 分，得 50 分，折合百分制 55.56 分；"
                        + "失分：按期结案率 50.00% 扣 20.00 分，结案率 50.00% 扣 20.00 分；总分低于通报线）",
                        "农副公司（3 个参加排名的单位中第 3 名，总分 22.22，E 级；本期适用评分项满分 90 分，得 20 分，折合百分制 22.22 分；"
                        + "失分：按期结案率 0.00% 扣 50.00 分，结案率 0.00% 扣 20.00 分；总分低于通报线）");
        assertThat(list(body, "ranking")).extracting(r -> r.get("unitId"), r -> r.get("maxPoints"), r -> r.get("points"), r -> r.get("basis"))
                .containsExactly(tuple("huanwei", 90.0, 89.8, "本期适用评分项满分 90 分，得 89.8 分，折合百分制 99.78 分"),
                        tuple("chengguan", 90.0, 50.0, "本期适用评分项满分 90 分，得 50 分，折合百分制 55.56 分"),
                        tuple("nongfu", 90.0, 20.0, "本期适用评分项满分 90 分，得 20 分，折合百分制 22.22 分"));
        assertThat(body).containsEntry("provisional", false);
        assertThat(list(list(body, "ranking").get(1), "components")).extracting(c -> c.get("id"), c -> c.get("basis"))
                .containsExactly(tuple("ON_TIME_CLOSURE", "50.00%"), tuple("CLOSURE", "50.00%"), tuple("URGENT_CASES", null),
                        tuple("REWORK_AND_RETURNS", null), tuple("PRIORITY_CASES", null));
        assertThat(list(huanwei, "components")).filteredOn(c -> c.get("id").equals("REWORK_AND_RETURNS")).singleElement()
                .satisfies(c -> assertThat(c).containsEntry("basis", "回退 1 次"));
        assertThat(list(body, "noCases")).extracting(u -> u.get("unitId")).contains("lvrong", "juwei01", "wuye02")
                .doesNotContain("huanwei", "chuangban", "lingdao", "ducha");
        assertThat(list(body, "noCases")).filteredOn(u -> u.get("unitId").equals("lvrong")).singleElement()
                .satisfies(u -> assertThat(u).containsEntry("unitName", "绿容所").containsEntry("note", "本期无可计分项"));

        scoreService.calculateAndSave(ScorePeriod.parse("2025-03").orElseThrow(), "jiuting", ScoreService.scope("jiuting", null));
        jdbc.update("update rect_case set status = 'CLOSED', submitted_at = due_at, closed_at = due_at, closed_on_time = true,"
                + " overdue = false where lead_unit = 'nongfu' and case_no like 'SCAPI-%'");

        Map<String, Object> stored = as("lvrong1").getForObject("/api/scores?period=2025-03", Map.class);
        assertThat(stored).containsEntry("stored", true).containsKey("computedAt");
        assertThat(list(stored, "ranking")).extracting(r -> r.get("unitId"), r -> r.get("total"), r -> r.get("grade"))
                .containsExactly(tuple("huanwei", 99.78, "A"),
                        tuple("chengguan", 55.56, "D"),
                        tuple("nongfu", 22.22, "E"));
        assertThat(list(stored, "ranking").get(0)).isEqualTo(huanwei);
        assertThat(stored.get("noCases")).isEqualTo(body.get("noCases"));
        assertThat(stored.get("nonPerformingUnits")).isEqualTo(List.of("chengguan", "nongfu"));

    }

    /**
     * jtreview T2: 九亭's plan names the units that 不履职, not the last three. 绿容所 (2 on time, 1 open past due: 66.67 of 90
     * → 74.08, C) ranks 2nd of 4, so the shared bottom-3 rule would name it; 九亭's own rule names only 城管中队 and 农副公司,
     * below 60.
     */
    @Test
    void jiutingNamesOnlyUnitsBelowItsLineNotACGradeUnitNearTheBottom() {
        rows.add("lvrong", "CLOSED", DUE, "on time");
        rows.add("lvrong", "CLOSED", DUE, "on time");
        rows.add("lvrong", "IN_RECTIFICATION", DUE, null);

        Map<String, Object> body = as("chuangban1").getForObject("/api/scores?period=2025-03", Map.class);

        assertThat(list(body, "ranking")).extracting(r -> r.get("unitId"), r -> r.get("total"), r -> r.get("grade"),
                r -> r.get("nonPerforming")).containsExactly(tuple("huanwei", 99.78, "A", false), tuple("lvrong", 74.08, "C", false),
                        tuple("chengguan", 55.56, "D", true), tuple("nongfu", 22.22, "E", true));
        assertThat(body.get("nonPerformingUnits")).isEqualTo(List.of("chengguan", "nongfu"));
        assertThat((String) body.get("notice")).doesNotContain("绿容所", "排名末位");
    }

    /**
     * jtreview T2: a month still running is ranked as far as it has gone but is provisional and names nobody, however low a
     * unit stands; once the month has closed the same figures name 城管中队 and 农副公司.
     */
    @Test
    void aRunningMonthIsRankedProvisionallyAndNamesNoUnit() {
        org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(java.util.Date.from(Instant.parse("2025-03-20T02:00:00Z")));
        Map<String, Object> running;
        try {
            running = as("chuangban1").getForObject("/api/scores?period=2025-03", Map.class);
        } finally {
            org.camunda.bpm.engine.impl.util.ClockUtil.reset();
        }

        assertThat(running).containsEntry("provisional", true).containsEntry("nonPerformingUnits", List.of());
        assertThat(list(running, "ranking")).extracting(r -> r.get("unitId"), r -> r.get("total"), r -> r.get("nonPerforming"),
                r -> r.get("namedFor")).containsExactly(tuple("huanwei", 99.78, false, List.of()),
                        tuple("chengguan", 55.56, false, List.of()), tuple("nongfu", 22.22, false, List.of()));
        assertThat((String) running.get("notice"))
                .startsWith("2025年3月单位考核（暂定，截至2025年3月20日 10:00）：3 个单位参加排名")
                .contains("本期尚未结束", "不据此通报").doesNotContain("通报：");

        Map<String, Object> closed = as("chuangban1").getForObject("/api/scores?period=2025-03", Map.class);
        assertThat(closed).containsEntry("provisional", false);
        assertThat(closed.get("nonPerformingUnits")).isEqualTo(List.of("chengguan", "nongfu"));
    }

    /**
     * sjreview-s54 D1: a board stored while its month ran (松江区's 25th) is 暂定; once the month is over it is not served
     * as the month's ranking for ever after, but computed anew (naming 城管中队 and 农副公司) until the month is ranked and
     * stored as final, which replaces it.
     */
    @Test
    void aBoardStoredWhileTheMonthRanIsNotServedOnceTheMonthIsOver() {
        ScorePeriod march = ScorePeriod.parse("2025-03").orElseThrow();
        org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(java.util.Date.from(Instant.parse("2025-03-20T02:00:00Z")));
        try {
            scoreService.calculateAndSave(march, "jiuting", ScoreService.scope("jiuting", null));
            assertThat(as("chuangban1").getForObject("/api/scores?period=2025-03", Map.class)).containsEntry("stored", true)
                    .containsEntry("provisional", true);
        } finally {
            org.camunda.bpm.engine.impl.util.ClockUtil.reset();
        }

        Map<String, Object> after = as("chuangban1").getForObject("/api/scores?period=2025-03", Map.class);
        assertThat(after).as("not the 暂定 board of 20 March").containsEntry("provisional", false).containsEntry("stored", false);
        assertThat(after.get("nonPerformingUnits")).isEqualTo(List.of("chengguan", "nongfu"));

        scoreService.calculateAndSave(march, "jiuting", ScoreService.scope("jiuting", null));
        Map<String, Object> ranked = as("chuangban1").getForObject("/api/scores?period=2025-03", Map.class);
        assertThat(ranked).containsEntry("stored", true).containsEntry("provisional", false);
        assertThat(ranked.get("nonPerformingUnits")).isEqualTo(List.of("chengguan", "nongfu"));
    }

    /**
     * With {@code campaign} the scores count only the cases that campaign found; without it, all the town's. Here the
     * campaign found 城管中队's two March cases and nothing of 环卫所's or 农副公司's. Its participants are 城管中队, 环卫所 and
     * 各居委会 (so 第一、第二居委会 through it, each as itself; 各居委会 itself has no case and is not a unit of its own): only
     * they are listed 无案件; 农副公司, 绿容所 and 第一物业公司 take no part.
     */
    @Test
    void aCampaignsScoresCountOnlyItsOwnCasesWhileTheTownWideViewCountsAll() {
        List<String> chengguan = jdbc.queryForList("select case_no from rect_case where case_no like 'SCAPI-%'"
                + " and lead_unit = 'chengguan' and due_at < ?", String.class, java.sql.Timestamp.from(Instant.parse("2025-04-01T00:00:00Z")));
        assertThat(chengguan).hasSize(2);
        jdbc.update("insert into campaign (code, name, template_id, template_name, status, current_phase, started_at, tenant_id)"
                + " values ('SCAPI-CAMP', '考核测试活动', 'jiuting-2023-standard-town', '九亭', 'RUNNING', 1, ?, 'jiuting')",
                java.sql.Timestamp.from(Instant.parse("2025-03-01T00:00:00Z")));
        chengguan.forEach(caseNo -> jdbc.update("update rect_case set campaign_code = ? where case_no = ?", "SCAPI-CAMP", caseNo));
        List.of("chengguan", "huanwei", "juweihui").forEach(group -> jdbc.update("insert into campaign_unit (campaign_code, unit_id,"
                + " group_id, name, sort_no) values ('SCAPI-CAMP', ?, ?, ?, 0)", group, group, group));
        try {
            Map<String, Object> campaign = as("chengguan1").getForObject("/api/scores?period=2025-03&campaign=SCAPI-CAMP", Map.class);
            Map<String, Object> town = as("chengguan1").getForObject("/api/scores?period=2025-03", Map.class);

            assertThat(campaign).containsEntry("campaign", "SCAPI-CAMP").containsEntry("stored", false);
            assertThat(list(campaign, "ranking")).extracting(r -> r.get("unitId"), r -> r.get("total"))
                    .containsExactly(tuple("chengguan", 55.56));
            assertThat((Map<String, Object>) list(campaign, "ranking").get(0).get("indicators")).containsEntry("dueCount", 2)
                    .containsEntry("returnedCount", 0);
            assertThat(list(campaign, "noCases")).extracting(u -> u.get("unitId"))
                    .as("各居委会 is ranked as its two committees, not as a unit of its own")
                    .containsExactlyInAnyOrder("huanwei", "juwei01", "juwei02");
            assertThat(list(town, "noCases")).extracting(u -> u.get("unitId")).contains("lvrong", "juwei01", "wuye01")
                    .doesNotContain("juweihui", "wuye");
            assertThat(list(town, "ranking")).extracting(r -> r.get("unitId")).containsExactly("huanwei", "chengguan", "nongfu");
            assertThat((String) campaign.get("notice")).contains("1 个单位参加排名");

            ResponseEntity<Map> foreign = as("jxtuijinban1").getForEntity("/api/scores?period=2025-03&campaign=SCAPI-CAMP", Map.class);
            assertThat(foreign.getStatusCode()).as("another organisation's campaign").isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(errors(foreign)).singleElement().satisfies(e -> assertThat(e).containsEntry("code", "CAMPAIGN_NOT_FOUND")
                    .containsEntry("message", "活动不存在：SCAPI-CAMP"));
            assertThat(as("chengguan1").getForEntity("/api/scores?period=2025-03&campaign=NOPE", Map.class).getStatusCode())
                    .isEqualTo(HttpStatus.NOT_FOUND);

            // The district office overseeing 九亭 reads the campaign's scores without naming the organisation.
            Map<String, Object> district = as("sjshirongban1").getForObject("/api/scores?period=2025-03&campaign=SCAPI-CAMP", Map.class);
            assertThat(district).containsEntry("campaign", "SCAPI-CAMP");
            assertThat(list(district, "ranking")).extracting(r -> r.get("unitId")).containsExactly("chengguan");
            XlsxDownload export = XlsxDownload.of(as("sjshirongban1").getForEntity("/api/scores/export.xlsx?period=2025-03&campaign=SCAPI-CAMP",
                    byte[].class));
            assertThat(export.title()).startsWith("九亭镇");
            ResponseEntity<Map> foreignExport = as("jxtuijinban1").getForEntity("/api/scores/export.xlsx?period=2025-03&campaign=SCAPI-CAMP",
                    Map.class);
            assertThat(foreignExport.getStatusCode()).as("another organisation's campaign").isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(errors(foreignExport)).singleElement().satisfies(e -> assertThat(e).containsEntry("message", "活动不存在：SCAPI-CAMP"));
        } finally {
            jdbc.update("update rect_case set campaign_code = null where campaign_code = 'SCAPI-CAMP'");
            jdbc.update("delete from campaign_unit where campaign_code = 'SCAPI-CAMP'");
            jdbc.update("delete from campaign where code = 'SCAPI-CAMP'");
        }
    }

    /**
     * A campaign's scores exist only for its months, as the 驾驶舱 offers them: a month before it began, after it ended or
     * not begun yet is refused naming {@code period} and the months there are, in the Excel export too; a quarter with a
     * day of the campaign is scored, and the town-wide view, which has no campaign, takes any month of the window.
     */
    /**
     * A campaign whose month ranks one unit alone names it for its total, not as "第 1 名" of one (note-s55), in the
     * scores' notice and in the monthly report's table of units to name; where several are ranked the notice keeps their places ({@link #theRankingIsComputedOnTheFlyThenReadFromTheStoredRows}).
     */
    @Test
    void aUnitRankedAloneIsNamedForItsTotalWithoutAPlace() {
        jdbc.update("insert into campaign (code, name, template_id, template_name, status, current_phase, started_at, tenant_id)"
                + " values ('SCAPI-ONE', '单项整治', 'jiuting-2023-standard-town', '九亭', 'RUNNING', 1, ?, 'jiuting')",
                java.sql.Timestamp.from(Instant.parse("2025-03-01T02:00:00Z")));
        jdbc.update("insert into campaign_phase (campaign_code, phase_no, phase_id, name, first_day, last_day, starts_at, ends_at)"
                + " values ('SCAPI-ONE', 1, 'P1', '整治', ?, ?, ?, ?)", java.sql.Date.valueOf("2025-03-01"),
                java.sql.Date.valueOf("2025-05-31"), java.sql.Timestamp.from(Instant.parse("2025-02-28T16:00:00Z")),
                java.sql.Timestamp.from(Instant.parse("2025-05-31T16:00:00Z")));
        try {
            String open = rows.add("nongfu", "IN_RECTIFICATION", DUE, null);
            jdbc.update("update rect_case set campaign_code = 'SCAPI-ONE' where case_no = ?", open);
            Map<String, Object> body = as("chuangban1").getForObject("/api/scores?period=2025-03&campaign=SCAPI-ONE", Map.class);
            assertThat(list(body, "ranking")).extracting(r -> r.get("unitId"), r -> r.get("nonPerforming"))
                    .containsExactly(tuple("nongfu", true));
            assertThat((String) body.get("notice")).contains("2025年3月单位考核：1 个单位参加排名",
                    "列入通报范围（本期通报尚未印发）：农副公司（唯一参加排名的单位，总分 22.22，E 级；").doesNotContain("第 1 名");
            String report = as("chuangban1").getForObject("/api/campaigns/SCAPI-ONE/monthly-report?period=2025-03", String.class);
            assertThat(org.shirong.report.HtmlTables.rows(report, "named-units")).as("the monthly report's 列入通报范围的单位")
                    .singleElement().satisfies(r -> assertThat(r.subList(0, 2)).containsExactly("农副公司", "唯一参加排名"));
        } finally {
            jdbc.update("update rect_case set campaign_code = null where campaign_code = 'SCAPI-ONE'");
            jdbc.update("delete from campaign_phase where campaign_code = 'SCAPI-ONE'");
            jdbc.update("delete from campaign where code = 'SCAPI-ONE'");
        }
    }

    @Test
    void aCampaignsScoresAreRefusedForAMonthBeforeOrAfterItOrNotBegunYet() {
        jdbc.update("insert into campaign (code, name, template_id, template_name, status, current_phase, started_at, tenant_id)"
                + " values ('SCAPI-DAYS', '考核月份测试', 'jiuting-2023-standard-town', '九亭', 'RUNNING', 1, ?, 'jiuting')",
                java.sql.Timestamp.from(Instant.parse("2025-03-03T02:00:00Z")));
        jdbc.update("insert into campaign_phase (campaign_code, phase_no, phase_id, name, first_day, last_day, starts_at, ends_at)"
                + " values ('SCAPI-DAYS', 1, 'P1', '整治', ?, ?, ?, ?)", java.sql.Date.valueOf("2025-03-01"),
                java.sql.Date.valueOf("2025-05-31"), java.sql.Timestamp.from(Instant.parse("2025-02-28T16:00:00Z")),
                java.sql.Timestamp.from(Instant.parse("2025-05-31T16:00:00Z")));
        org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(java.util.Date.from(Instant.parse("2025-04-10T02:00:00Z")));
        try {
            refused("/api/scores?period=2025-02&campaign=SCAPI-DAYS", "PERIOD_BEFORE_CAMPAIGN",
                    "考核期间 2025年2月 早于活动“考核月份测试”开始的月份（2025年3月），可选 2025年3月至 2025年4月");
            refused("/api/scores/export.xlsx?period=2025-02&campaign=SCAPI-DAYS", "PERIOD_BEFORE_CAMPAIGN",
                    "考核期间 2025年2月 早于活动“考核月份测试”开始的月份（2025年3月），可选 2025年3月至 2025年4月");
            refused("/api/scores?period=2025-05&campaign=SCAPI-DAYS", "PERIOD_NOT_BEGUN",
                    "考核期间 2025年5月 尚未开始，还没有可考核的数字，可选 2025年3月至 2025年4月");
            refused("/api/scores?period=2024&campaign=SCAPI-DAYS", "PERIOD_BEFORE_CAMPAIGN",
                    "考核期间 2024年 早于活动“考核月份测试”开始的月份（2025年3月），可选 2025年3月至 2025年4月");
            for (String period : List.of("2025-03", "2025-04", "2025-Q1", "2025")) {
                assertThat(as("chengguan1").getForEntity("/api/scores?period=" + period + "&campaign=SCAPI-DAYS", Map.class)
                        .getStatusCode()).as(period).isEqualTo(HttpStatus.OK);
            }
            assertThat(as("chengguan1").getForEntity("/api/scores?period=2025-02", Map.class).getStatusCode())
                    .as("the town-wide view has no campaign to keep to").isEqualTo(HttpStatus.OK);

            org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(java.util.Date.from(Instant.parse("2025-07-10T02:00:00Z")));
            refused("/api/scores?period=2025-06&campaign=SCAPI-DAYS", "PERIOD_AFTER_CAMPAIGN",
                    "考核期间 2025年6月 晚于活动“考核月份测试”结束的月份（2025年5月），可选 2025年3月至 2025年5月");
            refused("/api/scores/export.xlsx?period=2025-06&campaign=SCAPI-DAYS", "PERIOD_AFTER_CAMPAIGN",
                    "考核期间 2025年6月 晚于活动“考核月份测试”结束的月份（2025年5月），可选 2025年3月至 2025年5月");
            assertThat(as("chengguan1").getForEntity("/api/scores?period=2025-05&campaign=SCAPI-DAYS", Map.class).getStatusCode())
                    .isEqualTo(HttpStatus.OK);
        } finally {
            org.camunda.bpm.engine.impl.util.ClockUtil.reset();
            jdbc.update("delete from campaign_phase where campaign_code = 'SCAPI-DAYS'");
            jdbc.update("delete from campaign where code = 'SCAPI-DAYS'");
        }
    }

    private void refused(String path, String code, String message) {
        ResponseEntity<Map> refused = as("chengguan1").getForEntity(path, Map.class);
        assertThat(refused.getStatusCode()).as(path).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(errors(refused)).as(path).singleElement().satisfies(e -> assertThat(e)
                .containsEntry("field", "period").containsEntry("code", code).containsEntry("message", message));
    }

    /**
     * The period rule of config/scoring.yaml: a case closed in May though due in June counts for May, on time, and not
     * again for June; a case due in May and closed only in June counts for May as not closed (as it stood at May's end),
     * and not for June, the month it was closed in. 城管中队's and 农副公司's cases of {@link #cases()}, overdue since March
     * and April and still open, count in May and June too (超期未结, supreview-s54 V3), so they rank in both months.
     */
    @Test
    void aCaseClosedEarlyRanksInThePeriodItWasClosedInAndALateClosingDoesNotCountBack() {
        String early = rows.add("lvrong", "CLOSED", Instant.parse("2025-06-10T02:00:00Z"), "on time");
        jdbc.update("update rect_case set submitted_at = ?, closed_at = ? where case_no = ?",
                java.sql.Timestamp.from(Instant.parse("2025-05-20T02:00:00Z")), java.sql.Timestamp.from(Instant.parse("2025-05-20T03:00:00Z")), early);
        String late = rows.add("zongguan", "CLOSED", Instant.parse("2025-05-28T02:00:00Z"), "late");
        jdbc.update("update rect_case set submitted_at = ?, closed_at = ? where case_no = ?",
                java.sql.Timestamp.from(Instant.parse("2025-06-03T02:00:00Z")), java.sql.Timestamp.from(Instant.parse("2025-06-03T03:00:00Z")), late);

        Map<String, Object> may = as("chengguan1").getForObject("/api/scores?period=2025-05", Map.class);
        Map<String, Object> june = as("chengguan1").getForObject("/api/scores?period=2025-06", Map.class);

        assertThat(list(may, "ranking")).extracting(r -> r.get("rank"), r -> r.get("unitId"), r -> r.get("total"))
                .containsExactly(tuple(1, "lvrong", 100.0), tuple(2, "chengguan", 22.22), tuple(2, "nongfu", 22.22),
                        tuple(2, "zongguan", 22.22));
        assertThat((Map<String, Object>) list(may, "ranking").get(0).get("indicators")).containsEntry("dueCount", 1)
                .containsEntry("closedCount", 1).containsEntry("onTimeClosureRate", 100.0);
        assertThat((Map<String, Object>) list(may, "ranking").get(3).get("indicators")).containsEntry("dueCount", 1)
                .containsEntry("closedCount", 0).containsEntry("overdueCount", 1);
        assertThat(list(june, "ranking")).extracting(r -> r.get("unitId")).containsExactly("chengguan", "nongfu");
        assertThat(list(june, "noCases")).extracting(u -> u.get("unitId")).contains("lvrong", "zongguan");
    }

    /**
     * supreview-s54 V3: a unit sitting on an overdue case is ranked in every later month until it closes the case, on
     * the case as 超期未结 (应结案 1, 结案 0, 超期 1: 按期结案率 and 结案率 0), and can be named; the month it closes the case
     * counts it no more. A 挂账 case (its clock stopped) is not carried on. Who is not ranked is told as 本期无可计分项.
     */
    @Test
    void anOverdueCaseStillOpenCountsAgainstItsUnitInEveryLaterMonthUntilItIsClosed() {
        rows.add("shefa", "IN_RECTIFICATION", Instant.parse("2025-04-10T02:00:00Z"), null);
        String closedInJune = rows.add("pingan", "CLOSED", Instant.parse("2025-04-15T02:00:00Z"), "late");
        jdbc.update("update rect_case set submitted_at = ?, closed_at = ? where case_no = ?",
                java.sql.Timestamp.from(Instant.parse("2025-06-04T02:00:00Z")), java.sql.Timestamp.from(Instant.parse("2025-06-05T02:00:00Z")),
                closedInJune);
        rows.add("guijian", "SUSPENDED", Instant.parse("2025-04-20T02:00:00Z"), null);

        for (String month : List.of("2025-05", "2025-06")) {
            Map<String, Object> body = as("chuangban1").getForObject("/api/scores?period=" + month, Map.class);
            assertThat(list(body, "ranking")).as(month).filteredOn(r -> r.get("unitId").equals("shefa")).singleElement()
                    .satisfies(r -> {
                        assertThat(r).containsEntry("total", 22.22).containsEntry("grade", "E").containsEntry("nonPerforming", true);
                        assertThat((Map<String, Object>) r.get("indicators")).containsEntry("dueCount", 1).containsEntry("closedCount", 0)
                                .containsEntry("overdueCount", 1).containsEntry("closureRate", 0.0).containsEntry("onTimeClosureRate", 0.0);
                    });
            assertThat((String) body.get("notice")).as(month).containsPattern("社发办（\\d+ 个参加排名的单位中第 ").contains("个单位本期无可计分项，不排名")
                    .doesNotContain("应结案件");
            assertThat(list(body, "noCases")).as(month).filteredOn(u -> u.get("unitId").equals("guijian")).singleElement()
                    .satisfies(u -> assertThat(u).containsEntry("note", "本期无可计分项"));
        }
        Map<String, Object> may = as("chuangban1").getForObject("/api/scores?period=2025-05", Map.class);
        Map<String, Object> june = as("chuangban1").getForObject("/api/scores?period=2025-06", Map.class);
        assertThat(list(may, "ranking")).extracting(r -> r.get("unitId")).contains("pingan");
        assertThat(list(june, "ranking")).extracting(r -> r.get("unitId")).as("closed in June: not counted again").doesNotContain("pingan");
        assertThat(list(june, "noCases")).extracting(u -> u.get("unitId")).contains("pingan");
        // the quarter counts each case once: 社发办's is due in it
        Map<String, Object> quarter = as("chuangban1").getForObject("/api/scores?period=2025-Q2", Map.class);
        assertThat(list(quarter, "ranking")).filteredOn(r -> r.get("unitId").equals("shefa")).singleElement()
                .satisfies(r -> assertThat((Map<String, Object>) r.get("indicators")).containsEntry("dueCount", 1));

        XlsxDownload table = XlsxDownload.of(as("chuangban1").getForEntity("/api/scores/export.xlsx?period=2025-06", byte[].class));
        assertThat(table.data()).filteredOn(r -> table.text(r, "单位").equals("平安办")).singleElement()
                .satisfies(r -> assertThat(table.text(r, "备注")).isEqualTo("本期无可计分项，不排名"));
        assertThat(table.data()).filteredOn(r -> table.text(r, "单位").equals("社发办")).singleElement()
                .satisfies(r -> assertThat(table.text(r, "等级")).isEqualTo("E"));
    }

    /**
     * diffreview-s55 R3: 农副公司's case of {@link #cases()}, due 14 March and still open, is carried into April and May as
     * 超期未结 until its 超期 appeal is approved: the lateness excused, it counts in March as the appeal makes it (handled on
     * time, not overdue) and no more after. 城管中队's case, open as long and not appealed, is still carried.
     */
    @Test
    void anOpenCaseWhoseOverdueAppealWasApprovedIsNoLongerCarriedIntoLaterMonths() {
        String late = jdbc.queryForObject("select case_no from rect_case where case_no like 'SCAPI-%' and lead_unit = 'nongfu'",
                String.class);
        for (String month : List.of("2025-04", "2025-05")) {
            Map<String, Object> carried = as("chuangban1").getForObject("/api/scores?period=" + month, Map.class);
            assertThat(list(carried, "ranking")).as(month)
                    .filteredOn(r -> r.get("unitId").equals("nongfu")).singleElement()
                    .satisfies(r -> assertThat((Map<String, Object>) r.get("indicators")).containsEntry("dueCount", 1)
                            .containsEntry("closedCount", 0).containsEntry("overdueCount", 1));
        }

        assertThat(appeal("nongfu1", late, "OVERDUE", "暴雨停运，无法作业").getStatusCode()).isEqualTo(HttpStatus.CREATED);
        review(late, "OVERDUE", "approve", "情况属实");

        assertThat((Map<String, Object>) unit("nongfu1", "nongfu").get("indicators")).as("March, its due month, as the appeal counts it")
                .containsEntry("dueCount", 1).containsEntry("overdueCount", 0).containsEntry("appealedCount", 1);
        for (String month : List.of("2025-04", "2025-05")) {
            Map<String, Object> body = as("chuangban1").getForObject("/api/scores?period=" + month, Map.class);
            assertThat(list(body, "ranking")).as(month).extracting(r -> r.get("unitId")).doesNotContain("nongfu").contains("chengguan");
            assertThat(list(body, "noCases")).as(month).extracting(u -> u.get("unitId")).contains("nongfu");
        }
    }

    /** diffreview-s56 D6: until the 通报 is issued no unit is said to be 通报'd, also where it names units besides the ranking's. */
    @Test
    void theScoreTextSaysNoUnitWasNotifiedForItsScoreOnlyOnceTheNoticeIsIssued() {
        String text = "2024年10月单位考核：3 个单位参加排名。本期无通报单位。";
        assertThat(ScoreNotice.alsoNaming(text, List.of("环卫所：逾期未报"), false)).isEqualTo("2024年10月单位考核：3 个单位参加排名。"
                + "本期没有因考核得分列入通报范围的单位。另列入通报范围（本期通报尚未印发）：环卫所：逾期未报。").doesNotContain("被通报");
        assertThat(ScoreNotice.alsoNaming(text, List.of("环卫所：逾期未报"), true)).isEqualTo("2024年10月单位考核：3 个单位参加排名。"
                + "本期没有因考核得分被通报的单位。另通报：环卫所：逾期未报。");
    }

    @Test
    void inspectionScoresAreCheckedAgainstTheirSheetReplacedWhenReenteredAndShownWithoutWeight() {
        ScorePeriod march = ScorePeriod.parse("2025-03").orElseThrow();
        scoreService.recordInspection(march, null, "huanwei", "ROADS", Map.of("ROAD_SURFACE_CLEAN", new BigDecimal("4")), "ducha1");
        // Re-entered: 4 + 2.5 of 4 + 3 → 6.5 / 7 = 92.857… → 92.86; the shipped weight 0 leaves the total at 99.78.
        scoreService.recordInspection(march, null, "huanwei", "ROADS",
                Map.of("ROAD_SURFACE_CLEAN", new BigDecimal("4"), "ROAD_ORDER", new BigDecimal("2.5")), "ducha1");

        Map<String, Object> body = as("ducha2").getForObject("/api/scores?period=2025-03", Map.class);
        assertThat(list(body, "ranking").get(0)).containsEntry("unitId", "huanwei").containsEntry("inspectionScore", 92.86)
                .containsEntry("total", 99.78);
        assertThat(jdbc.queryForObject("select count(*) from score_inspection", Integer.class)).isEqualTo(2);

        assertThatThrownBy(() -> scoreService.recordInspection(march, null, "nosuchunit", "ROADS", Map.of("ROAD_ORDER", BigDecimal.ONE), "ducha1"))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.errors())
                        .extracting(ApiError::field, ApiError::code).containsExactly(tuple("unit", "UNKNOWN_UNIT")));
        assertThatThrownBy(() -> scoreService.recordInspection(march, null, "huanwei", "ROOFS", Map.of("ROAD_ORDER", BigDecimal.ONE), "ducha1"))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.errors())
                        .extracting(ApiError::field, ApiError::code).containsExactly(tuple("sheet", "UNKNOWN_SHEET")));
        assertThatThrownBy(() -> scoreService.recordInspection(march, null, "huanwei", "ROADS",
                new java.util.TreeMap<>(Map.of("ROAD_ORDER", new BigDecimal("3.5"), "ROOF", BigDecimal.ONE)), "ducha1"))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.errors())
                        .extracting(ApiError::field, ApiError::code, ApiError::message).containsExactly(
                                tuple("items.ROAD_ORDER", "OUT_OF_RANGE", "无乱设摊乱堆物的得分应在 0 到 3 之间"),
                                tuple("items.ROOF", "UNKNOWN_ITEM", "道路中没有检查项 ROOF")));
        assertThat(jdbc.queryForObject("select count(*) from score_inspection", Integer.class)).isEqualTo(2);
    }

    /**
     * 锦溪镇's 季检查 scores its own "931" items (jinxi/scoring.yaml's inspection replaces the shared Shanghai standard): its
     * nine sheets name their lead units, no Shanghai notion reaches it, its units are scored on its sheets only, while
     * 九亭镇 keeps the shared sheets (jxreview J4).
     */
    @Test
    void jinxisInspectionSheetsAreIts931ItemsNotTheShanghaiStandard() {
        List<UnitScores.SheetItem> jinxi = unitScores.inspectionItems("jinxi");
        assertThat(jinxi.stream().map(UnitScores.SheetItem::sheetName).distinct().toList()).containsExactly(
                "整治镇郊结合部（牵头：创建办）", "整治老旧小区（牵头：建管所）", "整治镇区河道环境（牵头：水利站）",
                "整治低洼易淹易涝片区（牵头：水利站）", "整治建设工地（牵头：建管所）", "整治农贸市场（牵头：建管所）",
                "规范占道经营（牵头：城管中队）", "规范户外广告设置（牵头：城管中队）", "提升长效管理水平（牵头：创建办）");
        assertThat(jinxi).allSatisfy(i -> assertThat(i.sheetName() + i.itemName())
                .doesNotContain("门责", "六无", "二无一白", "机动车清洗站", "上海"));
        assertThat(unitScores.inspectionItems("jiuting")).extracting(UnitScores.SheetItem::itemName).contains("门责“六无”落实");

        ScorePeriod march = ScorePeriod.parse("2025-03").orElseThrow();
        assertThatThrownBy(() -> scoreService.recordInspection(march, null, "jxshuili", "WATERS", Map.of("WATER_SURFACE", BigDecimal.ONE), "jxtuijinban1"))
                .as("the shared sheet is not 锦溪's").isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.errors())
                        .extracting(ApiError::field, ApiError::code).containsExactly(tuple("sheet", "UNKNOWN_SHEET")));
        // 4 + 1.5 of 4 + 3 → 5.5 / 7 = 78.57.
        scoreService.recordInspection(march, null, "jxshuili", "RECTIFY_TOWN_RIVERS",
                Map.of("RIVER_CLEAN", new BigDecimal("4"), "RIVER_ODOUR", new BigDecimal("1.5")), "jxtuijinban1");
        Map<String, Object> body = as("jxtuijinban1").getForObject("/api/scores?period=2025-03", Map.class);
        assertThat(list(body, "noCases")).filteredOn(u -> "jxshuili".equals(u.get("unitId"))).singleElement()
                .satisfies(u -> assertThat(u).containsEntry("inspectionScore", 78.57));
    }

    /**
     * 协办 is counted per unit apart from the lead-unit ranking and scored by cooperation-rules of scoring.yaml
     * (10 points at 90 % on time, 0.2 off per point below, 1 off per 协办 not done); the ranking does not change.
     * Only the organisation's own cases count.
     */
    @Test
    void cooperationIsCountedAndScoredApartAndLeavesTheLeadUnitRankingAsItWas() {
        List<Map<String, Object>> before = list(as("chengguan1").getForObject("/api/scores?period=2025-03", Map.class), "ranking");
        List<String> march = jdbc.queryForList("select case_no from rect_case where case_no like 'SCAPI-%' and due_at < ?"
                + " order by case_no", String.class, java.sql.Timestamp.from(Instant.parse("2025-04-01T00:00:00Z")));
        rows.party(march.get(0), "zongguan", "on time");
        rows.party(march.get(1), "zongguan", "late");
        rows.party(march.get(2), "zongguan", null);
        rows.party(march.get(0), "wuye", "on time");
        // The case closed a day before wuye's cooperation on it was due: cut short, not counted (sjreview F3).
        Instant cutDue = jdbc.queryForObject("select due_at from rect_case where case_no = ?", java.sql.Timestamp.class, march.get(1))
                .toInstant();
        jdbc.update("insert into rect_case_party (case_no, unit_id, role, reason, assigned_at, due_at, ended_at)"
                + " values (?, 'wuye', 'COOPERATE', 'RESPONSIBLE', ?, ?, ?)", march.get(1),
                java.sql.Timestamp.from(cutDue.minus(java.time.Duration.ofDays(3))), java.sql.Timestamp.from(cutDue),
                java.sql.Timestamp.from(cutDue.minus(java.time.Duration.ofDays(1))));
        // Another organisation's case in the same month: its 协办 counts in its own scores, never in 九亭's.
        CaseRows jinxi = new CaseRows(jdbc, "SCAPIJX");
        String jinxiCase = jinxi.add("jxshuili", "IN_RECTIFICATION", DUE, null);
        jdbc.update("update rect_case set tenant_id = 'jinxi' where case_no = ?", jinxiCase);
        jinxi.party(jinxiCase, "zongguan", null);
        jinxi.party(jinxiCase, "jxchengguan", null);

        Map<String, Object> body;
        try {
            body = as("chengguan1").getForObject("/api/scores?period=2025-03", Map.class);
        } finally {
            jinxi.clear();
        }

        assertThat(list(body, "ranking")).isEqualTo(before);
        Map<String, Object> cooperation = (Map<String, Object>) body.get("cooperation");
        assertThat(cooperation).containsEntry("scored", true);
        assertThat(list(cooperation, "units")).extracting(u -> u.get("rank") + ":" + u.get("unitId") + ":" + u.get("unitName")
                + ":" + u.get("cooperationCount") + "/" + u.get("doneOnTime") + "/" + u.get("doneLate") + "/" + u.get("notDone")
                + ":" + u.get("onTimeRateText") + ":" + u.get("points")).containsExactly(
                "1:wuye:各物业公司:1/1/0/0:100.00%:10.0",
                // 33.33 % is 56.67 points below 90 %: 10 − 11.33 − 1 → 0.
                "2:zongguan:综管办:3/1/1/1:33.33%:0.0");
    }

    @Autowired
    org.camunda.bpm.engine.TaskService taskService;
    @Autowired
    org.camunda.bpm.engine.ManagementService managementService;
    @Autowired
    org.shirong.rectification.CaseParties parties;

    /**
     * jtreview-s59 T6: the 领导小组 approves the 挂账 of a 乱设摊 case (lead 城管中队) whose 协办 of 市场监管所 is still open. The
     * 协办 stands still with the case: past its due instant it is not 未完成 in the month's 协办 figures (which the 通报, 月报
     * and 驾驶舱 read) nor late on the case page; 恢复整改 gives it a new due instant from the working calendar, by which it
     * counts again once that has passed.
     */
    @Test
    @SuppressWarnings("unchecked")
    void aSuspendedCasesOpenCooperationStandsStillAndCountsByItsNewDueAfterResumption() {
        Instant end = Instant.parse("2025-09-30T08:00:00Z");
        org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(java.util.Date.from(end));
        int[] baseline = shichangCooperation("2025-09");
        String caseNo = null;
        try {
            org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(java.util.Date.from(Instant.parse("2025-09-02T01:00:00Z")));
            ResponseEntity<Map> reported = as("ducha2").postForEntity("/api/cases", json("""
                    {"title":"九亭大街路口乱设摊","category":"ILLEGAL_STALL","urgency":"NORMAL","source":"PATROL",
                     "location":{"address":"九亭大街 3 号"}}"""), Map.class);
            assertThat(reported.getStatusCode()).as(String.valueOf(reported.getBody())).isEqualTo(HttpStatus.CREATED);
            caseNo = (String) reported.getBody().get("caseNo");
            completeCaseTask("chengguan2", caseNo, "Task_ClaimCase", "\"claimDecision\":{\"value\":\"claim\"}");
            completeCaseTask("chengguan2", caseNo, "Task_RectifyProblem", "\"rectifyAction\":{\"value\":\"suspension\"},"
                    + "\"suspensionReason\":{\"value\":\"摊点所在地块正在移交\"},\"suspensionReviewDate\":{\"value\":\"2025-09-15\"}");
            completeCaseTask("lingdao1", caseNo, "Task_ApproveSuspension",
                    "\"suspensionApproved\":{\"value\":\"yes\"},\"decisionComment\":{\"value\":\"同意挂账\"}");
            org.shirong.rectification.CaseParties.Party party = shichang(caseNo);
            Instant firstDue = party.dueAt();
            assertThat(firstDue).isBefore(Instant.parse("2025-09-12T02:00:00Z"));
            org.camunda.bpm.engine.task.Task record = cooperationTask(caseNo);
            assertThat(record.getDueDate()).as("no red row in Tasklist while 挂账").isNull();

            // ten days later, long past the 协办's due instant, the case still 挂账: nothing due, nothing 未完成
            org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(java.util.Date.from(Instant.parse("2025-09-12T02:00:00Z")));
            assertThat(shichangCooperation("2025-09")).as("协办数, 未完成").containsExactly(baseline[0], baseline[1]);
            assertThat(partyView(caseNo)).containsEntry("status", "OPEN").containsEntry("statusName", "案件挂账中，暂停计时");

            completeCaseTask("chengguan2", caseNo, "Task_ResumeCase", "\"resumePlan\":{\"value\":\"地块已移交，三日内清理\"}");
            Instant resumedDue = shichang(caseNo).dueAt();
            Instant caseDue = Instant.parse((String) ((Map<String, Object>) as("chuangban1")
                    .getForObject("/api/cases/" + caseNo, Map.class).get("record")).get("dueAt"));
            assertThat(resumedDue).as("moved as the case's clock").isEqualTo(caseDue).isAfter(Instant.parse("2025-09-12T02:00:00Z"));
            assertThat(cooperationTask(caseNo).getDueDate()).isEqualTo(java.util.Date.from(resumedDue));
            assertThat(partyView(caseNo)).containsEntry("statusName", "待记录");

            // its new due instant passed unrecorded: now it counts, once, as 未完成
            org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(java.util.Date.from(end));
            assertThat(resumedDue).isBefore(end);
            assertThat(shichangCooperation("2025-09")).containsExactly(baseline[0] + 1, baseline[1] + 1);
        } finally {
            org.camunda.bpm.engine.impl.util.ClockUtil.reset();
            if (caseNo != null) {
                String no = caseNo;
                runtimeService.createProcessInstanceQuery().processInstanceBusinessKeyLike(no + "%").list()
                        .forEach(pi -> runtimeService.deleteProcessInstance(pi.getId(), "test over", true));
                for (String table : List.of("rect_case_party", "rect_case_event", "rect_case_round", "rect_case")) {
                    jdbc.update("delete from " + table + " where case_no = ?", no);
                }
            }
        }
    }

    /** 市场监管所's 协办数 and 未完成 in the period's 协办 figures of {@code GET /api/scores}, 0 and 0 when it has none. */
    private int[] shichangCooperation(String period) {
        Map<String, Object> body = as("chuangban1").getForObject("/api/scores?period=" + period, Map.class);
        return list((Map<String, Object>) body.get("cooperation"), "units").stream().filter(u -> "shichang".equals(u.get("unitId")))
                .findFirst().map(u -> new int[] {(Integer) u.get("cooperationCount"), (Integer) u.get("notDone")})
                .orElse(new int[] {0, 0});
    }

    private org.shirong.rectification.CaseParties.Party shichang(String caseNo) {
        return parties.of(caseNo).stream().filter(p -> p.unitId().equals("shichang")).findFirst().orElseThrow();
    }

    private Map<String, Object> partyView(String caseNo) {
        return ((List<Map<String, Object>>) as("chuangban1").getForObject("/api/cases/" + caseNo, Map.class).get("parties")).stream()
                .filter(p -> "shichang".equals(p.get("unitId"))).findFirst().orElseThrow();
    }

    private org.camunda.bpm.engine.task.Task cooperationTask(String caseNo) {
        return taskService.createTaskQuery().processInstanceBusinessKey(
                org.shirong.rectification.CaseCooperationProcess.businessKey(caseNo, "shichang")).singleResult();
    }

    /** Completes the case's task of this key as the user through /engine-rest, as Tasklist does, then runs what follows. */
    private void completeCaseTask(String user, String caseNo, String taskKey, String variables) {
        org.camunda.bpm.engine.task.Task task = taskService.createTaskQuery().processInstanceBusinessKey(caseNo)
                .taskDefinitionKey(taskKey).singleResult();
        assertThat(task).as(taskKey + " of " + caseNo).isNotNull();
        ResponseEntity<String> done = as(user).postForEntity("/engine-rest/task/" + task.getId() + "/complete",
                json("{\"variables\":{" + variables + "}}"), String.class);
        assertThat(done.getStatusCode()).as(taskKey + ": " + done.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
        for (var jobs = managementService.createJobQuery().processInstanceId(task.getProcessInstanceId()).executable().list();
                !jobs.isEmpty(); jobs = managementService.createJobQuery().processInstanceId(task.getProcessInstanceId()).executable().list()) {
            managementService.executeJob(jobs.get(0).getId());
        }
    }

    @Test
    void anonymousCallsAreRefusedAndBadParametersNamed() {
        assertThat(rest.getForEntity("/api/scores?period=2025-03", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);

        ResponseEntity<Map> badMonth = as("chengguan1").getForEntity("/api/scores?period=2025-13", Map.class);
        assertThat(badMonth.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(errors(badMonth)).singleElement().satisfies(e -> assertThat(e)
                .containsEntry("field", "period").containsEntry("code", "INVALID_PERIOD")
                .containsEntry("message", "考核期间 \"2025-13\" 无效：格式应为 2026-05（月）、2026-Q2（季度）或 2026（年）"));

        ResponseEntity<Map> missing = as("chengguan1").getForEntity("/api/scores", Map.class);
        assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(errors(missing)).extracting(e -> e.get("field"), e -> e.get("code"))
                .containsExactly(tuple("period", "REQUIRED"));

        ResponseEntity<Map> campaign = as("chengguan1").getForEntity("/api/scores?period=2025-Q1&campaign=创建", Map.class);
        assertThat(campaign.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(errors(campaign)).extracting(e -> e.get("field"), e -> e.get("code"))
                .containsExactly(tuple("campaign", "INVALID_CAMPAIGN"));
    }

    /** A period beyond {@code shirong.input.dates} or with control characters is named with the allowed range, not scored as zeros. */
    @Test
    void aPeriodOutsideTheDatesPeopleMayTypeOrWithControlCharactersIsRefused() {
        org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(java.util.Date.from(Instant.parse("2026-05-20T02:00:00Z")));
        try {
            for (String path : List.of("/api/scores?period=2099-12", "/api/scores?period=2099", "/api/scores/export.xlsx?period=2099",
                    "/api/scores/export.xlsx?period=2037-Q1")) {
                ResponseEntity<Map> refused = as("lvrong1").getForEntity(path, Map.class);
                assertThat(refused.getStatusCode()).as(path).isEqualTo(HttpStatus.BAD_REQUEST);
                assertThat(errors(refused)).as(path).singleElement().satisfies(e -> assertThat(e)
                        .containsEntry("field", "period").containsEntry("code", "INVALID_PERIOD").containsEntry("message",
                                "考核期间 " + path.substring(path.indexOf('=') + 1) + " 超出可查询的范围（2000-01-01 至 2036-05-20），请检查年份"));
            }
            for (String period : List.of("%0A2025-03%0A", "2025-03%01", "%092025")) {
                ResponseEntity<Map> refused = as("lvrong1").getForEntity(java.net.URI.create("/api/scores?period=" + period), Map.class);
                assertThat(refused.getStatusCode()).as(period).isEqualTo(HttpStatus.BAD_REQUEST);
                assertThat(errors(refused)).as(period).singleElement().satisfies(e -> {
                    assertThat(e).containsEntry("field", "period").containsEntry("code", "INVALID_PERIOD");
                    assertThat((String) e.get("message")).startsWith("考核期间");
                });
            }
            for (String path : List.of("/api/scores?period=1970", "/api/scores?period=1999-12", "/api/scores/export.xlsx?period=1970-Q1")) {
                ResponseEntity<Map> refused = as("lvrong1").getForEntity(path, Map.class);
                assertThat(refused.getStatusCode()).as(path).isEqualTo(HttpStatus.BAD_REQUEST);
                assertThat(errors(refused)).as(path).singleElement().satisfies(e -> assertThat(e).containsEntry("message",
                        "考核期间 " + path.substring(path.indexOf('=') + 1) + " 超出可查询的范围（2000-01-01 至 2036-05-20），请检查年份"));
            }
            assertThat(as("lvrong1").getForEntity("/api/scores?period=2036-05", Map.class).getStatusCode())
                    .as("the last month the window reaches").isEqualTo(HttpStatus.OK);
            assertThat(as("lvrong1").getForEntity("/api/scores?period= 2025-03 ", Map.class).getStatusCode())
                    .as("spaces around are no control characters").isEqualTo(HttpStatus.OK);
        } finally {
            org.camunda.bpm.engine.impl.util.ClockUtil.reset();
        }
    }

    @Test
    void theScoresTableIsExportedWithRankTotalGradeComponentsAndThe通报() {
        XlsxDownload table = XlsxDownload.of(as("lvrong1").getForEntity("/api/scores/export.xlsx?period=2025-03", byte[].class));
        Map<String, Object> json = as("lvrong1").getForObject("/api/scores?period=2025-03", Map.class);

        assertThat(table.sheetName()).isEqualTo("考核得分");
        assertThat(table.title()).isEqualTo("九亭镇2025年3月单位考核得分");
        assertThat(table.filterLine()).startsWith("考核期间：2025-03-01 至 2025-03-31")
                .contains("通报线：总分低于 60 分　｜", "按当前数据即时计算", "导出人：何巡查员")
                .as("九亭镇's own rule names no bottom units").doesNotContain("排名最后").doesNotContain("暂定");
        assertThat(table.headers()).startsWith("排名", "单位", "总分", "得分", "满分", "等级", "通报", "通报原因", "考核项得分", "检查得分",
                "按期结案率（50 分）", "结案率（20 分）").contains("应结案件数", "超期数", "回退数", "按期结案率", "备注");
        assertThat(table.contentDisposition()).startsWith("attachment; filename=\"scores-2025-03-")
                .contains("filename*=UTF-8''" + java.net.URLEncoder.encode("九亭镇2025年3月单位考核得分-", java.nio.charset.StandardCharsets.UTF_8));

        List<Map<String, Object>> ranking = list(json, "ranking");
        List<Map<String, Object>> noCases = list(json, "noCases");
        List<org.dhatim.fastexcel.reader.Row> rows = table.data();
        assertThat(rows).as("the ranked units, the units not ranked, and the 通报 below").hasSize(ranking.size() + noCases.size() + 1);
        assertThat(rows.subList(0, 3)).extracting(r -> table.text(r, "排名"), r -> table.text(r, "单位"), r -> table.text(r, "总分"),
                r -> table.text(r, "等级"), r -> table.text(r, "通报"), r -> table.text(r, "通报原因")).containsExactly(
                        tuple("1", "环卫所", "99.78", "A", "否", ""),
                        tuple("2", "城管中队", "55.56", "D", "是", "总分低于通报线"),
                        tuple("3", "农副公司", "22.22", "E", "是", "总分低于通报线"));
        // the 得分 and 满分 of the items that applied to each unit, as GET /api/scores and the 驾驶舱's 得分/满分 give them
        for (int i = 0; i < ranking.size(); i++) {
            var row = rows.get(i);
            Map<String, Object> unit = ranking.get(i);
            assertThat(table.cell(row, "得分").asNumber()).as("%s", unit.get("unitName"))
                    .isEqualByComparingTo(new java.math.BigDecimal(unit.get("points").toString()));
            assertThat(table.cell(row, "满分").asNumber()).as("%s", unit.get("unitName"))
                    .isEqualByComparingTo(new java.math.BigDecimal(unit.get("maxPoints").toString()));
            assertThat(table.text(row, "备注")).isEqualTo(unit.get("basis")).startsWith("本期适用评分项满分 ");
        }
        var nongfu = rows.get(2);
        assertThat(table.text(nongfu, "备注")).isEqualTo("本期适用评分项满分 90 分，得 20 分，折合百分制 22.22 分");
        assertThat(table.cell(nongfu, "得分").asNumber()).isEqualByComparingTo("20");
        assertThat(table.cell(nongfu, "满分").asNumber()).isEqualByComparingTo("90");
        var huanwei = rows.get(0);
        assertThat(table.cell(huanwei, "总分").asNumber()).isEqualByComparingTo("99.78");
        assertThat(table.cell(huanwei, "返工与回退（5 分）").asNumber()).isEqualByComparingTo("4.8");
        assertThat(table.text(huanwei, "应结案件数")).isEqualTo("2");
        assertThat(table.text(huanwei, "回退数")).isEqualTo("1");
        assertThat(table.cell(huanwei, "按期结案率").asNumber()).isEqualByComparingTo("1");
        assertThat(table.cell(huanwei, "按期结案率").getDataFormatString()).isEqualTo("0.00%");
        assertThat(table.text(huanwei, "紧急案件按期结案率")).isEqualTo("—");
        assertThat(table.cell(rows.get(1), "结案率").asNumber()).isEqualByComparingTo("0.5");
        var lvrong = rows.stream().filter(r -> table.text(r, "单位").equals("绿容所")).findFirst().orElseThrow();
        assertThat(table.text(lvrong, "排名")).isEmpty();
        assertThat(table.text(lvrong, "备注")).isEqualTo("本期无可计分项，不排名");
        assertThat(table.text(rows.get(rows.size() - 1), "排名")).isEqualTo(json.get("notice")).contains("通报：城管中队（3 个参加排名的单位中第 2 名");
    }

    /**
     * 锦溪镇's score table has no 责任区 columns (its scoring.yaml drops the Shanghai zone-rules; 九亭镇 keeps them, and
     * shows them in a period where a unit has a 责任区 rate), and a campaign's table is titled by the campaign's name, not
     * its code (jxreview J17).
     */
    @Test
    void jinxisCampaignScoreTableHasNoZoneColumnsAndIsTitledByTheCampaignsName() {
        jdbc.update("insert into campaign (code, name, template_id, template_name, status, current_phase, started_at, tenant_id)"
                + " values ('SCAPI-JX', '锦溪镇环境综合整治行动（2025年度）', 'jinxi-2017-931', '931', 'RUNNING', 1, ?, 'jinxi')",
                java.sql.Timestamp.from(Instant.parse("2025-03-01T00:00:00Z")));
        try {
            XlsxDownload jinxi = XlsxDownload.of(as("jxtuijinban1").getForEntity(
                    "/api/scores/export.xlsx?period=2025-03&campaign=SCAPI-JX", byte[].class));
            assertThat(jinxi.title()).as("锦溪镇 named once (jxreview-s55 J11)").isEqualTo("“锦溪镇环境综合整治行动（2025年度）”2025年3月单位考核得分");
            assertThat(jinxi.headers()).contains("按期结案率（50 分）").noneMatch(h -> h.startsWith("责任区") || h.startsWith("责任告知书"));
            // 九亭镇 keeps them in its rubric, yet a column only where a unit was scored on it (ZoneRatesTest: May 2024, its
            // 居委会); no unit has a 责任区 rate in March 2025, so its table has none either (sjreview-s57 D16)
            XlsxDownload jiuting = XlsxDownload.of(as("lvrong1").getForEntity("/api/scores/export.xlsx?period=2025-03", byte[].class));
            assertThat(jiuting.headers()).contains("按期结案率（50 分）").noneMatch(h -> h.startsWith("责任区") || h.startsWith("责任告知书"));
        } finally {
            jdbc.update("delete from campaign where code = 'SCAPI-JX'");
        }
    }

    @Test
    void theScoresExportRefusesAsTheScoresDo() {
        assertThat(rest.getForEntity("/api/scores/export.xlsx?period=2025-03", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        ResponseEntity<Map> badMonth = as("chengguan1").getForEntity("/api/scores/export.xlsx?period=2025-13", Map.class);
        assertThat(badMonth.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(errors(badMonth)).extracting(e -> e.get("field"), e -> e.get("code")).containsExactly(tuple("period", "INVALID_PERIOD"));
        assertThat(errors(as("chengguan1").getForEntity("/api/scores/export.xlsx", Map.class)))
                .extracting(e -> e.get("field"), e -> e.get("code")).containsExactly(tuple("period", "REQUIRED"));
        ResponseEntity<Map> foreign = as("jxtuijinban1").getForEntity("/api/scores/export.xlsx?period=2025-03&organization=jiuting", Map.class);
        assertThat(foreign.getStatusCode()).as("another organisation's scores").isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as("chengguan1").getForEntity("/api/scores/export.xlsx?period=2025-03&campaign=NOPE", Map.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        XlsxDownload jinxi = XlsxDownload.of(as("jxtuijinban1").getForEntity("/api/scores/export.xlsx?period=2025-03", byte[].class));
        assertThat(jinxi.title()).isEqualTo("锦溪镇2025年3月单位考核得分");
        assertThat(jinxi.data()).as("九亭's cases do not count for 锦溪's units").allSatisfy(r -> assertThat(jinxi.text(r, "总分")).isEmpty());
        assertThat(jinxi.text(jinxi.data().get(jinxi.data().size() - 1), "排名")).startsWith("2025年3月单位考核：0 个单位参加排名");
    }
}
