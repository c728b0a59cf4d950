package org.shirong.rectification;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Takes 九亭's cases from report to closure through the real entry points, as their users do: reported by the patrol
 * (lvrong1) through {@code /api/cases}, each task found, claimed and completed through {@code /engine-rest} as Tasklist
 * does (认领案件 and 整改问题 by chengguan1 with a photo, 核查整改结果 by ducha1), the close job run as the job executor
 * would. For tests that need whole cases (statement counts, history cleanup).
 */
final class CaseDriver {

    private final TestRestTemplate rest;
    private final JdbcTemplate jdbc;
    private final ManagementService managementService;

    CaseDriver(TestRestTemplate rest, JdbcTemplate jdbc, ManagementService managementService) {
        this.rest = rest;
        this.jdbc = jdbc;
        this.managementService = managementService;
    }

    /** Reports, claims, rectifies, verifies and closes a case; returns its case number. */
    String driveToClosure(String externalRef) {
        String caseNo = report(externalRef);
        complete("chengguan1", caseNo, "Task_ClaimCase", "{\"claimDecision\":{\"value\":\"claim\"}}");
        String photo = Base64.getEncoder().encodeToString(CaseApiTest.PNG);
        complete("chengguan1", caseNo, "Task_RectifyProblem", "{\"rectifyAction\":{\"value\":\"submit\"},"
                + "\"measures\":{\"value\":\"已清理\"},\"photoAfter\":{\"type\":\"File\",\"value\":\"" + photo
                + "\",\"valueInfo\":{\"filename\":\"after.png\",\"mimetype\":\"image/png\"}}}");
        complete("ducha1", caseNo, "Task_VerifyRectification",
                "{\"verificationResult\":{\"value\":\"pass\"},\"verificationComment\":{\"value\":\"已整改到位\"}}");
        managementService.createJobQuery().processInstanceId(instanceOf(caseNo)).messages().executable().list()
                .forEach(job -> managementService.executeJob(job.getId()));
        assertThat(jdbc.queryForObject("select status from rect_case where case_no = ?", String.class, caseNo)).isEqualTo("CLOSED");
        return caseNo;
    }

    /** Reports a case as the patrol (lvrong1) through the API; returns its case number. */
    String report(String externalRef) {
        ResponseEntity<Map> reported = as("lvrong1").postForEntity("/api/cases", CaseApiTest.json("""
                {"title":"沪亭北路乱设摊","category":"ILLEGAL_STALL","urgency":"NORMAL","source":"PATROL",
                 "location":{"address":"沪亭北路 100 号"},"externalRef":"%s"}
                """.formatted(externalRef)), Map.class);
        assertThat(reported.getStatusCode().value()).as("%s", reported.getBody()).isEqualTo(201);
        return (String) reported.getBody().get("caseNo");
    }

    /**
     * A point problem of the district's 测评 (source SURVEY) that 松江区's office (sjshirongban1) reports through the API at
     * {@code address} in {@code territory} (a town's name: that town's office is asked to cooperate, 协办); dispatched to the
     * district department its category names. Returns its case number.
     */
    static String districtPointProblem(TestRestTemplate rest, String title, String category, String address, String territory) {
        ResponseEntity<Map> reported = rest.withBasicAuth("sjshirongban1", "demo").postForEntity("/api/cases", CaseApiTest.json("""
                {"title":"%s","category":"%s","source":"SURVEY","location":{"address":"%s","territory":"%s"}}
                """.formatted(title, category, address, territory)), Map.class);
        assertThat(reported.getStatusCode().value()).as("%s", reported.getBody()).isEqualTo(201);
        return (String) reported.getBody().get("caseNo");
    }

    /** Finds the case's task as {@code user}, claims and completes it through {@code /engine-rest}, as Tasklist does. */
    void complete(String user, String caseNo, String taskKey, String variables) {
        ResponseEntity<String> found = as(user).getForEntity("/engine-rest/task?processInstanceBusinessKey=" + caseNo
                + "&taskDefinitionKey=" + taskKey + "&maxResults=10", String.class);
        assertThat(found.getStatusCode().value()).as(found.getBody()).isEqualTo(200);
        List<Map<String, Object>> tasks = read(found.getBody());
        assertThat(tasks).as(found.getBody()).hasSize(1);
        String id = (String) tasks.get(0).get("id");
        assertThat(as(user).postForEntity("/engine-rest/task/" + id + "/claim", CaseApiTest.json("{\"userId\":\"" + user + "\"}"),
                String.class).getStatusCode().value()).isEqualTo(204);
        ResponseEntity<String> completed = as(user).postForEntity("/engine-rest/task/" + id + "/complete",
                CaseApiTest.json("{\"variables\":" + variables + "}"), String.class);
        assertThat(completed.getStatusCode().value()).as(completed.getBody()).isEqualTo(204);
    }

    /** The case's RectificationProcess instance. */
    String instanceOf(String caseNo) {
        return jdbc.queryForObject("select process_instance_id from rect_case where case_no = ?", String.class, caseNo);
    }

    /** The demo user's HTTP Basic client (every demo user's password is demo). */
    TestRestTemplate as(String user) {
        return rest.withBasicAuth(user, "demo");
    }

    private static List<Map<String, Object>> read(String json) {
        try {
            return new ObjectMapper().readValue(json, new TypeReference<>() { });
        } catch (java.io.IOException e) {
            throw new IllegalStateException(json, e);
        }
    }
}
