package org.shirong.zone;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.shirong.organization.Organizations;
import org.springframework.stereotype.Component;

/**
 * The file to fill in for {@code POST /api/zones/import}: the import's columns under their Chinese names, as an Excel
 * workbook whose second sheet lists the organisation's possible 负责单位 and whose third explains each column, or as a
 * CSV (UTF-8 with BOM, so Excel opens it right) of the header row alone.
 */
@Component
class ZoneImportTemplate {

    static final String SHEET_ZONES = "责任区";

    private final Organizations organizations;

    ZoneImportTemplate(Organizations organizations) {
        this.organizations = organizations;
    }

    static List<String> headers() {
        return ZoneImport.COLUMNS.headers();
    }

    byte[] csv() {
        return ("\uFEFF" + String.join(",", headers()) + "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    byte[] xlsx(String tenant) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook workbook = new Workbook(out, "Shirong", "1.0");
            sheet(workbook.newWorksheet(SHEET_ZONES), headers(), List.of());
            List<List<String>> owners = organizations.of(tenant).groups().stream()
                    .filter(g -> ZoneRegister.OWNER_TYPES.contains(g.type()))
                    .map(g -> List.of(g.name(), g.id(), g.type().label())).toList();
            sheet(workbook.newWorksheet("负责单位"), List.of("名称", "代码", "类别"), owners);
            sheet(workbook.newWorksheet("填写说明"), List.of("列", "说明"), help());
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void sheet(Worksheet sheet, List<String> headers, List<List<String>> rows) {
        for (int c = 0; c < headers.size(); c++) {
            sheet.value(0, c, headers.get(c));
            sheet.width(c, headers.size() == 2 && c == 1 ? 90 : 16);
        }
        sheet.range(0, 0, 0, headers.size() - 1).style().bold().fillColor("DDEBF7").set();
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < rows.get(r).size(); c++) {
                sheet.value(r + 1, c, rows.get(r).get(c));
            }
        }
        sheet.freezePane(0, 1);
    }

    private static List<List<String>> help() {
        return List.of(
                List.of("编号", "必填。本镇的责任区编号（如 JT-Z-0001），同一编号只登记一次，同一文件可重复上传"),
                List.of("名称", "必填。门店、单位、小区、工地或市场的名称"),
                List.of("类型", "必填。可写：" + ZoneType.labels()),
                List.of("地址", "必填。门牌地址"),
                List.of("居委会/社区/网格", "可不填。所在的居委会、社区或网格"),
                List.of("负责单位", "必填。送达告知书、负责日常督促的居委会、物业公司或成员单位，写“负责单位”表中的名称或代码"),
                List.of("道路等级", "可不填，不填为其他。可写：主要道路、其他（主要道路的履责率目标更高）"),
                List.of("所在道路", "可不填。临街的道路名称"),
                List.of("纬度", "可不填。如 31.118420；与经度同时填写，责任区才显示在地图上"),
                List.of("经度", "可不填。如 121.323510"),
                List.of("责任人", "必填。门店主或单位负责人"),
                List.of("联系电话", "可不填"),
                List.of("责任区范围", "可不填。如“门前至人行道外侧，东西至相邻门店分界”"),
                List.of("责任要求", "可不填，不填按类型：" + ZoneType.SIX_NOS + "；居民区另加" + ZoneType.STAIRWELLS),
                List.of("注意", "第 1 行是表头，请勿改动列名；不认识的列整个文件不导入。任何一行有误时整个文件都不导入，"
                        + "并指出第几行哪一列；改正后重新上传即可"));
    }

}
