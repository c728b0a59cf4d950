package org.shirong.rectification;

import org.shirong.system.Labelled;

/** Where a case stands (案件状态). */
public enum CaseStatus implements Labelled {
    REPORTED("已立案"),
    DISPATCHED("已派遣"),
    IN_RECTIFICATION("整改中"),
    AWAITING_VERIFICATION("待核查"),
    SUSPENDED("已挂账"),
    CLOSED("已结案"),
    /** Closed as a duplicate of another case of the organisation (合并关闭): not rectified, never counted as 结案. */
    MERGED("已合并"),
    /** Voided by the office (作废：not a problem, outside the organisation, reported by mistake): never counted. */
    VOIDED("已作废");

    private final String label;

    CaseStatus(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    /** Whether the case's handling is over: closed, merged into another case, or voided. */
    public boolean ended() {
        return this == CLOSED || this == MERGED || this == VOIDED;
    }

    /** Whether the case counts at all (scores, counts of a campaign): not merged into another, not voided. */
    public boolean counted() {
        return this != MERGED && this != VOIDED;
    }
}
