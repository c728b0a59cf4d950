package org.shirong.system;

import java.lang.reflect.Field;
import java.util.List;
import java.util.function.BiConsumer;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractExecuteFilterCmd;
import org.camunda.bpm.engine.impl.cmd.ExecuteFilterCountCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * Answers a saved filter's count ({@code FilterService.count(filterId)}) from {@link FilterCountCache} when the same
 * caller asked for it since the last change, or from {@link FilterCountsAhead} when it is being read alongside. The
 * first count a caller asks after a change starts reading that caller's other filters counted before alongside it. Not
 * cached: a count extended by the request's own query, and a count asked inside another command (which may have
 * changed data not yet flushed).
 */
class FilterCountInterceptor extends CommandInterceptor {

    private static final Field FILTER_ID = CommandFields.of(AbstractExecuteFilterCmd.class, "filterId");
    private static final Field EXTENDING_QUERY = CommandFields.of(AbstractExecuteFilterCmd.class, "extendingQuery");

    private final ProcessEngineConfigurationImpl configuration;
    private final FilterCountCache cache;
    private final FilterCountsAhead countsAhead;

    FilterCountInterceptor(ProcessEngineConfigurationImpl configuration, FilterCountCache cache, FilterCountsAhead countsAhead) {
        this.configuration = configuration;
        this.cache = cache;
        this.countsAhead = countsAhead;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T execute(Command<T> command) {
        if (!(command instanceof ExecuteFilterCountCmd) || Context.getCommandContext() != null
                || CommandFields.read(EXTENDING_QUERY, command) != null) {
            return next.execute(command);
        }
        FilterCountCache.Key key = keyOf((String) CommandFields.read(FILTER_ID, command));
        // Being read ahead first: a reading keeps its count before it stops being pending.
        Long known = countsAhead.awaitCurrent(key);
        if (known == null) {
            known = cache.cached(key);
        }
        if (known != null) {
            return (T) known;
        }
        long generation = cache.generation();
        Authentication caller = configuration.getIdentityService().getCurrentAuthentication();
        if (caller != null) {
            countsAhead.start(cache.outdatedOfSameCaller(key), generation, (keys, counted) -> countAllAs(caller, keys, counted));
        }
        T count = next.execute(command);
        if (count instanceof Long value) {
            cache.store(key, generation, value);
        }
        return count;
    }

    /**
     * The counts of {@code keys} as {@code caller}, on a worker thread: one command whose filter counts each go through
     * every interceptor (guards, authorization) and share its transaction.
     */
    private void countAllAs(Authentication caller, List<FilterCountCache.Key> keys, BiConsumer<FilterCountCache.Key, Long> counted) {
        IdentityService identities = configuration.getIdentityService();
        identities.setAuthentication(caller);
        try {
            next.execute(commandContext -> {
                for (FilterCountCache.Key key : keys) {
                    try {
                        counted.accept(key, configuration.getCommandExecutorTxRequired().execute(new ExecuteFilterCountCmd(key.filterId())));
                    } catch (ProcessEngineException refused) {
                        // a filter deleted or no longer readable: not asked ahead again; the request gets the answer itself
                        cache.forget(key);
                    }
                }
                return null;
            });
        } finally {
            identities.clearAuthentication();
        }
    }

    private FilterCountCache.Key keyOf(String filterId) {
        Authentication caller = configuration.getIdentityService().getCurrentAuthentication();
        String userId = caller == null ? null : caller.getUserId();
        List<String> groups = caller == null ? List.of() : sorted(caller.getGroupIds());
        List<String> tenants = caller == null ? List.of() : sorted(caller.getTenantIds());
        return new FilterCountCache.Key(filterId, userId, groups, tenants, configuration.isAuthorizationEnabled(),
                configuration.isTenantCheckEnabled());
    }

    private static List<String> sorted(List<String> ids) {
        return ids == null ? List.of() : ids.stream().filter(java.util.Objects::nonNull).sorted().distinct().toList();
    }
}
