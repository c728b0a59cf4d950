package org.shirong.system;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Installs {@link FilterCountCache}: the interceptor that answers saved filters' counts from it, first of all command
 * interceptors (so a count asked inside another command is seen as nested, and a count answered from the cache costs
 * no command; the guards ran, with the same result, when it was read), and {@link TaskDataWrites} in the engine's
 * MyBatis, which makes every change on this node visible in the next count; {@link TaskUpdatesSeen} as the engine's
 * entity manager, so that a claim is known as one.
 */
@Component
class FilterCountCachePlugin extends AbstractProcessEnginePlugin {

    private final FilterCountCache cache;
    private final FilterCountsAhead countsAhead;

    FilterCountCachePlugin(FilterCountCache cache, FilterCountsAhead countsAhead) {
        this.cache = cache;
        this.countsAhead = countsAhead;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<CommandInterceptor> interceptors = new ArrayList<>();
        if (configuration.getCustomPreCommandInterceptorsTxRequired() != null) {
            interceptors.addAll(configuration.getCustomPreCommandInterceptorsTxRequired());
        }
        interceptors.add(0, new FilterCountInterceptor(configuration, cache, countsAhead));
        configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
        EngineSessions.add(configuration, TaskUpdatesSeen.factory(configuration::getIdGenerator));
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        JdbcTemplate jdbc = new JdbcTemplate(configuration.getDataSource());
        String filterTable = EngineTables.table(configuration, "ACT_RU_FILTER");
        AssignmentFreeFilters filters = new AssignmentFreeFilters(filterId -> jdbc.query("select QUERY_ from " + filterTable
                + " where ID_ = ?", rs -> rs.next() ? rs.getString(1) : null, filterId));
        configuration.getSqlSessionFactory().getConfiguration().addInterceptor(new TaskDataWrites(cache, filters));
        cache.keepAcrossAssignments(filters, new TaskChangeImpact(configuration));
    }
}
