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
        model.put("communityName", "卫星村");
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
        model.put("reviewDate", "2026-05-20");
        model.put("requestKind", "首次延期申请");
        model.put("requestedDue", "2026年5月15日 17:00");
        model.put("daysAdded", "5 个工作日");
        model.put("approverName", "创建工作办公室");
        model.put("reason", "12345 热线与巡查重复上报");
        model.put("decision", "核准");
        model.put("deductionName", "超期");
        model.put("taskName", "签订目标责任书（城管中队）");
        model.put("campaignName", "九亭镇创建达标镇");
        model.put("unitName", "城管中队");
        model.put("requirement", "与镇政府签订目标责任书");
        model.put("townName", "石湖荡镇");
        model.put("newTownName", "九亭镇");
        model.put("dueDay", "2026-12-11");
        model.put("meetingName", "工作例会");
        model.put("occasion", "“前期准备”阶段开始");
        model.put("taskCount", "2");
        model.put("event", "已挂账");
        model.put("update", "经审批，本案件暂时无法整改，已挂账、停止计时，复核日期 2026年5月20日。");
        model.put("tasks", List.of(Map.of("name", "签订目标责任书（城管中队）", "requirement", "与镇政府签订目标责任书\n报办公室备案",
                "due", "2026年11月8日 17:00"), Map.of("name", "对照标准全面自查", "requirement", "", "due", "2026年11月20日 17:00")));
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
                "case-merged", "case-reopened", "campaign-tasks-issued", "campaign-task-overdue", "work-assignment-issued",
                "work-assignment-overdue", "work-assignment-done", "monthly-report-issued");
    }

    @Test
    void everyTemplateRendersASubjectLineAndABodyWithTheLink() throws IOException {
        for (String id : templateIds()) {
            Rendered text = templates.render(id, sampleModel());
            assertThat(text.subject()).as(id).isNotBlank().doesNotContain("\n", "${").startsWith("【");
            assertThat(text.body()).as(id).isNotBlank().doesNotContain("${", "<#")
                    .contains("http://localhost:8080/camunda/app/tasklist/default/");
        }
        // a phase ends on its last day, as the plan and the office count it, not "at 00:00" of the day after (sjreview s54 L1)
        Map<String, Object> phaseEnded = sampleModel();
        phaseEnded.putAll(Map.of("title", "松江核查“补齐短板弱项”阶段", "due", "2026年12月6日 00:00", "lastDay", "2026年12月5日",
                "openCount", "2"));
        Rendered phaseEnding = templates.render("phase-ending-open-work", phaseEnded);
        assertThat(phaseEnding.subject()).isEqualTo("【阶段结束】松江核查“补齐短板弱项”阶段于2026年12月5日结束，尚有 2 项工作未完成");
        assertThat(phaseEnding.body()).contains("松江核查“补齐短板弱项”阶段于2026年12月5日结束，活动已进入下一阶段。").doesNotContain("00:00");
        Rendered dispatched = templates.render("case-dispatched", sampleModel());
        assertThat(dispatched.subject()).isEqualTo("【案件派遣】JT-2026-000042 九亭大街路口暴露垃圾");
        assertThat(dispatched.body()).startsWith("环卫所：").contains("地点：九亭大街 88 号", "整改期限：2026年5月9日 10:00");
        assertThat(templates.render("verification-failed", sampleModel()).body()).contains("第 2 次返工", "核查意见：墙角仍有垃圾");
        // jxreview-s58 J5: the 村/社区 is told of a case in its area, which it reads and does not handle
        Rendered inCommunity = templates.render("case-in-community", sampleModel());
        assertThat(inCommunity.subject()).isEqualTo("【辖区问题】JT-2026-000042 九亭大街路口暴露垃圾");
        assertThat(inCommunity.body()).startsWith("卫星村：").contains("卫星村范围内上报的市容问题已立为整改案件 JT-2026-000042，由环卫所牵头办理",
                "（只读）", "整改期限：2026年5月9日 10:00");
        // jxreview-s60 J8: and told what happens next — 挂账, 结案, or corrected out of its area (linked to its list then)
        Rendered update = templates.render("case-community-update", sampleModel());
        assertThat(update.subject()).isEqualTo("【辖区问题已挂账】JT-2026-000042 九亭大街路口暴露垃圾");
        assertThat(update.body()).startsWith("卫星村：").contains("你单位辖区内的问题 JT-2026-000042（环卫所牵头办理）已挂账。",
                "复核日期 2026年5月20日", "查看案件：http://");
        Map<String, Object> away = sampleModel();
        away.put("event", "已不属本辖区");
        assertThat(templates.render("case-community-update", away).body()).contains("本辖区案件：http://").doesNotContain("查看案件");
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
        Rendered voided = templates.render("case-voided", sampleModel());
        assertThat(voided.subject()).isEqualTo("【案件作废】JT-2026-000042 已作废，不再办理");
        assertThat(voided.body()).startsWith("环卫所：").contains("已由创建工作办公室作废（不予立案或撤销）",
                "作废理由：12345 热线与巡查重复上报");
        assertThat(templates.render("case-voided-cooperation", sampleModel()).subject())
                .isEqualTo("【案件作废】JT-2026-000042 已作废，协办结束");
        Map<String, Object> disputed = sampleModel();
        disputed.put("townName", "石湖荡镇");
        disputed.put("reason", "应属九亭镇：候车亭在九亭镇涞亭南路一侧");
        Rendered territory = templates.render("case-territory-disputed", disputed);
        assertThat(territory.subject()).isEqualTo("【属地有误】JT-2026-000042 石湖荡镇答复非本镇属地");
        assertThat(territory.body()).contains("由环卫所牵头办理，属地填为石湖荡镇", "请核实属地",
                "属地改正前本案不计入石湖荡镇的属地排名", "应属街镇或原因：应属九亭镇：候车亭在九亭镇涞亭南路一侧",
                "“更正案件信息”中，属地填错的改为正确的街镇", "属地无误的勾选“属地无误”").doesNotContain("作废");
        disputed.put("officeName", "创建工作办公室");
        Rendered rechecked = templates.render("case-territory-rechecked", disputed);
        assertThat(rechecked.subject()).isEqualTo("【属地核实】JT-2026-000042 属地石湖荡镇答复非本镇属地，正在核实");
        assertThat(rechecked.body()).contains("你单位牵头办理", "属地填为石湖荡镇", "创建工作办公室正在核实属地",
                "应属街镇或原因：应属九亭镇：候车亭在九亭镇涞亭南路一侧");
        Map<String, Object> withdrawn = sampleModel();
        withdrawn.put("withdrawn", "是");
        assertThat(templates.render("case-territory-moved", withdrawn).subject())
                .isEqualTo("【属地更正】JT-2026-000042 属地已改为九亭镇，石湖荡镇不再协办");
        assertThat(templates.render("case-territory-moved", withdrawn).body()).contains("属地原为石湖荡镇",
                "创建工作办公室已将属地更正为九亭镇", "“记录协办情况”任务已撤销，无需再记录", "更正说明：12345 热线与巡查重复上报");
        assertThat(templates.render("case-territory-moved", sampleModel()).body()).contains("你单位已记录的协办情况保留在办理记录中")
                .doesNotContain("任务已撤销");
        Map<String, Object> askedAgain = sampleModel();
        askedAgain.put("partyReason", "TERRITORY_CONFIRMED");
        assertThat(templates.render("case-cooperation", askedAgain).body())
                .contains("你单位曾答复非本镇属地，经案件所属组织的办公室核实，问题位于你单位属地，请配合整改");
        Rendered review = templates.render("case-suspension-review", sampleModel());
        assertThat(review.subject()).isEqualTo("【挂账复核】JT-2026-000042 已到复核日期 2026-05-20");
        assertThat(review.body()).startsWith("环卫所、创建工作办公室：").contains("约定 2026-05-20 复核", "恢复整改");
        Rendered requested = templates.render("case-extension-requested", sampleModel());
        assertThat(requested.subject()).isEqualTo("【延期申请】JT-2026-000042 环卫所申请延期至 2026年5月15日 17:00");
        assertThat(requested.body()).startsWith("创建工作办公室：").contains("提出首次延期申请",
                "由 2026年5月9日 10:00 延至 2026年5月15日 17:00（延长 5 个工作日）", "延期理由：12345 热线与巡查重复上报");
        Map<String, Object> approved = sampleModel();
        approved.put("decision", "同意");
        assertThat(templates.render("case-extension-decided", approved).body()).contains("已获同意，整改期限延至 2026年5月9日 10:00");
        Map<String, Object> refused = sampleModel();
        refused.put("decision", "不同意");
        Rendered refusal = templates.render("case-extension-decided", refused);
        assertThat(refusal.subject()).isEqualTo("【延期不同意】JT-2026-000042 整改期限仍为 2026年5月9日 10:00");
        assertThat(refusal.body()).contains("未获同意，原整改期限 2026年5月9日 10:00 不变", "审批意见：墙角仍有垃圾");
        assertThat(templates.render("case-suspension-decided", approved).body()).contains("挂账期间停止计时", "复核日期 2026-05-20");
        assertThat(templates.render("case-suspension-decided", refused).body()).contains("未获同意，整改期限 2026年5月9日 10:00 不变");
        assertThat(templates.render("case-suspension-requested", sampleModel()).body()).startsWith("创建工作办公室：")
                .contains("环卫所申请将整改案件 JT-2026-000042 挂账", "复核日期 2026-05-20");
        Rendered cooperationMerged = templates.render("case-merged-cooperation", sampleModel());
        assertThat(cooperationMerged.subject()).isEqualTo("【案件合并】JT-2026-000042 已并入 JT-2026-000040，协办结束");
        assertThat(cooperationMerged.body()).startsWith("市容整改案件 JT-2026-000042 由环卫所牵头办理、你单位协办")
                .contains("创建工作办公室已将其作为重复案件并入 JT-2026-000040", "无需再记录", "合并理由：12345 热线与巡查重复上报");
    }

    @Test
    void tasksAndAssignmentsNameTheTaskTheCampaignOrMeetingTheRequirementAndTheDeadline() {
        Rendered issued = templates.render("campaign-tasks-issued", sampleModel());
        assertThat(issued.subject()).isEqualTo("【任务下达】九亭镇创建达标镇“前期准备”阶段开始，向你单位下达 2 项任务");
        assertThat(issued.body()).startsWith("环卫所：\n\n九亭镇创建达标镇“前期准备”阶段开始，向你单位下达以下 2 项任务")
                .contains("1. 签订目标责任书（城管中队）\n   期限：2026年11月8日 17:00\n   要求：与镇政府签订目标责任书\n   报办公室备案")
                .contains("2. 对照标准全面自查\n   期限：2026年11月20日 17:00\n\n打开任务列表");
        Map<String, Object> one = sampleModel();
        one.remove("occasion");
        one.put("taskCount", "1");
        one.put("tasks", List.of(Map.of("name", "月度工作报告（2026年11月）", "requirement", "报送本月工作情况", "due", "2026年12月8日 17:00")));
        Rendered single = templates.render("campaign-tasks-issued", one);
        assertThat(single.subject()).isEqualTo("【任务下达】月度工作报告（2026年11月）（九亭镇创建达标镇）");
        assertThat(single.body()).contains("九亭镇创建达标镇向你单位下达以下任务", "\n\n月度工作报告（2026年11月）\n   期限：2026年12月8日 17:00");

        assertThat(templates.render("campaign-task-overdue", sampleModel()).subject()).isEqualTo("【任务超期】签订目标责任书（城管中队） 已超过期限");
        Rendered assigned = templates.render("work-assignment-issued", sampleModel());
        assertThat(assigned.subject()).isEqualTo("【工作交办】九亭大街路口暴露垃圾");
        assertThat(assigned.body()).contains("工作例会决定向你单位交办以下工作（九亭镇创建达标镇）", "期限：2026年12月11日 17:00",
                "要求：与镇政府签订目标责任书");
        Map<String, Object> ownOffice = sampleModel();
        ownOffice.put("unitName", "创建工作办公室");
        assertThat(templates.render("work-assignment-overdue", ownOffice).body()).startsWith("创建工作办公室：")
                .contains("请创建工作办公室抓紧办理并反馈。");
    }

    /** A digest to someone in several units (NotificationDigests.sendPerPerson): each unit's part under its name, once. */
    @Test
    void aPersonOfSeveralUnitsReadsEachUnitsPartUnderTheUnitsName() {
        Map<String, Object> model = sampleModel();
        model.put("leadUnitName", "城管中队、环卫所");
        model.put("units", List.of(Map.of("leadUnitName", "城管中队", "count", "1", "caseNos", "JT-2026-000045"),
                Map.of("leadUnitName", "环卫所", "count", "23", "caseNos", "JT-2026-000042、JT-2026-000043", "more", "21")));
        Rendered imported = templates.render("cases-imported", model);
        assertThat(imported.subject()).isEqualTo("【案件派遣】本次导入向你所在的 2 个单位派发 24 件");
        assertThat(imported.body()).startsWith("城管中队、环卫所：\n\n本次导入（九亭镇测评问题.xlsx）向你所在的 2 个单位派发 24 件")
                .contains("【城管中队】1 件\n案件编号：JT-2026-000045\n\n【环卫所】23 件\n"
                        + "案件编号：JT-2026-000042、JT-2026-000043，另有 21 件见任务列表\n\n打开任务列表")
                .doesNotContain("贵单位");
        Rendered cooperations = templates.render("cooperations-imported", model);
        assertThat(cooperations.subject()).isEqualTo("【协办】本次导入请你所在的 2 个单位协办 24 件");
        assertThat(cooperations.body()).startsWith("城管中队、环卫所：").contains("【城管中队】1 件", "【环卫所】23 件");

        model.put("units", List.of(Map.of("leadUnitName", "城管中队", "taskCount", "1", "tasks", List.of(Map.of("name",
                "签订目标责任书", "requirement", "", "due", "2027年2月19日 17:00"))), Map.of("leadUnitName", "环卫所",
                "taskCount", "2", "tasks", sampleModel().get("tasks"))));
        Rendered issued = templates.render("campaign-tasks-issued", model);
        assertThat(issued.subject()).isEqualTo("【任务下达】九亭镇创建达标镇“前期准备”阶段开始，向你所在的 2 个单位下达 3 项任务");
        assertThat(issued.body()).startsWith("城管中队、环卫所：\n\n九亭镇创建达标镇“前期准备”阶段开始，向你所在的 2 个单位下达以下任务")
                .contains("【城管中队】1 项\n\n签订目标责任书\n   期限：2027年2月19日 17:00\n\n【环卫所】2 项\n\n1. 签订目标责任书（城管中队）",
                        "2. 对照标准全面自查\n   期限：2026年11月20日 17:00\n\n打开任务列表");
    }

    @Test
    void optionalValuesMayBeMissingButAMissingCaseNumberFailsLoudly() {
        Map<String, Object> model = sampleModel();
        model.keySet().removeAll(List.of("comment", "reworkCount", "place", "detail"));
        assertThat(templates.render("verification-failed", model).body()).contains("核查意见：（无）").doesNotContain("次返工");
        // a meeting whose cycle and organisation name no place (no shipped plan does): said to be announced later
        assertThat(templates.render("meeting-agenda-issued", model).body()).contains("召开，地点：另行通知，请准时参加")
                .doesNotContain("议程：");

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
        model.replaceAll((k, v) -> v instanceof String text ? publicUrl.absoluteIn(text) : v);
        for (String id : templateIds()) {
            String body = templates.render(id, model).body();
            assertThat(RELATIVE.matcher(body).find()).as(id + "：" + body).isFalse();
        }
        assertThat(templates.render("notice-issued", model).body()).endsWith("通报全文：https://shirong.jiuting.gov.cn/api/documents/d-42")
                .contains("（https://shirong.jiuting.gov.cn/api/campaigns/JT-HD-1）");
        assertThat(templates.render("meeting-agenda-issued", model).body()).as("a 临时会议's notice, whose agenda is its own text")
                .endsWith("会议通知（可打印）：https://shirong.jiuting.gov.cn/api/documents/d-42").doesNotContain("考核数据");
        model.remove("detail");
        assertThat(templates.render("meeting-agenda-issued", model).body())
                .endsWith("会议议程（含进展、案件和考核数据）：https://shirong.jiuting.gov.cn/api/documents/d-42");
        // jxreview s55 J12: the leaders' notice of a 月度工作报告 names it and leads to it
        model.put("title", "锦溪镇“931”环境综合整治行动2026年11月工作报告");
        Rendered report = templates.render("monthly-report-issued", model);
        assertThat(report.subject()).isEqualTo("【月度工作报告】锦溪镇“931”环境综合整治行动2026年11月工作报告");
        assertThat(report.body()).startsWith("各位领导：").endsWith("报告全文：https://shirong.jiuting.gov.cn/api/documents/d-42");
    }
}
