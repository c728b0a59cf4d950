package org.shirong.system;

import java.lang.reflect.Field;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.impl.UserOperationLogQueryImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * The operation log ({@code /history/user-operation}, through any door) shows staff only the work on processes and tasks
 * (categories Operator and TaskWorker), never the administrators' operations (category Admin: users, groups, memberships,
 * tenants, authorizations). Camunda shows an entry of no process, such as a user deleted or a membership created, to
 * whoever may read the history of every process ({@code READ_HISTORY} on {@code *}, the offices and the district), and
 * such an entry belongs to no organisation: 九亭镇's office read which 锦溪镇 accounts the administrator changed or
 * deleted, which the user and group queries keep from it. A query for the Admin category alone finds nothing, as the
 * statistics of another organisation's definition do ({@link HistoricStatisticsTenantGuard}).
 */
class AdminOperationLogGuard extends CommandInterceptor {

    private static final List<String> PROCESS_WORK = List.of(UserOperationLogEntry.CATEGORY_OPERATOR,
            UserOperationLogEntry.CATEGORY_TASK_WORKER);
    private static final Field CATEGORY = CommandFields.of(UserOperationLogQueryImpl.class, "category");
    private static final Field CATEGORIES = CommandFields.of(UserOperationLogQueryImpl.class, "categories");

    private final ProcessEngineConfigurationImpl configuration;

    AdminOperationLogGuard(ProcessEngineConfigurationImpl configuration) {
        this.configuration = configuration;
    }

    @Override
    public <T> T execute(Command<T> command) {
        if (command instanceof UserOperationLogQueryImpl query && EngineCaller.staffCall(configuration).isPresent()) {
            String category = (String) CommandFields.read(CATEGORY, query);
            String[] categories = (String[]) CommandFields.read(CATEGORIES, query);
            List<String> shown = categories == null || categories.length == 0 ? PROCESS_WORK
                    : Arrays.stream(categories).filter(PROCESS_WORK::contains).distinct().toList();
            if (shown.isEmpty() || category != null && !PROCESS_WORK.contains(category)) {
                return HistoricStatisticsTenantGuard.nothing(query);
            }
            query.categoryIn(shown.toArray(String[]::new));
        }
        return next.execute(command);
    }
}
