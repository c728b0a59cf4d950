package org.shirong.system;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.context.annotation.Configuration;

/**
 * Whether the header of Shirong's pages offers the 驾驶舱: only to a caller whom Cockpit lets in (its application grant,
 * as the webapps' own filter checks it), so a unit's clerk is not led to a page that refuses them.
 */
@Configuration(proxyBeanMethods = false)
class CockpitLink extends PageHeaderLink {

    private static final String COCKPIT = "cockpit";

    CockpitLink(ProcessEngine engine) {
        super("cockpitLink", engine);
    }

    @Override
    protected boolean offered(UserAuthentication sessionUser) {
        if (sessionUser != null) {
            return sessionUser.getAuthorizedApps() != null && sessionUser.getAuthorizedApps().contains(COCKPIT);
        }
        Authentication caller = engine.getIdentityService().getCurrentAuthentication();
        return caller != null && engine.getAuthorizationService().isUserAuthorized(caller.getUserId(), caller.getGroupIds(),
                Permissions.ACCESS, Resources.APPLICATION, COCKPIT);
    }
}
