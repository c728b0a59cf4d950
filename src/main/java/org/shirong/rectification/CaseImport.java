package org.shirong.rectification;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.shirong.system.ApiError;
import org.shirong.system.InvalidRequestException;
import org.shirong.system.TextInput;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Imports lists of problems (survey point problems, 12345 工单, inspection findings) from an Excel workbook (.xlsx, its first sheet) or a
 * UTF-8 CSV (with or without BOM), English or Chinese headers ({@link #COLUMNS}; {@link ImportTemplate}
 * gives a file to fill in). A column it does not know is refused by name, never ignored. Every row is
 * checked first; one bad row refuses the whole file, naming row, column and reason; an unknown category
 * or 小项 is answered with the names close to it. Rows whose external reference was imported before are
 * skipped, so the same file may be uploaded twice. The file is read a row at a time; only the checked rows are kept.
 * Nothing is created unless every row passed; then the import and its rows are recorded and the cases created a chunk
 * at a time ({@link CaseImportBatches}), each chunk a short transaction: no lock another report needs is held
 * (case numbers come from a sequence, see {@link CaseNumbers}), so single reports go on while an import runs, and a
 * recorded import is always finished, by a restarted node if need be, never left half-done. Reading, checking and
 * creating give way, a row at a time, to the other requests this node is answering ({@link ImportGivesWay}).
 */
@Service
class CaseImport {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(CaseImport.class);

    /**
     * Column → accepted header names, the first Chinese one being the template's; {@code source} is optional
     * and defaults to the organisation's import default ({@link CaseSources#importDefault}; required when it has none);
     * {@code territory} (属地, the town or street), {@code community} (社区、村 or 网格),
     * {@code subItem} (the survey category's 小项) and {@code campaign} (the code of the campaign that found
     * the problem) are optional.
     */
    private static final Map<String, List<String>> NAMES = new LinkedHashMap<>();

    static {
        NAMES.put("externalRef", List.of("externalRef", "外部编号", "编号"));
        NAMES.put("category", List.of("category", "问题类别", "类别", "大类"));
        NAMES.put("subItem", List.of("subItem", "小项"));
        NAMES.put("title", List.of("title", "标题", "问题"));
        NAMES.put("location", List.of("location", "地点", "位置"));
        NAMES.put("description", List.of("description", "描述", "问题描述"));
        NAMES.put("urgency", List.of("urgency", "紧急程度"));
        NAMES.put("source", List.of("source", "来源", "案件来源"));
        NAMES.put("territory", List.of("territory", "属地街镇", "属地", "街镇"));
        NAMES.put("community", List.of("community", "村/社区", "社区", "村", "网格"));
        NAMES.put("campaign", List.of("campaign", "活动", "活动编号"));
    }

    static final ImportColumns COLUMNS = new ImportColumns(NAMES,
            List.of("externalRef", "category", "title", "location"), 1);

    /**
     * {@code possibleDuplicates}: the rows whose new case may duplicate an open case, or another row of the file, as
     * {@link CaseDuplicates#ofImport} finds them.
     */
    record Result(int created, int skipped, List<String> caseNos, List<RowOutcome> rows,
            List<CaseDuplicates.ImportedRow> possibleDuplicates) {
    }

    /**
     * What became of one data row: the case made of it, or, when its 外部编号 was taken ({@code skipped}), the case that
     * holds the number ({@code caseNo}, {@code leadUnitName}, said in {@code note}), named even when the importer may
     * not read that case.
     */
    record RowOutcome(int row, String externalRef, String caseNo, boolean skipped, String leadUnitName, String note) {
    }

    private final CaseImportBatches batches;
    private final CaseRecords records;
    private final NewCaseValidator validator;
    private final CategoryCatalogue catalogue;
    private final ImportGivesWay givesWay;
    private final CaseDuplicates duplicates;
    private final ReportingRights rights;
    private final org.shirong.organization.Organizations organizations;
    private final int maxRows;

    CaseImport(CaseImportBatches batches, CaseRecords records, NewCaseValidator validator, CategoryCatalogue catalogue,
            ImportGivesWay givesWay, CaseDuplicates duplicates, ReportingRights rights,
            org.shirong.organization.Organizations organizations,
            @Value("${shirong.rectification.import-max-rows}") int maxRows) {
        this.rights = rights;
        this.organizations = organizations;
        this.givesWay = givesWay;
        this.duplicates = duplicates;
        this.maxRows = maxRows;
        this.batches = batches;
        this.records = records;
        this.validator = validator;
        this.catalogue = catalogue;
    }

    /**
     * Reads the uploaded file (CSV or XLSX, see {@link ImportTable#open}), checks every row and creates the cases, all or
     * none, for the campaign {@code campaign} (may be null): every row that names no campaign of its own belongs to it. A
     * campaign the organisation does not have, or one that has ended, refuses the file before any row is read. The answer
     * names the rows that may duplicate an open case the importer may read, or one another.
     */
    public Result importFile(String organization, InputStream in, String fileName, String contentType, Authentication caller,
            String campaign) {
        String actor = caller.getUserId();
        if (!TextInput.isBlank(campaign)) {
            List<ApiError> refused = new ArrayList<>();
            validator.campaign(refused, organization, new NewCase(null, null, null, null, null, null, null, campaign, null), false);
            if (!refused.isEmpty()) {
                throw new InvalidRequestException(refused);
            }
        }
        List<Row> rows;
        try (ImportTable table = ImportTable.open(in, fileName, contentType)) {
            rows = read(organization, table).stream()
                    .map(row -> TextInput.isBlank(campaign) || !TextInput.isBlank(row.newCase().campaign()) ? row
                            : new Row(row.number(), withCampaign(row.newCase(), campaign.strip()), row.problems()))
                    .toList();
        }
        List<ApiError> errors = new ArrayList<>();
        List<ApiError> notTheirs = new ArrayList<>();
        ReportingRights.Reporter reporter = rights.of(organization, caller);
        Map<String, Integer> firstRowOfRef = new HashMap<>();
        for (Row row : rows) {
            givesWay.awaitNoRequest();
            errors.addAll(row.problems());
            String ref = row.newCase().externalRef();
            if (ref == null || ref.isBlank()) {
                errors.add(ApiError.row(row.number(), "externalRef", "REQUIRED", "第 " + row.number() + " 行：缺少外部编号（用于防止重复导入）"));
            } else if (firstRowOfRef.putIfAbsent(ref, row.number()) != null) {
                errors.add(ApiError.row(row.number(), "externalRef", "DUPLICATE_IN_FILE",
                        "第 " + row.number() + " 行：外部编号 " + TextInput.shortened(ref, CategoryNames.QUOTED) + " 与第 " + firstRowOfRef.get(ref) + " 行重复"));
            }
            for (ApiError e : reporter.refused(row.newCase())) {
                notTheirs.add(ApiError.row(row.number(), e.field(), e.code(), "第 " + row.number() + " 行：" + e.message()));
            }
            for (ApiError e : validator.checkReported(organization, row.newCase())) {
                String column = switch (e.field()) {
                    case "location.territory" -> "territory";
                    case "location.community" -> "community";
                    default -> e.field().startsWith("location") ? "location" : e.field();
                };
                if (("category".equals(column) || "subItem".equals(column) || "source".equals(column))
                        && row.problems().stream().anyMatch(p -> column.equals(p.column()))) {
                    continue; // already answered with the names close to it (or the sources to write)
                }
                errors.add(ApiError.row(row.number(), column, e.code(), "第 " + row.number() + " 行：" + e.message()));
            }
        }
        if (!errors.isEmpty()) {
            errors.addAll(notTheirs);
            throw new InvalidRequestException(errors);
        }
        if (!notTheirs.isEmpty()) {
            throw new org.shirong.system.ForbiddenException(notTheirs);
        }
        Set<String> existing = new HashSet<>(records.existingExternalRefs(organization, List.copyOf(firstRowOfRef.keySet())));
        Map<Integer, NewCase> fresh = new LinkedHashMap<>();
        for (Row row : rows) {
            if (!existing.contains(row.newCase().externalRef())) {
                fresh.put(row.number(), row.newCase());
            }
        }
        if (fresh.isEmpty()) {
            return new Result(0, rows.size(), List.of(), outcomes(organization, rows, Map.of()), List.of());
        }
        long importId = batches.record(organization, actor, fileName, fresh);
        CaseImportBatches.Outcome outcome = batches.complete(importId);
        Map<Integer, CaseDuplicates.Imported> imported = new LinkedHashMap<>();
        outcome.created().forEach((row, caseNo) -> imported.put(row, new CaseDuplicates.Imported(caseNo,
                fresh.get(row).category(), fresh.get(row).location() == null ? null : fresh.get(row).location().address())));
        long looking = System.nanoTime();
        List<CaseDuplicates.ImportedRow> alike;
        try {
            alike = duplicates.ofImport(organization, imported, caller);
        } catch (org.springframework.dao.DataAccessException e) {
            // the cases are made and committed: the answer must say so, without the duplicates it could not look for
            LOG.warn("导入 {} 已完成，查找疑似重复案件失败：{}", importId, e.getMessage());
            alike = List.of();
        }
        LOG.info("导入 {}（{}，{}）：立案 {} 件，跳过已导入的 {} 行，疑似重复 {} 行（查找 {} 毫秒）", importId, organization, actor,
                outcome.created().size(), rows.size() - outcome.created().size(), alike.size(),
                (System.nanoTime() - looking) / 1_000_000);
        return new Result(outcome.created().size(), rows.size() - outcome.created().size(), List.copyOf(outcome.created().values()),
                outcomes(organization, rows, outcome.created()), alike);
    }

    /** Each row's outcome: its new case, or the case holding its 外部编号 (looked up once for all skipped rows). */
    private List<RowOutcome> outcomes(String organization, List<Row> rows, Map<Integer, String> created) {
        List<String> skippedRefs = rows.stream().filter(row -> !created.containsKey(row.number()))
                .map(row -> row.newCase().externalRef()).toList();
        Map<String, CaseRecords.Holder> holders = skippedRefs.isEmpty() ? Map.of()
                : records.holdersByExternalRef(organization, skippedRefs);
        Map<String, String> unitNames = organizations.groupNames(organization);
        return rows.stream().map(row -> {
            String ref = row.newCase().externalRef();
            if (created.containsKey(row.number())) {
                return new RowOutcome(row.number(), ref, created.get(row.number()), false, null, null);
            }
            CaseRecords.Holder holder = holders.get(ref);
            if (holder == null) {
                return new RowOutcome(row.number(), ref, null, true, null, "第 " + row.number() + " 行：外部编号已有案件，未重复导入");
            }
            String unit = holder.leadUnit() == null ? null : unitNames.getOrDefault(holder.leadUnit(), holder.leadUnit());
            return new RowOutcome(row.number(), ref, holder.caseNo(), true, unit, "第 " + row.number() + " 行：外部编号 "
                    + TextInput.shortened(ref, CategoryNames.QUOTED) + " 已用于案件 " + holder.caseNo()
                    + "（牵头单位 " + (unit == null ? "尚未派遣" : unit) + "），未重复导入；该案件并非此问题的，请核对编号或联系办公室");
        }).toList();
    }

    /** A data row read: its number, the case it asks for, and what the reading found wrong with it. */
    private record Row(int number, NewCase newCase, List<ApiError> problems) {
    }

    private static NewCase withCampaign(NewCase c, String campaign) {
        return new NewCase(c.title(), c.category(), c.urgency(), c.source(), c.location(), c.description(), c.externalRef(),
                campaign, c.subItem());
    }

    private List<Row> read(String organization, ImportTable table) {
        ImportColumns.Header header = COLUMNS.read(table.headers());
        CaseSources sources = catalogue.sources(organization);
        if (sources.importDefault() == null && !header.indexOf().containsKey("source")) {
            throw new InvalidRequestException(ApiError.row(1, "source", "MISSING_COLUMN", "第 1 行（表头）：缺少列“来源”："
                    + organizations.of(organization).name() + "导入的案件须写明来源（可写：" + String.join("、",
                            sources.offered().stream().map(sources::label).toList()) + "），本组织不设默认来源"));
        }
        List<Row> rows = new ArrayList<>();
        for (ImportTable.TableRow row = table.next(); row != null; row = table.next()) {
            if (rows.size() == maxRows) {
                throw new InvalidRequestException(ApiError.field("file", "TOO_MANY_ROWS",
                        "文件超过 " + maxRows + " 行数据的上限，一次最多导入 " + maxRows + " 行，请分成几个文件导入"));
            }
            givesWay.awaitNoRequest();
            rows.add(row(organization, row, header));
        }
        if (rows.isEmpty()) {
            throw new InvalidRequestException(ApiError.field("file", "EMPTY_FILE", "文件中没有数据行"));
        }
        return rows;
    }

    private Row row(String organization, ImportTable.TableRow row, ImportColumns.Header header) {
        List<ApiError> problems = header.unnamedCells(row);
        String categoryText = header.value(row, "category");
        String code = categoryText == null ? null : categoryCode(organization, categoryText).orElse(categoryText);
        if (categoryText != null && catalogue.find(organization, code).isEmpty()) {
            problems.add(ApiError.row(row.number(), "category", "UNKNOWN_CATEGORY", "第 " + row.number() + " 行："
                    + unknownCategory(organization, categoryText)));
        } else if (categoryText != null && !catalogue.find(organization, code).orElseThrow().applicable()) {
            problems.add(ApiError.row(row.number(), "category", "CATEGORY_NOT_APPLICABLE", "第 " + row.number() + " 行："
                    + catalogue.find(organization, code).orElseThrow().notApplicable()));
        }
        String subItem = header.value(row, "subItem");
        if (subItem != null) {
            catalogue.find(organization, code).ifPresent(category -> subItemProblem(category, subItem)
                    .ifPresent(p -> problems.add(ApiError.row(row.number(), "subItem", "UNKNOWN_SUB_ITEM", "第 " + row.number() + " 行：" + p))));
        }
        String urgency = header.value(row, "urgency");
        String source = header.value(row, "source");
        CaseSources sources = catalogue.sources(organization);
        if (source == null && sources.importDefault() == null) {
            problems.add(ApiError.row(row.number(), "source", "REQUIRED", "第 " + row.number() + " 行：请填写来源（"
                    + organizations.of(organization).name() + "导入的案件须写明来源，可写：" + String.join("、",
                            sources.offered().stream().map(sources::label).toList()) + "）"));
        }
        NewCase newCase = new NewCase(header.value(row, "title"), code, urgency,
                source == null ? sources.importDefault() == null ? null : sources.importDefault().name()
                        : sources.of(source).map(Enum::name).orElse(source),
                new NewCase.Location(header.value(row, "location"), null, null, null,
                        header.value(row, "territory"), header.value(row, "community")),
                header.value(row, "description"), header.value(row, "externalRef"), header.value(row, "campaign"),
                subItem == null ? null : matchingItem(catalogue.find(organization, code), subItem));
        return new Row(row.number(), newCase, problems);
    }

    /** The code of a category given by code, full name or (when only one has it) name without its bracketed note. */
    private Optional<String> categoryCode(String organization, String text) {
        return catalogue.find(organization, text).map(Category::code)
                .or(() -> catalogue.all(organization).stream().filter(c -> c.name().equals(text)).map(Category::code).findFirst())
                .or(() -> catalogue.names(organization).codeOf(text));
    }

    private String unknownCategory(String organization, String text) {
        List<String> near = catalogue.names(organization).suggestions(text);
        return "没有问题类别“" + TextInput.shortened(text, CategoryNames.QUOTED) + "”" + (near.isEmpty() ? "（请按模板“问题类别”表中的名称或代码填写）"
                : "，是否指：" + String.join("、", near) + "？");
    }

    /** Why the 小项 does not belong to the category, naming the 小项 close to it; empty when it does. */
    static Optional<String> subItemProblem(Category category, String subItem) {
        if (category.items().isEmpty()) {
            return Optional.of("问题类别“" + category.name() + "”没有小项，请删去小项“" + TextInput.shortened(subItem, CategoryNames.QUOTED) + "”");
        }
        if (category.items().contains(subItem.strip())) {
            return Optional.empty();
        }
        List<String> near = CategoryNames.near(category.items(), subItem);
        return Optional.of("问题类别“" + category.name() + "”没有小项“" + TextInput.shortened(subItem, CategoryNames.QUOTED) + "”"
                + (near.isEmpty() ? "（可选：" + String.join("、", category.items()) + "）" : "，是否指：" + String.join("、", near) + "？"));
    }

    private static String matchingItem(Optional<Category> category, String subItem) {
        return category.filter(c -> c.items().contains(subItem.strip())).map(c -> subItem.strip()).orElse(subItem);
    }
}
