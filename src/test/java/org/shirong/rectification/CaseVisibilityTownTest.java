package org.shirong.rectification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.shirong.ShirongApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** {@code shirong.cases.visibility: town}: every logged-in user reads every case and lists them all; anonymous callers none. */
class CaseVisibilityTownTest {

    static ConfigurableApplicationContext shirong;
    static TestRestTemplate rest;

    @BeforeAll
    static void startShirongWithTownVisibility() {
        shirong = new SpringApplicationBuilder(ShirongApplication.class).profiles("test").run(
                "--server.port=0",
                "--spring.datasource.url=jdbc:h2:mem:shirong-town-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                "--camunda.bpm.generate-unique-process-engine-name=true",
                "--camunda.bpm.job-execution.enabled=false",
                "--shirong.cases.visibility=town");
        rest = new TestRestTemplate(new RestTemplateBuilder()
                .rootUri("http://localhost:" + shirong.getEnvironment().getProperty("local.server.port")));
    }

    @AfterAll
    static void stop() {
        shirong.close();
    }

    @Test
    @SuppressWarnings("unchecked")
    void anyUnitReadsAndListsAnotherUnitsCase() {
        String caseNo = (String) rest.withBasicAuth("lvrong1", "demo").postForEntity("/api/cases", CaseApiTest.json(
                CaseApiTest.body("EXPOSED_GARBAGE", "NORMAL", "九亭大街 9 号", null)), Map.class).getBody().get("caseNo");

        ResponseEntity<Map> record = rest.withBasicAuth("chengguan1", "demo").getForEntity("/api/cases/" + caseNo, Map.class);
        assertThat(record.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat((Map<String, Object>) record.getBody().get("record")).containsEntry("leadUnit", "huanwei");
        Map<String, Object> page = rest.withBasicAuth("chengguan1", "demo").getForObject("/api/cases?unit=huanwei", Map.class);
        assertThat((List<Map<String, Object>>) page.get("items")).extracting(c -> c.get("caseNo")).contains(caseNo);

        assertThat(rest.getForEntity("/api/cases/" + caseNo, String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }
}
