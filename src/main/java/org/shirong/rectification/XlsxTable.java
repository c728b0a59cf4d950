package org.shirong.rectification;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.shirong.system.InvalidRequestException;

/**
 * An import file as an Excel workbook (.xlsx): the rows of its first sheet, streamed (FastExcel reads the
 * sheet's XML as it goes, so a long sheet is not held in memory). Numbers are read as typed (1001, not
 * 1001.0), formulas by their last computed value. A workbook whose parts unpack to more than
 * {@value #MAX_UNPACKED_MB} MB is refused before FastExcel reads it: it keeps the shared strings in memory, and a 300 KB
 * upload whose one string unpacked to 300 MB ran the server out of heap (its connector thread died with it, and every
 * later request went unanswered). The file's 10,000 rows at most unpack to far less.
 */
final class XlsxTable implements ImportTable {

    static final int MAX_UNPACKED_MB = 50;
    private static final long MAX_UNPACKED_BYTES = MAX_UNPACKED_MB * 1024L * 1024L;

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
            byte[] file = in.readAllBytes(); // as FastExcel reads it: the upload is at most the multipart limit
            refuseOverUnpacked(file);
            workbook = new ReadableWorkbook(new ByteArrayInputStream(file));
            return new XlsxTable(workbook);
        } catch (InvalidRequestException refused) {
            close(workbook);
            throw refused;
        } catch (IOException | RuntimeException e) {
            close(workbook);
            throw ImportTable.refused("UNREADABLE_XLSX", "无法读取 Excel 文件，请用 Excel 或 WPS 重新保存为 .xlsx 后导入");
        }
    }

    /**
     * Unpacks every part of the workbook as FastExcel would find it (the same ZIP reader, over the same bytes), counting
     * what comes out rather than trusting the sizes the archive declares, and refuses the file past the limit.
     */
    private static void refuseOverUnpacked(byte[] file) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long unpacked = 0;
        try (ZipFile zip = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(file)).get()) {
            for (ZipArchiveEntry entry : Collections.list(zip.getEntries())) {
                try (InputStream part = zip.getInputStream(entry)) {
                    for (int n = part.read(buffer); n >= 0; n = part.read(buffer)) {
                        unpacked += n;
                        if (unpacked > MAX_UNPACKED_BYTES) {
                            throw ImportTable.refused("XLSX_TOO_LARGE_UNPACKED", "Excel 文件解压后超过 " + MAX_UNPACKED_MB
                                    + " MB，整个文件未导入（正常的导入文件远小于此）；请用 Excel 或 WPS 重新保存，或分成几个文件导入");
                        }
                    }
                }
            }
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
        } catch (InvalidRequestException refused) {
            throw refused;
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
