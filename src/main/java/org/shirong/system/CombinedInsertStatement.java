package org.shirong.system;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A prepared {@link RowInsert} whose JDBC batch of fewer than {@value #MAX_ROWS} rows runs as one multi-row insert. The
 * driver's {@code reWriteBatchedInserts} splits a batch into powers of two (7 rows: 4 + 2 + 1, three statements); it
 * still rewrites batches of a power of two rows, and of {@value #MAX_ROWS} or more, where its fixed set of shapes keeps
 * the prepared statements few. A multi-row insert writes all its rows or fails; each entry answers 1.
 */
final class CombinedInsertStatement extends RecordedBatch {

    static final int MAX_ROWS = 16;

    private final RowInsert insert;

    private CombinedInsertStatement(PreparedStatement target, Connection connection, RowInsert insert) {
        super(target, connection);
        this.insert = insert;
    }

    /** {@code target} (prepared on {@code connection} for {@code insert}) with its batches combined. */
    static PreparedStatement wrap(PreparedStatement target, Connection connection, RowInsert insert) {
        return proxy(new CombinedInsertStatement(target, connection, insert));
    }

    @Override
    protected int[] executeBatch(List<Map<Integer, Setter>> batch) throws SQLException {
        int rows = batch.size();
        boolean powerOfTwo = Integer.bitCount(rows) == 1;
        if (rows < 3 || powerOfTwo || rows >= MAX_ROWS || batch.stream().anyMatch(entry -> entry.size() != insert.parameters()
                || setsAStream(entry))) {
            return asTheDriverWould(batch);
        }
        int[] counts = new int[rows];
        int written;
        try (PreparedStatement statement = preparedOnServer(insert.combined(rows))) {
            withTargetsTimeout(statement);
            setAll(statement, batch, insert.parameters());
            written = statement.executeUpdate();
        } catch (SQLException e) {
            throw failed(e, counts, 0);
        }
        // a row a trigger or rule left out cannot be told apart: then no entry tells its count, as the driver's rewrite
        Arrays.fill(counts, written == rows ? 1 : Statement.SUCCESS_NO_INFO);
        return counts;
    }
}
