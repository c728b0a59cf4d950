package org.shirong.system;

import java.lang.reflect.Field;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.AbstractQuery;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractExecuteFilterCmd;
import org.camunda.bpm.engine.impl.cmd.SaveFilterCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.FilterEntity;
import org.camunda.bpm.engine.query.Query;

/**
 * Refuses, before the engine runs them, queries that carry expressions: a task query itself, each
 * of its {@code orQueries} (which 7.24 CE does not validate: the 2026 advisory), the query a filter
 * execution extends its filter with, the filter's stored query (saved before this guard existed, or
 * written to the database directly), and the query of a filter being saved. It sees the query
 * object the engine built, so no spelling, escape or encoding of the request matters.
 * {@link QueryExpressionFreeExpressionManager} stops any path this misses.
 */
class QueryExpressionGuard extends CommandInterceptor {

    static final String MESSAGE = "查询中不允许使用表达式（${…} 或 #{…}）。";

    private static final Field EXTENDING_QUERY = CommandFields.of(AbstractExecuteFilterCmd.class, "extendingQuery");
    private static final Field FILTER_ID = CommandFields.of(AbstractExecuteFilterCmd.class, "filterId");
    private static final Field SAVED_FILTER = CommandFields.of(SaveFilterCmd.class, "filter");

    @Override
    public <T> T execute(Command<T> command) {
        if (command instanceof AbstractQuery<?, ?> query) {
            refuseExpressions(query);
        } else if (command instanceof AbstractExecuteFilterCmd) {
            refuseExpressions((Query<?, ?>) CommandFields.read(EXTENDING_QUERY, command));
            String filterId = (String) CommandFields.read(FILTER_ID, command);
            refuseExpressions(filterId == null ? null : next.execute(context -> {
                FilterEntity stored = context.getFilterManager().findFilterById(filterId);
                return stored == null ? null : stored.getQuery();
            }));
        } else if (command instanceof SaveFilterCmd) {
            Filter filter = (Filter) CommandFields.read(SAVED_FILTER, command);
            refuseExpressions(filter == null ? null : filter.getQuery());
        }
        return next.execute(command);
    }

    static void refuseExpressions(Query<?, ?> query) {
        if (!(query instanceof AbstractQuery<?, ?> abstractQuery)) {
            return;
        }
        if (!abstractQuery.getExpressions().isEmpty()) {
            throw new BadUserRequestException(MESSAGE);
        }
        if (query instanceof TaskQueryImpl taskQuery) {
            refuseOrQueryExpressions(taskQuery, Collections.newSetFromMap(new IdentityHashMap<>()));
        }
    }

    /** Every or-query, also one nested in an or-query (the REST reader builds those from nested {@code orQueries}). */
    private static void refuseOrQueryExpressions(TaskQueryImpl query, Set<TaskQueryImpl> seen) {
        if (!seen.add(query)) {
            return;
        }
        if (!query.getExpressions().isEmpty()) {
            throw new BadUserRequestException(MESSAGE);
        }
        for (TaskQueryImpl orQuery : query.getQueries()) {
            refuseOrQueryExpressions(orQuery, seen);
        }
    }
}
