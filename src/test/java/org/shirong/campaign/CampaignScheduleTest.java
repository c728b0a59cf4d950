package org.shirong.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.shirong.campaign.CampaignSchedule.PhaseWindow;
import org.shirong.campaign.CampaignSchedule.Result;
import org.shirong.campaign.CampaignStartRequest.Dates;
import org.shirong.campaign.CampaignStartRequest.PhaseDates;
import org.shirong.campaign.CampaignTemplate.Phase;
import org.shirong.system.ApiError;
import org.shirong.system.SharesJvm;

/** The phases of a new campaign: from today, from a start date or from per-phase dates, and bad dates named by field. */
@SharesJvm
class CampaignScheduleTest {

    private static final CampaignTemplate JIUTING = CampaignTemplateReader.read(
            Path.of("config/organizations/jiuting/campaigns/jiuting-2023-standard-town.yaml"), TemplateFixture.references());
    private static final CampaignTemplate JINXI = CampaignTemplateReader.read(
            Path.of("config/organizations/jinxi/campaigns/jinxi-2017-931.yaml"), TemplateFixture.references("jinxi"));
    private static final CampaignTemplate SONGJIANG = CampaignTemplateReader.read(
            Path.of("config/organizations/songjiang/campaigns/songjiang-2024-satisfaction.yaml"), TemplateFixture.references("songjiang"));
    private static final LocalDate TODAY = LocalDate.of(2025, 3, 10);

    private final CampaignSchedule schedule = new CampaignSchedule();

    private static CampaignStartRequest request(Dates dates) {
        return new CampaignStartRequest(JIUTING.id(), "JT-2025-DB", "九亭镇 2025 年创建达标镇", dates);
    }

    private static Dates perPhase(PhaseDates... phases) {
        return new Dates(null, Arrays.asList(phases));
    }

    private static PhaseDates days(String from, String to) {
        return new PhaseDates(from == null ? null : LocalDate.parse(from), to == null ? null : LocalDate.parse(to));
    }

    private static List<String> spans(Result result) {
        assertThat(result.errors()).isEmpty();
        return result.phases().stream().map(w -> w.from() + "~" + w.to()).toList();
    }

    @Test
    void withoutDatesThePhasesStartTodayAndEndOnThePlansDays() {
        Result result = schedule.plan(JIUTING, request(null), TODAY);

        assertThat(result.valid()).isTrue();
        // 九亭's plan runs by the calendar year: 前期准备 to 5月31日, 自查整改 to 10月31日, 总结迎检 to 年底.
        assertThat(spans(result)).containsExactly("2025-03-10~2025-05-31", "2025-06-01~2025-10-31", "2025-11-01~2025-12-31");
        PhaseWindow first = result.phases().get(0);
        assertThat(first.phase()).isEqualTo("preparation");
        assertThat(first.name()).isEqualTo("前期准备");
        // Midnight in Shanghai; the phase ends (its timer fires) when the day after its last day begins.
        assertThat(first.start()).isEqualTo(Instant.parse("2025-03-09T16:00:00Z"));
        assertThat(first.end()).isEqualTo(Instant.parse("2025-05-31T16:00:00Z")).isEqualTo(result.phases().get(1).start());
    }

    @Test
    void jiutingAndSongjiangStartedAfterTheirFirstPlanDayRunToTheNextYearsPlanDays() {
        // Started on 7 December: 九亭 prepares to the next 5月31日 (not to March by 2023's P3M, with 迎检 in October), and
        // 松江 makes up its shortfalls to the next 4月10日; both end with the next year.
        LocalDate december = LocalDate.of(2026, 12, 7);
        CampaignStartRequest jiuting = new CampaignStartRequest(JIUTING.id(), "JT-2027-DB", "九亭镇", new Dates(december, null));
        assertThat(spans(schedule.plan(JIUTING, jiuting, december)))
                .containsExactly("2026-12-07~2027-05-31", "2027-06-01~2027-10-31", "2027-11-01~2027-12-31");
        CampaignStartRequest songjiang = new CampaignStartRequest(SONGJIANG.id(), "SJ-2027", "松江区", new Dates(december, null));
        assertThat(spans(schedule.plan(SONGJIANG, songjiang, december)))
                .containsExactly("2026-12-07~2027-04-10", "2027-04-11~2027-06-30", "2027-07-01~2027-12-31");
    }

    @Test
    void aPlanDayThatWouldCutAPhaseTooShortLeavesItItsLength() {
        LocalDate today = LocalDate.of(2026, 12, 7);
        // 1 May: 5月31日 would leave 前期准备 one month of its three; it keeps them, and 自查整改 and 总结迎检 still end on
        // 10月31日 and 年底.
        CampaignStartRequest first = new CampaignStartRequest(JIUTING.id(), "JT-2027-DB", "九亭镇", new Dates(LocalDate.of(2027, 5, 1), null));
        assertThat(spans(schedule.plan(JIUTING, first, today)))
                .containsExactly("2027-05-01~2027-07-31", "2027-08-01~2027-10-31", "2027-11-01~2027-12-31");
        // 28 May: 5月31日 would leave 前期准备 four days of its three months; it keeps them, 自查整改 (to 10月31日 would be
        // under half its five months) its length too.
        CampaignStartRequest may = new CampaignStartRequest(JIUTING.id(), "JT-2027-DB", "九亭镇", new Dates(LocalDate.of(2027, 5, 28), null));
        assertThat(spans(schedule.plan(JIUTING, may, today)))
                .containsExactly("2027-05-28~2027-08-27", "2027-08-28~2028-01-27", "2028-01-28~2028-03-27");
        // 15 March: to 4月10日 is more than half of 松江's 40 days, but 认领测评点位问题 (a month before the phase ends) would be
        // due on 10 March, before the phase began; the phase keeps its 40 days and the campaign can be started.
        CampaignStartRequest march = new CampaignStartRequest(SONGJIANG.id(), "SJ-2027", "松江区", new Dates(LocalDate.of(2027, 3, 15), null));
        assertThat(spans(schedule.plan(SONGJIANG, march, today)))
                .containsExactly("2027-03-15~2027-04-24", "2027-04-25~2027-06-30", "2027-07-01~2027-12-31");
        // 5 March: to 4月10日 leaves room for every deadline (认领 by 10 March).
        CampaignStartRequest early = new CampaignStartRequest(SONGJIANG.id(), "SJ-2027", "松江区", new Dates(LocalDate.of(2027, 3, 5), null));
        assertThat(spans(schedule.plan(SONGJIANG, early, today)))
                .containsExactly("2027-03-05~2027-04-10", "2027-04-11~2027-06-30", "2027-07-01~2027-12-31");
    }

    /**
     * s55: 九亭 started from June to early September cannot keep the plan's calendar, and does not pretend to. This year's
     * 5月31日 has passed, the next is further from the end of 前期准备's three months than the one passed; 10月31日 would
     * leave 自查整改 under half its five months, and 总结迎检 then begins after 12月31日: each phase keeps its length
     * (lastDayOfPhase). Keeping the calendar would stretch one phase to three or four times its length (前期准备 to the
     * next 5月31日, or 自查整改 to the next 10月31日); the office can set those days at the start instead. From mid-September
     * the next 5月31日 is the nearer, and the campaign keeps the next year's calendar.
     */
    @Test
    void jiutingStartedInSummerRunsItsPhasesByLengthAndFromMidSeptemberByTheNextYearsCalendar() {
        LocalDate today = LocalDate.of(2026, 12, 7);
        CampaignStartRequest june = new CampaignStartRequest(JIUTING.id(), "JT-2027-DB", "九亭镇", new Dates(LocalDate.of(2027, 6, 15), null));
        assertThat(spans(schedule.plan(JIUTING, june, today)))
                .containsExactly("2027-06-15~2027-09-14", "2027-09-15~2028-02-14", "2028-02-15~2028-04-14");
        CampaignStartRequest august = new CampaignStartRequest(JIUTING.id(), "JT-2027-DB", "九亭镇", new Dates(LocalDate.of(2027, 8, 1), null));
        assertThat(spans(schedule.plan(JIUTING, august, today)))
                .containsExactly("2027-08-01~2027-10-31", "2027-11-01~2028-03-31", "2028-04-01~2028-05-31");
        CampaignStartRequest september = new CampaignStartRequest(JIUTING.id(), "JT-2027-DB", "九亭镇", new Dates(LocalDate.of(2027, 9, 15), null));
        assertThat(spans(schedule.plan(JIUTING, september, today)))
                .containsExactly("2027-09-15~2028-05-31", "2028-06-01~2028-10-31", "2028-11-01~2028-12-31");
    }

    @Test
    void aTemplateThatRunsByTheCalendarEndsEachPhaseOnThePlansDayNearestItsLength() {
        // jxreview J8: started on 7 December, 锦溪's 931 runs 明确任务 to 2月底, 全面整治 to 年底, 考核 to the next 6月30日,
        // not 17 months of 2017's lengths (整治 to 6 November, 考核 into May of the year after).
        CampaignStartRequest december = new CampaignStartRequest(JINXI.id(), "JX-2027-931", "锦溪 931", new Dates(LocalDate.of(2026, 12, 7), null));
        assertThat(spans(schedule.plan(JINXI, december, LocalDate.of(2026, 12, 1))))
                .containsExactly("2026-12-07~2027-02-28", "2027-03-01~2027-12-31", "2028-01-01~2028-06-30");
        // Started after 2月底 of its year: 明确任务 keeps its month, 全面整治 still runs to 年底.
        CampaignStartRequest june = new CampaignStartRequest(JINXI.id(), "JX-2027-931", "锦溪 931", new Dates(LocalDate.of(2027, 6, 15), null));
        assertThat(spans(schedule.plan(JINXI, june, LocalDate.of(2026, 12, 1))))
                .containsExactly("2027-06-15~2027-07-14", "2027-07-15~2027-12-31", "2028-01-01~2028-06-30");
        // A leap year's 2月底 is the 29th; a phase's end given by the office stands, the next phase keeps the plan's day.
        CampaignStartRequest leap = new CampaignStartRequest(JINXI.id(), "JX-2028-931", "锦溪 931",
                perPhase(days("2027-12-06", null), days(null, "2028-11-30"), days(null, null)));
        assertThat(spans(schedule.plan(JINXI, leap, LocalDate.of(2026, 12, 1))))
                .containsExactly("2027-12-06~2028-02-29", "2028-03-01~2028-11-30", "2028-12-01~2029-06-30");
    }

    @Test
    void withAStartDateThePhasesFollowFromIt() {
        Result result = schedule.plan(JIUTING, request(new Dates(LocalDate.of(2025, 3, 1), null)), TODAY);

        assertThat(spans(result)).containsExactly("2025-03-01~2025-05-31", "2025-06-01~2025-10-31", "2025-11-01~2025-12-31");
        assertThat(result.phases().get(2).end()).isEqualTo(Instant.parse("2025-12-31T16:00:00Z"));
    }

    @Test
    void perPhaseDatesAreFollowedAndWhatIsLeftOutFollowsTheTemplate() {
        assertThat(spans(schedule.plan(JIUTING, request(perPhase(days("2025-04-01", "2025-04-30"),
                days("2025-05-06", "2025-09-30"), days("2025-10-01", "2025-12-15"))), TODAY)))
                .containsExactly("2025-04-01~2025-04-30", "2025-05-06~2025-09-30", "2025-10-01~2025-12-15");
        // Only the end of the first phase given: it starts today, the others follow to the plan's days (10月31日, 年底).
        assertThat(spans(schedule.plan(JIUTING, request(perPhase(days(null, "2025-04-30"), days(null, null), days(null, null))), TODAY)))
                .containsExactly("2025-03-10~2025-04-30", "2025-05-01~2025-10-31", "2025-11-01~2025-12-31");
    }

    @Test
    void aGapBetweenTheTemplatesPhasesIsKept() {
        CampaignTemplate withGap = new CampaignTemplate("gap", "有间隔的活动", null, List.of(
                new Phase("a", "甲", LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 31), Period.ofMonths(1), null),
                new Phase("b", "乙", LocalDate.of(2025, 2, 11), LocalDate.of(2025, 2, 20), Period.ofDays(10), null),
                new Phase("c", "丙", LocalDate.of(2025, 2, 21), LocalDate.of(2025, 2, 28), Period.ofDays(8), null)),
                null, null, null, null, null, null);

        assertThat(spans(schedule.plan(withGap, request(null), TODAY)))
                .containsExactly("2025-03-10~2025-04-09", "2025-04-20~2025-04-29", "2025-04-30~2025-05-07");
    }

    @Test
    void badPerPhaseDatesAreNamedByField() {
        Result result = schedule.plan(JIUTING, request(perPhase(days("2025-04-01", "2025-03-31"),
                days("2025-05-01", "2025-09-30"), days("2025-09-15", "2025-12-31"))), TODAY);

        assertThat(result.valid()).isFalse();
        assertThat(result.phases()).isEmpty();
        assertThat(result.errors()).extracting(ApiError::field, ApiError::code).containsExactly(
                tuple("dates.phases[0].to", "END_BEFORE_START"),
                tuple("dates.phases[2].from", "OVERLAP"));
        assertThat(result.errors().get(1).message()).isEqualTo("第 3 阶段（2025-09-15 起）与第 2 阶段（2025-05-01 至 2025-09-30）重叠");
    }

    @Test
    void phasesOutOfOrderOrOfTheWrongNumberAreRefused() {
        assertThat(schedule.plan(JIUTING, request(perPhase(days("2025-06-01", "2025-06-30"), days("2025-04-01", "2025-04-30"),
                days("2025-07-01", "2025-07-31"))), TODAY).errors())
                .extracting(ApiError::field, ApiError::code)
                .contains(tuple("dates.phases[1].from", "OUT_OF_ORDER"));
        assertThat(schedule.plan(JIUTING, request(perPhase(days("2025-06-01", "2025-06-30"))), TODAY).errors())
                .extracting(ApiError::field, ApiError::code, ApiError::message)
                .containsExactly(tuple("dates.phases", "PHASE_COUNT",
                        "所选模板有 3 个阶段，dates.phases 给出了 1 个"));
    }

    @Test
    void aCampaignThatWouldAlreadyHaveEndedOrBothKindsOfDatesAreRefused() {
        assertThat(schedule.plan(JIUTING, request(new Dates(LocalDate.of(2023, 3, 1), null)), TODAY).errors())
                .extracting(ApiError::field, ApiError::code, ApiError::message)
                .containsExactly(tuple("dates.start", "ALREADY_ENDED",
                        "按此日期活动将于 2023-12-31 结束，早于今天（2025-03-10）"));
        assertThat(schedule.plan(JIUTING, request(new Dates(TODAY, List.of())), TODAY).errors())
                .extracting(ApiError::field).containsExactly("dates");
    }

    @Test
    void codeAndNameAreRequired() {
        Result result = schedule.plan(JIUTING, new CampaignStartRequest(JIUTING.id(), "JT 2025", " ", null), TODAY);

        assertThat(result.errors()).extracting(ApiError::field, ApiError::code).containsExactly(
                tuple("code", "INVALID_CODE"), tuple("name", "REQUIRED"));
    }
}
