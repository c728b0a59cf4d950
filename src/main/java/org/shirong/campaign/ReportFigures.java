package org.shirong.campaign;

import static org.shirong.system.ChineseDates.DAY;
import static org.shirong.system.ChineseDates.MINUTE;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.shirong.calendar.WorkingCalendars;
import org.shirong.campaign.CampaignRecords.TaskRow;
import org.shirong.rectification.CampaignCaseCounts;
import org.shirong.rectification.CaseParties;
import org.shirong.scoring.UnitScores;
import org.shirong.system.SystemAccess;
import org.springframework.stereotype.Component;

/**
 * The figures a unit's 报送 (a report cycle's task: 自查整改情况报送（2026年11月）) shows read-only on its form, so that the
 * unit confirms or explains them instead of typing its counts from memory (sjreview-s57 D19): the campaign's problems it
 * reported in the period and how many are closed, its cases led and still open, its 属地/协办 not yet recorded, and its
 * other campaign tasks not done. Made when the task is issued and again when it is claimed (as the checkpoint's open cases),
 * from the campaign's records and the unit's case counts ({@link CampaignCaseCounts#ofUnitReport}, one aggregate, not the
 * campaign's every case: diffreview-s58 R3); nothing on a case's own path.
 */
@Component
class ReportFigures {

    static final String VAR_REPORT_FIGURES = "reportFigures";

    private final CampaignRecords records;
    private final CampaignCycles cycles;
    private final CampaignCaseCounts caseCounts;
    private final CaseParties parties;
    private final IdentityService identity;
    private final UnitScores unitScores;
    private final WorkingCalendars calendars;
    private final SystemAccess systemAccess;

    ReportFigures(CampaignRecords records, CampaignCycles cycles, CampaignCaseCounts caseCounts, CaseParties parties,
            IdentityService identity, UnitScores unitScores, WorkingCalendars calendars, SystemAccess systemAccess) {
        this.systemAccess = systemAccess;
        this.records = records;
        this.cycles = cycles;
        this.caseCounts = caseCounts;
        this.parties = parties;
        this.identity = identity;
        this.unitScores = unitScores;
        this.calendars = calendars;
    }

    /** The figures of the task's unit for the period its report is about; empty for a task that is not a 报送. */
    Optional<String> of(long taskId) {
        TaskRow task = records.task(taskId).orElse(null);
        if (task == null || task.cycleId() == null) {
            return Optional.empty();
        }
        String period;
        try {
            if (cycles.cycle(task.campaignCode(), task.cycleId()).kind() != CycleKind.REPORT) {
                return Optional.empty();
            }
            period = cycles.reportedPeriod(task.campaignCode(), task.cycleId(), task.createdAt());
        } catch (RuntimeException cycleGone) { // the template no longer has the cycle: no period to count
            return Optional.empty();
        }
        if (period == null) {
            return Optional.empty();
        }
        return Optional.of(text(task, unitScores.window(period)));
    }

    private String text(TaskRow task, UnitScores.Window window) {
        Instant now = ClockUtil.getCurrentTime().toInstant();
        ZoneId zone = records.find(task.campaignCode()).map(c -> calendars.of(c.tenantId()).zone())
                .orElse(ZoneId.of("Asia/Shanghai"));
        String unit = task.groupId();
        // as the system: a claim runs this as the claimer, who need not read the unit's users
        Set<String> members = systemAccess.run(() -> identity.createUserQuery().memberOfGroup(unit).list()).stream()
                .map(User::getId).collect(Collectors.toSet());
        CampaignCaseCounts.ReportCounts counts = caseCounts.ofUnitReport(task.campaignCode(), unit, members, window.from(),
                window.until(), now);
        int found = counts.reported();
        int fixed = counts.reportedClosed();
        List<CaseParties.Party> unrecorded = parties.unrecordedOf(unit, task.campaignCode());
        long unrecordedLate = unrecorded.stream().filter(p -> p.dueAt() != null && p.dueAt().isBefore(now)).count();
        List<TaskRow> open = records.tasks(task.campaignCode()).stream()
                .filter(t -> unit.equals(t.groupId()) && "OPEN".equals(t.status()) && !t.id().equals(task.id())).toList();
        StringBuilder text = new StringBuilder(window.periodName() + "本单位在本活动中（截至 " + MINUTE.format(now.atZone(zone)) + "）：");
        text.append("\n· 自查发现：本单位上报问题 ").append(found).append(" 件，已整改结案 ").append(fixed).append(" 件");
        text.append(found > fixed ? "，整改中 " + (found - fixed) + " 件；" : "；");
        text.append("\n· 牵头整改：未结案 ").append(counts.ledOpen()).append(" 件")
                .append(counts.ledLate() > 0 ? "，其中已超期 " + counts.ledLate() + " 件；" : "；");
        text.append("\n· 属地协办：待记录 ").append(unrecorded.size()).append(" 件")
                .append(unrecordedLate > 0 ? "，其中已超期 " + unrecordedLate + " 件；" : "；");
        text.append("\n· 未完成任务：").append(open.isEmpty() ? "无" : open.size() + " 项");
        open.forEach(t -> text.append("\n    ").append(t.name()).append(t.dueAt() == null ? ""
                : "（期限 " + DAY.format(t.dueAt().atZone(zone)) + (t.dueAt().isBefore(now) ? "，已超期）" : "）")));
        text.append("\n以上数字由系统按记录列出，认领本任务时按当时情况重新列出；请在“办理情况”中核对、说明。");
        return text.toString();
    }
}
