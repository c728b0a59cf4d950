package org.shirong.organization;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.shirong.system.SystemAccess;

/**
 * The fixed parts in the processes, for BPMN expressions: {@code camunda:candidateGroups="${organizationRoles.office(execution)}"}
 * gives the task to the office of the organisation (tenant) the process runs in.
 */
public class OrganizationRoles {

    private final Organizations organizations;
    private final IdentityService identity;
    private final Supplier<CaseCooperators> cooperators;

    /**
     * {@code cooperators} gives the cooperating units of a case when first needed (their capability may need these roles):
     * checks and engine-only tests pass {@code () -> CaseCooperators.NONE} ({@link OrganizationRolesConfiguration} wires
     * the application's).
     */
    public OrganizationRoles(Organizations organizations, IdentityService identity, Supplier<CaseCooperators> cooperators) {
        this.organizations = organizations;
        this.identity = identity;
        this.cooperators = cooperators;
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
     * Who 督办s an overdue case led by {@code unit} (督办超期案件): the first of the office, the approvers and the leading
     * group that is neither the lead unit nor a unit cooperating on the case ({@link CaseCooperators}: its parties and
     * planned 责任单位), as {@link #reviewersOf} passes a group over (its members all of such a unit too): the units pressed
     * do not 督办 themselves ({@code OwnUnitSupervision} refuses their staff), so the task waits where someone may do it; the
     * first, if none is left. The 超期督办 notice and the 督办意见 name this group. The office of a case it neither leads nor
     * cooperates on takes it without a question to the identity service (no town's office has only another unit's staff):
     * every deadline that falls due evaluates this, twice, and each query costs (CaseStatementCountTest's W3 budget); the
     * case's cooperating units are read only where one of these groups may be among them
     * ({@link CaseCooperators#mayIncludeSupervisors}).
     */
    public String supervisorsOf(VariableScope execution, String unit) {
        String tenant = tenant(execution);
        String office = organizations.office(tenant);
        boolean cooperate = cooperators.get().mayIncludeSupervisors(execution);
        if (!office.equals(unit) && !cooperate) {
            return office;
        }
        Set<String> refused = new LinkedHashSet<>();
        if (unit != null) {
            refused.add(unit);
        }
        if (cooperate) {
            refused.addAll(cooperators.get().of(execution));
        }
        return refused.contains(office)
                ? firstOutside(refused, organizations.approvers(tenant), organizations.leading(tenant), office) : office;
    }

    /** {@link #supervisorsOf} by its name in the organisation's file. */
    public String supervisorsNameOf(VariableScope execution, String unit) {
        return groupName(supervisorsOf(execution, unit));
    }

    /** {@link #supervisorsOtherThan(String, Collection)} for a case that only {@code unit} may not 督办. */
    public java.util.List<String> supervisorsOtherThan(String organization, String unit) {
        return supervisorsOtherThan(organization, unit == null ? Set.of() : Set.of(unit));
    }

    /**
     * Whom a refused unit's staff are sent to instead to 督办 a case of {@code organization} (for the refusal's words),
     * passing over, as {@link #supervisorsOf} does, the {@code units} that may not 督办 it (its lead and cooperating units):
     * the office, unless it is one of them, and the approvers, unless they are the office or one of them; the leading
     * group where neither is left. Their ids, each once, in that order.
     */
    public java.util.List<String> supervisorsOtherThan(String organization, Collection<String> units) {
        String office = organizations.office(organization);
        String approvers = organizations.approvers(organization);
        java.util.List<String> groups = new java.util.ArrayList<>();
        if (!units.contains(office)) {
            groups.add(office);
        }
        if (!approvers.equals(office) && !units.contains(approvers)) {
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
        return firstOutside(unit == null ? Set.of() : Set.of(unit), ladder);
    }

    /** The first of {@code ladder} that is none of {@code units} and has someone of none of them; the first, if none. */
    private String firstOutside(Set<String> units, String... ladder) {
        return new SystemAccess(identity).run(() -> java.util.Arrays.stream(ladder)
                .filter(group -> !units.contains(group) && !onlyOf(group, units)).findFirst().orElse(ladder[0]));
    }

    /** Whether every member of {@code group} belongs to {@code unit}; false for a group without members. */
    private boolean onlyOf(String group, String unit) {
        return unit != null && onlyOf(group, Set.of(unit));
    }

    /** Whether every member of {@code group} belongs to one of {@code units}; false for a group without members. */
    private boolean onlyOf(String group, Set<String> units) {
        String[] members = identity.createUserQuery().memberOfGroup(group).list().stream().map(User::getId).toArray(String[]::new);
        if (members.length == 0 || units.isEmpty()) {
            return false;
        }
        if (units.size() == 1) {
            return identity.createUserQuery().memberOfGroup(units.iterator().next()).userIdIn(members).count() == members.length;
        }
        Set<String> outside = new java.util.HashSet<>(java.util.List.of(members));
        for (String unit : units) {
            identity.createUserQuery().memberOfGroup(unit).userIdIn(members).list().forEach(u -> outside.remove(u.getId()));
            if (outside.isEmpty()) {
                return true;
            }
        }
        return false;
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

    /**
     * The village or community (村/社区) of the organisation that a case's {@code community} names, as its group id; empty for
     * none (no 村/社区, or free text where the organisation has none).
     */
    public java.util.Optional<String> communityGroup(String organization, String community) {
        return community == null ? java.util.Optional.empty()
                : organizations.find(organization).flatMap(o -> o.community(community)).map(Organization.GroupDefinition::id);
    }

    /** Whether the organisation's file puts {@code user} in {@code group} (no query: a user added in Admin is in none). */
    public boolean listsMember(String organization, String user, String group) {
        return user != null && organizations.find(organization).map(o -> o.users().stream()
                .anyMatch(u -> u.id().equals(user) && u.groups().contains(group))).orElse(false);
    }

    /** Whether the group is a collective of the organisation's units (各居委会), which no one works as. */
    public boolean isCollective(String organization, String group) {
        return organizations.find(organization).map(o -> o.isCollective(group)).orElse(false);
    }

    /** Whether the group shares the organisation's 督查考核 ({@code roles.assessors}, 纪委监察): it assesses units, leads no case. */
    public boolean assesses(String organization, String group) {
        return organizations.find(organization).map(o -> o.assesses(group)).orElse(false);
    }

    /**
     * Whether a task given to {@code group} is the organisation's office's own work: the office, or a working group the file
     * says it leads ({@code roles.office-led}, 松江区's 区级联合检查组).
     */
    public boolean officesOwnWork(String organization, String group) {
        return organizations.find(organization).map(o -> o.officesOwnWork(group)).orElse(false);
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
