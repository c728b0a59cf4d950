package org.shirong.rectification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shirong.system.ShirongWebTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.shirong.system.SharesSpringContext;

/**
 * {@code shirong.cases.visibility: unit} (the default) through HTTP: a case, its photos and the case lists are read
 * by its lead and responsible units (each told to cooperate, 协办), its reporter, the office, the leading group, the
 * inspectors and the admin; any other unit gets 404 for the case and its photo, as if there were none, and lists
 * without it.
 */
@ShirongWebTest
@SharesSpringContext
class CaseVisibilityTest {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    TaskService taskService;

    String caseNo;
    String photoUrl;

    TestRestTemplate as(String user) {
        return rest.withBasicAuth(user, user.equals("admin") ? "admin" : "demo");
    }

    /** 暴露垃圾: lead unit 环卫所 (huanwei), responsible unit 综管办 (zongguan); reported by 绿容所 (lvrong1), with a photo. */
    @BeforeEach
    void aCaseWithAPhoto() {
        caseNo = (String) as("lvrong1").postForEntity("/api/cases", CaseApiTest.json(
                CaseApiTest.body("EXPOSED_GARBAGE", "NORMAL", "九亭大街 8 号", null)), Map.class).getBody().get("caseNo");
        Task claim = taskService.createTaskQuery().processInstanceBusinessKey(caseNo).singleResult();
        assertThat(as("huanwei1").postForEntity("/engine-rest/task/" + claim.getId() + "/complete",
                CaseApiTest.json("{\"variables\":{\"claimDecision\":{\"value\":\"claim\"}}}"), String.class).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        Task rectify = taskService.createTaskQuery().processInstanceBusinessKey(caseNo).singleResult();
        assertThat(as("huanwei1").postForEntity("/engine-rest/task/" + rectify.getId() + "/complete", CaseApiTest.json(
                "{\"variables\":{\"rectifyAction\":{\"value\":\"submit\"},\"measures\":{\"value\":\"已清理\"},"
                        + "\"photoAfter\":{\"type\":\"File\",\"value\":\"" + Base64.getEncoder().encodeToString(CaseApiTest.PNG)
                        + "\",\"valueInfo\":{\"filename\":\"after.png\",\"mimetype\":\"image/png\"}}}}"), String.class).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        Map<String, Object> record = as("huanwei1").getForObject("/api/cases/" + caseNo, Map.class);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> photos = (List<Map<String, Object>>) record.get("photos");
        photoUrl = (String) photos.get(0).get("url");
    }

    @Test
    void theCaseAndItsPhotoAreReadByItsUnitsItsReporterAndTheOverseers() {
        for (String user : List.of("huanwei1", "zongguan1", "lvrong1", "chuangban2", "lingdao1", "ducha2", "admin")) {
            ResponseEntity<Map> record = as(user).getForEntity("/api/cases/" + caseNo, Map.class);
            assertThat(record.getStatusCode()).as(user).isEqualTo(HttpStatus.OK);
            assertThat(as(user).getForEntity(photoUrl, byte[].class).getBody()).as(user).isEqualTo(CaseApiTest.PNG);
        }
    }

    @Test
    void anotherUnitGets404ForTheCaseAndItsPhoto() {
        for (String user : List.of("chengguan1", "shichang1", "juwei01a")) {
            ResponseEntity<Map> record = as(user).getForEntity("/api/cases/" + caseNo, Map.class);
            assertThat(record.getStatusCode()).as(user).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(CaseApiTest.errors(record)).singleElement().satisfies(e -> {
                assertThat(e).containsEntry("code", "CASE_NOT_FOUND");
                assertThat((String) e.get("message")).isEqualTo("案件不存在：" + caseNo);
            });
            ResponseEntity<String> photo = as(user).getForEntity(photoUrl, String.class);
            assertThat(photo.getStatusCode()).as(user).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(photo.getBody()).doesNotContain("PNG");
        }
    }

    /**
     * A report repeated with the same external reference answers with the case it names (a client's retry), but not to
     * a user who may not read that case: 409 naming the case and its lead unit only, so a guessed reference tells no one
     * its details.
     */
    @Test
    @SuppressWarnings("unchecked")
    void aRepeatedReferenceTellsNothingOfACaseTheReporterMayNotRead() {
        String ref = "visibility-ref-" + System.nanoTime();
        String body = CaseApiTest.body("EXPOSED_GARBAGE", "NORMAL", "九亭大街 9 号", ref);
        ResponseEntity<Map> first = as("lvrong1").postForEntity("/api/cases", CaseApiTest.json(body), Map.class);
        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String referenced = (String) first.getBody().get("caseNo");

        ResponseEntity<Map> retry = as("lvrong1").postForEntity("/api/cases", CaseApiTest.json(body), Map.class);
        assertThat(retry.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(retry.getBody()).containsEntry("caseNo", referenced);

        List<String> outsidersCases = listed("chengguan1", "");
        ResponseEntity<String> outsider = as("chengguan1").postForEntity("/api/cases", CaseApiTest.json(body), String.class);
        assertThat(outsider.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        // the holding case's number and lead unit, so that a number someone registered first can be taken up (s50 F1),
        // and nothing else of it
        assertThat(outsider.getBody()).contains("EXTERNAL_REF_TAKEN").contains(ref).contains("已用于案件 " + referenced + "（牵头单位 环卫所）")
                .doesNotContain("九亭大街垃圾堆放").doesNotContain("九亭大街 9 号").doesNotContain("dueAt");
        assertThat(listed("chengguan1", "")).as("no case registered for the refused report").isEqualTo(outsidersCases);
    }

    /** 综管办 is the case's responsible unit: it was told to cooperate (协办), reads the case and finds it under role=cooperating. */
    @Test
    @SuppressWarnings("unchecked")
    void theCooperatingUnitReadsTheCaseAndListsItAsCooperating() {
        Map<String, Object> record = as("zongguan1").getForObject("/api/cases/" + caseNo, Map.class);
        assertThat((List<Map<String, Object>>) record.get("parties")).singleElement().satisfies(p -> {
            assertThat(p).containsEntry("unitId", "zongguan").containsEntry("role", "COOPERATE")
                    .containsEntry("reason", "RESPONSIBLE").containsEntry("status", "OPEN").containsEntry("statusName", "待记录");
            assertThat(p.get("dueAt")).isEqualTo(((Map<String, Object>) record.get("record")).get("dueAt"));
        });
        assertThat(listed("zongguan1", "&role=cooperating")).contains(caseNo);
        assertThat(listed("chuangban1", "&role=cooperating&unit=zongguan")).contains(caseNo);
        assertThat(listed("huanwei1", "&role=cooperating")).doesNotContain(caseNo);
        assertThat(listed("chuangban1", "&role=cooperating&unit=huanwei")).doesNotContain(caseNo);
        ResponseEntity<Map> wrongRole = as("zongguan1").getForEntity("/api/cases?role=helping", Map.class);
        assertThat(wrongRole.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(CaseApiTest.errors(wrongRole)).singleElement().satisfies(e -> assertThat(e).containsEntry("field", "role"));
    }

    @SuppressWarnings("unchecked")
    private List<String> listed(String user, String query) {
        ResponseEntity<Map> page = as(user).getForEntity("/api/cases?size=200" + query, Map.class);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        return ((List<Map<String, Object>>) page.getBody().get("items")).stream().map(c -> (String) c.get("caseNo")).toList();
    }

    @Test
    void listsHoldOnlyTheCasesTheReaderMayRead() {
        assertThat(listed("huanwei1", "&unit=huanwei")).contains(caseNo);
        assertThat(listed("zongguan1", "")).contains(caseNo);
        assertThat(listed("lvrong1", "")).contains(caseNo);
        assertThat(listed("chuangban1", "&unit=huanwei")).contains(caseNo);
        assertThat(listed("ducha2", "&status=AWAITING_VERIFICATION")).contains(caseNo);
        assertThat(listed("chengguan1", "&unit=huanwei")).doesNotContain(caseNo);
        assertThat(listed("chengguan1", "")).doesNotContain(caseNo);
        Map<String, Object> asOtherUnit = as("chengguan1").getForObject("/api/cases?unit=huanwei&size=200", Map.class);
        assertThat(((Number) asOtherUnit.get("total")).longValue())
                .isEqualTo(((List<?>) asOtherUnit.get("items")).size());
    }
}
