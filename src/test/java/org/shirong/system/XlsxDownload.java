package org.shirong.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * An Excel export downloaded over HTTP and read back with FastExcel's reader (cell formats included): its sheet name
 * and rows, with the title row, the filter row and the header row of {@link XlsxSheet} on top.
 */
public record XlsxDownload(String sheetName, List<Row> rows, String contentDisposition) {

    public static XlsxDownload of(ResponseEntity<byte[]> response) {
        return of(response, null);
    }

    /** The workbook's sheet named {@code sheetName} (the first when null); null when it has no such sheet. */
    public static XlsxDownload of(ResponseEntity<byte[]> response, String sheetName) {
        assertThat(response.getStatusCode()).as("%s", response.getBody() == null ? "" : new String(response.getBody()))
                .isEqualTo(HttpStatus.OK);
        assertThat(response.getHeaders().getContentType()).hasToString(XlsxSheet.CONTENT_TYPE);
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(response.getBody()),
                new ReadingOptions(true, false))) {
            var sheet = sheetName == null ? Optional.of(workbook.getFirstSheet()) : workbook.findSheet(sheetName);
            if (sheet.isEmpty()) {
                return null;
            }
            return new XlsxDownload(sheet.get().getName(), sheet.get().read(),
                    response.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String title() {
        return text(0, 0);
    }

    public String filterLine() {
        return text(1, 0);
    }

    public List<String> headers() {
        Row header = rows.get(2);
        return java.util.stream.IntStream.range(0, header.getCellCount()).mapToObj(i -> header.getCell(i).getText()).toList();
    }

    /** The data rows below the header (and above a note, if the sheet has one). */
    public List<Row> data() {
        return rows.subList(3, rows.size());
    }

    /** The cell under the header {@code header} in {@code row}; null when the row has none there. */
    public Cell cell(Row row, String header) {
        int column = headers().indexOf(header);
        assertThat(column).as("column %s", header).isNotNegative();
        return column < row.getCellCount() ? row.getCell(column) : null;
    }

    /** The text of the cell under {@code header}; "" when empty. */
    public String text(Row row, String header) {
        Cell cell = cell(row, header);
        return cell == null || cell.getText() == null ? "" : cell.getText();
    }

    private String text(int row, int column) {
        return rows.get(row).getCell(column).getText();
    }
}
