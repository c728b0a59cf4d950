package org.shirong.campaign;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.shirong.campaign.CampaignTemplate.Phase;
import org.shirong.campaign.CampaignTemplate.TaskDefinition;

/**
 * Checks a campaign template field by field: its id and name, the phases ({@link PhaseChecks}), the
 * participants and items ({@link UnitChecks}), the tasks and the cycles ({@link CycleChecks}), and the
 * groups, categories and phases they refer to. Every problem names its field.
 */
final class TemplateChecks {

    private static final Pattern TEMPLATE_ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    static final Pattern ID = Pattern.compile("[a-z][a-zA-Z0-9]*");

    final CampaignTemplate template;
    final TemplateReferences references;
    final List<String> problems = new ArrayList<>();

    private TemplateChecks(CampaignTemplate template, TemplateReferences references) {
        this.template = template;
        this.references = references;
    }

    static List<String> check(CampaignTemplate template, String expectedId, TemplateReferences references) {
        TemplateChecks checks = new TemplateChecks(template, references);
        checks.header(expectedId);
        PhaseChecks.check(template.phases(), checks.problems);
        new UnitChecks(checks).check();
        checks.tasks();
        new CycleChecks(checks).check();
        checks.requirement("evidence.before-photo", template.evidence().beforePhoto());
        return checks.problems;
    }

    private void header(String expectedId) {
        if (blank(template.id())) {
            problems.add("id: 必须填写模板 id（与文件名相同，如 " + expectedId + "）");
        } else if (!TEMPLATE_ID.matcher(template.id()).matches()) {
            problems.add("id: \"" + template.id() + "\" 只能包含小写英文字母、数字和连字符（如 jiuting-2023-standard-town）");
        } else if (!template.id().equals(expectedId)) {
            problems.add("id: \"" + template.id() + "\" 必须与文件名 " + expectedId + ".yaml 一致");
        }
        if (blank(template.name())) {
            problems.add("name: 必须填写模板的中文名称");
        }
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < template.phases().size(); i++) {
            Phase phase = template.phases().get(i);
            if (phase != null) {
                checkId("phases", i, phase.id(), ID, seen);
                if (blank(phase.name())) {
                    problems.add("phases[" + i + "].name: 必须填写中文名称");
                }
            }
        }
    }

    private void tasks() {
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < template.tasks().size(); i++) {
            TaskDefinition task = template.tasks().get(i);
            String at = "tasks[" + i + "]";
            if (task == null) {
                problems.add(at + ": 空条目");
                continue;
            }
            checkId("tasks", i, task.id(), ID, seen);
            if (blank(task.name())) {
                problems.add(at + ".name: 必须填写中文名称（动词 + 对象，如 对照标准全面自查）");
            }
            who(at + ".who", task.who());
            with(at, task.who(), task.with());
            units(at, task);
            if (task.phase() == null) {
                problems.add(at + ".phase: 必须填写所属阶段（phases 中的 id）");
            } else if (phase(at + ".phase", task.phase())) {
                due(at, task, template.phase(task.phase()).orElseThrow());
            }
            evidence(at, task);
        }
    }

    /** A task's {@code units}: with {@code each-unit} only, each a participant's id, once. */
    private void units(String at, TaskDefinition task) {
        if (task.units().isEmpty()) {
            return;
        }
        if (!CampaignTemplate.EACH_UNIT.equals(task.who())) {
            problems.add(at + ".units: 只能与 who: each-unit 一起使用（列出方案点名的参加单位）");
            return;
        }
        Set<String> listed = new HashSet<>();
        for (int u = 0; u < task.units().size(); u++) {
            String unit = task.units().get(u);
            if (template.participants().stream().noneMatch(p -> p != null && unit != null
                    && unit.equals(p.id() != null ? p.id() : p.organization() != null ? p.organization() : p.group()))) {
                problems.add("%s.units[%d]: \"%s\" 不是参加单位（participants 中的 id、group 或 organization）".formatted(at, u, unit));
            } else if (!listed.add(unit)) {
                problems.add("%s.units[%d]: \"%s\" 重复".formatted(at, u, unit));
            }
        }
    }

    /** A task's {@code evidence}: only a task reported in words takes files (findings and checkpoints have their own forms). */
    private void evidence(String at, TaskDefinition task) {
        var evidence = task.evidence();
        if (evidence == null) {
            return;
        }
        if (task.findings() != null || task.kind() == TaskKind.CHECKPOINT) {
            problems.add(at + ".evidence: 只有一般任务（没有 findings、kind 不是 CHECKPOINT）可以要求附件");
        }
        requirement(at + ".evidence.attachments", evidence.attachments());
        for (int k = 0; k < evidence.kinds().size(); k++) {
            String kind = evidence.kinds().get(k);
            if (AttachmentKind.of(kind).isEmpty()) {
                problems.add("%s.evidence.kinds[%d]: \"%s\" 不是可选的附件类型（%s）".formatted(at, k, kind, AttachmentKind.ids()));
            }
        }
    }

    /** An {@code evidence} value: {@code required}, {@code optional}, or left out (optional). */
    private void requirement(String at, String value) {
        if (value != null && !CampaignTemplate.REQUIRED.equals(value) && !CampaignTemplate.OPTIONAL.equals(value)) {
            problems.add(at + ": \"" + value + "\" 不是可选的值（required 必须提供、optional 可选）");
        }
    }

    private void due(String at, TaskDefinition task, Phase phase) {
        if (task.dueAfterPhaseStart() != null) {
            dueAfterStart(at, task, phase);
            if (task.dueBeforePhaseEnd() == null) {
                return;
            }
        }
        var due = task.dueBeforePhaseEnd();
        if (due == null) {
            return;
        }
        if (due.isNegative()) {
            problems.add(at + ".due-before-phase-end: " + due + " 不能为负（P0D 即阶段结束之日）");
        } else if (phase.from() != null && phase.to() != null && phase.to().minus(due).isBefore(phase.from())) {
            problems.add("%s.due-before-phase-end: %s 超出了阶段“%s”的时长（按方案日期期限将是 %s，早于阶段开始 %s）"
                    .formatted(at, due, phase.name(), phase.to().minus(due), phase.from()));
        } else if (phase.from() != null && phase.length() != null
                && phase.from().plus(phase.length()).minusDays(1).minus(due).isBefore(phase.from())) {
            // Later campaigns keep the phase's length, not its dates: a task must still fall due on or after its first day.
            problems.add("%s.due-before-phase-end: %s 超出了阶段“%s”的长度 %s（按此长度从 %s 开始，期限将是 %s，早于任务下达之日）"
                    .formatted(at, due, phase.name(), phase.length(), phase.from(),
                            phase.from().plus(phase.length()).minusDays(1).minus(due)));
        }
    }

    /**
     * {@code due-after-phase-start}: not negative and, alone, within the phase by its dates and by its length; with
     * {@code due-before-phase-end} beside it (the earlier of the two) a limit that the phase's end caps.
     */
    private void dueAfterStart(String at, TaskDefinition task, Phase phase) {
        var due = task.dueAfterPhaseStart();
        if (due.isNegative()) {
            problems.add(at + ".due-after-phase-start: " + due + " 不能为负（P0D 即阶段开始之日）");
        } else if (task.dueBeforePhaseEnd() != null) {
            return;
        } else if (phase.from() != null && phase.to() != null && phase.from().plus(due).isAfter(phase.to())) {
            problems.add("%s.due-after-phase-start: %s 超出了阶段“%s”的时长（按方案日期期限将是 %s，晚于阶段结束 %s）"
                    .formatted(at, due, phase.name(), phase.from().plus(due), phase.to()));
        } else if (phase.from() != null && phase.length() != null
                && phase.from().plus(due).isAfter(phase.from().plus(phase.length()).minusDays(1))) {
            problems.add("%s.due-after-phase-start: %s 超出了阶段“%s”的长度 %s（按此长度从 %s 开始，期限将是 %s，晚于阶段结束）"
                    .formatted(at, due, phase.name(), phase.length(), phase.from(), phase.from().plus(due)));
        }
    }

    void checkId(String list, int index, String id, Pattern pattern, Map<String, Integer> seen) {
        String at = list + "[" + index + "].id";
        if (blank(id)) {
            problems.add(at + ": 必须填写");
        } else if (!pattern.matcher(id).matches()) {
            problems.add(at + ": \"" + id + "\" 只能包含英文字母和数字" + (pattern == ID ? "，并以小写字母开头（如 selfInspection）" : ""));
        } else if (seen.putIfAbsent(id, index) != null) {
            problems.add("%s: \"%s\" 与 %s[%d] 重复".formatted(at, id, list, seen.get(id)));
        }
    }

    private String organizationFile() {
        return "config/organizations/" + references.organization().id() + "/organization.yaml";
    }

    private String categoriesFile() {
        return "config/organizations/" + references.organization().id() + "/categories.yaml";
    }

    /** Whether {@code id} is a group of the organisation; says what is wrong when it is not. */
    boolean group(String at, String id) {
        if (blank(id)) {
            problems.add(at + ": 必须填写组 id（" + organizationFile() + "）");
            return false;
        } else if (references.group(id).isEmpty()) {
            problems.add(at + ": 组 \"" + id + "\" 未在 " + organizationFile() + " 中定义");
            return false;
        }
        return true;
    }

    /** {@code with}: groups of the organisation, each once, besides a group {@code who} (not each-unit or each-item-lead). */
    void with(String at, String who, List<String> with) {
        if (with.isEmpty()) {
            return;
        }
        if (CampaignTemplate.EACH_UNIT.equals(who) || CampaignTemplate.EACH_ITEM_LEAD.equals(who) || blank(who)) {
            problems.add(at + ".with: 只能与 who 为组 id 的任务一起使用（会同办理的组）");
            return;
        }
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int k = 0; k < with.size(); k++) {
            String group = with.get(k);
            String field = "%s.with[%d]".formatted(at, k);
            if (blank(group)) {
                problems.add(field + ": 必须填写组 id");
            } else if (group.equals(who) || !seen.add(group)) {
                problems.add(field + ": \"" + group + "\" 重复");
            } else {
                group(field, group);
            }
        }
    }

    void who(String at, String who) {
        if (CampaignTemplate.EACH_UNIT.equals(who)) {
            if (template.participants().isEmpty()) {
                problems.add(at + ": each-unit 需要 participants 中至少有一个参加单位");
            }
        } else if (CampaignTemplate.EACH_ITEM_LEAD.equals(who)) {
            if (template.items().isEmpty()) {
                problems.add(at + ": each-item-lead 需要 items 中至少有一个整治项目");
            }
        } else if (blank(who)) {
            problems.add(at + ": 必须填写由谁办理（组 id、each-unit 或 each-item-lead）");
        } else if (group(at, who)) {
            collective(at, who, "请写 each-unit（每个参加单位各办一件）或具体的单位");
        }
    }

    /** A collective (各居委会) does no work as one: its member units each do their own ({@code hint}: what to write instead). */
    void collective(String at, String group, String hint) {
        if (references.organization().isCollective(group)) {
            problems.add("%s: \"%s\"（%s）是若干单位的统称，不能作为一个单位办理：%s".formatted(at, group,
                    references.organization().groupName(group), hint));
        }
    }

    boolean phase(String at, String phaseId) {
        if (template.phase(phaseId).isEmpty()) {
            problems.add(at + ": 阶段 \"" + phaseId + "\" 未在 phases 中定义");
            return false;
        }
        return true;
    }

    void category(String at, String code) {
        if (blank(code)) {
            problems.add(at + ": 必须填写问题类别代码（" + categoriesFile() + "）");
            return;
        }
        references.category(code).ifPresentOrElse(c -> {
            if (!c.applicable()) {
                problems.add(at + ": 类别 \"" + code + "\"（" + c.name() + "）在 " + categoriesFile() + " 中标为不适用（applicable: false）");
            }
        }, () -> problems.add(at + ": 类别 \"" + code + "\" 未在 " + categoriesFile() + " 中定义"));
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
