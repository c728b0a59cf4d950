package org.shirong.rectification;

/** Where a problem was found (案件来源). */
public enum CaseSource {
    PATROL("日常巡查"),
    SELF_INSPECTION("单位自查"),
    JOINT_INSPECTION("联合检查、督导检查"),
    SURVEY("满意度测评点位问题"),
    CITIZEN("市民反映（12345）"),
    SPOT_CHECK("市级明查暗访"),
    MEETING("会议决定");

    private final String label;

    CaseSource(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
