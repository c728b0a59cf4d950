package org.shirong.campaign;

/** What a phase task is, with its Chinese name. */
public enum TaskKind {
    /** Work done and reported by whoever the task names. */
    TASK("任务"),
    /** The office confirms that the problems found earlier in the campaign have been rectified. */
    CHECKPOINT("检查点");

    private final String label;

    TaskKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
