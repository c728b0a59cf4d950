package org.shirong.organization;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.shirong.system.BpmnReads;
import org.shirong.system.ConfigFile;
import org.shirong.system.ModelFiles;
import org.shirong.system.StartupRefusedException;
import org.shirong.system.TenantResources;
import org.springframework.stereotype.Component;

/**
 * What each organisation deploys besides the shared processes and forms: its dispatch table
 * ({@code config/organizations/<id>/CaseDispatch.dmn}, else {@code _defaults/}); and the check that its dispatch
 * table and process diagrams name only groups it has (or {@value OrganizationRoles#OFFICE_TOKEN}), so that no case is
 * dispatched to a group nobody can see.
 */
@Component
class OrganizationDeployments implements TenantResources {

    static final String DISPATCH_TABLE = "CaseDispatch.dmn";
    static final String DEPLOYED_AS = "processes/" + DISPATCH_TABLE;
    private static final List<String> UNIT_OUTPUTS = List.of("leadUnit", "responsibleUnits");
    private static final Object UNREADABLE = new Object();

    private final Organizations organizations;

    OrganizationDeployments(Organizations organizations) {
        this.organizations = organizations;
    }

    @Override
    public List<Tenant> tenants() {
        // Most files are the same for every organisation: each is read as a model once per deployment pass, not once
        // per organisation (19 organisations × 8 diagrams took 4–11 s of every start-up).
        Map<ByteBuffer, Object> models = new HashMap<>();
        return organizations.all().stream().map(o -> tenant(o, models)).toList();
    }

    private Tenant tenant(Organization organization, Map<ByteBuffer, Object> models) {
        String file = organizations.file(organization.id(), DISPATCH_TABLE);
        OwnFile table = ConfigFile.read(file, "派遣决策表", (in, name) -> {
            try {
                return new OwnFile(DEPLOYED_AS, name, in.readAllBytes());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, (name, problems) -> new StartupRefusedException("找不到组织 " + organization.name() + " 的派遣决策表：" + problems,
                "请在 config/organizations/" + organization.id() + "/ 中放入 " + DISPATCH_TABLE + "。"));
        return new Tenant(organization.id(), organization.name(), List.of(table),
                (name, origin, content) -> check(organization, name, origin, content, models));
    }

    private static List<String> check(Organization organization, String name, String origin, byte[] content,
            Map<ByteBuffer, Object> models) {
        if (!name.endsWith(".dmn") && !name.endsWith(".bpmn")) {
            return List.of();
        }
        Object model = models.computeIfAbsent(ByteBuffer.wrap(content), key -> read(name, content));
        if (model instanceof DmnModelInstance decisions) {
            return checkDecisions(organization, origin, decisions);
        }
        if (model instanceof UserTasks diagram) {
            return checkCandidates(organization, origin, diagram.tasks());
        }
        return List.of();
    }

    /**
     * A decision file as a model, a diagram as its user tasks (read as the engine reads it, which the deployment then
     * goes on from), or {@link #UNREADABLE}: the deployment's own validation then names the line and column.
     */
    private static Object read(String name, byte[] content) {
        if (name.endsWith(".bpmn")) {
            return BpmnReads.userTasks(content).<Object>map(UserTasks::new).orElse(UNREADABLE);
        }
        try {
            return ModelFiles.readDmn(content);
        } catch (RuntimeException unreadable) {
            return UNREADABLE;
        }
    }

    private record UserTasks(List<BpmnReads.UserTask> tasks) {
    }

    private static List<String> checkDecisions(Organization organization, String origin, DmnModelInstance model) {
        List<String> problems = new ArrayList<>();
        for (DecisionTable table : model.getModelElementsByType(DecisionTable.class)) {
            List<Output> outputs = new ArrayList<>(table.getOutputs());
            List<Rule> rules = new ArrayList<>(table.getRules());
            for (int r = 0; r < rules.size(); r++) {
                List<OutputEntry> entries = new ArrayList<>(rules.get(r).getOutputEntries());
                for (int o = 0; o < entries.size() && o < outputs.size(); o++) {
                    String output = outputs.get(o).getName();
                    if (!UNIT_OUTPUTS.contains(output) || entries.get(o).getText() == null) {
                        continue;
                    }
                    for (String group : groups(entries.get(o).getText().getTextContent())) {
                        if (!known(organization, group)) {
                            problems.add("%s: 规则 %s（第 %d 条）: %s \"%s\" 不是%s的组".formatted(origin, rules.get(r).getId(), r + 1,
                                    outputs.get(o).getLabel() == null ? output : outputs.get(o).getLabel(), group, organization.name()));
                        }
                    }
                }
            }
        }
        return problems;
    }

    private static List<String> checkCandidates(Organization organization, String origin, List<BpmnReads.UserTask> tasks) {
        List<String> problems = new ArrayList<>();
        for (BpmnReads.UserTask task : tasks) {
            for (String group : literals(task.candidateGroups())) {
                if (!known(organization, group)) {
                    problems.add("%s: 任务 %s（%s）: 候选组 \"%s\" 不是%s的组".formatted(origin, task.id(), task.name(), group,
                            organization.name()));
                }
            }
        }
        return problems;
    }

    /** The group ids of a DMN literal: {@code "huanwei"} or {@code "zongguan,lvrong"}; empty for {@code ""} or null. */
    private static List<String> groups(String literal) {
        String text = literal == null ? "" : literal.strip();
        if (text.isEmpty() || text.equals("null")) {
            return List.of();
        }
        if (text.startsWith("\"") && text.endsWith("\"") && text.length() >= 2) {
            text = text.substring(1, text.length() - 1);
        }
        return List.of(text.split(",")).stream().map(String::strip).filter(g -> !g.isEmpty()).toList();
    }

    private static Collection<String> literals(String candidateGroups) {
        if (candidateGroups == null || candidateGroups.contains("${") || candidateGroups.contains("#{")) {
            return List.of();
        }
        return List.of(candidateGroups.split(",")).stream().map(String::strip).filter(g -> !g.isEmpty()).toList();
    }

    private static boolean known(Organization organization, String group) {
        return OrganizationRoles.OFFICE_TOKEN.equals(group) || organization.hasGroup(group);
    }
}
