package org.shirong.campaign;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.shirong.campaign.CampaignSchedule.PhaseWindow;
import org.shirong.system.ApiError;
import org.shirong.system.InvalidRequestException;
import org.springframework.stereotype.Component;

/**
 * Start listener of {@code StartEvent_CampaignStarted} (活动已发起): checks and records the campaign
 * given on the start form (or by {@code POST /api/campaigns}), makes its code the business key and
 * sets every phase's name, start and end as {@code phase1Name} … : Cockpit's overlay lists the campaign's phases from
 * them (the diagram draws the phase once), and version 1 of the diagram timed its phases by them. A refusal names the
 * field and starts nothing. Until the form's 已核对各阶段日期 ({@code phasesConfirmed}) is ticked, it starts nothing either
 * and answers with the phases the campaign would run and the calendar's warnings for them (jxreview J8); the REST start
 * gives these in its answer and sets it itself.
 */
@Component
class RegisterCampaignListener implements ExecutionListener {

    private final CampaignRegistration registration;
    private final ObjectMapper json;

    RegisterCampaignListener(CampaignRegistration registration, ObjectMapper json) {
        this.registration = registration;
        this.json = json;
    }

    @Override
    public void notify(DelegateExecution execution) {
        CampaignStartRequest request = request(execution);
        CampaignRegistration.Registered registered;
        try {
            if (!Boolean.TRUE.equals(execution.getVariable(CampaignProcess.VAR_PHASES_CONFIRMED))) {
                throw toBeChecked(registration.preview(execution.getTenantId(), request));
            }
            registered = registration.register(execution.getTenantId(), request, CampaignActors.current(), execution.getProcessInstanceId());
        } catch (InvalidRequestException refused) {
            throw refusal(refused.errors());
        }
        execution.setProcessBusinessKey(request.code().strip());
        execution.setVariable(CampaignProcess.VAR_CAMPAIGN_CODE, request.code().strip());
        execution.setVariable(CampaignProcess.VAR_CAMPAIGN_NAME, request.name().strip());
        List<PhaseWindow> phases = registered.phases();
        for (int i = 0; i < phases.size(); i++) {
            execution.setVariable(CampaignProcess.varPhaseName(i + 1), phases.get(i).name());
            execution.setVariable(CampaignProcess.varPhaseStart(i + 1), Date.from(phases.get(i).start()));
            execution.setVariable(CampaignProcess.varPhaseEnd(i + 1), Date.from(phases.get(i).end()));
        }
    }

    private CampaignStartRequest request(DelegateExecution execution) {
        String template = text(execution.getVariable(CampaignProcess.VAR_TEMPLATE));
        String code = text(execution.getVariable(CampaignProcess.VAR_CAMPAIGN_CODE));
        String name = text(execution.getVariable(CampaignProcess.VAR_CAMPAIGN_NAME));
        CampaignStartRequest.Dates dates = null;
        String datesJson = text(execution.getVariable(CampaignProcess.VAR_DATES));
        LocalDate start = day(execution, CampaignProcess.VAR_START_DATE, "开始日期");
        List<LocalDate> lastDays = new ArrayList<>();
        for (int no = 1; no <= PhaseChecks.PHASE_COUNT; no++) {
            lastDays.add(day(execution, CampaignProcess.varPhaseLastDay(no), "第 " + no + " 阶段的结束日期"));
        }
        if (datesJson != null) {
            try {
                dates = json.readValue(datesJson, CampaignStartRequest.Dates.class);
            } catch (JsonProcessingException e) {
                throw new FormFieldValidationException(CampaignProcess.VAR_DATES, "日期无效，应为 2026-12-01 这样的日期");
            }
        } else if (lastDays.stream().anyMatch(Objects::nonNull)) {
            // The form's 结束日期 of a phase: the phases one by one, the first from the start date (or today).
            List<CampaignStartRequest.PhaseDates> phases = new ArrayList<>();
            for (int i = 0; i < lastDays.size(); i++) {
                phases.add(new CampaignStartRequest.PhaseDates(i == 0 ? start : null, lastDays.get(i)));
            }
            dates = new CampaignStartRequest.Dates(null, phases);
        } else if (start != null) {
            dates = new CampaignStartRequest.Dates(start, null);
        }
        return new CampaignStartRequest(template, code, name, dates);
    }

    /** A day typed on the start form (the date picker may send a time after it), or null when left empty. */
    private static LocalDate day(DelegateExecution execution, String field, String label) {
        String text = text(execution.getVariable(field));
        try {
            return text == null ? null : LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
        } catch (DateTimeParseException e) {
            throw new FormFieldValidationException(field, label + "无效，应为 2026-12-01 这样的日期");
        }
    }

    /**
     * The start form's answer before the office has ticked 已核对各阶段日期: the phases the campaign would run (the plan's
     * days or the template's lengths, or the days the office typed) and what the working calendar lacks for them. Nothing
     * is started; the office changes a phase's 结束日期 or ticks the box and submits again.
     */
    private static FormFieldValidationException toBeChecked(CampaignRegistration.Preview preview) {
        StringBuilder text = new StringBuilder("请核对各阶段日期，无误后勾选“已核对各阶段日期”再提交（如需改动，填写该阶段的结束日期）：");
        List<PhaseWindow> phases = preview.phases();
        for (int i = 0; i < phases.size(); i++) {
            PhaseWindow p = phases.get(i);
            text.append(i == 0 ? "" : "；").append("第 %d 阶段“%s” %s 至 %s".formatted(i + 1, p.name(), p.from(), p.to()));
        }
        text.append("。");
        preview.phaseWarnings().forEach(w -> text.append("提示：").append(w));
        preview.calendarWarnings().forEach(w -> text.append("提示：").append(w));
        return new FormFieldValidationException(CampaignProcess.VAR_PHASES_CONFIRMED, text.toString());
    }

    private static FormFieldValidationException refusal(List<ApiError> errors) {
        String field = errors.get(0).field() == null ? "" : errors.get(0).field();
        String message = errors.stream().map(ApiError::message).collect(Collectors.joining("；"));
        return new FormFieldValidationException(formField(field), "无法发起活动：" + message);
    }

    /** The start form's name of a request field. */
    private static String formField(String field) {
        java.util.regex.Matcher phase = java.util.regex.Pattern.compile("dates\\.phases\\[(\\d)](?:\\.(from|to))?").matcher(field);
        if (phase.matches()) {
            // the form gives the first phase's start and each phase's last day
            return "from".equals(phase.group(2)) && "0".equals(phase.group(1)) ? CampaignProcess.VAR_START_DATE
                    : CampaignProcess.varPhaseLastDay(Integer.parseInt(phase.group(1)) + 1);
        }
        return switch (field) {
            case "code" -> CampaignProcess.VAR_CAMPAIGN_CODE;
            case "name" -> CampaignProcess.VAR_CAMPAIGN_NAME;
            case "dates", "dates.start", "dates.phases" -> CampaignProcess.VAR_START_DATE;
            default -> field;
        };
    }

    private static String text(Object value) {
        String s = Objects.toString(value, "").strip();
        return s.isEmpty() ? null : s;
    }
}
