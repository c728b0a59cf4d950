package org.shirong.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.shirong.campaign.CampaignProcess.*;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Date;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
import org.shirong.notification.SendTaskParameters;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.shirong.system.SharesJvm;

/**
 * Every path of 创建活动 with its delegates replaced by recorders: phases finished early wait for their
 * end date, phases that end with open work list it and carry on, a phase without tasks, and cycles that
 * convene meetings, calculate scores and hand out tasks until the campaign ends. The real services are
 * driven through all three templates in {@link CampaignTemplatesRunTest}.
 */
@Deployment(resources = "processes/CampaignProcess.bpmn")
@SharesJvm
class CampaignProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension.builder()
            .configurationResource(ProcessTestEngine.CONFIGURATION).assertClassCoverageAtLeast(1.0).build();

    private static final Instant START = Instant.parse("2026-03-01T01:00:00Z");
    private static final Duration PHASE = Duration.ofDays(30);

    ProcessEngine processEngine;
    final List<String> calls = new ArrayList<>();
    /** The phase's last day each phase-end notice was given (the notice says the phase ended on it, s54 L1). */
    final List<String> lastDays = new ArrayList<>();
    final Map<Integer, Integer> openTasks = new HashMap<>();
    final Map<Integer, Integer> openWork = new HashMap<>();
    final Map<String, Deque<Instant>> runs = new HashMap<>();
    List<String> cycleIds = List.of();
    List<Integer> phaseNos = List.of(1, 2, 3);
    /** What 结束活动 answers: when the last month's 通报 is due, for a campaign that ended mid-month (else null). */
    Instant lastMonthNoticeAt;

    /** The phases of the diagram's 活动阶段: {@code campaignPhases.numbers(campaignCode)} and each phase's name and dates. */
    public class Phases {
        public List<Integer> numbers(String campaignCode) {
            return phaseNos;
        }

        public String name(String campaignCode, int no) {
            return "阶段" + no;
        }

        public Date start(String campaignCode, int no) {
            return Date.from(START.plus(PHASE.multipliedBy(no - 1)));
        }

        public Date end(String campaignCode, int no) {
            return Date.from(phaseEnd(no));
        }

        public String lastDay(String campaignCode, int no) {
            return "阶段" + no + "的最后一天";
        }
    }

    /** The cycle collection of the diagram: {@code campaignCycles.ids(campaignCode)}. */
    public class Cycles {
        public List<String> ids(String campaignCode) {
            return cycleIds;
        }
    }

    @BeforeEach
    void setUp() {
        init(processEngine);
        ClockUtil.setCurrentTime(Date.from(START));
        Mocks.register("registerCampaignListener", (ExecutionListener) execution -> {
            execution.setProcessBusinessKey("JT-TEST");
            execution.setVariable(VAR_CAMPAIGN_CODE, "JT-TEST");
            execution.setVariable(VAR_CAMPAIGN_NAME, "九亭镇创建达标镇");
        });
        Mocks.register("campaignPhases", new Phases());
        Mocks.register("campaignCycles", new Cycles());
        Mocks.register("issuePhaseTasksDelegate", (JavaDelegate) e -> {
            int no = ((Number) e.getVariable(VAR_PHASE_NO)).intValue();
            calls.add("issue" + no);
            e.setVariable(VAR_OPEN_TASK_COUNT, openTasks.getOrDefault(no, 0));
        });
        Mocks.register("summariseOpenWorkDelegate", (JavaDelegate) e -> {
            int no = ((Number) e.getVariable(VAR_PHASE_NO)).intValue();
            calls.add("summarise" + no);
            e.setVariable(VAR_OPEN_WORK_COUNT, openWork.getOrDefault(no, 0));
            e.setVariable(VAR_OPEN_WORK_LIST, "城管中队（1 项）：\n  · 任务：签订目标责任书");
            e.setVariable(VAR_OPEN_WORK_AT_CAMPAIGN_END, no == phaseNos.size());
        });
        Mocks.register("sendNotificationDelegate", (JavaDelegate) e -> {
            Map<String, Object> sent = SendTaskParameters.of(e);
            calls.add("notify:" + sent.get("iteration") + ":" + sent.get("openCount") + ":" + sent.get("title")
                    + (Boolean.TRUE.equals(sent.get("campaignEnded")) ? ":campaignEnded" : ""));
            lastDays.add((String) sent.get("lastDay"));
        });
        Mocks.register("closeCampaignDelegate", (JavaDelegate) e -> {
            calls.add("close");
            e.setVariable(VAR_LAST_MONTH_NOTICE_AT, lastMonthNoticeAt == null ? null : Date.from(lastMonthNoticeAt));
        });
        Mocks.register("issueLastMonthNoticeDelegate", (JavaDelegate) e -> calls.add("lastMonthNotice"));
        Mocks.register("scheduleCycleRunDelegate", (JavaDelegate) e -> {
            String cycle = (String) e.getVariable(VAR_CYCLE_ID);
            Instant next = runs.get(cycle).poll();
            e.setVariableLocal(VAR_CYCLE_RUNS_AGAIN, next != null);
            e.setVariableLocal(VAR_NEXT_RUN_AT, next == null ? null : Date.from(next));
            e.setVariableLocal(VAR_CYCLE_KIND, cycle.startsWith("meeting") ? "MEETING" : "REPORT");
            e.setVariableLocal(VAR_SCORE_PERIOD, cycle.endsWith("Scored") ? "2026-02" : null);
        });
        Mocks.register("conveneMeetingDelegate", (JavaDelegate) e -> calls.add("meeting:" + e.getVariable(VAR_CYCLE_ID)));
        Mocks.register("calculateScoresDelegate", (JavaDelegate) e -> calls.add("scores:" + e.getVariable(VAR_SCORE_PERIOD)));
        Mocks.register("issueCycleTasksDelegate", (JavaDelegate) e -> calls.add("cycleTasks:" + e.getVariable(VAR_CYCLE_ID)));
    }

    @AfterEach
    void tearDown() {
        Mocks.reset();
        ClockUtil.reset();
    }

    private ProcessInstance start() {
        return runtimeService().createProcessInstanceByKey(KEY).execute();
    }

    private void at(Instant instant) {
        ClockUtil.setCurrentTime(Date.from(instant));
    }

    private static Instant phaseEnd(int no) {
        return START.plus(PHASE.multipliedBy(no));
    }

    /** Executes every job due now, as the job executor would, until none is left. */
    private void runDueJobs() {
        for (int guard = 0; guard < 200; guard++) {
            List<Job> due = managementService().createJobQuery().executable().orderByJobDuedate().asc().list();
            if (due.isEmpty()) {
                return;
            }
            managementService().executeJob(due.get(0).getId());
        }
        throw new AssertionError("jobs keep coming");
    }

    private void tasksDone(int phaseNo) {
        runtimeService().createMessageCorrelation(phaseTasksDoneMessage(phaseNo)).processInstanceBusinessKey("JT-TEST").correlateAll();
    }

    /** The execution of the phase now running: the inner instance of 活动阶段, which holds its name and dates. */
    private String phaseExecution() {
        return runtimeService().getActivityInstance(runtimeService().createProcessInstanceQuery().singleResult().getId())
                .getActivityInstances(CampaignProcess.PHASE)[0].getExecutionIds()[0];
    }

    @Test
    void phasesFinishedEarlyWaitForTheirEndDateAndTheCampaignEnds() {
        openTasks.put(1, 2);
        openTasks.put(2, 1);
        openTasks.put(3, 1);
        ProcessInstance pi = start();
        assertThat(pi).isStarted().hasBusinessKey("JT-TEST");
        runDueJobs();
        assertThat(pi).isWaitingAt(AWAIT_PHASE_TASKS);
        assertThat(runtimeService().getVariable(phaseExecution(), VAR_PHASE_NAME)).isEqualTo("阶段1");

        tasksDone(1);
        assertThat(pi).isWaitingAt(TIMER_PHASE_END);
        assertThat(calls).containsExactly("issue1");
        at(phaseEnd(1));
        runDueJobs();
        assertThat(pi).isWaitingAt(AWAIT_PHASE_TASKS);
        assertThat(runtimeService().getVariable(phaseExecution(), VAR_PHASE_NAME)).isEqualTo("阶段2");
        tasksDone(2);
        at(phaseEnd(2));
        runDueJobs();
        tasksDone(3);
        at(phaseEnd(3));
        runDueJobs();

        assertThat(pi).hasPassed(TASK_CLOSE_CAMPAIGN, END_CAMPAIGN_ENDED).isEnded();
        assertThat(calls).containsExactly("issue1", "summarise1", "issue2", "summarise2", "issue3", "summarise3", "close");
    }

    @Test
    void campaignStartedAheadOfItsFirstDayWaitsForIt() {
        at(START.minus(Duration.ofDays(5)));
        ProcessInstance pi = start();
        runDueJobs();
        assertThat(pi).isWaitingAt(TIMER_PHASE_START);
        assertThat(calls).isEmpty();

        at(START);
        runDueJobs();

        assertThat(pi).isWaitingAt(TIMER_PHASE_END);
        assertThat(calls).containsExactly("issue1");
    }

    @Test
    void phaseEndWithOpenWorkListsItToTheLeadingGroupAndTheNextPhaseStarts() {
        openTasks.put(1, 3);
        openWork.put(1, 3);
        ProcessInstance pi = start();
        runDueJobs();

        at(phaseEnd(1));
        runDueJobs();

        assertThat(pi).hasPassed(SUMMARISE_OPEN_WORK, NOTIFY_OPEN_WORK).isWaitingAt(TIMER_PHASE_END);
        assertThat(calls).containsExactly("issue1", "summarise1", "notify:phase1:3:九亭镇创建达标镇“阶段1”阶段", "issue2");
        assertThat(lastDays).containsExactly("阶段1的最后一天");
        assertThat(runtimeService().createEventSubscriptionQuery().eventName(phaseTasksDoneMessage(1)).count())
                .as("the ended phase no longer waits; its tasks carry on on their own").isZero();
    }

    @Test
    void everyPhaseEndingWithOpenWorkNotifiesAndTheCampaignStillEndsOnTime() {
        for (int no = 1; no <= 3; no++) {
            openTasks.put(no, 1);
            openWork.put(no, no);
        }
        ProcessInstance pi = start();
        for (int no = 1; no <= 3; no++) {
            runDueJobs();
            at(phaseEnd(no));
        }
        runDueJobs();

        assertThat(pi).hasPassed(NOTIFY_OPEN_WORK, END_CAMPAIGN_ENDED).isEnded();
        assertThat(calls).containsSubsequence("notify:phase1:1:九亭镇创建达标镇“阶段1”阶段", "notify:phase2:2:九亭镇创建达标镇“阶段2”阶段",
                "notify:phase3:3:九亭镇创建达标镇“阶段3”阶段:campaignEnded", "close");
    }

    @Test
    void phaseEndsWhoseTasksWereDoneJustThenAreRecordedWithoutNotifying() {
        for (int no = 1; no <= 3; no++) {
            openTasks.put(no, 1);
        }
        ProcessInstance pi = start();
        for (int no = 1; no <= 3; no++) {
            runDueJobs();
            at(phaseEnd(no));
        }
        runDueJobs();

        assertThat(pi).hasPassed(SUMMARISE_OPEN_WORK).isEnded();
        assertThat(calls).containsSubsequence("summarise1", "summarise2", "summarise3");
        assertThat(calls).noneMatch(c -> c.startsWith("notify"));
    }

    @Test
    void phasesWithoutTasksWaitForTheirEndDate() {
        ProcessInstance pi = start();
        runDueJobs();
        assertThat(pi).isWaitingAt(TIMER_PHASE_END);

        for (int no = 1; no <= 3; no++) {
            at(phaseEnd(no));
            runDueJobs();
        }

        assertThat(pi).hasPassed(END_PHASE_NOTHING_OPEN).isEnded();
        assertThat(calls).containsExactly("issue1", "summarise1", "issue2", "summarise2", "issue3", "summarise3", "close");
    }

    @Test
    void aTemplateWithTwoPhasesRunsTwoAndEachPhaseCarriesItsOwnNameAndDates() {
        phaseNos = List.of(1, 2);
        openTasks.put(2, 1);
        openWork.put(2, 4);
        ProcessInstance pi = start();
        runDueJobs();
        assertThat(runtimeService().getVariable(phaseExecution(), VAR_PHASE_END)).isEqualTo(Date.from(phaseEnd(1)));

        at(phaseEnd(1));
        runDueJobs();
        assertThat(runtimeService().getVariable(phaseExecution(), VAR_PHASE_NAME)).isEqualTo("阶段2");
        tasksDone(1);
        assertThat(pi).as("a late message of the phase that ended moves nothing").isWaitingAt(AWAIT_PHASE_TASKS);
        at(phaseEnd(2));
        runDueJobs();

        assertThat(pi).isEnded();
        assertThat(calls).containsExactly("issue1", "summarise1", "issue2", "summarise2",
                "notify:phase2:4:九亭镇创建达标镇“阶段2”阶段:campaignEnded", "close");
    }

    @Test
    void cyclesConveneMeetingsCalculateScoresAndHandOutTasksUntilTheCampaignEnds() {
        cycleIds = List.of("meeting", "reportScored", "report");
        Instant firstRun = START.plus(Duration.ofDays(4));
        runs.put("meeting", new ArrayDeque<>(List.of(firstRun)));
        runs.put("reportScored", new ArrayDeque<>(List.of(firstRun)));
        runs.put("report", new ArrayDeque<>(List.of(firstRun)));
        ProcessInstance pi = start();
        runDueJobs();
        assertThat(managementService().createJobQuery().activityId(TIMER_CYCLE_DUE).count()).isEqualTo(3);

        at(firstRun);
        runDueJobs();

        assertThat(calls).contains("meeting:meeting", "scores:2026-02", "cycleTasks:reportScored", "cycleTasks:report")
                .doesNotContain("scores:null");
        assertThat(pi).hasPassed(TASK_CONVENE_MEETING, TASK_CALCULATE_CYCLE_SCORES, TASK_ISSUE_CYCLE_TASKS, END_CYCLE_FINISHED);
        assertThat(managementService().createJobQuery().activityId(TIMER_CYCLE_DUE).count()).isZero();
        at(phaseEnd(3));
        runDueJobs();
        assertThat(pi).isEnded();
    }

    @Test
    void campaignEndStopsCyclesStillWaiting() {
        cycleIds = List.of("meeting");
        runs.put("meeting", new ArrayDeque<>(List.of(phaseEnd(3).plus(Duration.ofDays(1)))));
        ProcessInstance pi = start();
        runDueJobs();
        assertThat(managementService().createJobQuery().activityId(TIMER_CYCLE_DUE).count()).isEqualTo(1);

        at(phaseEnd(3));
        runDueJobs();

        assertThat(pi).isEnded();
        assertThat(managementService().createJobQuery().count()).isZero();
        assertThat(calls).doesNotContain("meeting:meeting");
    }

    @Test
    void aCampaignEndedMidMonthIssuesItsLastMonthsNoticeOnceTheMonthIsOverAndThenEnds() {
        lastMonthNoticeAt = phaseEnd(3).plus(Duration.ofDays(16));
        ProcessInstance pi = start();
        for (int no = 1; no <= 3; no++) {
            runDueJobs();
            at(phaseEnd(no));
        }
        runDueJobs();

        assertThat(pi).hasPassed(TASK_CLOSE_CAMPAIGN).isWaitingAt(TIMER_LAST_MONTH_OVER);
        assertThat(calls).endsWith("close");
        at(lastMonthNoticeAt.minusSeconds(1));
        runDueJobs();
        assertThat(calls).as("not before the month is over").doesNotContain("lastMonthNotice");

        at(lastMonthNoticeAt);
        runDueJobs();

        assertThat(pi).hasPassed(TASK_ISSUE_LAST_MONTH_NOTICE, END_LAST_MONTH_NOTICED).isEnded();
        assertThat(calls).endsWith("close", "lastMonthNotice").filteredOn("lastMonthNotice"::equals).hasSize(1);
        assertThat(managementService().createJobQuery().count()).isZero();
    }
}
