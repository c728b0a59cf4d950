package org.shirong.meeting;

import static org.shirong.meeting.JointMeetingProcess.*;
import static org.shirong.system.ChineseDates.MINUTE;

import java.util.Objects;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.spin.plugin.variable.SpinValues;
import org.shirong.calendar.WorkingCalendars;
import org.shirong.organization.Organizations;
import org.shirong.system.DateWindow;
import org.springframework.stereotype.Component;

/**
 * End of 召开会议并记录 ({@code Task_HoldMeeting}, execution listener {@code ${meetingRecordedListener}}): refuses a
 * record with a problem ({@link MeetingRecordCheck}) so that Tasklist shows it and nothing is saved;
 * otherwise keeps the decisions as read and resolved ({@code recordedDecisions}), how many 落实会议决定
 * carries out and who recorded them; a 通报 decision makes the meeting issue its period's 通报 ({@code hasNamedUnits})
 * unless an earlier meeting has. A 临时会议's record may not hold a 通报 decision. Serves the 临时会议's 召开会议并记录 ({@code Task_HoldAdHocMeeting}) as well.
 * A meeting is recorded once held: before its {@code meetingAt} the record is refused naming the meeting time, so that no
 * 纪要 is dated before its meeting and no decision is carried out before it is taken (jtreview-s56 T13).
 */
@Component
class MeetingRecordedListener implements ExecutionListener {

    private final WorkingCalendars calendars;
    private final DateWindow dates;
    private final Organizations organizations;
    private final MeetingPapers papers;

    MeetingRecordedListener(WorkingCalendars calendars, DateWindow dates, Organizations organizations, MeetingPapers papers) {
        this.papers = papers;
        this.calendars = calendars;
        this.dates = dates;
        this.organizations = organizations;
    }

    @Override
    public void notify(DelegateExecution execution) {
        if (execution.isCanceled()) {
            return; // the meeting's process is deleted (Cockpit's 取消): nothing was recorded, nothing to check
        }
        var calendar = calendars.of(execution.getTenantId());
        if (execution.getVariable(VAR_MEETING_AT) instanceof java.util.Date meetingAt
                && ClockUtil.getCurrentTime().toInstant().isBefore(meetingAt.toInstant())) {
            throw new FormFieldValidationException(VAR_MEETING_AT, "会议尚未召开（" + MINUTE.format(meetingAt.toInstant()
                    .atZone(calendar.zone())) + "），请在会议开始后再记录会议纪要和决定事项");
        }
        boolean campaignMeeting = !Objects.toString(execution.getVariable(VAR_CAMPAIGN_CODE), "").isEmpty();
        var checked = MeetingRecordCheck.check(Objects.toString(execution.getVariable(VAR_MINUTES), null),
                execution.getVariable(VAR_DECISIONS),
                DecisionInput.options(execution.getVariable(VAR_UNIT_OPTIONS)), organizations.townNamesByOffice(execution.getTenantId()),
                DecisionInput.options(execution.getVariable(VAR_CATEGORY_OPTIONS)),
                ClockUtil.getCurrentTime().toInstant().atZone(calendar.zone()).toLocalDate(), dates, calendar, campaignMeeting);
        if (checked.problem() != null) {
            throw new FormFieldValidationException(checked.problem().field(), checked.problem().message());
        }
        execution.setVariable(VAR_RECORDED_DECISIONS, SpinValues.jsonValue(
                DecisionInput.json(checked.decisions().stream().map(DecisionInput::row).toList())).create());
        execution.setVariable(VAR_DECISION_COUNT, checked.decisions().size());
        // a unit decided for the 通报 (通报｜单位｜原因) goes into this meeting's 通报 of its period, unless an earlier
        // meeting has issued that one: then into the campaign's next
        if (campaignMeeting && checked.decisions().stream().anyMatch(DecisionInput::isNotice)
                && !papers.noticeIssued(MeetingFacts.of(execution))) {
            execution.setVariable(VAR_HAS_NAMED_UNITS, true);
        }
        Authentication user = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        execution.setVariable(VAR_RECORDED_BY, user == null ? "" : user.getUserId());
    }
}
