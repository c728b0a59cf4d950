package org.shirong.report;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the tables and sentences of a rendered document back, so that tests compare what a reader sees. */
public final class HtmlTables {

    private static final Pattern ROW = Pattern.compile("<tr[^>]*>(.*?)</tr>", Pattern.DOTALL);
    private static final Pattern CELL = Pattern.compile("<td[^>]*>(.*?)</td>", Pattern.DOTALL);
    private static final Pattern PARAGRAPH = Pattern.compile("<p[^>]*>(.*?)</p>", Pattern.DOTALL);
    private static final Pattern NUMBER = Pattern.compile("\\d+");

    private HtmlTables() {
    }

    /** The data rows (header left out) of the table with that class, each as its cells' text. */
    public static List<List<String>> rows(String html, String tableClass) {
        String table = table(html, tableClass);
        List<List<String>> rows = new ArrayList<>();
        if (table == null) {
            return rows;
        }
        Matcher row = ROW.matcher(table);
        while (row.find()) {
            List<String> cells = new ArrayList<>();
            Matcher cell = CELL.matcher(row.group(1));
            while (cell.find()) {
                cells.add(cell.group(1).strip());
            }
            if (!cells.isEmpty()) {
                rows.add(cells);
            }
        }
        return rows;
    }

    /** The text of the last paragraph before the table with that class. */
    static String sentenceBefore(String html, String tableClass) {
        int at = html.indexOf("<table class=\"" + tableClass + "\"");
        if (at < 0) {
            throw new AssertionError("文书中没有表格 " + tableClass);
        }
        Matcher p = PARAGRAPH.matcher(html.substring(0, at));
        String last = null;
        while (p.find()) {
            last = p.group(1);
        }
        return last;
    }

    /** The last {@code n} numbers of a sentence (those after its date). */
    static List<Integer> lastNumbers(String text, int n) {
        List<Integer> numbers = new ArrayList<>();
        Matcher m = NUMBER.matcher(text);
        while (m.find()) {
            numbers.add(Integer.parseInt(m.group()));
        }
        return numbers.subList(Math.max(0, numbers.size() - n), numbers.size());
    }

    /** The numbers of a row's cells that hold one. */
    static List<Integer> numbers(List<String> row) {
        return row.stream().filter(c -> c.matches("\\d+")).map(Integer::parseInt).toList();
    }

    /** The sums of the columns from {@code firstColumn} on. */
    static List<Integer> columnSums(List<List<String>> rows, int firstColumn) {
        List<Integer> sums = new ArrayList<>();
        for (List<String> row : rows) {
            for (int k = firstColumn; k < row.size(); k++) {
                int value = Integer.parseInt(row.get(k));
                if (sums.size() <= k - firstColumn) {
                    sums.add(value);
                } else {
                    sums.set(k - firstColumn, sums.get(k - firstColumn) + value);
                }
            }
        }
        return sums;
    }

    private static String table(String html, String tableClass) {
        int start = html.indexOf("<table class=\"" + tableClass + "\"");
        return start < 0 ? null : html.substring(start, html.indexOf("</table>", start));
    }
}
