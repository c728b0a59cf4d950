package org.shirong.campaign;

/** What a recurring piece of campaign work is, with its Chinese name. */
public enum CycleKind {
    /** A meeting held by a meeting process (工作例会, 专项工作会议). */
    MEETING("会议"),
    /** Units report their progress to the office (月报告). */
    REPORT("报告"),
    /** An inspection whose findings become rectification cases (季检查, 联合检查, 牵头单位月度检查). */
    INSPECTION("检查"),
    /** The leading group assesses the units and names those that did not perform (年考核). */
    ASSESSMENT("考核");

    private final String label;

    CycleKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
