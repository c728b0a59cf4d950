package org.shirong.meeting;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.shirong.report.MeetingDocuments;
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

    /**
     * A 通报 the campaign issued ({@code campaign_document} of kind NOTICE) with the meeting that issued it, when known:
     * found by the meeting's process instance, or, for a 通报 stored before they were kept per period, by its key
     * {@code notice/<meeting key>}. {@code scorePeriod} is the period the meeting was convened to score (null: the
     * month before the meeting).
     */
    record IssuedNoticeRow(String docKey, String title, Instant issuedAt, String meetingKey, String meetingName, Instant meetingAt,
            String scorePeriod) {
    }

    /** A meeting started: its process instance, the period it was convened to score (null: the month before it), its time. */
    record Started(String processInstanceId, String scorePeriod, Instant meetingAt) {
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

    /** The campaign's meetings convened to be held after {@code after}, soonest first: cycle, name, time and when convened. */
    List<Meetings.Upcoming> upcoming(String campaignCode, Instant after) {
        return jdbc.query("select cycle_id, meeting_name, meeting_at, convened_at from meeting where campaign_code = ?"
                        + " and meeting_at > ? order by meeting_at", (rs, n) -> new Meetings.Upcoming(rs.getString(1),
                        rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getTimestamp(4).toInstant()),
                campaignCode, Timestamp.from(after));
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
                key, d.no(), d.content(), d.kind(), d.unit(), d.due().isEmpty() ? null : Date.valueOf(LocalDate.parse(d.due())),
                d.isCase() ? d.category() : null, d.isCase() ? d.address() : null, outcome.caseNo(),
                outcome.assignmentInstanceId(), Timestamp.from(now));
    }

    /** The campaign's meetings whose process has started, earliest first. */
    List<Started> started(String campaignCode) {
        return jdbc.query("select process_instance_id, score_period, meeting_at from meeting where campaign_code = ?"
                + " and process_instance_id is not null order by meeting_at, meeting_key",
                (rs, n) -> new Started(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant()), campaignCode);
    }

    /** The campaign's 通报, oldest first. */
    List<IssuedNoticeRow> notices(String campaignCode) {
        return jdbc.query("select d.doc_key, d.title, d.created_at, m.meeting_key, m.meeting_name, m.meeting_at, m.score_period"
                + " from campaign_document d left join meeting m on m.campaign_code = d.campaign_code"
                + " and (m.process_instance_id = d.process_instance_id or d.doc_key = ? || m.meeting_key)"
                + " where d.campaign_code = ? and d.kind = 'NOTICE' order by d.created_at, d.doc_key",
                (rs, n) -> new IssuedNoticeRow(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getString(4),
                        rs.getString(5), rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant(), rs.getString(7)),
                MeetingDocuments.NOTICE_KEY_PREFIX, campaignCode);
    }

    List<CampaignUnit> campaignUnits(String campaignCode) {
        return jdbc.query("select group_id, name from campaign_unit where campaign_code = ? order by sort_no",
                (rs, n) -> new CampaignUnit(rs.getString(1), rs.getString(2)), campaignCode);
    }
}
