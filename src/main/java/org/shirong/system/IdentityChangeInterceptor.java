package org.shirong.system;

import java.util.Set;
import org.camunda.bpm.engine.impl.cmd.CreateMembershipCmd;
import org.camunda.bpm.engine.impl.cmd.CreateTenantGroupMembershipCmd;
import org.camunda.bpm.engine.impl.cmd.CreateTenantUserMembershipCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteAuthorizationCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteFilterCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteGroupCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteMembershipCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteTenantCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteTenantGroupMembershipCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteTenantUserMembershipCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteUserCmd;
import org.camunda.bpm.engine.impl.cmd.SaveAuthorizationCmd;
import org.camunda.bpm.engine.impl.cmd.SaveGroupCmd;
import org.camunda.bpm.engine.impl.cmd.SaveTenantCmd;
import org.camunda.bpm.engine.impl.cmd.SaveUserCmd;
import org.camunda.bpm.engine.impl.cmd.UnlockUserCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * Makes {@link AuthenticatedIdentities} forget every user when a user (password included), group, organisation or
 * membership is changed on this node, through Admin, the REST API or the organisation seeding. Such a change, or one
 * to an authorization or the deletion of a filter, also forgets the start-up fingerprint, so that the next start
 * synchronises the organisations again (an administrator who deleted a seeded group in Admin gets it back on restart).
 */
class IdentityChangeInterceptor extends CommandInterceptor {

    private static final Set<Class<?>> IDENTITY_CHANGES = Set.of(SaveUserCmd.class, DeleteUserCmd.class,
            SaveGroupCmd.class, DeleteGroupCmd.class, CreateMembershipCmd.class, DeleteMembershipCmd.class,
            SaveTenantCmd.class, DeleteTenantCmd.class, CreateTenantUserMembershipCmd.class,
            DeleteTenantUserMembershipCmd.class, CreateTenantGroupMembershipCmd.class,
            DeleteTenantGroupMembershipCmd.class, UnlockUserCmd.class);
    private static final Set<Class<?>> SEEDED_ACCESS_CHANGES = Set.of(SaveAuthorizationCmd.class, DeleteAuthorizationCmd.class,
            DeleteFilterCmd.class);

    private final AuthenticatedIdentities identities;
    private final StartupFingerprintStore fingerprints;

    IdentityChangeInterceptor(AuthenticatedIdentities identities, StartupFingerprintStore fingerprints) {
        this.identities = identities;
        this.fingerprints = fingerprints;
    }

    @Override
    public <T> T execute(Command<T> command) {
        boolean identityChange = IDENTITY_CHANGES.contains(command.getClass());
        if (!identityChange && !SEEDED_ACCESS_CHANGES.contains(command.getClass())) {
            return next.execute(command);
        }
        try {
            T result = next.execute(command);
            // After the change: in the caller's transaction if it has one (the seeding), else on its own.
            fingerprints.forget();
            return result;
        } finally {
            if (identityChange) {
                identities.forgetAll();
            }
        }
    }
}
