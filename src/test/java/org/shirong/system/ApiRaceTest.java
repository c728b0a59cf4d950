package org.shirong.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
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

/** Two people sending the same thing to {@code /api} at the same moment: one wins, the other is told (200 or 409), never 500. */
@ShirongWebTest
@SharesSpringContext
class ApiRaceTest {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcTemplate jdbc;

    private ResponseEntity<Map> upload(String user, String csv) {
        var body = new LinkedMultiValueMap<String, Object>();
        body.add("file", new ByteArrayResource(csv.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return "survey.csv";
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return rest.withBasicAuth(user, "demo").postForEntity("/api/cases/import", new HttpEntity<>(body, headers), Map.class);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theSameFileImportedTwiceAtOnceCreatesEachCaseOnceAndTheLoserGets200Or409() throws Exception {
        StringBuilder csv = new StringBuilder("外部编号,问题类别,标题,地点,描述,紧急程度\n");
        for (int i = 1; i <= 40; i++) {
            csv.append("RACE-").append(i).append(",暴露垃圾,垃圾堆放,九亭大街 ").append(i).append(" 号,路口,一般\n");
        }
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<ResponseEntity<Map>>> imports = new ArrayList<>();
        for (String user : List.of("chuangban1", "chuangban2")) {
            imports.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return upload(user, csv.toString());
            }));
        }
        start.countDown();
        for (var i : imports) {
            ResponseEntity<Map> response = i.get();
            assertThat(response.getStatusCode()).isIn(HttpStatus.OK, HttpStatus.CONFLICT);
            if (response.getStatusCode() == HttpStatus.CONFLICT) {
                assertThat((List<Map<String, Object>>) response.getBody().get("errors")).singleElement().satisfies(e -> {
                    assertThat(e).containsEntry("code", "CONFLICT");
                    assertThat((String) e.get("message")).contains("已被他人处理", "请刷新后重试");
                });
            }
        }
        assertThat(jdbc.queryForObject("select count(*) from rect_case where external_ref like 'RACE-%'", Long.class)).isEqualTo(40);
        assertThat(imports.stream().map(CompletableFuture::join).filter(r -> r.getStatusCode() == HttpStatus.OK)
                .mapToInt(r -> ((Number) r.getBody().get("created")).intValue()).sum()).isEqualTo(40);
    }
}
