package org.shirong.system;

import java.util.Set;
import org.camunda.bpm.engine.impl.cmd.CreateMembershipCmd;
import org.camunda.bpm.engine.impl.cmd.CreateTenantGroupMembershipCmd;
import org.camunda.bpm.engine.impl.cmd.CreateTenantUserMembershipCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteGroupCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteMembershipCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteTenantCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteTenantGroupMembershipCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteTenantUserMembershipCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteUserCmd;
import org.camunda.bpm.engine.impl.cmd.SaveGroupCmd;
import org.camunda.bpm.engine.impl.cmd.SaveTenantCmd;
import org.camunda.bpm.engine.impl.cmd.SaveUserCmd;
import org.camunda.bpm.engine.impl.cmd.UnlockUserCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * Makes {@link AuthenticatedIdentities} forget every user when a user (password included), group, organisation or
 * membership is changed on this node, through Admin, the REST API or the organisation seeding.
 */
class IdentityChangeInterceptor extends CommandInterceptor {

    private static final Set<Class<?>> IDENTITY_CHANGES = Set.of(SaveUserCmd.class, DeleteUserCmd.class,
            SaveGroupCmd.class, DeleteGroupCmd.class, CreateMembershipCmd.class, DeleteMembershipCmd.class,
            SaveTenantCmd.class, DeleteTenantCmd.class, CreateTenantUserMembershipCmd.class,
            DeleteTenantUserMembershipCmd.class, CreateTenantGroupMembershipCmd.class,
            DeleteTenantGroupMembershipCmd.class, UnlockUserCmd.class);

    private final AuthenticatedIdentities identities;

    IdentityChangeInterceptor(AuthenticatedIdentities identities) {
        this.identities = identities;
    }

    @Override
    public <T> T execute(Command<T> command) {
        if (!IDENTITY_CHANGES.contains(command.getClass())) {
            return next.execute(command);
        }
        try {
            return next.execute(command);
        } finally {
            identities.forgetAll();
        }
    }
}
