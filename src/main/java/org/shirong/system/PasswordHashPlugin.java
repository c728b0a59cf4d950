package org.shirong.system;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.GenericManagerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Makes the engine hash new passwords with {@link Pbkdf2PasswordEncryptor}: {@code shirong.password-hash.iterations} of them
 * (210,000, OWASP's figure for PBKDF2-HMAC-SHA512), in the demo run {@code shirong.password-hash.demo-iterations} so that
 * seeding its hundred-odd users stays quick; and check passwords without writing the account's row
 * ({@link UnbookkeptPasswordChecks}).
 */
@Component
class PasswordHashPlugin extends AbstractProcessEnginePlugin {

    private final int iterations;

    PasswordHashPlugin(@Value("${shirong.demo.enabled:false}") boolean demo,
            @Value("${shirong.password-hash.iterations:210000}") int iterations,
            @Value("${shirong.password-hash.demo-iterations:1000}") int demoIterations) {
        this.iterations = demo ? demoIterations : iterations;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setPasswordEncryptor(new Pbkdf2PasswordEncryptor(iterations));
        configuration.setIdentityProviderSessionFactory(new GenericManagerFactory(UnbookkeptPasswordChecks.class));
    }
}
