package org.shirong.system;

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.AbstractQuery;
import org.camunda.bpm.engine.impl.QueryOperator;
import org.camunda.bpm.engine.impl.QueryVariableValue;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractExecuteFilterCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.rest.dto.VariableQueryParameterDto;

/**
 * Bounds what a staff member's query may ask of the database, on the query object the engine built (so no spelling of
 * the request matters): a {@code like} pattern ({@code nameLike}, {@code descriptionLike} …, a variable's {@code like}
 * and {@code not like}, also inside {@code orQueries}) holds at most {@value #MAX_PERCENT} unescaped {@code %}, as each
 * more multiplies the database's matching work by the length of the value (H2 backtracks: three {@code %} against a
 * 2,000-character description a clerk wrote himself held a core for minutes); a list criterion ({@code …In}) holds at
 * most {@value #MAX_ENTRIES} entries (past 100,000 H2 refuses the statement and the engine logs it whole), and all its
 * lists together, or-queries included, at most {@value #MAX_TOTAL_ENTRIES} (120 or-queries of 1,000 variable criteria
 * each ran the heap out while MyBatis wrote the SQL); at most {@value #MAX_ORDERINGS} sort orders (a thousand, on
 * process variables, held a connection for half a minute). Shirong's own queries, administrators and the engine's
 * internal queries are not limited.
 */
class QueryLimitsGuard extends CommandInterceptor {

    static final int MAX_PERCENT = 2;
    static final int MAX_ENTRIES = 1000;
    static final int MAX_TOTAL_ENTRIES = 2000;
    static final int MAX_ORDERINGS = 10;

    private static final Field EXTENDING_QUERY = CommandFields.of(AbstractExecuteFilterCmd.class, "extendingQuery");
    private static final Map<Class<?>, List<Field>> FIELDS = new ConcurrentHashMap<>();

    private final ProcessEngineConfigurationImpl configuration;

    QueryLimitsGuard(ProcessEngineConfigurationImpl configuration) {
        this.configuration = configuration;
    }

    @Override
    public <T> T execute(Command<T> command) {
        Object query = command instanceof AbstractQuery<?, ?> ? command
                : command instanceof AbstractExecuteFilterCmd ? CommandFields.read(EXTENDING_QUERY, command) : null;
        if (query != null && EngineCaller.staffCall(configuration).isPresent()) {
            checkLimits(query);
        }
        return next.execute(command);
    }

    /** Refuses {@code query} (an engine query, or a webapp's query as it was read) when it asks more than the limits. */
    static void checkLimits(Object query) {
        check(query, Collections.newSetFromMap(new IdentityHashMap<>()), new int[1]);
    }

    /** The query's own criteria, and those of the queries it holds (a task query's {@code orQueries}). */
    private static void check(Object query, Set<Object> seen, int[] total) {
        if (!seen.add(query)) {
            return;
        }
        for (Field field : fields(query.getClass())) {
            Object value = CommandFields.read(field, query);
            if (value instanceof String pattern && field.getName().endsWith("Like")) {
                pattern(field.getName(), pattern);
            } else if (value instanceof Collection<?> entries) {
                if ("orderingProperties".equals(field.getName()) && entries.size() > MAX_ORDERINGS) {
                    throw new BadUserRequestException("排序条件有 " + entries.size() + " 个，一次最多 " + MAX_ORDERINGS + " 个");
                }
                entries(field.getName(), entries, seen, total);
            } else if (value != null && value.getClass().isArray() && !value.getClass().getComponentType().isPrimitive()) {
                List<Object> entries = new ArrayList<>(Array.getLength(value));
                for (int i = 0; i < Array.getLength(value); i++) {
                    entries.add(Array.get(value, i));
                }
                entries(field.getName(), entries, seen, total);
            }
        }
    }

    private static void entries(String criterion, Collection<?> entries, Set<Object> seen, int[] total) {
        if (entries.size() > MAX_ENTRIES) {
            throw new BadUserRequestException("查询条件“" + criterion + "”列出了 " + entries.size() + " 项，一次最多 "
                    + MAX_ENTRIES + " 项，请分几次查询");
        }
        total[0] += entries.size();
        if (total[0] > MAX_TOTAL_ENTRIES) {
            throw new BadUserRequestException("查询条件共有 " + total[0] + " 项以上，一次最多 " + MAX_TOTAL_ENTRIES
                    + " 项（含各个“或”条件），请分几次查询");
        }
        for (Object entry : entries) {
            if (entry instanceof QueryVariableValue variable && variable.getValue() instanceof String pattern
                    && (variable.getOperator() == QueryOperator.LIKE || variable.getOperator() == QueryOperator.NOT_LIKE)) {
                pattern("变量 " + variable.getName(), pattern);
            } else if (entry instanceof VariableQueryParameterDto variable && variable.getValue() instanceof String pattern
                    && ("like".equals(variable.getOperator()) || "notLike".equals(variable.getOperator()))) {
                pattern("变量 " + variable.getName(), pattern); // as Cockpit's own queries read it
            } else if (entry instanceof AbstractQuery<?, ?>) {
                check(entry, seen, total);
            }
        }
    }

    private static void pattern(String criterion, String pattern) {
        int percent = 0;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '%') {
                percent++;
            }
        }
        if (percent > MAX_PERCENT) {
            throw new BadUserRequestException("模糊查询“" + criterion + "”含 " + percent + " 个通配符 %，最多 " + MAX_PERCENT
                    + " 个（如 %关键字%），请减少通配符");
        }
    }

    private static List<Field> fields(Class<?> type) {
        return FIELDS.computeIfAbsent(type, t -> {
            List<Field> fields = new ArrayList<>();
            for (Class<?> c = t; c != null && c != Object.class; c = c.getSuperclass()) {
                for (Field field : c.getDeclaredFields()) {
                    if (!Modifier.isStatic(field.getModifiers()) && !field.getType().isPrimitive()) {
                        field.setAccessible(true);
                        fields.add(field);
                    }
                }
            }
            return List.copyOf(fields);
        });
    }
}
