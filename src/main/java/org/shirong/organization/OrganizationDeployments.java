package org.shirong.organization;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.shirong.system.ConfigFile;
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

    private final Organizations organizations;

    OrganizationDeployments(Organizations organizations) {
        this.organizations = organizations;
    }

    @Override
    public List<Tenant> tenants() {
        return organizations.all().stream().map(this::tenant).toList();
    }

    private Tenant tenant(Organization organization) {
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
                (name, origin, content) -> check(organization, name, origin, content));
    }

    static List<String> check(Organization organization, String name, String origin, byte[] content) {
        try {
            if (name.endsWith(".dmn")) {
                return checkDecisions(organization, origin, Dmn.readModelFromStream(new ByteArrayInputStream(content)));
            }
            if (name.endsWith(".bpmn")) {
                return checkCandidates(organization, origin, Bpmn.readModelFromStream(new ByteArrayInputStream(content)));
            }
        } catch (RuntimeException unreadable) {
            // Not readable as a model: the deployment's own validation names the line and column.
        }
        return List.of();
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

    private static List<String> checkCandidates(Organization organization, String origin, BpmnModelInstance model) {
        List<String> problems = new ArrayList<>();
        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
            for (String group : literals(task.getCamundaCandidateGroups())) {
                if (!known(organization, group)) {
                    problems.add("%s: 任务 %s（%s）: 候选组 \"%s\" 不是%s的组".formatted(origin, task.getId(), task.getName(), group,
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
