package org.shirong.meeting;

import static org.shirong.meeting.JointMeetingProcess.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 生成会议纪要 ({@code Task_GenerateMinutes}, {@code ${generateMinutesDelegate}}, after 落实会议决定): stores the
 * minutes with attendance and the decisions as recorded, each with what became of it (the case number of a decision made a case), and sets {@code minutesUrl}; {@code hasNamedUnits} turns false when another
 * meeting of the campaign issued the period's 通报 since this one's agenda was prepared; the minutes of a meeting that issues it
 * say so (the 通报 reads “经工作例会研究”, jtreview-s59 T11).
 */
@Component
class GenerateMinutesDelegate implements JavaDelegate {

    private final MeetingPapers papers;

    GenerateMinutesDelegate(MeetingPapers papers) {
        this.papers = papers;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var attendees = DecisionInput.tree(execution.getVariable(VAR_ATTENDEES));
        List<String> attendeeIds = new ArrayList<>();
        if (attendees != null) {
            attendees.forEach(a -> attendeeIds.add(a.asText()));
        }
        MeetingFacts meeting = MeetingFacts.of(execution);
        var decisions = papers.decisionLines(execution.getTenantId(), meeting, DecisionInput.recorded(execution));
        boolean issuesNotice = Boolean.TRUE.equals(execution.getVariable(VAR_HAS_NAMED_UNITS)) && !papers.noticeIssued(meeting);
        var minutes = papers.minutes(meeting, Objects.toString(execution.getVariable(VAR_MINUTES), ""),
                attendeeIds, decisions, issuesNotice, execution.getProcessInstanceId());
        execution.setVariable(VAR_MINUTES_URL, minutes.url());
        if (!issuesNotice) {
            execution.setVariable(VAR_HAS_NAMED_UNITS, false);
        }
    }
}
