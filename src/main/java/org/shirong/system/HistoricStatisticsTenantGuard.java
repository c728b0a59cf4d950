package org.shirong.system;

import java.lang.reflect.Field;
import java.util.ArrayList;
import org.camunda.bpm.engine.impl.AbstractQuery;
import org.camunda.bpm.engine.impl.HistoricActivityStatisticsQueryImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;

/**
 * The history statistics of a process definition ({@code GET /history/process-definition/{id}/statistics}, Cockpit's
 * counts on the diagram) for another organisation's definition are answered as for an id that does not exist: no rows.
 * Camunda checks this query only against the READ_HISTORY authorization, which names a definition by its key, and every
 * organisation has the same keys; its SQL has no tenant check. So a 锦溪镇 office read how many 九亭镇 cases stood at
 * each step (认领, 整改, 延期审批 …), finished, cancelled or with incidents. As {@link EngineErrorAnswers} does for the
 * other addressed resources, a definition of no organisation or of one of the caller's is answered as Camunda answers it.
 */
class HistoricStatisticsTenantGuard extends CommandInterceptor {

    private static final Field RESULT_TYPE = CommandFields.of(AbstractQuery.class, "resultType");

    @Override
    public <T> T execute(Command<T> command) {
        if (command instanceof HistoricActivityStatisticsQueryImpl query && query.getProcessDefinitionId() != null
                && !next.execute(context -> {
                    ProcessDefinitionEntity definition = context.getProcessDefinitionManager()
                            .findLatestProcessDefinitionById(query.getProcessDefinitionId());
                    return definition == null || context.getTenantManager().isAuthenticatedTenant(definition.getTenantId());
                })) {
            return nothing(query);
        }
        return next.execute(command);
    }

    /** The query's answer when nothing matches: a count of 0, no single result, an empty list (by its result type's name, a protected enum). */
    @SuppressWarnings("unchecked")
    static <T> T nothing(AbstractQuery<?, ?> query) {
        Object type = CommandFields.read(RESULT_TYPE, query);
        String name = type == null ? "" : ((Enum<?>) type).name();
        return (T) switch (name) {
            case "COUNT" -> (Object) 0L;
            case "SINGLE_RESULT", "" -> null;
            default -> new ArrayList<>();
        };
    }
}
