package org.shirong.scoring;

import java.time.Instant;
import java.util.List;

/**
 * The units' campaign tasks (签订目标责任书、月度工作报告、交办事项、书面报告整改情况 …) the rubric's {@code task-rule} scores,
 * counted by the same rule as the tasks a 通报 names for being late; the campaign capability implements it. Without an
 * implementation, or for a unit without a task counted, the task item leaves both the unit's points and its maximum.
 */
public interface TaskFacts {

    /**
     * One unit's tasks counted in a period: {@code counted} those due in it (up to its end, or now while it runs) and those
     * due earlier still not done at that time; of them, {@code overdue} not done at that time, and {@code doneLate} done in
     * it at least a working day after their deadline.
     */
    record TaskFigure(String unitId, int counted, int overdue, int doneLate) {
    }

    /**
     * The figures of the campaign's tasks ({@code campaign} null: of all the organisation's campaigns) for [from, until),
     * as they stood at {@code until}.
     */
    List<TaskFigure> figures(String organization, String campaign, Instant from, Instant until);
}
