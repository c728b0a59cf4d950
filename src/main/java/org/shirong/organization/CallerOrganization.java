package org.shirong.organization;

import java.util.List;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.shirong.system.ApiError;
import org.shirong.system.ForbiddenException;
import org.shirong.system.InvalidRequestException;
import org.springframework.stereotype.Component;

/**
 * The organisation an API call works in: the one named by its {@code organization} parameter, which the caller must
 * belong to (or oversee, for reading), else the caller's own. An administrator belongs to none and names it.
 */
@Component
public class CallerOrganization {

    private final Organizations organizations;

    CallerOrganization(Organizations organizations) {
        this.organizations = organizations;
    }

    /** Where the caller reports, imports and starts work: their own organisation. */
    public String forWork(Authentication caller, String requested) {
        return resolve(caller, requested);
    }

    /** Which organisations' records the caller may read: their own (tenants), every one for an administrator. */
    public java.util.function.Predicate<String> readable(Authentication caller) {
        if (caller == null) {
            return organization -> false;
        }
        if (caller.getGroupIds() != null && caller.getGroupIds().contains(Groups.CAMUNDA_ADMIN)) {
            return organization -> true;
        }
        List<String> tenants = tenants(caller);
        return tenants::contains;
    }

    private String resolve(Authentication caller, String requested) {
        boolean admin = caller.getGroupIds() != null && caller.getGroupIds().contains(Groups.CAMUNDA_ADMIN);
        if (requested != null && !requested.isBlank()) {
            String id = requested.strip();
            if (organizations.find(id).isEmpty()) {
                throw new InvalidRequestException(ApiError.field("organization", "UNKNOWN_ORGANIZATION",
                        "没有组织 \"" + id + "\"（可选：" + String.join("、", organizations.ids()) + "）"));
            }
            if (!admin && !tenants(caller).contains(id)) {
                throw new ForbiddenException("NOT_A_MEMBER", "您不属于组织 " + organizations.of(id).name() + "，不能在该组织办理");
            }
            return id;
        }
        return organizations.homeOf(caller.getUserId()).map(Organization::id)
                .or(() -> organizations.ids().size() == 1 ? organizations.ids().stream().findFirst() : java.util.Optional.empty())
                .orElseThrow(() -> new InvalidRequestException(ApiError.field("organization", "REQUIRED",
                        "请用 organization 参数指定组织（可选：" + String.join("、", organizations.ids()) + "）")));
    }

    private static List<String> tenants(Authentication caller) {
        return caller.getTenantIds() == null ? List.of() : caller.getTenantIds();
    }
}
