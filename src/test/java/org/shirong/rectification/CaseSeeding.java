package org.shirong.rectification;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import org.camunda.bpm.engine.TaskService;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** Test setup shared by the pages that show a case's photos and light (驾驶舱, map, case page). */
public final class CaseSeeding {

    // Two different 2×2 PNGs, the photos before and after.
    private static final byte[] BEFORE = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAEElEQVR4nGM4YWQERAwQCgAjNgSxRnwWMwAAAABJRU5ErkJggg==");
    private static final byte[] AFTER = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAEElEQVR4nGMwOmEERAwQCgAg3gSxlYW56AAAAABJRU5ErkJggg==");

    private CaseSeeding() {
    }

    /** 环卫所 claims the case and hands in its rectification with a before and an after photo, as the 整改 form sends them. */
    public static void rectifyWithPhotos(TestRestTemplate rest, TaskService taskService, String caseNo) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        String claim = taskService.createTaskQuery().processInstanceBusinessKey(caseNo).singleResult().getId();
        assertThat(rest.withBasicAuth("huanwei1", "demo").postForEntity("/engine-rest/task/" + claim + "/complete",
                new HttpEntity<>("{\"variables\":{\"claimDecision\":{\"value\":\"claim\"}}}", headers), String.class)
                .getStatusCode().is2xxSuccessful()).isTrue();
        String rectify = taskService.createTaskQuery().processInstanceBusinessKey(caseNo)
                .taskDefinitionKey(RectificationProcess.TASK_RECTIFY).singleResult().getId();
        String body = """
                {"variables":{"rectifyAction":{"value":"submit"},"measures":{"value":"已清运暴露垃圾并冲洗地面"},
                 "photoBefore":{"type":"File","value":"%s","valueInfo":{"filename":"整改前.png","mimetype":"image/png"}},
                 "photoBeforeTakenAt":{"value":"2026-11-30T09:15:00"},"photoBeforeLocation":{"value":"31.1162,121.3218"},
                 "photoAfter":{"type":"File","value":"%s","valueInfo":{"filename":"整改后.png","mimetype":"image/png"}},
                 "photoAfterTakenAt":{"value":"2026-11-30T15:40:00"},"photoAfterLocation":{"value":"31.1162,121.3218"}}}
                """.formatted(Base64.getEncoder().encodeToString(BEFORE), Base64.getEncoder().encodeToString(AFTER));
        ResponseEntity<String> done = rest.withBasicAuth("huanwei1", "demo").postForEntity("/engine-rest/task/" + rectify + "/complete",
                new HttpEntity<>(body, headers), String.class);
        assertThat(done.getStatusCode().is2xxSuccessful()).as(done.getBody()).isTrue();
    }

    /** The case's warning and due instants, which decide its light. */
    public static void times(JdbcTemplate jdbc, String caseNo, Instant warnAt, Instant dueAt) {
        jdbc.update("update rect_case set warn_at = ?, due_at = ? where case_no = ?", Timestamp.from(warnAt),
                Timestamp.from(dueAt), caseNo);
    }
}
