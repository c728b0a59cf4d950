package org.shirong.system;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * A counting proxy around the application's {@link DataSource}: every SQL statement run (each entry of a JDBC batch
 * counts as one, as the database sees it) by a thread the caller picks, keyed by verb and table ("insert ACT_RU_VARIABLE").
 * {@link Config} installs it in a Spring test context ({@code @Import(StatementCounter.Config.class)}); tests read
 * {@link #snapshot()} before and after the work they measure. It counts; it never times.
 */
public final class StatementCounter {

    private static final Pattern TABLE = Pattern.compile(
            "^\\s*(?:(update)\\s+|(select|insert|delete|merge)\\b.*?\\b(?:from|into)\\s+)([A-Za-z_][A-Za-z0-9_.]*)",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    private static final Map<String, LongAdder> COUNTS = new ConcurrentHashMap<>();
    /** Which threads are counted: the web server's request threads and the test's own (engine calls, executed jobs). */
    private static volatile Predicate<Thread> counted = t -> t.getName().startsWith("http-nio") || t.getName().equals("main");

    private StatementCounter() {
    }

    /** Counts only statements run by threads {@code which} accepts. */
    public static void countThreads(Predicate<Thread> which) {
        counted = which;
    }

    /** Statements counted so far, by "verb TABLE". */
    public static Counts snapshot() {
        Map<String, Long> copy = new TreeMap<>();
        COUNTS.forEach((k, v) -> copy.put(k, v.sum()));
        return new Counts(copy);
    }

    /** Statement counts by "verb TABLE" (verb: select, insert, update, delete, other). */
    public record Counts(Map<String, Long> byKey) {

        public long total() {
            return byKey.values().stream().mapToLong(Long::longValue).sum();
        }

        /** Inserts, updates and deletes. */
        public long writes() {
            return byKey.entrySet().stream().filter(e -> !e.getKey().startsWith("select") && !e.getKey().startsWith("other"))
                    .mapToLong(Map.Entry::getValue).sum();
        }

        public long of(String key) {
            return byKey.getOrDefault(key, 0L);
        }

        /** What was counted after {@code before}. */
        public Counts minus(Counts before) {
            Map<String, Long> diff = new TreeMap<>();
            byKey.forEach((k, v) -> {
                long d = v - before.of(k);
                if (d != 0) {
                    diff.put(k, d);
                }
            });
            return new Counts(diff);
        }

        /** Each count divided by {@code n}, as text for a log line. */
        public String perUnit(int n) {
            StringBuilder text = new StringBuilder();
            byKey.forEach((k, v) -> text.append(String.format(Locale.ROOT, "%n  %-45s %8.2f", k, v / (double) n)));
            return text.toString();
        }
    }

    static void count(String sql) {
        if (!counted.test(Thread.currentThread())) {
            return;
        }
        COUNTS.computeIfAbsent(key(sql), k -> new LongAdder()).increment();
    }

    static String key(String sql) {
        if (sql == null) {
            return "other";
        }
        Matcher m = TABLE.matcher(sql);
        if (!m.find()) {
            return "other " + sql.strip().split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
        }
        String verb = m.group(1) != null ? m.group(1) : m.group(2);
        String table = m.group(3).toUpperCase(Locale.ROOT);
        return verb.toLowerCase(Locale.ROOT) + " " + table.substring(table.lastIndexOf('.') + 1);
    }

    /** Wraps {@code dataSource} so that statements run through it are counted. */
    public static DataSource wrap(DataSource dataSource) {
        return (DataSource) Proxy.newProxyInstance(StatementCounter.class.getClassLoader(), new Class<?>[] {DataSource.class},
                new Forwarding(dataSource, null));
    }

    private static final Set<String> EXECUTE = Set.of("execute", "executeQuery", "executeUpdate", "executeLargeUpdate");

    /** Forwards every call; returns connections and statements wrapped in turn, and counts executions and batch entries. */
    private record Forwarding(Object target, String sql) implements InvocationHandler {

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            String name = method.getName();
            if (name.equals("equals") && args != null && args.length == 1) {
                return proxy == args[0];
            }
            if (name.equals("hashCode") && args == null) {
                return System.identityHashCode(proxy);
            }
            if (name.equals("unwrap") && args != null && args[0] instanceof Class<?> type && type.isInstance(target)) {
                return target;
            }
            if (name.equals("isWrapperFor") && args != null && args[0] instanceof Class<?> type && type.isInstance(target)) {
                return true;
            }
            if (target instanceof Statement && (EXECUTE.contains(name) || name.equals("addBatch"))) {
                count(args != null && args.length > 0 && args[0] instanceof String text ? text : sql);
            }
            Object result;
            try {
                result = method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            if (result instanceof Connection c) {
                return Proxy.newProxyInstance(StatementCounter.class.getClassLoader(), new Class<?>[] {Connection.class},
                        new Forwarding(c, null));
            }
            if (result instanceof Statement s && !(target instanceof Statement)) {
                String prepared = args != null && args.length > 0 && args[0] instanceof String text ? text : null;
                Class<?> type = s instanceof CallableStatement ? CallableStatement.class
                        : s instanceof PreparedStatement ? PreparedStatement.class : Statement.class;
                return Proxy.newProxyInstance(StatementCounter.class.getClassLoader(), new Class<?>[] {type},
                        new Forwarding(s, prepared));
            }
            return result;
        }
    }

    /** Puts the counting proxy around the context's data source. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {

        @Bean
        static BeanPostProcessor statementCountingDataSource() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String beanName) {
                    return bean instanceof DataSource dataSource ? wrap(dataSource) : bean;
                }
            };
        }
    }
}
