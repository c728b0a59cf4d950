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

    /**
     * Why the caller may not {@code act} (合并, 作废) on the case, which takes it out of its lead unit's scores: not of its
     * organisation's office, or of the unit that leads it. A case the office leads itself (a town without a dispatch table
     * of its own gives it every case) is acted on by the approvers, who also decide the office's appeals: it would leave
     * the office's scores and, in a district, its town's ranking.
     */
    Optional<ForbiddenException> notNeutral(Authentication caller, CaseRecord c, String act) {
        var groups = CaseVisibility.groups(caller);
        String officeGroup = organizations.office(c.tenantId());
        String approvers = organizations.approvers(c.tenantId());
        if (officeGroup.equals(c.leadUnit()) && !approvers.equals(officeGroup)) {
            // an approver who also works in the office leads the case as well: as with the office's appeals, someone else acts
            return groups.contains(Groups.CAMUNDA_ADMIN) || groups.contains(approvers) && !groups.contains(officeGroup) ? Optional.empty()
                    : Optional.of(new ForbiddenException("OFFICE_LED_CASE", "本案由" + organizations.of(c.tenantId()).groupName(officeGroup)
                            + "牵头办理，" + act + "后不再计入考核，须由" + organizations.of(c.tenantId()).groupName(approvers) + act));
        }
        Optional<ForbiddenException> notOffice = notOffice(caller, c, act + "案件");
        if (notOffice.isPresent() || c.leadUnit() == null || !groups.contains(c.leadUnit())) {
            return notOffice;
        }
        return Optional.of(new ForbiddenException("OWN_UNITS_CASE", "您是本案牵头单位（"
                + organizations.of(c.tenantId()).groupName(c.leadUnit()) + "）的人员，" + act + "后本案不再计入该单位的考核，"
                + "请由办公室其他人员" + act));
    }
}
