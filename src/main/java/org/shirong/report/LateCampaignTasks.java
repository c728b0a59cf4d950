package org.shirong.report;

import java.time.Instant;
import java.util.List;

/**
 * A campaign's tasks that fell due in a score period and were not done by their deadline (月度工作报告、报送、目标责任书 …):
 * what a 通报 names besides the units ranked low (九亭镇's plan 三、4: 对辖区内不履职的单位，定期向联席会议通报). The
 * campaign capability keeps the task records and implements it; the documents only show what it answers.
 */
public interface LateCampaignTasks {

    /**
     * A task not done by its deadline: the unit it was given to (group id and name), its name, its deadline, when it was
     * done (null: not yet at the time asked) and how many working days it was (or is) behind; {@code officeLed} when the
     * unit is a working group the office leads ({@code roles.office-led}): the office's own work, not named in a 通报;
     * {@code carried} when it fell due before the period and was still not done at its end (named again every period
     * until done, as an overdue case is counted, jtreview-s59 T1).
     */
    record LateTask(String groupId, String unitName, String task, Instant dueAt, Instant completedAt, int workingDaysLate,
            boolean officeLed, boolean carried) {

        /**
         * 逾期未报（已逾期 N 个工作日）, 逾期 N 个工作日完成 for one done late, and 仍未完成，已逾期 N 个工作日 for one carried over
         * from an earlier period.
         */
        public String state() {
            return completedAt != null ? "逾期 " + workingDaysLate + " 个工作日完成"
                    : carried ? "仍未完成，已逾期 " + workingDaysLate + " 个工作日" : "逾期未报（已逾期 " + workingDaysLate + " 个工作日）";
        }
    }

    /**
     * The campaign's tasks due in [{@code from}, {@code until}) and before {@code asOf} that were open at {@code asOf} or
     * done at least a working day after their deadline, and those due before {@code from} still not done at the period's
     * end (or {@code asOf}, if earlier), by deadline: the tasks the scores' {@code task-rule} deducts for, counted by the
     * same rule. The office's and the leading group's own tasks (检查点, 召开会议) are not among them, nor cancelled ones;
     * those of the working groups the office leads are, marked {@code officeLed}.
     */
    List<LateTask> inPeriod(String campaignCode, Instant from, Instant until, Instant asOf);
}
