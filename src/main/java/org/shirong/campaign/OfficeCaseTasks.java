package org.shirong.campaign;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.impl.persistence.entity.IdentityLinkEntity;
import org.camunda.bpm.engine.task.Task;
import org.shirong.campaign.CampaignDashboard.OpenTask;
import org.shirong.campaign.CampaignRecords.Campaign;
import org.shirong.organization.Organizations;
import org.shirong.rectification.RectificationProcess;
import org.shirong.system.ChineseDates;
import org.shirong.system.EngineTableNames;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The case work of the campaign that waits on the office or the 领导小组, for the 驾驶舱's 各单位未完成的任务 (jtreview-s59 T3):
 * their open 重新派遣、审批延期、审批挂账 and 督办 of the campaign's cases, under the group they are given to, and each 挂账 whose
 * 复核日期 has passed (恢复整改's follow-up date), under the office, which reviews it (as the meeting agenda lists it). One
 * query of the engine's active tasks of the campaign's cases with each task's candidate group (not one query of the
 * candidates per task: a campaign's hundred 督办 were a hundred queries per 驾驶舱 load).
 */
@Component
class OfficeCaseTasks {

    private static final String TASKS = "select RES.ID_, RES.NAME_, RES.TASK_DEF_KEY_, RES.DUE_DATE_, RES.FOLLOW_UP_DATE_,"
            + " I.GROUP_ID_, RES.ASSIGNEE_ from %s RES left join %s I on I.TASK_ID_ = RES.ID_ and I.TYPE_ = 'candidate'"
            + " and I.GROUP_ID_ is not null where RES.TASK_DEF_KEY_ in ('"
            + String.join("', '", RectificationProcess.TASK_REDISPATCH, RectificationProcess.TASK_APPROVE_EXTENSION,
                    RectificationProcess.TASK_APPROVE_SECOND_EXTENSION, RectificationProcess.TASK_APPROVE_SUSPENSION,
                    RectificationProcess.TASK_SUPERVISE, RectificationProcess.TASK_RESUME) + "')"
            + " and RES.SUSPENSION_STATE_ = 1 and RES.PROC_INST_ID_ in (select process_instance_id from rect_case"
            + " where campaign_code = ? and status not in ('CLOSED', 'MERGED', 'VOIDED'))"
            // by deadline, none last (on H2 as on PostgreSQL); of a task's candidate groups the first by name holds it
            + " order by case when RES.DUE_DATE_ is null then 1 else 0 end, RES.DUE_DATE_, RES.ID_, I.GROUP_ID_";

    /** An open task as the query reads it: its candidate group null when it has none. */
    private record Row(String id, String name, String taskKey, Date due, Date followUp, String group, String assignee) {
    }

    private final JdbcTemplate jdbc;
    private final EngineTableNames tables;
    private final Organizations organizations;

    OfficeCaseTasks(JdbcTemplate jdbc, EngineTableNames tables, Organizations organizations) {
        this.jdbc = jdbc;
        this.tables = tables;
        this.organizations = organizations;
    }

    /** The open case work by the group that holds it, each group's by deadline as the engine lists it. */
    Map<String, List<OpenTask>> of(Campaign c, Instant now, ZoneId zone) {
        String office = organizations.office(c.tenantId());
        Map<String, List<OpenTask>> byGroup = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        for (Row t : jdbc.query(sql(), (rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), date(rs.getTimestamp(4)),
                date(rs.getTimestamp(5)), rs.getString(6), rs.getString(7)), c.code())) {
            if (!seen.add(t.id())) {
                continue; // a second candidate group of the same task: the first by name holds it
            }
            if (RectificationProcess.TASK_RESUME.equals(t.taskKey())) {
                // the unit's 恢复整改 waits for the review day; once it has passed, the 复核 is the office's to do
                Date review = t.followUp() != null ? t.followUp() : t.due();
                if (review != null && review.toInstant().isBefore(now)) {
                    byGroup.computeIfAbsent(office, k -> new ArrayList<>()).add(new OpenTask("挂账到期待复核 · "
                            + t.name().replaceFirst("^恢复整改 · ", ""), review.toInstant(), shown(review, zone), true, null));
                }
                continue;
            }
            Instant due = t.due() == null ? null : t.due().toInstant();
            byGroup.computeIfAbsent(t.group() == null ? office : t.group(), k -> new ArrayList<>()).add(new OpenTask(t.name(), due,
                    shown(t.due(), zone), due != null && due.isBefore(now), holder(t.assignee(), organizations)));
        }
        return byGroup;
    }

    /** The query with the engine's table names. */
    private String sql() {
        return TASKS.formatted(tables.of(Task.class), tables.of(IdentityLinkEntity.class));
    }

    private static Date date(Timestamp at) {
        return at == null ? null : Date.from(at.toInstant());
    }

    /** Who holds an engine task, as the 驾驶舱 says it beside the task (jtreview-s59 T12): 办理人 张队长, or 尚未认领. */
    static String holder(Task t, Organizations organizations) {
        return holder(t.getAssignee(), organizations);
    }

    private static String holder(String assignee, Organizations organizations) {
        return assignee == null ? "尚未认领" : "办理人 " + organizations.personName(assignee);
    }

    /** A deadline as the 驾驶舱 shows it beside the task: 2026年12月7日 17:00. */
    static String shown(Date at, ZoneId zone) {
        return at == null ? null : ChineseDates.MINUTE.format(at.toInstant().atZone(zone));
    }
}
