package org.shirong.rectification;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How staff name a problem category in a typed or pasted line: by its full name, by its code, or by its
 * name without the bracketed note (果壳箱/废物箱 for 果壳箱/废物箱（满溢、破损、缺失）) when only one
 * category has that short name. Findings on campaign tasks and meeting decisions read categories alike.
 */
public final class CategoryNames {

    private static final int MAX_SUGGESTIONS = 5;

    private final Map<String, String> nameByCode;

    /** The categories a line may name, code → name, in the order the form lists them. */
    public CategoryNames(Map<String, String> nameByCode) {
        this.nameByCode = new LinkedHashMap<>(nameByCode);
    }

    /** The code of the category the text names, if exactly one does. */
    public Optional<String> codeOf(String text) {
        String given = text.strip();
        for (Map.Entry<String, String> c : nameByCode.entrySet()) {
            if (c.getValue().equals(given) || c.getKey().equalsIgnoreCase(given)) {
                return Optional.of(c.getKey());
            }
        }
        List<String> byShortName = nameByCode.entrySet().stream()
                .filter(c -> shortName(c.getValue()).equals(given)).map(Map.Entry::getKey).toList();
        return byShortName.size() == 1 ? Optional.of(byShortName.get(0)) : Optional.empty();
    }

    /** The message for a text that names no category, suggesting the names close to it. */
    public String unknown(String text) {
        String given = text.strip();
        List<String> near = nameByCode.values().stream()
                .filter(name -> name.contains(given) || given.contains(shortName(name))).limit(MAX_SUGGESTIONS).toList();
        return "没有问题类别“" + given + "”" + (near.isEmpty() ? "（请按表单上列出的类别名称填写）"
                : "，是否指：" + String.join("、", near) + "？");
    }

    static String shortName(String name) {
        return name.replaceFirst("\\s*[（(].*$", "").strip();
    }
}
