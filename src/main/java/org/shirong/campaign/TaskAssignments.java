package org.shirong.campaign;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.shirong.rectification.Category;

/**
 * Expands a task's or cycle's {@code who} into the tasks to hand out: one for a named group, one per
 * participating unit ({@code each-unit}; only those a task's {@code units} lists, when it lists any) or one per plan item
 * for its lead unit ({@code each-item-lead}).
 */
final class TaskAssignments {

    /** One task to hand out: the key part that tells it from its siblings, who does it and what for. */
    record Assignment(String keySuffix, String name, String groupId, String unitId, String itemCategory, String requirement,
            String organization) {

        Assignment(String keySuffix, String name, String groupId, String unitId, String itemCategory, String requirement) {
            this(keySuffix, name, groupId, unitId, itemCategory, requirement, null);
        }
    }

    private TaskAssignments() {
    }

    static List<Assignment> expand(CampaignTemplate template, String who, String name,
            Function<String, Optional<Category>> categories, Map<String, String> groupNames) {
        return expand(template, who, List.of(), name, categories, groupNames);
    }

    /** As {@link #expand(CampaignTemplate, String, String, Function, Map)}; {@code units} (participant ids) narrows {@code each-unit}. */
    static List<Assignment> expand(CampaignTemplate template, String who, List<String> units, String name,
            Function<String, Optional<Category>> categories, Map<String, String> groupNames) {
        List<Assignment> result = new ArrayList<>();
        if (CampaignTemplate.EACH_UNIT.equals(who)) {
            for (CampaignTemplate.Participant p : template.participants()) {
                if (!units.isEmpty() && !units.contains(p.id())) {
                    continue;
                }
                result.add(new Assignment(p.id(), name + "（" + p.name() + "）", p.group(), p.id(), null,
                        p.duties() == null ? "" : "本单位职责：" + p.duties(), p.organization()));
            }
        } else if (CampaignTemplate.EACH_ITEM_LEAD.equals(who)) {
            for (CampaignTemplate.Item item : template.items()) {
                String itemName = itemName(item, categories);
                result.add(new Assignment(item.category(), name + "（" + itemName + "）", item.lead(), unitOf(template, item.lead()),
                        item.category(), "牵头整治项目：" + itemName
                                + (item.responsible().isEmpty() ? "" : "；责任单位：" + item.responsible().stream().map(g -> groupNames.getOrDefault(g, g)).collect(Collectors.joining("、")))));
            }
        } else {
            result.add(new Assignment(who, name, who, unitOf(template, who), null, ""));
        }
        return result;
    }

    /** A plan item as its lead unit's task names it: its own name, else its category's. */
    static String itemName(CampaignTemplate.Item item, Function<String, Optional<Category>> categories) {
        return item.name() != null ? item.name() : categories.apply(item.category()).map(Category::name).orElse(item.category());
    }

    /**
     * What the task's 要求 box shows: the plan's words for the task (a template without them names the plan and the
     * task), then the unit's part in it (its duties, or the plan item it leads).
     */
    static String requirement(CampaignTemplate template, String planned, String taskName, String unitPart) {
        String plan = planned == null || planned.isBlank() ? "按《" + template.name() + "》完成“" + taskName + "”。" : planned.strip();
        return unitPart == null || unitPart.isBlank() ? plan : plan + "\n" + unitPart;
    }

    private static String unitOf(CampaignTemplate template, String group) {
        Optional<CampaignTemplate.Participant> p = template.participants().stream().filter(x -> x.group().equals(group)).findFirst();
        return p.map(CampaignTemplate.Participant::id).orElse(null);
    }
}
