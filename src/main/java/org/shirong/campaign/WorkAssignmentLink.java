package org.shirong.campaign;

import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.shirong.system.PageHeaderLink;
import org.springframework.context.annotation.Configuration;

/**
 * Whether the header of Shirong's pages offers 工作交办: to whoever the page shows some of an organisation's 工作交办
 * ({@link WorkAssignmentReaders}: its office and approvers all, a unit's staff and head their unit's), so that a unit's
 * clerk finds his unit's work there (jtphone-s61 F11: only the 【交办办结】 notice and the 驾驶舱 led to it).
 */
@Configuration(proxyBeanMethods = false)
class WorkAssignmentLink extends PageHeaderLink {

    private final WorkAssignmentReaders readers;

    WorkAssignmentLink(ProcessEngine engine, WorkAssignmentReaders readers) {
        super("workAssignmentsLink", engine);
        this.readers = readers;
    }

    @Override
    protected boolean offered(UserAuthentication sessionUser) {
        Authentication caller = sessionUser != null
                ? new Authentication(sessionUser.getIdentityId(), sessionUser.getGroupIds(), sessionUser.getTenantIds())
                : engine.getIdentityService().getCurrentAuthentication();
        List<String> tenants = caller == null || caller.getTenantIds() == null ? List.of() : caller.getTenantIds();
        return tenants.stream().anyMatch(t -> readers.readsAll(caller, t) || !readers.ownUnits(caller, t).isEmpty());
    }
}
