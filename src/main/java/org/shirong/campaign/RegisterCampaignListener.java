package org.shirong.campaign;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
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
 * field and starts nothing.
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
        String start = text(execution.getVariable(CampaignProcess.VAR_START_DATE));
        try {
            if (datesJson != null) {
                dates = json.readValue(datesJson, CampaignStartRequest.Dates.class);
            } else if (start != null) {
                dates = new CampaignStartRequest.Dates(LocalDate.parse(start.length() > 10 ? start.substring(0, 10) : start), null);
            }
        } catch (JsonProcessingException | DateTimeParseException e) {
            throw new FormFieldValidationException(CampaignProcess.VAR_START_DATE, "开始日期无效，应为 2026-12-01 这样的日期");
        }
        return new CampaignStartRequest(template, code, name, dates);
    }

    private static FormFieldValidationException refusal(List<ApiError> errors) {
        String field = errors.get(0).field() == null ? "" : errors.get(0).field();
        String message = errors.stream().map(ApiError::message).collect(Collectors.joining("；"));
        return new FormFieldValidationException(formField(field), "无法发起活动：" + message);
    }

    /** The start form's name of a request field. */
    private static String formField(String field) {
        return switch (field) {
            case "code" -> CampaignProcess.VAR_CAMPAIGN_CODE;
            case "name" -> CampaignProcess.VAR_CAMPAIGN_NAME;
            case "dates", "dates.start" -> CampaignProcess.VAR_START_DATE;
            default -> field;
        };
    }

    private static String text(Object value) {
        String s = Objects.toString(value, "").strip();
        return s.isEmpty() ? null : s;
    }
}
