package org.shirong.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.shirong.rectification.CaseFile;
import org.shirong.rectification.CaseRecord;
import org.shirong.rectification.CaseSource;
import org.shirong.rectification.CaseStatus;
import org.shirong.rectification.Urgency;
import org.shirong.report.DossierSheets.Field;
import org.shirong.report.DossierSheets.Row;
import org.shirong.report.DossierSheets.Sheet;
import org.shirong.system.SharesJvm;

/**
 * The dossier's lists keep each time, step and name on one line however long the text beside them (the demo case
 * JT-2026-000006 printed 2026-10-21 / 16:00, 申请 / 挂账 and 徐所 / 长 on two lines each, beside its long 派遣 row), and
 * a name and its time stand on two lines of one cell.
 */
@SharesJvm
class DossierPdfTest {

    private static final String FONT = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc";

    @Test
    void timesStepsAndNamesStayOnOneLineBesideLongText() throws IOException {
        DossierPdf pdf = new DossierPdf(new DocumentTemplates(), new DossierFont(FONT));
        Sheet sheet = new Sheet("JT-2026-000006", "伴亭路电线杆乱张贴小广告", List.of(new Field("案件编号", "JT-2026-000006")),
                List.of(new Row(List.of("2026-10-21 16:00", "立案", "戴所长", "伴亭路电线杆乱张贴小广告")),
                        new Row(List.of("2026-10-21 16:00", "派遣", "",
                                "牵头单位 环卫所，责任单位 城管中队、各居委会，时限 1 工作日；期限按派遣时限（2026年10月22日 16:00）")),
                        new Row(List.of("2026-10-21 18:00", "申请挂账", "徐所长", "配电箱产权单位正在更换箱体，更换后统一清理"))),
                List.of(),
                List.of(new Row(List.of("挂账", "配电箱产权单位正在更换箱体，更换后统一清理", "徐所长\n2026-10-21 18:00", "同意",
                        "贾镇长\n2026-10-21 21:00", "同意挂账，箱体更换后恢复整改"))),
                List.of(), List.of());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        pdf.write("案件台账 JT-2026-000006", "导出人：戴所长", List.of(sheet), out);

        try (PDDocument document = Loader.loadPDF(out.toByteArray())) {
            List<String> lines = new PDFTextStripper().getText(document).lines().map(String::strip).toList();
            assertThat(lines).anyMatch(l -> l.startsWith("2026-10-21 16:00 立案 戴所长 "))
                    .anyMatch(l -> l.startsWith("2026-10-21 18:00 申请挂账 徐所长 "))
                    .anyMatch(l -> l.startsWith("2026-10-21 16:00 派遣 "))
                    .anyMatch(l -> l.startsWith("事项 申请理由 申请人及时间 审批结果 审批人及时间 审批意见"))
                    .anyMatch(l -> l.contains("2026-10-21 18:00")).anyMatch(l -> l.contains("2026-10-21 21:00"));
        }
    }

    /** A case of a plan without 整治项目 (九亭镇's) has no 计划项目 line, not an empty one (supervisors' review s54 V9). */
    @Test
    void aCaseOfAPlanWithoutItemsHasNoPlanItemLine() {
        CaseRecord c = new CaseRecord("JT-2026-000003", null, CaseSource.PATROL, null, "ILLEGAL_STALL", Urgency.NORMAL,
                "涞坊路小区沿街阳台乱晾晒", "", "涞坊路 1 号", null, null, null, "juwei01", null, null, null, CaseStatus.IN_RECTIFICATION,
                "lvrong1", java.time.Instant.parse("2026-10-20T01:00:00Z"), null, null, null, null, null, null, null, null, null,
                false, false, false, null, 0, 0, 0, "jiuting", null, "jiuting", "JT-DEMO", null, null, null, null, 0, 0);
        List<String> labels = DossierSheets.of(new CaseFile(c, "绿容所", "整改中", "乱晾晒", null, "九亭镇创建", "第一居委会", "", "九亭镇",
                "日常巡查", List.of(), List.of(), List.of(), List.of(), List.of()), java.time.ZoneId.of("Asia/Shanghai"), "计划项目")
                .fields().stream().map(Field::label).toList();
        assertThat(labels).contains("所属活动", "牵头单位").doesNotContain("计划项目");
        // jxreview-s55 J11: a case under a plan item names it in its organisation's word (锦溪镇 整治项目)
        List<Field> item = DossierSheets.of(new CaseFile(c, "绿容所", "整改中", "乱晾晒", "整治老旧小区", "锦溪镇“931”", "建管所", "",
                "锦溪镇", "日常巡查", List.of(), List.of(), List.of(), List.of(), List.of()), java.time.ZoneId.of("Asia/Shanghai"), "整治项目")
                .fields();
        assertThat(item).filteredOn(f -> f.label().equals("整治项目")).singleElement()
                .satisfies(f -> assertThat(f.toString()).contains("整治老旧小区"));
        assertThat(org.shirong.system.Titles.quoted("锦溪镇“931”环境综合整治行动")).isEqualTo("“锦溪镇‘931’环境综合整治行动”");
        assertThat(org.shirong.system.Titles.ofCampaign("锦溪镇", "锦溪镇“931”行动")).isEqualTo("“锦溪镇‘931’行动”");
        assertThat(org.shirong.system.Titles.ofCampaign("九亭镇", "市容环境整治")).isEqualTo("九亭镇“市容环境整治”");
    }
}
