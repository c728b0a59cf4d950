package org.shirong.rectification;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.shirong.organization.OrganizationRoles;
import org.shirong.organization.Organizations;
import org.springframework.stereotype.Component;

/**
 * The one rule of who may not 督办 a case: the staff (and heads) of its lead unit and of the units that cooperate on it
 * (协办: 责任单位, and a district case's 属地 town, as {@link CaseCooperation#cooperatingUnits} reads them for 核查 too),
 * whatever supervising group they also sit in; the 督办 presses their unit, which would otherwise lift its own pressure.
 * The office's own unit is excepted where the office is all the organisation has to 督办 with. Applied by
 * {@code POST /api/cases/{no}/supervisions} (403 OWN_UNIT_CASE, secreview s55 S1) and by {@link SupervisorClaimListener} at
 * the claim, assignment and completion of the office's 督办超期案件 (finalreview s55 F1).
 */
@Component
class OwnUnitSupervision {

    private final CaseCooperation cooperation;
    private final OrganizationRoles roles;
    private final Organizations organizations;

    OwnUnitSupervision(CaseCooperation cooperation, OrganizationRoles roles, Organizations organizations) {
        this.cooperation = cooperation;
        this.roles = roles;
        this.organizations = organizations;
    }

    /** Why a member of {@code groups} may not 督办 the case of {@code organization} led by {@code leadUnit}, if they may not. */
    Optional<String> refusal(String organization, String caseNo, String leadUnit, List<String> groups) {
        return refusal(organization, caseNo, leadUnit, groups, null);
    }

    /**
     * As {@link #refusal(String, String, String, List)}, addressed to whom gives the task to {@code assignee} (a person's
     * name; null: to the caller themself), who is not of the refused unit (diffreview-s56 D5).
     */
    Optional<String> refusal(String organization, String caseNo, String leadUnit, List<String> groups, String assignee) {
        if (groups == null || groups.isEmpty()) {
            return Optional.empty();
        }
        String office = roles.officeOf(organization);
        if (leadUnit != null && groups.contains(leadUnit) && !excepted(leadUnit, office, organization)) {
            Set<String> refused = refused(organization, leadUnit, cooperation.cooperatingUnits(caseNo));
            return Optional.of(assignee == null ? "您是本案件牵头单位（" + unitName(leadUnit, organization) + "）的人员，不能督办本单位牵头的案件；"
                    + others(refused, organization) : assignee + "是本案件牵头单位（" + unitName(leadUnit, organization)
                    + "）的人员，不能督办其单位牵头的案件；" + othersThan(refused, organization));
        }
        List<String> cooperating = cooperation.cooperatingUnits(caseNo);
        for (String unit : cooperating) {
            if (groups.contains(unit) && !excepted(unit, office, organization)) {
                Set<String> refused = refused(organization, leadUnit, cooperating);
                return Optional.of(assignee == null ? "您是本案件协办单位（" + unitName(unit, organization) + "）的人员，不能督办本单位参与办理的案件；"
                        + others(refused, organization) : assignee + "是本案件协办单位（" + unitName(unit, organization)
                        + "）的人员，不能督办其单位参与办理的案件；" + othersThan(refused, organization));
            }
        }
        return Optional.empty();
    }

    /** The office's own unit, where no one outside the office could 督办 instead (its approvers and leading group are it). */
    private boolean excepted(String unit, String office, String organization) {
        return unit.equals(office) && roles.officeSupervisesAlone(organization);
    }

    /**
     * The units whose staff may not 督办 the case: its lead and those cooperating on it, but the office where it is
     * {@link #excepted}. The refusal's words send no one to them ({@link OrganizationRoles#supervisorsOtherThan}, as
     * {@link OrganizationRoles#supervisorsOf} gives the 督办超期案件 to none of them).
     */
    private Set<String> refused(String organization, String leadUnit, List<String> cooperating) {
        Set<String> units = new LinkedHashSet<>();
        if (leadUnit != null) {
            units.add(leadUnit);
        }
        units.addAll(cooperating);
        String office = roles.officeOf(organization);
        if (units.contains(office) && excepted(office, office, organization)) {
            units.remove(office);
        }
        return units;
    }

    /**
     * Whom to ask instead, by the names the organisation's file gives its groups (石湖荡镇's 分管领导, 九亭镇's 领导小组组长、副组长):
     * not the office when it is a {@code refused} unit (finalreview s55 F5), nor the approvers when they are (F4).
     */
    private String others(Set<String> refused, String organization) {
        return "请由" + roles.supervisorsOtherThan(organization, refused).stream().map(roles::groupName)
                .collect(java.util.stream.Collectors.joining("或")) + "督办";
    }

    /**
     * Whom to give the task instead of a refused assignee: another of the office, unless the office is a {@code refused}
     * unit, or those {@link #others} names besides the office.
     */
    private String othersThan(Set<String> refused, String organization) {
        String office = roles.officeOf(organization);
        if (refused.contains(office)) {
            return others(refused, organization);
        }
        String besides = roles.supervisorsOtherThan(organization, refused).stream().filter(g -> !g.equals(office))
                .map(roles::groupName).collect(java.util.stream.Collectors.joining("或"));
        return "请分配给办公室中不属于该单位的其他人员" + (besides.isEmpty() ? "" : "，或由" + besides + "督办");
    }

    /** A unit by its name; another organisation's (a 属地 town's office) with its organisation unless its name says it. */
    private String unitName(String unit, String organization) {
        String name = roles.groupName(unit);
        return organizations.ofGroup(unit).filter(o -> !o.id().equals(organization) && !name.startsWith(o.name()))
                .map(o -> o.name() + " " + name).orElse(name);
    }
}
