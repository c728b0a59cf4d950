package org.shirong.organization;

/** The kinds of groups in a campaign's organisation, with their Chinese names. */
public enum GroupType {
    LEADING_GROUP("领导小组"),
    OFFICE("办公室"),
    WORKING_GROUP("工作组"),
    UNIT("成员单位"),
    COMMITTEE("居委会"),
    PROPERTY("物业公司");

    private final String label;

    GroupType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

}
