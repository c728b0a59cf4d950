package org.shirong.organization;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.persistence.entity.FilterEntity;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.shirong.ShirongApplication;
import org.shirong.system.StartupFingerprints;
import org.shirong.system.StatementCounter;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/** Seeding config/organization.yaml: repeatable, and a later edit of the file is applied on the next start. */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:shirong-seeder;DB_CLOSE_DELAY=-1",
        "camunda.bpm.generate-unique-process-engine-name=true",
        "camunda.bpm.job-execution.enabled=false"})
@ActiveProfiles("test")
@DirtiesContext
@Import(StatementCounter.Config.class)
class OrganizationSeederTest {

    @Autowired
    OrganizationSeeder seeder;
    @Autowired
    Organizations organizations;
    @Autowired
    OrganizationRecords records;
    @Autowired
    IdentityService identityService;
    @Autowired
    AuthorizationService authorizationService;
    @Autowired
    FilterService filterService;
    @Autowired
    TaskService taskService;
    @Autowired
    TaskFilters taskFilters;
    @Autowired
    StartupFingerprints fingerprints;
    @Autowired
    javax.sql.DataSource dataSource;

    record Snapshot(long groups, long users, long memberships, long authorizations, long filters) {
    }

    private Snapshot snapshot() {
        long memberships = identityService.createUserQuery().list().stream()
                .mapToLong(u -> identityService.createGroupQuery().groupMember(u.getId()).count()).sum();
        return new Snapshot(identityService.createGroupQuery().count(), identityService.createUserQuery().count(),
                memberships, authorizationService.createAuthorizationQuery().count(), filterService.createTaskFilterQuery().count());
    }

    private static Organization edited(String yaml) {
        return OrganizationLoader.read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "edited.yaml");
    }

    @AfterEach
    void restoreTheShippedOrganization() {
        seeder.apply(organizations.all());
    }

    @Test
    void seedsTheJiutingOrganization() {
        assertThat(identityService.createGroupQuery().groupId("chengguan").singleResult().getName()).isEqualTo("城管中队");
        assertThat(identityService.createGroupQuery().groupId("chuangban").singleResult().getName()).isEqualTo("创建工作办公室");
        assertThat(identityService.createGroupQuery().groupType("WORKING_GROUP").memberOfTenant("jiuting").list())
                .extracting(g -> g.getName()).containsExactlyInAnyOrder("执法整治组", "宣传报道组", "督导检查组");
        assertThat(records.units("jiuting")).filteredOn(u -> u.type() == GroupType.UNIT).hasSize(21);
        assertThat(records.units()).filteredOn(u -> u.id().equals("lvrong")).singleElement()
                .satisfies(u -> assertThat(u.duties()).contains("牵头部门"));
        assertThat(records.units()).filteredOn(u -> u.id().equals("huanwei")).singleElement()
                .satisfies(u -> assertThat(u.duties()).contains("清扫保洁"));
        User user = identityService.createUserQuery().userId("juwei01a").singleResult();
        assertThat(user.getFirstName()).isEqualTo("王主任");
        assertThat(user.getEmail()).isEqualTo("juwei01a@jiuting.example.cn");
        assertThat(identityService.createGroupQuery().groupMember("juwei01a").list()).as("a 居委会主任 sits in the leading group (附件1)")
                .extracting(g -> g.getId()).containsExactlyInAnyOrder("juwei01", "lingdao");
        assertThat(identityService.createUserQuery().memberOfGroup("juweihui").count())
                .as("各居委会 names the committees together; each is its own unit, so none works as 各居委会").isZero();
        assertThat(identityService.createGroupQuery().groupMember("lingdao1").list()).as("组长、副组长 are of the leading group")
                .extracting(g -> g.getId()).contains("zuzhang", "lingdao");
        assertThat(identityService.checkPassword("juwei01a", "demo")).isTrue();
        assertThat(identityService.createUserQuery().userId("admin").memberOfGroup("camunda-admin").count()).isEqualTo(1);
        assertThat(filterService.createTaskFilterQuery().filterName("本单位待办（城管中队）").count()).as("九亭的与锦溪的城管中队").isEqualTo(2);
        assertThat(filterService.createTaskFilterQuery().filterName("我的待办").count()).as("one per user of every organisation")
                .isEqualTo(organizations.all().stream().mapToLong(o -> o.users().size()).sum());
    }

    /**
     * s53 T13: a unit head who also sits in the leading group (九亭: every unit's head) sees his unit's list first, the
     * leading group's (mostly empty) after it, kind by kind; filters saved before are put in place on the next seeding.
     */
    @Test
    void aUnitsFiltersComeBeforeTheLeadingGroupsOfTheirKind() {
        String unit = records.filters(TaskFilterKind.UNIT).get("huanwei");
        String leading = records.filters(TaskFilterKind.UNIT).get("lingdao");
        assertThat(priority(unit)).isEqualTo(10);
        assertThat(priority(leading)).isEqualTo(11).isLessThan(priority(records.filters(TaskFilterKind.DUE_SOON).get("huanwei")));
        assertThat(priority(records.filters(TaskFilterKind.OVERDUE).get("lingdao")))
                .isGreaterThan(priority(records.filters(TaskFilterKind.OVERDUE).get("huanwei")));

        var before = filterService.getFilter(leading);
        Map<String, Object> properties = new HashMap<>(before.getProperties());
        properties.put("priority", 10);
        before.setProperties(properties);
        filterService.saveFilter(before);
        seeder.apply(organizations.all());
        assertThat(priority(leading)).as("a filter saved before this order").isEqualTo(11);
        assertThat(filterService.getFilter(leading).getName()).isEqualTo("本单位待办（创建工作领导小组）");
    }

    private int priority(String filterId) {
        return ((Number) filterService.getFilter(filterId).getProperties().get("priority")).intValue();
    }

    @Test
    void seedingAgainChangesNothing() {
        Snapshot before = snapshot();
        seeder.apply(organizations.all());
        seeder.apply(organizations.all());
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void appliesEditsOfTheFileAndKeepsAccountsMadeByHand() throws Exception {
        User manual = identityService.newUser("manual1");
        manual.setFirstName("手工账号");
        identityService.saveUser(manual);
        String shipped = Files.readString(Path.of("config/organizations/jiuting/organization.yaml"));
        String yaml = shipped
                .replace("name: 农副公司", "name: 农副公司（绿化养护）")
                .replace("  - { id: chengguan2, name: 刘队员, email: chengguan2@jiuting.example.cn, groups: [chengguan] }\n", "")
                .replace("groups: [zongguan] }", "groups: [huanwei] }")
                .replace("\n# 用户", """

                  - id: wenming
                    name: 文明办
                    type: UNIT
                    duties: 负责文明创建督查。

                # 用户""")
                + "  - { id: wenming1, name: 新干事, email: wenming1@jiuting.example.cn, groups: [wenming] }\n";

        seeder.apply(List.of(edited(yaml)));

        assertThat(identityService.createGroupQuery().groupId("nongfu").singleResult().getName()).isEqualTo("农副公司（绿化养护）");
        assertThat(identityService.createUserQuery().userId("chengguan2").count()).isZero();
        assertThat(filterService.createTaskFilterQuery().filterOwner("chengguan2").count()).isZero();
        assertThat(identityService.createGroupQuery().groupMember("zongguan1").list()).extracting(g -> g.getId())
                .containsExactly("huanwei");
        assertThat(identityService.createGroupQuery().groupId("wenming").singleResult().getName()).isEqualTo("文明办");
        assertThat(identityService.createUserQuery().userId("wenming1").memberOfGroup("wenming").count()).isEqualTo(1);
        assertThat(filterService.createTaskFilterQuery().filterName("已超期（文明办）").count()).isEqualTo(1);
        assertThat(authorizationService.createAuthorizationQuery().groupIdIn("wenming").count()).isPositive();
        assertThat(identityService.createUserQuery().userId("manual1").count()).isEqualTo(1);

        seeder.apply(organizations.all());

        assertThat(identityService.createGroupQuery().groupId("wenming").count()).isZero();
        assertThat(authorizationService.createAuthorizationQuery().groupIdIn("wenming").count()).isZero();
        assertThat(filterService.createTaskFilterQuery().filterName("已超期（文明办）").count()).isZero();
        assertThat(identityService.createUserQuery().userId("wenming1").count()).isZero();
        assertThat(identityService.createUserQuery().userId("chengguan2").count()).isEqualTo(1);
        assertThat(identityService.createUserQuery().userId("manual1").count()).isEqualTo(1);
        assertThat(records.units()).extracting(OrganizationRecords.Unit::id).doesNotContain("wenming");
        identityService.deleteUser("manual1");
    }

    /**
     * A unit merged into another (dropped from the file) may still have running work: its group goes, and start-up warns
     * the office which tasks only it can see now, instead of saying nothing.
     */
    @Test
    @org.junit.jupiter.api.extension.ExtendWith(org.springframework.boot.test.system.OutputCaptureExtension.class)
    void droppingAGroupThatStillHasOpenTasksWarnsNamingThem(org.springframework.boot.test.system.CapturedOutput output) throws Exception {
        String yaml = Files.readString(Path.of("config/organizations/jiuting/organization.yaml")).replace("\n# 用户", """

                  - id: wenming
                    name: 文明办
                    type: UNIT
                    duties: 负责文明创建督查。

                # 用户""");
        seeder.apply(List.of(edited(yaml)));
        Task task = taskService.newTask();
        task.setName("整理文明创建台帐");
        task.setTenantId("jiuting");
        taskService.saveTask(task);
        taskService.addCandidateGroup(task.getId(), "wenming");
        try {
            seeder.apply(organizations.all());

            assertThat(identityService.createGroupQuery().groupId("wenming").count()).isZero();
            assertThat(output.getOut()).contains("组 wenming 已删除，但仍有 1 个进行中的任务以它为候选组（如：整理文明创建台帐）")
                    .contains("请办公室在任务列表中把它们转交给接手的单位");
        } finally {
            taskService.deleteTask(task.getId(), true);
        }
    }

    @Test
    void dueDateFiltersAreSavedOnlyWhenATaskOfTheirGroupCrossesTheirInstant() {
        Map<String, Integer> revisions = dueFilterRevisions();
        taskFilters.refreshDueFilters();
        seeder.apply(organizations.all());
        assertThat(dueFilterRevisions()).as("idle: no filter saved (before: every due filter every minute)").isEqualTo(revisions);

        String chengguanOverdue = records.filters(TaskFilterKind.OVERDUE).get("chengguan");
        String lvrongOverdue = records.filters(TaskFilterKind.OVERDUE).get("lvrong");
        Date shown = ((TaskQueryImpl) filterService.getFilter(chengguanOverdue).getQuery()).getDueBefore();
        Task task = taskService.newTask();
        task.setName("清理乱堆物");
        task.setTenantId("jiuting");
        task.setDueDate(new Date(shown.getTime() + 1));
        taskService.saveTask(task);
        taskService.addCandidateGroup(task.getId(), "chengguan");
        try {
            taskFilters.refreshDueFilters();
            Map<String, Integer> after = dueFilterRevisions();
            assertThat(((TaskQueryImpl) filterService.getFilter(chengguanOverdue).getQuery()).getDueBefore())
                    .as("the task is overdue now, so the filter must list it").isAfter(task.getDueDate());
            assertThat(after.get(lvrongOverdue)).isEqualTo(revisions.get(lvrongOverdue));
            assertThat(after.entrySet().stream().filter(e -> !e.getValue().equals(revisions.get(e.getKey()))).count())
                    .as("only 城管中队's 已超期 and 即将到期 filters of the organisations that have one").isBetween(1L, 4L);
        } finally {
            taskService.deleteTask(task.getId(), true);
        }
    }

    @Test
    void anIdleRefreshOfTheDueFiltersCountsTasksOnceNotOncePerGroup() {
        taskFilters.refreshDueFilters();
        int dueFilters = records.filters(TaskFilterKind.OVERDUE).size() + records.filters(TaskFilterKind.DUE_SOON).size();
        StatementCounter.Counts before = StatementCounter.snapshot();

        taskFilters.refreshDueFilters();

        StatementCounter.Counts idle = StatementCounter.snapshot().minus(before);
        assertThat(dueFilters).isGreaterThan(200);
        assertThat(idle.of("select ACT_RU_TASK")).as("three counts over every task (before: one to three per group, %d filters)",
                dueFilters).isLessThanOrEqualTo(3);
        assertThat(idle.total()).as(idle.byKey().toString()).isLessThanOrEqualTo(6);
        assertThat(idle.writes()).isZero();
    }

    /**
     * Seeding an organisation that is not there yet (九亭: its groups, users, memberships, grants and filters), as the
     * start-up does, writes it in one command context: the groups and users just written are not read back for each
     * membership (before: one select of the user and one of the group per membership), and a grant is written once with
     * all its permissions (before: created, then updated for each supervising group). The other organisations are only
     * checked: one query per group, per user (its groups) and per organisation (its tenant).
     */
    @Test
    void seedingAnOrganisationWritesItWithoutReadingBackWhatItWrote() {
        List<Organization> all = organizations.all();
        List<Organization> withoutJiuting = all.stream().filter(o -> !o.id().equals("jiuting")).toList();
        fingerprints.whileSyncing(() -> {
            seeder.apply(withoutJiuting);
            return null;
        });
        assertThat(identityService.createGroupQuery().groupId("chengguan").count()).isZero();
        StatementCounter.Counts before = StatementCounter.snapshot();

        fingerprints.whileSyncing(() -> {
            seeder.apply(all);
            return null;
        });

        StatementCounter.Counts seeded = StatementCounter.snapshot().minus(before);
        int groups = all.stream().mapToInt(o -> o.groups().size()).sum();
        int users = all.stream().mapToInt(o -> o.users().size()).sum();
        assertThat(identityService.createUserQuery().userId("chengguan1").memberOfGroup("chengguan").count()).isEqualTo(1);
        assertThat(filterService.createTaskFilterQuery().filterName("本单位待办（城管中队）").count()).isEqualTo(2);
        String counted = seeded.byKey().toString();
        assertThat(seeded.of("update ACT_RU_AUTHORIZATION")).as(counted).isZero();
        assertThat(seeded.of("select ACT_ID_USER")).as(counted).isLessThanOrEqualTo(users + 5);
        assertThat(seeded.of("select ACT_ID_GROUP")).as(counted).isLessThanOrEqualTo(groups + users + all.size() + 5);
        // H2, 19 organisations (108 groups, 114 users), 九亭 new: 1,740 statements, of which 1,318 writes.
        assertThat(seeded.total()).as(counted).isLessThanOrEqualTo(1_800);
    }

    /**
     * A restart with nothing changed skips the seeding (a change made behind the engine, in the database, stays) yet
     * keeps the administrator; a group or authorization deleted through the engine (as in Admin) is back after the next
     * restart; {@code shirong.startup.full-sync} repairs what was changed behind the engine.
     */
    @Test
    void aRestartWithNothingChangedSkipsTheSeedingButNotAfterAChangeThroughTheEngine() {
        String database = "jdbc:h2:mem:shirong-restart-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        try (var first = start(database)) {
            assertThat(first.getBean(JdbcTemplate.class).queryForObject("select count(*) from startup_fingerprint", Integer.class))
                    .as("stored after the complete synchronisation").isEqualTo(1);
            JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
            jdbc.update("update ACT_ID_GROUP set NAME_ = ? where ID_ = ?", "改在数据库中", "chengguan");
            jdbc.update("delete from ACT_ID_MEMBERSHIP where USER_ID_ = ? and GROUP_ID_ = ?", "admin", "camunda-admin");
        }
        try (var second = start(database)) {
            IdentityService identity = second.getBean(IdentityService.class);
            assertThat(identity.createGroupQuery().groupId("chengguan").singleResult().getName())
                    .as("not seeded again: nothing changed through the engine").isEqualTo("改在数据库中");
            assertThat(identity.createUserQuery().userId("admin").memberOfGroup("camunda-admin").count())
                    .as("the administrator is kept at every start").isEqualTo(1);

            // As an administrator would in Admin: delete a seeded group and one of another group's grants.
            identity.deleteGroup("lvrong");
            AuthorizationService authorizations = second.getBean(AuthorizationService.class);
            Authorization grant = chengguanTasklistGrant(authorizations);
            authorizations.deleteAuthorization(grant.getId());
            assertThat(second.getBean(JdbcTemplate.class).queryForObject("select count(*) from startup_fingerprint", Integer.class))
                    .isZero();
        }
        try (var third = start(database)) {
            IdentityService identity = third.getBean(IdentityService.class);
            assertThat(identity.createGroupQuery().groupId("lvrong").singleResult().getName()).isEqualTo("绿容所");
            assertThat(identity.createUserQuery().userId("lvrong1").memberOfGroup("lvrong").count()).isEqualTo(1);
            assertThat(chengguanTasklistGrant(third.getBean(AuthorizationService.class))).isNotNull();
            assertThat(identity.createGroupQuery().groupId("chengguan").singleResult().getName()).isEqualTo("城管中队");
            third.getBean(JdbcTemplate.class).update("update ACT_ID_GROUP set NAME_ = ? where ID_ = ?", "又改在数据库中", "chengguan");
        }
        try (var forced = start(database, "--shirong.startup.full-sync=true")) {
            assertThat(forced.getBean(IdentityService.class).createGroupQuery().groupId("chengguan").singleResult().getName())
                    .isEqualTo("城管中队");
        }
    }

    /**
     * A change made through the engine on another thread while the start-up's synchronisation runs (at start-up it spans
     * the deployments; an administrator in Admin) forgets the fingerprint: the synchronisation then does not store one,
     * so the next start synchronises everything; without such a change it does.
     */
    @Test
    void aChangeThroughTheEngineWhileTheSynchronisationRunsLeavesNoFingerprint() {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.update("delete from startup_fingerprint");
        try {
            fingerprints.whileSyncing(() -> {
                java.util.concurrent.CompletableFuture.runAsync(() -> identityService.saveGroup(
                        identityService.newGroup("madeinadminmeanwhile"))).join();
                fingerprints.storeCurrent();
                return null;
            });
            assertThat(jdbc.queryForObject("select count(*) from startup_fingerprint", Integer.class)).isZero();
            fingerprints.whileSyncing(() -> {
                fingerprints.storeCurrent();
                return null;
            });
            assertThat(jdbc.queryForObject("select count(*) from startup_fingerprint", Integer.class)).isOne();
        } finally {
            identityService.deleteGroup("madeinadminmeanwhile");
        }
    }

    private static Authorization chengguanTasklistGrant(AuthorizationService authorizations) {
        return authorizations.createAuthorizationQuery().groupIdIn("chengguan").resourceType(Resources.APPLICATION)
                .resourceId("tasklist").singleResult();
    }

    private static ConfigurableApplicationContext start(String database, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("--server.port=0", "--spring.datasource.url=" + database,
                "--camunda.bpm.generate-unique-process-engine-name=true", "--camunda.bpm.job-execution.enabled=false",
                "--shirong.organizations.active=jiuting"));
        args.addAll(List.of(more));
        return new SpringApplicationBuilder(ShirongApplication.class).profiles("test").run(args.toArray(String[]::new));
    }

    private Map<String, Integer> dueFilterRevisions() {
        Map<String, Integer> revisions = new HashMap<>();
        for (TaskFilterKind kind : List.of(TaskFilterKind.OVERDUE, TaskFilterKind.DUE_SOON)) {
            records.filters(kind).values().forEach(id -> revisions.put(id, ((FilterEntity) filterService.getFilter(id)).getRevision()));
        }
        return revisions;
    }
}
