package org.shirong.campaign;

import static org.shirong.system.ChineseDates.MINUTE;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.shirong.calendar.WorkingCalendars;
import org.shirong.campaign.CampaignRecords.TaskRow;
import org.shirong.notification.NotificationDigests;
import org.shirong.organization.OrganizationRoles;
import org.springframework.stereotype.Component;

/**
 * 【任务超期】 (sjreview s54 D7): each unit whose campaign task falls overdue hears of it alone (the send task of
 * {@code CampaignTaskProcess}, to {@link #unitRecipients}), while the office of the organisation that set the task gets one
 * digest per task and due moment naming every unit still not done ("以下 27 个单位尚未办结"), not one message per unit.
 * The first unit's timer to fire queues the digest in its own transaction, keyed by the campaign, the task's definition and
 * its due instant, so the other units' timers (on any node, or retried) queue nothing again; tasks of the same definition
 * due at another moment (a later cycle run) get their own digest. The others ask the outbox first whether it is queued, and
 * if so neither read the open tasks nor render it (nor race on the outbox's key, rolling back and retrying). The office's
 * own work — its own tasks and those of the working groups it leads ({@code roles.office-led}) — is not in its digest: it is
 * not asked to 督促落实 itself (sjreview-s57 D10); a digest with no one else is not sent.
 */
@Component("campaignTaskOverdueNotices")
public class TaskOverdueNotices implements ExecutionListener {

    static final String DIGEST_TEMPLATE = "campaign-task-overdue-digest";

    private final CampaignRecords records;
    private final NotificationDigests digests;
    private final OrganizationRoles roles;
    private final WorkingCalendars calendars;

    TaskOverdueNotices(CampaignRecords records, NotificationDigests digests, OrganizationRoles roles, WorkingCalendars calendars) {
        this.records = records;
        this.digests = digests;
        this.roles = roles;
        this.calendars = calendars;
    }

    /**
     * Who hears of the unit's own overdue task: the unit, and the office of the organisation its process runs in when that is
     * not the office the digest goes to (a town's office, for its unit's task in a district campaign); nobody when the unit is
     * that office itself (the digest names it).
     */
    public String unitRecipients(DelegateExecution execution) {
        String unit = (String) execution.getVariable(CampaignTaskProcess.VAR_GROUP);
        String digestOffice = digestOffice(execution);
        if (unit.equals(digestOffice)) {
            return "";
        }
        String localOffice = roles.office(execution);
        return "group:" + unit + (localOffice.equals(digestOffice) || localOffice.equals(unit) ? "" : ",group:" + localOffice);
    }

    /** After the unit's own notice: the office's digest of every unit whose task of this kind fell due at the same moment. */
    @Override
    public void notify(DelegateExecution execution) {
        Object id = execution.getVariable(CampaignTaskProcess.VAR_TASK_ID);
        TaskRow task = id == null ? null : records.task(((Number) id).longValue()).orElse(null);
        if (task == null) {
            return;
        }
        String organization = campaignOrganization(execution);
        String office = roles.officeOf(organization);
        if (digests.queued(task.campaignCode(), iteration(task), DIGEST_TEMPLATE, List.of(office), organization)) {
            return; // another unit's timer of the same task and moment queued it
        }
        List<TaskRow> overdue = records.openTasksDueWith(task).stream()
                .filter(t -> !roles.officesOwnWork(organization, t.groupId())).toList();
        if (overdue.isEmpty()) {
            return; // done in the meantime, or the office's own work: nothing to ask it to 督促
        }
        Map<String, Object> model = new HashMap<>();
        String name = commonName(task, overdue);
        model.put("taskName", name);
        model.put("campaignName", execution.getVariable(CampaignTaskProcess.VAR_CAMPAIGN_NAME));
        model.put("due", MINUTE.format(task.dueAt().atZone(calendars.of(organization).zone())));
        model.put("unitCount", Integer.toString(overdue.size()));
        model.put("overdueUnits", overdue.stream().map(t -> unitLabel(t, name)).distinct().toList());
        model.put("officeName", roles.groupName(office));
        digests.sendPerPerson(task.campaignCode(), iteration(task), DIGEST_TEMPLATE, model,
                List.of(new NotificationDigests.UnitPart(office, Map.of())), organization, task.campaignCode());
    }

    /**
     * One digest per task definition and due moment; short enough for the outbox's iteration with a robot's group added
     * (and with the organisation, for the people's rows: {@code NotificationDigests}, which shortens it when it must).
     */
    static String iteration(TaskRow task) {
        String definition = task.definitionId().length() <= 28 ? task.definitionId()
                : Integer.toHexString(task.definitionId().hashCode());
        return "overdue/" + definition + "/" + task.dueAt().getEpochSecond();
    }

    private String digestOffice(DelegateExecution execution) {
        return roles.officeOf(campaignOrganization(execution));
    }

    private static String campaignOrganization(DelegateExecution execution) {
        Object organization = execution.getVariable(CampaignTaskProcess.VAR_CAMPAIGN_ORGANIZATION);
        return organization != null ? organization.toString() : execution.getTenantId();
    }

    /**
     * The unit as its task's name says it (“成立专班、明确专人（九亭镇）”: 九亭镇, where the group is only 创建工作办公室);
     * else the group's name.
     */
    private String unitLabel(TaskRow t, String commonName) {
        String rest = t.name().startsWith(commonName) ? t.name().substring(commonName.length()) : "";
        return rest.matches("（[^（）]+）") ? rest.substring(1, rest.length() - 1) : roles.groupName(t.groupId());
    }

    /** A cycle run's name (自查整改情况报送（2026年11月）); else the task's name without the unit it was named after. */
    private static String commonName(TaskRow task, List<TaskRow> overdue) {
        if (task.runName() != null) {
            return task.runName();
        }
        if (overdue.stream().allMatch(t -> t.name().equals(task.name()))) {
            return task.name();
        }
        return task.name().replaceFirst("（[^（）]*）$", "");
    }
}
