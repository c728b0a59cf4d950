package org.shirong.rectification;

/**
 * What bound a case's due instant when it was dispatched: the earliest of the dispatch table's time limit (or a
 * meeting decision's 期限, which takes its place), the campaign plan item's finish-by and the campaign's end; or, once an
 * extension is approved, that extension's 延期至 (jxreview-s55 J5: the new deadline is no longer the dispatch limit).
 */
public enum DueBound {
    DISPATCH_LIMIT("派遣时限"),
    PLAN_ITEM("活动计划项目完成时限"),
    MEETING_DECISION("会议决定的完成期限"),
    CAMPAIGN_END("活动结束时间"),
    EXTENSION("经批准的延期");

    private final String label;

    DueBound(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
