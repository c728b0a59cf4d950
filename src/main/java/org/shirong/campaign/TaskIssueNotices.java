package org.shirong.campaign;

import static org.shirong.system.ChineseDates.MINUTE;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.shirong.calendar.WorkingCalendars;
import org.shirong.campaign.CampaignRecords.Campaign;
import org.shirong.notification.NotificationDigests;
import org.springframework.stereotype.Component;

/**
 * 任务下达通知: the units given campaign tasks hear of them from whoever hands them out, one message per person for all the
 * tasks a phase start or a cycle run gives their units (a town unit gets five tasks when 前期准备 begins, one message; the
 * head of 绿容所 and 河长办 gets one listing each unit's), each task with its requirement and deadline. Queued in the issuing
 * transaction, so a retried issue queues nothing twice. A unit given one task (a 通报's 书面报告整改情况) is linked to that
 * task's process instance; several tasks, to the campaign (its Tasklist link opens one of them).
 */
@Component
class TaskIssueNotices {

    static final String TEMPLATE = "campaign-tasks-issued";

    /** A task just handed out to {@code groupId}, whose process ({@code processInstanceId}) runs in {@code organization}. */
    record Issued(String organization, String groupId, String name, String requirement, Instant dueAt, String processInstanceId) {
    }

    private final NotificationDigests digests;
    private final WorkingCalendars calendars;

    TaskIssueNotices(NotificationDigests digests, WorkingCalendars calendars) {
        this.digests = digests;
        this.calendars = calendars;
    }

    /**
     * Tells each unit of its tasks among {@code issued}, one message per person: someone in two of the units (a head of
     * two, a clerk in two units' groups) is told of both units' tasks in one, each unit's under its name;
     * {@code occasion} (“前期准备”阶段开始) is said when given, and {@code round} (phase1, a cycle's run) tells this
     * handing-out from the campaign's others.
     */
    void tell(Campaign campaign, String occasion, String round, List<Issued> issued) {
        Map<String, Map<String, List<Issued>>> byOrganization = new LinkedHashMap<>();
        issued.forEach(t -> byOrganization.computeIfAbsent(t.organization(), o -> new LinkedHashMap<>())
                .computeIfAbsent(t.groupId(), g -> new ArrayList<>()).add(t));
        byOrganization.forEach((organization, byUnit) -> {
            var zone = calendars.of(organization).zone();
            Map<String, Object> model = new HashMap<>();
            model.put("campaignName", campaign.name());
            if (occasion != null) {
                model.put("occasion", occasion);
            }
            List<NotificationDigests.UnitPart> parts = new ArrayList<>();
            byUnit.forEach((unit, tasks) -> parts.add(new NotificationDigests.UnitPart(unit, Map.of(
                    "taskCount", Integer.toString(tasks.size()),
                    "tasks", tasks.stream().map(t -> Map.of("name", t.name(),
                            "requirement", t.requirement() == null ? "" : t.requirement(),
                            "due", MINUTE.format(t.dueAt().atZone(zone)))).toList()),
                    // a unit given one task is led to that task, not to the first open one of the campaign (jtphone-s61 F2)
                    tasks.size() == 1 ? tasks.get(0).processInstanceId() : null)));
            digests.sendPerPerson(campaign.code(), round, TEMPLATE, model, parts, organization, campaign.code());
        });
    }
}
