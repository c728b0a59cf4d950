package org.shirong.rectification;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.shirong.ShirongApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An organisation with its own {@code calendar.yaml} counts its cases' working hours on its own office hours. The
 * organisations folder here (src/test/resources/organizations-own-calendar/) gives 锦溪镇 08:00-11:00 and 13:30-17:30
 * and nothing else, so its other files and 九亭镇's are the bundled ones; 九亭镇 keeps the shared 08:30-11:30 and
 * 13:00-17:00 of config/calendar/calendar.yaml. Its campaign tasks fall due at the end of its own office day. The folder
 * also gives 九亭镇 a score sheet of its own and 松江区 a campaign template whose scored inspection goes to 九亭镇.
 */
class OwnOfficeHoursTest {

    /** Monday 2 March 2026, 08:00 Beijing time: an ordinary working day. */
    private static final Instant MONDAY_8AM = Instant.parse("2026-03-02T00:00:00Z");

    static ConfigurableApplicationContext shirong;
    static TestRestTemplate rest;

    @BeforeAll
    static void startShirongWithJinxisOwnOfficeHours() {
        shirong = new SpringApplicationBuilder(ShirongApplication.class).profiles("test").run(
                "--server.port=0",
                "--spring.datasource.url=jdbc:h2:mem:shirong-own-hours-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                "--camunda.bpm.generate-unique-process-engine-name=true",
                "--camunda.bpm.job-execution.enabled=false",
                "--shirong.organizations.folder=" + Path.of("src/test/resources/organizations-own-calendar").toAbsolutePath(),
                "--shirong.organizations.active=jiuting,jinxi,songjiang");
        rest = new TestRestTemplate(new RestTemplateBuilder()
                .rootUri("http://localhost:" + shirong.getEnvironment().getProperty("local.server.port")));
    }

    @AfterAll
    static void stop() {
        shirong.close();
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @SuppressWarnings("unchecked")
    private Instant dueAtOfCaseReportedBy(String user, String address) {
        ResponseEntity<Map> reported = rest.withBasicAuth(user, "demo").postForEntity("/api/cases",
                CaseApiTest.json(CaseApiTest.body("EXPOSED_GARBAGE", "NORMAL", address, null)), Map.class);
        assertThat(reported.getStatusCode()).as("%s", reported.getBody()).isEqualTo(HttpStatus.CREATED);
        Map<String, Object> record = (Map<String, Object>) rest.withBasicAuth(user, "demo")
                .getForObject("/api/cases/" + reported.getBody().get("caseNo"), Map.class).get("record");
        assertThat(record).as("暴露垃圾: 4 工作时 in both tables")
                .containsEntry("limitAmount", 4).containsEntry("limitUnit", "WORKING_HOURS");
        return Instant.parse((String) record.get("dueAt"));
    }

    @Test
    void aCaseIsDueAfterFourHoursOfItsOwnOrganisationsOfficeTime() {
        ClockUtil.setCurrentTime(Date.from(MONDAY_8AM));

        assertThat(dueAtOfCaseReportedBy("jxtuijinban1", "锦溪镇长寿路 8 号"))
                .as("锦溪: 08:00-11:00 (3 h) and 13:30-14:30 (1 h)").isEqualTo(Instant.parse("2026-03-02T06:30:00Z"));
        assertThat(dueAtOfCaseReportedBy("lvrong1", "九亭大街 18 号"))
                .as("九亭, shared hours: 08:30-11:30 (3 h) and 13:00-14:00 (1 h)")
                .isEqualTo(Instant.parse("2026-03-02T06:00:00Z"));
    }

    @Test
    void aCampaignsPhaseTasksFallDueWhenItsOrganisationsOfficeDayEnds() {
        ClockUtil.setCurrentTime(Date.from(MONDAY_8AM));
        ResponseEntity<Map> started = rest.withBasicAuth("jxtuijinban1", "demo").postForEntity("/api/campaigns",
                CaseApiTest.json("{\"template\":\"jinxi-2017-931\",\"code\":\"JX-HOURS\",\"name\":\"锦溪 931\"}"), Map.class);
        assertThat(started.getStatusCode()).as("%s", started.getBody()).isEqualTo(HttpStatus.CREATED);
        String instanceId = shirong.getBean(RuntimeService.class).createProcessInstanceQuery()
                .processInstanceBusinessKey("JX-HOURS").singleResult().getId();
        ManagementService jobs = shirong.getBean(ManagementService.class);
        JdbcTemplate jdbc = shirong.getBean(JdbcTemplate.class);
        // The phase begins on a timer and hands out its tasks asynchronously; the job executor is off here.
        for (int i = 0; i < 50 && tasksOf(jdbc).isEmpty(); i++) {
            jobs.createJobQuery().processInstanceId(instanceId).duedateLowerThan(Date.from(MONDAY_8AM.plusSeconds(1))).list()
                    .stream().findFirst().or(() -> jobs.createJobQuery().processInstanceId(instanceId).messages().list().stream()
                            .findFirst())
                    .ifPresent(job -> jobs.executeJob(job.getId()));
        }

        assertThat(tasksOf(jdbc)).as("the first phase's tasks").isNotEmpty().allSatisfy(due ->
                assertThat(due.toInstant().atZone(ZoneId.of("Asia/Shanghai")).toLocalTime()).isEqualTo(LocalTime.of(17, 30)));
    }

    /**
     * 松江区's scored inspection done by 九亭镇 lists the district's score sheets: the folder gives 九亭镇 a sheet of its own
     * (九亭台账) that the district's campaign does not score on.
     */
    @Test
    void aDistrictsScoredInspectionSentToATownListsTheDistrictsScoreItems() {
        ClockUtil.setCurrentTime(Date.from(MONDAY_8AM));
        ResponseEntity<Map> started = rest.withBasicAuth("sjshirongban1", "demo").postForEntity("/api/campaigns",
                CaseApiTest.json("{\"template\":\"songjiang-scored-check\",\"code\":\"SJ-SCORED\",\"name\":\"区级评分检查\","
                        + "\"dates\":{\"start\":\"2026-03-02\"}}"), Map.class);
        assertThat(started.getStatusCode()).as("%s", started.getBody()).isEqualTo(HttpStatus.CREATED);
        runDueJobs();
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-03-10T01:00:01Z")));
        runDueJobs();
        TaskService tasks = shirong.getBean(TaskService.class);
        Task townTask = tasks.createTaskQuery().processInstanceBusinessKey("SJ-SCORED").tenantIdIn("jiuting").singleResult();
        assertThat(townTask).as("the cycle's task of 九亭镇, in 九亭镇").isNotNull();
        assertThat((String) tasks.getVariable(townTask.getId(), "inspectionItemList"))
                .contains("道路：路面保洁无暴露垃圾（4 分）").doesNotContain("台账齐全");
    }

    /** Runs the jobs due now, one after another, as the job executor (off here) would. */
    private static void runDueJobs() {
        ManagementService jobs = shirong.getBean(ManagementService.class);
        for (int i = 0; i < 50; i++) {
            var due = jobs.createJobQuery().executable().list();
            if (due.isEmpty()) {
                return;
            }
            jobs.executeJob(due.get(0).getId());
        }
    }

    private static List<Timestamp> tasksOf(JdbcTemplate jdbc) {
        return jdbc.queryForList("select due_at from campaign_task where campaign_code = 'JX-HOURS'", Timestamp.class);
    }
}
