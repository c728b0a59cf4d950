package org.shirong.rectification;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
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

/**
 * An import file in CSV: UTF-8 with or without BOM, or GBK/GB18030 (what Excel and WPS on a Chinese Windows write for
 * “CSV（逗号分隔）”), told apart by the file's first 64 KB; a broken quote or a byte of neither is refused by its row.
 */
final class CsvTable implements ImportTable {

    /** Enough for the header and the first rows, where a GBK file's Chinese shows. */
    private static final int SAMPLE = 64 * 1024;
    private static final Charset GB18030 = Charset.forName("GB18030");

    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final List<String> headers;

    private CsvTable(CSVParser parser) {
        this.parser = parser;
        this.records = parser.iterator();
        this.headers = hasNext(1) ? strip(records.next()) : List.of();
    }

    static CsvTable open(InputStream in) throws IOException {
        BOMInputStream withoutBom = BOMInputStream.builder().setInputStream(in).get();
        BufferedInputStream text = new BufferedInputStream(withoutBom, SAMPLE);
        Charset charset = withoutBom.hasBOM() ? StandardCharsets.UTF_8 : charsetOf(text);
        var reader = new InputStreamReader(text, charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT));
        return new CsvTable(CSVFormat.DEFAULT.builder().setTrim(true).setIgnoreEmptyLines(true).get().parse(reader));
    }

    /** UTF-8 unless the sample is not UTF-8 but is GB18030 (a superset of GBK); the stream is left where it was. */
    private static Charset charsetOf(BufferedInputStream text) throws IOException {
        text.mark(SAMPLE);
        byte[] sample = text.readNBytes(SAMPLE);
        text.reset();
        boolean whole = sample.length < SAMPLE;
        return decodes(StandardCharsets.UTF_8, sample, whole) || !decodes(GB18030, sample, whole) ? StandardCharsets.UTF_8 : GB18030;
    }

    /** Whether the bytes are text in the charset; a character cut at the sample's end counts when the file goes on. */
    private static boolean decodes(Charset charset, byte[] bytes, boolean whole) {
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        return !decoder.decode(ByteBuffer.wrap(bytes), CharBuffer.allocate(bytes.length + 2), whole).isError();
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
     * bytes are not text in the file's encoding refuses the file naming the row it starts on.
     */
    private boolean hasNext(int row) {
        try {
            return records.hasNext();
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof CharacterCodingException) {
                throw new InvalidRequestException(row == 1
                        ? ApiError.field("file", "NOT_UTF8", "文件不是 UTF-8 或 GBK 编码的文字，请在 Excel 中另存为“CSV UTF-8”或直接上传 .xlsx 文件")
                        : ApiError.row(row, null, "NOT_UTF8", "第 " + row + " 行：文字编码与文件开头不同或有误（须全文 UTF-8 或全文 GBK），"
                                + "请在 Excel 中另存为“CSV UTF-8”"));
            }
            throw new InvalidRequestException(ApiError.row(row, null, "UNREADABLE_CSV", "第 " + row
                    + " 行：无法读取，引号使用有误：引号须成对出现，字段中的引号请写成两个引号（\"\"）"));
        }
    }
}
