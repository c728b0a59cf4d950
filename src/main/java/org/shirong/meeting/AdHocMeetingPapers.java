package org.shirong.meeting;

import static org.shirong.meeting.AdHocMeetingProcess.*;

import java.util.Arrays;
import java.util.Date;
import java.util.Objects;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.shirong.organization.Organizations;
import org.shirong.report.MeetingDocuments;
import org.shirong.report.MeetingDocuments.AdHocMeeting;
import org.springframework.stereotype.Service;

/**
 * The papers of a 临时会议, its organisation's documents as a campaign meeting's are its campaign's: the notice with the
 * agenda when it is called ({@code agendaUrl}, where the 【会议通知】 leads) and the minutes once recorded
 * ({@code minutesUrl}) with its 决定事项, both listed at {@code GET /api/documents}; the units called may read them, a town's office
 * called by its district too. The minutes of a meeting that counts for a campaign (所属活动) are that campaign's document.
 */
@Service
class AdHocMeetingPapers {

    private final MeetingDocuments documents;
    private final Organizations organizations;
    private final MeetingPapers papers;

    AdHocMeetingPapers(MeetingDocuments documents, Organizations organizations, MeetingPapers papers) {
        this.documents = documents;
        this.organizations = organizations;
        this.papers = papers;
    }

    /** The notice with the agenda, and the units and categories the record offers for its 决定事项. */
    void agenda(DelegateExecution execution) {
        execution.setVariable(VAR_AGENDA_URL, documents.adHocAgenda(meeting(execution), execution.getProcessInstanceId()).url());
        papers.offerAdHoc(execution, execution.getTenantId());
    }

    /** The minutes with the 决定事项 as recorded ({@code recordedDecisions}), which 落实会议决定 then carries out. */
    void minutes(DelegateExecution execution) {
        execution.setVariable(VAR_MINUTES_URL, documents.adHocMinutes(meeting(execution), text(execution, VAR_MINUTES),
                papers.decisionLines(execution.getTenantId(), null, DecisionInput.recorded(execution)), execution.getProcessInstanceId()).url());
    }

    private AdHocMeeting meeting(DelegateExecution execution) {
        String organiser = text(execution, VAR_ORGANISER_GROUP);
        return new AdHocMeeting(execution.getTenantId(), text(execution, VAR_MEETING_NAME),
                organizations.groupName(organiser).orElse(organiser), ((Date) execution.getVariable(VAR_MEETING_AT)).toInstant(),
                text(execution, VAR_PLACE), Arrays.stream(text(execution, VAR_PARTICIPANTS).split(","))
                        .map(recipient -> recipient.strip().replaceFirst("^group:", "")).filter(group -> !group.isEmpty()).toList(),
                text(execution, VAR_ATTENDEE_NAMES), text(execution, VAR_AGENDA), MeetingFacts.of(execution).campaignOrNull(),
                execution.hasVariable(VAR_CAMPAIGN_NAME) ? text(execution, VAR_CAMPAIGN_NAME) : null);
    }

    private static String text(DelegateExecution execution, String name) {
        return Objects.toString(execution.getVariable(name), "").strip();
    }
}
