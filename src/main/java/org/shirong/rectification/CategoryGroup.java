package org.shirong.rectification;

/** Where a problem category comes from, with its Chinese name. */
public enum CategoryGroup {
    PATROL("日常巡查问题"),
    CAMPAIGN_931("锦溪“931”整治项目"),
    SURVEY("满意度测评 11 大类");

    private final String label;

    CategoryGroup(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
