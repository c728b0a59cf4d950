package org.shirong.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;
import org.shirong.campaign.CampaignDashboard.OpenTask;
import org.shirong.campaign.CampaignRecords.Campaign;
import org.shirong.organization.Organizations;
import org.shirong.rectification.RectificationProcess;
import org.shirong.system.EngineTableNames;
import org.shirong.system.StandaloneEngines;
import org.shirong.system.StatementCounter;
import org.shirong.system.SystemAccess;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The 驾驶舱's waiting case work ({@link OfficeCaseTasks}) read from a bare engine's tables on H2 and on PostgreSQL: each
 * task under its own candidate group (the office when it has none), a passed 挂账 under the office, in one statement
 * however many tasks there are (one query of a task's candidates per task made a hundred 督办 a hundred queries).
 */
class OfficeCaseTasksTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final String TENANT = "jiuting";
    private static final Organizations ORGANIZATIONS = Organizations.read(TENANT);

    @Test
    void eachTaskIsListedUnderItsCandidateGroupInOneStatementOnH2() {
        listsEachTaskUnderItsGroupInOneStatement(StandaloneEngines.countedOn("office-case-tasks",
                "jdbc:h2:mem:office-case-tasks-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1"));
    }

    @Test
    void eachTaskIsListedUnderItsCandidateGroupInOneStatementOnPostgres() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
            configuration.setDataSource(StatementCounter.wrap(postgres.getPostgresDatabase()));
            configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
            configuration.setProcessEngineName("office-case-tasks-pg-" + UUID.randomUUID());
            configuration.setJobExecutorActivate(false);
            listsEachTaskUnderItsGroupInOneStatement(configuration);
        }
    }

    private void listsEachTaskUnderItsGroupInOneStatement(StandaloneInMemProcessEngineConfiguration configuration) {
        ProcessEngine engine = configuration.buildProcessEngine();
        try {
            DataSource dataSource = configuration.getDataSource();
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            jdbc.execute("create table rect_case (case_no varchar(40), campaign_code varchar(40), status varchar(20),"
                    + " process_instance_id varchar(64))");
            engine.getRepositoryService().createDeployment().addModelInstance("OfficeWork.bpmn", officeWork()).deploy();
            Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
            Instant soon = now.plus(Duration.ofDays(2));
            Instant past = now.minus(Duration.ofDays(1));
            String office = ORGANIZATIONS.office(TENANT);

            caseAt(engine, jdbc, "OCT", "OPEN", "C1", RectificationProcess.TASK_SUPERVISE, "jtchengguan", soon);
            caseAt(engine, jdbc, "OCT", "OPEN", "C2", RectificationProcess.TASK_SUPERVISE, "jtjianguan", past);
            caseAt(engine, jdbc, "OCT", "OPEN", "C3", RectificationProcess.TASK_SUPERVISE, "jtchengguan", null);
            caseAt(engine, jdbc, "OCT", "EXTENDED", "C4", RectificationProcess.TASK_APPROVE_EXTENSION, "jtlingdao", soon);
            caseAt(engine, jdbc, "OCT", "OPEN", "C5", RectificationProcess.TASK_APPROVE_SUSPENSION, "jtlingdao,jtfenguan", soon);
            caseAt(engine, jdbc, "OCT", "OPEN", "C6", RectificationProcess.TASK_REDISPATCH, null, null);
            String resume = caseAt(engine, jdbc, "OCT", "SUSPENDED", "C7", RectificationProcess.TASK_RESUME, "jtjianguan", null);
            engine.getTaskService().createTaskQuery().processInstanceId(resume).list().forEach(t -> {
                t.setFollowUpDate(Date.from(past));
                engine.getTaskService().saveTask(t);
            });
            caseAt(engine, jdbc, "OCT", "CLOSED", "C8", RectificationProcess.TASK_SUPERVISE, "jtchengguan", soon);
            caseAt(engine, jdbc, "OTHER", "OPEN", "C9", RectificationProcess.TASK_SUPERVISE, "jtchengguan", soon);

            OfficeCaseTasks tasks = new OfficeCaseTasks(new JdbcTemplate(dataSource), new EngineTableNames(
                    engine.getManagementService(), new SystemAccess(engine.getIdentityService())), ORGANIZATIONS);
            Campaign campaign = new Campaign("OCT", "办公室待办测试", "t", "t", null, "RUNNING", 1, "demo", now, null, TENANT);
            tasks.of(campaign, now, SHANGHAI);
            Thread test = Thread.currentThread();
            StatementCounter.countThreads(t -> t == test);
            StatementCounter.Counts before = StatementCounter.snapshot();
            Map<String, List<OpenTask>> byGroup = tasks.of(campaign, now, SHANGHAI);
            StatementCounter.Counts read = StatementCounter.snapshot().minus(before);

            assertThat(read.total()).as("one statement for all the tasks: %s", read.byKey()).isEqualTo(1);
            assertThat(read.of("select ACT_RU_TASK")).isEqualTo(1);
            assertThat(byGroup.get("jtchengguan")).extracting(OpenTask::name)
                    .containsExactlyInAnyOrder("督办超期案件 · C1", "督办超期案件 · C3");
            assertThat(byGroup.get("jtjianguan")).extracting(t -> t.name() + " " + t.dueText() + " " + t.overdue())
                    .containsExactly("督办超期案件 · C2 " + shown(past) + " true");
            assertThat(byGroup.get(office)).extracting(t -> t.name() + " " + t.dueText() + " " + t.overdue())
                    .as("a task without a candidate group and a 挂账 past its review day are the office's")
                    .containsExactlyInAnyOrder("重新派遣案件 · C6 null false", "挂账到期待复核 · C7 " + shown(past) + " true");
            assertThat(byGroup.get("jtlingdao")).extracting(OpenTask::name).contains("审批延期申请 · C4");
            assertThat(byGroup.get("jtfenguan")).as("of two candidate groups the first by name holds the task")
                    .extracting(OpenTask::name).contains("审批挂账申请 · C5");
            assertThat(byGroup.values().stream().flatMap(List::stream).map(OpenTask::name))
                    .as("a task of two candidate groups once; a closed case's and another campaign's not at all")
                    .filteredOn(n -> n.startsWith("审批挂账申请")).containsExactly("审批挂账申请 · C5");
            assertThat(byGroup.values().stream().flatMap(List::stream).map(OpenTask::name)).hasSize(7);
        } finally {
            engine.close();
        }
    }

    /** A case of {@code campaign} whose process waits in {@code taskKey}, given to {@code groups} (null: none). */
    private static String caseAt(ProcessEngine engine, JdbcTemplate jdbc, String campaign, String status, String caseNo,
            String taskKey, String groups, Instant due) {
        Map<String, Object> variables = new java.util.HashMap<>();
        variables.put("caseNo", caseNo);
        variables.put("groups", groups);
        variables.put("due", due == null ? null : Date.from(due));
        String instance = engine.getRuntimeService().createProcessInstanceByKey("OfficeWork").startBeforeActivity(taskKey)
                .setVariables(variables).execute().getId();
        jdbc.update("insert into rect_case (case_no, campaign_code, status, process_instance_id) values (?, ?, ?, ?)", caseNo,
                campaign, status, instance);
        return instance;
    }

    /** The office's case tasks by their RectificationProcess ids, each but 重新派遣 given to the groups a variable names. */
    private static BpmnModelInstance officeWork() {
        var process = Bpmn.createExecutableProcess("OfficeWork").camundaHistoryTimeToLive(1).startEvent();
        var flow = process.userTask(RectificationProcess.TASK_SUPERVISE).name("督办超期案件 · ${caseNo}");
        flow = flow.userTask(RectificationProcess.TASK_APPROVE_EXTENSION).name("审批延期申请 · ${caseNo}");
        flow = flow.userTask(RectificationProcess.TASK_APPROVE_SUSPENSION).name("审批挂账申请 · ${caseNo}");
        flow = flow.userTask(RectificationProcess.TASK_REDISPATCH).name("重新派遣案件 · ${caseNo}");
        flow = flow.userTask(RectificationProcess.TASK_RESUME).name("恢复整改 · ${caseNo}");
        BpmnModelInstance model = flow.endEvent().done();
        model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.UserTask.class).forEach(t -> {
            if (!RectificationProcess.TASK_REDISPATCH.equals(t.getId())) {
                t.setCamundaCandidateGroups("${groups}");
            }
            t.setCamundaDueDate("${due}");
        });
        return model;
    }

    private static String shown(Instant at) {
        return org.shirong.system.ChineseDates.MINUTE.format(at.atZone(SHANGHAI));
    }
}
