package org.shirong.rectification;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

/**
 * An import file as an Excel workbook (.xlsx): the rows of its first sheet, streamed (FastExcel reads the
 * sheet's XML as it goes, so a long sheet is not held in memory). Numbers are read as typed (1001, not
 * 1001.0), formulas by their last computed value.
 */
final class XlsxTable implements ImportTable {

    private final ReadableWorkbook workbook;
    private final Stream<Row> stream;
    private final Iterator<Row> rows;
    private final List<String> headers;

    private XlsxTable(ReadableWorkbook workbook) throws IOException {
        this.workbook = workbook;
        Sheet first = workbook.getFirstSheet();
        this.stream = first.openStream();
        this.rows = stream.iterator();
        TableRow header = nextRow();
        this.headers = header == null ? List.of() : header.cells();
    }

    static XlsxTable open(InputStream in) {
        ReadableWorkbook workbook = null;
        try {
            workbook = new ReadableWorkbook(in);
            return new XlsxTable(workbook);
        } catch (IOException | RuntimeException e) {
            close(workbook);
            throw ImportTable.refused("UNREADABLE_XLSX", "无法读取 Excel 文件，请用 Excel 或 WPS 重新保存为 .xlsx 后导入");
        }
    }

    @Override
    public List<String> headers() {
        return headers;
    }

    @Override
    public TableRow next() {
        try {
            return nextRow();
        } catch (RuntimeException e) {
            throw ImportTable.refused("UNREADABLE_XLSX", "无法读取 Excel 文件的第一个工作表，请用 Excel 或 WPS 重新保存为 .xlsx 后导入");
        }
    }

    private TableRow nextRow() {
        while (rows.hasNext()) {
            Row row = rows.next();
            List<String> cells = new ArrayList<>();
            for (int i = 0; i < row.getCellCount(); i++) {
                cells.add(text(row.getCell(i)));
            }
            while (!cells.isEmpty() && cells.get(cells.size() - 1).isEmpty()) {
                cells.remove(cells.size() - 1);
            }
            if (!cells.isEmpty()) {
                return new TableRow(row.getRowNum(), cells);
            }
        }
        return null;
    }

    private static String text(Cell cell) {
        if (cell == null || cell.getType() == CellType.EMPTY) {
            return "";
        }
        if (cell.getType() == CellType.NUMBER) {
            BigDecimal number = cell.asNumber();
            return number == null ? "" : number.stripTrailingZeros().toPlainString();
        }
        String text = cell.getText();
        return text == null ? "" : text.strip();
    }

    @Override
    public void close() {
        stream.close();
        close(workbook);
    }

    private static void close(ReadableWorkbook workbook) {
        if (workbook == null) {
            return;
        }
        try {
            workbook.close();
        } catch (IOException ignored) {
            // read from memory; nothing is left open
        }
    }
}
