package org.shirong.meeting;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The meetings convened and the decisions carried out ({@code meeting}, {@code meeting_decision}), in the engine's transaction. */
@Repository
class MeetingRecords {

    private final JdbcTemplate jdbc;

    MeetingRecords(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** What a decision became: the case number or the work assignment's process instance. */
    record Outcome(String caseNo, String assignmentInstanceId) {
    }

    /** A participating unit of a campaign. */
    record CampaignUnit(String groupId, String name) {
    }

    void addMeeting(String key, MeetingFacts m, Instant now) {
        jdbc.update("insert into meeting (meeting_key, campaign_code, cycle_id, meeting_name, organiser_group, meeting_at,"
                        + " score_period, convened_at) values (?,?,?,?,?,?,?,?)", key, m.campaignCode(), m.cycleId(),
                m.meetingName(), m.organiserGroup(), Timestamp.from(m.meetingAt()),
                m.scorePeriod().isEmpty() ? null : m.scorePeriod(), Timestamp.from(now));
    }

    void meetingStarted(String key, String processInstanceId) {
        jdbc.update("update meeting set process_instance_id = ? where meeting_key = ?", processInstanceId, key);
    }

    /** The process instance of the meeting with the key, if it was convened (empty string while it is being started). */
    Optional<String> meetingInstance(String key) {
        return jdbc.query("select coalesce(process_instance_id, '') from meeting where meeting_key = ?",
                (rs, n) -> rs.getString(1), key).stream().findFirst();
    }

    Optional<Outcome> outcome(String key, int no) {
        return jdbc.query("select case_no, assignment_instance_id from meeting_decision where meeting_key = ? and decision_no = ?",
                (rs, n) -> new Outcome(rs.getString(1), rs.getString(2)), key, no).stream().findFirst();
    }

    void addDecision(String key, DecisionInput d, Outcome outcome, Instant now) {
        jdbc.update("insert into meeting_decision (meeting_key, decision_no, content, kind, unit_id, due_day, category, address,"
                        + " case_no, assignment_instance_id, carried_out_at) values (?,?,?,?,?,?,?,?,?,?,?)",
                key, d.no(), d.content(), d.kind(), d.unit(), Date.valueOf(LocalDate.parse(d.due())),
                d.isCase() ? d.category() : null, d.isCase() ? d.address() : null, outcome.caseNo(),
                outcome.assignmentInstanceId(), Timestamp.from(now));
    }

    List<CampaignUnit> campaignUnits(String campaignCode) {
        return jdbc.query("select group_id, name from campaign_unit where campaign_code = ? order by sort_no",
                (rs, n) -> new CampaignUnit(rs.getString(1), rs.getString(2)), campaignCode);
    }
}
