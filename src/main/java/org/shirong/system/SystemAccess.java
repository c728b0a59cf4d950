package org.shirong.system;

import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Runs engine calls that Shirong makes on its own behalf (starting a case's process after the API
 * has accepted it, reading the dispatch rules) without the caller's engine authorizations, which
 * are meant for what users do directly in Tasklist and REST.
 */
@Component
public class SystemAccess {

    private final IdentityService identityService;

    public SystemAccess(IdentityService identityService) {
        this.identityService = identityService;
    }

    public <T> T run(Supplier<T> work) {
        Authentication caller = identityService.getCurrentAuthentication();
        identityService.clearAuthentication();
        try {
            return work.get();
        } finally {
            if (caller != null) {
                identityService.setAuthentication(caller);
            }
        }
    }
}
