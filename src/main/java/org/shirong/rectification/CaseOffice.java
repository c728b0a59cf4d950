package org.shirong.rectification;

import java.util.Optional;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.shirong.organization.Organizations;
import org.shirong.system.ForbiddenException;
import org.springframework.stereotype.Component;

/** The case's organisation's office ({@code roles.office} of its organization.yaml) and administrators: who merges and reopens cases. */
@Component
class CaseOffice {

    private final Organizations organizations;

    CaseOffice(Organizations organizations) {
        this.organizations = organizations;
    }

    /** Why the caller may not {@code act} on the case (只有…可以{@code act}): not of its organisation's office, nor an administrator. */
    Optional<ForbiddenException> notOffice(Authentication caller, CaseRecord c, String act) {
        var groups = CaseVisibility.groups(caller);
        String office = organizations.office(c.tenantId());
        if (groups.contains(office) || groups.contains(Groups.CAMUNDA_ADMIN)) {
            return Optional.empty();
        }
        return Optional.of(new ForbiddenException("NOT_OFFICE", "只有" + organizations.of(c.tenantId()).name()
                + organizations.of(c.tenantId()).groupName(office) + "可以" + act));
    }
}
