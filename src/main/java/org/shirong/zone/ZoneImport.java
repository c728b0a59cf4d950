package org.shirong.zone;

import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.shirong.rectification.ImportColumns;
import org.shirong.rectification.ImportTable;
import org.shirong.system.ApiError;
import org.shirong.system.ConflictException;
import org.shirong.system.InvalidRequestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports zones from an Excel workbook (.xlsx) or a CSV file (UTF-8), read as the case import reads its files
 * ({@link ImportTable}), with the same rules: a column the import does not know, or one given twice, refuses the file by
 * name; every row is checked first and one bad row refuses the whole file, naming row, column and reason; a 编号
 * registered before is skipped, so the same file may be uploaded twice; at most {@code shirong.zones.import-max-rows}
 * rows; the zones are registered in one transaction, all or none.
 */
@Service
class ZoneImport {

    private static final Logger LOG = LoggerFactory.getLogger(ZoneImport.class);

    /** Field of {@link NewZone} → accepted header names, the first being the template's. */
    private static final Map<String, List<String>> NAMES = new LinkedHashMap<>();

    static {
        NAMES.put("zoneNo", List.of("编号", "责任区编号", "zoneNo"));
        NAMES.put("holderName", List.of("名称", "责任单位", "门店名称", "单位名称", "holderName"));
        NAMES.put("holderType", List.of("类型", "责任区类型", "holderType"));
        NAMES.put("address", List.of("地址", "address"));
        NAMES.put("community", List.of("居委会/社区/网格", "居委会", "社区", "网格", "community"));
        NAMES.put("ownerGroup", List.of("负责单位", "ownerGroup"));
        NAMES.put("roadClass", List.of("道路等级", "roadClass"));
        NAMES.put("street", List.of("所在道路", "道路", "street"));
        NAMES.put("lat", List.of("纬度", "lat"));
        NAMES.put("lng", List.of("经度", "lng"));
        NAMES.put("person", List.of("责任人", "person"));
        NAMES.put("phone", List.of("联系电话", "电话", "phone"));
        NAMES.put("extent", List.of("责任区范围", "范围", "extent"));
        NAMES.put("duties", List.of("责任要求", "duties"));
    }

    static final ImportColumns COLUMNS = new ImportColumns(NAMES,
            List.of("zoneNo", "holderName", "holderType", "address", "ownerGroup", "person"), 0);

    record Result(int created, int skipped, List<String> zoneNos) {
    }

    private record Row(int number, NewZone zone, List<ApiError> problems) {
    }

    private final ZoneRegister register;
    private final ZoneRecords zones;
    private final int maxRows;

    ZoneImport(ZoneRegister register, ZoneRecords zones, @Value("${shirong.zones.import-max-rows}") int maxRows) {
        this.register = register;
        this.zones = zones;
        this.maxRows = maxRows;
    }

    /** Reads, checks and registers the file's zones, all or none; {@code zoneNos} are those registered now. */
    @Transactional
    Result importFile(String tenant, InputStream in, String fileName, String contentType, String actor) {
        List<Row> rows;
        try (ImportTable table = ImportTable.open(in, fileName, contentType)) {
            rows = read(table);
        }
        List<ApiError> errors = new ArrayList<>();
        Map<String, Integer> firstRowOf = new HashMap<>();
        for (Row row : rows) {
            errors.addAll(row.problems());
            for (ApiError e : register.check(tenant, row.zone())) {
                if ("HALF_A_PLACE".equals(e.code()) && !row.problems().isEmpty()) {
                    continue; // a 纬度 or 经度 that is not a number is answered already
                }
                errors.add(ApiError.row(row.number(), header(e.field()), e.code(), "第 " + row.number() + " 行："
                        + (e.code().equals("REQUIRED") ? "缺少" + header(e.field()) : e.message())));
            }
            String no = row.zone().zoneNo();
            if (!ZoneRegister.blank(no) && firstRowOf.putIfAbsent(Zone.normalNo(no), row.number()) != null) {
                errors.add(ApiError.row(row.number(), header("zoneNo"), "DUPLICATE_IN_FILE", "第 " + row.number() + " 行：编号 "
                        + no.strip() + " 与第 " + firstRowOf.get(Zone.normalNo(no)) + " 行重复"));
            }
        }
        if (!errors.isEmpty()) {
            LOG.info("责任区导入（{}，{}，文件 {}）未导入：{} 处错误，第一处：{}", tenant, actor, fileName, errors.size(),
                    errors.get(0).message());
            throw new InvalidRequestException(errors);
        }
        Set<String> existing = new HashSet<>(zones.existingNos(tenant, List.copyOf(firstRowOf.keySet())));
        List<String> created = new ArrayList<>();
        String detail = "从文件“" + (fileName == null ? "" : fileName) + "”导入";
        for (Row row : rows) {
            if (!existing.contains(Zone.normalNo(row.zone().zoneNo()))) {
                try {
                    created.add(register.insert(tenant, row.zone(), actor, ZoneEventKind.IMPORTED, detail).zoneNo());
                } catch (DuplicateKeyException registeredMeanwhile) {
                    throw new ConflictException("ZONE_NO_TAKEN", "第 " + row.number() + " 行：编号 " + row.zone().zoneNo().strip()
                            + " 刚由他人登记，整个文件未导入，请重新上传（已登记的编号将跳过）");
                }
            }
        }
        LOG.info("责任区导入（{}，{}，文件 {}）：登记 {} 个，跳过已登记的 {} 个", tenant, actor, fileName, created.size(),
                rows.size() - created.size());
        return new Result(created.size(), rows.size() - created.size(), created);
    }

    /** The template's name of a column (a {@link NewZone} field). */
    static String header(String field) {
        return COLUMNS.header(field);
    }

    private List<Row> read(ImportTable table) {
        ImportColumns.Header header = COLUMNS.read(table.headers());
        List<Row> rows = new ArrayList<>();
        for (ImportTable.TableRow row = table.next(); row != null; row = table.next()) {
            if (rows.size() == maxRows) {
                throw new InvalidRequestException(ApiError.field("file", "TOO_MANY_ROWS",
                        "文件超过 " + maxRows + " 行数据的上限，一次最多导入 " + maxRows + " 个责任区，请分成几个文件导入"));
            }
            rows.add(row(row, header));
        }
        if (rows.isEmpty()) {
            throw new InvalidRequestException(ApiError.field("file", "EMPTY_FILE", "文件中没有数据行"));
        }
        return rows;
    }

    private static Row row(ImportTable.TableRow row, ImportColumns.Header header) {
        List<ApiError> problems = header.unnamedCells(row);
        NewZone zone = new NewZone(header.value(row, "zoneNo"), header.value(row, "holderName"),
                header.value(row, "holderType"), header.value(row, "address"), header.value(row, "community"), null,
                header.value(row, "street"), header.value(row, "roadClass"), degrees(row, header, "lat", problems),
                degrees(row, header, "lng", problems), header.value(row, "person"), header.value(row, "phone"),
                header.value(row, "extent"), header.value(row, "duties"), header.value(row, "ownerGroup"));
        return new Row(row.number(), zone, problems);
    }

    private static BigDecimal degrees(ImportTable.TableRow row, ImportColumns.Header header, String field, List<ApiError> problems) {
        String text = header.value(row, field);
        if (text == null) {
            return null;
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            problems.add(ApiError.row(row.number(), header(field), "NOT_A_NUMBER", "第 " + row.number() + " 行：" + header(field)
                    + "“" + org.shirong.system.TextInput.shortened(text, 40) + "”不是数字（如 31.118420）"));
            return null;
        }
    }
}
