package org.shirong.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.shirong.rectification.CaseRecord;
import org.shirong.rectification.NewCase;
import org.shirong.rectification.RectificationCases;
import org.shirong.system.ShirongWebTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** {@code /api/notifications}: each user sees and marks read only their own inbox; anonymous callers get 401. */
@ShirongWebTest
class InboxApiTest {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    RectificationCases cases;

    /** Reports a case; its dispatch notification is written in the same transaction. */
    private CaseRecord dispatched(String category, String title) {
        return cases.report("jiuting", new NewCase(title, category, "NORMAL", "PATROL",
                new NewCase.Location("九亭大街 88 号", null, null, null), null, null), "lvrong1").record();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> inbox(String user, String query) {
        ResponseEntity<List> response = rest.withBasicAuth(user, "demo").getForEntity("/api/notifications" + query, List.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private ResponseEntity<Map> markRead(String user, Object id) {
        return rest.withBasicAuth(user, "demo").postForEntity("/api/notifications/" + id + "/read", null, Map.class);
    }

    @Test
    void everyoneSeesAndMarksReadOnlyTheirOwnMessages() {
        CaseRecord garbage = dispatched("EXPOSED_GARBAGE", "九亭大街路口暴露垃圾");
        CaseRecord green = dispatched("GREEN_SPACE_MAINTENANCE", "沪亭北路绿化缺株");

        List<Map<String, Object>> huanwei = inbox("huanwei1", "");
        assertThat(huanwei).singleElement().satisfies(m -> {
            assertThat(m).containsEntry("template", "case-dispatched").containsEntry("businessKey", garbage.caseNo())
                    .containsEntry("subject", "【案件派遣】" + garbage.caseNo() + " 九亭大街路口暴露垃圾").containsEntry("readAt", null);
            assertThat((String) m.get("body")).startsWith("环卫所：");
            assertThat((String) m.get("link")).contains("/camunda/app/tasklist/default/#/?searchQuery=");
        });
        assertThat(inbox("nongfu1", "")).extracting(m -> m.get("businessKey")).containsExactly(green.caseNo());
        Object huanweiMessage = huanwei.get(0).get("id");

        ResponseEntity<Map> foreign = markRead("nongfu1", huanweiMessage);
        assertThat(foreign.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(foreign.getBody().toString()).contains("NOTIFICATION_NOT_FOUND");
        assertThat(inbox("huanwei1", "?unread=true")).hasSize(1);

        assertThat(markRead("huanwei1", huanweiMessage).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(markRead("huanwei1", huanweiMessage).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(inbox("huanwei1", "?unread=true")).isEmpty();
        assertThat(inbox("huanwei1", "")).singleElement().satisfies(m -> assertThat(m.get("readAt")).isNotNull());
        assertThat(markRead("huanwei1", 999_999).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void anonymousCallersAndBadLimitsAreRefused() {
        assertThat(rest.getForEntity("/api/notifications", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(rest.postForEntity("/api/notifications/1/read", null, String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        ResponseEntity<Map> badLimit = rest.withBasicAuth("huanwei1", "demo").getForEntity("/api/notifications?limit=0", Map.class);
        assertThat(badLimit.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badLimit.getBody().toString()).contains("limit");
    }
}
