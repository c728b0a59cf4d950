package org.shirong.rectification;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.shirong.system.TextInput;

/**
 * How staff name a problem category in a typed or pasted line: by its full name, by its code, or by its
 * name without the bracketed note (果壳箱/废物箱 for 果壳箱/废物箱（满溢、破损、缺失）) when only one
 * category has that short name. Findings on campaign tasks and meeting decisions read categories alike.
 */
public final class CategoryNames {

    private static final int MAX_SUGGESTIONS = 5;
    /** How much of a typed name a message quotes back. */
    static final int QUOTED = 40;

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
        List<String> near = suggestions(given);
        return "没有问题类别“" + TextInput.shortened(given, QUOTED) + "”" + (near.isEmpty() ? "（请按表单上列出的类别名称填写）"
                : "，是否指：" + String.join("、", near) + "？");
    }

    /** The category names close to a text that names none: containing it, contained in it, or a typo or two away. */
    public List<String> suggestions(String text) {
        return near(List.copyOf(nameByCode.values()), text);
    }

    /**
     * The names close to {@code text}, at most five: those containing it or whose short name it contains, else those
     * whose short name is a character or two away (one for every three characters), such as 暴露垃级 for 暴露垃圾.
     */
    public static List<String> near(List<String> names, String text) {
        String given = text.strip();
        if (given.isEmpty()) {
            return List.of();
        }
        List<String> containing = names.stream()
                .filter(name -> name.contains(given) || given.contains(shortName(name))).limit(MAX_SUGGESTIONS).toList();
        if (!containing.isEmpty()) {
            return containing;
        }
        return names.stream().filter(name -> {
            String close = shortName(name);
            int closeLength = close.codePointCount(0, close.length());
            int givenLength = given.codePointCount(0, given.length());
            int allowed = Math.max(1, Math.min(closeLength, givenLength) / 3);
            // the distance is at least the difference in length: a pasted paragraph is not compared character by character
            return Math.abs(closeLength - givenLength) <= allowed && distance(close, given) <= allowed;
        }).limit(MAX_SUGGESTIONS).toList();
    }

    /** Levenshtein distance, by code point. */
    private static int distance(String a, String b) {
        int[] x = a.codePoints().toArray();
        int[] y = b.codePoints().toArray();
        int[] previous = new int[y.length + 1];
        int[] current = new int[y.length + 1];
        for (int j = 0; j <= y.length; j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= x.length; i++) {
            current[0] = i;
            for (int j = 1; j <= y.length; j++) {
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[y.length];
    }

    static String shortName(String name) {
        return name.replaceFirst("\\s*[（(].*$", "").strip();
    }
}
