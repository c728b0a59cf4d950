package org.shirong.organization;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.IdentityServiceImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies {@code organization.yaml} at every start: creates, updates and removes the groups,
 * users, memberships, authorizations and Tasklist filters it defines, in one transaction. Only what
 * an earlier run seeded is ever removed; accounts made by hand in Admin are left alone.
 */
@Component
@Order(20)
public class OrganizationSeeder implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(OrganizationSeeder.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final OrganizationLoader loader;
    private final OrganizationRecords records;
    private final IdentityService identityService;
    private final AccessAuthorizations authorizations;
    private final TaskFilters filters;
    private final AdminAccount adminAccount;
    private final AccountProperties accounts;
    private final TransactionTemplate transaction;

    OrganizationSeeder(OrganizationLoader loader, OrganizationRecords records, IdentityService identityService,
            AccessAuthorizations authorizations, TaskFilters filters, AdminAccount adminAccount,
            AccountProperties accounts, TransactionTemplate transaction) {
        this.loader = loader;
        this.records = records;
        this.identityService = identityService;
        this.authorizations = authorizations;
        this.filters = filters;
        this.adminAccount = adminAccount;
        this.accounts = accounts;
        this.transaction = transaction;
    }

    @Override
    public void run(ApplicationArguments args) {
        adminAccount.checkPassword();
        apply(loader.load());
    }

    /** Makes the engine's identities match the organisation; safe to repeat. */
    public void apply(Organization organization) {
        transaction.executeWithoutResult(status -> {
            records.lockForSeeding();
            adminAccount.ensure();
            Set<String> managedGroups = new HashSet<>(records.unitIds());
            organization.groups().forEach(g -> managedGroups.add(g.id()));
            removeDropped(organization);
            organization.groups().forEach(this::saveGroup);
            organization.users().forEach(u -> saveUser(u, organization, managedGroups));
            authorizations.syncUserVisibility(organization);
            records.replaceAll(organization);
            filters.sync(organization);
            filters.refreshDueFilters();
        });
        LOG.info("组织机构已同步：{} 个组，{} 个用户", organization.groups().size(), organization.users().size());
    }

    private void removeDropped(Organization organization) {
        Set<String> groupIds = new HashSet<>();
        organization.groups().forEach(g -> groupIds.add(g.id()));
        Set<String> userIds = new HashSet<>();
        organization.users().forEach(u -> userIds.add(u.id()));
        records.userIds().stream().filter(id -> !userIds.contains(id)).forEach(id -> {
            LOG.info("用户 {} 已从组织机构文件中删除，移除该用户", id);
            identityService.deleteUser(id);
        });
        records.unitIds().stream().filter(id -> !groupIds.contains(id)).forEach(id -> {
            LOG.info("组 {} 已从组织机构文件中删除，移除该组及其授权", id);
            authorizations.revokeAll(id);
            identityService.deleteGroup(id);
        });
    }

    private void saveGroup(Organization.GroupDefinition definition) {
        Group group = identityService.createGroupQuery().groupId(definition.id()).singleResult();
        if (group == null) {
            group = identityService.newGroup(definition.id());
        } else if (definition.name().equals(group.getName()) && definition.type().name().equals(group.getType())) {
            authorizations.grantRole(definition);
            return;
        }
        group.setName(definition.name());
        group.setType(definition.type().name());
        identityService.saveGroup(group);
        authorizations.grantRole(definition);
    }

    private void saveUser(Organization.UserDefinition definition, Organization organization, Set<String> managedGroups) {
        User user = identityService.createUserQuery().userId(definition.id()).singleResult();
        if (user == null) {
            user = identityService.newUser(definition.id());
            user.setFirstName(definition.name());
            user.setLastName("");
            user.setEmail(definition.email());
            // Demo passwords are below the password policy on purpose. Real users get a random password
            // nobody knows (the engine cannot check a missing one) until an administrator sets theirs in Admin.
            user.setPassword(accounts.demo().enabled() ? accounts.demo().password() : unguessablePassword());
            ((IdentityServiceImpl) identityService).saveUser(user, true);
        } else if (!definition.name().equals(user.getFirstName()) || !java.util.Objects.equals(definition.email(), user.getEmail())) {
            user.setFirstName(definition.name());
            user.setLastName("");
            user.setEmail(definition.email());
            identityService.saveUser(user);
        }
        syncMemberships(definition.id(), organization.effectiveGroups(definition), managedGroups);
    }

    private static String unguessablePassword() {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        return Base64.getEncoder().encodeToString(random);
    }

    /** Memberships in groups this file manages (now or before) follow the file; others are left alone. */
    private void syncMemberships(String userId, List<String> wanted, Set<String> managed) {
        Set<String> current = new HashSet<>();
        identityService.createGroupQuery().groupMember(userId).list().forEach(g -> current.add(g.getId()));
        current.stream().filter(g -> managed.contains(g) && !wanted.contains(g))
                .forEach(g -> identityService.deleteMembership(userId, g));
        wanted.stream().filter(g -> !current.contains(g)).forEach(g -> identityService.createMembership(userId, g));
    }
}
