package org.shirong.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Properties;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AcquireJobsCmd;
import org.camunda.bpm.engine.impl.jobexecutor.AcquiredJobs;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.FileSystemResource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The job executor takes due jobs by due date through Shirong's index (issue 13, W3): every job has a due date, and a
 * job an earlier version left without one is still taken after a start.
 */
@SharesJvm
class JobAcquisitionIndexPluginTest {

    private ProcessEngine engine;

    @AfterEach
    void close() {
        if (engine != null) {
            engine.close();
        }
    }

    @Test
    void shirongsConfigurationTakesJobsByDueDateAndGivesEveryJobOne() {
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new FileSystemResource("config/application.yaml"));
        Properties properties = yaml.getObject();
        String prefix = "camunda.bpm.generic-properties.properties.";

        assertThat(properties.getProperty(prefix + "jobExecutorAcquireByDueDate")).isEqualTo("true");
        assertThat(properties.getProperty(prefix + "ensureJobDueDateNotNull")).isEqualTo("true");
    }

    @Test
    void anAsynchronousStepGetsADueDateAndTheIndexIsThere() {
        start("job-due-1");
        Job job = asynchronousJob();

        assertThat(job.getDuedate()).isNotNull();
        assertThat(jdbc().queryForObject("select count(*) from information_schema.indexes where lower(index_name) = ?",
                Integer.class, JobAcquisitionIndexPlugin.INDEX)).isPositive();
    }

    @Test
    void aJobWithoutADueDateIsGivenOneAtTheNextStartAndIsTakenFirst() {
        start("job-due-2");
        Job waiting = asynchronousJob();
        asynchronousJob();
        jdbc().update("update act_ru_job set duedate_ = null where id_ = ?", waiting.getId());
        assertThat(acquire()).as("a job without a due date is not taken by due date").doesNotContain(waiting.getId());

        new JobAcquisitionIndexPlugin().postProcessEngineBuild(engine);

        assertThat(engine.getManagementService().createJobQuery().jobId(waiting.getId()).singleResult().getDuedate()).isNotNull();
        assertThat(acquire()).startsWith(waiting.getId());
    }

    private void start(String name) {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
                .createStandaloneInMemProcessEngineConfiguration()
                .setJdbcUrl("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=1000")
                .setProcessEngineName(name)
                .setHistory(ProcessEngineConfiguration.HISTORY_NONE)
                .setJobExecutorActivate(false);
        configuration.setJobExecutorAcquireByDueDate(true);
        configuration.setEnsureJobDueDateNotNull(true);
        configuration.setProcessEnginePlugins(List.of(new JobAcquisitionIndexPlugin()));
        engine = configuration.buildProcessEngine();
        engine.getRepositoryService().createDeployment().addModelInstance("async.bpmn", Bpmn.createExecutableProcess("async")
                .camundaHistoryTimeToLive(1)
                .startEvent()
                .manualTask("step").camundaAsyncBefore()
                .endEvent().done()).deploy();
    }

    private Job asynchronousJob() {
        String instance = engine.getRuntimeService().startProcessInstanceByKey("async").getId();
        return engine.getManagementService().createJobQuery().processInstanceId(instance).singleResult();
    }

    /** What the job executor's acquisition takes now (and locks), in its order. */
    private List<String> acquire() {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        AcquiredJobs acquired = configuration.getCommandExecutorTxRequired()
                .execute(new AcquireJobsCmd(configuration.getJobExecutor(), 10));
        List<String> ids = acquired.getJobIdBatches().stream().flatMap(List::stream).toList();
        jdbc().update("update act_ru_job set lock_owner_ = null, lock_exp_time_ = null");
        return ids;
    }

    private JdbcTemplate jdbc() {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        return new JdbcTemplate(configuration.getDataSource());
    }
}
