package org.shirong.meeting;

import static org.shirong.meeting.JointMeetingProcess.*;

import java.time.ZoneId;
import java.util.Objects;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.shirong.calendar.WorkingCalendar;
import org.springframework.stereotype.Component;

/**
 * End of 召开会议并记录 ({@code Task_HoldMeeting}, execution listener {@code ${meetingRecordedListener}}): refuses a
 * record with a problem ({@link MeetingRecordCheck}) so that Tasklist shows it and nothing is saved;
 * otherwise sets how many decisions 落实会议决定 carries out and who recorded them.
 */
@Component
class MeetingRecordedListener implements ExecutionListener {

    private final ZoneId zone;

    MeetingRecordedListener(WorkingCalendar calendar) {
        this.zone = calendar.zone();
    }

    @Override
    public void notify(DelegateExecution execution) {
        var decisions = DecisionInput.all(execution.getVariable(VAR_DECISIONS));
        MeetingRecordCheck.firstProblem(Objects.toString(execution.getVariable(VAR_MINUTES), null), decisions,
                        DecisionInput.optionValues(execution.getVariable(VAR_UNIT_OPTIONS)),
                        DecisionInput.optionValues(execution.getVariable(VAR_CATEGORY_OPTIONS)),
                        ClockUtil.getCurrentTime().toInstant().atZone(zone).toLocalDate())
                .ifPresent(p -> {
                    throw new FormFieldValidationException(p.field(), p.message());
                });
        execution.setVariable(VAR_DECISION_COUNT, decisions.size());
        Authentication user = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        execution.setVariable(VAR_RECORDED_BY, user == null ? "" : user.getUserId());
    }
}
