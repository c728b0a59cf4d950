package org.shirong.report;

import java.util.List;
import org.shirong.scoring.NoticeOthers;

/** The figures a campaign document shows, ready for a template (dates and rates already written for people); the records are public for FreeMarker. */
public final class Figures {

    private Figures() {
    }

    /** The campaign row; {@code currentPhase} is the phase number, 0 before the first. */
    public record Campaign(String code, String name, String templateName, String status, int currentPhase) {
    }

    /** One phase and its handed-out tasks: done (completed) and still open, and the share done. */
    public record Phase(int no, String name, String firstDay, String lastDay, boolean current, int done, int open, String progress) {
    }

    /** One unit's cases in a period: reported (新增), closed (结案), due in it and overdue (超期), open at its end. */
    public record UnitCases(String unitId, String unitName, int reported, int closed, int overdue, int openAtEnd) {
    }

    /** The unit lines and their sum. */
    public record CaseTable(List<UnitCases> units, UnitCases total) {
    }

    /** One unit's work past its deadline and not done (campaign tasks and 工作交办), each as 任务名称（期限 2026年11月8日）. */
    public record OverdueUnit(String unitName, List<String> items) {
    }

    /**
     * A campaign task of a 通报's period not done by its deadline ({@link LateCampaignTasks}): the unit, the task, its
     * deadline as a day and its state (逾期未报（已逾期 N 个工作日） or 逾期 N 个工作日完成).
     */
    public record LateTaskLine(String unitName, String task, String due, String state, String groupId) {

        /** A line whose unit's group is not known (a template's sample). */
        public LateTaskLine(String unitName, String task, String due, String state) {
            this(unitName, task, due, state, null);
        }

        /** Why the 通报 names the unit for it, as the scores word it ({@link NoticeOthers.LateTask#reason}). */
        public String reason() {
            return NoticeOthers.LateTask.reason(task, due, state);
        }
    }

    /**
     * A case of the campaign 列入通报名单 (its time used up twice over, {@code RectificationProcess}'s escalation) that a
     * 通报 or 月报 lists (sjreview-s57 D8): number, title, lead unit, 属地 (its town or street, or its 社区 in a town's own
     * case; — when it names none), its deadline, the working days it was behind (at closure, at hand-in for 核查, or at
     * the document's time) and its state (整改中, 逾期提交，待核查, 挂账, 已结案).
     */
    public record EscalatedCase(String caseNo, String title, String unitName, String territory, String due, int workingDaysLate,
            String state) {
    }

    /**
     * A case of the campaign overdue now (the 驾驶舱's 红灯超期): its lead unit, number, title, deadline, how many working
     * days it is behind ({@code late}), whether it is 列入通报名单 and whether it has been 督办'd; {@code state} says when it
     * waits on 核查 (handed in late).
     */
    public record OverdueCase(String unitName, String caseNo, String title, String due, String late, boolean escalated,
            boolean supervised, String state) {
    }

    /**
     * A unit's 报送 of a report cycle's run: {@code status} 按时报送, 逾期报送, 未报送 (its deadline passed), 尚未到期 (its deadline still to come at the report's time), 已撤销,
     * {@code handedInAt} when it was (— when not), {@code item} the plan item it reports on (null: none).
     */
    public record SubmissionLine(String groupId, String unitName, String item, String status, String handedInAt) {
    }

    /**
     * A report cycle's run before the report's ({@code runName} null: it had none, this is its first), handed out on
     * {@code issuedOn}, due {@code due}, as it stood at {@code asOf}: how many units handed in on time, late, not at all.
     */
    public record Submissions(String cycleName, String runName, String issuedOn, String due, String asOf, int onTime, int late,
            int missing, List<SubmissionLine> lines) {

        /** A unit's status when it has not handed in and its deadline is still to come at {@code asOf}. */
        public static final String NOT_YET_DUE = "尚未到期";

        /** How many units have not handed in while their deadline is still to come (not counted in {@code missing}). */
        public long notYetDue() {
            return lines.stream().filter(l -> NOT_YET_DUE.equals(l.status())).count();
        }

        /** Whether any line names a plan item (锦溪镇's 月报告 is each item's lead unit's): the table then has its column. */
        public boolean itemized() {
            return lines.stream().anyMatch(l -> l.item() != null);
        }
    }

    static String percent(int part, int whole) {
        return whole == 0 ? "—" : Math.round(part * 1000.0 / whole) / 10.0 + "%";
    }
}
