package org.shirong.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.shirong.calendar.TimeLimit;
import org.shirong.calendar.WorkingCalendar;
import org.shirong.campaign.CampaignRecords.PhaseRow;
import org.shirong.campaign.CycleRuns.Run;

/**
 * Cycle runs on the bundled working calendar (2026's holidays and make-up days): a run the cron names on a day the
 * office does not work is held on the next working day at the same time, runs moved onto one day are held once unless
 * they are about different periods, and a meeting is announced ahead of it.
 */
class CycleRunsTest {

    static final WorkingCalendar CALENDAR = WorkingCalendar.bundled();

    static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(CALENDAR.zone()).toInstant();
    }

    static CampaignTemplate.Cycle cycle(CycleKind kind, String cron, Boolean workingDaysOnly, String... phases) {
        return new CampaignTemplate.Cycle("c", "周期", kind, cron, "chuangban", List.of(phases), List.of(), null, null, null, null,
                workingDaysOnly, null, null, List.of(), List.of());
    }

    static PhaseRow phase(int no, String from, String to) {
        return new PhaseRow(no, "p" + no, "阶段" + no, LocalDate.parse(from), LocalDate.parse(to), at(from + "T00:00"),
                at(LocalDate.parse(to).plusDays(1) + "T00:00"), null, null, null);
    }

    static final List<PhaseRow> PHASES = List.of(phase(1, "2026-09-01", "2026-10-31"), phase(2, "2026-11-01", "2027-03-31"));

    /** Every run from {@code from} on, as the cycle's loop schedules them one after the other, as "planned→held". */
    static List<String> runs(CampaignTemplate.Cycle cycle, List<PhaseRow> phases, String from, int count) {
        List<String> runs = new ArrayList<>();
        Optional<Run> run = CycleRuns.next(cycle, phases, Optional.empty(), at(from), CALENDAR);
        while (run.isPresent() && runs.size() < count) {
            runs.add(local(run.get().plannedAt()) + "→" + local(run.get().heldAt()));
            run = CycleRuns.next(cycle, phases, run, run.get().heldAt(), CALENDAR);
        }
        return runs;
    }

    static String local(Instant at) {
        return LocalDateTime.ofInstant(at, CALENDAR.zone()).toString();
    }

    @Test
    void aMeetingOnASaturdayOrSundayIsHeldOnMondayAndOneOnAWorkingDayStays() {
        assertThat(runs(cycle(CycleKind.MEETING, "0 0 9 5,20 * ?", null), PHASES, "2026-12-01T00:00", 4)).containsExactly(
                "2026-12-05T09:00→2026-12-07T09:00", "2026-12-20T09:00→2026-12-21T09:00",
                "2027-01-05T09:00→2027-01-05T09:00", "2027-01-20T09:00→2027-01-20T09:00");
        assertThat(runs(cycle(CycleKind.MEETING, "0 0 9 20 9 ?", null), PHASES, "2026-09-01T00:00", 1))
                .as("Sunday 20 September 2026 is a make-up working day").containsExactly("2026-09-20T09:00→2026-09-20T09:00");
    }

    @Test
    void aTemplateMayKeepTheCronDays() {
        assertThat(runs(cycle(CycleKind.MEETING, "0 0 9 5,20 * ?", false), PHASES, "2026-12-01T00:00", 2))
                .containsExactly("2026-12-05T09:00→2026-12-05T09:00", "2026-12-20T09:00→2026-12-20T09:00");
    }

    @Test
    void dailyRunsMovedOntoOneDayAreHeldOnceAndTheNextDayRunsAgain() {
        assertThat(runs(cycle(CycleKind.INSPECTION, "0 0 9 * * ?", null), PHASES, "2026-09-29T12:00", 6)).as("国庆节 1–7 October,"
                + " Saturday 10 October a make-up day").containsExactly("2026-09-30T09:00→2026-09-30T09:00",
                "2026-10-01T09:00→2026-10-08T09:00", "2026-10-09T09:00→2026-10-09T09:00", "2026-10-10T09:00→2026-10-10T09:00",
                "2026-10-11T09:00→2026-10-12T09:00", "2026-10-13T09:00→2026-10-13T09:00");
    }

    @Test
    void reportsAboutDifferentMonthsMovedOntoOneDayAreBothHeld() {
        assertThat(runs(cycle(CycleKind.REPORT, "0 0 9 * * ?", null), PHASES, "2026-10-30T12:00", 4)).as("31 October reports"
                + " September, 1 November October; 2 November's own run is about October again and held with it")
                .containsExactly("2026-10-31T09:00→2026-11-02T09:00", "2026-11-01T09:00→2026-11-02T09:00",
                        "2026-11-03T09:00→2026-11-03T09:00", "2026-11-04T09:00→2026-11-04T09:00");
    }

    @Test
    void phasesAndTheCampaignEndApplyToTheDayTheRunIsHeld() {
        List<PhaseRow> endsOnSunday = List.of(phase(1, "2026-12-01", "2026-12-31"), phase(2, "2027-01-01", "2027-01-03"));
        assertThat(runs(cycle(CycleKind.REPORT, "0 0 9 1 * ?", null), endsOnSunday, "2026-12-01T08:00", 5))
                .as("1 January, 元旦, is held on 4 January, after the campaign").containsExactly("2026-12-01T09:00→2026-12-01T09:00");
        assertThat(runs(cycle(CycleKind.INSPECTION, "0 0 9 ? * SAT", null, "p1"), PHASES, "2026-10-20T00:00", 5))
                .as("Saturday 31 October of phase 1 is held on Monday 2 November, in phase 2").containsExactly(
                        "2026-10-24T09:00→2026-10-26T09:00");
    }

    @Test
    void anAssessmentOfAYearWithoutADayOfItsScorePhasesIsNotHeld() {
        // jxreview-s58 J1: 锦溪 planning (明确任务制定方案) to February, 整治 March–December 2027, assessment to June 2028
        List<PhaseRow> jinxi = List.of(new PhaseRow(1, "planning", "明确任务制定方案", LocalDate.parse("2026-10-26"),
                        LocalDate.parse("2027-02-28"), at("2026-10-26T00:00"), at("2027-03-01T00:00"), null, null, null),
                new PhaseRow(2, "rectification", "深入推进全面整治", LocalDate.parse("2027-03-01"), LocalDate.parse("2027-12-31"),
                        at("2027-03-01T00:00"), at("2028-01-01T00:00"), null, null, null),
                new PhaseRow(3, "assessment", "考核评估表彰先进", LocalDate.parse("2028-01-01"), LocalDate.parse("2028-06-30"),
                        at("2028-01-01T00:00"), at("2028-07-01T00:00"), null, null, null));
        CampaignTemplate.Cycle annual = new CampaignTemplate.Cycle("annualAssessment", "年考核", CycleKind.ASSESSMENT,
                "0 0 9 10 1 ?", "jxtuijinban", List.of(), List.of(), null, null, ScoredPeriod.PREVIOUS_YEAR, null, null, null,
                null, List.of(), List.of("rectification"));
        assertThat(runs(annual, jinxi, "2026-10-26T08:00", 5)).as("2026 was all planning: only 2027, the 整治 year, is assessed")
                .containsExactly("2028-01-10T09:00→2028-01-10T09:00");
        CampaignTemplate.Cycle anyPhase = new CampaignTemplate.Cycle("annualAssessment", "年考核", CycleKind.ASSESSMENT,
                "0 0 9 10 1 ?", "jxtuijinban", List.of(), List.of(), null, null, ScoredPeriod.PREVIOUS_YEAR, null, null, null,
                null, List.of(), List.of());
        assertThat(runs(anyPhase, jinxi, "2026-10-26T08:00", 5)).as("without score-phases as before")
                .containsExactly("2027-01-10T09:00→2027-01-11T09:00", "2028-01-10T09:00→2028-01-10T09:00");
        CampaignTemplate.Cycle quarterly = new CampaignTemplate.Cycle("quarterlyMeeting", "季度专项工作会议", CycleKind.MEETING,
                "0 0 9 15 1,4,7,10 ?", "jxtuijinban", List.of(), List.of(), null, null, ScoredPeriod.PREVIOUS_QUARTER, null,
                null, null, null, List.of(), List.of("rectification", "assessment"));
        assertThat(runs(quarterly, jinxi, "2026-10-26T08:00", 2)).as("a meeting on 2026-Q4, all planning, meets all the same,"
                + " ranking no one (CampaignTemplatesRunTest)").containsExactly("2027-01-15T09:00→2027-01-15T09:00",
                        "2027-04-15T09:00→2027-04-15T09:00");
        CampaignTemplate.Cycle report = new CampaignTemplate.Cycle("monthlyReport", "月报告", CycleKind.REPORT,
                "0 0 9 1 * ?", "each-item-lead", List.of(), List.of(), null, null, ScoredPeriod.PREVIOUS_MONTH, null,
                null, null, null, List.of(), List.of("rectification", "assessment"));
        assertThat(runs(report, jinxi, "2026-10-26T08:00", 2)).as("the 月报告 of the planning months is still handed out")
                .containsExactly("2026-11-01T09:00→2026-11-02T09:00", "2026-12-01T09:00→2026-12-01T09:00");
        assertThat(CycleRuns.ranksPhaseWork(report, jinxi, LocalDate.parse("2027-03-01"), CALENDAR)).as("February").isFalse();
        assertThat(CycleRuns.ranksPhaseWork(report, jinxi, LocalDate.parse("2027-04-01"), CALENDAR)).as("March").isTrue();
    }

    @Test
    void aRunMissedWhileTheEngineDidNotRunIsPassedOver() {
        CampaignTemplate.Cycle meeting = cycle(CycleKind.MEETING, "0 0 9 5,20 * ?", null);
        Run december = new Run(at("2026-12-05T09:00"), at("2026-12-07T09:00"));
        assertThat(CycleRuns.next(meeting, PHASES, Optional.of(december), at("2026-12-25T10:00"), CALENDAR))
                .contains(new Run(at("2027-01-05T09:00"), at("2027-01-05T09:00")));
    }

    @Test
    void aMeetingIsAnnouncedItsLeadAheadButNotBeforeThePeriodItRanksHasEnded() {
        assertThat(CycleRuns.noticeAt(at("2026-12-07T09:00"), TimeLimit.parse("1 工作日"), at("2026-12-01T00:00"), CALENDAR))
                .as("Monday's meeting on Friday").isEqualTo(at("2026-12-04T09:00"));
        assertThat(CycleRuns.noticeAt(at("2026-12-07T09:00"), TimeLimit.parse("2 自然日"), null, CALENDAR)).isEqualTo(at("2026-12-05T09:00"));
        assertThat(CycleRuns.noticeAt(at("2026-10-08T09:00"), TimeLimit.parse("1 工作日"), at("2026-10-01T00:00"), CALENDAR))
                .as("the meeting after 国庆节 ranks September: not announced on 30 September").isEqualTo(at("2026-10-01T00:00"));
        assertThat(CycleRuns.noticeAt(at("2026-10-08T09:00"), TimeLimit.parse("1 工作日"), at("2026-11-01T00:00"), CALENDAR))
                .as("one that ranks October, under way, is announced its lead ahead").isEqualTo(at("2026-09-30T09:00"));
    }
}
