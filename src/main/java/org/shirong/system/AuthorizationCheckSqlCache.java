package org.shirong.system;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.apache.ibatis.cache.CacheKey;
import org.apache.ibatis.executor.Executor;
import org.apache.ibatis.mapping.BoundSql;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.mapping.ParameterMapping;
import org.apache.ibatis.mapping.ParameterMode;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Signature;
import org.apache.ibatis.reflection.property.PropertyTokenizer;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.ResultHandler;
import org.apache.ibatis.session.RowBounds;
import org.camunda.bpm.engine.impl.db.AuthorizationCheck;
import org.camunda.bpm.engine.impl.db.PermissionCheck;

/**
 * Builds the SQL of the engine's per-command authorization check ({@code isUserAuthorizedForResource}) once per
 * {@link AuthorizationCheckShape shape} instead of once per check. MyBatis evaluated the {@code authCheck} fragment's
 * OGNL conditions and parsed its ~190 {@code #{}} parameters on every check: 18 % of Shirong's CPU in W1, more than half
 * of a claim's (issue 13), for a query the database answers in 0.2 ms. The check itself is unchanged: the first check
 * of a shape is built by MyBatis as always and its SQL text and parameter mappings are kept; a later check of that shape
 * reuses them, with its own objects bound under the names the mappings read (the {@code <foreach>} items
 * {@code __frch_...} and the {@code <bind>} variables), found at the first build by which of the check's atomic checks
 * or group ids each name held. Anything that cannot be keyed or traced so falls back to MyBatis.
 */
@Intercepts(@Signature(type = Executor.class, method = "query",
        args = {MappedStatement.class, Object.class, RowBounds.class, ResultHandler.class}))
final class AuthorizationCheckSqlCache implements ExecutorInterceptor {

    static final String STATEMENT = "isUserAuthorizedForResource";
    static final int MAX_SHAPES = 1000;

    private final Map<String, Learned> shapes = new ConcurrentHashMap<>();
    private final LongAdder hits = new LongAdder();

    @Override
    public Object intercept(Invocation invocation) throws Throwable {
        Object[] args = invocation.getArgs();
        MappedStatement statement = (MappedStatement) args[0];
        Object parameter = args[1];
        if (!isAuthorizationCheck(statement, parameter)) {
            return invocation.proceed();
        }
        BoundSql boundSql = boundSql(statement, (AuthorizationCheck) parameter);
        Executor executor = (Executor) invocation.getTarget();
        RowBounds rowBounds = (RowBounds) args[2];
        CacheKey cacheKey = executor.createCacheKey(statement, parameter, rowBounds, boundSql);
        return executor.query(statement, parameter, rowBounds, (ResultHandler<?>) args[3], cacheKey, boundSql);
    }

    static boolean isAuthorizationCheck(MappedStatement statement, Object parameter) {
        String id = statement.getId();
        return parameter instanceof AuthorizationCheck
                && (id.equals(STATEMENT) || id.endsWith("." + STATEMENT));
    }

    /** The statement's SQL for {@code check}: the kept one of its shape, or MyBatis' own (kept if it can be traced). */
    BoundSql boundSql(MappedStatement statement, AuthorizationCheck check) {
        AuthorizationCheckShape shape = AuthorizationCheckShape.of(statement.getId(), check);
        Learned learned = shape.key() == null ? null : shapes.get(shape.key());
        if (learned != null) {
            hits.increment();
            return learned.bind(statement, check, shape.atomics());
        }
        BoundSql built = statement.getBoundSql(check);
        if (shape.key() != null && shapes.size() < MAX_SHAPES) {
            Learned traced = Learned.trace(statement.getConfiguration(), built, check, shape.atomics());
            if (traced != null) {
                shapes.putIfAbsent(shape.key(), traced);
            }
        }
        return built;
    }

    long hits() {
        return hits.sum();
    }

    int shapes() {
        return shapes.size();
    }

    /** Where a name the mappings read comes from in a check of the shape: an atomic check, a group id or the check. */
    private record Source(String name, char kind, int index) {

        Object in(AuthorizationCheck check, List<PermissionCheck> atomics) {
            return switch (kind) {
                case 'a' -> atomics.get(index);
                case 'g' -> check.getAuthGroupIds().get(index);
                default -> check;
            };
        }
    }

    private record Learned(String sql, List<ParameterMapping> mappings, List<Source> sources) {

        static Learned trace(Configuration configuration, BoundSql built, AuthorizationCheck check, List<PermissionCheck> atomics) {
            Map<String, Source> sources = new LinkedHashMap<>();
            for (ParameterMapping mapping : built.getParameterMappings()) {
                if (mapping.getMode() == ParameterMode.OUT) {
                    return null;
                }
                if (!built.hasAdditionalParameter(mapping.getProperty())) {
                    if (!configuration.newMetaObject(check).hasGetter(mapping.getProperty())) {
                        return null; // MyBatis will fail to read it: left to MyBatis
                    }
                    continue; // read from the check itself (authUserId), as MyBatis will read it from the next one
                }
                String name = new PropertyTokenizer(mapping.getProperty()).getName();
                if (!sources.containsKey(name)) {
                    Source source = source(name, built.getAdditionalParameter(name), check, atomics);
                    if (source == null) {
                        return null;
                    }
                    sources.put(name, source);
                }
            }
            return new Learned(built.getSql(), Collections.unmodifiableList(new ArrayList<>(built.getParameterMappings())),
                    List.copyOf(sources.values()));
        }

        /** The one place of the check that holds {@code value} (the same object), or null if none or several. */
        private static Source source(String name, Object value, AuthorizationCheck check, List<PermissionCheck> atomics) {
            if (value == check) {
                return new Source(name, 'c', 0);
            }
            if (value instanceof PermissionCheck) {
                int index = onlyIndex(atomics, value);
                return index < 0 ? null : new Source(name, 'a', index);
            }
            if (value instanceof String && name.startsWith("__frch_") && value != check.getAuthUserId()
                    && check.getAuthGroupIds() != null) {
                int index = onlyIndex(check.getAuthGroupIds(), value);
                return index < 0 ? null : new Source(name, 'g', index);
            }
            return null;
        }

        private static int onlyIndex(List<?> values, Object value) {
            int found = -1;
            for (int i = 0; i < values.size(); i++) {
                if (values.get(i) == value) {
                    if (found >= 0) {
                        return -1;
                    }
                    found = i;
                }
            }
            return found;
        }

        BoundSql bind(MappedStatement statement, AuthorizationCheck check, List<PermissionCheck> atomics) {
            BoundSql bound = new BoundSql(statement.getConfiguration(), sql, mappings, check);
            bound.setAdditionalParameter("_parameter", check);
            bound.setAdditionalParameter("_databaseId", statement.getConfiguration().getDatabaseId());
            for (Source source : sources) {
                bound.setAdditionalParameter(source.name(), source.in(check, atomics));
            }
            return bound;
        }
    }
}
