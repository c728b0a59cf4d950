package org.shirong.rectification;

import java.util.List;
import java.util.Optional;
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
            return Optional.of(assignee == null ? "您是本案件牵头单位（" + unitName(leadUnit, organization) + "）的人员，不能督办本单位牵头的案件；"
                    + others(leadUnit, organization) : assignee + "是本案件牵头单位（" + unitName(leadUnit, organization)
                    + "）的人员，不能督办其单位牵头的案件；" + othersThan(leadUnit, organization));
        }
        for (String unit : cooperation.cooperatingUnits(caseNo)) {
            if (groups.contains(unit) && !excepted(unit, office, organization)) {
                return Optional.of(assignee == null ? "您是本案件协办单位（" + unitName(unit, organization) + "）的人员，不能督办本单位参与办理的案件；"
                        + others(unit, organization) : assignee + "是本案件协办单位（" + unitName(unit, organization)
                        + "）的人员，不能督办其单位参与办理的案件；" + othersThan(unit, organization));
            }
        }
        return Optional.empty();
    }

    /** The office's own unit, where no one outside the office could 督办 instead (its approvers and leading group are it). */
    private boolean excepted(String unit, String office, String organization) {
        return unit.equals(office) && roles.officeSupervisesAlone(organization);
    }

    /**
     * Whom to ask instead, by the names the organisation's file gives its groups (石湖荡镇's 分管领导, 九亭镇's 领导小组组长、副组长):
     * not the office when the refused unit is the office (finalreview s55 F5).
     */
    private String others(String unit, String organization) {
        return "请由" + roles.supervisorsOtherThan(organization, unit).stream().map(roles::groupName)
                .collect(java.util.stream.Collectors.joining("或")) + "督办";
    }

    /**
     * Whom to give the task instead of a refused assignee: another of the office, unless the office is the refused unit,
     * or those {@link #others} names besides the office.
     */
    private String othersThan(String unit, String organization) {
        String office = roles.officeOf(organization);
        if (unit.equals(office)) {
            return others(unit, organization);
        }
        String besides = roles.supervisorsOtherThan(organization, unit).stream().filter(g -> !g.equals(office))
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
