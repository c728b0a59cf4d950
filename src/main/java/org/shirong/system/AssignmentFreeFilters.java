package org.shirong.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Which saved task filters count the same whoever a task is assigned to: every criterion of the stored query (and of
 * each of its "or" parts) is one that does not look at assignees, and candidate criteria include assigned tasks (without
 * that, the engine adds {@code ASSIGNEE_ is null}). Any other criterion, one unknown here included, makes a filter
 * count again after every claim. 本单位待办, 即将到期 and 已超期 are such filters; 我的待办 is not.
 */
class AssignmentFreeFilters {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> ASSIGNMENT_FREE_CRITERIA = Set.of("candidateGroup", "candidateGroups",
            "includeAssignedTasks", "due", "dueAfter", "dueBefore", "withoutDueDate", "followUp", "followUpAfter",
            "followUpBefore", "followUpNullAccepted", "tenantIds", "withoutTenantId", "processDefinitionKey",
            "processDefinitionKeys", "key", "keys", "name", "nameLike", "priority", "minPriority", "maxPriority",
            "active", "suspended", "created", "createdAfter", "createdBefore", "orderingProperties", "orQueries");
    private static final Set<String> CANDIDATE_CRITERIA = Set.of("candidateGroup", "candidateGroups");

    private final Function<String, String> storedQuery;
    private final Map<String, Boolean> known = new ConcurrentHashMap<>();
    private final AtomicLong filterChanges = new AtomicLong();

    /** {@code storedQuery}: a filter's query as the engine stores it (JSON), null for no such filter. */
    AssignmentFreeFilters(Function<String, String> storedQuery) {
        this.storedQuery = storedQuery;
    }

    boolean assignmentFree(String filterId) {
        Boolean free = known.get(filterId);
        if (free != null) {
            return free;
        }
        long changesBefore = filterChanges.get();
        String query = storedQuery.apply(filterId);
        free = query != null && assignmentFreeQuery(query);
        if (filterChanges.get() == changesBefore) {
            known.put(filterId, free);
        }
        return free;
    }

    /** A filter was created, changed or deleted: read each filter's query again. */
    void filtersChanged() {
        filterChanges.incrementAndGet();
        known.clear();
    }

    static boolean assignmentFreeQuery(String json) {
        try {
            return assignmentFree(JSON.readTree(json));
        } catch (java.io.IOException unreadable) {
            return false;
        }
    }

    private static boolean assignmentFree(JsonNode query) {
        if (!query.isObject()) {
            return false;
        }
        boolean candidates = false;
        for (Iterator<String> names = query.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!ASSIGNMENT_FREE_CRITERIA.contains(name)) {
                return false;
            }
            candidates |= CANDIDATE_CRITERIA.contains(name) && !query.get(name).isNull();
        }
        if (candidates && !query.path("includeAssignedTasks").asBoolean(false)) {
            return false;
        }
        for (JsonNode part : query.path("orQueries")) {
            if (!assignmentFree(part)) {
                return false;
            }
        }
        return true;
    }
}
