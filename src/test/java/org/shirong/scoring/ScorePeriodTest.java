package org.shirong.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.shirong.system.DateWindow;
import org.shirong.system.SharesJvm;

/** Months, quarters and years in Asia/Shanghai, every malformed period refused, and periods beyond {@link DateWindow} named. */
@SharesJvm
class ScorePeriodTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    void aMonthRunsFromItsFirstDayToTheFirstDayOfTheNextInShanghai() {
        ScorePeriod may = ScorePeriod.parse("2026-05").orElseThrow();

        assertThat(may.code()).isEqualTo("2026-05");
        assertThat(may.name()).isEqualTo("2026年5月");
        assertThat(may.from()).isEqualTo(LocalDate.of(2026, 5, 1));
        assertThat(may.to()).isEqualTo(LocalDate.of(2026, 5, 31));
        // Midnight in Shanghai is 16:00 UTC of the day before.
        assertThat(may.start(SHANGHAI)).isEqualTo(Instant.parse("2026-04-30T16:00:00Z"));
        assertThat(may.end(SHANGHAI)).isEqualTo(Instant.parse("2026-05-31T16:00:00Z"));
    }

    @Test
    void quartersAndYearsAreRecognised() {
        ScorePeriod q2 = ScorePeriod.parse("2026-q2").orElseThrow();
        assertThat(q2.code()).isEqualTo("2026-Q2");
        assertThat(q2.name()).isEqualTo("2026年第二季度");
        assertThat(q2.from()).isEqualTo(LocalDate.of(2026, 4, 1));
        assertThat(q2.to()).isEqualTo(LocalDate.of(2026, 6, 30));

        ScorePeriod q4 = ScorePeriod.parse("2026-Q4").orElseThrow();
        assertThat(q4.until()).isEqualTo(LocalDate.of(2027, 1, 1));

        ScorePeriod year = ScorePeriod.parse(" 2026 ").orElseThrow();
        assertThat(year.name()).isEqualTo("2026年");
        assertThat(year.from()).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(year.to()).isEqualTo(LocalDate.of(2026, 12, 31));
    }

    @Test
    void malformedPeriodsAreNotPeriods() {
        for (String bad : new String[] {null, "", "2026-13", "2026-00", "2026-5", "2026-Q5", "2026-Q0", "26-05", "1999",
                "2026/05", "2026-05-01", "五月"}) {
            assertThat(ScorePeriod.parse(bad)).as(bad).isEmpty();
        }
    }

    @Test
    void aPeriodWithControlCharactersIsNoPeriodAndOneBeyondTheDatesPeopleMayTypeIsNamedWithTheRange() {
        for (String bad : new String[] {"\n2026-05\n", "2026-05\u0001", "\t2026", "2026-Q2\u0000"}) {
            assertThat(ScorePeriod.parse(bad)).as(bad).isEmpty();
            assertThat(ScorePeriod.problem(bad, DateWindow.DEFAULT, LocalDate.of(2026, 5, 20))).as(bad).get(InstanceOfAssertFactories.STRING)
                    .startsWith("考核期间");
        }
        LocalDate today = LocalDate.of(2026, 5, 20);
        assertThat(ScorePeriod.problem("2099-12", DateWindow.DEFAULT, today))
                .contains("考核期间 2099-12 超出可查询的范围（2000-01-01 至 2036-05-20），请检查年份");
        assertThat(ScorePeriod.problem("2037", DateWindow.DEFAULT, today)).isPresent();
        assertThat(ScorePeriod.problem("2036-05", DateWindow.DEFAULT, today)).isEmpty();
        assertThat(ScorePeriod.problem(" 2026-Q2 ", DateWindow.DEFAULT, today)).isEmpty();
        assertThat(ScorePeriod.problem("2005", new DateWindow(LocalDate.of(2010, 1, 1), 5), today))
                .contains("考核期间 2005 超出可查询的范围（2010-01-01 至 2031-05-20），请检查年份");
        assertThat(ScorePeriod.problem("2026-13", DateWindow.DEFAULT, today))
                .contains("考核期间 \"2026-13\" 无效：" + ScorePeriod.FORMAT_HINT);
    }

    @Test
    void thePreviousFullMonthIsTakenInShanghaiNotInUtc() {
        // 2026-06-01 00:30 in Shanghai is still 31 May in UTC: the previous full month is May.
        assertThat(ScorePeriod.previousMonth(Instant.parse("2026-05-31T16:30:00Z"), SHANGHAI).code()).isEqualTo("2026-05");
        assertThat(ScorePeriod.previousMonth(Instant.parse("2026-01-15T00:00:00Z"), SHANGHAI).code()).isEqualTo("2025-12");
    }
}
