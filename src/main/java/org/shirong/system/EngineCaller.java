package org.shirong.system;

import java.util.Optional;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Who a command comes from, as the guards see it before the engine opens a command context: a
 * logged-in user's own call (REST, webapps, Shirong's API on their behalf), not a command nested in
 * process execution, not the job executor, not Shirong's {@link SystemAccess}, not an administrator.
 */
final class EngineCaller {

    private EngineCaller() {
    }

    static Optional<Authentication> staffCall(ProcessEngineConfigurationImpl configuration) {
        if (Context.getCommandContext() != null) {
            return Optional.empty();
        }
        Authentication authentication = configuration.getIdentityService().getCurrentAuthentication();
        if (authentication == null || authentication.getUserId() == null) {
            return Optional.empty();
        }
        return administrator(authentication) ? Optional.empty() : Optional.of(authentication);
    }

    /** Whether the logged-in caller is a member of {@code camunda-admin}. */
    static boolean administrator(Authentication authentication) {
        return authentication != null && authentication.getGroupIds() != null
                && authentication.getGroupIds().contains(Groups.CAMUNDA_ADMIN);
    }
}
