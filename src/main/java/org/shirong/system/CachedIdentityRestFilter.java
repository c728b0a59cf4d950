package org.shirong.system;

import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;

/**
 * The engine REST API's HTTP Basic filter, taking the user's password check, groups and organisations from
 * {@link AuthenticatedIdentities} rather than from the identity tables on every call.
 */
class CachedIdentityRestFilter extends ProcessEngineAuthenticationFilter {

    private final AuthenticatedIdentities identities;
    private final LoginThrottle throttle;

    CachedIdentityRestFilter(AuthenticatedIdentities identities, LoginThrottle throttle) {
        this.identities = identities;
        this.throttle = throttle;
    }

    @Override
    public void init(FilterConfig filterConfig) throws ServletException {
        super.init(filterConfig);
        authenticationProvider = new CachedBasicAuthentication(identities, throttle);
    }

    @Override
    protected void setAuthenticatedUser(ProcessEngine engine, String userId, List<String> groupIds, List<String> tenantIds) {
        // HTTP Basic brings no groups or tenants (null here); the cache reads them once per time-to-live, not per request.
        identities.authenticate(engine.getIdentityService(), userId);
    }
}
