package org.shirong.rectification;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import org.shirong.system.ApiError;
import org.shirong.system.InvalidRequestException;

/**
 * The rows of an uploaded import file, read one at a time so a large file is never held as a whole: its
 * header row, then each data row with its number as the spreadsheet shows it (the header is row 1). Blank
 * rows are skipped. A CSV file (UTF-8) or an Excel workbook (.xlsx, its first sheet), told apart by the
 * file's first bytes, whatever its name or content type claim, so a misnamed file is still read right.
 * Public for the zone register's import ({@code zone.ZoneImport}), which reads its files the same way.
 */
public interface ImportTable extends AutoCloseable {

    String XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** The most characters a cell may hold: the longest any column takes (a case's description). */
    int MAX_CELL = 4000;

    /**
     * A data row: its number and its cells, stripped, "" for an empty one. A cell longer than {@link #MAX_CELL} refuses
     * the file by its row and column before anything reads it (a workbook may give one long shared string to every cell).
     */
    record TableRow(int number, List<String> cells) {

        public TableRow {
            for (int i = 0; i < cells.size(); i++) {
                int length = cells.get(i).length();
                if (length > MAX_CELL) {
                    throw new InvalidRequestException(ApiError.row(number, null, "CELL_TOO_LONG", "第 " + number + " 行：第 "
                            + (i + 1) + " 列有 " + length + " 个字，超过一格最多的 " + MAX_CELL + " 个字，整个文件未导入"));
                }
            }
        }

        public String cell(int index) {
            return index < cells.size() ? cells.get(index) : "";
        }
    }

    List<String> headers();

    /** The next non-blank data row, or null after the last. */
    TableRow next();

    @Override
    void close();

    /** Opens the upload as CSV or XLSX by its first bytes; an old binary .xls or a non-workbook named .xlsx is refused. */
    static ImportTable open(InputStream upload, String fileName, String contentType) {
        try {
            BufferedInputStream in = new BufferedInputStream(upload);
            in.mark(8);
            byte[] magic = in.readNBytes(4);
            in.reset();
            String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
            if (magic.length == 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4) {
                return XlsxTable.open(in);
            }
            if (magic.length == 4 && (magic[0] & 0xFF) == 0xD0 && (magic[1] & 0xFF) == 0xCF && magic[2] == 0x11
                    && (magic[3] & 0xFF) == 0xE0) {
                throw refused("OLD_EXCEL", "不支持旧版 Excel（.xls）文件，请在 Excel 或 WPS 中另存为“Excel 工作簿（.xlsx）”或“CSV UTF-8”后导入");
            }
            if (name.endsWith(".xlsx") || XLSX_TYPE.equals(contentType)) {
                throw refused("UNREADABLE_XLSX", "文件“" + fileName + "”不是有效的 Excel 工作簿（.xlsx），请用 Excel 或 WPS 重新保存后导入");
            }
            return CsvTable.open(in);
        } catch (IOException e) {
            throw refused("UNREADABLE_FILE", "无法读取上传的文件：" + e.getMessage());
        }
    }

    static InvalidRequestException refused(String code, String message) {
        return new InvalidRequestException(ApiError.field("file", code, message));
    }
}
