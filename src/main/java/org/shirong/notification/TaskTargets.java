package org.shirong.notification;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Component;

/**
 * What a notification link about a business key opens for its reader: the reader's open task of that
 * process (one assigned to the reader first, then one nobody has claimed yet, then any other), shown in a
 * Tasklist filter of the reader that holds it, so that Tasklist lists it beside the form. A key that is no business key
 * of an open task is tried as a case number whose 协办 the reader records ({@code caseNo/unit}), then taken as a process instance's id (a notice about one task of a campaign, or a 工作交办 started
 * without a business key). Runs as the
 * logged-in caller: the engine's authorizations decide which filters and tasks count.
 */
@Component
class TaskTargets {

    /** The task to open and the filter to show it in; both null when the reader has no task of it. */
    record Target(String businessKey, String task, String taskName, String filter) {
    }

    // The engine refuses unbounded queries (queryMaxResultsLimit); a user has a handful of filters, a case few open tasks.
    private static final int MAX_FILTERS = 200;
    private static final int MAX_TASKS = 50;

    private final FilterService filterService;
    private final TaskService taskService;

    TaskTargets(FilterService filterService, TaskService taskService) {
        this.filterService = filterService;
        this.taskService = taskService;
    }

    Target of(String businessKey, String userId) {
        List<Filter> filters = filterService.createTaskFilterQuery().listPage(0, MAX_FILTERS).stream()
                .sorted(Comparator.comparingInt(TaskTargets::priority)).toList();
        Target target = of(businessKey, userId, filters, taskService.createTaskQuery().processInstanceBusinessKey(businessKey).active());
        if (target.task() == null && isCaseNumber(businessKey)) {
            target = of(businessKey, userId, filters,
                    taskService.createTaskQuery().processInstanceBusinessKeyLike(businessKey + "/%").active());
        }
        return target.task() != null ? target
                : of(businessKey, userId, filters, taskService.createTaskQuery().processInstanceId(businessKey).active());
    }

    /**
     * A bare key with no wildcard of a LIKE in it (JX-2026-000006): a case's 协办 runs under {@code caseNo/unit}, so a case
     * number alone, as people pass it on, also finds the caller's 记录协办情况 (jxreview-s60 J9: a link copied from the lead
     * unit's message found nothing for the 协办 unit).
     */
    private static boolean isCaseNumber(String key) {
        return key.chars().noneMatch(ch -> ch == '/' || ch == '%' || ch == '_' || ch == '\\');
    }

    private Target of(String businessKey, String userId, List<Filter> filters, TaskQuery query) {
        Task best = null;
        String bestFilter = null;
        for (Filter filter : filters) {
            List<Task> tasks = filterService.listPage(filter.getId(), query, 0, MAX_TASKS);
            for (Task task : tasks) {
                if (best == null || rank(task, userId) < rank(best, userId)) {
                    best = task;
                    bestFilter = filter.getId();
                }
            }
        }
        return best == null ? new Target(businessKey, null, null, null)
                : new Target(businessKey, best.getId(), best.getName(), bestFilter);
    }

    private static int rank(Task task, String userId) {
        if (userId.equals(task.getAssignee())) {
            return 0;
        }
        return task.getAssignee() == null ? 1 : 2;
    }

    private static int priority(Filter filter) {
        Map<String, Object> properties = filter.getProperties();
        Object priority = properties == null ? null : properties.get("priority");
        return priority instanceof Number number ? number.intValue() : Integer.MAX_VALUE;
    }
}
