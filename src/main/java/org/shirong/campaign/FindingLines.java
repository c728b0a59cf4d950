package org.shirong.campaign;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads the findings typed (or pasted from a spreadsheet) on a campaign task's form: one problem per
 * line, columns separated by a tab, ｜, |, ； or ; — 问题描述, 地点, 问题类别 (name or code, may be
 * left out), 补充说明 (may be left out), 属地 (the town or street, may be left out), 社区 (社区、村 or 网格,
 * may be left out): a line of the first four columns means what it always did. Blank lines are skipped. Other line-per-row fields of the
 * campaign's forms (inspection scores) split their columns the same way, with {@link #columns}.
 */
final class FindingLines {

    private static final Pattern COLUMNS = Pattern.compile("\t|｜|\\||；|;");
    static final String EXAMPLE = "九亭大街 18 号垃圾桶满溢｜九亭大街 18 号｜暴露垃圾｜沿街商铺门前";

    private FindingLines() {
    }

    /** Each non-blank line as {title, address, category, description, territory, community, line}. */
    static List<Map<String, Object>> parse(String text) {
        List<Map<String, Object>> rows = new ArrayList<>();
        String[] lines = text.split("\\r?\\n");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            String[] columns = columns(lines[i]);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("title", column(columns, 0));
            row.put("address", column(columns, 1));
            row.put("category", column(columns, 2));
            row.put("description", column(columns, 3));
            row.put("territory", column(columns, 4));
            row.put("community", column(columns, 5));
            row.put("line", i + 1);
            rows.add(row);
        }
        return rows;
    }

    /** The columns of one line, empty ones kept. */
    static String[] columns(String line) {
        return COLUMNS.split(line, -1);
    }

    private static String column(String[] columns, int index) {
        return index < columns.length ? columns[index].strip() : "";
    }
}
