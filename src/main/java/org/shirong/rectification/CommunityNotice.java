package org.shirong.rectification;

import java.util.Arrays;
import java.util.Optional;

import org.shirong.organization.OrganizationRoles;

/**
 * Who gets a case's 【辖区问题】 (jxreview-s58 J5): the case's 村/社区, unless it leads or cooperates on the case (its 派遣 or
 * 协办 notice tells it) or the organisation's file has the reporter in it. Decided here once, for the dispatch that sends it
 * ({@link CaseSteps}) and for the case's view that says so on 整改问题's and 协办's forms (jtphone-s61 F12).
 */
final class CommunityNotice {

    private CommunityNotice() {
    }

    /** The 村/社区's group that is (or was) told of the case led by {@code lead} with {@code responsible} (,-separated). */
    static Optional<String> toldGroup(OrganizationRoles roles, String organization, CaseRecord c, String lead, String responsible) {
        return roles.communityGroup(organization, c.community())
                .filter(group -> !group.equals(lead)
                        && (responsible == null || Arrays.stream(responsible.split(",")).map(String::strip).noneMatch(group::equals))
                        && !roles.listsMember(organization, c.reportedBy(), group));
    }
}
