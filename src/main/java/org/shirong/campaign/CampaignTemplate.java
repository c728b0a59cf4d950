package org.shirong.campaign;

import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.shirong.calendar.TimeLimit;
import org.shirong.rectification.CaseSource;

/**
 * A campaign template of {@code config/campaigns/} (活动模板): the three phases with the plan's dates and
 * their lengths, the participating units, the plan items, the tasks of each phase and the recurring
 * cycles that a campaign started from it runs. Read and checked by {@link CampaignTemplates}; defaults
 * left out of the file (a participant's id, name and duties, an item's name) are filled in.
 */
public record CampaignTemplate(String id, String name, String source, List<Phase> phases,
        List<Participant> participants, List<Item> items, List<TaskDefinition> tasks, List<Cycle> cycles, Rules rules,
        CaseEvidence evidence) {

    /** {@code who}: one task for each participating unit. */
    public static final String EACH_UNIT = "each-unit";
    /** {@code who}: one task for each plan item, done by the item's lead unit. */
    public static final String EACH_ITEM_LEAD = "each-item-lead";

    public CampaignTemplate {
        phases = copy(phases);
        participants = copy(participants);
        items = copy(items);
        tasks = copy(tasks);
        cycles = copy(cycles);
        rules = rules == null ? new Rules(false) : rules;
        evidence = evidence == null ? new CaseEvidence(null) : evidence;
    }

    /**
     * The last day of phase {@code i} in a campaign, when it begins on {@code from}: by its length or, where the template
     * gives the plan's day ({@code ends}), that day nearest the length's end ({@link Phase#lastDay}), unless the plan's day
     * would leave the phase less than half its length or too short for the deadlines of its tasks; then the length stands.
     * 九亭镇's template started on 28 May would otherwise prepare for four days (to 5月31日), and 松江区's started on 12 March
     * would claim its point problems a month before 4月10日, before the phase began.
     */
    LocalDate lastDayOfPhase(int i, LocalDate from) {
        Phase phase = phases.get(i);
        LocalDate byLength = phase.byLength(from);
        LocalDate planned = phase.lastDay(from);
        if (planned.equals(byLength)) {
            return byLength;
        }
        boolean halfItsLength = 2 * (ChronoUnit.DAYS.between(from, planned) + 1) >= ChronoUnit.DAYS.between(from, byLength) + 1;
        boolean tasksFit = tasks.stream()
                .filter(t -> phase.id().equals(t.phase()) && (t.dueBeforePhaseEnd() != null || t.dueAfterPhaseStart() != null))
                .map(t -> t.dueDay(from, planned))
                .allMatch(due -> !due.isBefore(from) && !due.isAfter(planned));
        return halfItsLength && tasksFit ? planned : byLength;
    }

    /**
     * A phase longer than this many times the template's length is worth a word at the start: 九亭镇's template started on
     * 26 October prepares to the next 5月31日, seven months against the plan's three (jtreview-s56 T6).
     */
    static final double LONG_PHASE_FACTOR = 1.5;

    /**
     * A line for whoever starts a campaign (and reads it later) when phase {@code i}, run from {@code from} to {@code to},
     * would last far longer than the plan's length ({@link #LONG_PHASE_FACTOR}): how long it runs, the day its length would
     * end it (the day to type as its 结束日期) and the tasks of the phase that fall due only at its end. Empty otherwise.
     */
    Optional<String> longPhase(int i, LocalDate from, LocalDate to) {
        Phase phase = phases.get(i);
        LocalDate byLength = phase.byLength(from);
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        if (days <= LONG_PHASE_FACTOR * (ChronoUnit.DAYS.between(from, byLength) + 1)) {
            return Optional.empty();
        }
        List<String> late = tasks.stream().filter(t -> phase.id().equals(t.phase()) && t.dueDay(from, to).isAfter(byLength))
                .map(t -> "“" + t.name() + "”").distinct().toList();
        return Optional.of(("第 %d 阶段“%s”将从 %s 持续到 %s，共 %d 天，远长于方案的 %s%s；按方案的时长应到 %s 结束，"
                + "如需如此，发起时将第 %d 阶段的结束日期填为 %s（后续阶段随之提前，请再核对）%s").formatted(i + 1, phase.name(), from, to,
                days, words(phase.length()), phase.ends() == null || phase.ends().isBlank() ? ""
                        : "（模板按方案的年度节奏在" + phase.ends().strip() + "结束该阶段）", byLength, i + 1, byLength,
                late.isEmpty() ? "。" : "；否则本阶段的任务" + String.join("、", late) + "要到 " + to + " 前后才到期。"));
    }

    /** A template's length in words: P3M 3 个月, P1M10D 1 个月 10 天. */
    static String words(Period length) {
        List<String> parts = new ArrayList<>();
        if (length.getYears() != 0) {
            parts.add(length.getYears() + " 年");
        }
        if (length.getMonths() != 0) {
            parts.add(length.getMonths() + " 个月");
        }
        if (length.getDays() != 0 || parts.isEmpty()) {
            parts.add(length.getDays() + " 天");
        }
        return String.join(" ", parts);
    }

    /**
     * A phase: the plan's own dates (first and last day, inclusive), the length a later campaign keeps and, where the plan
     * runs by the calendar, {@code ends}: the day of the year it ends on ("2月底", "12月31日", see {@link PlanDay}), which a
     * later campaign keeps instead of the length.
     */
    public record Phase(String id, String name, LocalDate from, LocalDate to, Period length, String ends) {

        /** The day of the year the phase ends on, if the template gives one (checked at start-up). */
        Optional<PlanDay> planDay() {
            return ends == null || ends.isBlank() ? Optional.empty() : PlanDay.parse(ends);
        }

        /** The last day of this phase in a campaign that begins it on {@code from}, by the template's length. */
        LocalDate byLength(LocalDate from) {
            return from.plus(length).minusDays(1);
        }

        /**
         * The last day of this phase in a campaign, when it begins on {@code from}, by its length or the plan's day; the
         * campaign takes it through {@link CampaignTemplate#lastDayOfPhase}, which keeps the length for a phase this would
         * cut too short.
         */
        LocalDate lastDay(LocalDate from) {
            LocalDate byLength = byLength(from);
            return planDay().map(day -> day.endOfPhase(from, byLength)).orElse(byLength);
        }
    }

    /**
     * A participating unit: the group that does its work and, unless the file says otherwise, that
     * group's id, name and duties from {@code organization.yaml}. {@code standIn} marks a group that
     * only stands in, in this installation, for the body named in {@code name}. {@code organization} names a town or
     * street of a district instead of a group: its office does the unit's tasks, in its own organisation.
     */
    public record Participant(String id, String group, String name, String duties, Boolean standIn, String organization) {

        public Participant {
            standIn = Boolean.TRUE.equals(standIn);
        }
    }

    /**
     * A plan item (整治项目): a problem category with its lead and responsible units. {@code finishBy} (optional) is the
     * phase by whose end the item's cases are to be done; {@code sources} (optional, empty: every source) the case sources
     * that finish-by binds, when the plan sets it for some problems of the category only (松江区: the survey report's point
     * problems are to be fixed before early April, not what later inspections or citizens find, sjreview F16).
     */
    public record Item(String category, String name, String lead, List<String> responsible, String finishBy,
            List<CaseSource> sources) {

        public Item {
            responsible = copy(responsible);
            sources = copy(sources);
        }
    }

    /**
     * A task of a phase. {@code who} is a group id, {@link #EACH_UNIT} or {@link #EACH_ITEM_LEAD};
     * {@code dueBeforePhaseEnd} (optional) puts the deadline that long before the phase ends, {@code dueAfterPhaseStart}
     * (optional, instead or as well: then the earlier of the two) that long after the phase's first day, for work the plan
     * wants done early in its phase;
     * {@code units} (optional, with {@link #EACH_UNIT}) the participants, by id, that the plan names for the task, when it
     * asks it of some of them only (松江区: the district's departments and the six towns and streets ranked lowest);
     * {@code findings} (optional) is the case source under which problems found become rectification cases;
     * {@code evidence} (optional) what files the task's form asks for; {@code requirement} what the plan asks of it, shown
     * in the task's 要求 box; {@code with} (optional, with a group {@code who}) the groups that do the task together with it
     * (会同: 锦溪's 纪委监察 with the office's 季检查 and 年考核), who may claim and do it as well.
     */
    public record TaskDefinition(String id, String name, String phase, String who, List<String> units, TaskKind kind,
            Period dueBeforePhaseEnd, Period dueAfterPhaseStart, CaseSource findings, TaskEvidence evidence, String requirement,
            List<String> with) {

        public TaskDefinition {
            kind = kind == null ? TaskKind.TASK : kind;
            units = copy(units);
            with = copy(with);
        }

        /**
         * The task's last day in a phase from {@code firstDay} to {@code lastDay}: {@code dueAfterPhaseStart} after the
         * first day, else {@code dueBeforePhaseEnd} (none: the phase's last day) before the last; with both, the earlier
         * (九亭's 目标责任书: a month after the phase begins, at the latest when it ends, jtreview-s56 T6).
         */
        LocalDate dueDay(LocalDate firstDay, LocalDate lastDay) {
            LocalDate beforeEnd = lastDay.minus(dueBeforePhaseEnd == null ? Period.ZERO : dueBeforePhaseEnd);
            if (dueAfterPhaseStart == null) {
                return beforeEnd;
            }
            LocalDate afterStart = firstDay.plus(dueAfterPhaseStart);
            return dueBeforePhaseEnd != null && beforeEnd.isBefore(afterStart) ? beforeEnd : afterStart;
        }

        /** The deadline rule in words, for messages: 阶段开始后 P1M（不晚于阶段结束前 P0D）. */
        String dueRule() {
            if (dueAfterPhaseStart == null) {
                return "阶段结束前 " + dueBeforePhaseEnd;
            }
            return "阶段开始后 " + dueAfterPhaseStart + (dueBeforePhaseEnd == null ? "" : "（不晚于阶段结束前 " + dueBeforePhaseEnd + "）");
        }

        /** Whether the task may not be completed without an attachment. */
        public boolean attachmentsRequired() {
            return evidence != null && REQUIRED.equals(evidence.attachments());
        }

        /** The kinds of file the task accepts: the template's list, or every kind. */
        public List<AttachmentKind> attachmentKinds() {
            return evidence == null || evidence.kinds().isEmpty() ? List.of(AttachmentKind.values())
                    : evidence.kinds().stream().map(AttachmentKind::of).flatMap(Optional::stream).toList();
        }
    }

    /** {@code evidence} values: {@code required} or {@code optional} (the default). */
    public static final String REQUIRED = "required";
    public static final String OPTIONAL = "optional";

    /**
     * What the cases found in a campaign must show (活动模板的 evidence): {@code beforePhoto} {@code required}
     * refuses 整改 without a photo of the problem before rectification (同一位置、同一参照物的对比照片).
     */
    public record CaseEvidence(String beforePhoto) {
    }

    /**
     * The files a task's form takes (任务的 evidence): {@code attachments} {@code required} or {@code optional},
     * {@code kinds} those of {@link AttachmentKind} it accepts (all when left out).
     */
    public record TaskEvidence(String attachments, List<String> kinds) {

        public TaskEvidence {
            kinds = copy(kinds);
        }
    }

    /** Whether every case found in a campaign of this template must have a photo from before its rectification. */
    public boolean beforePhotoRequired() {
        return REQUIRED.equals(evidence.beforePhoto());
    }

    /**
     * A recurring piece of work, run on a Camunda cron timer while the campaign (or the listed phases)
     * runs. {@code process} is the process a meeting is held by, {@code categories} what an inspection
     * checks, {@code scorePeriod} the unit scores the cycle calculates, {@code with} the groups that do its tasks together
     * with {@code who} (as a task's). {@code scorePhases}: the phases whose work the cycle ranks; a run whose period has
     * no day in them is not held (锦溪's 年考核 of a year spent 明确任务、制定方案, before any 整治 or target, jxreview-s58 J1),
     * or, for a report or a meeting, held without ranking or naming anyone ({@link #heldWithoutRanking}).
     */
    public record Cycle(String id, String name, CycleKind kind, String cron, String who, List<String> phases,
            List<String> categories, String process, CaseSource findings, ScoredPeriod scorePeriod, String requirement,
            Boolean workingDaysOnly, String noticeAhead, String place, List<String> with, List<String> scorePhases) {

        /** A meeting's notice and agenda go out this long before it when the template gives no {@code notice-ahead}. */
        static final String DEFAULT_NOTICE_AHEAD = "1 工作日";

        public Cycle {
            phases = copy(phases);
            categories = copy(categories);
            with = copy(with);
            scorePhases = copy(scorePhases);
            workingDaysOnly = !Boolean.FALSE.equals(workingDaysOnly);
            place = place == null || place.isBlank() ? null : place.strip();
        }

        /**
         * How long before a meeting its notice and agenda go out ({@code notice-ahead}, "1 工作日" unless given): a
         * number of working days (the same time on the working day that many working days before) or of calendar days.
         */
        TimeLimit noticeLead() {
            return TimeLimit.parse(noticeAhead == null || noticeAhead.isBlank() ? DEFAULT_NOTICE_AHEAD : noticeAhead);
        }

        /**
         * The unit-score period a meeting's agenda ranks: its {@code score-period}, else the month before the day the
         * cron named (a meeting moved from 31 May to 1 June still ranks April).
         */
        String meetingPeriod(LocalDate plannedDay) {
            return (scorePeriod != null ? scorePeriod : ScoredPeriod.PREVIOUS_MONTH).code(plannedDay);
        }

        /**
         * The period a run ranks, as the unit scores it calculates name it: its {@code score-period}, else the month
         * before for a meeting's agenda and a report; null for an inspection or assessment that scores nothing.
         */
        ScoredPeriod rankedPeriod() {
            return scorePeriod != null ? scorePeriod
                    : kind == CycleKind.MEETING || kind == CycleKind.REPORT ? ScoredPeriod.PREVIOUS_MONTH : null;
        }

        /**
         * The period a run's tasks are about, for a report (its {@code score-period}, else the month before, as its
         * monthly report) or an assessment: they are named after it, 月度工作报告（2026年5月）, not after the day they
         * are issued; null for a meeting or an inspection, which are about the day they are held.
         */
        ScoredPeriod reportedPeriod() {
            return kind == null ? null : switch (kind) {
                case REPORT -> scorePeriod != null ? scorePeriod : ScoredPeriod.PREVIOUS_MONTH;
                case ASSESSMENT -> scorePeriod;
                default -> null;
            };
        }

        /**
         * Whether a run of this cycle reports on a period still under way (a 25th-of-the-month 报送 of 本月): its units hand in
         * their reports, but the period's scores, 月度工作报告 and 通报 wait until it is over, when an assessment of the
         * month just ended issues them (松江区's 月度考核 on the 1st): a ranking of a running month is 暂定 and names nobody,
         * and its report could not yet hold the units' 报送 of the month.
         */
        boolean reportsRunningPeriod() {
            return kind == CycleKind.REPORT && !reportedPeriod().lookingBack();
        }

        /**
         * Whether a run whose period has no day of the {@code score-phases} is still held, ranking and naming no one: a
         * report's units still report and its 月度工作报告 still gives the progress and cases (锦溪's 月报告 of the
         * 明确任务制定方案 months), a meeting still meets (its office 例会); an inspection or assessment that would only
         * score and rank is not held.
         */
        boolean heldWithoutRanking() {
            return kind == CycleKind.REPORT || kind == CycleKind.MEETING;
        }

        /** Whether a run issues the 月度工作报告 of its period: a report cycle on a month over, or an assessment of 上月. */
        boolean issuesMonthlyReport() {
            return kind == CycleKind.REPORT && !reportsRunningPeriod()
                    || kind == CycleKind.ASSESSMENT && scorePeriod == ScoredPeriod.PREVIOUS_MONTH;
        }
    }

    /** Rules the campaign process applies to its cases. */
    public record Rules(Boolean verifyCitizenCasesOnSite) {

        public Rules {
            verifyCitizenCasesOnSite = Boolean.TRUE.equals(verifyCitizenCasesOnSite);
        }
    }

    /**
     * Whether each finding of this source must say what was seen on site before it becomes a case:
     * {@code verify-citizen-cases-on-site} asks it of citizen reports (市民反映，逐一到现场核查).
     */
    public boolean findingsNeedSiteCheck(String findingsSource) {
        return rules.verifyCitizenCasesOnSite() && CaseSource.CITIZEN.name().equals(findingsSource);
    }

    public Optional<Phase> phase(String phaseId) {
        return phases.stream().filter(p -> p != null && p.id() != null && p.id().equals(phaseId)).findFirst();
    }

    public Optional<TaskDefinition> task(String taskId) {
        return tasks.stream().filter(t -> t != null && t.id() != null && t.id().equals(taskId)).findFirst();
    }

    public Optional<Cycle> cycle(String cycleId) {
        return cycles.stream().filter(c -> c != null && c.id() != null && c.id().equals(cycleId)).findFirst();
    }

    private static <T> List<T> copy(List<T> list) {
        // Entries may be null while the file is checked (an empty "- " line); List.copyOf would refuse them.
        return list == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(list));
    }
}
