package org.shirong.campaign;

import java.util.List;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.shirong.organization.Organizations;
import org.springframework.stereotype.Component;

/**
 * Who reads a 工作交办 — its row on {@code /shirong/work-assignments} and the files handed in with it, the one rule of the
 * page and its downloads (secreview-s59 S2, S3): the office and the approvers (组长、副组长) of the organisation that
 * issued it and of the one that handled it (a town, for the district's work); the unit it was handed to, which handed
 * the files in (the handling process's {@code unitGroup}: a town's office, for the district's work); an administrator.
 * Not the whole leading group: every unit's head sits in it, and reads only his own unit's, as any of the unit's staff do.
 */
@Component
class WorkAssignmentReaders {

    private final Organizations organizations;

    WorkAssignmentReaders(Organizations organizations) {
        this.organizations = organizations;
    }

    /** Whether the caller reads the 工作交办 {@code issuing} handed to {@code unitGroup}, handled in {@code handling}. */
    boolean reads(Authentication caller, String issuing, String handling, String unitGroup) {
        List<String> groups = groups(caller);
        return groups.contains(Groups.CAMUNDA_ADMIN) || (unitGroup != null && groups.contains(unitGroup))
                || supervises(groups, issuing) || supervises(groups, handling);
    }

    /** Whether the caller reads every 工作交办 of the organisation: an administrator, its office and approvers. */
    boolean readsAll(Authentication caller, String organization) {
        List<String> groups = groups(caller);
        return groups.contains(Groups.CAMUNDA_ADMIN) || supervises(groups, organization);
    }

    /**
     * The caller's own groups in the organisation: the units whose 工作交办 there he reads when he does not read them all
     * (a unit head and a unit's staff alike); empty for someone outside it, a district group overseeing a town included.
     */
    List<String> ownUnits(Authentication caller, String organization) {
        List<String> groups = groups(caller);
        return organizations.find(organization).map(o -> o.groups().stream().map(g -> g.id()).filter(groups::contains).toList())
                .orElse(List.of());
    }

    private static List<String> groups(Authentication caller) {
        return caller == null || caller.getGroupIds() == null ? List.of() : caller.getGroupIds();
    }

    private boolean supervises(List<String> groups, String organization) {
        return organization != null && organizations.find(organization)
                .filter(o -> groups.stream().anyMatch(o::supervises)).isPresent();
    }
}
