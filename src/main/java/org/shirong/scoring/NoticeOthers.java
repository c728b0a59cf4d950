package org.shirong.scoring;

import java.time.Instant;
import java.util.List;

/**
 * What a campaign's 通报 of a period names besides the units its scores rank low: the units late with a task (逾期任务)
 * and those a meeting decided to 通报 (会议决定). The report capability implements it from where the 通报 itself reads
 * them, as issued (or, before, as it would name them now), so that the 考核得分 Excel agrees with the 通报 the office
 * hands out (jtreview-s59 T15); the 协办 it names come from {@link UnitScores#cooperation} as of {@link Others#issuedAt},
 * as the 通报 named them.
 */
public interface NoticeOthers {

    /** A task the 通报 names its unit for: the task, its due day (2026年11月9日) and how late ({@code 逾期未报（已逾期 18 个工作日）}). */
    record LateTask(String unitId, String unitName, String task, String due, String state) {

        /** {@link #reason(String, String, String)} of this task. */
        public String reason() {
            return reason(task, due, state);
        }

        /**
         * Why the 通报 names the unit, in the words its replies, the 驾驶舱 and the 考核得分 Excel all give (diffreview-s60
         * R11): {@code 月度工作报告（2026年10月）2026年11月9日到期，逾期未报（已逾期 18 个工作日）}.
         */
        public static String reason(String task, String due, String state) {
            return task + due + "到期，" + state;
        }
    }

    /** A unit a meeting decided to 通报, the reason it gave and the meeting (工作例会（2026年12月3日）). */
    record Decided(String unitId, String unitName, String reason, String decidedBy) {

        /** {@link #wording(String, String)} of this decision. */
        public String wording() {
            return wording(reason, decidedBy);
        }

        /**
         * Why the 通报 names the unit, in the words its replies, the 驾驶舱 and the 考核得分 Excel all give (diffreview-s60
         * R11): {@code 2026年10月月度工作报告至今未报送（工作例会（2026年12月3日）决定通报）}.
         */
        public static String wording(String reason, String decidedBy) {
            return reason + "（" + decidedBy + "决定通报）";
        }
    }

    /**
     * One unit and one reason it is named for, as the 驾驶舱's ranking text and the Excel's note list them, {@code ；}-separated:
     * {@code 环卫所：未完成协办 1 件}.
     */
    static String line(String unitName, String reason) {
        return unitName + "：" + reason;
    }

    /**
     * The tasks and decisions, and {@code lines}, each unit with its reason as the 驾驶舱's ranking text gives them
     * ({@code 环卫所：月度工作报告（2026年10月）2026年11月9日到期，逾期未报（已逾期 18 个工作日）}); {@code unranked}: why the
     * 通报, issued by a meeting that ranks no unit, names no unit for its score, as it prints it (null when it ranks): the
     * Excel then names none either and gives this sentence (diffreview-s60 R1); {@code issuedAt}: when the 通报 was issued
     * (null before), the instant its 协办 are read as of, as it named them (diffreview-s60 R2).
     */
    record Others(List<LateTask> lateTasks, List<Decided> decided, List<String> lines, String unranked, Instant issuedAt) {

        public static final Others NONE = new Others(List.of(), List.of(), List.of(), null, null);
    }

    /** What the campaign's 通报 of {@code periodCode} names (or would name) besides its ranking; none while it runs. */
    Others of(String campaignCode, String periodCode, boolean provisional);
}
