package org.shirong.system;

import java.util.Collection;
import java.util.Optional;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.UserQueryImpl;
import org.camunda.bpm.engine.impl.UserQueryProperty;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * Keeps other people's e-mail addresses from staff where the engine runs the user query, so no URL
 * spelling, path parameter or webapp door matters: a staff call may not filter or sort users by
 * address (the answer, or a count, would reveal addresses letter by letter), and the users it gets
 * back carry only the caller's own address. {@link OthersEmailRemoval} does the same on the HTTP
 * answer as a second layer. Administrators, the processes and Shirong's own calls are not affected.
 */
class OthersEmailGuard extends CommandInterceptor {

    static final String MESSAGE = "只有管理员可以按邮箱地址查找或排序用户。";

    private final ProcessEngineConfigurationImpl configuration;

    OthersEmailGuard(ProcessEngineConfigurationImpl configuration) {
        this.configuration = configuration;
    }

    @Override
    public <T> T execute(Command<T> command) {
        Optional<Authentication> staff = command instanceof UserQueryImpl
                ? EngineCaller.staffCall(configuration) : Optional.empty();
        if (staff.isEmpty()) {
            return next.execute(command);
        }
        UserQueryImpl query = (UserQueryImpl) command;
        if (query.getEmail() != null || query.getEmailLike() != null || query.getOrderingProperties().stream()
                .anyMatch(o -> UserQueryProperty.EMAIL.getName().equals(o.getQueryProperty().getName()))) {
            throw new AuthorizationException(MESSAGE);
        }
        T result = next.execute(command);
        // The command context is closed: these users are copies for this caller, never written back.
        if (result instanceof Collection<?> users) {
            users.forEach(user -> hide(user, staff.get().getUserId()));
        } else {
            hide(result, staff.get().getUserId());
        }
        return result;
    }

    private static void hide(Object result, String caller) {
        if (result instanceof User user && !caller.equals(user.getId())) {
            user.setEmail(null);
        }
    }
}
