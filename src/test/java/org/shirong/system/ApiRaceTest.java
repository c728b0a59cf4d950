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

/**
 * Two people sending the same thing at the same moment (to {@code /api}, or Tasklist's start form on the engine API): one
 * wins, the other is told (200 or 409, or the 400 a later duplicate gets), never 500, and nothing is created twice.
 */
@ShirongWebTest
@SharesSpringContext
class ApiRaceTest {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    org.camunda.bpm.engine.RuntimeService runtimeService;

    private ResponseEntity<Map> upload(String user, String csv) {
        return upload(user, "/api/cases/import", csv);
    }

    private ResponseEntity<Map> upload(String user, String path, String csv) {
        var body = new LinkedMultiValueMap<String, Object>();
        body.add("file", new ByteArrayResource(csv.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return "survey.csv";
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return rest.withBasicAuth(user, "demo").postForEntity(path, new HttpEntity<>(body, headers), Map.class);
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

    /**
     * The same new campaign code sent by two offices at once, from Tasklist's start form (发起流程 → 创建活动) and through
     * {@code /api/campaigns}: one campaign; the other is told that the code is taken, with 409 when both passed the check
     * before either was saved (the engine API answered that one 500 with the SQL of the unique key), never 500.
     */
    @Test
    void theSameCampaignStartedTwiceAtOnceIsStartedOnceAndTheOtherIsToldTheCodeIsTaken() throws Exception {
        for (int round = 0; round < 3; round++) {
            String code = "JT-RACE-" + round + "-" + System.nanoTime() % 1_000_000;
            List<ResponseEntity<String>> forms = RaceAnswersTest.atOnce(() -> startForm("chuangban1", code),
                    () -> startForm("chuangban2", code));
            oneStartedTheOtherToldTheCodeIsTaken(code, forms, HttpStatus.OK);
            // a running campaign of the template would refuse the next one in the same days
            CampaignLeftovers.withdraw(jdbc, runtimeService);

            String viaApi = code + "-API";
            String body = """
                    {"template":"jiuting-2023-standard-town","code":"%s","name":"并发发起","dates":{"start":"2027-03-01"}}""".formatted(viaApi);
            List<ResponseEntity<String>> calls = RaceAnswersTest.atOnce(
                    () -> rest.withBasicAuth("chuangban1", "demo").postForEntity("/api/campaigns", JiutingWork.json(body), String.class),
                    () -> rest.withBasicAuth("chuangban2", "demo").postForEntity("/api/campaigns", JiutingWork.json(body), String.class));
            oneStartedTheOtherToldTheCodeIsTaken(viaApi, calls, HttpStatus.CREATED);
            CampaignLeftovers.withdraw(jdbc, runtimeService);
        }
    }

    /** Two offices cancelling one campaign at once (撤销活动): it is cancelled once, the other is told 409, never 500. */
    @Test
    void aCampaignCancelledTwiceAtOnceIsCancelledOnceAndTheOtherGets409() throws Exception {
        String code = "JT-CANCEL-" + System.nanoTime() % 1_000_000;
        assertThat(rest.withBasicAuth("chuangban1", "demo").postForEntity("/api/campaigns", JiutingWork.json("""
                {"template":"jiuting-2023-standard-town","code":"%s","name":"并发撤销","dates":{"start":"2027-03-01"}}""".formatted(code)),
                String.class).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String url = "/api/campaigns/" + code + "/cancellation";

        List<ResponseEntity<String>> answers = RaceAnswersTest.atOnce(
                () -> rest.withBasicAuth("chuangban1", "demo").postForEntity(url, JiutingWork.json("{}"), String.class),
                () -> rest.withBasicAuth("chuangban2", "demo").postForEntity(url, JiutingWork.json("{}"), String.class));

        assertThat(answers.stream().map(a -> a.getStatusCode().value()).sorted().toList()).as("%s", answers).containsExactly(200, 409);
        assertThat(answers.stream().filter(a -> a.getStatusCode().value() == 409).findFirst().orElseThrow().getBody())
                .contains("CAMPAIGN_CANCELLED", "已被撤销");
        assertThat(jdbc.queryForObject("select count(*) from campaign where code = ? and status = 'CANCELLED'", Long.class, code)).isOne();
    }

    /**
     * Two offices merging at once: the same duplicate into two cases, and two cases each into the other (locked in
     * case-number order, so no deadlock): one merge wins, the other is told 409, and each case is merged at most once.
     */
    @Test
    void twoMergesOfTheSameCasesAtOnceMergeOnceAndTheLoserGets409() throws Exception {
        String address = "九亭大街合并竞争 " + System.nanoTime() % 1_000_000 + " 号";
        String a = reported(address);
        String b = reported(address);
        String c = reported(address);
        List<ResponseEntity<String>> sameDuplicate = RaceAnswersTest.atOnce(() -> merge("chuangban1", c, a),
                () -> merge("chuangban2", c, b));
        assertThat(sameDuplicate.stream().map(r -> r.getStatusCode().value()).sorted().toList()).as("%s", sameDuplicate)
                .containsExactly(200, 409);
        assertThat(jdbc.queryForObject("select count(*) from rect_case_event where case_no = ? and kind = 'MERGED'", Long.class, c))
                .isOne();

        List<ResponseEntity<String>> sameMerge = RaceAnswersTest.atOnce(() -> merge("chuangban1", b, a),
                () -> merge("chuangban2", b, a));
        assertThat(sameMerge.stream().map(r -> r.getStatusCode().value()).sorted().toList()).as("%s", sameMerge)
                .containsExactly(200, 409);
        assertThat(jdbc.queryForObject("select count(*) from rect_case where case_no in (?, ?) and status = 'MERGED'", Long.class,
                a, b)).isOne();
    }

    private String reported(String address) {
        return (String) rest.withBasicAuth("lvrong1", "demo").postForEntity("/api/cases", JiutingWork.json("""
                {"title":"堆物","category":"PILED_ITEMS","source":"PATROL","location":{"address":"%s"}}""".formatted(address)),
                Map.class).getBody().get("caseNo");
    }

    private ResponseEntity<String> merge(String user, String caseNo, String into) {
        return rest.withBasicAuth(user, "demo").postForEntity("/api/cases/" + caseNo + "/merge",
                JiutingWork.json("{\"into\":\"" + into + "\",\"reason\":\"重复上报\"}"), String.class);
    }

    private ResponseEntity<String> startForm(String user, String code) {
        return rest.withBasicAuth(user, "demo").postForEntity("/engine-rest/process-definition/key/CampaignProcess/tenant-id/jiuting/submit-form",
                JiutingWork.json("""
                        {"variables":{"template":{"value":"jiuting-2023-standard-town"},"campaignCode":{"value":"%s"},
                         "campaignName":{"value":"并发发起"},"startDate":{"value":"2027-03-01"},"phasesConfirmed":{"value":true}}}""".formatted(code)), String.class);
    }

    private void oneStartedTheOtherToldTheCodeIsTaken(String code, List<ResponseEntity<String>> answers, HttpStatus started) {
        assertThat(answers.stream().map(a -> a.getStatusCode().value()).sorted().toList()).as("%s", answers)
                .isIn(List.of(started.value(), 409), List.of(started.value(), 400));
        ResponseEntity<String> loser = answers.stream().filter(a -> a.getStatusCode() != started).findFirst().orElseThrow();
        assertThat(loser.getBody()).contains("活动编号 " + code).doesNotContain("insert into");
        assertThat(jdbc.queryForObject("select count(*) from campaign where code = ?", Long.class, code)).isOne();
        assertThat(jdbc.queryForObject("select count(*) from act_hi_procinst where business_key_ = ? and proc_def_key_ = 'CampaignProcess'", Long.class, code)).isOne();
    }

    /**
     * The same zone list imported by two offices at once: each zone registered once; the office whose rows were
     * registered meanwhile is told 409 (send the file again: what is registered is skipped), not a 400 that says the file is wrong.
     */
    @Test
    @SuppressWarnings("unchecked")
    void theSameZoneFileImportedTwiceAtOnceRegistersEachZoneOnceAndTheLoserGets200Or409() throws Exception {
        for (int round = 0; round < 3; round++) {
            StringBuilder csv = new StringBuilder("编号,名称,类型,地址,负责单位,责任人\n");
            for (int i = 1; i <= 40; i++) {
                csv.append("RACE-Z").append(round).append('-').append(i).append(",商店").append(i).append(",门店,九亭大街 ").append(i)
                        .append(" 号,juwei01,张三\n");
            }
            List<ResponseEntity<Map>> answers = RaceAnswersTest.atOnce(() -> upload("chuangban1", "/api/zones/import", csv.toString()),
                    () -> upload("chuangban2", "/api/zones/import", csv.toString()));
            for (ResponseEntity<Map> answer : answers) {
                assertThat(answer.getStatusCode()).as("%s", answers).isIn(HttpStatus.OK, HttpStatus.CONFLICT);
                if (answer.getStatusCode() == HttpStatus.CONFLICT) {
                    assertThat((List<Map<String, Object>>) answer.getBody().get("errors")).singleElement()
                            .satisfies(e -> assertThat((String) e.get("message")).contains("刚由他人登记", "重新上传"));
                }
            }
            assertThat(jdbc.queryForObject("select count(*) from zone where zone_no like ?", Long.class, "RACE-Z" + round + "-%")).isEqualTo(40);
        }
    }
}
