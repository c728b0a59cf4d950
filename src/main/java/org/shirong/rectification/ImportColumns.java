package org.shirong.rectification;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.shirong.system.ApiError;
import org.shirong.system.InvalidRequestException;
import org.shirong.system.TextInput;

/**
 * The columns an import (cases, 责任区) takes, each a key with the header names it may be given by, and how a file's
 * header row and data rows are read against them: a column the import does not know, one given twice or a required one
 * missing refuses the file by name; something written under a column without a name refuses its row.
 */
public final class ImportColumns {

    private final Map<String, List<String>> names;
    private final List<String> required;
    private final int templateName;

    /**
     * {@code names}: key → the header names accepted for it, in the template's order (a LinkedHashMap), the first
     * being the one an error's {@code column} gives (as the import's row errors do); {@code templateName}: which of each
     * column's names the template and the messages use.
     */
    public ImportColumns(Map<String, List<String>> names, List<String> required, int templateName) {
        this.names = names;
        this.required = required;
        this.templateName = templateName;
    }

    /** The template's name of the column {@code key}; the key itself when it is no column. */
    public String header(String key) {
        List<String> accepted = names.get(key);
        return accepted == null ? key : accepted.get(templateName);
    }

    /** The column keys, in the template's order. */
    public List<String> keys() {
        return List.copyOf(names.keySet());
    }

    /** The template's header row. */
    public List<String> headers() {
        return names.keySet().stream().map(this::header).toList();
    }

    /** The file's header row read: which column holds which key. Refuses the file naming every problem with it. */
    public Header read(List<String> headers) {
        Map<String, Integer> indexOf = new HashMap<>();
        List<ApiError> problems = new ArrayList<>();
        for (int i = 0; i < headers.size(); i++) {
            String header = headers.get(i).strip();
            if (header.isEmpty()) {
                continue; // a column without a name is refused only where a row has something in it
            }
            Optional<String> key = names.entrySet().stream()
                    .filter(c -> c.getValue().stream().anyMatch(n -> n.equalsIgnoreCase(header))).map(Map.Entry::getKey).findFirst();
            if (key.isEmpty()) {
                problems.add(ApiError.row(1, TextInput.shortened(header, 40), "UNKNOWN_COLUMN", "第 1 行（表头）：不认识的列“"
                        + TextInput.shortened(header, 40) + "”，整个文件未导入。可用的列：" + String.join("、", headers()) + "；请改正列名或删去这一列"));
            } else if (indexOf.containsKey(key.get())) {
                problems.add(ApiError.row(1, header, "DUPLICATE_COLUMN", "第 1 行（表头）：列“" + header + "”与列“"
                        + headers.get(indexOf.get(key.get())).strip() + "”是同一列，请只保留一个"));
            } else {
                indexOf.put(key.get(), i);
            }
        }
        for (String key : required) {
            if (!indexOf.containsKey(key)) {
                List<String> otherNames = names.get(key).stream().filter(n -> !n.equals(header(key))).toList();
                problems.add(ApiError.row(1, names.get(key).get(0), "MISSING_COLUMN", "第 1 行（表头）：缺少列“" + header(key) + "”"
                        + (otherNames.isEmpty() ? "" : "（也可写作 " + String.join("、", otherNames) + "）")));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return new Header(indexOf, headers);
    }

    /** A file's header row: the column index of each key it has, and the names as written. */
    public record Header(Map<String, Integer> indexOf, List<String> names) {

        /** The row's value in the column {@code key}, stripped; null when blank or the file has no such column. */
        public String value(ImportTable.TableRow row, String key) {
            Integer index = indexOf.get(key);
            if (index == null) {
                return null;
            }
            String value = row.cell(index);
            return value.isBlank() ? null : value.strip();
        }

        /**
         * Something written under a column the header row gives no name: refused, as it would be lost; one problem for the
         * row, naming the first few such columns (a row may have thousands).
         */
        public List<ApiError> unnamedCells(ImportTable.TableRow row) {
            List<Integer> unnamed = new ArrayList<>();
            for (int i = 0; i < row.cells().size(); i++) {
                boolean named = i < names.size() && !names.get(i).isBlank();
                if (!named && !row.cell(i).isEmpty()) {
                    unnamed.add(i);
                }
            }
            if (unnamed.isEmpty()) {
                return new ArrayList<>();
            }
            String first = TextInput.shortened(row.cell(unnamed.get(0)), 40);
            String message = unnamed.size() == 1
                    ? "第 " + (unnamed.get(0) + 1) + " 列有内容“" + first + "”，但这一列在表头中没有列名"
                    : "第 " + unnamed.stream().limit(NAMED_COLUMNS).map(i -> String.valueOf(i + 1)).collect(Collectors.joining("、"))
                            + " 列" + (unnamed.size() > NAMED_COLUMNS ? "等 " + unnamed.size() + " 列" : "") + "有内容（如“" + first
                            + "”），但这些列在表头中没有列名";
            return new ArrayList<>(List.of(ApiError.row(row.number(), null, "UNNAMED_COLUMN", "第 " + row.number() + " 行："
                    + message + "；请补上列名或删去内容")));
        }

        private static final int NAMED_COLUMNS = 5;
    }
}
