package org.shirong.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * The demo run's seed, turned on here as {@code mvn spring-boot:run} has it: what a newcomer finds through the API
 * as the demo users (a campaign in each organisation, cases in every state, a past meeting with its papers and a
 * 通报), that a second start does not seed again, and that the production profile never seeds.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:shirong-demo;DB_CLOSE_DELAY=-1",
        "camunda.bpm.generate-unique-process-engine-name=false",
        "camunda.bpm.job-execution.enabled=false",
        "shirong.demo.seed=true"})
@ActiveProfiles("test")
class DemoSeedTest {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    DemoSeeder seeder;
    @Autowired
    ManagementService managementService;
    @Autowired
    TaskService taskService;
    @Autowired
    JdbcTemplate jdbc;

    TestRestTemplate as(String user) {
        return rest.withBasicAuth(user, "demo");
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> cases(String user, String campaign) {
        return (List<Map<String, Object>>) as(user).getForObject("/api/cases?campaign=" + campaign + "&size=200", Map.class).get("items");
    }

    @Test
    @SuppressWarnings("unchecked")
    void eachOrganisationsOfficeFindsItsCampaignAndItsCasesInEveryState() {
        assertThat((List<Map<String, Object>>) as("chuangban1").getForObject("/api/campaigns", List.class))
                .as("九亭镇's own, and 松江区's, which it takes part in").extracting(c -> c.get("code"))
                .containsExactlyInAnyOrder("JT-DEMO", "SJ-DEMO");
        assertThat((List<Map<String, Object>>) as("jxtuijinban1").getForObject("/api/campaigns", List.class))
                .extracting(c -> c.get("code")).containsExactly("JX-DEMO");
        assertThat((List<Map<String, Object>>) as("sjshirongban1").getForObject("/api/campaigns", List.class))
                .extracting(c -> c.get("code")).contains("SJ-DEMO");

        List<Map<String, Object>> jiuting = cases("chuangban1", "JT-DEMO");
        assertThat(jiuting).extracting(c -> c.get("status")).contains(
                "DISPATCHED", "IN_RECTIFICATION", "AWAITING_VERIFICATION", "CLOSED", "SUSPENDED");
        assertThat(jiuting).as("超期").anySatisfy(c -> assertThat(c).containsEntry("overdue", true).containsEntry("status", "IN_RECTIFICATION"));
        assertThat(jiuting).as("a case decided by the meeting").anySatisfy(c -> assertThat(c).containsEntry("source", "MEETING"));
        assertThat(jiuting).extracting(c -> c.get("title")).contains("九亭大街菜场门口暴露垃圾", "九亭公园门口果壳箱满溢");
        assertThat(taskService.createTaskQuery().taskDefinitionKey("Task_ApproveExtension").tenantIdIn("jiuting").count())
                .as("延期 awaiting the office").isEqualTo(1);

        for (String[] office : new String[][] {{"jxtuijinban1", "JX-DEMO"}, {"sjshirongban1", "SJ-DEMO"}}) {
            List<Map<String, Object>> own = cases(office[0], office[1]);
            assertThat(own).extracting(c -> c.get("status")).contains("DISPATCHED", "IN_RECTIFICATION", "CLOSED");
            assertThat(own).anySatisfy(c -> assertThat(c).containsEntry("overdue", true));
        }
        assertThat(cases("jxtuijinban1", "JX-DEMO")).extracting(c -> c.get("status")).contains("AWAITING_VERIFICATION");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aPastMeetingLeftItsAgendaMinutesAndTheNotice() {
        List<Map<String, Object>> documents = as("chuangban1").getForObject("/api/campaigns/JT-DEMO/documents", List.class);
        assertThat(documents).extracting(d -> d.get("kind")).contains("AGENDA", "MINUTES", "NOTICE");
        String notice = (String) documents.stream().filter(d -> "NOTICE".equals(d.get("kind"))).findFirst().orElseThrow().get("url");
        assertThat(as("lingdao1").getForObject(notice, String.class)).contains("通报");
        assertThat(documents).filteredOn(d -> "MINUTES".equals(d.get("kind"))).as("the meeting of the 通报 decided")
                .anySatisfy(d -> assertThat(as("chuangban1").getForObject((String) d.get("url"), String.class))
                        .contains("清理九亭大街 300 号沿街暴露垃圾"));
        assertThat(jdbc.queryForObject("select count(*) from rect_case where campaign_code = 'JT-DEMO' and source = 'MEETING'", Long.class))
                .isEqualTo(1);
    }

    /** README's tour: whom to log in as and what each finds in Tasklist. */
    @Test
    void theTourUsersFindTheirWorkInTasklist() {
        assertThat(work("huanwei1")).contains("Task_ClaimCase", "Task_HandleAssignment");
        assertThat(work("chengguan1")).contains("Task_RectifyProblem", "Task_ClaimCase");
        assertThat(work("ducha2")).contains("Task_VerifyRectification");
        assertThat(work("chuangban1")).contains("Task_ApproveExtension", "Task_SuperviseCase", "Task_HandleCampaignTask");
        assertThat(work("jxshuili1")).contains("Task_RectifyProblem");
        assertThat(work("sjlvrongju1")).isNotEmpty();
    }

    List<String> work(String user) {
        return taskService.createTaskQuery().taskCandidateUser(user).includeAssignedTasks().list().stream()
                .map(org.camunda.bpm.engine.task.Task::getTaskDefinitionKey).toList();
    }

    /** The seed grants only: no REVOKE authorization, so the engine's checks need not look for one (RevokeChecksPlugin). */
    @Test
    void theSeedCreatesNoRevokeAuthorization() {
        assertThat(jdbc.queryForObject("select count(*) from rect_case", Long.class)).isPositive();
        assertThat(jdbc.queryForObject("select count(*) from ACT_RU_AUTHORIZATION where TYPE_ = ?", Long.class,
                org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_REVOKE)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from ACT_RU_AUTHORIZATION where TYPE_ = ?", Long.class,
                org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT)).isPositive();
    }

    @Test
    void aSecondStartDoesNotSeedAgain() {
        long cases = jdbc.queryForObject("select count(*) from rect_case", Long.class);
        assertThat(managementService.getProperties()).containsKey(DemoSeeder.MARKER);

        assertThat(seeder.seed()).isFalse();

        assertThat(jdbc.queryForObject("select count(*) from rect_case", Long.class)).isEqualTo(cases);
        assertThat(jdbc.queryForObject("select count(*) from campaign", Long.class)).isEqualTo(3);
    }

    @Test
    void theProductionProfileNeverSeeds() throws IOException {
        List<PropertySource<?>> postgres = new YamlPropertySourceLoader().load("postgres",
                new FileSystemResource("config/application-postgres.yaml"));
        assertThat(postgres).anySatisfy(p -> assertThat(p.getProperty("shirong.demo.seed")).isEqualTo(false));
        assertThat(postgres).anySatisfy(p -> assertThat(p.getProperty("shirong.demo.enabled")).isEqualTo(false));
    }

    /** The README's tour opens the case map: every reported demo case of 九亭 has its place, the overdue one red. */
    @Test
    @SuppressWarnings("unchecked")
    void theCampaignMapShowsTheDemoCasesAtTheirPlaces() {
        Map<String, Object> map = as("lingdao1").getForObject("/api/cases/map?campaign=JT-DEMO", Map.class);
        List<Map<String, Object>> points = (List<Map<String, Object>>) map.get("points");
        assertThat(points).hasSizeGreaterThanOrEqualTo(11);
        assertThat(points).extracting(p -> p.get("light")).contains("RED");
        assertThat(points).allSatisfy(p -> assertThat((Double) p.get("lat")).isBetween(31.0, 31.2));
    }

    /** The demo's 责任区 (issue 14): 九亭's 24 made-up holders, all on the map, and its two 自律组织. */
    @Test
    @SuppressWarnings("unchecked")
    void jiutingsOfficeFindsTheDemoZonesOnTheMapAndTheirSelfGroups() {
        assertThat(as("chuangban1").getForObject("/api/zones?size=100", Map.class).get("total")).isEqualTo(24);
        assertThat((List<Map<String, Object>>) as("juwei01a").getForObject("/api/zones/map?type=集市菜场", Map.class).get("points"))
                .extracting(p -> p.get("holderName")).containsExactly("九亭市场东区（演示）", "九亭市场西区（演示）");
        assertThat((List<Map<String, Object>>) as("chuangban1").getForObject("/api/zones/self-groups", List.class))
                .extracting(g -> g.get("name")).containsExactly("九亭大街商户自律小组", "九亭市场商户自律会");
        // 锦溪镇 has no 责任区 module (jxreview J14): 404 saying so, not an empty register
        assertThat(as("jxchuangjian1").getForEntity("/api/zones", Map.class).getStatusCode().value()).isEqualTo(404);
    }

    /** The demo's 告知书 (issue 14): this year's edition issued to all 24 zones, three in four delivered, every other one posted. */
    @Test
    void jiutingsNoticesAreDeliveredAndPostedInPart() {
        assertThat(as("chuangban1").getForObject("/api/zones?notice=DELIVERED&size=100", Map.class).get("total")).isEqualTo(18);
        assertThat(as("chuangban1").getForObject("/api/zones?notice=POSTED&size=100", Map.class).get("total")).isEqualTo(12);
        assertThat(as("chuangban1").getForObject("/api/zones?notice=NONE&size=100", Map.class).get("total")).isEqualTo(6);
    }

    /**
     * jtreview-s59 T9: 九亭's demo starts in late October, outside the plan's calendar months; its office gives the phase
     * dates after the plan's lengths (前期准备 three months, not to the next 31 May), so no phase runs far longer than the
     * plan, and the office's 完善组织网络 and 拟订工作方案 fall due, in the plan's order, before the units' 目标责任书.
     */
    @Test
    @SuppressWarnings("unchecked")
    void jiutingsDemoPhasesFollowThePlansLengthsAndThePlanIsDueBeforeTheResponsibilityLetters() {
        Map<String, Object> campaign = as("chuangban1").getForObject("/api/campaigns/JT-DEMO", Map.class);
        List<Map<String, Object>> phases = (List<Map<String, Object>>) campaign.get("phases");
        java.time.LocalDate first = java.time.LocalDate.parse((String) phases.get(0).get("firstDay"));
        assertThat(phases).extracting(p -> p.get("lastDay")).containsExactly(first.plusMonths(3).minusDays(1).toString(),
                first.plusMonths(8).minusDays(1).toString(), first.plusMonths(10).minusDays(1).toString());
        assertThat((List<String>) campaign.get("phaseWarnings")).isEmpty();
        java.util.function.Function<String, java.sql.Timestamp> due = key -> jdbc.queryForObject("select min(due_at) from campaign_task"
                + " where campaign_code = 'JT-DEMO' and task_key like ?", java.sql.Timestamp.class, key + "/%");
        assertThat(due.apply("buildOrganisation")).isBefore(due.apply("draftPlan"));
        assertThat(due.apply("draftPlan")).isBefore(due.apply("signResponsibilityLetter"));
    }

    /**
     * jtreview-s59 T11: the 目标责任书 a demo unit handed in, as the 迎检档案 holds it, is a readable one-page PDF marked
     * 演示样本, named after the task without the campaign's code.
     */
    @Test
    void theArchivesDemoLettersAreReadableSamplePdfs() throws IOException {
        byte[] zip = as("chuangban1").getForObject("/api/campaigns/JT-DEMO/archive.zip", byte[].class);
        int letters = 0;
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
            for (java.util.zip.ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (e.getName().contains("签订目标责任书") && e.getName().endsWith(".pdf")) {
                    letters++;
                    assertThat(e.getName().substring(e.getName().lastIndexOf('/') + 1)).doesNotContain("JT-DEMO");
                    try (var pdf = org.apache.pdfbox.Loader.loadPDF(in.readAllBytes())) {
                        assertThat(pdf.getNumberOfPages()).isEqualTo(1);
                        assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(pdf)).contains("签订目标责任书", "演示样本");
                    }
                }
            }
        }
        assertThat(letters).isPositive();
    }
}
