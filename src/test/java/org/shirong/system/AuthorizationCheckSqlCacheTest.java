package org.shirong.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.apache.ibatis.mapping.BoundSql;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.mapping.ParameterMapping;
import org.apache.ibatis.mapping.ParameterMode;
import org.apache.ibatis.session.Configuration;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.AuthorizationCheck;
import org.camunda.bpm.engine.impl.db.CompositePermissionCheck;
import org.camunda.bpm.engine.impl.db.PermissionCheck;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * For every shape of authorization check the engine's mapping distinguishes (1..5 atomic checks, nested composites,
 * disjunctive or not, resource id null / '*' / specific, a query parameter, a not-found value, no / one / many groups,
 * with or without user, revoke on or off), {@link AuthorizationCheckSqlCache} gives exactly MyBatis' SQL and the same
 * parameter values in the same order, read as MyBatis' DefaultParameterHandler reads them; a second check of the same
 * shape with other values is answered from the cache and binds its own values.
 */
@SharesJvm
class AuthorizationCheckSqlCacheTest {

    private static ProcessEngine engine;
    private static Configuration configuration;
    private static MappedStatement statement;

    @BeforeAll
    static void engine() {
        engine = StandaloneEngines.inMemory("auth-sql");
        configuration = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getSqlSessionFactory().getConfiguration();
        statement = configuration.getMappedStatement(AuthorizationCheckSqlCache.STATEMENT);
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    @Test
    void everyShapeGetsMyBatisSqlAndItsOwnValues() {
        Random shapes = new Random(13);
        Random values = new Random(4711);
        int bindable = 0;
        for (int round = 0; round < 4; round++) { // a cache keeps at most AuthorizationCheckSqlCache.MAX_SHAPES shapes
            AuthorizationCheckSqlCache cache = new AuthorizationCheckSqlCache();
            List<Shape> seen = new ArrayList<>();
            for (int i = 0; i < 800; i++) {
                Shape shape = Shape.random(shapes);
                seen.add(shape);
                if (assertSame(cache, shape.build(values))) {
                    bindable++;
                    long hits = cache.hits();
                    assertSame(cache, shape.build(values));
                    assertThat(cache.hits()).as("second check of %s answered from the cache", shape).isEqualTo(hits + 1);
                }
            }
            for (int i = 0; i < 800; i++) { // again, in another order: a key too coarse would hand one shape another's SQL
                assertSame(cache, seen.get(shapes.nextInt(seen.size())).build(values));
            }
            assertThat(cache.shapes()).isGreaterThan(300);
        }
        assertThat(bindable).isGreaterThan(2500);
    }

    @Test
    void theEnginesTaskWorkCheckIsOneShapeWhateverTheValues() {
        AuthorizationCheckSqlCache cache = new AuthorizationCheckSqlCache();
        Random values = new Random(1);
        for (int i = 0; i < 50; i++) {
            CompositePermissionCheck taskWork = new CompositePermissionCheck(true);
            taskWork.addAtomicCheck(atomic(Resources.TASK, Permissions.TASK_WORK, "task-" + values.nextInt()));
            taskWork.addAtomicCheck(atomic(Resources.TASK, Permissions.UPDATE, "task-" + values.nextInt()));
            taskWork.addAtomicCheck(atomic(Resources.PROCESS_DEFINITION, Permissions.TASK_WORK, "proc-" + values.nextInt()));
            taskWork.addAtomicCheck(atomic(Resources.PROCESS_DEFINITION, Permissions.UPDATE_TASK, "proc-" + values.nextInt()));
            List<String> groups = new ArrayList<>();
            for (int g = 0; g < 3; g++) {
                groups.add("unit-" + values.nextInt());
            }
            assertSame(cache, new AuthorizationCheck("user-" + values.nextInt(), groups, taskWork, false));
        }
        assertThat(cache.shapes()).isEqualTo(1);
        assertThat(cache.hits()).isEqualTo(49);
    }

    @Test
    void aCheckHoldingOneObjectTwiceIsLeftToMyBatis() {
        AuthorizationCheckSqlCache cache = new AuthorizationCheckSqlCache();
        PermissionCheck twice = atomic(Resources.TASK, Permissions.TASK_WORK, "task-1");
        CompositePermissionCheck checks = new CompositePermissionCheck(true);
        checks.addAtomicCheck(twice);
        checks.addAtomicCheck(twice);
        String group = "unit-1";
        assertSame(cache, new AuthorizationCheck("user", List.of(group, group), checks, false));
        assertThat(cache.shapes()).isZero();
    }

    private static PermissionCheck atomic(Resources resource, Permissions permission, String resourceId) {
        PermissionCheck check = new PermissionCheck();
        check.setResource(resource);
        check.setPermission(permission);
        check.setResourceId(resourceId);
        return check;
    }

    /**
     * Asserts the cache gives MyBatis' SQL and values, or MyBatis' error; true if MyBatis can bind them. Shapes the
     * engine does not make (a composite mixing atomic and composite checks) can fail in MyBatis: then both fail alike.
     */
    private static boolean assertSame(AuthorizationCheckSqlCache cache, AuthorizationCheck check) {
        Object expected = outcome(() -> statement.getBoundSql(check));
        assertThat(outcome(() -> cache.boundSql(statement, check))).isEqualTo(expected);
        return expected instanceof List;
    }

    private static Object outcome(Supplier<BoundSql> build) {
        try {
            BoundSql boundSql = build.get();
            return List.of(boundSql.getSql(), bound(boundSql));
        } catch (RuntimeException e) {
            return e.getClass().getName() + ": " + e.getMessage();
        }
    }

    /** Each mapping's type information and value, read as {@code DefaultParameterHandler.setParameters} reads it. */
    private static List<List<Object>> bound(BoundSql boundSql) {
        List<List<Object>> bound = new ArrayList<>();
        Object parameter = boundSql.getParameterObject();
        for (ParameterMapping mapping : boundSql.getParameterMappings()) {
            if (mapping.getMode() == ParameterMode.OUT) {
                continue;
            }
            String property = mapping.getProperty();
            Object value;
            if (boundSql.hasAdditionalParameter(property)) {
                value = boundSql.getAdditionalParameter(property);
            } else if (parameter == null) {
                value = null;
            } else if (configuration.getTypeHandlerRegistry().hasTypeHandler(parameter.getClass())) {
                value = parameter;
            } else {
                value = configuration.newMetaObject(parameter).getValue(property);
            }
            bound.add(java.util.Arrays.asList(String.valueOf(mapping.getJdbcType()), String.valueOf(mapping.getJavaType()),
                    mapping.getTypeHandler().getClass().getName(), value));
        }
        return bound;
    }

    /** The structure of a check; {@link #build} fills it with fresh values (new objects, random ids and permissions). */
    private record Shape(boolean revoke, boolean user, int groups, Composite checks) {

        static Shape random(Random random) {
            int groups = switch (random.nextInt(4)) {
                case 0 -> -1;
                case 1 -> 0;
                case 2 -> 1;
                default -> 2 + random.nextInt(5);
            };
            return new Shape(random.nextBoolean(), random.nextInt(5) > 0, groups, Composite.random(random, 0));
        }

        AuthorizationCheck build(Random values) {
            List<String> groupIds = null;
            if (groups >= 0) {
                groupIds = new ArrayList<>();
                for (int i = 0; i < groups; i++) {
                    groupIds.add("group-" + values.nextInt(1000));
                }
            }
            AuthorizationCheck check = new AuthorizationCheck(user ? "user-" + values.nextInt(1000) : null, groupIds,
                    checks.build(values), revoke);
            return check;
        }
    }

    private record Composite(boolean disjunctive, List<Atomic> atomics, List<Composite> composites) {

        static Composite random(Random random, int depth) {
            List<Atomic> atomics = null;
            if (random.nextInt(10) > 0) {
                atomics = new ArrayList<>();
                int count = depth == 0 ? random.nextInt(6) : 1 + random.nextInt(3);
                for (int i = 0; i < count; i++) {
                    atomics.add(Atomic.random(random));
                }
            }
            List<Composite> composites = null;
            if (random.nextInt(10) > 0) {
                composites = new ArrayList<>();
                int count = depth < 2 && random.nextInt(3) == 0 ? 1 + random.nextInt(3) : 0;
                for (int i = 0; i < count; i++) {
                    composites.add(Composite.random(random, depth + 1));
                }
            }
            return new Composite(random.nextBoolean(), atomics, composites);
        }

        CompositePermissionCheck build(Random values) {
            CompositePermissionCheck check = new CompositePermissionCheck(disjunctive);
            if (atomics == null) {
                check.setAtomicChecks(null);
            } else {
                for (Atomic atomic : atomics) {
                    check.addAtomicCheck(atomic.build(values));
                }
            }
            if (composites == null) {
                check.setCompositeChecks(null);
            } else {
                for (Composite composite : composites) {
                    check.addCompositeCheck(composite.build(values));
                }
            }
            return check;
        }
    }

    private record Atomic(int resourceId, String queryParam, Long notFound) {

        private static final String[] QUERY_PARAMS = {null, "RES.ID_", "RES.PROC_DEF_KEY_", "HPI.ROOT_PROC_INST_ID_"};
        private static final Long[] NOT_FOUND = {null, 0L, 1L};

        static Atomic random(Random random) {
            return new Atomic(random.nextInt(3), QUERY_PARAMS[random.nextInt(QUERY_PARAMS.length)],
                    NOT_FOUND[random.nextInt(NOT_FOUND.length)]);
        }

        PermissionCheck build(Random values) {
            PermissionCheck check = new PermissionCheck();
            check.setResource(Resources.values()[values.nextInt(Resources.values().length)]);
            check.setPermission(Permissions.values()[values.nextInt(Permissions.values().length)]);
            check.setResourceId(switch (resourceId) {
                case 0 -> null;
                case 1 -> "*";
                default -> "resource-" + values.nextInt(1000);
            });
            check.setResourceIdQueryParam(queryParam);
            check.setAuthorizationNotFoundReturnValue(notFound);
            return check;
        }
    }
}
