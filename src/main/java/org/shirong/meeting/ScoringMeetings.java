package org.shirong.meeting;

import java.util.List;
import org.shirong.report.PeriodMeetings;
import org.shirong.scoring.UnitScores;
import org.springframework.stereotype.Component;

/** The campaign's meetings of a score period ({@link PeriodMeetings}), from the {@code meeting} table. */
@Component
class ScoringMeetings implements PeriodMeetings {

    private final MeetingRecords records;
    private final UnitScores scores;

    ScoringMeetings(MeetingRecords records, UnitScores scores) {
        this.records = records;
        this.scores = scores;
    }

    @Override
    public List<String> convened(String campaignCode, String periodCode) {
        return records.started(campaignCode).stream()
                .filter(m -> periodCode.equals(m.scorePeriod() != null ? m.scorePeriod() : scores.previousMonth(m.meetingAt())))
                .map(MeetingRecords.Started::processInstanceId).toList();
    }
}
