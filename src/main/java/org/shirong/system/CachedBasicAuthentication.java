package org.shirong.system;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;

/**
 * HTTP Basic whose password check is answered from {@link AuthenticatedIdentities} when the same user sent the same
 * password a moment ago, instead of reading the user from the database on every request. A wrong password, or an
 * account or address the {@link LoginThrottle} holds, always goes to the engine (and through the throttle).
 */
class CachedBasicAuthentication extends HttpBasicAuthenticationProvider {

    private final AuthenticatedIdentities identities;
    private final LoginThrottle throttle;

    CachedBasicAuthentication(AuthenticatedIdentities identities, LoginThrottle throttle) {
        this.identities = identities;
        this.throttle = throttle;
    }

    @Override
    protected boolean isAuthenticated(ProcessEngine engine, String userName, String password) {
        // holds(), not locked(): the engine's check below goes through the throttle itself, and a slowed account's
        // one check per interval must be left for it.
        if (throttle.holds(userName, throttle.source(userName, ClientAddress.current()))) {
            return super.isAuthenticated(engine, userName, password);
        }
        return identities.passwordValid(userName, password, (user, given) -> super.isAuthenticated(engine, user, given));
    }
}
