package org.shirong.campaign;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.shirong.campaign.CampaignStartRequest.Dates;
import org.shirong.campaign.CampaignStartRequest.PhaseDates;
import org.shirong.campaign.CampaignTemplate.Phase;
import org.shirong.system.ApiError;
import org.shirong.system.DateWindow;
import org.shirong.system.TextInput;

/**
 * The concrete phases of a campaign to be started: from today, from a given start date or from
 * per-phase dates, keeping the template's lengths (and the gaps between its phases) wherever the
 * request says nothing, or the plan's day of the year where the template gives one ({@code ends}: 锦溪镇's 2月底, 年底, 次年 6月底;
 * 九亭镇's 5月31日, 10月31日, 年底; 松江区's 4月10日, 6月30日, 年底; see {@link CampaignTemplate#lastDayOfPhase}). A phase runs
 * from the start of its first day to the start of the day after its last one, in the town's time zone. Problems with the request come back as {@link ApiError}s.
 */
final class CampaignSchedule {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");

    /** One phase of the campaign: its days, and the instants its sub-process starts and its end timer fires. */
    record PhaseWindow(String phase, String name, LocalDate from, LocalDate to, Instant start, Instant end) {
    }

    /** The first and last day of a phase. */
    private record Span(LocalDate from, LocalDate to) {
    }

    /** The phases, or why the request cannot be scheduled (then {@code phases} is empty). */
    record Result(List<PhaseWindow> phases, List<ApiError> errors) {

        Result {
            phases = List.copyOf(phases);
            errors = List.copyOf(errors);
        }

        boolean valid() {
            return errors.isEmpty();
        }
    }

    private final ZoneId zone;
    private final DateWindow window;

    CampaignSchedule() {
        this(SHANGHAI, DateWindow.DEFAULT);
    }

    CampaignSchedule(ZoneId zone, DateWindow window) {
        this.zone = zone;
        this.window = window;
    }

    ZoneId zone() {
        return zone;
    }

    Result plan(CampaignTemplate template, CampaignStartRequest request, LocalDate today) {
        List<ApiError> errors = new ArrayList<>();
        checkCodeAndName(request, errors);
        int namingErrors = errors.size();
        Dates dates = request.dates();
        List<Span> days;
        String endField;
        if (dates != null && dates.start() != null && dates.phases() != null) {
            errors.add(ApiError.field("dates", "AMBIGUOUS_DATES", "dates.start 与 dates.phases 只能填写其一"));
            return new Result(List.of(), errors);
        } else if (dates != null && dates.phases() != null) {
            if (!typedDaysInWindow(dates, today, errors)) {
                return new Result(List.of(), errors);
            }
            days = PerPhaseDates.days(template, dates.phases(), today, errors);
            endField = "dates.phases[" + (template.phases().size() - 1) + "].to";
        } else {
            if (dates != null && !typedDaysInWindow(dates, today, errors)) {
                return new Result(List.of(), errors);
            }
            days = following(template, dates == null || dates.start() == null ? today : dates.start());
            endField = dates == null || dates.start() == null ? "dates" : "dates.start";
        }
        LocalDate end = days.isEmpty() ? null : days.get(days.size() - 1).to();
        if (errors.size() == namingErrors && end != null && end.isBefore(today)) {
            errors.add(ApiError.field(endField, "ALREADY_ENDED", "按此日期活动将于 %s 结束，早于今天（%s）".formatted(end, today)));
        }
        if (!errors.isEmpty()) {
            return new Result(List.of(), errors);
        }
        List<PhaseWindow> windows = new ArrayList<>();
        for (int i = 0; i < days.size(); i++) {
            Phase phase = template.phases().get(i);
            LocalDate from = days.get(i).from();
            LocalDate to = days.get(i).to();
            windows.add(new PhaseWindow(phase.id(), phase.name(), from, to, startOf(from), startOf(to.plusDays(1))));
        }
        backdatedTasks(template, windows, today, dates, errors);
        return errors.isEmpty() ? new Result(windows, List.of()) : new Result(List.of(), errors);
    }

    /**
     * Refuses phases too short for their tasks: a task due {@code due-before-phase-end} before its phase ends would
     * fall due before the day it is handed out (the phase's first day, or today when that has passed); one due
     * {@code due-after-phase-start} after its phase begins would fall due before that day too, or after the phase ends.
     */
    private static void backdatedTasks(CampaignTemplate template, List<PhaseWindow> windows, LocalDate today, Dates dates,
            List<ApiError> errors) {
        for (int t = 0; t < template.tasks().size(); t++) {
            CampaignTemplate.TaskDefinition task = template.tasks().get(t);
            for (int i = 0; i < windows.size(); i++) {
                PhaseWindow window = windows.get(i);
                if (task.dueBeforePhaseEnd() == null && task.dueAfterPhaseStart() == null || !window.phase().equals(task.phase())) {
                    continue;
                }
                LocalDate issued = window.from().isBefore(today) ? today : window.from();
                LocalDate due = task.dueDay(window.from(), window.to());
                String rule = task.dueRule();
                if (due.isAfter(window.to())) {
                    String field = dates != null && dates.phases() != null ? "dates.phases[" + i + "]" : "dates";
                    errors.add(ApiError.field(field, "DUE_AFTER_PHASE", ("任务“%s”（tasks[%d]）按模板“%s”其期限将是 %s，"
                            + "晚于第 %d 阶段“%s”（%s 至 %s）的结束日：该阶段太短，请延长该阶段").formatted(task.name(), t, rule, due,
                            i + 1, window.name(), window.from(), window.to())));
                } else if (due.isBefore(issued)) {
                    String field = dates != null && dates.phases() != null ? "dates.phases[" + i + "]"
                            : dates != null && dates.start() != null ? "dates.start" : "dates";
                    errors.add(ApiError.field(field, "DUE_BEFORE_ISSUE", ("任务“%s”（tasks[%d]）将于 %s 下达，按模板“%s”"
                            + "其期限将是 %s，早于下达日期：第 %d 阶段“%s”（%s 至 %s）太短，请延长该阶段").formatted(task.name(), t, issued,
                            rule, due, i + 1, window.name(), window.from(), window.to())));
                }
            }
        }
    }

    /** Refuses (adding the errors) days typed outside the window, before any phase is computed from them. */
    private boolean typedDaysInWindow(Dates dates, LocalDate today, List<ApiError> errors) {
        int before = errors.size();
        if (dates.start() != null) {
            window.problem("开始日期", dates.start(), today)
                    .ifPresent(m -> errors.add(ApiError.field("dates.start", "DATE_OUT_OF_RANGE", m)));
        }
        List<PhaseDates> phases = dates.phases() == null ? List.of() : dates.phases();
        for (int i = 0; i < phases.size(); i++) {
            PhaseDates p = phases.get(i);
            String at = "dates.phases[" + i + "]";
            String label = "第 " + (i + 1) + " 阶段的";
            if (p != null && p.from() != null) {
                window.problem(label + "开始日期", p.from(), today)
                        .ifPresent(m -> errors.add(ApiError.field(at + ".from", "DATE_OUT_OF_RANGE", m)));
            }
            if (p != null && p.to() != null) {
                window.problem(label + "结束日期", p.to(), today)
                        .ifPresent(m -> errors.add(ApiError.field(at + ".to", "DATE_OUT_OF_RANGE", m)));
            }
        }
        return errors.size() == before;
    }

    /** Each phase from {@code start} on, keeping the template's lengths (or plan days) and the gaps between its phases. */
    private static List<Span> following(CampaignTemplate template, LocalDate start) {
        List<Span> days = new ArrayList<>();
        LocalDate from = start;
        for (int i = 0; i < template.phases().size(); i++) {
            if (i > 0) {
                from = days.get(i - 1).to().plusDays(1 + gapBefore(template, i));
            }
            days.add(new Span(from, template.lastDayOfPhase(i, from)));
        }
        return days;
    }

    /** Days between the end of phase {@code i - 1} and the start of phase {@code i} in the template. */
    private static long gapBefore(CampaignTemplate template, int i) {
        return ChronoUnit.DAYS.between(template.phases().get(i - 1).to(), template.phases().get(i).from()) - 1;
    }

    private Instant startOf(LocalDate day) {
        return day.atStartOfDay(zone).toInstant();
    }

    /** Whether a campaign code has the allowed letters and length (what {@code INVALID_CODE} refuses otherwise). */
    static boolean wellFormedCode(String code) {
        return CODE.matcher(code).matches();
    }

    private static void checkCodeAndName(CampaignStartRequest request, List<ApiError> errors) {
        if (request.code() == null || request.code().isBlank()) {
            errors.add(ApiError.field("code", "REQUIRED", "请填写活动编号（如 JT-2025-DB）"));
        } else if (!CODE.matcher(request.code()).matches()) {
            errors.add(ApiError.field("code", "INVALID_CODE", "活动编号只能包含英文字母、数字、连字符和下划线，不超过 64 个字符（如 JT-2025-DB）"));
        }
        if (TextInput.isBlank(request.name())) {
            errors.add(ApiError.field("name", "REQUIRED", "请填写活动名称"));
        } else if (request.name().length() > 200) {
            errors.add(ApiError.field("name", "TOO_LONG", "活动名称不能超过 200 个字"));
        } else {
            TextInput.problem("活动名称", request.name(), false)
                    .ifPresent(m -> errors.add(ApiError.field("name", "INVALID_CHARACTER", m)));
        }
    }

    /** Per-phase dates: what each entry gives, the rest following the template; checked in order. */
    private static final class PerPhaseDates {

        static List<Span> days(CampaignTemplate template, List<PhaseDates> given, LocalDate today, List<ApiError> errors) {
            int count = template.phases().size();
            if (given.size() != count) {
                errors.add(ApiError.field("dates.phases", "PHASE_COUNT",
                        "所选模板有 %d 个阶段，dates.phases 给出了 %d 个".formatted(count, given.size())));
                return List.of();
            }
            List<Span> days = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                PhaseDates entry = given.get(i) == null ? new PhaseDates(null, null) : given.get(i);
                String at = "dates.phases[" + i + "]";
                LocalDate from = entry.from() != null ? entry.from()
                        : i == 0 ? today : days.get(i - 1).to().plusDays(1 + gapBefore(template, i));
                LocalDate to = entry.to() != null ? entry.to() : template.lastDayOfPhase(i, from);
                if (to.isBefore(from)) {
                    errors.add(ApiError.field(at + ".to", "END_BEFORE_START",
                            "第 %d 阶段的结束日期 %s 早于开始日期 %s".formatted(i + 1, to, from)));
                }
                if (i > 0) {
                    Span previous = days.get(i - 1);
                    if (from.isBefore(previous.from())) {
                        errors.add(ApiError.field(at + ".from", "OUT_OF_ORDER",
                                "第 %d 阶段的开始日期 %s 早于第 %d 阶段的开始日期 %s（阶段须按先后排列）".formatted(i + 1, from, i, previous.from())));
                    } else if (!from.isAfter(previous.to())) {
                        errors.add(ApiError.field(at + ".from", "OVERLAP",
                                "第 %d 阶段（%s 起）与第 %d 阶段（%s 至 %s）重叠".formatted(i + 1, from, i, previous.from(), previous.to())));
                    }
                }
                days.add(new Span(from, to));
            }
            return days;
        }
    }
}
