package org.shirong.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.json.JsonTaskQueryConverter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.junit.jupiter.api.Test;

/** Which stored filter queries count the same whoever holds a task, read as the engine stores them. */
@SharesJvm
class AssignmentFreeFiltersTest {

    private static boolean free(TaskQuery query) {
        return AssignmentFreeFilters.assignmentFreeQuery(new JsonTaskQueryConverter().toJson(query));
    }

    private static TaskQueryImpl query() {
        return new TaskQueryImpl();
    }

    @Test
    void aUnitsFiltersIncludingAssignedTasksAreFree() {
        assertThat(free(query().taskCandidateGroup("chengguan").includeAssignedTasks())).isTrue();
        assertThat(free(query().taskCandidateGroup("chengguan").includeAssignedTasks().dueAfter(new Date())
                .or().dueBefore(new Date()).followUpBefore(new Date()).endOr())).isTrue();
        assertThat(free(query().taskCandidateGroup("chengguan").includeAssignedTasks().dueBefore(new Date())
                .orderByDueDate().asc())).isTrue();
    }

    @Test
    void filtersLookingAtAssigneesAreNot() {
        assertThat(free(query().taskCandidateGroup("chengguan"))).as("candidates without assigned tasks").isFalse();
        assertThat(free(query().taskAssigneeExpression("${currentUser()}"))).isFalse();
        assertThat(free(query().taskAssignee("chengguan1"))).isFalse();
        assertThat(free(query().taskUnassigned())).isFalse();
        assertThat(free(query().taskInvolvedUser("chengguan1"))).isFalse();
        assertThat(free(query().taskCandidateUser("chengguan1").includeAssignedTasks())).as("a criterion not known here").isFalse();
        assertThat(free(query().taskCandidateGroup("chengguan").includeAssignedTasks().or().taskAssignee("chengguan1").endOr())).isFalse();
        assertThat(AssignmentFreeFilters.assignmentFreeQuery("not json")).isFalse();
    }

    @Test
    void aFiltersQueryIsReadOnceUntilAFilterChanges() {
        AtomicInteger reads = new AtomicInteger();
        AssignmentFreeFilters filters = new AssignmentFreeFilters(id -> {
            reads.incrementAndGet();
            return "{\"candidateGroup\":\"chengguan\",\"includeAssignedTasks\":true}";
        });
        assertThat(filters.assignmentFree("f1")).isTrue();
        assertThat(filters.assignmentFree("f1")).isTrue();
        assertThat(reads).hasValue(1);
        filters.filtersChanged();
        assertThat(filters.assignmentFree("f1")).isTrue();
        assertThat(reads).hasValue(2);
        assertThat(new AssignmentFreeFilters(id -> null).assignmentFree("gone")).isFalse();
    }
}
