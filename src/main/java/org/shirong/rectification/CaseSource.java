package org.shirong.rectification;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Where a problem was found (案件来源). */
public enum CaseSource {
    PATROL("日常巡查", "巡查"),
    SELF_INSPECTION("单位自查", "自查"),
    JOINT_INSPECTION("联合检查、督导检查", "联合检查", "督导检查"),
    SURVEY("满意度测评点位问题", "满意度测评", "测评点位问题", "测评"),
    CITIZEN("市民反映（12345）", "12345", "市民反映", "市民投诉", "市民反映(12345)"),
    SPOT_CHECK("市级明查暗访", "明查暗访", "暗访"),
    MEETING("会议决定");

    private final String label;
    private final List<String> otherNames;

    CaseSource(String label, String... otherNames) {
        this.label = label;
        this.otherNames = List.of(otherNames);
    }

    public String label() {
        return label;
    }

    /** The short names a town writes for it, the one a template suggests first (巡查, 12345 …). */
    List<String> otherNames() {
        return otherNames;
    }

    /** The source written as its code (any case), its label or a short name a town writes (满意度测评, 12345, 巡查 …). */
    public static Optional<CaseSource> of(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String given = text.strip();
        return Arrays.stream(values()).filter(s -> s.name().equalsIgnoreCase(given) || s.label.equals(given)
                || s.otherNames.contains(given)).findFirst();
    }
}
