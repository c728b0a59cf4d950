package org.shirong.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.shirong.system.SharesSpringContext;
import org.shirong.system.ShirongWebTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A group's members as a deadline's notification (the job executor: no user, only the organisation) resolves them are read once and
 * kept, yet a change to the organisation made on this node is seen at once; a logged-in user's send task asks the engine.
 */
@ShirongWebTest
@SharesSpringContext
class RecipientCacheTest {

    private static final String GROUP = "rcachegroup";
    /** A unit of another organisation the same person is in. */
    private static final String OTHER_GROUP = "rcachegroup2";

    @Autowired
    RecipientResolver recipients;
    @Autowired
    IdentityService identityService;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ProcessEngine engine;
    @Autowired
    NotificationDigests digests;
    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactions;

    @AfterEach
    void removeTestIdentities() {
        identityService.clearAuthentication();
        for (String user : List.of("rcache1", "rcache2")) {
            if (identityService.createUserQuery().userId(user).count() > 0) {
                identityService.deleteUser(user);
            }
        }
        for (String group : List.of(GROUP, OTHER_GROUP)) {
            if (identityService.createGroupQuery().groupId(group).count() > 0) {
                identityService.deleteGroup(group);
            }
        }
    }

    @Test
    void membersAreKeptUntilThisNodeChangesTheOrganisation() {
        group();
        member("rcache1");
        assertThat(members()).containsExactly("rcache1");
        // removed behind the engine's back, as another node's change looks from here: still the members read before
        jdbc.update("delete from ACT_ID_MEMBERSHIP where USER_ID_ = ? and GROUP_ID_ = ?", "rcache1", GROUP);
        assertThat(members()).containsExactly("rcache1");
        // a change through this node's engine: read again, with the removal above
        member("rcache2");
        assertThat(members()).containsExactly("rcache2");
    }

    @Test
    void aLoggedInUsersSendTaskReadsTheMembersEachTime() {
        group();
        member("rcache1");
        identityService.setAuthentication("admin", List.of("camunda-admin"));
        assertThat(membersAsAuthenticated()).containsExactly("rcache1");
        jdbc.update("delete from ACT_ID_MEMBERSHIP where USER_ID_ = ? and GROUP_ID_ = ?", "rcache1", GROUP);
        assertThat(membersAsAuthenticated()).isEmpty();
    }

    /**
     * s55: a digest keyed per person is keyed with its organisation too: someone in a unit of 九亭镇 and one of 松江区, told by
     * each organisation's handing-out of the same campaign and round, hears of both (of the first only before); the same
     * call again queues nothing. {@code queued} answers whether an organisation's digest is in the outbox, as the overdue
     * digest asks before it reads and renders.
     */
    @Test
    void aPersonInUnitsOfTwoOrganisationsHearsOfEachOrganisationsDigest() {
        group();
        member("rcache1");
        Group other = identityService.newGroup(OTHER_GROUP);
        other.setName("收件人缓存测试组二");
        identityService.saveGroup(other);
        identityService.createMembership("rcache1", OTHER_GROUP);
        String campaign = "RC-DIGEST-" + System.nanoTime();
        Map<String, Object> values = Map.of("campaignName", "松江区满意度测评提升", "occasion", "“整改提升”阶段开始");
        Map<String, Object> part = Map.of("taskCount", "1", "tasks", List.of(Map.of("name", "制定整改方案", "requirement", "",
                "due", "2027年2月19日 17:00")));
        org.springframework.transaction.support.TransactionTemplate transaction =
                new org.springframework.transaction.support.TransactionTemplate(transactions);
        assertThat(digests.queued(campaign, "phase1", "campaign-tasks-issued", List.of(GROUP), "jiuting")).isFalse();
        transaction.executeWithoutResult(status -> assertThat(digests.sendPerPerson(campaign, "phase1", "campaign-tasks-issued",
                values, List.of(new NotificationDigests.UnitPart(GROUP, part)), "jiuting", campaign)).isPositive());
        assertThat(digests.queued(campaign, "phase1", "campaign-tasks-issued", List.of(GROUP), "jiuting")).isTrue();
        assertThat(digests.queued(campaign, "phase1", "campaign-tasks-issued", List.of(OTHER_GROUP), "songjiang")).isFalse();
        assertThat(digests.queued(campaign, "phase2", "campaign-tasks-issued", List.of(GROUP), "jiuting")).isFalse();
        transaction.executeWithoutResult(status -> assertThat(digests.sendPerPerson(campaign, "phase1", "campaign-tasks-issued",
                values, List.of(new NotificationDigests.UnitPart(OTHER_GROUP, part)), "songjiang", campaign)).isPositive());
        transaction.executeWithoutResult(status -> assertThat(digests.sendPerPerson(campaign, "phase1", "campaign-tasks-issued",
                values, List.of(new NotificationDigests.UnitPart(OTHER_GROUP, part)), "songjiang", campaign)).isZero());

        assertThat(jdbc.queryForList("select subject from notification_inbox where recipient_id = 'rcache1' and business_key = ?"
                + " order by id", String.class, campaign)).hasSize(2);
        assertThat(NotificationDigests.personIteration("x".repeat(60), "songjiang")).hasSize(64).endsWith("@songjiang");
    }

    /** As a deadline's send task resolves them: in the job executor's command, authenticated by its organisation only. */
    private List<String> members() {
        identityService.setAuthentication(null, null, List.of("jiuting"));
        try {
            return membersAsAuthenticated();
        } finally {
            identityService.clearAuthentication();
        }
    }

    /** As a send task resolves them inside an engine command, authenticated as the caller is now. */
    private List<String> membersAsAuthenticated() {
        return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired()
                .execute(command -> List.copyOf(recipients.resolve("group:" + GROUP, null).users()));
    }

    private void group() {
        Group group = identityService.newGroup(GROUP);
        group.setName("收件人缓存测试组");
        identityService.saveGroup(group);
    }

    private void member(String id) {
        User user = identityService.newUser(id);
        user.setFirstName(id);
        user.setPassword("Rcache#Test-2026x");
        identityService.saveUser(user);
        identityService.createMembership(id, GROUP);
    }
}
