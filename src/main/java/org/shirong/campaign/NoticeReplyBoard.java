package org.shirong.campaign;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.shirong.calendar.WorkingCalendar;
import org.shirong.calendar.WorkingCalendars;
import org.shirong.campaign.CampaignRecords.Campaign;
import org.shirong.campaign.CampaignRecords.TaskRow;
import org.shirong.organization.Organizations;
import org.springframework.stereotype.Component;

/**
 * 通报整改报告 on the campaign's 驾驶舱 (sjreview-s57 D9): for each 通报, latest first, the units it named and whether each
 * has sent its written report ({@link NoticeReplyTasks}): 已报告, 逾期报告, 未报告 (not yet due) or 逾期未报告.
 */
@Component
class NoticeReplyBoard {

    static final String REPLIED = "已报告";
    static final String REPLIED_LATE = "逾期报告";
    static final String NOT_YET = "未报告";
    static final String MISSING = "逾期未报告";

    /** One unit's report: its state, when it was sent (null: not yet), what it said, and the working days it is (was) late. */
    record Reply(String unitId, String unitName, Instant dueAt, String status, Instant repliedAt, String result, int workingDaysLate) {
    }

    /** One 通报's reports: its task name (书面报告整改情况（2026年11月通报）), when asked, how many replied, the units. */
    record Round(String taskName, Instant askedAt, Instant dueAt, int replied, int notReplied, List<Reply> units) {
    }

    private final CampaignRecords records;
    private final WorkingCalendars calendars;
    private final Organizations organizations;

    NoticeReplyBoard(CampaignRecords records, WorkingCalendars calendars, Organizations organizations) {
        this.records = records;
        this.calendars = calendars;
        this.organizations = organizations;
    }

    /** The campaign's 通报 reports as of {@code now}; only {@code onlyGroup}'s when given (a town reading its own part). */
    List<Round> of(Campaign c, Instant now, String onlyGroup) {
        WorkingCalendar calendar = calendars.of(c.tenantId());
        Map<String, List<TaskRow>> byRound = new LinkedHashMap<>();
        records.tasks(c.code()).stream()
                .filter(t -> NoticeReplyTasks.DEFINITION.equals(t.definitionId()) && !CampaignRecords.CANCELLED.equals(t.status()))
                .filter(t -> onlyGroup == null || onlyGroup.equals(t.groupId()))
                .forEach(t -> byRound.computeIfAbsent(t.name(), k -> new ArrayList<>()).add(t));
        List<Round> rounds = new ArrayList<>();
        byRound.forEach((name, tasks) -> {
            List<Reply> units = tasks.stream().map(t -> reply(t, c.tenantId(), calendar, now)).toList();
            int replied = (int) units.stream().filter(u -> u.repliedAt() != null).count();
            rounds.add(new Round(name, tasks.get(0).createdAt(), tasks.get(0).dueAt(), replied, units.size() - replied, units));
        });
        rounds.sort(Comparator.comparing(Round::askedAt).reversed());
        return rounds;
    }

    private Reply reply(TaskRow t, String tenant, WorkingCalendar calendar, Instant now) {
        boolean done = CampaignRecords.DONE.equals(t.status()) && t.completedAt() != null;
        Instant until = done ? t.completedAt() : now;
        boolean late = until.isAfter(t.dueAt());
        String status = done ? (late ? REPLIED_LATE : REPLIED) : (late ? MISSING : NOT_YET);
        return new Reply(t.groupId(), organizations.unitName(t.groupId(), tenant), t.dueAt(), status, done ? t.completedAt() : null,
                t.result(), late ? calendar.workingDaysLate(t.dueAt(), until) : 0);
    }
}
