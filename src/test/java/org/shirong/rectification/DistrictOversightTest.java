package org.shirong.rectification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.shirong.system.ShirongWebTest;
import org.shirong.system.XlsxDownload;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.shirong.system.SharesSpringContext;

/**
 * A district's oversight of its towns (松江区 over 九亭镇, {@code oversight} in 松江区's organisation file): the 区市容专办
 * (READ, SUPERVISE) reads a 九亭 case and 督办 it — the instruction goes on the case's timeline and to the lead unit,
 * its head and the town's office — but cannot report work in 九亭; the 专办领导 (READ only) reads and may not 督办; a
 * district department and another town's user see nothing. A case not in handling cannot be supervised (409).
 */
@ShirongWebTest
@SharesSpringContext
@SuppressWarnings("unchecked")
class DistrictOversightTest {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    TaskService taskService;

    TestRestTemplate as(String user) {
        return rest.withBasicAuth(user, "demo");
    }

    private String jiutingCase(String ref) {
        ResponseEntity<Map> reported = as("lvrong1").postForEntity("/api/cases", CaseApiTest.json("""
                {"title":"九亭大街垃圾堆放","category":"EXPOSED_GARBAGE","urgency":"NORMAL","source":"PATROL",
                 "location":{"address":"九亭大街 88 号"},"externalRef":"%s"}
                """.formatted(ref)), Map.class);
        assertThat(reported.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(reported.getBody()).containsEntry("leadUnit", "huanwei");
        return (String) reported.getBody().get("caseNo");
    }

    private ResponseEntity<Map> supervise(String user, String caseNo, String instruction) {
        return as(user).postForEntity("/api/cases/" + caseNo + "/supervisions",
                CaseApiTest.json("{\"instruction\":" + (instruction == null ? "null" : "\"" + instruction + "\"") + "}"), Map.class);
    }

    @Test
    void theDistrictOfficeReadsAndSupervisesATownCaseButDoesNoWorkThere() {
        String caseNo = jiutingCase("OVERSIGHT-1");

        assertThat(as("sjshirongban1").getForEntity("/api/cases/" + caseNo, Map.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        List<Map<String, Object>> listed = (List<Map<String, Object>>) as("sjshirongban1")
                .getForObject("/api/cases?size=200", Map.class).get("items");
        assertThat(listed).extracting(i -> i.get("caseNo")).contains(caseNo);
        assertThat(as("sjlingdao1").getForEntity("/api/cases/" + caseNo, Map.class).getStatusCode()).isEqualTo(HttpStatus.OK);

        ResponseEntity<Map> given = supervise("sjshirongban1", caseNo, "请于本周内清运完毕，并报区市容专办");
        assertThat(given.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(given.getBody()).containsEntry("caseNo", caseNo).containsEntry("by", "sjshirongban1")
                .containsEntry("from", "松江区 区市容管理专项办公室");

        List<Map<String, Object>> timeline = (List<Map<String, Object>>) as("lvrong1")
                .getForObject("/api/cases/" + caseNo, Map.class).get("timeline");
        assertThat(timeline).filteredOn(e -> "SUPERVISED".equals(e.get("kind"))).singleElement().satisfies(e -> assertThat(e)
                .containsEntry("actor", "sjshirongban1")
                .containsEntry("detail", "松江区 区市容管理专项办公室：请于本周内清运完毕，并报区市容专办"));
        for (String user : List.of("huanwei1", "chuangban1")) {
            List<Map<String, Object>> inbox = as(user).getForObject("/api/notifications", List.class);
            assertThat(inbox).as("inbox of " + user).filteredOn(m -> caseNo.equals(m.get("businessKey"))
                    && ((String) m.get("subject")).startsWith("【督办】")).singleElement()
                    .satisfies(m -> assertThat((String) m.get("body")).contains("松江区 区市容管理专项办公室", "请于本周内清运完毕"));
        }
        // The town's own office may 督办 too; a second 督办 is a second notice, not a repeat of the first.
        assertThat(supervise("chuangban1", caseNo, "再次督办").getStatusCode()).isEqualTo(HttpStatus.CREATED);
        List<Map<String, Object>> inbox = as("huanwei1").getForObject("/api/notifications", List.class);
        assertThat(inbox).filteredOn(m -> caseNo.equals(m.get("businessKey")) && ((String) m.get("subject")).startsWith("【督办】"))
                .hasSize(2);

        ResponseEntity<Map> readOnly = supervise("sjlingdao1", caseNo, "督办");
        assertThat(readOnly.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(CaseApiTest.errors(readOnly)).singleElement().satisfies(e -> assertThat(e).containsEntry("code", "NOT_A_SUPERVISOR"));
        ResponseEntity<Map> blank = supervise("sjshirongban1", caseNo, " ");
        assertThat(blank.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(CaseApiTest.errors(blank)).singleElement().satisfies(e -> assertThat(e)
                .containsEntry("field", "instruction").containsEntry("code", "REQUIRED"));

        for (String outsider : List.of("sjlvrongju1", "jxtuijinban1", "xqshirongban1")) {
            assertThat(as(outsider).getForEntity("/api/cases/" + caseNo, Map.class).getStatusCode()).as(outsider).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(supervise(outsider, caseNo, "督办").getStatusCode()).as(outsider).isEqualTo(HttpStatus.NOT_FOUND);
        }

        ResponseEntity<Map> work = as("sjshirongban1").postForEntity("/api/cases?organization=jiuting", CaseApiTest.json("""
                {"title":"区里代报","category":"EXPOSED_GARBAGE","source":"PATROL","location":{"address":"九亭大街 1 号"}}
                """), Map.class);
        assertThat(work.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(CaseApiTest.errors(work)).singleElement().satisfies(e -> assertThat(e).containsEntry("code", "NOT_A_MEMBER"));
    }

    /**
     * The district office lists and exports one town's cases with {@code organization=jiuting} (without it, its own
     * and its towns' mixed); an organisation it may not read is refused as {@code /api/scores} refuses it (403), an
     * unknown one named (400).
     */
    @Test
    void theDistrictOfficeNarrowsItsListLedgerAndMapToOneTown() {
        String town = jiutingCase("OVERSIGHT-ORG");
        ResponseEntity<Map> reported = as("sjshirongban1").postForEntity("/api/cases", CaseApiTest.json("""
                {"title":"人民北路绿化带缺株","category":"SURVEY_URBAN_GREENERY","source":"SURVEY",
                 "location":{"address":"松江区人民北路 9 号","lat":31.03,"lng":121.22}}
                """), Map.class);
        assertThat(reported.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String district = (String) reported.getBody().get("caseNo");

        List<Map<String, Object>> all = (List<Map<String, Object>>) as("sjshirongban1")
                .getForObject("/api/cases?size=200", Map.class).get("items");
        assertThat(all).extracting(i -> i.get("caseNo")).contains(town, district);
        List<Map<String, Object>> jiuting = (List<Map<String, Object>>) as("sjshirongban1")
                .getForObject("/api/cases?size=200&organization=jiuting", Map.class).get("items");
        assertThat(jiuting).extracting(i -> i.get("caseNo")).contains(town).doesNotContain(district);
        assertThat(jiuting).extracting(i -> i.get("tenantId")).containsOnly("jiuting");

        XlsxDownload ledger = XlsxDownload.of(as("sjshirongban1")
                .getForEntity("/api/cases/export.xlsx?organization=jiuting", byte[].class));
        assertThat(ledger.title()).isEqualTo("九亭镇全镇案件台账");
        assertThat(ledger.filterLine()).startsWith("筛选：组织 九亭镇");
        assertThat(CaseApiTest.caseNos(ledger)).contains(town).doesNotContain(district);

        List<Map<String, Object>> districtPoints = (List<Map<String, Object>>) as("sjshirongban1")
                .getForObject("/api/cases/map?organization=songjiang", Map.class).get("points");
        Map<String, Object> townMap = as("sjshirongban1").getForObject("/api/cases/map?organization=jiuting", Map.class);
        List<Map<String, Object>> townPoints = (List<Map<String, Object>>) townMap.get("points");
        assertThat((Map<String, Object>) townMap.get("centre")).as("opens on 九亭镇, not 松江区")
                .containsEntry("lat", 31.13).containsEntry("zoom", 13);
        assertThat(districtPoints).extracting(p -> p.get("caseNo")).contains(district);
        assertThat(townPoints).extracting(p -> p.get("caseNo")).doesNotContain(district);

        for (String path : List.of("/api/cases?organization=", "/api/cases/export.xlsx?organization=",
                "/api/cases/map?organization=")) {
            ResponseEntity<Map> notRead = as("sjshirongban1").getForEntity(path + "jinxi", Map.class);
            assertThat(notRead.getStatusCode()).as(path).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(CaseApiTest.errors(notRead)).singleElement().satisfies(e -> assertThat(e)
                    .containsEntry("code", "NOT_A_MEMBER").containsEntry("message", "您不属于组织 锦溪镇，不能查看该组织的记录"));
            ResponseEntity<Map> unknown = as("sjshirongban1").getForEntity(path + "nowhere", Map.class);
            assertThat(unknown.getStatusCode()).as(path).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(CaseApiTest.errors(unknown)).singleElement().satisfies(e -> assertThat(e)
                    .containsEntry("field", "organization").containsEntry("code", "UNKNOWN_ORGANIZATION"));
        }
        ResponseEntity<Map> control = as("sjshirongban1").getForEntity(java.net.URI.create("/api/cases?organization=jiuting%01"),
                Map.class);
        assertThat(control.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(CaseApiTest.errors(control)).singleElement().satisfies(e -> assertThat(e)
                .containsEntry("field", "organization").containsEntry("code", "INVALID_PARAMETER"));
    }

    /**
     * 发起流程 offers the district office the district's own processes only, once each: not also those of its 17 towns,
     * named alike, each refused on start. Its oversight still reads the towns' definitions (Cockpit).
     */
    @Test
    void theDistrictOfficeIsOfferedToStartOnlyItsOwnProcesses() {
        String startable = "/engine-rest/process-definition?latestVersion=true&active=true&startableInTasklist=true"
                + "&startablePermissionCheck=true&maxResults=200";
        List<Map<String, Object>> offered = as("sjshirongban1").getForObject(startable, List.class);
        assertThat(offered).extracting(d -> d.get("tenantId")).containsOnly("songjiang");
        assertThat(offered).extracting(d -> d.get("name")).containsExactlyInAnyOrder("临时会议", "创建活动", "工作交办");
        assertThat(as("sjshirongban1").getForObject(startable.replace("process-definition?", "process-definition/count?"), Map.class))
                .containsEntry("count", 3);
        assertThat(as("chuangban1").getForObject(startable, List.class)).hasSize(3);

        List<Map<String, Object>> read = as("sjshirongban1")
                .getForObject("/engine-rest/process-definition?key=RectificationProcess&latestVersion=true&maxResults=200", List.class);
        assertThat(read).extracting(d -> d.get("tenantId")).contains("songjiang", "jiuting");
    }

    /**
     * 属地街镇配合: the district's cases lie in its towns but belong to the district, so {@code organization=shihudang}
     * does not find them; {@code territory} (id or name) narrows the list, ledger and map to the cases lying in one town.
     */
    @Test
    void theDistrictOfficeNarrowsItsListLedgerAndMapToTheCasesLyingInOneTown() {
        ResponseEntity<Map> reported = as("sjshirongban1").postForEntity("/api/cases", CaseApiTest.json("""
                {"title":"塔汇路人行道破损","category":"SURVEY_URBAN_ROADS","source":"SURVEY",
                 "location":{"address":"石湖荡镇塔汇路 12 号","territory":"石湖荡镇","lat":30.97,"lng":121.13}}
                """), Map.class);
        assertThat(reported.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String inShihudang = (String) reported.getBody().get("caseNo");
        String inXinqiao = (String) as("sjshirongban1").postForEntity("/api/cases", CaseApiTest.json("""
                {"title":"新站路工地围挡破损","category":"SURVEY_CONSTRUCTION_SITES","source":"SURVEY",
                 "location":{"address":"新桥镇新站路","territory":"xinqiao","lat":31.06,"lng":121.32}}
                """), Map.class).getBody().get("caseNo");

        for (String territory : List.of("shihudang", "石湖荡镇")) {
            List<Map<String, Object>> items = (List<Map<String, Object>>) as("sjshirongban1")
                    .getForObject("/api/cases?size=200&territory=" + territory, Map.class).get("items");
            assertThat(items).extracting(i -> i.get("caseNo")).contains(inShihudang).doesNotContain(inXinqiao);
            assertThat(items).extracting(i -> i.get("territoryName")).containsOnly("石湖荡镇");
        }
        XlsxDownload ledger = XlsxDownload.of(as("sjshirongban1")
                .getForEntity("/api/cases/export.xlsx?territory=shihudang", byte[].class));
        assertThat(ledger.title()).isEqualTo("松江区石湖荡镇属地案件台账");
        assertThat(ledger.filterLine()).startsWith("筛选：属地 石湖荡镇");
        assertThat(CaseApiTest.caseNos(ledger)).contains(inShihudang).doesNotContain(inXinqiao);
        List<Map<String, Object>> points = (List<Map<String, Object>>) as("sjshirongban1")
                .getForObject("/api/cases/map?territory=shihudang", Map.class).get("points");
        assertThat(points).extracting(p -> p.get("caseNo")).contains(inShihudang).doesNotContain(inXinqiao);

        for (String path : List.of("/api/cases?territory=", "/api/cases/export.xlsx?territory=", "/api/cases/map?territory=")) {
            ResponseEntity<Map> unknown = as("sjshirongban1").getForEntity(path + "nowhere", Map.class);
            assertThat(unknown.getStatusCode()).as(path).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(CaseApiTest.errors(unknown)).singleElement().satisfies(e -> assertThat(e)
                    .containsEntry("field", "territory").containsEntry("code", "UNKNOWN_TERRITORY")
                    .containsEntry("message", "参数 territory 无效：没有街镇 \"nowhere\""));
        }
    }

    /**
     * The engine lets whoever reads a task attach files to it and delete its attachments: the district office wrote into
     * a 九亭 task that way (and a town's office into any of its units' tasks). Nobody but an administrator attaches
     * through the engine; photos and attachments go through the forms into Shirong's records.
     */
    @Test
    void theDistrictOfficeCannotAttachFilesToATownsTaskNorDeleteItsAttachments() {
        String caseNo = jiutingCase("OVERSIGHT-ATTACH");
        Task task = taskService.createTaskQuery().processInstanceBusinessKey(caseNo).singleResult();
        org.springframework.util.LinkedMultiValueMap<String, Object> parts = new org.springframework.util.LinkedMultiValueMap<>();
        parts.add("attachment-name", "区里的附件");
        parts.add("content", new org.springframework.core.io.ByteArrayResource("内容".getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return "a.txt";
            }
        });
        for (String user : List.of("sjshirongban1", "chuangban1")) {
            ResponseEntity<String> attached = as(user).postForEntity("/engine-rest/task/" + task.getId() + "/attachment/create",
                    new org.springframework.http.HttpEntity<>(parts, multipart()), String.class);
            assertThat(attached.getStatusCode()).as(user + ": " + attached.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(attached.getBody()).contains("请在任务表单中上传");
        }
        // the lead unit's clerk is stopped before: Camunda's resource looks the task up in the history it may not read
        assertThat(as("huanwei1").postForEntity("/engine-rest/task/" + task.getId() + "/attachment/create",
                new org.springframework.http.HttpEntity<>(parts, multipart()), String.class).getStatusCode().is4xxClientError()).isTrue();
        assertThat(taskService.getTaskAttachments(task.getId())).isEmpty();

        String attachment = taskService.createAttachment(null, task.getId(), null, "管理员的附件", null, "http://example.invalid/").getId();
        ResponseEntity<String> deleted = as("sjshirongban1").exchange("/engine-rest/task/" + task.getId() + "/attachment/" + attachment,
                org.springframework.http.HttpMethod.DELETE, null, String.class);
        // refused; Camunda's resource answers any failure of a deletion as the attachment not found
        assertThat(deleted.getStatusCode().is4xxClientError()).as(deleted.getBody()).isTrue();
        assertThat(taskService.getTaskAttachments(task.getId())).extracting(a -> a.getId()).containsExactly(attachment);
        taskService.deleteTaskAttachment(task.getId(), attachment);
    }

    private static org.springframework.http.HttpHeaders multipart() {
        org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
        headers.setContentType(org.springframework.http.MediaType.MULTIPART_FORM_DATA);
        return headers;
    }

    /** An instruction longer than the 督办 form's 2000 characters is named with its limit and not recorded; 2000 are. */
    @Test
    void anInstructionOverTwoThousandCharactersIsRefusedAndNothingIsRecorded() {
        String caseNo = jiutingCase("OVERSIGHT-LONG");
        ResponseEntity<Map> refused = supervise("chuangban1", caseNo, "请".repeat(5000));
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(CaseApiTest.errors(refused)).singleElement().satisfies(e -> {
            assertThat(e).containsEntry("field", "instruction").containsEntry("code", "TOO_LONG");
            assertThat((String) e.get("message")).contains("督办意见", "2000");
        });
        assertThat(refused.getBody().toString()).doesNotContain("Exception", "DETAIL");
        assertThat(timelineKinds(caseNo)).doesNotContain("SUPERVISED");

        assertThat(supervise("chuangban1", caseNo, "请".repeat(2000)).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(timelineKinds(caseNo)).containsOnlyOnce("SUPERVISED");
    }

    private List<Object> timelineKinds(String caseNo) {
        return ((List<Map<String, Object>>) as("chuangban1").getForObject("/api/cases/" + caseNo, Map.class).get("timeline"))
                .stream().map(e -> e.get("kind")).toList();
    }

    @Test
    void aReturnedCaseWaitingForRedispatchCannotBeSupervised() {
        String caseNo = jiutingCase("OVERSIGHT-2");
        Task claim = taskService.createTaskQuery().processInstanceBusinessKey(caseNo)
                .taskDefinitionKey(RectificationProcess.TASK_CLAIM).singleResult();
        taskService.complete(claim.getId(), Map.of(RectificationProcess.VAR_CLAIM_DECISION, RectificationProcess.RETURN,
                RectificationProcess.VAR_RETURN_REASON, "不属于本单位职责"));

        ResponseEntity<Map> refused = supervise("sjshirongban1", caseNo, "请尽快办理");
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(CaseApiTest.errors(refused)).singleElement().satisfies(e -> assertThat(e)
                .containsEntry("code", "CASE_NOT_IN_HANDLING"));
        assertThat((String) CaseApiTest.errors(refused).get(0).get("message")).contains(caseNo, "不在牵头单位办理中");
    }

    /** Tenant membership lets the engine start a town's processes; oversight must not: 发起流程 in 九亭 is refused. */
    @Test
    void theDistrictOfficeCannotStartProcessesInATown() {
        ResponseEntity<String> inTown = as("sjshirongban1").postForEntity(
                "/engine-rest/process-definition/key/CampaignProcess/tenant-id/jiuting/start", CaseApiTest.json("{}"), String.class);
        assertThat(inTown.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(inTown.getBody()).contains("不能在该组织发起流程");
        String definition = (String) ((Map<String, Object>) as("chuangban1").getForObject(
                "/engine-rest/process-definition/key/CampaignProcess/tenant-id/jiuting", Map.class)).get("id");
        ResponseEntity<String> submitted = as("sjshirongban1").postForEntity("/engine-rest/process-definition/" + definition
                + "/submit-form", CaseApiTest.json("{\"variables\":{}}"), String.class);
        assertThat(submitted.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(submitted.getBody()).contains("不能在该组织发起流程");
        ResponseEntity<String> atActivity = as("sjshirongban1").postForEntity("/engine-rest/process-definition/" + definition
                + "/start", CaseApiTest.json("""
                {"startInstructions":[{"type":"startBeforeActivity","activityId":"StartEvent_CampaignStarted"}]}
                """), String.class);
        assertThat(atActivity.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(atActivity.getBody()).contains("不能在该组织发起流程");
    }
}
