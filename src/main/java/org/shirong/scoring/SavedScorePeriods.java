package org.shirong.scoring;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.shirong.calendar.WorkingCalendar;
import org.shirong.rectification.ScoredPeriods;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Tells an appeal (考核申诉) whether scores were saved that count an instant of a case: the month, quarter or year it
 * falls in, saved for the organisation or for the case's campaign ({@code score_unit}); an approval holds the saves
 * ({@link ScoreRecords#lockSaves}) while it decides.
 */
@Component
class SavedScorePeriods implements ScoredPeriods {

    private final JdbcTemplate jdbc;
    private final ScoreRecords records;
    private final ZoneId zone;

    SavedScorePeriods(JdbcTemplate jdbc, ScoreRecords records, WorkingCalendar calendar) {
        this.jdbc = jdbc;
        this.records = records;
        this.zone = calendar.zone();
    }

    @Override
    public void holdSaves() {
        records.lockSaves();
    }

    @Override
    public Optional<String> savedPeriodCounting(String organization, String campaign, Instant at) {
        ZonedDateTime local = at.atZone(zone);
        List<ScorePeriod> periods = List.of(ScorePeriod.month(YearMonth.from(local)),
                ScorePeriod.parse(local.getYear() + "-Q" + ((local.getMonthValue() + 2) / 3)).orElseThrow(),
                ScorePeriod.parse(String.valueOf(local.getYear())).orElseThrow());
        List<Object> args = new ArrayList<>(periods.stream().map(ScorePeriod::code).toList());
        args.add(ScoreService.scope(organization, null));
        args.add(campaign == null ? ScoreService.scope(organization, null) : campaign);
        List<String> saved = jdbc.queryForList("select distinct score_period from score_unit where score_period in (?, ?, ?)"
                + " and score_scope in (?, ?)", String.class, args.toArray());
        return periods.stream().filter(p -> saved.contains(p.code())).map(ScorePeriod::name).findFirst();
    }
}
