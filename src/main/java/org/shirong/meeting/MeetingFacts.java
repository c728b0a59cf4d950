package org.shirong.meeting;

import static org.shirong.meeting.JointMeetingProcess.*;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Objects;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.shirong.rectification.OwnReferences;

/**
 * A meeting as its process knows it, in the organisation (tenant) of its campaign. The key ({@code <campaign>/<cycle>/<UTC minute>}) names it in the
 * {@code meeting} tables and in its documents' keys, so that retried steps find what they did. A 临时会议 has no campaign
 * nor cycle: its process instance stands for both ({@code adhoc-<instance>/<UTC minute>}), so that its decisions are its own;
 * it may count for a campaign ({@code countsFor}, its 所属活动, empty for none), whose cases and work its decisions then are.
 */
record MeetingFacts(String campaignCode, String campaignName, String cycleId, String meetingName, String organiserGroup,
        Instant meetingAt, String scorePeriod, String organization, String place, String countsFor) {

    MeetingFacts(String campaignCode, String campaignName, String cycleId, String meetingName, String organiserGroup,
            Instant meetingAt, String scorePeriod, String organization, String place) {
        this(campaignCode, campaignName, cycleId, meetingName, organiserGroup, meetingAt, scorePeriod, organization, place,
                campaignCode);
    }

    private static final String AD_HOC = "adhoc-";
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmm'Z'").withZone(ZoneOffset.UTC);

    static MeetingFacts of(VariableScope variables) {
        Date at = (Date) variables.getVariable(VAR_MEETING_AT);
        if (at == null) {
            throw new IllegalStateException("流程变量 " + VAR_MEETING_AT + " 为空，无法确定会议时间");
        }
        String campaign = text(variables, VAR_CAMPAIGN_CODE);
        String cycle = campaign.isEmpty() && variables instanceof org.camunda.bpm.engine.delegate.DelegateExecution execution
                ? AD_HOC + execution.getProcessInstanceId() : text(variables, VAR_CYCLE_ID);
        String adHocCampaign = text(variables, AdHocMeetingProcess.VAR_CAMPAIGN);
        String countsFor = !campaign.isEmpty() ? campaign : AdHocMeetingProcess.NO_CAMPAIGN.equals(adHocCampaign) ? "" : adHocCampaign;
        return new MeetingFacts(campaign, text(variables, VAR_CAMPAIGN_NAME),
                cycle, text(variables, VAR_MEETING_NAME), text(variables, VAR_ORGANISER_GROUP),
                at.toInstant(), text(variables, VAR_SCORE_PERIOD), tenant(variables), text(variables, VAR_PLACE), countsFor);
    }

    /** The organisation (tenant) the meeting's process runs in. */
    private static String tenant(VariableScope variables) {
        if (variables instanceof org.camunda.bpm.engine.delegate.DelegateExecution execution) {
            return execution.getTenantId();
        }
        if (variables instanceof org.camunda.bpm.engine.delegate.DelegateTask task) {
            return task.getTenantId();
        }
        throw new IllegalStateException("无法确定会议所属组织");
    }

    static String key(String campaignCode, String cycleId, Instant meetingAt) {
        return campaignCode + "/" + cycleId + "/" + MINUTE.format(meetingAt);
    }

    String key() {
        return campaignCode.isEmpty() ? cycleId + "/" + MINUTE.format(meetingAt) : key(campaignCode, cycleId, meetingAt);
    }

    /** The campaign the meeting's cases and work count for: its own, a 临时会议's 所属活动, or none (null). */
    String campaignOrNull() {
        return countsFor == null || countsFor.isEmpty() ? null : countsFor;
    }

    /**
     * The external reference of the case decision {@code no} became, e.g. {@code meeting-JT2026-weekly-20261205T0130Z-2}
     * (a 临时会议's {@code meeting-adhoc-<instance>-20261205T0130Z-2}).
     */
    String caseReference(int no) {
        return campaignCode.isEmpty() ? OwnReferences.meetingDecision(cycleId, MINUTE.format(meetingAt), no)
                : OwnReferences.meetingDecision(campaignCode, cycleId, MINUTE.format(meetingAt), no);
    }

    private static String text(VariableScope variables, String name) {
        return Objects.toString(variables.getVariable(name), "").strip();
    }
}
