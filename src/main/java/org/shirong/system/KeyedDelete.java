package org.shirong.system;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A delete by equal keys, {@code delete from T where a = ? and b = ?}, as the engine sends one for each deleted row
 * (a variable, a task, an identity link, a job...) in a JDBC batch, and the one statement that deletes a whole batch of
 * such rows on PostgreSQL: {@code delete from T where (a, b) in ((?, ?), (?, ?)) returning a, b}. The returned keys tell
 * how many rows each entry of the batch deleted.
 */
record KeyedDelete(String table, List<String> columns) {

    private static final Pattern SHAPE = Pattern.compile(
            "\\s*delete\\s+from\\s+(\\w+)\\s+where\\s+(\\w+\\s*=\\s*\\?(?:\\s+and\\s+\\w+\\s*=\\s*\\?)*)\\s*",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern AND = Pattern.compile("\\s+and\\s+", Pattern.CASE_INSENSITIVE);

    /** The delete {@code sql} is, if it has this shape. */
    static Optional<KeyedDelete> of(String sql) {
        Matcher m = SHAPE.matcher(sql);
        if (!m.matches()) {
            return Optional.empty();
        }
        List<String> columns = Arrays.stream(AND.split(m.group(2)))
                .map(condition -> condition.substring(0, condition.indexOf('=')).strip())
                .toList();
        return Optional.of(new KeyedDelete(m.group(1), columns));
    }

    /** The statement that deletes the rows of {@code entries} keys at once and returns the key of each deleted row. */
    String combined(int entries) {
        String list = String.join(", ", columns);
        String key = String.join(", ", Collections.nCopies(columns.size(), "?"));
        if (columns.size() > 1) {
            list = "(" + list + ")";
            key = "(" + key + ")";
        }
        String keys = String.join(", ", Collections.nCopies(entries, key));
        return "delete from " + table + " where " + list + " in (" + keys + ") returning " + String.join(", ", columns);
    }
}
