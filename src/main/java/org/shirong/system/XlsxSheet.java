package org.shirong.system;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * One exported table as an Excel sheet, written as it goes (FastExcel keeps only the rows not yet flushed): a title
 * row, a row naming the filter and the export time, the Chinese column headers (bold, frozen, with a filter), and
 * data rows below. Dates and times are real Excel dates in the organisation's zone; free text is written inline, so
 * that a long ledger does not grow the workbook's shared string table in memory.
 */
public final class XlsxSheet {

    public static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final String DATE_TIME = "yyyy-mm-dd hh:mm";
    private static final String HEADER_FILL = "DDEBF7";
    private static final int FIRST_DATA_ROW = 3;

    /** A column: its header and its width in characters. */
    public record Column(String header, double width) {
    }

    private final Worksheet sheet;
    private final ZoneId zone;

    private XlsxSheet(Worksheet sheet, ZoneId zone) {
        this.sheet = sheet;
        this.zone = zone;
    }

    /** A new sheet of the workbook with its title, subtitle (filter, export time) and header rows. */
    public static XlsxSheet start(Workbook workbook, String name, String title, String subtitle, List<Column> columns,
            ZoneId zone) {
        Worksheet sheet = workbook.newWorksheet(name);
        int last = columns.size() - 1;
        sheet.value(0, 0, title);
        sheet.range(0, 0, 0, last).merge();
        sheet.style(0, 0).bold().fontSize(14).set();
        sheet.rowHeight(0, 24);
        sheet.inlineString(1, 0, subtitle);
        sheet.range(1, 0, 1, last).merge();
        sheet.style(1, 0).fontColor("595959").set();
        for (int c = 0; c < columns.size(); c++) {
            sheet.value(2, c, columns.get(c).header());
            sheet.width(c, columns.get(c).width());
        }
        sheet.range(2, 0, 2, last).style().bold().fillColor(HEADER_FILL).borderStyle("thin").wrapText(true).set();
        sheet.freezePane(0, FIRST_DATA_ROW);
        sheet.setAutoFilter(2, 0, last);
        return new XlsxSheet(sheet, zone);
    }

    public int firstDataRow() {
        return FIRST_DATA_ROW;
    }

    /** Free text of one row (title, address): written inline. */
    public void text(int row, int column, String value) {
        if (value != null && !value.isEmpty()) {
            sheet.inlineString(row, column, value);
        }
    }

    /** A text that repeats from row to row (a unit, a status): kept once in the shared strings. */
    public void label(int row, int column, String value) {
        if (value != null && !value.isEmpty()) {
            sheet.value(row, column, value);
        }
    }

    public void number(int row, int column, Number value) {
        if (value != null) {
            sheet.value(row, column, value);
        }
    }

    /** A number shown with two decimals (a score, a rate in percent). */
    public void decimal(int row, int column, Number value) {
        if (value != null) {
            sheet.value(row, column, value);
            sheet.style(row, column).format("0.00").set();
        }
    }

    /** A rate given in percent (66.67) as an Excel percentage (0.6667 shown as 66.67%). */
    public void percent(int row, int column, java.math.BigDecimal percent) {
        if (percent != null) {
            sheet.value(row, column, percent.movePointLeft(2));
            sheet.style(row, column).format("0.00%").set();
        }
    }

    /** An instant as an Excel date and time in the organisation's zone; empty when null. */
    public void dateTime(int row, int column, Instant value) {
        if (value != null) {
            sheet.value(row, column, value.atZone(zone).toLocalDateTime());
            sheet.style(row, column).format(DATE_TIME).set();
        }
    }

    /** A note below the table (the 通报 sentence), across the sheet's width. */
    public void note(int row, int columns, String value) {
        sheet.inlineString(row, 0, value);
        sheet.range(row, 0, row, columns - 1).merge();
        sheet.style(row, 0).wrapText(true).set();
    }

    /** Writes the rows given so far to the output, so that they leave memory. */
    public void flush() throws IOException {
        sheet.flush();
    }

    /**
     * The {@code Content-Disposition} of a download: the Chinese name per RFC 6266/5987 ({@code filename*=UTF-8''…})
     * and a plain ASCII name for clients that do not read it.
     */
    public static String attachment(String fileName, String asciiFallback) {
        String encoded = URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A");
        return "attachment; filename=\"" + asciiFallback.replaceAll("[^A-Za-z0-9._-]", "_") + "\"; filename*=UTF-8''" + encoded;
    }
}
