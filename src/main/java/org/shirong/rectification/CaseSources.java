package org.shirong.rectification;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The case sources (案件来源) an organisation uses, from the {@code sources:} block of its categories.yaml: {@code offered}
 * what a report or an import row may name (会议决定 is never chosen: a meeting's decisions report it), {@code importDefault}
 * the source of an import row that names none, or null when an import must say it. Without the block: every source,
 * and imports default to 满意度测评点位问题 (松江's survey, whose point lists the import was made for). {@code labels}: what
 * the organisation's plan calls a source where the shared name does not fit it (锦溪镇: no 督导检查组, so its
 * JOINT_INSPECTION is 季检查（督促检查）), shown wherever its cases' sources are and accepted in its imports.
 */
public record CaseSources(List<CaseSource> offered, CaseSource importDefault, Map<CaseSource, String> labels) {

    static final CaseSources ALL = new CaseSources(
            Arrays.stream(CaseSource.values()).filter(s -> s != CaseSource.MEETING).toList(), CaseSource.SURVEY);

    public CaseSources {
        offered = List.copyOf(offered);
        labels = labels == null || labels.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(labels));
    }

    public CaseSources(List<CaseSource> offered, CaseSource importDefault) {
        this(offered, importDefault, Map.of());
    }

    /** The source by the organisation's name for it (its {@code labels}), else by the shared one. */
    public String label(CaseSource source) {
        return source == null ? null : labels.getOrDefault(source, source.label());
    }

    /** The source written as the organisation names it, or as {@link CaseSource#of} reads it (code, label, short name). */
    public Optional<CaseSource> of(String text) {
        if (text != null) {
            String given = text.strip();
            Optional<CaseSource> own = labels.entrySet().stream().filter(e -> e.getValue().equals(given)).map(Map.Entry::getKey)
                    .findFirst();
            if (own.isPresent()) {
                return own;
            }
        }
        return CaseSource.of(text);
    }

    public boolean offers(CaseSource source) {
        return source == CaseSource.MEETING || offered.contains(source);
    }

    /** 日常巡查（PATROL）、单位自查（SELF_INSPECTION）…: what a refusal offers. */
    String choices() {
        return offered.stream().map(s -> label(s) + "（" + s.name() + "）").collect(Collectors.joining("、"));
    }

    /** The offered sources of {@code these}, by label, the last joined with 或: 日常巡查、单位自查或满意度测评点位问题. */
    String labelsOr(List<CaseSource> these) {
        List<String> names = offered.stream().filter(these::contains).map(this::label).toList();
        return names.size() < 2 ? String.join("", names)
                : String.join("、", names.subList(0, names.size() - 1)) + "或" + names.get(names.size() - 1);
    }
}
