package org.shirong.system;

import java.util.List;
import java.util.Set;
import org.camunda.bpm.cockpit.db.CommandExecutor;
import org.camunda.bpm.cockpit.impl.db.QueryServiceImpl;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.db.ListQueryParameterObject;
import org.camunda.bpm.webapp.db.QueryParameters;

/**
 * Cockpit's own queries (its plugin API under {@code /camunda/api/cockpit/plugin/…}: process instances, incidents,
 * statistics, called processes) do not pass the engine's command chain, so {@link QueryLimitsGuard} never saw them: a
 * {@code like} with three {@code %} on a process variable held a core for seconds again. Cockpit's resources read a
 * GET's criteria and page from the address themselves and a POST's from its body, and hand the query object they made
 * to this service: each query, list or count, is held here to the same limits before it runs, and a list to a page of
 * at most the engine's {@code queryMaxResultsLimit} ({@code maxResults} given, neither it nor {@code firstResult}
 * negative); 400 in Chinese naming the parameter. Camunda's own check of the page said neither which parameter nor the
 * limit, and let a negative one through to the database. Its running figures ({@code process-definition/statistics})
 * are refused as the engine's are ({@link RunningFiguresGuard}).
 */
class CockpitQueryLimits extends QueryServiceImpl {

    /** Cockpit's statements of the running figures (instances and incidents per definition). */
    private static final Set<String> RUNNING_FIGURES = Set.of("selectPDStatistics", "selectPDStatisticsCount");

    private final int maxResults;
    private final Runnable figuresCheck;

    /** {@code maxResults}: the engine's queryMaxResultsLimit; {@code figuresCheck} refuses a caller the running figures. */
    CockpitQueryLimits(CommandExecutor commandExecutor, int maxResults, Runnable figuresCheck) {
        super(commandExecutor);
        this.maxResults = maxResults;
        this.figuresCheck = figuresCheck;
    }

    private void checkFigures(String statement) {
        if (statement != null && RUNNING_FIGURES.contains(statement.substring(statement.lastIndexOf('.') + 1))) {
            figuresCheck.run();
        }
    }

    @Override
    public <T> List<T> executeQuery(String statement, QueryParameters parameter) {
        checkFigures(statement);
        QueryLimitsGuard.checkLimits(parameter);
        if (parameter.isMaxResultsLimitEnabled()) {
            page(parameter);
        }
        return super.executeQuery(statement, parameter);
    }

    @Override
    public <T> T executeQuery(String statement, Object parameter, Class<T> type) {
        checkFigures(statement);
        if (parameter instanceof ListQueryParameterObject query) {
            QueryLimitsGuard.checkLimits(query);
        }
        return super.executeQuery(statement, parameter, type);
    }

    @Override
    public Long executeQueryRowCount(String statement, ListQueryParameterObject parameter) {
        checkFigures(statement);
        QueryLimitsGuard.checkLimits(parameter);
        return super.executeQueryRowCount(statement, parameter);
    }

    private void page(ListQueryParameterObject parameter) {
        if (parameter.getFirstResult() < 0) {
            throw new BadUserRequestException("参数 firstResult 不能为负数（" + parameter.getFirstResult() + "）");
        }
        if (parameter.getMaxResults() < 0) {
            throw new BadUserRequestException("参数 maxResults 不能为负数（" + parameter.getMaxResults() + "），一次最多查询 "
                    + maxResults + " 条");
        }
        if (parameter.getMaxResults() > maxResults) {
            String given = parameter.getMaxResults() == Integer.MAX_VALUE ? "未给出参数 maxResults"
                    : "参数 maxResults 为 " + parameter.getMaxResults();
            throw new BadUserRequestException(given + "：一次最多查询 " + maxResults + " 条，请用 firstResult 和 maxResults 分页，"
                    + "maxResults 不超过 " + maxResults);
        }
    }
}
