package org.shirong.campaign;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.shirong.campaign.CampaignTemplate.Item;
import org.shirong.campaign.CampaignTemplate.Participant;
import org.shirong.rectification.CaseSource;

/**
 * Checks the units a template names: the participating units (groups of {@code organization.yaml},
 * ids unique) and the plan items (applicable categories of {@code categories.yaml}, each once, with
 * known lead and responsible units and a known phase to finish by).
 */
final class UnitChecks {

    private static final Pattern PARTICIPANT_ID = Pattern.compile("[a-zA-Z0-9]+");

    private final TemplateChecks checks;
    private final List<String> problems;

    UnitChecks(TemplateChecks checks) {
        this.checks = checks;
        this.problems = checks.problems;
    }

    void check() {
        participants();
        items();
    }

    private void participants() {
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < checks.template.participants().size(); i++) {
            Participant p = checks.template.participants().get(i);
            String at = "participants[" + i + "]";
            if (p == null) {
                problems.add(at + ": 空条目");
                continue;
            }
            if (p.organization() != null) {
                if (p.group() != null) {
                    problems.add(at + ": group 与 organization 只能写一个");
                } else if (checks.references.subOrganization(p.organization()).isEmpty()) {
                    problems.add(at + ".organization: \"" + p.organization() + "\" 不是" + checks.references.organization().name()
                            + "下属的街镇（其 organization.yaml 的 parent 应为 " + checks.references.organization().id() + "）");
                }
                checks.checkId("participants", i, p.id() == null ? p.organization() : p.id(), PARTICIPANT_ID, seen);
                continue;
            }
            checks.group(at + ".group", p.group());
            String collective = checks.references.group(p.group()).map(g -> g.parent()).orElse(null);
            if (collective != null && checks.references.organization().isCollective(collective) && checks.template.participants()
                    .stream().anyMatch(o -> o != null && o.organization() == null && collective.equals(o.group()))) {
                problems.add("%s.group: \"%s\" 属于 \"%s\"，而 \"%s\" 已是参加单位（其各单位分别参加），请删去其中一项".formatted(at,
                        p.group(), collective, collective));
            }
            checks.checkId("participants", i, p.id() == null ? p.group() : p.id(), PARTICIPANT_ID, seen);
            if (p.standIn() && TemplateChecks.blank(p.name())) {
                problems.add(at + ".name: 替身单位（stand-in: true）必须写明方案中的真实单位名称");
            }
        }
    }

    private void items() {
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < checks.template.items().size(); i++) {
            Item item = checks.template.items().get(i);
            String at = "items[" + i + "]";
            if (item == null) {
                problems.add(at + ": 空条目");
                continue;
            }
            checks.category(at + ".category", item.category());
            Integer first = item.category() == null ? null : seen.putIfAbsent(item.category(), i);
            if (first != null) {
                problems.add("%s.category: \"%s\" 与 items[%d] 重复".formatted(at, item.category(), first));
            }
            checks.group(at + ".lead", item.lead());
            for (int k = 0; k < item.responsible().size(); k++) {
                checks.group("%s.responsible[%d]".formatted(at, k), item.responsible().get(k));
            }
            if (item.finishBy() != null) {
                checks.phase(at + ".finish-by", item.finishBy());
            }
            sources(at, item);
        }
    }

    /** An item's {@code sources}: what its finish-by binds, so none without a finish-by, each named once. */
    private void sources(String at, Item item) {
        if (!item.sources().isEmpty() && item.finishBy() == null) {
            problems.add(at + ".sources: 只限定 finish-by 约束哪些来源的案件，请同时写 finish-by，或删去 sources");
        }
        Set<CaseSource> named = new HashSet<>();
        for (int k = 0; k < item.sources().size(); k++) {
            CaseSource source = item.sources().get(k);
            if (source == null) {
                problems.add("%s.sources[%d]: 空条目".formatted(at, k));
            } else if (!named.add(source)) {
                problems.add("%s.sources[%d]: \"%s\" 重复".formatted(at, k, source));
            }
        }
    }
}
