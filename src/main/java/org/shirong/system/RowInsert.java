package org.shirong.system;

import java.util.Collections;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An insert of one row, {@code insert into T (a, b) values (?, cast(? as timestamp))}, as the engine and Shirong send
 * one an entry in a JDBC batch, and the one statement that inserts a whole batch of rows:
 * {@code insert into T (a, b) values (?, cast(? as timestamp)), (?, cast(? as timestamp))}.
 */
record RowInsert(String head, String row, int parameters) {

    /** A row that reads a table would see the batch's earlier rows one by one, but not in one statement. */
    private static final Pattern SELECT = Pattern.compile("\\bselect\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern SHAPE = Pattern.compile(
            "(\\s*insert\\s+into\\s+\\w+\\s*\\([\\w\\s,]+\\)\\s*values\\s*)(\\(.*\\))\\s*",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    /** The insert {@code sql} is, if it has this shape: one row of values, no quoted text or query, nothing after the row. */
    static Optional<RowInsert> of(String sql) {
        Matcher m = SHAPE.matcher(sql);
        if (!m.matches() || m.group(2).indexOf('\'') >= 0 || m.group(2).indexOf('"') >= 0 || !oneRow(m.group(2))
                || SELECT.matcher(m.group(2)).find()) {
            return Optional.empty();
        }
        int parameters = (int) m.group(2).chars().filter(c -> c == '?').count();
        return parameters == 0 ? Optional.empty() : Optional.of(new RowInsert(m.group(1), m.group(2), parameters));
    }

    /** The statement that inserts {@code rows} rows. */
    String combined(int rows) {
        return head + String.join(", ", Collections.nCopies(rows, row));
    }

    /** Whether {@code values} is one parenthesised row: its first parenthesis closes at its end. */
    private static boolean oneRow(String values) {
        int depth = 0;
        for (int i = 0; i < values.length(); i++) {
            char c = values.charAt(i);
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            if (depth == 0 && i < values.length() - 1) {
                return false;
            }
        }
        return depth == 0;
    }
}
