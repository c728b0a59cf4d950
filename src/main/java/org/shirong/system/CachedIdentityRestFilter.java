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

    private final ProcessEngine engine;
    private final AuthenticatedIdentities identities;
    private final LoginThrottle throttle;

    CachedIdentityRestFilter(ProcessEngine engine, AuthenticatedIdentities identities, LoginThrottle throttle) {
        this.engine = engine;
        this.identities = identities;
        this.throttle = throttle;
    }

    /**
     * Shirong's engine when the request addresses it (by name, or the default), without the engine REST API's look-up,
     * which loads its engine providers through a ServiceLoader on every request (1 % of W1's CPU); another name is
     * looked up as before.
     */
    @Override
    protected ProcessEngine getAddressedEngine(String engineName) {
        return engine.getName().equals(engineName) ? engine : super.getAddressedEngine(engineName);
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
