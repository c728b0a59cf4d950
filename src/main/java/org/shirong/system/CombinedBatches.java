package org.shirong.system;

import com.zaxxer.hikari.HikariDataSource;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * On PostgreSQL ({@code shirong.jdbc.combine-batches}), the rows one JDBC batch inserts into a table, or deletes from it
 * by key, go to the database as one statement. The engine flushes each table's new rows as a batch, which the driver's
 * {@code reWriteBatchedInserts} sends in powers of two ({@link CombinedInsertStatement}), and deletes each of a process
 * instance's variables, executions, jobs and event subscriptions with a statement of its own
 * ({@link CombinedDeleteStatement}, which also tells how each row's count is kept).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "shirong.jdbc.combine-batches", havingValue = "true")
class CombinedBatches {

    private static final Logger LOG = LoggerFactory.getLogger(CombinedBatches.class);

    @Bean
    static BeanPostProcessor combiningBatches() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (!(bean instanceof DataSource dataSource) || bean instanceof CombiningDataSource) {
                    return bean;
                }
                if (!onPostgres(dataSource)) {
                    LOG.warn("shirong.jdbc.combine-batches 只用于 PostgreSQL，数据源 {} 不是，批量插入和删除照常执行", beanName);
                    return bean;
                }
                return new CombiningDataSource(dataSource);
            }
        };
    }

    private static boolean onPostgres(DataSource dataSource) {
        try {
            String url = dataSource.isWrapperFor(HikariDataSource.class)
                    ? dataSource.unwrap(HikariDataSource.class).getJdbcUrl() : null;
            return url != null && url.startsWith("jdbc:postgresql:");
        } catch (SQLException e) {
            return false;
        }
    }

    /** Hands out connections whose row inserts and keyed deletes combine their batches. */
    static final class CombiningDataSource extends DelegatingDataSource {

        CombiningDataSource(DataSource target) {
            super(target);
        }

        @Override
        public Connection getConnection() throws SQLException {
            return combining(super.getConnection());
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return combining(super.getConnection(username, password));
        }

        private static Connection combining(Connection connection) {
            return (Connection) Proxy.newProxyInstance(CombinedBatches.class.getClassLoader(),
                    new Class<?>[] {Connection.class}, new CombiningConnection(connection));
        }
    }

    /** Forwards every call, and wraps the statements it prepares (without options) for a {@link RowInsert} or {@link KeyedDelete}. */
    private record CombiningConnection(Connection target) implements InvocationHandler {

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            if (method.getName().equals("equals") && args != null && args.length == 1) {
                return proxy == args[0];
            }
            if (method.getName().equals("hashCode") && args == null) {
                return System.identityHashCode(proxy);
            }
            Object result;
            try {
                result = method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            if (method.getName().equals("prepareStatement") && args.length == 1 && result instanceof PreparedStatement statement
                    && args[0] instanceof String sql) {
                return combining(statement, sql);
            }
            return result;
        }

        private PreparedStatement combining(PreparedStatement statement, String sql) {
            String verb = sql.stripLeading();
            if (verb.regionMatches(true, 0, "insert", 0, 6)) {
                return RowInsert.of(sql).map(insert -> CombinedInsertStatement.wrap(statement, target, insert))
                        .orElse(statement);
            }
            if (verb.regionMatches(true, 0, "delete", 0, 6)) {
                return KeyedDelete.of(sql).map(delete -> CombinedDeleteStatement.wrap(statement, target, delete))
                        .orElse(statement);
            }
            return statement;
        }
    }
}
