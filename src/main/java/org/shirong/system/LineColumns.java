package org.shirong.system;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one reader of the line-per-row fields that people type or paste into a form (a campaign task's
 * findings, a meeting's decisions, inspection score sheets): one row a line, columns separated by a
 * full-width {@code ｜} or an ASCII {@code |}, or by tabs: a line with a tab is a row pasted from Excel or
 * WPS, split at its tabs only, so a cell may contain a bar. Semicolons ({@code ；} and {@code ;}) are text
 * and never separate columns, so a description may say "属实；已告知物业". Blank lines are
 * skipped; lines keep their number as the user counts them (blank ones included), so a refusal can name it.
 * Empty columns at the end of a line (a pasted row with empty trailing cells) do not count; a line with
 * more columns than its field has is refused by {@link #tooMany}, never cut short.
 */
public final class LineColumns {

    /** The rule, as the forms and refusals state it. */
    public static final String RULE = "各栏之间用全角竖线 ｜ 或半角竖线 | 分隔，也可从 Excel / WPS 表格整行复制粘贴"
            + "（含 Tab 的行只按 Tab 分栏）；分号 ；; 是文字，不分栏";

    private static final Pattern BARS = Pattern.compile("[｜|]");

    /** One non-blank line: its number (from 1, blank lines counted) and its columns, stripped. */
    public record Line(int number, List<String> columns) {

        /** The column at {@code index} (from 0), or "" when the line has fewer. */
        public String column(int index) {
            return index < columns.size() ? columns.get(index) : "";
        }

        /** "第 n 行：", the start of every refusal naming this line. */
        public String at() {
            return "第 " + number + " 行：";
        }
    }

    private LineColumns() {
    }

    /** The non-blank lines of a field's text; none for null or blank text. */
    public static List<Line> lines(String text) {
        List<Line> lines = new ArrayList<>();
        if (text == null) {
            return lines;
        }
        String[] raw = text.split("\\R", -1);
        for (int i = 0; i < raw.length; i++) {
            if (!TextInput.isBlank(raw[i])) {
                lines.add(new Line(i + 1, columns(raw[i])));
            }
        }
        return lines;
    }

    /** The columns of one line (at its tabs if it has any, else at its bars), stripped, empty ones kept except at the end. */
    public static List<String> columns(String line) {
        String[] parts = line.indexOf('\t') >= 0 ? line.split("\t", -1) : BARS.split(line, -1);
        List<String> columns = new ArrayList<>(Arrays.stream(parts).map(String::strip).toList());
        while (columns.size() > 1 && columns.get(columns.size() - 1).isEmpty()) {
            columns.remove(columns.size() - 1);
        }
        return columns;
    }

    /**
     * The refusal of a line with more than {@code max} columns, naming the line and the columns the field
     * has ({@code format}, e.g. "问题描述｜地点｜问题类别"); empty when it has no more.
     */
    public static Optional<String> tooMany(Line line, int max, String format) {
        if (line.columns().size() <= max) {
            return Optional.empty();
        }
        return Optional.of(line.at() + "有 " + line.columns().size() + " 栏，最多 " + max + " 栏：" + format
                + "。整行未收，请检查文字里是否写了竖线 ｜ 或 |（分栏符；分号不分栏，可以写在文字里）");
    }
}
