package org.shirong.rectification;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.io.input.BOMInputStream;
import org.shirong.system.ApiError;
import org.shirong.system.InvalidRequestException;
import org.shirong.system.TextInput;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports survey point problems or 明查暗访 findings from a UTF-8 CSV (with or without BOM), English
 * or Chinese headers. Every row is checked first; one bad row refuses the whole file, naming row,
 * column and reason. Rows whose external reference was imported before are skipped, so the same file
 * may be uploaded twice. The cases are then created in one transaction (all or none); it holds no lock
 * that another report needs (case numbers come from a sequence, see {@link CaseNumbers}), so single
 * reports go on while an import runs. Only a report with the external reference of a row being
 * imported waits for the import to end, and then finds that case.
 */
@Service
class CaseImport {

    /**
     * Column → accepted header names; {@code source} is optional and defaults to SURVEY; {@code territory}
     * (属地, the town or street) and {@code community} (社区、村 or 网格) are optional.
     */
    static final Map<String, List<String>> COLUMNS = new LinkedHashMap<>();

    static {
        COLUMNS.put("externalRef", List.of("externalRef", "外部编号", "编号"));
        COLUMNS.put("category", List.of("category", "问题类别", "类别"));
        COLUMNS.put("title", List.of("title", "标题", "问题"));
        COLUMNS.put("location", List.of("location", "地点", "位置"));
        COLUMNS.put("description", List.of("description", "描述", "问题描述"));
        COLUMNS.put("urgency", List.of("urgency", "紧急程度"));
        COLUMNS.put("source", List.of("source", "来源", "案件来源"));
        COLUMNS.put("territory", List.of("territory", "属地", "街镇"));
        COLUMNS.put("community", List.of("community", "社区", "村", "网格"));
    }

    record Result(int created, int skipped, List<String> caseNos) {
    }

    private final RectificationCases cases;
    private final CaseRecords records;
    private final NewCaseValidator validator;
    private final CategoryCatalogue catalogue;
    private final int maxRows;

    CaseImport(RectificationCases cases, CaseRecords records, NewCaseValidator validator, CategoryCatalogue catalogue,
            @Value("${shirong.rectification.import-max-rows}") int maxRows) {
        this.maxRows = maxRows;
        this.cases = cases;
        this.records = records;
        this.validator = validator;
        this.catalogue = catalogue;
    }

    @Transactional
    public Result importCsv(String organization, InputStream in, String actor) {
        return importCsv(organization, in, actor, null);
    }

    /**
     * As {@link #importCsv(String, InputStream, String)}, for the campaign {@code campaign} (may be null): every row
     * that names no campaign of its own belongs to it. A campaign the organisation does not have, or one that has
     * ended, refuses the file before any row is read.
     */
    @Transactional
    public Result importCsv(String organization, InputStream in, String actor, String campaign) {
        if (!TextInput.isBlank(campaign)) {
            List<ApiError> refused = new ArrayList<>();
            validator.campaign(refused, organization, new NewCase(null, null, null, null, null, null, null, campaign, null), false);
            if (!refused.isEmpty()) {
                throw new InvalidRequestException(refused);
            }
        }
        List<Row> rows = read(organization, in).stream().map(row -> TextInput.isBlank(campaign) || !TextInput.isBlank(row.newCase().campaign())
                ? row : new Row(row.number(), withCampaign(row.newCase(), campaign.strip()))).toList();
        List<ApiError> errors = new ArrayList<>();
        Map<String, Integer> firstRowOfRef = new HashMap<>();
        for (Row row : rows) {
            String ref = row.newCase().externalRef();
            if (ref == null || ref.isBlank()) {
                errors.add(ApiError.row(row.number(), "externalRef", "REQUIRED", "第 " + row.number() + " 行：缺少外部编号（用于防止重复导入）"));
            } else if (firstRowOfRef.putIfAbsent(ref, row.number()) != null) {
                errors.add(ApiError.row(row.number(), "externalRef", "DUPLICATE_IN_FILE",
                        "第 " + row.number() + " 行：外部编号 " + ref + " 与第 " + firstRowOfRef.get(ref) + " 行重复"));
            }
            for (ApiError e : validator.check(organization, row.newCase())) {
                String column = switch (e.field()) {
                    case "location.territory" -> "territory";
                    case "location.community" -> "community";
                    default -> e.field().startsWith("location") ? "location" : e.field();
                };
                errors.add(ApiError.row(row.number(), column, e.code(), "第 " + row.number() + " 行：" + e.message()));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        Set<String> existing = new HashSet<>(records.existingExternalRefs(organization, List.copyOf(firstRowOfRef.keySet())));
        List<String> created = new ArrayList<>();
        for (Row row : rows) {
            if (!existing.contains(row.newCase().externalRef())) {
                created.add(cases.register(organization, row.newCase(), actor).caseNo());
            }
        }
        return new Result(created.size(), rows.size() - created.size(), created);
    }

    private record Row(int number, NewCase newCase) {
    }

    private static NewCase withCampaign(NewCase c, String campaign) {
        return new NewCase(c.title(), c.category(), c.urgency(), c.source(), c.location(), c.description(), c.externalRef(),
                campaign, c.subItem());
    }

    private List<Row> read(String organization, InputStream in) {
        try (Reader reader = new InputStreamReader(BOMInputStream.builder().setInputStream(in).get(),
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT));
             CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                     .setIgnoreEmptyLines(true).get().parse(reader)) {
            Map<String, String> headerOf = columns(parser.getHeaderNames());
            List<Row> rows = new ArrayList<>();
            var records = parser.iterator();
            while (next(records, rows.size())) {
                if (rows.size() == maxRows) {
                    throw new InvalidRequestException(ApiError.field("file", "TOO_MANY_ROWS",
                            "文件超过 " + maxRows + " 行数据的上限，一次最多导入 " + maxRows + " 行，请分成几个文件导入"));
                }
                CSVRecord record = records.next();
                rows.add(new Row((int) record.getRecordNumber() + 1, newCase(organization, record, headerOf)));
            }
            if (rows.isEmpty()) {
                throw new InvalidRequestException(ApiError.field("file", "EMPTY_FILE", "文件中没有数据行"));
            }
            return rows;
        } catch (CharacterCodingException e) {
            throw new InvalidRequestException(ApiError.field("file", "NOT_UTF8", "文件不是 UTF-8 编码，请在 Excel 中另存为“CSV UTF-8”"));
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            throw new InvalidRequestException(ApiError.field("file", "UNREADABLE_CSV", "无法读取 CSV 文件：" + e.getMessage()));
        }
    }

    /**
     * Whether there is another record; a record the parser cannot finish (a quote never closed) refuses the
     * file naming the row it starts on, counted as the other row errors are (the header is row 1).
     */
    private static boolean next(java.util.Iterator<CSVRecord> records, int rowsRead) {
        try {
            return records.hasNext();
        } catch (java.io.UncheckedIOException e) {
            int row = rowsRead + 2;
            if (e.getCause() instanceof CharacterCodingException) {
                throw new InvalidRequestException(ApiError.row(row, null, "NOT_UTF8",
                        "第 " + row + " 行：不是 UTF-8 编码的文字，请在 Excel 中另存为“CSV UTF-8”"));
            }
            throw new InvalidRequestException(ApiError.row(row, null, "UNREADABLE_CSV", "第 " + row
                    + " 行：无法读取，引号使用有误：引号须成对出现，字段中的引号请写成两个引号（\"\"）"));
        }
    }

    private static Map<String, String> columns(List<String> headers) {
        Map<String, String> headerOf = new HashMap<>();
        for (String header : headers) {
            COLUMNS.forEach((column, names) -> {
                if (names.stream().anyMatch(n -> n.equalsIgnoreCase(header.strip()))) {
                    headerOf.put(column, header);
                }
            });
        }
        List<ApiError> missing = new ArrayList<>();
        for (String column : List.of("externalRef", "category", "title", "location", "description", "urgency")) {
            if (!headerOf.containsKey(column)) {
                missing.add(ApiError.row(1, column, "MISSING_COLUMN",
                        "第 1 行（表头）：缺少列 " + column + "（或 " + String.join("、", COLUMNS.get(column).subList(1, COLUMNS.get(column).size())) + "）"));
            }
        }
        if (!missing.isEmpty()) {
            throw new InvalidRequestException(missing);
        }
        return headerOf;
    }

    private NewCase newCase(String organization, CSVRecord record, Map<String, String> headerOf) {
        String category = value(record, headerOf, "category");
        String code = catalogue.find(organization, category).or(() -> byName(organization, category)).map(Category::code).orElse(category);
        String urgency = value(record, headerOf, "urgency");
        String source = value(record, headerOf, "source");
        return new NewCase(value(record, headerOf, "title"), code, urgencyCode(urgency),
                source == null ? CaseSource.SURVEY.name() : sourceCode(source),
                new NewCase.Location(value(record, headerOf, "location"), null, null, null,
                        value(record, headerOf, "territory"), value(record, headerOf, "community")),
                value(record, headerOf, "description"), value(record, headerOf, "externalRef"));
    }

    private Optional<Category> byName(String organization, String name) {
        return catalogue.all(organization).stream().filter(c -> c.name().equals(name)).findFirst();
    }

    private static String urgencyCode(String urgency) {
        if (urgency == null) {
            return null;
        }
        for (Urgency u : Urgency.values()) {
            if (u.label().equals(urgency)) {
                return u.name();
            }
        }
        return urgency.toUpperCase();
    }

    private static String sourceCode(String source) {
        for (CaseSource s : CaseSource.values()) {
            if (s.label().equals(source)) {
                return s.name();
            }
        }
        return source.toUpperCase();
    }

    private static String value(CSVRecord record, Map<String, String> headerOf, String column) {
        String header = headerOf.get(column);
        if (header == null || !record.isMapped(header) || !record.isSet(header)) {
            return null;
        }
        String value = record.get(header);
        return value == null || value.isBlank() ? null : value.strip();
    }
}
