package org.shirong.system;

import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.spring.components.jobexecutor.SpringJobExecutor;
import org.camunda.bpm.spring.boot.starter.configuration.impl.DefaultJobConfiguration;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.TaskExecutor;

/**
 * The engine's job executor, made exactly as the Camunda starter makes it from {@code camunda.bpm.job-execution}; unless
 * {@code shirong.jobs} asks for Camunda's behaviour it groups jobs and spreads acquisition ({@link GroupingJobExecutor}).
 * None, like the starter's, where {@code camunda.bpm.job-execution.enabled} is false (the tests).
 */
@Configuration(proxyBeanMethods = false)
class JobGroupConfiguration {

    @Bean
    @ConditionalOnProperty(prefix = "camunda.bpm.job-execution", name = "enabled", havingValue = "true", matchIfMissing = true)
    static JobExecutor shirongJobExecutor(@Qualifier(DefaultJobConfiguration.JobConfiguration.CAMUNDA_TASK_EXECUTOR_QUALIFIER)
            TaskExecutor taskExecutor, CamundaBpmProperties camunda, JobsProperties jobs) {
        SpringJobExecutor starters = (SpringJobExecutor) DefaultJobConfiguration.JobConfiguration.jobExecutor(taskExecutor, camunda);
        if (jobs.camundas()) {
            return starters;
        }
        GroupingJobExecutor grouping = new GroupingJobExecutor(jobs);
        grouping.setTaskExecutor(starters.getTaskExecutor());
        grouping.setRejectedJobsHandler(starters.getRejectedJobsHandler());
        grouping.setLockTimeInMillis(starters.getLockTimeInMillis());
        grouping.setMaxJobsPerAcquisition(starters.getMaxJobsPerAcquisition());
        grouping.setWaitTimeInMillis(starters.getWaitTimeInMillis());
        grouping.setMaxWait(starters.getMaxWait());
        grouping.setBackoffTimeInMillis(starters.getBackoffTimeInMillis());
        grouping.setMaxBackoff(starters.getMaxBackoff());
        grouping.setBackoffDecreaseThreshold(starters.getBackoffDecreaseThreshold());
        grouping.setWaitIncreaseFactor(starters.getWaitIncreaseFactor());
        return grouping;
    }
}
