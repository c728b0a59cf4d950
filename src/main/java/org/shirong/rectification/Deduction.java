package org.shirong.rectification;

/**
 * A deduction a case costs its lead unit in the scoring (考核扣分), which the unit may appeal (考核申诉,
 * {@link CaseAppeals}): 超期 (marked red or closed late), 返工 (sent back by verification), 回退 (returned by the unit)
 * or 重新打开 (the office reopened the closed case, charged to the unit it went back to).
 */
public enum Deduction {
    OVERDUE("超期"),
    REWORK("返工"),
    RETURN("回退"),
    REOPEN("重新打开");

    private final String label;

    Deduction(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
