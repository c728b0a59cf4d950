package org.shirong.meeting;

import static org.shirong.meeting.JointMeetingProcess.*;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 生成会议议程 ({@code Task_GenerateAgenda}, {@code ${generateAgendaDelegate}}): scores the period, stores
 * the agenda with the real figures and sets what the rest of the meeting needs: {@code agendaUrl},
 * {@code meetingTitle} (the meeting's name with its day, for the record task's name), {@code scorePeriod}, {@code hasNamedUnits}, {@code recordDueAt}, the form's unit and category options and names
 * and the notice's recipients.
 */
@Component
class GenerateAgendaDelegate implements JavaDelegate {

    private final MeetingPapers papers;

    GenerateAgendaDelegate(MeetingPapers papers) {
        this.papers = papers;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object unranked = execution.getVariable(VAR_UNRANKED);
        MeetingPapers.Prepared p = unranked == null ? papers.prepare(MeetingFacts.of(execution), execution.getProcessInstanceId())
                : papers.prepare(MeetingFacts.of(execution), execution.getProcessInstanceId(), unranked.toString());
        execution.setVariable(VAR_SCORE_PERIOD, p.periodCode());
        execution.setVariable(VAR_AGENDA_URL, p.agendaUrl());
        execution.setVariable(VAR_MEETING_TITLE, p.datedName());
        execution.setVariable(VAR_HAS_NAMED_UNITS, p.hasNamedUnits());
        execution.setVariable(VAR_RECORD_DUE_AT, Date.from(p.recordDueAt()));
        MeetingPapers.offer(execution, p.units(), p.categories());
        execution.setVariable(VAR_PARTICIPANTS, p.participantRecipients());
    }
}
