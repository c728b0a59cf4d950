package org.shirong.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.shirong.calendar.WorkingCalendar;
import org.shirong.organization.GroupType;
import org.shirong.organization.OrganizationRecords;
import org.shirong.system.SharesJvm;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code ${calculateScoresDelegate}} as a service task in a test-only diagram, on the engine-only test
 * engine with Shirong's migrations: the previous full month by default, the stored rows, the named
 * units in {@code nonPerformingUnits}, a recomputation replacing its rows, and a bad period refused.
 */
@Deployment(resources = "scoring/CalculateScoresTest.bpmn")
@SharesJvm
class CalculateScoresDelegateTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension.builder()
            .configurationResource("process-test.cfg.xml").assertClassCoverageAtLeast(1.0).build();
    private static boolean migrated;

    static final Instant DUE = Instant.parse("2026-05-14T02:00:00Z");

    ProcessEngine processEngine;
    JdbcTemplate jdbc;
    CaseRows rows;

    static OrganizationRecords.Unit unit(String id, String name, GroupType type) {
        return new OrganizationRecords.Unit(id, name, type, null, null, List.of());
    }

    @BeforeEach
    void setUp() {
        init(processEngine);
        DataSource dataSource = ((ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration()).getDataSource();
        if (!migrated) {
            Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").table("shirong_schema_history")
                    .baselineOnMigrate(true).baselineVersion("0").load().migrate();
            migrated = true;
        }
        jdbc = new JdbcTemplate(dataSource);
        rows = new CaseRows(jdbc, "SCDEL");
        rows.clear();
        OrganizationRecords organization = mock(OrganizationRecords.class);
        var jiuting = org.shirong.organization.Organizations.read("jiuting");
        when(organization.units("jiuting")).thenReturn(List.of(unit("chuangban", "创建工作办公室", GroupType.OFFICE),
                unit("huanwei", "环卫所", GroupType.UNIT), unit("chengguan", "城管中队", GroupType.UNIT),
                unit("nongfu", "农副公司", GroupType.UNIT), unit("lvrong", "绿容所", GroupType.UNIT)));
        ScoreService service = new ScoreService(new ScoringFacts(jdbc,
                new org.shirong.rectification.CaseHolders(jdbc, new org.shirong.system.EngineTableNames(processEngine.getManagementService(),
                        new org.shirong.system.SystemAccess(processEngine.getIdentityService())), jiuting)), new ScoreRecords(jdbc), new InspectionRecords(jdbc),
                new RubricLoader(new ScoringProperties("scoring.yaml")), organization, jiuting, WorkingCalendar.bundled(),
                new org.shirong.rectification.CaseParties(jdbc),
                new org.springframework.beans.factory.support.StaticListableBeanFactory().getBeanProvider(ZoneFacts.class),
                new org.springframework.beans.factory.support.StaticListableBeanFactory().getBeanProvider(TaskFacts.class),
                mock(CampaignOrganizations.class));
        Mocks.register("calculateScoresDelegate", new CalculateScoresDelegate(service, jiuting));
        // 9:00 on 1 June 2026 in Shanghai.
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-06-01T01:00:00Z")));

        // 环卫所 2 on time → 100.00 A;  绿容所 1 on time → 100.00 A
        // 城管中队 1 on time + 1 late → 按期 50 % → 30, 结案 100 % → 20, 10 + 5 + 5 → 70 → 77.78 B
        // 农副公司 1 open past due → 0 + 0 + 10 + 5 + 5 = 20 → 22.22 E
        // Ranks 1, 1, 3, 4; bottom 3 from the end starts at rank 1, which is spared: 城管中队 and 农副公司 named.
        rows.add("huanwei", "CLOSED", DUE, "on time");
        rows.add("huanwei", "CLOSED", DUE, "on time");
        rows.add("lvrong", "CLOSED", DUE, "on time");
        rows.add("chengguan", "CLOSED", DUE, "on time");
        rows.add("chengguan", "CLOSED", DUE, "late");
        rows.add("nongfu", "IN_RECTIFICATION", DUE, null);
    }

    @AfterEach
    void tearDown() {
        rows.clear();
        Mocks.reset();
        ClockUtil.reset();
    }

    ProcessInstance calculate(Map<String, Object> variables) {
        ProcessInstance instance = processEngine.getRuntimeService().startProcessInstanceByKey("CalculateScoresTest", variables);
        execute(job(instance));
        return instance;
    }

    List<Map<String, Object>> stored(String scope) {
        return jdbc.queryForList("select unit_id, rank_no, total, grade, non_performing, named_for from score_unit"
                + " where score_period = '2026-05' and score_scope = ? and ranked = true order by rank_no, unit_id", scope);
    }

    @Test
    void withoutAPeriodTheLastFullMonthIsScoredSavedAndItsNamedUnitsSet() {
        ProcessInstance instance = calculate(Map.of());

        assertThat(instance).isWaitingAt("Task_ReviewScores")
                .variables().containsEntry("scorePeriod", "2026-05").containsEntry("nonPerformingUnits", "chengguan,nongfu");
        assertThat(stored("@jiuting")).extracting(r -> r.get("UNIT_ID"), r -> r.get("RANK_NO"), r -> r.get("TOTAL"), r -> r.get("GRADE"),
                r -> r.get("NON_PERFORMING"), r -> r.get("NAMED_FOR")).containsExactly(
                        tuple("huanwei", 1, new BigDecimal("100.00"), "A", false, null),
                        tuple("lvrong", 1, new BigDecimal("100.00"), "A", false, null),
                        tuple("chengguan", 3, new BigDecimal("77.78"), "B", true, "BOTTOM_N"),
                        tuple("nongfu", 4, new BigDecimal("22.22"), "E", true, "BELOW_THRESHOLD,BOTTOM_N"));
        assertThat(jdbc.queryForObject("select count(*) from score_component where score_period = '2026-05'", Integer.class))
                .isEqualTo(4 * 5);
        assertThat(jdbc.queryForObject("select count(*) from score_unit where unit_id = 'chuangban'", Integer.class)).isZero();
        assertThat(jdbc.queryForObject("select min(computed_at) from score_unit", java.sql.Timestamp.class).toInstant())
                .isEqualTo(Instant.parse("2026-06-01T01:00:00Z"));

        complete(task(instance));
        assertThat(instance).isEnded();
    }

    @Test
    void recomputingAPeriodReplacesItsRowsForTheCampaignScope() {
        // The campaign JT2026 found every case of this test.
        jdbc.update("update rect_case set campaign_code = 'JT2026' where case_no like 'SCDEL-%'");
        calculate(Map.of("scorePeriod", "2026-05", "campaignCode", "JT2026"));
        jdbc.update("update rect_case set status = 'CLOSED', submitted_at = due_at, closed_at = due_at, closed_on_time = true,"
                + " overdue = false where lead_unit = 'nongfu' and case_no like 'SCDEL-%'");

        // 农副公司 now 1 on time → 100.00: ranks 1, 1, 1, 4; only 城管中队 (77.78, above 60) is named, for being last.
        ProcessInstance again = calculate(Map.of("scorePeriod", "2026-05", "campaignCode", "JT2026"));

        assertThat(again).variables().containsEntry("nonPerformingUnits", "chengguan");
        assertThat(stored("JT2026")).extracting(r -> r.get("UNIT_ID"), r -> r.get("RANK_NO"), r -> r.get("GRADE"))
                .containsExactly(tuple("huanwei", 1, "A"), tuple("lvrong", 1, "A"), tuple("nongfu", 1, "A"), tuple("chengguan", 4, "B"));
        assertThat(jdbc.queryForObject("select count(*) from score_unit where score_scope = 'JT2026'", Integer.class)).isEqualTo(4);
        assertThat(stored("@jiuting")).isEmpty();
    }

    @Test
    void aMonthStillRunningCountsOnlyTheCasesAlreadyDue() {
        // 11:00 on 14 May in Shanghai, an hour after DUE; 环卫所 also has an open case due on 20 May, not yet 应结案.
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-05-14T03:00:00Z")));
        rows.add("huanwei", "IN_RECTIFICATION", Instant.parse("2026-05-20T02:00:00Z"), null);

        calculate(Map.of("scorePeriod", "2026-05"));

        assertThat(jdbc.queryForMap("select due_count, total from score_unit where unit_id = 'huanwei'"))
                .containsEntry("DUE_COUNT", 2).containsEntry("TOTAL", new BigDecimal("100.00"));
    }

    @Test
    void aMalformedPeriodFailsTheJobAndStoresNothing() {
        ProcessInstance instance = processEngine.getRuntimeService()
                .startProcessInstanceByKey("CalculateScoresTest", Map.of("scorePeriod", "2026-5"));

        assertThatThrownBy(() -> execute(job(instance)))
                .hasMessageContaining("流程变量 scorePeriod 的值 \"2026-5\" 无效：格式应为 2026-05（月）、2026-Q2（季度）或 2026（年）");
        assertThat(jdbc.queryForObject("select count(*) from score_unit", Integer.class)).isZero();
    }
}
