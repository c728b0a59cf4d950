package org.shirong.organization;

/**
 * The kinds of groups in a campaign's organisation, with their Chinese names. COMMITTEE, COMMUNITY, VILLAGE and PROPERTY
 * are units on the ground as the plans name them (九亭镇 各居委会、各物业公司; 锦溪镇 各村、社区).
 */
public enum GroupType {
    LEADING_GROUP("领导小组"),
    OFFICE("办公室"),
    WORKING_GROUP("工作组"),
    UNIT("成员单位"),
    COMMITTEE("居委会"),
    /** A 社区 as a plan names it among its units (锦溪镇 上下塘社区: "各村、社区"). */
    COMMUNITY("社区"),
    /** A village (村) as a plan names it among its units (锦溪镇 卫星村). */
    VILLAGE("村"),
    PROPERTY("物业公司");

    private final String label;

    GroupType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

}
