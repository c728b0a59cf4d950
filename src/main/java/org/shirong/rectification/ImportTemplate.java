package org.shirong.rectification;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.stereotype.Component;

/**
 * The file to fill in for {@code POST /api/cases/import}: the import's columns under their Chinese names, as an
 * Excel workbook whose second sheet lists the organisation's categories (code, name, group, 小项) as
 * categories.yaml has them now and whose third explains each column, or as a CSV (UTF-8 with BOM, so Excel
 * opens it right) of the header row alone.
 */
@Component
class ImportTemplate {

    static final String SHEET_CASES = "案件";
    static final String SHEET_CATEGORIES = "问题类别";
    static final String SHEET_HELP = "填写说明";

    private final CategoryCatalogue catalogue;

    ImportTemplate(CategoryCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    /** The header row: each column's template name. */
    static List<String> headers() {
        return CaseImport.COLUMNS.headers();
    }

    byte[] csv() {
        return ("\uFEFF" + String.join(",", headers()) + "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    byte[] xlsx(String organization) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook workbook = new Workbook(out, "Shirong", "1.0");
            Worksheet cases = workbook.newWorksheet(SHEET_CASES);
            List<String> headers = headers();
            for (int c = 0; c < headers.size(); c++) {
                cases.value(0, c, headers.get(c));
                cases.width(c, c == 3 || c == 4 || c == 5 ? 30 : 14);
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
            List<String[]> rows = help();
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

    private static List<String[]> help() {
        String urgencies = Arrays.stream(Urgency.values()).map(Urgency::label).collect(Collectors.joining("、"));
        String sources = Arrays.stream(CaseSource.values()).filter(s -> s != CaseSource.MEETING).map(CaseSource::label)
                .collect(Collectors.joining("、"));
        String restricted = ReportingRights.RESTRICTED.stream().map(CaseSource::label).collect(Collectors.joining("、"));
        return List.of(
                new String[] {"外部编号", "必填。测评报告或检查记录中的编号，同一编号只导入一次，同一文件可重复上传；"
                        + "不能以 meeting-、ZONE-、campaign: 开头（本系统自用）"},
                new String[] {"问题类别", "必填。写“问题类别”表中的类别名称或类别代码"},
                new String[] {"小项", "可不填。满意度测评类别的小项，须是“问题类别”表中该类别所列的小项"},
                new String[] {"标题", "必填。一句话写明问题"},
                new String[] {"地点", "必填。问题所在的地址"},
                new String[] {"描述", "可不填，也可没有这一列。问题的详细情况"},
                new String[] {"紧急程度", "可不填，也可没有这一列，不填为一般。可写：" + urgencies
                        + "。“紧急”只有办公室、督导检查组（核查人员）、领导小组组长和副组长及区里有督办权的部门可以填写，其他人员只能用于本单位牵头的问题，"
                        + "紧急情况可在描述中写明"},
                new String[] {"来源", "可不填，也可没有这一列，不填为满意度测评点位问题。可写：" + sources
                        + "，或简称（满意度测评、12345、市民反映、巡查、自查、明查暗访）。" + restricted
                        + "只有办公室、督导检查组（核查人员）、领导小组组长和副组长及区里有督办权的部门可以填写；会议决定不能导入"},
                new String[] {"属地街镇", "可不填。问题所在的镇或街道，不填即本组织"},
                new String[] {"社区", "可不填。社区、村或网格"},
                new String[] {"活动", "可不填。发现问题的专项活动的编号，填写后案件计入该活动"},
                new String[] {"注意", "第 1 行是表头，请勿改动列名；不认识的列整个文件不导入。任何一行有误时整个文件都不导入，"
                        + "并指出第几行哪一列；改正后重新上传即可"});
    }
}
