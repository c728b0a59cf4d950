package org.shirong.meeting;

import static org.shirong.meeting.AdHocMeetingProcess.*;
import static org.shirong.system.ChineseDates.MINUTE;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.spin.json.SpinJsonNode;
import org.shirong.calendar.WorkingCalendar;
import org.shirong.calendar.WorkingCalendars;
import org.shirong.organization.OrganizationRecords;
import org.shirong.organization.OrganizationRoles;
import org.shirong.organization.Organizations;
import org.shirong.system.DateWindow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * 临时会议已召集 (end of {@code StartEvent_AdHocMeetingCalled}, {@code ${adHocMeetingCalledListener}}): checks the office's
 * start form — a meeting time to come (within {@link DateWindow}), a place, an agenda, at least one unit of the organisation
 * (for a district, or the office of one of its towns and streets, named by the town) — and refuses it with
 * a Chinese sentence naming the field, so that nothing is started; then sets what the notice and the record need.
 * A 所属活动 must be one of the organisation's running campaigns ({@link AdHocMeetingCampaigns}); the meeting's decisions
 * then count for it (jtreview-s56 T12).
 */
@Component
class AdHocMeetingCalledListener implements ExecutionListener {

    private static final Logger LOG = LoggerFactory.getLogger(AdHocMeetingCalledListener.class);
    private static final DateTimeFormatter KEY_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmm");

    private final OrganizationRoles roles;
    private final OrganizationRecords organization;
    private final WorkingCalendars calendars;
    private final DateWindow dates;
    private final Organizations organizations;
    private final AdHocMeetingCampaigns campaigns;

    AdHocMeetingCalledListener(OrganizationRoles roles, OrganizationRecords organization, WorkingCalendars calendars,
            DateWindow dates, Organizations organizations, AdHocMeetingCampaigns campaigns) {
        this.campaigns = campaigns;
        this.organizations = organizations;
        this.dates = dates;
        this.roles = roles;
        this.organization = organization;
        this.calendars = calendars;
    }

    @Override
    public void notify(DelegateExecution execution) {
        String tenant = execution.getTenantId();
        WorkingCalendar calendar = calendars.of(tenant);
        Instant at = meetingAt(execution.getVariable(VAR_MEETING_AT), calendar.zone());
        dates.problem("会议时间", at.atZone(calendar.zone()).toLocalDate(),
                LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), calendar.zone())).ifPresent(message -> {
                    throw refused(VAR_MEETING_AT, message);
                });
        text(execution, VAR_MEETING_NAME, "会议名称");
        text(execution, VAR_PLACE, "会议地点");
        text(execution, VAR_AGENDA, "会议议程");
        List<String> units = units(execution.getVariable(VAR_ATTENDEE_UNITS));
        Map<String, String> names = new HashMap<>(organization.unitNames(tenant));
        Map<String, String> towns = organizations.townNamesByOffice(tenant);
        names.putAll(towns);
        List<String> strangers = units.stream().filter(u -> !roles.isGroupOf(tenant, u) && !towns.containsKey(u)).toList();
        if (!strangers.isEmpty()) {
            throw refused(VAR_ATTENDEE_UNITS, "参会单位 " + String.join("、", strangers) + " 不是本组织的单位");
        }
        campaign(execution, tenant);
        // Notifications are kept apart by business key: one per meeting called.
        execution.setProcessBusinessKey("临时会议-" + KEY_TIME.format(at.atZone(calendar.zone())) + "-"
                + execution.getProcessInstanceId().substring(0, Math.min(8, execution.getProcessInstanceId().length())));
        execution.setVariable(VAR_MEETING_AT, Date.from(at));
        execution.setVariable(VAR_MEETING_TIME, MINUTE.format(at.atZone(calendar.zone())));
        execution.setVariable(VAR_ORGANISER_GROUP, roles.office(execution));
        execution.setVariable(VAR_PARTICIPANTS, String.join(",", units.stream().map(u -> "group:" + u).toList()));
        execution.setVariable(VAR_ATTENDEE_NAMES, String.join("、", units.stream().map(u -> names.getOrDefault(u, u)).toList()));
        execution.setVariable(VAR_RECORD_DUE_AT, Date.from(calendar.addWorkingTime(at, calendar.officeDay())));
    }

    /** 所属活动: none (blank, 不属于活动), or one of the organisation's running campaigns, whose name is kept with it. */
    private void campaign(DelegateExecution execution, String tenant) {
        String code = java.util.Objects.toString(execution.getVariable(VAR_CAMPAIGN), "").strip();
        if (code.isEmpty() || NO_CAMPAIGN.equals(code)) {
            execution.setVariable(VAR_CAMPAIGN, NO_CAMPAIGN);
            return;
        }
        var campaign = campaigns.find(tenant, code)
                .orElseThrow(() -> refused(VAR_CAMPAIGN, "所属活动“" + org.shirong.system.TextInput.shortened(code, 40)
                        + "”不是本组织正在进行的活动，请从列出的活动中选择，或选“不属于活动”"));
        execution.setVariable(VAR_CAMPAIGN, campaign.code());
        execution.setVariable(VAR_CAMPAIGN_NAME, campaign.name());
    }

    private static Instant meetingAt(Object value, ZoneId zone) {
        if (value instanceof Date date) {
            return future(date.toInstant());
        }
        String text = value == null ? "" : value.toString().strip();
        if (text.isEmpty()) {
            throw refused(VAR_MEETING_AT, "请填写会议时间（日期和开始时间）");
        }
        try {
            return future(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException noOffset) {
            try {
                return future(LocalDateTime.parse(text).atZone(zone).toInstant());
            } catch (DateTimeParseException e) {
                throw refused(VAR_MEETING_AT, "会议时间“" + text + "”无法识别，请用日期选择器选择日期并填写开始时间");
            }
        }
    }

    private static Instant future(Instant at) {
        if (!at.isAfter(ClockUtil.getCurrentTime().toInstant())) {
            throw refused(VAR_MEETING_AT, "会议时间已经过去，请选择今后的日期和时间");
        }
        return at;
    }

    private static void text(DelegateExecution execution, String name, String label) {
        Object value = execution.getVariable(name);
        if (value == null || value.toString().isBlank()) {
            throw refused(name, "请填写" + label);
        }
    }

    private static List<String> units(Object value) {
        List<String> units = new ArrayList<>();
        if (value instanceof SpinJsonNode json && json.isArray()) {
            for (SpinJsonNode e : json.elements()) {
                if (!e.isString()) {
                    throw refused(VAR_ATTENDEE_UNITS, "参会单位应为本组织单位的编号，如 [\"chengguan\"]");
                }
                units.add(e.stringValue());
            }
        } else if (value instanceof Collection<?> list) {
            list.forEach(e -> units.add(String.valueOf(e)));
        } else if (value instanceof String text && !text.isBlank()) {
            for (String unit : text.split(",")) {
                units.add(unit.strip());
            }
        }
        if (units.isEmpty()) {
            throw refused(VAR_ATTENDEE_UNITS, "请至少选择一个参会单位");
        }
        return units;
    }

    private static FormFieldValidationException refused(String field, String message) {
        LOG.info("临时会议未召集：{}", message);
        return new FormFieldValidationException(field, message);
    }
}
