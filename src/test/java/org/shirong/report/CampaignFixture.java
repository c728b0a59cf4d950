package org.shirong.report;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes a campaign with its phases, units and handed-out tasks, and rect_case rows, directly into the
 * tables as the campaign and rectification capabilities would leave them; removes them again.
 */
public final class CampaignFixture {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private final JdbcTemplate jdbc;
    private final String code;
    private int cases;
    private int tasks;
    private String tenant = "jiuting";

    public CampaignFixture(JdbcTemplate jdbc, String code) {
        this.jdbc = jdbc;
        this.code = code;
    }

    public static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
    }

    public CampaignFixture campaign(String name, int currentPhase) {
        return campaign(name, currentPhase, "jiuting", "jiuting", "九亭镇达标镇创建");
    }

    /** A campaign of the organisation started from the template (whose plan items give the progress per item). */
    public CampaignFixture campaign(String name, int currentPhase, String organization, String templateId, String templateName) {
        tenant = organization;
        jdbc.update("insert into campaign (code, name, template_id, template_name, status, current_phase, started_at, tenant_id)"
                + " values (?,?,?,?,?,?,?,?)", code, name, templateId, templateName, "RUNNING", currentPhase,
                ts(at("2024-03-01T09:00")), organization);
        return this;
    }

    public CampaignFixture phase(int no, String name, String firstDay, String lastDay) {
        jdbc.update("insert into campaign_phase (campaign_code, phase_no, phase_id, name, first_day, last_day, starts_at, ends_at)"
                        + " values (?,?,?,?,?,?,?,?)", code, no, "P" + no, name, Date.valueOf(firstDay), Date.valueOf(lastDay),
                ts(at(firstDay + "T00:00")), ts(at(LocalDate.parse(lastDay).plusDays(1) + "T00:00")));
        return this;
    }

    public CampaignFixture unit(String unitId, String name, int sortNo) {
        return unit(unitId, unitId, name, sortNo);
    }

    /** A participant done by the group {@code groupId}: a town taking part in its district's campaign is done by its office. */
    public CampaignFixture unit(String unitId, String groupId, String name, int sortNo) {
        jdbc.update("insert into campaign_unit (campaign_code, unit_id, group_id, name, sort_no) values (?,?,?,?,?)",
                code, unitId, groupId, name, sortNo);
        return this;
    }

    public CampaignFixture task(int phaseNo, String unitId, boolean done) {
        tasks++;
        jdbc.update("insert into campaign_task (campaign_code, task_key, phase_no, definition_id, name, kind, group_id, unit_id,"
                        + " status, created_at, completed_at) values (?,?,?,?,?,?,?,?,?,?,?)", code, "t/" + tasks, phaseNo, "T" + tasks,
                "任务 " + tasks, "PHASE", unitId, unitId, done ? "DONE" : "OPEN", ts(at("2024-06-01T09:00")),
                done ? ts(at("2024-06-10T09:00")) : null);
        return this;
    }

    /** An open task of the unit named {@code name}, due at the local time {@code due}. */
    public CampaignFixture openTask(int phaseNo, String unitId, String name, String due) {
        tasks++;
        jdbc.update("insert into campaign_task (campaign_code, task_key, phase_no, definition_id, name, kind, group_id, unit_id,"
                        + " status, due_at, created_at) values (?,?,?,?,?,?,?,?,?,?,?)", code, "t/" + tasks, phaseNo, "T" + tasks,
                name, "PHASE", unitId, unitId, "OPEN", ts(at(due)), ts(at("2024-06-01T09:00")));
        return this;
    }

    /** A case of the unit: reported, due and (if not null) closed at the local times given; overdue marks it red. */
    public String addCase(String leadUnit, String reported, String due, String closed, boolean overdue) {
        return addCase("EXPOSED_GARBAGE", leadUnit, reported, due, closed, overdue);
    }

    /**
     * A case of the category found by the campaign (one of its members, as a finding leaves it): reported, due and (if
     * not null) closed at the local times given, closed on time when closed by its due time; overdue marks it red.
     */
    public String addCase(String category, String leadUnit, String reported, String due, String closed, boolean overdue) {
        String caseNo = code + "-" + (++cases);
        boolean isClosed = closed != null;
        jdbc.update("insert into rect_case (case_no, source, category, urgency, title, address, lead_unit, status, reported_at,"
                        + " dispatched_at, submitted_at, closed_at, due_at, overdue, closed_on_time, tenant_id, territory, campaign_code,"
                        + " plan_item) values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                caseNo, "PATROL", category, "NORMAL", "测试案件", "九亭大街 1 号", leadUnit,
                isClosed ? "CLOSED" : "IN_RECTIFICATION", ts(at(reported)), ts(at(reported)), isClosed ? ts(at(closed)) : null,
                isClosed ? ts(at(closed)) : null, ts(at(due)), overdue, isClosed ? !at(closed).isAfter(at(due)) : null, tenant,
                tenant, code, category);
        return caseNo;
    }

    public void clear() {
        jdbc.update("delete from campaign_document where campaign_code = ?", code);
        jdbc.update("delete from campaign_task where campaign_code = ?", code);
        jdbc.update("delete from campaign_unit where campaign_code = ?", code);
        jdbc.update("delete from campaign_phase where campaign_code = ?", code);
        jdbc.update("delete from campaign where code = ?", code);
        jdbc.update("delete from rect_case where case_no like ?", code + "-%");
        jdbc.update("delete from score_component where score_scope = ?", code);
        jdbc.update("delete from score_unit where score_scope = ?", code);
        jdbc.update("delete from score_territory where score_scope = ?", code);
    }

    private static Timestamp ts(Instant instant) {
        return Timestamp.from(instant);
    }
}
