package org.shirong.organization;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The Tasklist filters of each group (本单位待办, 即将到期, 已超期) and each user (我的待办), readable only
 * by their group or user. Expressions in stored queries are switched off (see RELIABILITY.md), so
 * the two due-date filters hold fixed instants that {@link #refreshDueFilters()} moves forward when a task crosses one.
 */
@Component
class TaskFilters {

    private static final Logger LOG = LoggerFactory.getLogger(TaskFilters.class);

    private final FilterService filterService;
    private final TaskService taskService;
    private final OrganizationRecords records;
    private final AccessAuthorizations authorizations;
    private final Duration dueSoonWindow;
    private final Clock clock;
    // The instant each due filter was last saved with on this node.
    private final Map<String, Instant> shownAt = new ConcurrentHashMap<>();

    TaskFilters(FilterService filterService, TaskService taskService, OrganizationRecords records,
            AccessAuthorizations authorizations, @Value("${shirong.filters.due-soon-window}") Duration dueSoonWindow) {
        this.filterService = filterService;
        this.taskService = taskService;
        this.records = records;
        this.authorizations = authorizations;
        this.dueSoonWindow = dueSoonWindow;
        this.clock = Clock.systemDefaultZone();
    }

    /**
     * Creates the filters that are missing, deletes those whose group or user is gone and puts each group's filters in
     * their place in the list ({@link #priority}: a filter saved before keeps its query and name).
     */
    void sync(List<Organization> organizations) {
        Map<String, String> groupNames = new HashMap<>();
        Set<String> leadingGroups = new java.util.HashSet<>();
        Set<String> userIds = new java.util.HashSet<>();
        for (Organization organization : organizations) {
            organization.groups().forEach(g -> {
                groupNames.put(g.id(), g.name());
                if (g.type() == GroupType.LEADING_GROUP) {
                    leadingGroups.add(g.id());
                }
            });
            organization.users().forEach(u -> userIds.add(u.id()));
        }
        Map<String, Filter> stored = null;
        for (TaskFilterKind kind : TaskFilterKind.values()) {
            Set<String> owners = kind.perUser() ? userIds : groupNames.keySet();
            Map<String, String> existing = records.filters(kind);
            existing.forEach((owner, filterId) -> {
                if (!owners.contains(owner)) {
                    filterService.deleteFilter(filterId);
                    records.removeFilter(filterId);
                }
            });
            for (String owner : owners) {
                int priority = priority(kind, leadingGroups.contains(owner));
                String filterId = existing.get(owner);
                if (filterId == null) {
                    create(kind, owner, groupNames.get(owner), priority);
                    continue;
                }
                if (stored == null) {
                    stored = new HashMap<>();
                    for (Filter f : filterService.createTaskFilterQuery().list()) {
                        stored.put(f.getId(), f);
                    }
                }
                Filter filter = stored.get(filterId);
                if (filter != null && !Integer.valueOf(priority).equals(filter.getProperties() == null ? null
                        : filter.getProperties().get("priority"))) {
                    Map<String, Object> properties = new HashMap<>(filter.getProperties() == null ? Map.of() : filter.getProperties());
                    properties.put("priority", priority);
                    filter.setProperties(properties);
                    filterService.saveFilter(filter);
                }
            }
        }
    }

    /**
     * Where a filter stands in Tasklist's list (by this number, smaller first): 我的待办, then each kind's filters, those of
     * a leading group after the others of that kind. A unit head who also sits in the leading group (九亭: every unit's head)
     * sees 本单位待办（环卫所） first, his unit's list, and the leading group's, mostly empty, after it (s53 T13).
     */
    static int priority(TaskFilterKind kind, boolean leadingGroup) {
        return leadingGroup ? kind.priority + 1 : kind.priority;
    }

    private void create(TaskFilterKind kind, String owner, String groupName, int priority) {
        String name = kind.perUser() ? kind.label : kind.label + "（" + groupName + "）";
        Filter filter = filterService.newTaskFilter(name);
        filter.setProperties(Map.of(
                "description", kind.description,
                "color", kind.color,
                "priority", priority,
                "refresh", true));
        Instant now = clock.instant();
        filter.setQuery(query(kind, owner, now));
        filterService.saveFilter(filter);
        shownAt.put(filter.getId(), now);
        records.addFilter(filter.getId(), kind, owner);
        if (kind.perUser()) {
            authorizations.grantFilterRead(filter.getId(), null, owner);
        } else {
            authorizations.grantFilterRead(filter.getId(), owner, null);
        }
    }

    /**
     * Moves the instants of the 即将到期 and 已超期 filters to now, saving only the filters whose list would otherwise
     * differ from a fresh one: those of a group one of whose tasks has since crossed a boundary (due date passed or
     * entered the window, follow-up date passed). Idle, nothing is written, and the groups are not asked one by one:
     * one count over every task since the earliest filter's instant finds that none crossed (before: some 400 queries
     * at every start and every minute).
     */
    @Scheduled(initialDelayString = "${shirong.filters.refresh-interval}", fixedDelayString = "${shirong.filters.refresh-interval}")
    void refreshDueFilters() {
        Instant now = clock.instant();
        List<DueFilter> filters = dueFilters();
        Instant earliest = filters.stream().map(DueFilter::shown).filter(java.util.Objects::nonNull).min(Instant::compareTo)
                .orElse(now);
        boolean anyCrossed = earliest.isBefore(now) && crossed(TaskFilterKind.DUE_SOON, earliest, now, null);
        for (DueFilter filter : filters) {
            Instant shown = filter.shown();
            if (shown != null && (!shown.isBefore(now) || !anyCrossed || !crossed(filter.kind(), shown, now, filter.owner()))) {
                shownAt.put(filter.id(), shown);
            } else {
                save(filter.kind(), filter.owner(), filter.id(), now);
            }
        }
    }

    /** A due filter and the instant it shows (null: it must be saved); those not yet known here read in one query. */
    private record DueFilter(TaskFilterKind kind, String owner, String id, Instant shown) {
    }

    private List<DueFilter> dueFilters() {
        List<DueFilter> filters = new java.util.ArrayList<>();
        Map<String, Filter> stored = null;
        for (TaskFilterKind kind : TaskFilterKind.values()) {
            if (!kind.dueBased()) {
                continue;
            }
            for (Map.Entry<String, String> owned : records.filters(kind).entrySet()) {
                String filterId = owned.getValue();
                Instant shown = shownAt.get(filterId);
                if (shown == null) {
                    if (stored == null) {
                        stored = new HashMap<>();
                        for (Filter f : filterService.createTaskFilterQuery().list()) {
                            stored.put(f.getId(), f);
                        }
                    }
                    Filter filter = stored.get(filterId);
                    if (filter == null) {
                        continue;
                    }
                    shown = describedAsNow(filter, kind) ? instantOf(filter.getQuery(), kind) : null;
                }
                filters.add(new DueFilter(kind, owned.getKey(), filterId, shown));
            }
        }
        return filters;
    }

    /**
     * Whether a task of the group ({@code owner}; null: of any group) lies between the filter's list at {@code shown}
     * and the list at {@code now}.
     */
    private boolean crossed(TaskFilterKind kind, Instant shown, Instant now, String owner) {
        // One second either side: a task counted twice costs one save, one missed a wrong list.
        Date from = Date.from(shown.minusSeconds(1));
        Date to = Date.from(now.plusSeconds(1));
        return switch (kind) {
            case OVERDUE -> groupTasks(owner).dueAfter(from).dueBefore(to).count() > 0;
            case DUE_SOON -> groupTasks(owner).dueAfter(from).dueBefore(to).count() > 0
                    || groupTasks(owner).dueAfter(Date.from(shown.plus(dueSoonWindow).minusSeconds(1)))
                            .dueBefore(Date.from(now.plus(dueSoonWindow).plusSeconds(1))).count() > 0
                    || groupTasks(owner).followUpAfter(from).followUpBefore(to).count() > 0;
            default -> false;
        };
    }

    private TaskQuery groupTasks(String owner) {
        return owner == null ? taskService.createTaskQuery() : taskService.createTaskQuery().taskCandidateGroup(owner).includeAssignedTasks();
    }

    private void save(TaskFilterKind kind, String owner, String filterId, Instant now) {
        Filter filter = filterService.getFilter(filterId);
        if (filter == null) {
            return;
        }
        filter.setQuery(query(kind, owner, now));
        // Filters saved by an older version keep their description otherwise.
        Map<String, Object> properties = new HashMap<>(filter.getProperties() == null ? Map.of() : filter.getProperties());
        properties.put("description", kind.description);
        filter.setProperties(properties);
        try {
            filterService.saveFilter(filter);
            shownAt.put(filterId, now);
        } catch (OptimisticLockingException concurrentRefresh) {
            LOG.debug("过滤器 {} 已由其他节点刷新", filterId);
            shownAt.remove(filterId);
        }
    }

    private static boolean describedAsNow(Filter filter, TaskFilterKind kind) {
        return filter.getProperties() != null && kind.description.equals(filter.getProperties().get("description"));
    }

    /** The instant a stored due filter was computed at: 已超期's due-before, 即将到期's due-after. */
    private static Instant instantOf(Object storedQuery, TaskFilterKind kind) {
        if (!(storedQuery instanceof TaskQueryImpl query)) {
            return null;
        }
        Date at = kind == TaskFilterKind.OVERDUE ? query.getDueBefore() : query.getDueAfter();
        return at == null ? null : at.toInstant();
    }

    private TaskQuery query(TaskFilterKind kind, String owner, Instant now) {
        TaskQuery query = taskService.createTaskQuery();
        switch (kind) {
            case MINE -> query.taskAssignee(owner);
            case UNIT -> query.taskCandidateGroup(owner).includeAssignedTasks();
            // 黄灯 as the list shows it: not yet due, and due within the window or past its follow-up date (a case's
            // 80 % instant, set by the rectification process's task listener).
            case DUE_SOON -> query.taskCandidateGroup(owner).includeAssignedTasks().dueAfter(Date.from(now))
                    .or().dueBefore(Date.from(now.plus(dueSoonWindow))).followUpBefore(Date.from(now)).endOr();
            case OVERDUE -> query.taskCandidateGroup(owner).includeAssignedTasks().dueBefore(Date.from(now));
        }
        return query.orderByDueDate().asc();
    }
}
