package org.shirong.zone;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.shirong.system.PageHeaderLink;
import org.springframework.context.annotation.Configuration;

/**
 * Whether the header of Shirong's pages offers 责任区: only to a caller whose organisation has the module
 * ({@link ZoneSettings#enabled}; 锦溪镇 has none) or who administers.
 */
@Configuration(proxyBeanMethods = false)
class ZoneLink extends PageHeaderLink {

    private final ZoneAccess access;

    ZoneLink(ProcessEngine engine, ZoneAccess access) {
        super("zonesLink", engine);
        this.access = access;
    }

    @Override
    protected boolean offered(UserAuthentication sessionUser) {
        Authentication caller = sessionUser != null
                ? new Authentication(sessionUser.getIdentityId(), sessionUser.getGroupIds(), sessionUser.getTenantIds())
                : engine.getIdentityService().getCurrentAuthentication();
        return access.offersZones(caller);
    }
}
