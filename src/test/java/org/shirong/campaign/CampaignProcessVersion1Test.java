package org.shirong.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.shirong.system.SharesJvm;

/**
 * Campaigns started before the phase was drawn once still run on version 1 of the diagram (three phases drawn one by
 * one, {@code legacy/CampaignProcess-v1.bpmn} as it shipped): today's 下达阶段任务 and 汇总遗留工作 delegates read
 * its phase numbers, its phase-done messages still arrive, and its phase-end notice gets the open cases too.
 */
@Deployment(resources = "legacy/CampaignProcess-v1.bpmn")
@SharesJvm
class CampaignProcessVersion1Test {

    @RegisterExtension
    static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension.builder()
            .configurationResource(ProcessTestEngine.CONFIGURATION).build();

    private static final Instant START = Instant.parse("2026-03-01T01:00:00Z");
    private static final Duration PHASE = Duration.ofDays(30);

    ProcessEngine processEngine;
    final CampaignTasks tasks = mock(CampaignTasks.class);
    final PhaseEnds phaseEnds = mock(PhaseEnds.class);
    final List<String> notices = new ArrayList<>();

    /** The cycle collection of the diagram: none here. */
    public static class NoCycles {
        public List<String> ids(String campaignCode) {
            return List.of();
        }
    }

    @BeforeEach
    void setUp() {
        init(processEngine);
        ClockUtil.setCurrentTime(Date.from(START));
        Mocks.register("registerCampaignListener", (ExecutionListener) execution -> {
            execution.setProcessBusinessKey("JT-V1");
            execution.setVariable(CampaignProcess.VAR_CAMPAIGN_CODE, "JT-V1");
            execution.setVariable(CampaignProcess.VAR_CAMPAIGN_NAME, "九亭镇创建达标镇");
            for (int no = 1; no <= 3; no++) {
                execution.setVariable(CampaignProcess.varPhaseStart(no), Date.from(START.plus(PHASE.multipliedBy(no - 1))));
                execution.setVariable(CampaignProcess.varPhaseEnd(no), Date.from(START.plus(PHASE.multipliedBy(no))));
                execution.setVariable(CampaignProcess.varPhaseName(no), "阶段" + no);
            }
        });
        Mocks.register("campaignCycles", new NoCycles());
        when(tasks.issuePhaseTasks(eq("JT-V1"), anyInt())).thenReturn(1);
        when(phaseEnds.phaseEnded("JT-V1", 1)).thenReturn(new PhaseEnds.OpenWork(2, "环卫所（2 项）：\n  · 案件 JT-2026-000001 垃圾桶满溢", false));
        Mocks.register("issuePhaseTasksDelegate", new IssuePhaseTasksDelegate(tasks));
        Mocks.register("summariseOpenWorkDelegate", new SummariseOpenWorkDelegate(phaseEnds));
        Mocks.register("sendNotificationDelegate", (JavaDelegate) e -> notices.add(e.getVariableLocal("iteration") + ":"
                + e.getVariableLocal("title") + ":" + e.getVariableLocal("openCount")));
        Mocks.register("closeCampaignDelegate", (JavaDelegate) e -> notices.add("close"));
    }

    @AfterEach
    void tearDown() {
        Mocks.reset();
        ClockUtil.reset();
    }

    private void runDueJobs() {
        for (int guard = 0; guard < 50; guard++) {
            List<Job> due = managementService().createJobQuery().executable().orderByJobDuedate().asc().list();
            if (due.isEmpty()) {
                return;
            }
            managementService().executeJob(due.get(0).getId());
        }
        throw new AssertionError("jobs keep coming");
    }

    @Test
    void aVersion1CampaignRunsToItsEndWithTodaysDelegatesAndMessages() {
        ProcessInstance pi = runtimeService().createProcessInstanceByKey(CampaignProcess.KEY).execute();
        runDueJobs();
        assertThat(pi).isWaitingAt("ReceiveTask_AwaitPhase1Tasks");

        ClockUtil.setCurrentTime(Date.from(START.plus(PHASE)));
        runDueJobs();
        assertThat(notices).containsExactly("phase1:九亭镇创建达标镇“阶段1”阶段:2");
        runtimeService().createMessageCorrelation(CampaignProcess.phaseTasksDoneMessage(2)).processInstanceBusinessKey("JT-V1").correlate();
        assertThat(pi).isWaitingAt("TimerEvent_Phase2EndReached");
        for (int no = 2; no <= 3; no++) {
            ClockUtil.setCurrentTime(Date.from(START.plus(PHASE.multipliedBy(no))));
            runDueJobs();
            if (no == 2) {
                runtimeService().createMessageCorrelation(CampaignProcess.phaseTasksDoneMessage(3)).processInstanceBusinessKey("JT-V1").correlate();
            }
        }

        assertThat(pi).isEnded();
        assertThat(notices).last().isEqualTo("close");
    }
}
