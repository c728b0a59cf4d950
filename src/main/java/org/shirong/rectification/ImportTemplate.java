package org.shirong.rectification;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.shirong.organization.Organization;
import org.shirong.organization.Organizations;
import org.springframework.stereotype.Component;

/**
 * The file to fill in for {@code POST /api/cases/import}: the import's columns under their Chinese names, as an
 * Excel workbook whose second sheet lists the organisation's categories (code, name, group, 小项) as
 * categories.yaml has them now and whose third explains each column, or as a CSV (UTF-8 with BOM, so Excel
 * opens it right) of the header row alone. Both speak of what the organisation has: 小项 only where a category has
 * them, 属地街镇 only in a district or a town of one, its own sources ({@link CategoryCatalogue#sources}) and the groups
 * that may choose the restricted ones.
 */
@Component
class ImportTemplate {

    static final String SHEET_CASES = "案件";
    static final String SHEET_CATEGORIES = "问题类别";
    static final String SHEET_HELP = "填写说明";

    private final CategoryCatalogue catalogue;
    private final Organizations organizations;
    private final ReportingRights rights;

    ImportTemplate(CategoryCatalogue catalogue, Organizations organizations, ReportingRights rights) {
        this.catalogue = catalogue;
        this.organizations = organizations;
        this.rights = rights;
    }

    /** The header row for the organisation: each of its columns' template name. */
    List<String> headers(String organization) {
        return keys(organization).stream().map(CaseImport.COLUMNS::header).toList();
    }

    /** The columns the organisation fills in: without 小项 when no category has any, without 属地 in a town on its own. */
    private List<String> keys(String organization) {
        boolean subItems = catalogue.all(organization).stream().anyMatch(c -> !c.items().isEmpty());
        Organization.Info info = organizations.of(organization).organization();
        boolean territories = info.level() == Organization.Level.DISTRICT || info.parent() != null;
        return CaseImport.COLUMNS.keys().stream()
                .filter(k -> subItems || !"subItem".equals(k))
                .filter(k -> territories || !"territory".equals(k)).toList();
    }

    byte[] csv(String organization) {
        return ("\uFEFF" + String.join(",", headers(organization)) + "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    byte[] xlsx(String organization) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook workbook = new Workbook(out, "Shirong", "1.0");
            Worksheet cases = workbook.newWorksheet(SHEET_CASES);
            List<String> headers = headers(organization);
            for (int c = 0; c < headers.size(); c++) {
                cases.value(0, c, headers.get(c));
                cases.width(c, List.of("标题", "地点", "描述").contains(headers.get(c)) ? 30 : 14);
            }
            cases.range(0, 0, 0, headers.size() - 1).style().bold().fillColor("DDEBF7").set();
            cases.freezePane(0, 1);

            Worksheet categories = workbook.newWorksheet(SHEET_CATEGORIES);
            List<String> columns = List.of("类别代码", "类别名称", "分组", "小项");
            for (int c = 0; c < columns.size(); c++) {
                categories.value(0, c, columns.get(c));
                categories.width(c, c == 0 ? 32 : c == 3 ? 40 : 24);
            }
            categories.range(0, 0, 0, columns.size() - 1).style().bold().fillColor("DDEBF7").set();
            int r = 1;
            for (Category category : catalogue.all(organization)) {
                if (!category.applicable()) {
                    continue;
                }
                for (String item : category.items().isEmpty() ? List.of("") : category.items()) {
                    categories.value(r, 0, category.code());
                    categories.value(r, 1, category.name());
                    categories.value(r, 2, category.group() == null ? "" : category.group().label());
                    categories.value(r, 3, item);
                    r++;
                }
            }
            categories.freezePane(0, 1);

            Worksheet help = workbook.newWorksheet(SHEET_HELP);
            help.value(0, 0, "列");
            help.value(0, 1, "说明");
            help.range(0, 0, 0, 1).style().bold().fillColor("DDEBF7").set();
            help.width(0, 14);
            help.width(1, 100);
            List<String[]> rows = help(organization);
            for (int i = 0; i < rows.size(); i++) {
                help.value(i + 1, 0, rows.get(i)[0]);
                help.value(i + 1, 1, rows.get(i)[1]);
            }
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private List<String[]> help(String organization) {
        String urgencies = Arrays.stream(Urgency.values()).map(Urgency::label).collect(Collectors.joining("、"));
        CaseSources sources = catalogue.sources(organization);
        String offered = sources.offered().stream().map(sources::label).collect(Collectors.joining("、"));
        String shortNames = sources.offered().stream().flatMap(s -> s.otherNames().stream().limit(1))
                .collect(Collectors.joining("、"));
        // each restricted source with who may write it (organization.yaml's reporters: may add groups to one), those alike together
        Map<String, List<String>> restrictedBy = new LinkedHashMap<>();
        sources.offered().stream().filter(ReportingRights.RESTRICTED::contains).forEach(s -> restrictedBy
                .computeIfAbsent(rights.who(organization, s), w -> new java.util.ArrayList<>()).add(sources.label(s)));
        String restricted = restrictedBy.entrySet().stream().map(e -> String.join("、", e.getValue()) + "只有" + e.getKey()
                + "可以填写；").collect(Collectors.joining());
        String who = rights.who(organization);
        String name = organizations.of(organization).name();
        List<String> keys = keys(organization);
        List<String[]> rows = new java.util.ArrayList<>();
        rows.add(new String[] {"外部编号", "必填。来源中的编号（" + (sources.offers(CaseSource.SURVEY) ? "测评点位编号、" : "")
                + (sources.offers(CaseSource.CITIZEN) ? "12345 工单号、" : "") + "检查记录编号等），同一编号只导入一次，同一文件可重复上传；"
                + "不能以 meeting-、ZONE-、campaign: 开头（本系统自用）"});
        rows.add(new String[] {"问题类别", "必填。写“问题类别”表中的类别名称或类别代码"});
        if (keys.contains("subItem")) {
            rows.add(new String[] {"小项", "可不填。满意度测评类别的小项，须是“问题类别”表中该类别所列的小项"});
        }
        rows.add(new String[] {"标题", "必填。一句话写明问题"});
        rows.add(new String[] {"地点", "必填。问题所在的地址"});
        rows.add(new String[] {"描述", "可不填，也可没有这一列。问题的详细情况"});
        rows.add(new String[] {"紧急程度", "可不填，也可没有这一列，不填为一般。可写：" + urgencies + "。“紧急”只有" + who
                + "可以填写，其他人员只能用于本单位牵头的问题，紧急情况可在描述中写明"});
        rows.add(new String[] {"来源", (sources.importDefault() == null ? "必填：" + name + "导入的案件须写明来源，不设默认来源。"
                : "可不填，也可没有这一列，不填为" + sources.importDefault().label() + "。") + "可写：" + offered
                + (shortNames.isEmpty() ? "" : "，或简称（" + shortNames + "）") + "。"
                + restricted + "会议决定不能导入"});
        if (keys.contains("territory")) {
            rows.add(new String[] {"属地街镇", organizations.of(organization).organization().level() == Organization.Level.DISTRICT
                    ? "问题所在的镇或街道，可写简称（如 九亭）。不填时按地点开头的镇、街道名称认定（如 九亭镇沪亭北路 2 号），"
                            + "都没有的即本区；满意度测评点位问题须有属地（属地街镇配合整改），两者都没有的行不导入"
                    : "可不填。问题所在的镇或街道，不填即本组织"});
        }
        // where the organisation has 村/社区 the column names one of them (jxreview-s58 J5), elsewhere any 社区, 村 or 网格
        List<String> communities = organizations.of(organization).communities().stream().map(Organization.GroupDefinition::name).toList();
        rows.add(new String[] {"村/社区", communities.isEmpty() ? "可不填。社区、村或网格"
                : "可不填。问题所在的村或社区，只能写：" + String.join("、", communities) + "；该村、社区可查看本案件"});
        rows.add(new String[] {"活动", "可不填。发现问题的专项活动的编号，填写后案件计入该活动"});
        rows.add(new String[] {"注意", "第 1 行是表头，请勿改动列名；不认识的列整个文件不导入。任何一行有误时整个文件都不导入，"
                + "并指出第几行哪一列；改正后重新上传即可"});
        return rows;
    }
}
