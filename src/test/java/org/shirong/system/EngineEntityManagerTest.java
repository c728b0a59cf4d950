package org.shirong.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.persistence.entity.PropertyEntity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The entity manager Shirong installs for every command ({@link FilterCountCachePlugin}) checks a new entity's id as
 * Camunda does, building the message only for an invalid id: rows are written as before, and an invalid id fails with
 * the engine's own exception and message.
 */
@SharesJvm
class EngineEntityManagerTest {

    private final FilterCountCacheProperties settings = new FilterCountCacheProperties(Duration.ofSeconds(15), 100, 0, Duration.ofSeconds(5));
    private final FilterCountCache cache = new FilterCountCache(settings, System::nanoTime);
    private final ProcessEngine shirong = StandaloneEngines.inMemory("entity-manager",
            new FilterCountCachePlugin(cache, new FilterCountsAhead(cache, settings)));
    private final ProcessEngine bare = StandaloneEngines.inMemory("entity-manager-bare");

    @AfterEach
    void close() {
        shirong.close();
        bare.close();
    }

    @Test
    void everyCommandUsesItAndRowsAreWrittenAsBefore() {
        Command<DbEntityManager> session = context -> context.getSession(DbEntityManager.class);
        assertThat((Object) commands(shirong).execute(session)).isInstanceOf(EngineEntityManager.class);
        shirong.getIdentityService().saveUser(shirong.getIdentityService().newUser("demo"));
        commands(shirong).execute(context -> {
            context.getDbEntityManager().insert(new PropertyEntity("shirong.test", "1"));
            return null;
        });
        assertThat(shirong.getIdentityService().createUserQuery().userId("demo").count()).isEqualTo(1);
        assertThat(shirong.getManagementService().getProperties()).containsEntry("shirong.test", "1");
    }

    @Test
    void backgroundWorkGivesWayBeforeTheDirtyCheckTheOrderingAndEachPartOfAFlush() {
        int[] one = {0};
        ForegroundRequests.givingWay(() -> one[0]++, () -> commands(shirong).execute(context -> {
            context.getDbEntityManager().insert(new PropertyEntity("shirong.one", "1"));
            return null;
        }));
        assertThat(one[0]).as("dirty check, ordering, one part of 50").isEqualTo(3);
        int[] many = {0};
        ForegroundRequests.givingWay(() -> many[0]++, () -> commands(shirong).execute(context -> {
            for (int i = 0; i < 120; i++) {
                context.getDbEntityManager().insert(new PropertyEntity("shirong.many." + i, "1"));
            }
            return null;
        }));
        assertThat(many[0]).as("dirty check, ordering, three parts of 50").isEqualTo(5);
        assertThat(shirong.getManagementService().getProperties()).containsKeys("shirong.one", "shirong.many.119");
    }

    @Test
    void aReservedIdFailsAsInCamunda() {
        String camundas = refusal(bare);
        assertThat(camundas).contains("PropertyEntity").contains("* is a reserved identifier");
        assertThat(refusal(shirong)).isEqualTo(camundas);
        assertThat(shirong.getManagementService().getProperties()).doesNotContainKey("*");
    }

    private static String refusal(ProcessEngine engine) {
        Throwable[] thrown = new Throwable[1];
        assertThatThrownBy(() -> commands(engine).execute(context -> {
            context.getDbEntityManager().insert(new PropertyEntity("*", "1"));
            return null;
        })).isInstanceOf(ProcessEngineException.class).satisfies(t -> thrown[0] = t);
        return thrown[0].getMessage();
    }

    private static CommandExecutor commands(ProcessEngine engine) {
        return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired();
    }
}
