package org.shirong.campaign;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
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
 * 任务下达通知: the units given campaign tasks hear of them from whoever hands them out, one message per unit for all the
 * tasks a phase start or a cycle run gives it (a town unit gets five tasks when 前期准备 begins, one message), each task
 * with its requirement and deadline. Queued in the issuing transaction, so a retried issue queues nothing twice.
 */
@Component
class TaskIssueNotices {

    static final String TEMPLATE = "campaign-tasks-issued";
    private static final DateTimeFormatter DISPLAY = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");

    /** A task just handed out to {@code groupId}, whose process runs in {@code organization}. */
    record Issued(String organization, String groupId, String name, String requirement, Instant dueAt) {
    }

    private final NotificationDigests digests;
    private final WorkingCalendars calendars;

    TaskIssueNotices(NotificationDigests digests, WorkingCalendars calendars) {
        this.digests = digests;
        this.calendars = calendars;
    }

    /**
     * Tells each unit of its tasks among {@code issued}; {@code occasion} (“前期准备”阶段开始) is said when given, and
     * {@code round} (phase1, a cycle's run) tells this handing-out from the campaign's others.
     */
    void tell(Campaign campaign, String occasion, String round, List<Issued> issued) {
        Map<List<String>, List<Issued>> byUnit = new LinkedHashMap<>();
        issued.forEach(t -> byUnit.computeIfAbsent(List.of(t.organization(), t.groupId()), k -> new ArrayList<>()).add(t));
        byUnit.forEach((unit, tasks) -> {
            var zone = calendars.of(unit.get(0)).zone();
            Map<String, Object> model = new HashMap<>();
            model.put("campaignName", campaign.name());
            if (occasion != null) {
                model.put("occasion", occasion);
            }
            model.put("taskCount", Integer.toString(tasks.size()));
            model.put("tasks", tasks.stream().map(t -> Map.of("name", t.name(),
                    "requirement", t.requirement() == null ? "" : t.requirement(),
                    "due", DISPLAY.format(t.dueAt().atZone(zone)))).toList());
            digests.sendToGroup(campaign.code(), round + "/" + unit.get(1), TEMPLATE, model, unit.get(1), unit.get(0));
        });
    }
}
