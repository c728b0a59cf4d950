package org.shirong.system;

import java.lang.reflect.Field;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.CheckPassword;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts every password check the engine makes (engine REST, webapp login, Shirong's API) through the
 * {@link LoginThrottle}: a locked account-and-address, or address, is refused without the password
 * being looked at, and the request is answered 429 saying until when ({@link LoginPauseAnswers}). The engine's own
 * permanent lock-out is switched off in the configuration. A failed check that hashed less than a known user's wrong
 * password does (an unknown user: the engine answers without hashing) is made as slow with a dummy hash, after the
 * engine's command, so that no connection is held for it ({@link Pbkdf2PasswordEncryptor#makeUp}).
 */
class LoginThrottleInterceptor extends CommandInterceptor {

    private static final Logger LOG = LoggerFactory.getLogger(LoginThrottleInterceptor.class);
    private static final Field USER = CommandFields.of(CheckPassword.class, "userId");
    private static final Field PASSWORD = CommandFields.of(CheckPassword.class, "password");

    private final LoginThrottle throttle;
    private final ProcessEngineConfigurationImpl configuration;

    LoginThrottleInterceptor(LoginThrottle throttle, ProcessEngineConfigurationImpl configuration) {
        this.throttle = throttle;
        this.configuration = configuration;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T execute(Command<T> command) {
        if (!(command instanceof CheckPassword)) {
            return next.execute(command);
        }
        String userId = String.valueOf(CommandFields.read(USER, command));
        String address = throttle.source(userId, ClientAddress.current());
        if (throttle.locked(userId, address)) {
            LOG.warn("登录被暂时拒绝：账号 {} 从 {} 登录失败次数过多", userId, address);
            LoginPauseAnswers.refused(throttle.pausedUntil(userId, address));
            return (T) Boolean.FALSE;
        }
        long hashed = Pbkdf2PasswordEncryptor.checkedRounds();
        T valid = next.execute(command);
        if (Boolean.TRUE.equals(valid)) {
            throttle.succeeded(userId, address);
        } else {
            if (configuration.getPasswordEncryptor() instanceof Pbkdf2PasswordEncryptor encryptor) {
                encryptor.makeUp((String) CommandFields.read(PASSWORD, command), Pbkdf2PasswordEncryptor.checkedRounds() - hashed);
            }
            LOG.info("登录失败：账号 {}，来自 {}", userId, address);
            throttle.failed(userId, address);
        }
        return valid;
    }
}
