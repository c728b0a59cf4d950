package org.shirong.system;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Test helper counting SQL statements without a datasource-proxy library: {@code @Import} it into a Spring test and it
 * wraps the application's {@link DataSource} so that every statement executed (or added to a JDBC batch) while
 * {@link #record(Runnable)} runs is returned with its SQL text. Counts, never times.
 */
public class JdbcStatementRecorder implements BeanPostProcessor {

    private static final Set<String> EXECUTIONS = Set.of("execute", "executeQuery", "executeUpdate", "executeLargeUpdate", "addBatch");

    private final List<String> statements = new ArrayList<>();
    private volatile boolean recording;

    /** The statements executed by anybody in the application while {@code work} runs. */
    public synchronized List<String> record(Runnable work) {
        statements.clear();
        recording = true;
        try {
            work.run();
        } finally {
            recording = false;
        }
        synchronized (statements) {
            return List.copyOf(statements);
        }
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource dataSource && !Proxy.isProxyClass(bean.getClass())) {
            return proxy(DataSource.class, dataSource, (method, args, result) -> result instanceof Connection connection
                    ? proxy(Connection.class, connection, this::statementOf) : result);
        }
        return bean;
    }

    private Object statementOf(Method method, Object[] args, Object result) {
        if (result instanceof PreparedStatement prepared && method.getName().equals("prepareStatement")) {
            String sql = (String) args[0];
            return proxy(PreparedStatement.class, prepared, (m, a, r) -> {
                note(m, sql);
                return r;
            });
        }
        if (result instanceof Statement statement && method.getName().equals("createStatement")) {
            return proxy(Statement.class, statement, (m, a, r) -> {
                note(m, a != null && a.length > 0 && a[0] instanceof String sql ? sql : "?");
                return r;
            });
        }
        return result;
    }

    private void note(Method method, String sql) {
        if (recording && EXECUTIONS.contains(method.getName())) {
            synchronized (statements) {
                statements.add(sql.replaceAll("\\s+", " ").trim());
            }
        }
    }

    private interface After {
        Object apply(Method method, Object[] args, Object result);
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, T target, After after) {
        InvocationHandler handler = (proxy, method, args) -> {
            try {
                return after.apply(method, args, method.invoke(target, args));
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return (T) Proxy.newProxyInstance(JdbcStatementRecorder.class.getClassLoader(), new Class<?>[] {type}, handler);
    }
}
