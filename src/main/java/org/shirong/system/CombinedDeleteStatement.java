package org.shirong.system;

import java.math.BigDecimal;
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

/**
 * A prepared {@link KeyedDelete} whose JDBC batch runs as one statement for up to {@value #MAX_ENTRIES} entries instead
 * of one statement an entry. Each entry's update count is what running the entries one by one would have answered: the
 * rows its key deleted, all of them for the first entry with that key and none for a repeat. The engine relies on these
 * counts for its optimistic locking (a count of 0 for a versioned delete is a concurrent modification). A batch of one
 * entry, or one whose keys are not plain text or integers, runs entry by entry as before.
 */
final class CombinedDeleteStatement extends RecordedBatch {

    static final int MAX_ENTRIES = 100;
    /** The entry counts combined statements are written for (padded by repeating a key), so that few shapes are prepared. */
    private static final int[] SIZES = {2, 4, 8, 16, 32, 64, MAX_ENTRIES};
    /** Setters whose value the database returns unchanged (a {@code setObject} with a target type may convert it). */
    private static final Set<String> KEY_SETTERS = Set.of("setString", "setNString", "setInt", "setLong", "setShort",
            "setObject");

    private final KeyedDelete delete;

    private CombinedDeleteStatement(PreparedStatement target, Connection connection, KeyedDelete delete) {
        super(target, connection);
        this.delete = delete;
    }

    /** {@code target} (prepared on {@code connection} for {@code delete}) with its batches combined. */
    static PreparedStatement wrap(PreparedStatement target, Connection connection, KeyedDelete delete) {
        return proxy(new CombinedDeleteStatement(target, connection, delete));
    }

    @Override
    protected int[] executeBatch(List<Map<Integer, Setter>> batch) throws SQLException {
        List<List<String>> keys = batch.stream().map(this::key).toList();
        if (batch.size() < 2 || keys.contains(null)) {
            return asTheDriverWould(batch);
        }
        int[] counts = new int[batch.size()];
        for (int from = 0; from < batch.size(); from += MAX_ENTRIES) {
            int to = Math.min(batch.size(), from + MAX_ENTRIES);
            try {
                deleteAtOnce(batch.subList(from, to), keys.subList(from, to), counts, from);
            } catch (SQLException e) {
                throw failed(e, counts, from);
            }
        }
        return counts;
    }

    private void deleteAtOnce(List<Map<Integer, Setter>> chunk, List<List<String>> keys, int[] counts, int offset)
            throws SQLException {
        int size = Arrays.stream(SIZES).filter(s -> s >= chunk.size()).findFirst().orElseThrow();
        List<Map<Integer, Setter>> padded = new ArrayList<>(chunk);
        while (padded.size() < size) {
            padded.add(chunk.get(chunk.size() - 1));
        }
        int width = delete.columns().size();
        Map<List<String>, Integer> deleted = new HashMap<>();
        try (PreparedStatement statement = preparedOnServer(delete.combined(size))) {
            withTargetsTimeout(statement);
            setAll(statement, padded, width);
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
            String value = setter == null || !KEY_SETTERS.contains(setter.method().getName()) || setter.args().length != 2
                    ? null : text(setter.value());
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
}
