package org.shirong.organization;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.shirong.system.SystemAccess;
import org.shirong.system.ProcessExpressionBean;
import org.springframework.stereotype.Component;

/**
 * The fixed parts in the processes, for BPMN expressions: {@code camunda:candidateGroups="${organizationRoles.office(execution)}"}
 * gives the task to the office of the organisation (tenant) the process runs in.
 */
@Component("organizationRoles")
@ProcessExpressionBean
public class OrganizationRoles {

    private final Organizations organizations;
    private final IdentityService identity;

    public OrganizationRoles(Organizations organizations, IdentityService identity) {
        this.organizations = organizations;
        this.identity = identity;
    }

    public String office(VariableScope execution) {
        return organizations.office(tenant(execution));
    }

    public String leading(VariableScope execution) {
        return organizations.leading(tenant(execution));
    }

    public String approvers(VariableScope execution) {
        return organizations.approvers(tenant(execution));
    }

    public String inspectors(VariableScope execution) {
        return organizations.inspectors(tenant(execution));
    }

    /**
     * Who verifies {@code unit}'s rectification (核查): the inspectors; where they are the unit itself (an office that leads
     * the case, as in the towns whose office takes every case), also the approvers, so that someone other than whoever
     * handed it in can verify it when the office has no one else (the one who handed it in is refused at the form).
     */
    public String verifiersOf(VariableScope execution, String unit) {
        String tenant = tenant(execution);
        String inspectors = organizations.inspectors(tenant);
        String approvers = organizations.approvers(tenant);
        return !inspectors.equals(unit) || approvers.equals(inspectors) ? inspectors : inspectors + "," + approvers;
    }

    /**
     * Who reviews a request of {@code unit} about its own work (an appeal of its deduction): the office, unless the unit is
     * the office (a town without its own dispatch table gives the office the cases), then the approvers, then the leading
     * group: no one reviews their own unit's request. A group all of whose members belong to the unit is passed over too
     * (its members may not decide, so the request would wait for none).
     */
    public String reviewersOf(VariableScope execution, String unit) {
        String tenant = tenant(execution);
        return firstOutside(unit, organizations.office(tenant), organizations.approvers(tenant), organizations.leading(tenant));
    }

    /**
     * Who 督办s an overdue case led by {@code unit} (督办超期案件): the office, unless the case is its own (a town without its
     * own dispatch table gives the office every case), then the approvers, then the leading group, as {@link #reviewersOf}:
     * the unit pressed does not 督办 itself ({@code OwnUnitSupervision} refuses its staff), so its task waits where someone
     * may do it. The 超期督办 notice and the 督办意见 name this group. Unlike {@link #reviewersOf} it does not ask the identity
     * service whether the office's members all belong to another unit (no town's office does): every deadline that falls
     * due evaluates it, twice, and those queries were two statements each (CaseStatementCountTest's W3 budget).
     */
    public String supervisorsOf(VariableScope execution, String unit) {
        String tenant = tenant(execution);
        String office = organizations.office(tenant);
        return office.equals(unit) ? firstOutside(unit, organizations.approvers(tenant), organizations.leading(tenant), office) : office;
    }

    /** {@link #supervisorsOf} by its name in the organisation's file. */
    public String supervisorsNameOf(VariableScope execution, String unit) {
        return groupName(supervisorsOf(execution, unit));
    }

    /**
     * Whom a refused unit's staff are sent to instead to 督办 a case of {@code organization} (for the refusal's words): the
     * office, unless it is the refused {@code unit}, and the approvers, unless they are the office or the unit; the leading
     * group where neither is left. Their ids, each once, in that order.
     */
    public java.util.List<String> supervisorsOtherThan(String organization, String unit) {
        String office = organizations.office(organization);
        String approvers = organizations.approvers(organization);
        java.util.List<String> groups = new java.util.ArrayList<>();
        if (!office.equals(unit)) {
            groups.add(office);
        }
        if (!approvers.equals(office) && !approvers.equals(unit)) {
            groups.add(approvers);
        }
        if (groups.isEmpty()) {
            groups.add(organizations.leading(organization));
        }
        return groups;
    }

    /**
     * Who decides what goes above the office (a second extension, 挂账) for {@code unit}: the approvers, unless the unit is
     * theirs, then the leading group, then the office; passing over, as {@link #reviewersOf}, a group whose members all
     * belong to the unit.
     */
    public String approversOf(VariableScope execution, String unit) {
        String tenant = tenant(execution);
        return firstOutside(unit, organizations.approvers(tenant), organizations.leading(tenant), organizations.office(tenant));
    }

    /**
     * Whether the office is all {@code organization} has to 督办 with: its approvers and its leading group are the office
     * itself or have no one but the office's members (as {@link #firstOutside} passes such a group over), so that no one
     * outside the office could 督办 a case the office leads or cooperates on.
     */
    public boolean officeSupervisesAlone(String organization) {
        String office = organizations.office(organization);
        return new SystemAccess(identity).run(() -> java.util.stream.Stream.of(organizations.approvers(organization),
                organizations.leading(organization)).allMatch(group -> group.equals(office) || onlyOf(group, office)));
    }

    /** The first of {@code ladder} that is not {@code unit} and has someone not of it; the first, if none. */
    private String firstOutside(String unit, String... ladder) {
        return new SystemAccess(identity).run(() -> java.util.Arrays.stream(ladder)
                .filter(group -> !group.equals(unit) && !onlyOf(group, unit)).findFirst().orElse(ladder[0]));
    }

    /** Whether every member of {@code group} belongs to {@code unit}; false for a group without members. */
    private boolean onlyOf(String group, String unit) {
        String[] members = identity.createUserQuery().memberOfGroup(group).list().stream().map(User::getId).toArray(String[]::new);
        return members.length > 0 && unit != null
                && identity.createUserQuery().memberOfGroup(unit).userIdIn(members).count() == members.length;
    }

    /** The groups that lead {@code group} if it is its organisation's leading group ({@link Organization#leadersOf}); else none. */
    public java.util.List<String> leadersOf(String group) {
        return organizations.ofGroup(group).map(o -> o.leadersOf(group)).orElse(java.util.List.of());
    }

    /** A group's name as the organisation's file gives it; its id when it names none. */
    public String groupName(String group) {
        return organizations.groupName(group).orElse(group);
    }

    /** The token every organisation's tables may use for its office: {@code "@office"} in a DMN output or template. */
    public static final String OFFICE_TOKEN = "@office";

    /** A unit named in a dispatch table or template, with {@value #OFFICE_TOKEN} resolved to the organisation's office. */
    public String resolve(String organization, String unit) {
        return unit == null ? null : OFFICE_TOKEN.equals(unit.strip()) ? organizations.office(organization) : unit.strip();
    }

    /** A comma-separated list of units, each resolved as by {@link #resolve}. */
    public String resolveAll(String organization, String units) {
        if (units == null || units.isBlank()) {
            return units;
        }
        return java.util.Arrays.stream(units.split(",")).map(u -> resolve(organization, u)).filter(u -> !u.isEmpty())
                .collect(java.util.stream.Collectors.joining(","));
    }

    /** Whether the group belongs to the organisation. */
    public boolean isGroupOf(String organization, String group) {
        String id = organizations.find(organization).map(Organization::id).orElse(null);
        return id != null && organizations.ofGroup(group).map(o -> o.id().equals(id)).orElse(false);
    }

    /** Whether the group is a collective of the organisation's units (各居委会), which no one works as. */
    public boolean isCollective(String organization, String group) {
        return organizations.find(organization).map(o -> o.isCollective(group)).orElse(false);
    }

    public String officeOf(String organization) {
        return organizations.office(organization);
    }

    /**
     * The town or street of the execution's district whose office {@code unit} is, where work handed to it is done (its
     * own organisation, as a district meeting's decision for a town); null for a unit of the organisation itself.
     */
    public String townOf(VariableScope execution, String unit) {
        Organization town = organizations.townOffices(tenant(execution)).get(unit);
        return town == null ? null : town.id();
    }

    /** A unit as a message names it: a town's office by its town (石湖荡镇), any other unit by its group's name. */
    public String unitNameOf(VariableScope execution, String unit) {
        Organization town = organizations.townOffices(tenant(execution)).get(unit);
        return town == null ? groupName(unit) : town.name();
    }

    private String tenant(VariableScope execution) {
        String tenant = ((ExecutionEntity) execution).getTenantId();
        return organizations.find(tenant).map(Organization::id)
                .orElseThrow(() -> new IllegalStateException("流程实例没有所属组织（租户），无法确定办理的组"));
    }
}
