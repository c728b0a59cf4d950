package org.shirong.campaign;

import static org.shirong.system.ChineseDates.DAY;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.shirong.calendar.WorkingCalendars;
import org.shirong.campaign.CampaignRecords.OpenCase;
import org.shirong.campaign.CampaignRecords.TaskRow;
import org.shirong.organization.OrganizationRecords;
import org.shirong.rectification.CaseStatus;
import org.springframework.stereotype.Service;

/**
 * The end of a phase and of the campaign on record, and the work still open then: the tasks of this and
 * earlier phases (at the campaign's end, its cycles' too) and the campaign's cases not yet closed, listed by
 * unit for the leading group and the office. Nothing is cancelled: the work carries on.
 */
@Service
class PhaseEnds {

    /** The open work at a phase's end: how much, the list by unit, and whether the campaign ended with the phase. */
    record OpenWork(int count, String list, boolean campaignEnded) {
    }
    /** Camunda keeps a string variable in at most 4000 characters; the notice's other text needs some room too. */
    private static final int MAX_LIST = 3500;

    private final CampaignRecords records;
    private final OrganizationRecords organization;
    private final WorkingCalendars calendars;

    PhaseEnds(CampaignRecords records, OrganizationRecords organization, WorkingCalendars calendars) {
        this.records = records;
        this.organization = organization;
        this.calendars = calendars;
    }

    OpenWork phaseEnded(String code, int phaseNo) {
        boolean last = records.phases(code).stream().allMatch(p -> p.no() <= phaseNo);
        records.endPhase(code, phaseNo, now(), records.openPhaseTasks(code, phaseNo).size());
        List<TaskRow> tasks = records.openTasks(code, phaseNo, last);
        List<OpenCase> cases = records.openCases(code);
        String tenant = records.find(code).map(CampaignRecords.Campaign::tenantId).orElse(null);
        Map<String, String> names = organization.unitNames(tenant);
        ZoneId zone = calendars.of(tenant).zone();
        Map<String, List<String>> byUnit = new LinkedHashMap<>();
        // Cases first, then the phases' tasks, then the cycles': when the list must be cut short, what matters most stays.
        for (OpenCase c : cases) {
            byUnit.computeIfAbsent(unit(names, c.heldBy()), u -> new ArrayList<>()).add("  · 案件 %s %s（%s%s）".formatted(
                    c.caseNo(), c.title(), CaseStatus.valueOf(c.status()).label(),
                    c.dueAt() == null ? "" : "，期限 " + DAY.format(c.dueAt().atZone(zone))));
        }
        for (TaskRow t : tasks.stream().sorted(Comparator.comparing((TaskRow t) -> t.phaseNo() == null)).toList()) {
            byUnit.computeIfAbsent(unit(names, t.groupId()), u -> new ArrayList<>()).add("  · 任务：%s，期限 %s"
                    .formatted(t.name(), t.dueAt() == null ? "阶段结束" : DAY.format(t.dueAt().atZone(zone))));
        }
        return new OpenWork(tasks.size() + cases.size(), list(code, byUnit), last);
    }

    /**
     * The list by unit; when that is too long for a process variable (Camunda keeps at most 4000 characters), the first
     * few items of each unit with how many more there are, or only the counts, and where the whole list is.
     */
    private static String list(String code, Map<String, List<String>> byUnit) {
        for (int shown : new int[] {Integer.MAX_VALUE, 3, 0}) {
            StringBuilder list = new StringBuilder(shown == Integer.MAX_VALUE ? ""
                    : "清单较长，" + (shown > 0 ? "每个单位只列出前 " + shown + " 项" : "只列出各单位的件数") + "，全部见活动概况（/api/campaigns/" + code + "）和任务列表：\n");
            byUnit.forEach((unit, lines) -> {
                list.append(unit).append("（").append(lines.size()).append(" 项）").append(shown > 0 ? "：" : "").append("\n");
                lines.stream().limit(shown).forEach(line -> list.append(line).append("\n"));
                if (shown > 0 && lines.size() > shown) {
                    list.append("  ……另有 ").append(lines.size() - shown).append(" 项\n");
                }
            });
            if (list.length() <= MAX_LIST) {
                return list.toString().strip();
            }
        }
        return "未完成的工作涉及 " + byUnit.size() + " 个单位，清单见活动概况（/api/campaigns/" + code + "）和任务列表。";
    }

    void campaignEnded(String code) {
        records.end(code, now());
    }

    private static String unit(Map<String, String> names, String groupId) {
        return groupId == null ? "尚未派遣" : names.getOrDefault(groupId, groupId);
    }

    private static Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }
}
