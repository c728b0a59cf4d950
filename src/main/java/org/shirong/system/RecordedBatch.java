package org.shirong.system;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A prepared statement whose JDBC batch is kept here, entry by entry (each entry its parameter setter calls), so that
 * {@link #executeBatch} can send it as fewer statements than one an entry. The setter calls reach the driver's statement
 * once, when it runs them (a stream is read once): a batch it runs, or a statement executed outside a batch, which runs
 * as before. Every other call is forwarded.
 */
abstract class RecordedBatch implements InvocationHandler {

    /** A parameter setter call: the method and its arguments, the first of which is the parameter's index. */
    record Setter(Method method, Object[] args) {

        /** The value set ({@code setNull}'s is its SQL type). */
        Object value() {
            return args[1];
        }

        /** Repeats the call on {@code statement} for the parameter at {@code index}. */
        void applyTo(PreparedStatement statement, int index) throws SQLException {
            Object[] shifted = args.clone();
            shifted[0] = index;
            invoke(method, statement, shifted);
        }
    }

    private static final Set<String> EXECUTIONS = Set.of("execute", "executeQuery", "executeUpdate", "executeLargeUpdate");

    protected final PreparedStatement target;
    /** The connection {@link #target} was prepared on, on which combined statements are prepared. */
    private final Connection connection;
    private final Map<Integer, Setter> parameters = new TreeMap<>();
    private final List<Map<Integer, Setter>> entries = new ArrayList<>();

    RecordedBatch(PreparedStatement target, Connection connection) {
        this.target = target;
        this.connection = connection;
    }

    /** {@code handler}'s statement as a proxy. */
    static PreparedStatement proxy(RecordedBatch handler) {
        return (PreparedStatement) Proxy.newProxyInstance(RecordedBatch.class.getClassLoader(),
                new Class<?>[] {PreparedStatement.class}, handler);
    }

    /** Runs {@code batch} (each entry: parameter index → its setter) and answers each entry's update count. */
    protected abstract int[] executeBatch(List<Map<Integer, Setter>> batch) throws SQLException;

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        String name = method.getName();
        boolean parameterSetter = method.getDeclaringClass() == PreparedStatement.class && name.startsWith("set")
                && args != null && args.length >= 2 && args[0] instanceof Integer;
        if (parameterSetter) {
            parameters.put((Integer) args[0], new Setter(method, args));
            return null;
        } else if (EXECUTIONS.contains(name) && args == null) {
            apply(parameters, target, 0);
        } else if (name.equals("clearParameters")) {
            parameters.clear();
        } else if (name.equals("addBatch") && args == null) {
            entries.add(new TreeMap<>(parameters));
            return null;
        } else if (name.equals("clearBatch")) {
            entries.clear();
        } else if (name.equals("executeBatch")) {
            return executeBatch(taken());
        } else if (name.equals("executeLargeBatch")) {
            return Arrays.stream(executeBatch(taken())).asLongStream().toArray();
        } else if (name.equals("equals") && args != null && args.length == 1) {
            return proxy == args[0];
        } else if (name.equals("hashCode") && args == null) {
            return System.identityHashCode(proxy);
        }
        return invoke(method, target, args);
    }

    private List<Map<Integer, Setter>> taken() {
        List<Map<Integer, Setter>> batch = List.copyOf(entries);
        entries.clear();
        return batch;
    }

    /** Runs {@code batch} as the driver would have: its entries added to the driver's own batch. */
    protected int[] asTheDriverWould(List<Map<Integer, Setter>> batch) throws SQLException {
        for (Map<Integer, Setter> entry : batch) {
            apply(entry, target, 0);
            target.addBatch();
        }
        return target.executeBatch();
    }

    /** Sets {@code entry}'s parameters on {@code statement}, each {@code offset} places further on. */
    private static void apply(Map<Integer, Setter> entry, PreparedStatement statement, int offset) throws SQLException {
        for (Map.Entry<Integer, Setter> parameter : entry.entrySet()) {
            parameter.getValue().applyTo(statement, offset + parameter.getKey());
        }
    }

    /** Whether {@code entry} sets a stream, reader or large object, which only the driver's own batch should read. */
    protected static boolean setsAStream(Map<Integer, Setter> entry) {
        return entry.values().stream().map(setter -> setter.method().getName()).anyMatch(name -> name.endsWith("Stream")
                || name.endsWith("Reader") || name.equals("setBlob") || name.equals("setClob") || name.equals("setNClob"));
    }

    /**
     * The failure of a combined statement, as the driver reports a failed batch: inside a transaction (which PostgreSQL
     * has now aborted) every entry failed; with auto-commit the entries before {@code done} were written.
     */
    protected BatchUpdateException failed(SQLException e, int[] counts, int done) throws SQLException {
        int[] reported;
        if (connection.getAutoCommit()) {
            reported = Arrays.copyOf(counts, done);
        } else {
            reported = new int[counts.length];
            Arrays.fill(reported, Statement.EXECUTE_FAILED);
        }
        return new BatchUpdateException(e.getMessage(), e.getSQLState(), e.getErrorCode(), reported, e);
    }

    /** Sets the parameters of {@code entries} one after another on {@code statement}, {@code width} parameters each. */
    protected static void setAll(PreparedStatement statement, List<Map<Integer, Setter>> entries, int width)
            throws SQLException {
        for (int i = 0; i < entries.size(); i++) {
            apply(entries.get(i), statement, i * width);
        }
    }

    /**
     * {@code sql} prepared on the statement's connection to be kept on the server from its first use, as the driver does
     * with a batch of one statement repeated (PostgreSQL's {@code PGStatement.setPrepareThreshold(1)}). Otherwise each
     * combined statement would be parsed and planned anew until it had been run five times on that connection.
     */
    protected PreparedStatement preparedOnServer(String sql) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        Method threshold = PREPARE_THRESHOLD;
        if (threshold != null && statement.isWrapperFor(threshold.getDeclaringClass())) {
            invoke(threshold, statement.unwrap(threshold.getDeclaringClass()), new Object[] {1});
        }
        return statement;
    }

    private static final Method PREPARE_THRESHOLD = prepareThreshold();

    private static Method prepareThreshold() {
        try {
            return Class.forName("org.postgresql.PGStatement").getMethod("setPrepareThreshold", int.class);
        } catch (ReflectiveOperationException driverNotThere) {
            return null;
        }
    }

    /** Copies the driver's statement's query timeout, if any, to {@code statement}. */
    protected void withTargetsTimeout(PreparedStatement statement) throws SQLException {
        if (target.getQueryTimeout() > 0) {
            statement.setQueryTimeout(target.getQueryTimeout());
        }
    }

    private static Object invoke(Method method, Object target, Object[] args) throws SQLException {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw sql;
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
