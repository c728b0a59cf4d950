package org.shirong.campaign;

import java.util.List;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.shirong.organization.CallerOrganization;
import org.shirong.organization.Organization;
import org.shirong.organization.Organizations;
import org.shirong.system.ForbiddenException;
import org.springframework.stereotype.Component;

/**
 * Who sees the 活动驾驶舱: in each organisation its office (创建办), its approvers (领导小组组长、副组长), its
 * inspectors (督导检查组) and the groups that share its 督查考核 ({@code roles.assessors}: 锦溪镇's 纪委监察), who read all
 * its cases, and the district groups that oversee it; an administrator sees every organisation
 * ({@link CallerOrganization#seesAllUnits}, which also decides who downloads the whole 迎检档案).
 * Membership of the leading group alone does not count: every unit's head sits in it, and a unit sees its own work in
 * Tasklist, not the whole organisation's ranking.
 */
@Component
class DashboardAccess {

    private final Organizations organizations;
    private final CallerOrganization callerOrganization;

    DashboardAccess(Organizations organizations, CallerOrganization callerOrganization) {
        this.organizations = organizations;
        this.callerOrganization = callerOrganization;
    }

    /** The organisations whose 驾驶舱 the caller sees, in the order of the organisation files. */
    List<String> organizations(Authentication caller) {
        return organizations.ids().stream().filter(id -> callerOrganization.seesAllUnits(caller, id)).toList();
    }

    /** Refuses (403) a caller who does not see this organisation's 驾驶舱. */
    void require(Authentication caller, String organization) {
        if (!organizations(caller).contains(organization)) {
            throw refusal(organization);
        }
    }

    /**
     * Why the 驾驶舱 is closed to a caller of this organisation (null: one of none), naming who in it may open it as its
     * organization.yaml names them.
     */
    ForbiddenException refusal(String organization) {
        if (organization == null) {
            return new ForbiddenException("NOT_A_SUPERVISOR", "活动驾驶舱只向各组织的办公室、领导小组组长和副组长、核查人员以及上级监管部门开放");
        }
        Organization o = organizations.of(organization);
        boolean overseen = !organizations.overseers(organization).isEmpty();
        return new ForbiddenException("NOT_A_SUPERVISOR", "活动驾驶舱只向" + o.name() + "的"
                + o.namesOf(o.wholeOrganizationReaders().toArray(String[]::new)) + (overseen ? "以及上级监管部门" : "") + "开放");
    }
}
