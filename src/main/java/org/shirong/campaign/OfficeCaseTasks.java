package org.shirong.campaign;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.shirong.campaign.CampaignDashboard.OpenTask;
import org.shirong.campaign.CampaignRecords.Campaign;
import org.shirong.organization.Organizations;
import org.shirong.rectification.RectificationProcess;
import org.shirong.system.SystemAccess;
import org.springframework.stereotype.Component;

/**
 * The case work of the campaign that waits on the office or the 领导小组, for the 驾驶舱's 各单位未完成的任务 (jtreview-s59 T3):
 * their open 重新派遣、审批延期、审批挂账 and 督办 of the campaign's cases, under the group they are given to, and each 挂账 whose
 * 复核日期 has passed (恢复整改's follow-up date), under the office, which reviews it (as the meeting agenda lists it). One
 * query of the engine's active tasks of the campaign's cases, read on Shirong's behalf, and one of each task's candidates.
 */
@Component
class OfficeCaseTasks {

    private static final String TASKS = "select RES.* from %s RES where RES.TASK_DEF_KEY_ in ('"
            + String.join("', '", RectificationProcess.TASK_REDISPATCH, RectificationProcess.TASK_APPROVE_EXTENSION,
                    RectificationProcess.TASK_APPROVE_SECOND_EXTENSION, RectificationProcess.TASK_APPROVE_SUSPENSION,
                    RectificationProcess.TASK_SUPERVISE, RectificationProcess.TASK_RESUME) + "')"
            + " and RES.SUSPENSION_STATE_ = 1 and RES.PROC_INST_ID_ in (select process_instance_id from rect_case"
            + " where campaign_code = #{campaign} and status not in ('CLOSED', 'MERGED', 'VOIDED'))";
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");

    private final TaskService taskService;
    private final ManagementService managementService;
    private final SystemAccess systemAccess;
    private final Organizations organizations;

    OfficeCaseTasks(TaskService taskService, ManagementService managementService, SystemAccess systemAccess,
            Organizations organizations) {
        this.taskService = taskService;
        this.managementService = managementService;
        this.systemAccess = systemAccess;
        this.organizations = organizations;
    }

    /** The open case work by the group that holds it, each group's by deadline as the engine lists it. */
    Map<String, List<OpenTask>> of(Campaign c, Instant now, ZoneId zone) {
        String office = organizations.office(c.tenantId());
        return systemAccess.run(() -> {
            Map<String, List<OpenTask>> byGroup = new LinkedHashMap<>();
            List<Task> tasks = taskService.createNativeTaskQuery().sql(TASKS.formatted(managementService.getTableName(Task.class)))
                    .parameter("campaign", c.code()).list();
            Map<String, String> groups = new HashMap<>();
            for (Task t : tasks) {
                if (RectificationProcess.TASK_RESUME.equals(t.getTaskDefinitionKey())) {
                    // the unit's 恢复整改 waits for the review day; once it has passed, the 复核 is the office's to do
                    Date review = t.getFollowUpDate() != null ? t.getFollowUpDate() : t.getDueDate();
                    if (review != null && review.toInstant().isBefore(now)) {
                        byGroup.computeIfAbsent(office, k -> new ArrayList<>()).add(new OpenTask("挂账到期待复核 · "
                                + t.getName().replaceFirst("^恢复整改 · ", ""), review.toInstant(), shown(review, zone), true, null));
                    }
                    continue;
                }
                String group = groups.computeIfAbsent(t.getId(), id -> taskService.getIdentityLinksForTask(id).stream()
                        .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
                        .map(l -> l.getGroupId()).findFirst().orElse(office));
                Instant due = t.getDueDate() == null ? null : t.getDueDate().toInstant();
                byGroup.computeIfAbsent(group, k -> new ArrayList<>()).add(new OpenTask(t.getName(), due,
                        shown(t.getDueDate(), zone), due != null && due.isBefore(now), holder(t, organizations)));
            }
            return byGroup;
        });
    }

    /** Who holds an engine task, as the 驾驶舱 says it beside the task (jtreview-s59 T12): 办理人 张队长, or 尚未认领. */
    static String holder(Task t, Organizations organizations) {
        return t.getAssignee() == null ? "尚未认领" : "办理人 " + organizations.personName(t.getAssignee());
    }

    /** A deadline as the 驾驶舱 shows it beside the task: 2026年12月7日 17:00. */
    static String shown(Date at, ZoneId zone) {
        return at == null ? null : SHOWN.format(at.toInstant().atZone(zone));
    }
}
