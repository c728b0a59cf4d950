package org.shirong.rectification;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The case sources (案件来源) an organisation uses, from the {@code sources:} block of its categories.yaml: {@code offered}
 * what a report or an import row may name (会议决定 is never chosen: a meeting's decisions report it), {@code importDefault}
 * the source of an import row that names none, or null when an import must say it. Without the block: every source,
 * and imports default to 满意度测评点位问题 (松江's survey, whose point lists the import was made for).
 */
public record CaseSources(List<CaseSource> offered, CaseSource importDefault) {

    static final CaseSources ALL = new CaseSources(
            Arrays.stream(CaseSource.values()).filter(s -> s != CaseSource.MEETING).toList(), CaseSource.SURVEY);

    public CaseSources {
        offered = List.copyOf(offered);
    }

    public boolean offers(CaseSource source) {
        return source == CaseSource.MEETING || offered.contains(source);
    }

    /** 日常巡查（PATROL）、单位自查（SELF_INSPECTION）…: what a refusal offers. */
    String choices() {
        return offered.stream().map(s -> s.label() + "（" + s.name() + "）").collect(Collectors.joining("、"));
    }

    /** The offered sources of {@code these}, by label, the last joined with 或: 日常巡查、单位自查或满意度测评点位问题. */
    String labelsOr(List<CaseSource> these) {
        List<String> labels = offered.stream().filter(these::contains).map(CaseSource::label).toList();
        return labels.size() < 2 ? String.join("", labels)
                : String.join("、", labels.subList(0, labels.size() - 1)) + "或" + labels.get(labels.size() - 1);
    }
}
