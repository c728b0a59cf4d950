package org.shirong.organization;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.IdentityServiceImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.digest.PasswordManager;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.util.EncryptionUtil;
import org.shirong.system.Pbkdf2PasswordEncryptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Outside the demo run no account keeps a demo password: a database once started as the demo (H2 {@code ./data/} copied
 * to a pilot, PostgreSQL tried with the demo on) still has {@code admin}/{@code admin} and every seeded user's
 * {@code demo}. At each start such an administrator gets the configured administrator password, every other such user an
 * unguessable one (they ask the administrator for a new one), and one WARN names them. The passwords are compared with the
 * stored salted hashes directly, not through the login throttle, one hash per user and demo password.
 */
@Component
class LeftoverDemoPasswords {

    private static final Logger LOG = LoggerFactory.getLogger(LeftoverDemoPasswords.class);
    /** The demo run's passwords as config/application.yaml ships them: every user's, and the administrator's. */
    private static final List<String> SHIPPED = List.of("demo", "admin");

    private final IdentityService identityService;
    private final PasswordManager passwords;
    private final org.camunda.bpm.engine.impl.digest.PasswordEncryptor encryptor;
    private final AccountProperties accounts;

    LeftoverDemoPasswords(IdentityService identityService, ProcessEngine engine, AccountProperties accounts) {
        this.identityService = identityService;
        this.passwords = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getPasswordManager();
        this.encryptor = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getPasswordEncryptor();
        this.accounts = accounts;
    }

    /** Replaces every demo password left in the directory; nothing in the demo run. */
    void replace() {
        if (accounts.demo().enabled()) {
            return;
        }
        long started = System.nanoTime();
        Set<String> demoPasswords = new LinkedHashSet<>(SHIPPED);
        String configured = accounts.demo().password();
        if (configured != null && !configured.isEmpty()) {
            demoPasswords.add(configured);
        }
        List<User> users = identityService.createUserQuery().list();
        List<String> replaced = new ArrayList<>();
        for (User user : users) {
            if (demoPasswords.stream().anyMatch(password -> accepts(user, password))) {
                boolean administrator = user.getId().equals(accounts.admin().id());
                user.setPassword(administrator ? accounts.adminPassword() : OrganizationSeeder.unguessablePassword());
                // The administrator's password was checked against the policy at start; the random one is unguessable as it is.
                if (administrator) {
                    ((IdentityServiceImpl) identityService).saveUser(user, true);
                } else {
                    Pbkdf2PasswordEncryptor.forRandomPasswords(() -> ((IdentityServiceImpl) identityService).saveUser(user, true));
                }
                replaced.add(user.getId());
            }
        }
        LOG.debug("演示密码检查：{} 个用户，用时 {} ms", users.size(), (System.nanoTime() - started) / 1_000_000);
        if (!replaced.isEmpty()) {
            LOG.warn("以下账号仍使用演示密码（数据库曾以演示方式运行），已更换：{}。管理员 {} 的密码改为所配置的管理员密码"
                    + "（SHIRONG_ADMIN_PASSWORD），其余账号改为无人知道的随机密码，请管理员在 Admin 中为需要的人重设密码。",
                    String.join("、", replaced), accounts.admin().id());
        }
    }

    private boolean accepts(User user, String password) {
        String hash = user.getPassword();
        // a hash at the full PBKDF2 count was set outside the demo run (which hashes with fewer): checking it would cost
        // a fifth of a second per user and demo password
        boolean setOutsideDemo = encryptor instanceof Pbkdf2PasswordEncryptor pbkdf2 && pbkdf2.full(hash);
        return hash != null && !setOutsideDemo && passwords.check(EncryptionUtil.saltPassword(password, ((UserEntity) user).getSalt()), hash);
    }
}
