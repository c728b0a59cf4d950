package org.shirong.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.digest.Sha512HashDigest;
import org.camunda.bpm.engine.impl.util.EncryptionUtil;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** The production profile on a real PostgreSQL 17: deploys and seeds, restarts cleanly, and refuses to start without a proper admin password. */
class PostgresStartTest {

    private static final String ADMIN_PASSWORD = ShirongOnPostgres.ADMIN_PASSWORD;
    private static EmbeddedPostgres postgres;

    @BeforeAll
    static void startPostgres() throws IOException {
        postgres = EmbeddedPostgres.builder().setServerConfig("shared_preload_libraries", "pg_stat_statements").start();
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        postgres.close();
    }

    private static ConfigurableApplicationContext start(String adminPassword) {
        return ShirongOnPostgres.start(postgres, adminPassword);
    }

    /** Also: a restart on a database that still has the demo's passwords replaces them ({@code LeftoverDemoPasswords}). */
    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void startsDeploysAndSeedsWithoutDemoPasswordsAndRestartsWithoutNewVersions(CapturedOutput output) {
        long definitions;
        try (var context = start(ADMIN_PASSWORD)) {
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForObject("select version()", String.class)).startsWith("PostgreSQL 17");
            RepositoryService repository = context.getBean(RepositoryService.class);
            assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("WorkAssignmentProcess").tenantIdIn("jiuting").count())
                    .isEqualTo(1);
            assertThat(repository.getDeploymentResourceNames(repository.createDeploymentQuery().tenantIdIn("jiuting").singleResult().getId()))
                    .contains("forms/WorkAssignmentHandle.html", "processes/WorkAssignmentProcess.bpmn");
            definitions = repository.createProcessDefinitionQuery().count();

            IdentityService identity = context.getBean(IdentityService.class);
            assertThat(identity.createGroupQuery().groupId("chengguan").singleResult().getName()).isEqualTo("城管中队");
            assertThat(identity.checkPassword("chengguan1", "demo")).isFalse();
            assertThat(identity.checkPassword("admin", ADMIN_PASSWORD)).isTrue();
            assertThat(identity.checkPassword("admin", "admin")).isFalse();
            assertThat(jdbc.queryForObject("select PWD_ from ACT_ID_USER where ID_ = 'admin'", String.class))
                    .as("a password a person chose, at full strength").startsWith("{PBKDF2}210000$");
            assertThat(jdbc.queryForObject("select PWD_ from ACT_ID_USER where ID_ = 'chengguan1'", String.class))
                    .as("a seeded user's random password, with few rounds").startsWith("{PBKDF2}1000$");
            assertThat(identity.checkPassword("recoveryadmin", ShirongOnPostgres.RECOVERY_PASSWORD)).isTrue();
            assertThat(identity.createUserQuery().userId("recoveryadmin").memberOfGroup("camunda-admin").count()).isEqualTo(1);
            assertThat(jdbc.queryForObject("select count(*) from org_unit", Integer.class)).isGreaterThan(20);

            // As a database first started as the demo has them (behind the engine's back, as the demo run left them): the
            // demo run's few PBKDF2 rounds, or an older demo run's SHA-512.
            Pbkdf2PasswordEncryptor demoRun = new Pbkdf2PasswordEncryptor(1000);
            Sha512HashDigest olderDemoRun = new Sha512HashDigest();
            for (String[] user : new String[][] {{"admin", "admin"}, {"chengguan1", "demo"}, {"lvrong1", "demo"}}) {
                String salt = jdbc.queryForObject("select SALT_ from ACT_ID_USER where ID_ = ?", String.class, user[0]);
                String salted = EncryptionUtil.saltPassword(user[1], salt);
                jdbc.update("update ACT_ID_USER set PWD_ = ? where ID_ = ?", user[0].equals("lvrong1")
                        ? "{SHA-512}" + olderDemoRun.encrypt(salted) : "{PBKDF2}" + demoRun.encrypt(salted), user[0]);
            }
        }
        int outputBefore = output.getOut().length();
        try (var context = start(ADMIN_PASSWORD)) {
            RepositoryService repository = context.getBean(RepositoryService.class);
            assertThat(repository.createDeploymentQuery().tenantIdIn("jiuting").count()).as("one deployment per organisation").isEqualTo(1);
            assertThat(repository.createProcessDefinitionQuery().count()).isEqualTo(definitions);
            IdentityService identity = context.getBean(IdentityService.class);
            assertThat(identity.createUserQuery().userId("chengguan1").count()).isEqualTo(1);

            assertThat(identity.checkPassword("admin", "admin")).as("the demo's admin/admin is gone").isFalse();
            assertThat(identity.checkPassword("admin", ADMIN_PASSWORD)).as("the configured one instead").isTrue();
            assertThat(identity.checkPassword("chengguan1", "demo")).as("and every user's demo").isFalse();
            assertThat(identity.checkPassword("lvrong1", "demo")).isFalse();
            assertThat(output.getOut().substring(outputBefore).lines().filter(line -> line.contains("演示密码")))
                    .singleElement().asString().contains("WARN", "admin", "chengguan1", "lvrong1").doesNotContain("chengguan2");
        }
    }

    /**
     * The engine sends the new rows of one flush as a JDBC batch; the production profile has the driver send such a batch
     * as one multi-row INSERT, a batch of three rows (which the driver would split into two) goes as one too, and the
     * variables deleted as an instance ends go as one delete ({@link CombinedBatches}; issue 13, W1: statements per case),
     * which PostgreSQL records as one statement each.
     */
    @Test
    void theEnginesBatchesReachPostgresAsOneStatementEach() {
        JdbcTemplate admin = new JdbcTemplate(postgres.getPostgresDatabase());
        admin.execute("create extension if not exists pg_stat_statements");
        admin.execute("select pg_stat_statements_reset()");
        try (var context = start(ADMIN_PASSWORD)) {
            RepositoryService repository = context.getBean(RepositoryService.class);
            String deployment = repository.createDeployment().name("rewrite-check").addString("a.txt", "a").addString("b.txt", "b")
                    .addModelInstance("combine-check.bpmn", Bpmn.createExecutableProcess("combineCheck").camundaHistoryTimeToLive(1)
                            .startEvent().userTask("wait").endEvent().done())
                    .deploy().getId();
            String instance = context.getBean(RuntimeService.class)
                    .startProcessInstanceByKey("combineCheck", Map.of("a", "1", "b", "2", "c", "3")).getId();
            TaskService tasks = context.getBean(TaskService.class);
            tasks.complete(tasks.createTaskQuery().processInstanceId(instance).singleResult().getId());
            repository.deleteDeployment(deployment, true);
            List<String> ran = admin.queryForList("select query from pg_stat_statements", String.class);
            assertThat(ran).as("the engine's inserts as PostgreSQL ran them")
                    .anySatisfy(query -> assertThat(query).containsPattern("(?is)^\\s*insert into ACT_.*values\\s*\\(.*\\)\\s*,\\s*\\("))
                    .anySatisfy(query -> assertThat(query).containsPattern(
                            "(?is)^\\s*insert into ACT_RU_VARIABLE.*values\\s*\\(.*\\)\\s*,\\s*\\(.*\\)\\s*,\\s*\\("));
            assertThat(ran).as("the engine's deletes as PostgreSQL ran them").anySatisfy(query -> assertThat(query)
                    .containsPattern("(?is)^\\s*delete from ACT_RU_VARIABLE where \\(ID_, REV_\\) in \\(.*returning"));
        }
    }

    @Test
    void refusesToStartWithoutAnAdminPassword() {
        assertThatThrownBy(() -> start(null).close())
                .isInstanceOf(StartupRefusedException.class)
                .hasMessageContaining("未设置管理员密码")
                .satisfies(e -> assertThat(((StartupRefusedException) e).action()).contains("SHIRONG_ADMIN_PASSWORD"));
    }

    @Test
    void refusesToStartWithoutARecoveryAdministrator() {
        assertThatThrownBy(() -> ShirongOnPostgres.start(postgres, ADMIN_PASSWORD, null).close())
                .isInstanceOf(StartupRefusedException.class)
                .hasMessageContaining("未设置恢复管理员密码")
                .satisfies(e -> assertThat(((StartupRefusedException) e).action()).contains("SHIRONG_RECOVERY_ADMIN_PASSWORD"));
    }

    @Test
    void theRecoveryAdministratorsPasswordIsResetFromTheEnvironmentAtEveryStart() {
        String newPassword = "Xinqiao#2026-Again";
        try (var context = ShirongOnPostgres.start(postgres, ADMIN_PASSWORD, newPassword)) {
            IdentityService identity = context.getBean(IdentityService.class);
            assertThat(identity.checkPassword("recoveryadmin", newPassword)).isTrue();
            assertThat(identity.checkPassword("recoveryadmin", ShirongOnPostgres.RECOVERY_PASSWORD)).isFalse();
        }
    }

    @Test
    void refusesAWeakAdminPassword() {
        assertThatThrownBy(() -> start("admin").close())
                .isInstanceOf(StartupRefusedException.class)
                .hasMessageContaining("不符合密码策略：至少 10 个字符")
                .hasMessageContaining("不含用户名、姓名和邮箱")
                .hasMessageNotContaining("PASSWORD_POLICY");
    }
}
