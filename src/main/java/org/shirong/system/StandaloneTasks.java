package org.shirong.system;

/**
 * Tasks Shirong creates outside any process (核实属地): the work they stand for is done elsewhere (the case page), and
 * Shirong completes them when it is, so staff may not complete them in Tasklist or REST ({@link SubmittedFieldsGuard}):
 * a completion there would settle nothing and leave the task's work unseen (diffreview-s57 R3).
 */
public final class StandaloneTasks {

    /** The task-local variable holding what the refusal tells the one who tries to complete the task: where it is done. */
    public static final String VAR_HOW_SETTLED = "howSettled";

    /** The refusal of a task without {@link #VAR_HOW_SETTLED}. */
    static final String SETTLED_ELSEWHERE = "本任务不在任务列表中办理：请按任务描述中写明的地方办理，办理后本任务自动完成。";

    private StandaloneTasks() {
    }
}
