package org.shirong.rectification;

import java.util.List;

/**
 * A problem category of {@code config/categories.yaml}. {@code items} are the 小项 of a survey
 * category (empty for the others); {@code applicable} is false for a plan item the plan marks 无,
 * which forms should not offer.
 */
public record Category(String code, String name, CategoryGroup group, List<String> items, boolean applicable) {

    public Category {
        items = items == null ? List.of() : List.copyOf(items);
    }

    /** Why a case cannot be filed under a plan item the plan marks 无 (jxreview J2: not "未知的问题类别"). */
    public String notApplicable() {
        return "问题类别“" + name + "”：方案标注“无”，本镇不涉及";
    }
}
