package org.shirong.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
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

    @Autowired
    RecipientResolver recipients;
    @Autowired
    IdentityService identityService;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ProcessEngine engine;

    @AfterEach
    void removeTestIdentities() {
        identityService.clearAuthentication();
        for (String user : List.of("rcache1", "rcache2")) {
            if (identityService.createUserQuery().userId(user).count() > 0) {
                identityService.deleteUser(user);
            }
        }
        if (identityService.createGroupQuery().groupId(GROUP).count() > 0) {
            identityService.deleteGroup(GROUP);
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
