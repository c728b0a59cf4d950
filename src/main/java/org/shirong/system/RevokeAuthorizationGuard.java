package org.shirong.system;

import java.lang.reflect.Field;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.impl.cmd.SaveAuthorizationCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * Refuses every REVOKE authorization, whoever saves it (AuthorizationService, {@code /engine-rest/authorization},
 * the Admin webapp): Shirong grants, and takes away by deleting a grant. With no REVOKE row the engine need not look
 * for one before each authorization check ({@link RevokeChecksPlugin} sets {@code authorizationCheckRevokes=never}).
 */
class RevokeAuthorizationGuard extends CommandInterceptor {

    static final String MESSAGE = "Shirong 不使用“撤销”（REVOKE）类授权：要收回权限，请删除相应的授予（GRANT）授权。";

    private static final Field AUTHORIZATION = CommandFields.of(SaveAuthorizationCmd.class, "authorization");

    @Override
    public <T> T execute(Command<T> command) {
        if (command instanceof SaveAuthorizationCmd
                && CommandFields.read(AUTHORIZATION, command) instanceof Authorization authorization
                && authorization.getAuthorizationType() == Authorization.AUTH_TYPE_REVOKE) {
            throw new BadUserRequestException(MESSAGE);
        }
        return next.execute(command);
    }
}
