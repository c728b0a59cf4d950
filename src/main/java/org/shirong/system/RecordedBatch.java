package org.shirong.system;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A prepared statement whose JDBC batch is kept here, entry by entry (each entry its parameter setter calls), so that
 * {@link #executeBatch} can send it as fewer statements than one an entry. Every call is also forwarded to the driver's
 * statement, so that a statement executed outside a batch runs as before.
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

    protected final PreparedStatement target;
    private final Map<Integer, Setter> parameters = new TreeMap<>();
    private final List<Map<Integer, Setter>> entries = new ArrayList<>();

    RecordedBatch(PreparedStatement target) {
        this.target = target;
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
            for (Map.Entry<Integer, Setter> parameter : entry.entrySet()) {
                parameter.getValue().applyTo(target, parameter.getKey());
            }
            target.addBatch();
        }
        return target.executeBatch();
    }

    /** Sets the parameters of {@code entries} one after another on {@code statement}, {@code width} parameters each. */
    protected static void setAll(PreparedStatement statement, List<Map<Integer, Setter>> entries, int width)
            throws SQLException {
        for (int i = 0; i < entries.size(); i++) {
            for (Map.Entry<Integer, Setter> parameter : entries.get(i).entrySet()) {
                parameter.getValue().applyTo(statement, i * width + parameter.getKey());
            }
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
