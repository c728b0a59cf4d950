package org.shirong.organization;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.IdentityServiceImpl;
import org.shirong.system.AuthenticatedIdentities;
import org.shirong.system.EngineBatch;
import org.shirong.system.Pbkdf2PasswordEncryptor;
import org.shirong.system.StartupFingerprints;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies the organisations' {@code organization.yaml} files at start-up: creates, updates and removes the
 * tenants, groups, users, memberships, authorizations and Tasklist filters they define, in one transaction. Only what
 * an earlier run seeded is ever removed; accounts made by hand in Admin are left alone.
 * <p>
 * The start-up's synchronisation runs on a thread of its own beside the deployments (issue 13, W6: on an empty
 * database each took about a second, the seeding mostly waiting for the database): it begins before
 * {@link org.shirong.system.ProcessResourceDeployer} ({@code @Order(10)}) and, in its one transaction, goes as far as it
 * can without the deployments; {@link AfterDeployments} ({@code @Order(20)}, once the deployer is through) lets it read
 * the processes now startable by hand, record the fingerprint (which names the deployments) and commit, and waits for
 * it. If the deployments fail, start-up stops and the synchronisation is rolled back: nothing is seeded, as before.
 */
@Component
@Order(5)
public class OrganizationSeeder implements ApplicationRunner, DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(OrganizationSeeder.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Organizations organizations;
    private final OrganizationRecords records;
    private final IdentityService identityService;
    private final AccessAuthorizations authorizations;
    private final TaskFilters filters;
    private final AdminAccount adminAccount;
    private final LeftoverDemoPasswords demoPasswords;
    private final AccountProperties accounts;
    private final TransactionTemplate transaction;
    private final AuthenticatedIdentities identities;
    private final StartupFingerprints fingerprints;
    private final EngineBatch batch;
    private final TaskService taskService;
    /** Completed by {@link AfterDeployments} once the deployments are in, exceptionally if start-up is abandoned. */
    private final CompletableFuture<Void> deployed = new CompletableFuture<>();
    private volatile FutureTask<Void> synchronisation;

    OrganizationSeeder(Organizations organizations, OrganizationRecords records, IdentityService identityService,
            AccessAuthorizations authorizations, TaskFilters filters, AdminAccount adminAccount,
            LeftoverDemoPasswords demoPasswords, AccountProperties accounts, TransactionTemplate transaction,
            AuthenticatedIdentities identities, StartupFingerprints fingerprints, EngineBatch batch, TaskService taskService) {
        this.organizations = organizations;
        this.records = records;
        this.identityService = identityService;
        this.authorizations = authorizations;
        this.filters = filters;
        this.adminAccount = adminAccount;
        this.demoPasswords = demoPasswords;
        this.accounts = accounts;
        this.transaction = transaction;
        this.identities = identities;
        this.fingerprints = fingerprints;
        this.batch = batch;
        this.taskService = taskService;
    }

    /**
     * A start after which nothing changed (same files, code, settings and deployments, no identity, authorization or
     * filter changed through the engine since; see {@link StartupFingerprints}) only keeps the administrators and moves
     * the due filters on; any other start applies the organisation files and records that it did, in one transaction.
     * Begins that on its own thread; {@link AfterDeployments} waits for it.
     */
    @Override
    public void run(ApplicationArguments args) {
        adminAccount.checkPassword();
        FutureTask<Void> task = new FutureTask<>(this::synchronise, null);
        Thread thread = new Thread(task, "shirong-seeding");
        thread.setDaemon(true);
        synchronisation = task;
        thread.start();
    }

    private void synchronise() {
        boolean kept = fingerprints.unchanged()
                && Boolean.TRUE.equals(fingerprints.whileSyncing(() -> transaction.execute(status -> keepUp())));
        if (!kept) {
            fingerprints.whileSyncing(() -> transaction.execute(status -> {
                apply(organizations.all(), () -> await(deployed, "启动已中止，组织机构同步已撤销"));
                fingerprints.storeCurrent();
                return null;
            }));
            // Requests served while the transaction was open may have cached the identities as they were.
            identities.forgetAll();
        }
    }

    /** The deployments are in: the synchronisation may finish; waits for it and throws what stopped it. */
    void afterDeployments() {
        deployed.complete(null);
        FutureTask<Void> task = synchronisation;
        if (task != null) {
            await(task, "等待组织机构同步时被中断");
        }
    }

    /** Waits for {@code done}; what stopped it is thrown as it was (a checked cause wrapped). */
    private static void await(Future<?> done, String interrupted) {
        try {
            done.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** A start that failed before the deployments were in (or a shutdown): the synchronisation rolls back and ends. */
    @Override
    public void destroy() {
        deployed.completeExceptionally(new IllegalStateException("启动已中止（部署未完成），组织机构同步已撤销"));
        FutureTask<Void> task = synchronisation;
        if (task != null) {
            try {
                task.get(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (TimeoutException e) {
                LOG.warn("启动中止后 30 秒内组织机构同步仍未结束；其事务将随数据库连接关闭而撤销");
            } catch (ExecutionException e) {
                LOG.debug("组织机构同步已撤销（启动中止）：{}", String.valueOf(e.getCause()));
            }
        }
    }

    /** Runs after {@link org.shirong.system.ProcessResourceDeployer} ({@code @Order(10)}): see {@link OrganizationSeeder}. */
    @Component
    @Order(20)
    static class AfterDeployments implements ApplicationRunner {

        private final OrganizationSeeder seeder;

        AfterDeployments(OrganizationSeeder seeder) {
            this.seeder = seeder;
        }

        @Override
        public void run(ApplicationArguments args) {
            seeder.afterDeployments();
        }
    }

    /** False when an identity changed since the start-up looked (another node's Admin): then everything is applied. */
    private boolean keepUp() {
        records.lockForSeeding();
        if (!fingerprints.stillStored()) {
            return false;
        }
        adminAccount.ensure();
        demoPasswords.replace();
        filters.refreshDueFilters();
        LOG.info("组织机构文件与上次同步时相同，期间也未经引擎更改用户、组或授权：不再重新同步（强制同步：SHIRONG_STARTUP_FULL_SYNC=true）");
        return true;
    }

    /** Makes the engine's tenants and identities match the organisations; safe to repeat. */
    public void apply(List<Organization> all) {
        apply(all, () -> { });
    }

    /** {@code deploymentsIn} returns once the deployments the processes startable by hand are read from are in. */
    private void apply(List<Organization> all, Runnable deploymentsIn) {
        transaction.executeWithoutResult(status -> {
            records.lockForSeeding();
            adminAccount.ensure();
            demoPasswords.replace();
            Set<String> managedGroups = new HashSet<>(records.unitIds());
            all.forEach(o -> o.groups().forEach(g -> managedGroups.add(g.id())));
            removeDropped(all);
            // Each organisation's tenant, groups, users, memberships, grants and filters are looked up before they are
            // written and written once, so the engine may flush them all together; that flush goes to the database
            // before the pass waits for the deployments (at start-up they are made meanwhile), the grants to start the
            // processes by hand after it.
            AccessAuthorizations.Grants grants = batch.run(() -> {
                AccessAuthorizations.Grants read = authorizations.grants();
                for (Organization organization : all) {
                    saveTenant(organization);
                    organization.groups().forEach(g -> saveGroup(organization, g, read));
                    organization.users().forEach(u -> saveUser(u, organization, managedGroups));
                    authorizations.syncUserVisibility(organization, read);
                }
                syncOversight(all);
                filters.sync(all);
                return read;
            });
            grants.written();
            deploymentsIn.run();
            batch.run(() -> {
                authorizations.allowStartingByHand(all, grants);
                return null;
            });
            records.replaceAll(all);
            filters.refreshDueFilters();
            warnOfCollectiveTasks(all);
        });
        // Logged-in users' groups and organisations are re-read on their next request.
        identities.forgetAll();
        LOG.info("组织机构已同步：{} 个组织，{} 个组，{} 个用户", all.size(),
                all.stream().mapToInt(o -> o.groups().size()).sum(), all.stream().mapToInt(o -> o.users().size()).sum());
    }

    private void saveTenant(Organization organization) {
        Tenant tenant = identityService.createTenantQuery().tenantId(organization.id()).singleResult();
        if (tenant == null) {
            tenant = identityService.newTenant(organization.id());
        } else if (organization.name().equals(tenant.getName())) {
            return;
        }
        tenant.setName(organization.name());
        identityService.saveTenant(tenant);
    }

    /**
     * A district's oversight groups become members of its towns' and streets' tenants, so that they read their work;
     * memberships the organisation files no longer give are removed.
     */
    private void syncOversight(List<Organization> all) {
        for (Organization organization : all) {
            Set<String> wanted = new HashSet<>();
            organization.groups().forEach(g -> wanted.add(g.id()));
            all.stream().filter(d -> d.id().equals(organization.organization().parent()))
                    .forEach(d -> d.oversight().forEach(o -> wanted.add(o.group())));
            Set<String> current = new HashSet<>();
            identityService.createGroupQuery().memberOfTenant(organization.id()).list().forEach(g -> current.add(g.getId()));
            current.stream().filter(g -> !wanted.contains(g))
                    .forEach(g -> identityService.deleteTenantGroupMembership(organization.id(), g));
            wanted.stream().filter(g -> !current.contains(g))
                    .forEach(g -> identityService.createTenantGroupMembership(organization.id(), g));
        }
    }

    private void removeDropped(List<Organization> all) {
        Set<String> groupIds = new HashSet<>();
        Set<String> userIds = new HashSet<>();
        all.forEach(o -> {
            o.groups().forEach(g -> groupIds.add(g.id()));
            o.users().forEach(u -> userIds.add(u.id()));
        });
        records.userIds().stream().filter(id -> !userIds.contains(id)).forEach(id -> {
            identityService.deleteUser(id);
            afterCommit(() -> LOG.info("用户 {} 已从组织机构文件中删除，已移除该用户", id));
        });
        records.unitIds().stream().filter(id -> !groupIds.contains(id)).forEach(id -> {
            List<Task> open = taskService.createTaskQuery().taskCandidateGroup(id).includeAssignedTasks()
                    .orderByTaskCreateTime().asc().listPage(0, 5);
            long openCount = open.isEmpty() ? 0 : taskService.createTaskQuery().taskCandidateGroup(id).includeAssignedTasks().count();
            authorizations.revokeAll(id);
            identityService.deleteGroup(id);
            afterCommit(() -> LOG.info("组 {} 已从组织机构文件中删除，已移除该组及其授权", id));
            if (openCount > 0) {
                // merging two units leaves the dropped one's running work behind: only the office still sees it
                afterCommit(() -> LOG.warn("组 {} 已删除，但仍有 {} 个进行中的任务以它为候选组（如：{}），其单位的人员已看不到这些任务，"
                        + "只有办公室能看到：请办公室在任务列表中把它们转交给接手的单位（整改案件用“回退”由办公室改派）",
                        id, openCount, String.join("；", open.stream().map(Task::getName).toList())));
            }
        });
    }

    /**
     * Work handed to a collective (各居委会) before its member units became units of their own has no one to do it now
     * (their staff are no longer in the collective): the office reads it and hands it to the right member unit.
     */
    private void warnOfCollectiveTasks(List<Organization> all) {
        for (Organization organization : all) {
            organization.groups().stream().map(Organization.GroupDefinition::id).filter(organization::isCollective).forEach(id -> {
                long open = taskService.createTaskQuery().taskCandidateGroup(id).includeAssignedTasks().count();
                if (open > 0) {
                    afterCommit(() -> LOG.warn("{}：仍有 {} 个进行中的任务以“{}”为候选组。{}的各单位各自办理本单位的任务，不再属于“{}”，"
                            + "这些任务只有办公室能看到：请办公室把它们转交给具体的单位（整改案件用“回退”后由办公室改派）",
                            organization.name(), open, organization.groupName(id), organization.groupName(id), organization.groupName(id)));
                }
            });
        }
    }

    /** Says what the synchronisation removed only once it is committed: at start-up a file found broken meanwhile undoes it. */
    private static void afterCommit(Runnable log) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                log.run();
            }
        });
    }

    private void saveGroup(Organization organization, Organization.GroupDefinition definition, AccessAuthorizations.Grants grants) {
        Group group = identityService.createGroupQuery().groupId(definition.id()).singleResult();
        if (group == null) {
            group = identityService.newGroup(definition.id());
        } else if (definition.name().equals(group.getName()) && definition.type().name().equals(group.getType())) {
            authorizations.grantRole(organization, definition, grants);
            return;
        }
        group.setName(definition.name());
        group.setType(definition.type().name());
        identityService.saveGroup(group);
        authorizations.grantRole(organization, definition, grants);
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
            User created = user;
            Pbkdf2PasswordEncryptor.forRandomPasswords(() -> ((IdentityServiceImpl) identityService).saveUser(created, true));
        } else if (!definition.name().equals(user.getFirstName()) || !java.util.Objects.equals(definition.email(), user.getEmail())) {
            user.setFirstName(definition.name());
            user.setLastName("");
            user.setEmail(definition.email());
            identityService.saveUser(user);
        }
        syncMemberships(definition.id(), organization.effectiveGroups(definition), managedGroups);
    }

    static String unguessablePassword() {
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
