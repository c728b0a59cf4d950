package org.shirong.meeting;

import org.shirong.system.ProcessDefinitions;
import java.time.Instant;
import java.util.Map;
import java.util.HashMap;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.shirong.campaign.WorkAssignmentProcess;
import org.shirong.rectification.CaseSource;
import org.shirong.rectification.NewCase;
import org.shirong.rectification.RectificationCases;
import org.shirong.system.SystemAccess;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Carries out one decision of a meeting: a case decision becomes a rectification case with source
 * MEETING (its external reference names the meeting and the decision), a task decision a
 * {@code WorkAssignmentProcess} for the unit, a 通报 decision is kept for the campaign's next 通报
 * ({@link MeetingNoticeUnits}). The outcome is recorded in {@code meeting_decision}, so
 * a retried step returns it instead of creating anything again.
 */
@Service
class MeetingDecisions {

    private final ProcessDefinitions definitions;

    private final MeetingRecords records;
    private final RectificationCases cases;
    private final RuntimeService runtimeService;
    private final SystemAccess systemAccess;
    private final MeetingPapers papers;

    MeetingDecisions(ProcessDefinitions definitions, MeetingRecords records, RectificationCases cases, RuntimeService runtimeService, SystemAccess systemAccess,
            MeetingPapers papers) {
        this.definitions = definitions;
        this.records = records;
        this.cases = cases;
        this.runtimeService = runtimeService;
        this.systemAccess = systemAccess;
        this.papers = papers;
    }

    @Transactional
    MeetingRecords.Outcome carryOut(MeetingFacts m, DecisionInput d, String actor) {
        var done = records.outcome(m.key(), d.no());
        if (done.isPresent()) {
            return done.get();
        }
        String unitName = papers.unitName(m.organization(), d.unit());
        // a 通报 decision is kept as it is (meeting_decision, no 通报 yet): the campaign's next 通报 names the unit
        MeetingRecords.Outcome outcome = d.isNotice() ? new MeetingRecords.Outcome(null, null)
                : d.isCase() ? reportCase(m, d, unitName, actor) : assign(m, d, unitName);
        Instant now = ClockUtil.getCurrentTime().toInstant();
        records.addDecision(m.key(), d, outcome, now);
        return outcome;
    }

    private MeetingRecords.Outcome reportCase(MeetingFacts m, DecisionInput d, String unitName, String actor) {
        NewCase c = new NewCase(title(d.content()), d.category(), "NORMAL", CaseSource.MEETING.name(),
                new NewCase.Location(d.address(), null, null, null), requirement(m, d, unitName), m.caseReference(d.no()),
                m.campaignOrNull(), null);
        var directions = new RectificationCases.Directions(d.unit(), null, java.time.LocalDate.parse(d.due()));
        return new MeetingRecords.Outcome(cases.reportCampaignWork(m.organization(), c, actor, directions).record().caseNo(), null);
    }

    /**
     * A work assignment for the unit, started in the meeting's organisation: a district's decision for one of its towns (its
     * office) is called by the 工作交办 process into the town's own organisation ({@code CallActivity_TownHandlesAssignment}),
     * where the town's office does it, as work the district's office hands a town from 发起流程; the district's process
     * waits for it, and its office is told when it is overdue. The business key is the campaign's code (none for a 临时会议).
     */
    private MeetingRecords.Outcome assign(MeetingFacts m, DecisionInput d, String unitName) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(WorkAssignmentProcess.VAR_TITLE, title(d.content()));
        variables.put(WorkAssignmentProcess.VAR_UNIT_GROUP, d.unit());
        variables.put(WorkAssignmentProcess.VAR_REQUIREMENT, requirement(m, d, unitName));
        variables.put(WorkAssignmentProcess.VAR_DUE_DATE, d.due());
        variables.put(WorkAssignmentProcess.VAR_MEETING_NAME, m.meetingName());
        variables.put(WorkAssignmentProcess.VAR_CAMPAIGN_NAME, m.campaignName());
        String instanceId = systemAccess.run(() -> runtimeService.createProcessInstanceById(
                definitions.latestId(WorkAssignmentProcess.KEY, m.organization())).businessKey(m.campaignOrNull())
                .setVariables(variables).execute().getId());
        return new MeetingRecords.Outcome(null, instanceId);
    }

    private static String title(String content) {
        String line = content.lines().findFirst().orElse(content).strip();
        return line.length() > 60 ? line.substring(0, 60) + "…" : line;
    }

    private static String requirement(MeetingFacts m, DecisionInput d, String unitName) {
        String text = m.meetingName() + "决定：" + d.content() + "\n责任单位：" + unitName + "；完成期限：" + d.due();
        return text.length() > 4000 ? text.substring(0, 4000) : text;
    }
}
