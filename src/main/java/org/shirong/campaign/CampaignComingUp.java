package org.shirong.campaign;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.runtime.Execution;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.shirong.meeting.Meetings;
import org.shirong.system.ChineseDates;
import org.shirong.system.SystemAccess;
import org.springframework.stereotype.Component;

/**
 * The 驾驶舱's 近期安排 (jtreview-s59 T4): for each of the campaign's cycles (工作例会, 月度工作报告, 季度检查, 年度考核) its next
 * run, as the engine will hold it — the due date of the cycle's {@code TimerEvent_CycleDue} job in the campaign's process,
 * with the meeting day the cycle's {@code Task_ScheduleNextRun} set beside it (a meeting's timer fires when its notice and
 * agenda go out) — and a meeting already convened and not yet held. Nothing is recomputed from the template: a run moved
 * to a working day, or a cycle whose runs are over, reads as the engine has it. Four queries whatever the cycles, read on
 * Shirong's behalf (a leader reading the 驾驶舱 may not read the campaign's process).
 */
@Component
class CampaignComingUp {

    /**
     * A cycle's next run: {@code name} the cycle's (工作例会), {@code kindName} what it is (会议、报告、检查、考核), {@code at} when it
     * is held and {@code day} that day as people read it (2026年12月21日); {@code note}: for a meeting, when its notice and
     * agenda go out (or went out), else null; {@code text}: the line as the 驾驶舱 prints it.
     */
    record ComingUp(String cycleId, String kind, String kindName, String name, Instant at, String day, String note, String text) {
    }

    private final RuntimeService runtimeService;
    private final ManagementService managementService;
    private final SystemAccess systemAccess;
    private final CampaignCycles cycles;
    private final Meetings meetings;

    CampaignComingUp(RuntimeService runtimeService, ManagementService managementService, SystemAccess systemAccess,
            CampaignCycles cycles, Meetings meetings) {
        this.runtimeService = runtimeService;
        this.managementService = managementService;
        this.systemAccess = systemAccess;
        this.cycles = cycles;
        this.meetings = meetings;
    }

    /** The campaign's next run of each cycle still ahead of {@code now}, soonest first; empty once its cycles are over. */
    List<ComingUp> of(String code, Instant now, ZoneId zone) {
        Map<String, ComingUp> byCycle = new HashMap<>();
        // a meeting convened (its agenda out) and not yet held comes before the run the cycle's timer now waits for
        meetings.upcoming(code, now).forEach(m -> byCycle.putIfAbsent(m.cycleId(), line(code, m.cycleId(), CycleKind.MEETING,
                m.meetingAt(), "会议通知和议程已于" + ChineseDates.DAY.format(m.convenedAt().atZone(zone)) + "发出", zone)));
        systemAccess.run(() -> {
            timers(code).forEach((cycleId, run) -> byCycle.putIfAbsent(cycleId, run.kind() == CycleKind.MEETING
                    ? line(code, cycleId, run.kind(), run.heldAt(), "会议通知和议程将于"
                            + ChineseDates.DAY.format(run.dueAt().atZone(zone)) + "发出", zone)
                    : line(code, cycleId, run.kind(), run.dueAt(), null, zone)));
            return null;
        });
        return byCycle.values().stream().sorted(Comparator.comparing(ComingUp::at).thenComparing(ComingUp::name)).toList();
    }

    /** A cycle's run its timer waits for: the job's due date, and the time the meeting is held (the due date for other work). */
    private record Timer(CycleKind kind, Instant dueAt, Instant heldAt) {
    }

    /**
     * The cycles' timers of the campaign's process, by cycle: one query each for the process, its cycle timers, its
     * executions (to find each timer's cycle, a variable of the multi-instance's execution above it) and their variables.
     */
    private Map<String, Timer> timers(String code) {
        ProcessInstance process = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(code)
                .processDefinitionKey(CampaignProcess.KEY).active().list().stream().findFirst().orElse(null);
        if (process == null) {
            return Map.of();
        }
        List<Job> jobs = managementService.createJobQuery().processInstanceId(process.getId())
                .activityId(CampaignProcess.TIMER_CYCLE_DUE).timers().list();
        if (jobs.isEmpty()) {
            return Map.of();
        }
        Map<String, String> parents = new HashMap<>();
        for (Execution e : runtimeService.createExecutionQuery().processInstanceId(process.getId()).list()) {
            parents.put(e.getId(), ((ExecutionEntity) e).getParentId());
        }
        Map<String, Map<String, Object>> variables = new HashMap<>();
        for (VariableInstance v : runtimeService.createVariableInstanceQuery().processInstanceIdIn(process.getId())
                .variableNameIn(CampaignProcess.VAR_CYCLE_ID, CampaignProcess.VAR_CYCLE_KIND, CampaignProcess.VAR_NEXT_RUN_HELD_AT)
                .disableBinaryFetching().disableCustomObjectDeserialization().list()) {
            variables.computeIfAbsent(v.getExecutionId(), k -> new HashMap<>()).put(v.getName(), v.getValue());
        }
        Map<String, Timer> byCycle = new HashMap<>();
        for (Job job : jobs) {
            String cycleId = (String) nearest(job.getExecutionId(), CampaignProcess.VAR_CYCLE_ID, parents, variables);
            String kind = (String) nearest(job.getExecutionId(), CampaignProcess.VAR_CYCLE_KIND, parents, variables);
            Date held = (Date) nearest(job.getExecutionId(), CampaignProcess.VAR_NEXT_RUN_HELD_AT, parents, variables);
            if (cycleId == null || kind == null || job.getDuedate() == null) {
                continue;
            }
            Instant due = job.getDuedate().toInstant();
            byCycle.put(cycleId, new Timer(CycleKind.valueOf(kind), due, held == null ? due : held.toInstant()));
        }
        return byCycle;
    }

    /** The variable as the execution sees it: its own, or the nearest execution's above it. */
    private static Object nearest(String executionId, String name, Map<String, String> parents,
            Map<String, Map<String, Object>> variables) {
        for (String id = executionId; id != null; id = parents.get(id)) {
            Object value = variables.getOrDefault(id, Map.of()).get(name);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private ComingUp line(String code, String cycleId, CycleKind kind, Instant at, String note, ZoneId zone) {
        String name = cycleName(code, cycleId);
        String day = ChineseDates.DAY.format(at.atZone(zone));
        return new ComingUp(cycleId, kind.name(), kind.label(), name, at, day, note,
                "下次" + name + "：" + day + (note == null ? "" : "（" + note + "）"));
    }

    /** The cycle's name in the campaign's template; its id when the template no longer has it. */
    private String cycleName(String code, String cycleId) {
        try {
            return cycles.cycle(code, cycleId).name();
        } catch (RuntimeException gone) {
            return cycleId;
        }
    }
}
