package org.shirong.meeting;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import org.shirong.calendar.WorkingCalendars;
import org.shirong.organization.Organizations;
import org.shirong.report.MeetingNamedUnits;
import org.shirong.system.ChineseDates;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The units the campaign's meetings decided to 通报 ({@code meeting_decision} of kind NOTICE, the reason as its content),
 * for the campaign's next 通报 ({@link MeetingNamedUnits}), which records its key on them.
 */
@Repository
class MeetingNoticeUnits implements MeetingNamedUnits {

    private static final String SELECT = "select d.unit_id, d.content, m.meeting_name, m.meeting_at, c.tenant_id, d.meeting_key, d.decision_no"
            + " from meeting_decision d join meeting m on m.meeting_key = d.meeting_key join campaign c on c.code = m.campaign_code"
            + " where m.campaign_code = ? and d.kind = '" + JointMeetingProcess.KIND_NOTICE + "'";

    private final JdbcTemplate jdbc;
    private final Organizations organizations;
    private final WorkingCalendars calendars;

    MeetingNoticeUnits(JdbcTemplate jdbc, Organizations organizations, WorkingCalendars calendars) {
        this.jdbc = jdbc;
        this.organizations = organizations;
        this.calendars = calendars;
    }

    @Override
    public List<Named> pending(String campaignCode) {
        return jdbc.query(SELECT + " and d.notice_key is null order by m.meeting_at, d.decision_no", this::named, campaignCode);
    }

    @Override
    public List<Named> inNotice(String campaignCode, String noticeKey) {
        return jdbc.query(SELECT + " and d.notice_key = ? order by m.meeting_at, d.decision_no", this::named, campaignCode, noticeKey);
    }

    @Override
    public void named(String campaignCode, String noticeKey, List<Named> shown) {
        // only the rows the 通报 showed: one another meeting's record committed since it read them is not in it
        jdbc.batchUpdate("update meeting_decision set notice_key = ? where meeting_key = ? and decision_no = ? and kind = ?"
                + " and notice_key is null and meeting_key in (select meeting_key from meeting where campaign_code = ?)",
                shown.stream().map(d -> new Object[] {noticeKey, d.meetingKey(), d.decisionNo(), JointMeetingProcess.KIND_NOTICE,
                        campaignCode}).toList());
    }

    private Named named(ResultSet rs, int row) throws SQLException {
        String tenant = rs.getString(5);
        LocalDate day = rs.getTimestamp(4).toInstant().atZone(calendars.of(tenant).zone()).toLocalDate();
        String unit = rs.getString(1);
        // a district's town by the town's name, as the meeting's decisions name it (MeetingPapers#unitName)
        String town = organizations.townNamesByOffice(tenant).get(unit);
        return new Named(town != null ? town : organizations.unitName(unit, tenant), rs.getString(2),
                rs.getString(3) + "（" + ChineseDates.DAY.format(day) + "）",
                rs.getString(6), rs.getInt(7), unit);
    }
}
