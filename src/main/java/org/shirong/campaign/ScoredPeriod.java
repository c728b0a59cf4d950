package org.shirong.campaign;

/**
 * Which unit scores a cycle calculates when it fires, relative to the firing date: the period just
 * ended (an assessment at the start of a year looks back) or the one under way (an assessment in
 * December of a campaign that ends with the year).
 */
public enum ScoredPeriod {
    PREVIOUS_MONTH("上月"),
    CURRENT_MONTH("本月"),
    PREVIOUS_QUARTER("上季度"),
    CURRENT_QUARTER("本季度"),
    PREVIOUS_YEAR("上年度"),
    CURRENT_YEAR("本年度");

    private final String label;

    ScoredPeriod(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
