package org.shirong.organization;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.PasswordPolicyResult;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.IdentityServiceImpl;
import org.shirong.system.PasswordPolicyText;
import org.shirong.system.StartupRefusedException;
import org.springframework.stereotype.Component;

/**
 * Keeps the administrator: a direct member of {@code camunda-admin} (which also closes the admin
 * set-up advisory). Outside the demo run its password must come from SHIRONG_ADMIN_PASSWORD and
 * satisfy the password policy; an existing administrator's password is never changed, unless it is still the demo's
 * ({@link LeftoverDemoPasswords}).
 */
@Component
class AdminAccount {

    /** The administrators' group's type (Camunda's own for its camunda-admin group) and its name in Admin. */
    static final String GROUP_TYPE = Groups.GROUP_TYPE_SYSTEM;
    static final String GROUP_TYPE_NAME = "系统管理";

    private final IdentityService identityService;
    private final AccessAuthorizations authorizations;
    private final AccountProperties accounts;

    AdminAccount(IdentityService identityService, AccessAuthorizations authorizations, AccountProperties accounts) {
        this.identityService = identityService;
        this.authorizations = authorizations;
        this.accounts = accounts;
    }

    /** Refuses start-up when the administrator would have no password or a weak one. */
    void checkPassword() {
        String password = accounts.adminPassword();
        if (password == null || password.isBlank()) {
            throw new StartupRefusedException("未设置管理员密码：生产配置不使用固定密码。",
                    "请设置环境变量 SHIRONG_ADMIN_PASSWORD 后重新启动（至少 10 位，含大小写字母、数字和符号）。");
        }
        if (accounts.demo().enabled()) {
            return;
        }
        checkPolicy(password, newUser(accounts.admin().id()), "SHIRONG_ADMIN_PASSWORD");
        String recovery = accounts.admin().recoveryPassword();
        if (recovery == null || recovery.isBlank()) {
            throw new StartupRefusedException("未设置恢复管理员密码：生产配置须有第二个管理员入口，以免管理员账号无法登录时无人能解除。",
                    "请设置环境变量 SHIRONG_RECOVERY_ADMIN_PASSWORD（恢复管理员 " + accounts.admin().recoveryId()
                            + " 的密码，每次启动时按它重设）后重新启动。");
        }
        checkPolicy(recovery, newUser(accounts.admin().recoveryId()), "SHIRONG_RECOVERY_ADMIN_PASSWORD");
    }

    private void checkPolicy(String password, User user, String variable) {
        PasswordPolicyResult result = identityService.checkPasswordAgainstPolicy(password, user);
        if (!result.isValid()) {
            throw new StartupRefusedException("密码（" + variable + "）不符合密码策略：" + PasswordPolicyText.rules(result.getViolatedRules()),
                    "请改用至少 10 位、含大小写字母、数字和符号且不含用户名的密码后重新启动。");
        }
    }

    private User newUser(String id) {
        User admin = identityService.newUser(id);
        admin.setFirstName(id.equals(accounts.admin().recoveryId()) ? "恢复管理员" : "系统管理员");
        admin.setLastName("");
        return admin;
    }

    void ensure() {
        String adminId = accounts.admin().id();
        if (identityService.createGroupQuery().groupId(AccessAuthorizations.ADMIN_GROUP).count() == 0) {
            Group group = identityService.newGroup(AccessAuthorizations.ADMIN_GROUP);
            group.setName("系统管理员");
            group.setType(GROUP_TYPE);
            identityService.saveGroup(group);
        }
        authorizations.grantAdministrators();
        if (identityService.createUserQuery().userId(adminId).count() == 0) {
            User admin = newUser(adminId);
            admin.setPassword(accounts.adminPassword());
            // The demo password "admin" is below the policy on purpose; other passwords were checked above.
            ((IdentityServiceImpl) identityService).saveUser(admin, accounts.demo().enabled());
        }
        ensureMember(adminId);
        String recovery = accounts.admin().recoveryPassword();
        if (recovery != null && !recovery.isBlank()) {
            ensureRecoveryAdmin(recovery);
        }
    }

    /** The recovery administrator gets the environment's password at every start, and is never left locked. */
    private void ensureRecoveryAdmin(String password) {
        String id = accounts.admin().recoveryId();
        User user = identityService.createUserQuery().userId(id).singleResult();
        if (user == null) {
            user = newUser(id);
        }
        user.setPassword(password);
        identityService.saveUser(user);
        identityService.unlockUser(id);
        ensureMember(id);
    }

    private void ensureMember(String userId) {
        if (identityService.createUserQuery().userId(userId).memberOfGroup(AccessAuthorizations.ADMIN_GROUP).count() == 0) {
            identityService.createMembership(userId, AccessAuthorizations.ADMIN_GROUP);
        }
    }
}
