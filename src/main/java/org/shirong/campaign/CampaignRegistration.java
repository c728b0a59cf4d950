package org.shirong.campaign;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.shirong.calendar.WorkingCalendar;
import org.shirong.campaign.CampaignRecords.PhaseRow;
import org.shirong.campaign.CampaignRecords.UnitRow;
import org.shirong.campaign.CampaignSchedule.PhaseWindow;
import org.shirong.organization.Organizations;
import org.shirong.system.ApiError;
import org.shirong.system.ConflictException;
import org.shirong.system.DateWindow;
import org.shirong.system.InvalidRequestException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * Checks a request to start a campaign (template, code, name, dates) and records the campaign: its
 * phases with their dates and its participating units. Used by {@code POST /api/campaigns} before it
 * starts {@code CampaignProcess}, and by the process's start listener, which records it.
 */
@Service
class CampaignRegistration {

    /** A campaign accepted and recorded: its template and the phases' concrete dates. */
    record Registered(CampaignTemplate template, List<PhaseWindow> phases) {
    }

    private final CampaignTemplates templates;
    private final CampaignRecords records;
    private final CampaignSchedule schedule;
    private final CampaignStartLock startLock;
    private final Organizations organizations;
    private final WorkingCalendar calendar;

    CampaignRegistration(CampaignTemplates templates, CampaignRecords records, WorkingCalendar calendar, DateWindow dates,
            CampaignStartLock startLock, Organizations organizations) {
        this.startLock = startLock;
        this.organizations = organizations;
        this.templates = templates;
        this.records = records;
        this.schedule = new CampaignSchedule(calendar.zone(), dates);
        this.calendar = calendar;
    }

    /** What is wrong with the request; empty when it can be started. */
    List<ApiError> check(String organization, CampaignStartRequest request) {
        return evaluate(organization, request).errors();
    }

    /**
     * The phases a request would give, and what the working calendar lacks for their days (a line per year that is
     * provisional or has no holiday file under config/calendar); refuses (400 naming each field) what {@link #check}
     * refuses. Records nothing: the start form lists these for the office to check before it starts the campaign.
     */
    Preview preview(String organization, CampaignStartRequest request) {
        Checked checked = evaluate(organization, request);
        if (!checked.errors().isEmpty()) {
            throw new InvalidRequestException(checked.errors());
        }
        List<PhaseWindow> phases = checked.phases();
        return new Preview(phases, calendar.warnings(phases.get(0).from(), phases.get(phases.size() - 1).to()),
                longPhases(checked.template(), phases));
    }

    /**
     * The phases a campaign would run, the calendar's warnings for their days, and a line for each phase that would run far
     * longer than the plan's length ({@link CampaignTemplate#longPhase}).
     */
    record Preview(List<PhaseWindow> phases, List<String> calendarWarnings, List<String> phaseWarnings) {
    }

    /** A line for each phase that would run far longer than the template's length. */
    static List<String> longPhases(CampaignTemplate template, List<PhaseWindow> phases) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < phases.size() && i < template.phases().size(); i++) {
            template.longPhase(i, phases.get(i).from(), phases.get(i).to()).ifPresent(lines::add);
        }
        return lines;
    }

    /**
     * Records the campaign in the caller's transaction; refuses (nothing written) what {@link #check} refuses, and a code
     * another start saved after this one was checked (409). Starts of the same template in the same organisation are
     * checked and recorded one after the other ({@link CampaignStartLock}): of two overlapping ones sent at the same
     * moment, the second is refused for the first's dates.
     */
    Registered register(String organization, CampaignStartRequest request, String actor, String processInstanceId) {
        if (request.template() != null && !request.template().isBlank()) {
            // checked again under the lock: a start of the same template a moment ago is seen once it has committed
            startLock.lock(organization, request.template().strip());
        }
        Checked checked = evaluate(organization, request);
        if (!checked.errors().isEmpty()) {
            throw new InvalidRequestException(checked.errors());
        }
        CampaignTemplate template = checked.template();
        List<PhaseWindow> phases = checked.phases();
        String code = request.code().strip();
        try {
            records.insert(new CampaignRecords.Campaign(code, request.name().strip(), template.id(), template.name(),
                    processInstanceId, CampaignRecords.RUNNING, 0, actor, now(), null, organization));
        } catch (DuplicateKeyException startedAtTheSameTime) {
            throw new ConflictException("DUPLICATE_CODE", "活动编号 " + code + " 刚被他人用于发起另一个活动，请换一个编号");
        }
        for (int i = 0; i < phases.size(); i++) {
            PhaseWindow p = phases.get(i);
            records.insertPhase(code, new PhaseRow(i + 1, p.phase(), p.name(), p.from(), p.to(), p.start(), p.end(), null, null, null));
        }
        int sort = 0;
        for (CampaignTemplate.Participant p : template.participants()) {
            records.insertUnit(code, new UnitRow(p.id(), p.group(), p.name(), p.duties(), p.standIn(), sort++));
        }
        return new Registered(template, phases);
    }

    /** The request's template and phases, or what is wrong with it (then the phases are empty). */
    private record Checked(CampaignTemplate template, List<PhaseWindow> phases, List<ApiError> errors) {
    }

    private Checked evaluate(String organization, CampaignStartRequest request) {
        List<ApiError> errors = new ArrayList<>();
        Optional<CampaignTemplate> template = template(organization, request, errors);
        if (template.isEmpty()) {
            return new Checked(null, List.of(), errors);
        }
        CampaignSchedule.Result result = schedule.plan(template.get(), request, today());
        errors.addAll(result.errors());
        Optional<ApiError> foreignCode = foreignCode(organization, request);
        foreignCode.ifPresent(errors::add);
        if (foreignCode.isEmpty() && request.code() != null && records.exists(request.code().strip())) {
            errors.add(ApiError.field("code", "DUPLICATE_CODE", "活动编号 " + request.code().strip() + " 已被使用，请换一个编号"));
        }
        overlap(organization, template.get(), request, result.phases()).ifPresent(errors::add);
        return new Checked(template.get(), result.phases(), errors);
    }

    /**
     * A code that does not begin with the organisation's case prefix and a hyphen ({@code JT-} for 九亭镇). Codes are unique
     * across all organisations (the business key, documents and URLs use the code alone); with each organisation in its own
     * prefix, one organisation can neither take another's next code nor learn by a refusal which codes another has used.
     * Prefixes are distinct upper-case letters without hyphens (checked at start-up), so no two organisations share a code.
     * Campaigns recorded before this rule keep their codes. A code in a wrong form is left to the form check.
     */
    private Optional<ApiError> foreignCode(String organization, CampaignStartRequest request) {
        if (request.code() == null || !CampaignSchedule.wellFormedCode(request.code())) {
            return Optional.empty();
        }
        String prefix = organizations.of(organization).organization().casePrefix() + "-";
        String code = request.code().strip();
        if (code.startsWith(prefix) && code.length() > prefix.length()) {
            return Optional.empty();
        }
        return Optional.of(ApiError.field("code", "CODE_PREFIX", "活动编号须以本组织的编号前缀 " + prefix + " 开头，后接年份或简称（如 "
                + prefix + "2027-DB），以免与其他组织的活动编号相同"));
    }

    /**
     * A running or not yet started campaign of the same template in the organisation whose days meet the new one's: both
     * would hold the template's 例会, reports and 通报 twice. Named on the start date, which is what would move it.
     */
    private Optional<ApiError> overlap(String organization, CampaignTemplate template, CampaignStartRequest request,
            List<PhaseWindow> phases) {
        if (phases.isEmpty()) {
            return Optional.empty();
        }
        LocalDate first = phases.get(0).from();
        LocalDate last = phases.get(phases.size() - 1).to();
        String code = request.code() == null ? "" : request.code().strip();
        return records.runningOfTemplate(organization, template.id()).stream()
                .filter(other -> !other.code().equals(code) && !other.firstDay().isAfter(last) && !other.lastDay().isBefore(first))
                .findFirst().map(other -> ApiError.field("dates.start", "OVERLAPPING_CAMPAIGN", "按模板“" + template.name()
                        + "”已有活动 " + other.code() + "（" + other.name() + "，" + other.firstDay() + " 至 " + other.lastDay()
                        + "），与本活动的期间（" + first + " 至 " + last + "）重叠，两个活动会重复召开会议、报送报告和印发通报；"
                        + "请从 " + other.lastDay().plusDays(1) + " 起开始，或先撤销活动 " + other.code()));
    }

    /** A template of the organisation the campaign is to run in: another organisation's templates are not offered. */
    private Optional<CampaignTemplate> template(String organization, CampaignStartRequest request, List<ApiError> errors) {
        if (request.template() == null || request.template().isBlank()) {
            errors.add(ApiError.field("template", "REQUIRED", "请选择活动模板（" + templateIds(organization) + "）"));
            return Optional.empty();
        }
        Optional<CampaignTemplate> template = templates.startable(organization, request.template().strip());
        if (template.isEmpty()) {
            errors.add(ApiError.field("template", "UNKNOWN_TEMPLATE",
                    "没有活动模板 " + request.template().strip() + "（可选：" + templateIds(organization) + "）"));
        }
        return template;
    }

    private String templateIds(String organization) {
        return String.join("、", templates.all(organization).stream().map(CampaignTemplate::id).toList());
    }

    private LocalDate today() {
        return LocalDate.ofInstant(now(), schedule.zone());
    }

    private static Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }
}
