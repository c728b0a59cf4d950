package org.shirong.system;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A prepared {@link KeyedDelete} whose JDBC batch runs as one statement for up to {@value #MAX_ENTRIES} entries instead
 * of one statement an entry. Each entry's update count is what running the entries one by one would have answered: the
 * rows its key deleted, all of them for the first entry with that key and none for a repeat. The engine relies on these
 * counts for its optimistic locking (a count of 0 for a versioned delete is a concurrent modification). A batch of one
 * entry, or one whose keys are not plain text or integers, runs entry by entry as before; every other call is forwarded.
 */
final class CombinedDeleteStatement implements InvocationHandler {

    static final int MAX_ENTRIES = 100;
    /** The entry counts combined statements are written for (padded by repeating a key), so that few shapes are prepared. */
    private static final int[] SIZES = {2, 4, 8, 16, 32, 64, MAX_ENTRIES};
    private static final Set<String> KEY_SETTERS = Set.of("setString", "setNString", "setInt", "setLong", "setShort",
            "setObject");

    /** A parameter setter call: the method and its arguments, the first of which is the parameter's index. */
    private record Setter(Method method, Object[] args) {

        void applyTo(PreparedStatement statement, int index) throws SQLException {
            Object[] shifted = args.clone();
            shifted[0] = index;
            invoke(method, statement, shifted);
        }
    }

    private final PreparedStatement target;
    private final Connection connection;
    private final KeyedDelete delete;
    private final Map<Integer, Setter> parameters = new TreeMap<>();
    private final List<Map<Integer, Setter>> entries = new ArrayList<>();

    private CombinedDeleteStatement(PreparedStatement target, Connection connection, KeyedDelete delete) {
        this.target = target;
        this.connection = connection;
        this.delete = delete;
    }

    /** {@code target} (prepared on {@code connection} for {@code delete}) with its batches combined. */
    static PreparedStatement wrap(PreparedStatement target, Connection connection, KeyedDelete delete) {
        return (PreparedStatement) Proxy.newProxyInstance(CombinedDeleteStatement.class.getClassLoader(),
                new Class<?>[] {PreparedStatement.class}, new CombinedDeleteStatement(target, connection, delete));
    }

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
            return executeBatch();
        } else if (name.equals("executeLargeBatch")) {
            return Arrays.stream(executeBatch()).asLongStream().toArray();
        } else if (name.equals("equals") && args != null && args.length == 1) {
            return proxy == args[0];
        } else if (name.equals("hashCode") && args == null) {
            return System.identityHashCode(proxy);
        }
        return invoke(method, target, args);
    }

    private int[] executeBatch() throws SQLException {
        List<Map<Integer, Setter>> batch = List.copyOf(entries);
        entries.clear();
        List<List<String>> keys = batch.stream().map(this::key).toList();
        if (batch.size() < 2 || keys.contains(null)) {
            return oneByOne(batch);
        }
        int[] counts = new int[batch.size()];
        for (int from = 0; from < batch.size(); from += MAX_ENTRIES) {
            int to = Math.min(batch.size(), from + MAX_ENTRIES);
            try {
                deleteAtOnce(batch.subList(from, to), keys.subList(from, to), counts, from);
            } catch (SQLException e) {
                throw new BatchUpdateException(e.getMessage(), e.getSQLState(), e.getErrorCode(),
                        Arrays.copyOf(counts, from), e);
            }
        }
        return counts;
    }

    private int[] oneByOne(List<Map<Integer, Setter>> batch) throws SQLException {
        for (Map<Integer, Setter> entry : batch) {
            for (Map.Entry<Integer, Setter> parameter : entry.entrySet()) {
                parameter.getValue().applyTo(target, parameter.getKey());
            }
            target.addBatch();
        }
        return target.executeBatch();
    }

    private void deleteAtOnce(List<Map<Integer, Setter>> chunk, List<List<String>> keys, int[] counts, int offset)
            throws SQLException {
        int size = Arrays.stream(SIZES).filter(s -> s >= chunk.size()).findFirst().orElseThrow();
        int width = delete.columns().size();
        Map<List<String>, Integer> deleted = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(delete.combined(size))) {
            if (target.getQueryTimeout() > 0) {
                statement.setQueryTimeout(target.getQueryTimeout());
            }
            for (int i = 0; i < size; i++) {
                Map<Integer, Setter> entry = chunk.get(Math.min(i, chunk.size() - 1));
                for (Map.Entry<Integer, Setter> parameter : entry.entrySet()) {
                    parameter.getValue().applyTo(statement, i * width + parameter.getKey());
                }
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    List<String> key = new ArrayList<>(width);
                    for (int column = 1; column <= width; column++) {
                        key.add(text(rows.getObject(column)));
                    }
                    deleted.merge(key, 1, Integer::sum);
                }
            }
        }
        for (int i = 0; i < chunk.size(); i++) {
            Integer rows = deleted.remove(keys.get(i));
            counts[offset + i] = rows == null ? 0 : rows;
        }
    }

    /** The entry's key in column order, or null when it cannot be compared with the returned rows. */
    private List<String> key(Map<Integer, Setter> entry) {
        int width = delete.columns().size();
        if (entry.size() != width) {
            return null;
        }
        List<String> key = new ArrayList<>(width);
        for (int index = 1; index <= width; index++) {
            Setter setter = entry.get(index);
            String value = setter == null || !KEY_SETTERS.contains(setter.method().getName()) ? null
                    : text(setter.args()[1]);
            if (value == null) {
                return null;
            }
            key.add(value);
        }
        return key;
    }

    private static String text(Object value) {
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof BigDecimal d) {
            return d.stripTrailingZeros().toPlainString();
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return Long.toString(((Number) value).longValue());
        }
        return null;
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
