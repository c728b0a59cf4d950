package org.shirong.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.shirong.system.SharesJvm;

/** Every notification template renders in Chinese with a sample model, and every template a diagram names exists. */
@SharesJvm
class NotificationTemplatesTest {

    private static final Path FOLDER = Path.of("src/main/resources/templates/notifications");

    private final NotificationTemplates templates = new NotificationTemplates();

    static Map<String, Object> sampleModel() {
        Map<String, Object> model = new HashMap<>();
        model.put("caseNo", "JT-2026-000042");
        model.put("title", "九亭大街路口暴露垃圾");
        model.put("address", "九亭大街 88 号");
        model.put("leadUnit", "huanwei");
        model.put("leadUnitName", "环卫所");
        model.put("officeName", "创建工作办公室");
        model.put("leadingName", "创建工作领导小组");
        model.put("inspectorsName", "督导检查组");
        model.put("due", "2026年5月9日 10:00");
        model.put("link", "http://localhost:8080/camunda/app/tasklist/default/#/?searchQuery=x");
        model.put("comment", "墙角仍有垃圾");
        model.put("reworkCount", "2");
        model.put("place", "镇政府三楼会议室");
        model.put("detail", "一、通报上周检查情况\n二、部署本周整治任务");
        model.put("openCount", "3");
        model.put("supervisor", "松江区 区市容管理专项办公室");
        model.put("instruction", "请于本周内清运完毕");
        model.put("count", "3");
        model.put("fileName", "九亭镇测评问题.xlsx");
        model.put("caseNos", "JT-2026-000042、JT-2026-000043、JT-2026-000044");
        model.put("mergedInto", "JT-2026-000040");
        model.put("reason", "12345 热线与巡查重复上报");
        model.put("decision", "核准");
        model.put("deductionName", "超期");
        return model;
    }

    private static List<String> templateIds() throws IOException {
        try (Stream<Path> files = Files.list(FOLDER)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".ftl"))
                    .map(n -> n.substring(0, n.length() - ".ftl".length())).sorted().toList();
        }
    }

    @Test
    void theTemplatesTheCampaignNeedsExist() throws IOException {
        assertThat(templateIds()).contains("case-dispatched", "case-warning", "case-overdue", "case-escalated",
                "verification-failed", "meeting-agenda-issued", "notice-issued", "phase-ending-open-work", "case-supervised",
                "case-merged", "case-reopened");
    }

    @Test
    void everyTemplateRendersASubjectLineAndABodyWithTheLink() throws IOException {
        for (String id : templateIds()) {
            Rendered text = templates.render(id, sampleModel());
            assertThat(text.subject()).as(id).isNotBlank().doesNotContain("\n", "${").startsWith("【");
            assertThat(text.body()).as(id).isNotBlank().doesNotContain("${", "<#")
                    .contains("http://localhost:8080/camunda/app/tasklist/default/");
        }
        Rendered dispatched = templates.render("case-dispatched", sampleModel());
        assertThat(dispatched.subject()).isEqualTo("【案件派遣】JT-2026-000042 九亭大街路口暴露垃圾");
        assertThat(dispatched.body()).startsWith("环卫所：").contains("地点：九亭大街 88 号", "整改期限：2026年5月9日 10:00");
        assertThat(templates.render("verification-failed", sampleModel()).body()).contains("第 2 次返工", "核查意见：墙角仍有垃圾");
        Rendered appeal = templates.render("case-appeal-decided", sampleModel());
        assertThat(appeal.subject()).isEqualTo("【考核申诉已核准】JT-2026-000042 超期");
        assertThat(appeal.body()).contains("不再计入你单位的考核得分", "审核意见：（无）");
        Rendered imported = templates.render("cases-imported", sampleModel());
        assertThat(imported.subject()).isEqualTo("【案件派遣】本次导入向贵单位派发 3 件");
        assertThat(imported.body()).startsWith("环卫所：").contains("九亭镇测评问题.xlsx", "JT-2026-000042、JT-2026-000043")
                .doesNotContain("另有");
        Map<String, Object> many = sampleModel();
        many.put("more", "580");
        assertThat(templates.render("cases-imported", many).body()).contains("另有 580 件见任务列表");
        Rendered cooperations = templates.render("cooperations-imported", sampleModel());
        assertThat(cooperations.subject()).isEqualTo("【协办】本次导入请贵单位协办 3 件");
        assertThat(cooperations.body()).startsWith("环卫所：").contains("九亭镇测评问题.xlsx", "JT-2026-000042、JT-2026-000043");
        assertThat(templates.render("case-supervised", sampleModel()).body()).startsWith("环卫所：")
                .contains("松江区 区市容管理专项办公室对整改案件 JT-2026-000042 督办如下：\n请于本周内清运完毕");
        Rendered merged = templates.render("case-merged", sampleModel());
        assertThat(merged.subject()).isEqualTo("【案件合并】JT-2026-000042 已并入 JT-2026-000040");
        assertThat(merged.body()).startsWith("环卫所及案件上报人：")
                .contains("创建工作办公室已将其作为重复案件并入 JT-2026-000040", "合并理由：12345 热线与巡查重复上报");
        Rendered reopened = templates.render("case-reopened", sampleModel());
        assertThat(reopened.subject()).isEqualTo("【案件重新打开】JT-2026-000042 请重新整改");
        assertThat(reopened.body()).startsWith("环卫所：").contains("创建工作办公室已将其重新打开，交回你单位重新整改",
                "重新打开的理由：12345 热线与巡查重复上报", "新的整改期限：2026年5月9日 10:00");
        Rendered cooperationMerged = templates.render("case-merged-cooperation", sampleModel());
        assertThat(cooperationMerged.subject()).isEqualTo("【案件合并】JT-2026-000042 已并入 JT-2026-000040，协办结束");
        assertThat(cooperationMerged.body()).startsWith("市容整改案件 JT-2026-000042 由环卫所牵头办理、你单位协办")
                .contains("创建工作办公室已将其作为重复案件并入 JT-2026-000040", "无需再记录", "合并理由：12345 热线与巡查重复上报");
    }

    @Test
    void optionalValuesMayBeMissingButAMissingCaseNumberFailsLoudly() {
        Map<String, Object> model = sampleModel();
        model.keySet().removeAll(List.of("comment", "reworkCount", "place", "detail"));
        assertThat(templates.render("verification-failed", model).body()).contains("核查意见：（无）").doesNotContain("次返工");
        assertThat(templates.render("meeting-agenda-issued", model).body()).doesNotContain("地点", "议程：");

        model.remove("caseNo");
        assertThatThrownBy(() -> templates.render("case-dispatched", model))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("case-dispatched").hasMessageContaining("caseNo");
        assertThatThrownBy(() -> templates.render("no-such-template", model)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> templates.render("../application", model)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyTemplateADiagramNamesExists() throws IOException {
        Pattern template = Pattern.compile("<camunda:property name=\"template\" value=\"([^\"]+)\"");
        int found = 0;
        try (Stream<Path> files = Files.walk(Path.of("processes"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".bpmn")).toList()) {
                Matcher m = template.matcher(Files.readString(file));
                while (m.find()) {
                    found++;
                    assertThat(templates.exists(m.group(1))).as(file + " 的模板 " + m.group(1)).isTrue();
                }
            }
        }
        assertThat(found).isGreaterThanOrEqualTo(5);
    }

    /** A path of Shirong standing alone in a text, i.e. a relative link. */
    private static final java.util.regex.Pattern RELATIVE = java.util.regex.Pattern.compile("(?<![\\w/.:%-])/(api|camunda)/");

    @Test
    void noTemplateCarriesARelativeLinkAndDocumentAddressesInTheModelBecomeAbsolute() throws IOException {
        for (String id : templateIds()) {
            String source = Files.readString(FOLDER.resolve(id + ".ftl"));
            assertThat(RELATIVE.matcher(source).find()).as(id + " 含相对链接").isFalse();
            assertThat(source).as(id).doesNotContain("localhost", "href");
        }
        org.shirong.system.PublicUrl publicUrl = new org.shirong.system.PublicUrl("https://shirong.jiuting.gov.cn",
                new org.springframework.core.env.StandardEnvironment());
        Map<String, Object> model = sampleModel();
        model.put("link", "/api/documents/d-42");
        model.put("detail", "未完成的工作涉及 2 个单位，清单见活动概况（/api/campaigns/JT-HD-1）和任务列表。");
        model.replaceAll((k, v) -> publicUrl.absoluteIn((String) v));
        for (String id : templateIds()) {
            String body = templates.render(id, model).body();
            assertThat(RELATIVE.matcher(body).find()).as(id + "：" + body).isFalse();
        }
        assertThat(templates.render("notice-issued", model).body()).endsWith("通报全文：https://shirong.jiuting.gov.cn/api/documents/d-42")
                .contains("（https://shirong.jiuting.gov.cn/api/campaigns/JT-HD-1）");
        assertThat(templates.render("meeting-agenda-issued", model).body())
                .endsWith("会议议程（含进展、案件和考核数据）：https://shirong.jiuting.gov.cn/api/documents/d-42");
    }
}
