package org.shirong.rectification;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.io.input.BOMInputStream;
import org.shirong.system.ApiError;
import org.shirong.system.InvalidRequestException;

/** An import file in CSV, UTF-8 with or without BOM; a broken quote or a non-UTF-8 byte is refused by its row. */
final class CsvTable implements ImportTable {

    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final List<String> headers;

    private CsvTable(CSVParser parser) {
        this.parser = parser;
        this.records = parser.iterator();
        this.headers = hasNext(1) ? strip(records.next()) : List.of();
    }

    static CsvTable open(InputStream in) throws IOException {
        var reader = new InputStreamReader(BOMInputStream.builder().setInputStream(in).get(),
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT));
        return new CsvTable(CSVFormat.DEFAULT.builder().setTrim(true).setIgnoreEmptyLines(true).get().parse(reader));
    }

    @Override
    public List<String> headers() {
        return headers;
    }

    @Override
    public TableRow next() {
        while (hasNext((int) parser.getRecordNumber() + 1)) {
            CSVRecord record = records.next();
            List<String> cells = strip(record);
            if (cells.stream().anyMatch(c -> !c.isEmpty())) {
                return new TableRow((int) record.getRecordNumber(), cells);
            }
        }
        return null;
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException ignored) {
            // the upload is read to its end or refused; nothing is left to release but the stream
        }
    }

    private static List<String> strip(CSVRecord record) {
        return record.stream().map(c -> c == null ? "" : c.strip()).toList();
    }

    /**
     * Whether there is another record; a record the parser cannot finish (a quote never closed) or whose
     * bytes are not UTF-8 refuses the file naming the row it starts on.
     */
    private boolean hasNext(int row) {
        try {
            return records.hasNext();
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof CharacterCodingException) {
                throw new InvalidRequestException(row == 1
                        ? ApiError.field("file", "NOT_UTF8", "文件不是 UTF-8 编码，请在 Excel 中另存为“CSV UTF-8”或直接上传 .xlsx 文件")
                        : ApiError.row(row, null, "NOT_UTF8", "第 " + row + " 行：不是 UTF-8 编码的文字，请在 Excel 中另存为“CSV UTF-8”"));
            }
            throw new InvalidRequestException(ApiError.row(row, null, "UNREADABLE_CSV", "第 " + row
                    + " 行：无法读取，引号使用有误：引号须成对出现，字段中的引号请写成两个引号（\"\"）"));
        }
    }
}
