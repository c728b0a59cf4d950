package org.shirong.report;

import static org.shirong.system.ChineseDates.DAY;
import static org.shirong.system.ChineseDates.MINUTE;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.shirong.calendar.WorkingCalendar;
import org.shirong.organization.Organizations;
import org.shirong.scoring.UnitScores;
import org.shirong.scoring.UnitScores.PeriodScores;
import org.shirong.scoring.UnitScores.Window;
import org.springframework.stereotype.Component;

/**
 * The parts every campaign document shows: progress per phase, progress per plan item at the period's end (or now,
 * while it runs), the campaign's cases per unit in the period, ranking and named units; and the names of the bodies that
 * issue them, each organisation's own.
 */
@Component
class DocumentModels {

    private final CampaignFigures figures;
    private final PlanItemProgress planItems;
    private final ZoneId zone;
    private final Organizations organizations;
    private final LateCampaignTasks lateTasks;
    private final MeetingNamedUnits meetingNamed;
    private final UnitScores unitScores;
    private final EscalatedCases escalatedCases;

    DocumentModels(CampaignFigures figures, PlanItemProgress planItems, WorkingCalendar calendar, Organizations organizations,
            LateCampaignTasks lateTasks, MeetingNamedUnits meetingNamed, UnitScores unitScores, EscalatedCases escalatedCases) {
        this.escalatedCases = escalatedCases;
        this.unitScores = unitScores;
        this.lateTasks = lateTasks;
        this.meetingNamed = meetingNamed;
        this.figures = figures;
        this.planItems = planItems;
        this.zone = calendar.zone();
        this.organizations = organizations;
    }

    /**
     * {@code officeName} and {@code leadingName}: the organisation's office and leading group as its file names them
     * (九亭镇 创建工作办公室 and 创建工作领导小组, 锦溪镇 推进小组办公室 and 环境综合整治工作推进小组), who sign a report; a
     * 通报's {@code replyWithin} (五个工作日) and {@code signedBy} (its signature's lines, the leading group's name) as the
     * organisation's file sets them ({@code notice:}); {@code namedHeading}, what a 通报 heads the units it names for their
     * scores with, after the organisation's rule (考核得分低于通报线（60 分）的单位: jtreview s56 T2).
     */
    void addIssuers(Map<String, Object> model, String organization) {
        var org = organizations.of(organization);
        model.putAll(org.roleNames());
        model.put("namedHeading", unitScores.namedHeading(organization));
        model.put("replyWithin", org.noticeReplyWithin());
        model.put("signedBy", org.noticeSignature());
    }

    void addProgress(Map<String, Object> model, String campaignCode, Window window, PeriodScores scores) {
        var campaign = figures.campaign(campaignCode);
        model.put("currentPhase", campaign.flatMap(c -> figures.phases(campaignCode).stream().filter(Figures.Phase::current)
                .findFirst()).map(Figures.Phase::name).orElse("未开始"));
        model.put("phases", figures.phases(campaignCode));
        model.put("periodName", window.periodName());
        model.put("cases", figures.cases(campaignCode, window.from(), window.until()));
        model.put("scores", scores);
        Instant now = ClockUtil.getCurrentTime().toInstant();
        Instant asOf = window.until().isAfter(now) ? now : window.until();
        model.put("planItems", planItems.of(campaignCode, asOf));
        model.put("planItemsAsOf", display(asOf));
    }

    /**
     * Progress as of {@code asOf} for a meeting held within a month, not only at the score period's end: {@code monthToDate}
     * (the campaign's cases per unit from the first of {@code asOf}'s month until {@code asOf}) named by
     * {@code monthToDateName}, and {@code planItems} as of {@code asOf}.
     */
    void addProgressSoFar(Map<String, Object> model, String campaignCode, Instant asOf) {
        Instant monthStart = asOf.atZone(zone).toLocalDate().withDayOfMonth(1).atStartOfDay(zone).toInstant();
        model.put("monthToDate", figures.cases(campaignCode, monthStart, asOf));
        model.put("monthToDateName", day(monthStart) + "至" + display(asOf));
        model.put("planItems", planItems.of(campaignCode, asOf));
        model.put("planItemsAsOf", display(asOf));
    }

    /**
     * {@code overdueWork}: the campaign's tasks and 交办 past their deadline now and not done, by unit; {@code overdueCases}:
     * its cases overdue now (the 驾驶舱's 红灯超期), by unit, with {@code escalatedCount} of them 列入通报名单.
     */
    void addOverdueWork(Map<String, Object> model, String campaignCode) {
        Instant now = ClockUtil.getCurrentTime().toInstant();
        model.put("overdueWork", figures.overdueWork(campaignCode, now));
        var overdueCases = figures.overdueCases(campaignCode, now);
        model.put("overdueCases", overdueCases);
        model.put("escalatedCount", overdueCases.stream().filter(Figures.OverdueCase::escalated).count());
        model.put("overdueCasesAsOf", display(now));
    }

    /**
     * {@code escalatedCases}: the campaign's cases 列入通报名单 by {@code asOf} and not closed before the period began
     * ({@link EscalatedCases}), which its 通报 and 月报 list (sjreview-s57 D8).
     */
    void addEscalatedCases(Map<String, Object> model, String campaignCode, Window window, Instant asOf) {
        model.put("escalatedCases", escalatedCases.of(campaignCode, window.from(), asOf));
    }

    /**
     * What a 通报 of the period names besides the units ranked low (九亭镇's plan 三、4: 不履职的单位), put into the model as
     * {@code lateTasks}, the campaign's tasks due in the period not done by their deadline as of {@code asOf} (none while
     * the period's ranking is 暂定), and {@code meetingNamed}, the units its meetings decided to 通报 (通报｜单位｜原因) not
     * named in a 通报 yet. Returns them, for the notification's line.
     */
    OthersNamed addOthersNamed(Map<String, Object> model, String campaignCode, Window window, boolean provisional, Instant asOf) {
        OthersNamed others = othersNamed(campaignCode, window, provisional, asOf, null);
        putOthersNamed(model, others);
        return others;
    }

    /**
     * {@code lateTasks} and {@code meetingNamed} into the model, as the 通报's templates read them, and
     * {@code officeLedLateTasks}, which only the monthly report lists (not named: the office's own work).
     */
    void putOthersNamed(Map<String, Object> model, OthersNamed others) {
        model.put("lateTasks", others.lateTasks());
        model.put("meetingNamed", others.meetingNamed());
        model.put("officeLedLateTasks", others.officeLedLateTasks());
    }

    /**
     * What the 通报 of the period names besides the units ranked low: the tasks due in it late as of {@code asOf} (none
     * when {@code provisional}), and the meetings' units it took once issued under {@code noticeKey}, or, before
     * ({@code noticeKey} null), those it would take now.
     */
    OthersNamed othersNamed(String campaignCode, Window window, boolean provisional, Instant asOf, String noticeKey) {
        List<LateCampaignTasks.LateTask> late = provisional ? List.of()
                : lateTasks.inPeriod(campaignCode, window.from(), window.until(), asOf);
        return new OthersNamed(lines(late.stream().filter(t -> !t.officeLed())),
                noticeKey == null ? meetingNamed.pending(campaignCode) : meetingNamed.inNotice(campaignCode, noticeKey),
                lines(late.stream().filter(LateCampaignTasks.LateTask::officeLed)));
    }

    private List<Figures.LateTaskLine> lines(java.util.stream.Stream<LateCampaignTasks.LateTask> late) {
        return late.map(t -> new Figures.LateTaskLine(t.unitName(), t.task(), day(t.dueAt()), t.state(), t.groupId())).toList();
    }

    /**
     * Marks the meetings' units the 通报 just stored under {@code noticeKey} showed ({@code model}'s {@code meetingNamed}, as
     * {@link #addOthersNamed} put them) as named in it.
     */
    @SuppressWarnings("unchecked")
    void othersNamedIn(String campaignCode, String noticeKey, Map<String, Object> model) {
        meetingNamed.named(campaignCode, noticeKey, (List<MeetingNamedUnits.Named>) model.getOrDefault("meetingNamed", List.of()));
    }

    String display(Instant instant) {
        return MINUTE.format(instant.atZone(zone));
    }

    String day(Instant instant) {
        return DAY.format(instant.atZone(zone));
    }

    /** A day given as 2026-12-05 written as the documents write days (2026年12月5日); other text as it is. */
    String day(String isoDay) {
        try {
            return DAY.format(LocalDate.parse(isoDay));
        } catch (DateTimeParseException notADay) {
            return isoDay;
        }
    }
}
