package org.shirong.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** When a kept filter count may be given again: same caller, nothing changed on this node, within the time to live. */
@SharesJvm
class FilterCountCacheTest {

    private final AtomicLong now = new AtomicLong();
    private final FilterCountCache cache = new FilterCountCache(new FilterCountCacheProperties(Duration.ofSeconds(15), 3, 2, Duration.ofSeconds(5)), now::get);

    private static FilterCountCache.Key key(String filterId, String userId, String... groups) {
        return new FilterCountCache.Key(filterId, userId, List.of(groups), List.of("jiuting"), true, true);
    }

    @Test
    void aCountIsGivenAgainToTheSameCallerOnly() {
        cache.store(key("f1", "chengguan2", "chengguan"), cache.generation(), 7);
        assertThat(cache.cached(key("f1", "chengguan2", "chengguan"))).isEqualTo(7L);
        assertThat(cache.cached(key("f1", "chengguan2", "chengguan", "lingdao"))).isNull();
        assertThat(cache.cached(key("f1", "lvrong1", "chengguan"))).isNull();
        assertThat(cache.cached(key("f2", "chengguan2", "chengguan"))).isNull();
    }

    @Test
    void anyChangeOnThisNodeDropsEveryCount() {
        cache.store(key("f1", "chengguan2", "chengguan"), cache.generation(), 7);
        cache.engineDataChanged();
        assertThat(cache.cached(key("f1", "chengguan2", "chengguan"))).isNull();
    }

    @Test
    void aCountReadWhileDataChangedIsNotKept() {
        long readAt = cache.generation();
        cache.engineDataChanged();
        cache.store(key("f1", "chengguan2", "chengguan"), readAt, 7);
        assertThat(cache.cached(key("f1", "chengguan2", "chengguan"))).isNull();
    }

    @Test
    void aCountIsReadAgainAfterTheTimeToLive() {
        cache.store(key("f1", "chengguan2", "chengguan"), cache.generation(), 7);
        now.addAndGet(Duration.ofSeconds(14).toNanos());
        assertThat(cache.cached(key("f1", "chengguan2", "chengguan"))).isEqualTo(7L);
        now.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThat(cache.cached(key("f1", "chengguan2", "chengguan"))).isNull();
    }

    @Test
    void atMostMaxEntriesAreKept() {
        for (int i = 0; i < 4; i++) {
            cache.store(key("f" + i, "chengguan2", "chengguan"), cache.generation(), i);
        }
        assertThat(cache.cached(key("f0", "chengguan2", "chengguan"))).isNull();
        assertThat(cache.cached(key("f3", "chengguan2", "chengguan"))).isEqualTo(3L);
    }

    @Test
    void aCallersOtherFiltersWhoseCountsChangedAreTheOnesToReadAgain() {
        cache.store(key("f1", "chengguan2", "chengguan"), cache.generation(), 7);
        cache.store(key("f2", "chengguan2", "chengguan"), cache.generation(), 8);
        cache.store(key("f3", "lvrong1", "lvrong"), cache.generation(), 9);
        assertThat(cache.outdatedOfSameCaller(key("f1", "chengguan2", "chengguan"))).as("nothing changed").isEmpty();
        cache.engineDataChanged();
        assertThat(cache.outdatedOfSameCaller(key("f1", "chengguan2", "chengguan")))
                .containsExactly(key("f2", "chengguan2", "chengguan"));
        assertThat(cache.outdatedOfSameCaller(key("f1", "chengguan2", "chengguan", "lingdao"))).as("other groups").isEmpty();
        cache.forget(key("f2", "chengguan2", "chengguan"));
        assertThat(cache.outdatedOfSameCaller(key("f1", "chengguan2", "chengguan"))).as("a filter forgotten").isEmpty();
    }

    /** A former assignee's grant taken back on a hand-over (NewTaskGrantsPlugin) changes that user's tasks only. */
    @Test
    void aFormerAssigneesGrantTakenBackIsAChangeOfHisTasksOnly() {
        String statement = "org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity.deleteAuthorizationsForResourceIdAndUserId";
        int task = org.camunda.bpm.engine.authorization.Resources.TASK.resourceType();
        assertThat(TaskDataWrites.usersOnly(statement, java.util.Map.of("resourceType", task, "resourceId", "t1", "userId", "ducha2")))
                .isEqualTo(new FilterCountCache.TaskUsers("t1", java.util.Set.of("ducha2")));
        assertThat(TaskDataWrites.usersOnly(statement, java.util.Map.of("resourceType", task, "resourceId", "*", "userId", "ducha2")))
                .as("every task").isNull();
        assertThat(TaskDataWrites.usersOnly(statement, java.util.Map.of("resourceType", 0, "resourceId", "t1", "userId", "ducha2")))
                .as("not a task").isNull();
    }

    @Test
    void writesToTablesTaskQueriesReadAreRecognisedByTheirMapping() {
        assertThat(TaskDataWrites.readByTaskQueries("org.camunda.bpm.engine.impl.persistence.entity.TaskEntity.updateTask")).isTrue();
        assertThat(TaskDataWrites.readByTaskQueries("org.camunda.bpm.engine.impl.persistence.entity.IdentityLinkEntity.deleteIdentityLink")).isTrue();
        assertThat(TaskDataWrites.readByTaskQueries("org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity.insertAuthorization")).isTrue();
        assertThat(TaskDataWrites.readByTaskQueries("org.camunda.bpm.engine.impl.persistence.entity.JobEntity.updateJob")).isFalse();
        assertThat(TaskDataWrites.readByTaskQueries("org.camunda.bpm.engine.impl.persistence.entity.HistoricTaskInstanceEntity.insertHistoricTaskInstanceEvent")).isFalse();
    }

    @Test
    void aCountOfAFilterThatDoesNotLookAtAssigneesOutlivesAClaimThatCannotChangeWhatItsCallerSees() {
        List<FilterCountCache.TaskUsers> judged = new java.util.ArrayList<>();
        cache.keepAcrossAssignments(new AssignmentFreeFilters(id -> id.equals("unit")
                ? "{\"candidateGroup\":\"chengguan\",\"includeAssignedTasks\":true}" : "{\"assigneeExpression\":\"${currentUser()}\"}"),
                (caller, change) -> {
                    judged.add(change);
                    return change.userIds().contains(caller.userId());
                });
        cache.store(key("unit", "chengguan2", "chengguan"), cache.generation(), 7);
        cache.store(key("mine", "chengguan2", "chengguan"), cache.generation(), 1);
        cache.store(key("unit", "chengguan3", "chengguan"), cache.generation(), 7);

        cache.taskUsersChanged(List.of(new FilterCountCache.TaskUsers("task-1", java.util.Set.of("chengguan3"))));

        assertThat(cache.cached(key("unit", "chengguan2", "chengguan"))).as("another user's claim").isEqualTo(7L);
        assertThat(cache.cached(key("mine", "chengguan2", "chengguan"))).as("a filter looking at assignees").isNull();
        assertThat(cache.cached(key("unit", "chengguan3", "chengguan"))).as("the judge says it may change").isNull();
        assertThat(cache.cached(key("unit", "chengguan2", "chengguan"))).isEqualTo(7L);
        assertThat(judged).as("each caller judged once per change").hasSize(2);
        assertThat(cache.outdatedOfSameCaller(key("mine", "chengguan2", "chengguan"))).as("nothing to read ahead").isEmpty();

        cache.engineDataChanged();
        assertThat(cache.cached(key("unit", "chengguan2", "chengguan"))).as("then anything else").isNull();
    }

    @Test
    void withoutAJudgeOrAfterAChangeNotRecordedEveryCountIsDropped() {
        cache.store(key("unit", "chengguan2", "chengguan"), cache.generation(), 7);
        cache.taskUsersChanged(List.of(new FilterCountCache.TaskUsers("task-1", java.util.Set.of("chengguan3"))));
        assertThat(cache.cached(key("unit", "chengguan2", "chengguan"))).as("no filter known free of assignees").isNull();

        cache.keepAcrossAssignments(new AssignmentFreeFilters(id -> "{\"candidateGroup\":\"chengguan\",\"includeAssignedTasks\":true}"),
                (caller, change) -> false);
        cache.store(key("unit", "chengguan2", "chengguan"), cache.generation(), 7);
        now.addAndGet(Duration.ofSeconds(16).toNanos());
        cache.store(key("unit", "chengguan2", "chengguan"), cache.generation(), 8);
        cache.taskUsersChanged(List.of(new FilterCountCache.TaskUsers("task-1", java.util.Set.of("chengguan3"))));
        assertThat(cache.cached(key("unit", "chengguan2", "chengguan"))).isEqualTo(8L);
        now.addAndGet(Duration.ofSeconds(16).toNanos());
        assertThat(cache.cached(key("unit", "chengguan2", "chengguan"))).as("the time to live still holds").isNull();
    }

    @Test
    void changesOfTasksUsersAreKeptForTheTimeToLiveOnly() {
        cache.keepAcrossAssignments(new AssignmentFreeFilters(id -> "{\"candidateGroup\":\"chengguan\",\"includeAssignedTasks\":true}"),
                (caller, change) -> false);
        for (int i = 0; i < 5; i++) {
            cache.taskUsersChanged(List.of(new FilterCountCache.TaskUsers("task-" + i, java.util.Set.of("chengguan3"))));
            now.addAndGet(Duration.ofSeconds(2).toNanos());
        }
        cache.store(key("unit", "chengguan2", "chengguan"), cache.generation(), 7);
        now.addAndGet(Duration.ofSeconds(6).toNanos());
        // at 16 s: the first change (at 0 s) is older than the time to live, the others (2 … 8 s) are not
        cache.taskUsersChanged(List.of(new FilterCountCache.TaskUsers("task-5", java.util.Set.of("chengguan3"))));
        assertThat(cache.usersChangesKept()).isEqualTo(5);
        assertThat(cache.cached(key("unit", "chengguan2", "chengguan"))).as("read after four kept changes, before the new one").isEqualTo(7L);

        now.addAndGet(Duration.ofSeconds(30).toNanos());
        cache.taskUsersChanged(List.of(new FilterCountCache.TaskUsers("task-6", java.util.Set.of("chengguan3"))));
        assertThat(cache.usersChangesKept()).as("only the newest").isEqualTo(1);
    }
}
