package org.shirong.rectification;

import java.util.List;

/**
 * A problem category of {@code config/categories.yaml}. {@code items} are the 小项 of a survey
 * category (empty for the others); {@code applicable} is false for a plan item the plan marks 无,
 * which forms should not offer; {@code item} (or null) the code of the plan item (整治项目) a case of this
 * category counts toward in a campaign whose template has that item, its own deadline kept (乱设摊 → 规范占道经营).
 */
public record Category(String code, String name, CategoryGroup group, List<String> items, boolean applicable, String item) {

    public Category {
        items = items == null ? List.of() : List.copyOf(items);
    }

    public Category(String code, String name, CategoryGroup group, List<String> items, boolean applicable) {
        this(code, name, group, items, applicable, null);
    }

    /** Why a case cannot be filed under a plan item the plan marks 无 (jxreview J2: not "未知的问题类别"). */
    public String notApplicable() {
        return "问题类别“" + name + "”：方案标注“无”，本镇不涉及";
    }
}
