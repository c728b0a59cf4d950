package org.shirong.system;

import java.lang.reflect.Field;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.impl.cmd.CreateMembershipCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.ReadOnlyIdentityProvider;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * Adding a user to a group ({@code PUT /group/{g}/members/{u}}, Admin's 加入组) as a request to be answered, not a
 * server fault: after the engine's own check that the caller may (403 as before), a user already in the group is left
 * there (204, as a second PUT of the same thing), and a user or group that does not exist is a 400 naming it in Chinese.
 * Camunda answered both as 500 and logged them at ERROR with the whole stack: an unknown user or group fails its own null
 * check, a membership already there fails as the command closes (a duplicate key, ENGINE-16004). Two administrators
 * adding the same membership at the same moment can still meet that duplicate key.
 */
class MembershipChecks extends CommandInterceptor {

    private static final Field USER = CommandFields.of(CreateMembershipCmd.class, "userId");
    private static final Field GROUP = CommandFields.of(CreateMembershipCmd.class, "groupId");

    @Override
    public <T> T execute(Command<T> command) {
        // Shirong's own writes (the organisation seeder, with no one logged in) know what they add: no look-ups for them
        CommandContext context = command instanceof CreateMembershipCmd ? Context.getCommandContext() : null;
        if (context != null && context.getAuthentication() != null) {
            String userId = (String) CommandFields.read(USER, command);
            String groupId = (String) CommandFields.read(GROUP, command);
            context.getAuthorizationManager().checkAuthorization(Permissions.CREATE, Resources.GROUP_MEMBERSHIP, groupId);
            if (userId != null && groupId != null && alreadyMember(context, userId, groupId)) {
                return null;
            }
        }
        return next.execute(command);
    }

    private static boolean alreadyMember(CommandContext context, String userId, String groupId) {
        return context.runWithoutAuthorization(() -> {
            ReadOnlyIdentityProvider identities = context.getReadOnlyIdentityProvider();
            if (identities.findUserById(userId) == null) {
                throw new NotFoundException("没有用户 " + userId + "，不能加入组 " + groupId + "。");
            }
            if (identities.findGroupById(groupId) == null) {
                throw new NotFoundException("没有组 " + groupId + "，不能把用户 " + userId + " 加入该组。");
            }
            return identities.createUserQuery(context).userId(userId).memberOfGroup(groupId).count() > 0;
        });
    }
}
