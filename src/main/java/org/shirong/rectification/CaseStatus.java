package org.shirong.rectification;

/** Where a case stands (案件状态). */
public enum CaseStatus {
    REPORTED("已立案"),
    DISPATCHED("已派遣"),
    IN_RECTIFICATION("整改中"),
    AWAITING_VERIFICATION("待核查"),
    SUSPENDED("已挂账"),
    CLOSED("已结案");

    private final String label;

    CaseStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
