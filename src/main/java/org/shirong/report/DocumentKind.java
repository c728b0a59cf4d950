package org.shirong.report;

/** What a stored campaign document is. */
public enum DocumentKind {
    AGENDA("会议议程"),
    MINUTES("会议纪要"),
    NOTICE("通报"),
    MONTHLY_REPORT("月度工作报告");

    private final String label;

    DocumentKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
