package org.shirong.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shirong.ShirongApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A broken BPMN, DMN or form dropped into processes/ or forms/ stops start-up with one message naming file and element or line. */
class BrokenProcessFileTest {

    @TempDir
    Path processes;
    @TempDir
    Path forms;

    private Throwable startShirong() {
        Throwable failure = null;
        try (var context = new SpringApplicationBuilder(ShirongApplication.class).profiles("test").run(
                "--server.port=0",
                "--spring.datasource.url=jdbc:h2:mem:shirong-broken-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                "--camunda.bpm.generate-unique-process-engine-name=true",
                "--camunda.bpm.job-execution.enabled=false",
                "--shirong.deployment.processes-dir=" + processes,
                "--shirong.deployment.forms-dir=" + forms)) {
            assertThat(context).as("Shirong started although a file is broken").isNull();
        } catch (RuntimeException e) {
            failure = e;
        }
        Throwable refused = failure;
        while (refused != null && !(refused instanceof StartupRefusedException)) {
            refused = refused.getCause();
        }
        assertThat(refused).as("start-up refused with a StartupRefusedException").isNotNull();
        return refused;
    }

    @Test
    void brokenBpmnStopsStartUpNamingFileElementAndLine() throws Exception {
        Files.writeString(processes.resolve("Broken.bpmn"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="t">
                  <bpmn:process id="BrokenProcess" isExecutable="true" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" camunda:historyTimeToLive="30">
                    <bpmn:startEvent id="StartEvent_Begin" />
                    <bpmn:serviceTask id="Task_NotifyUnit" name="通知单位" />
                    <bpmn:sequenceFlow id="SequenceFlow_1" sourceRef="StartEvent_Begin" targetRef="Task_NotifyUnit" />
                  </bpmn:process>
                </bpmn:definitions>
                """);

        // what only the engine checks, in a second file: both are named in the same start-up (poreview-s50 F5)
        Files.writeString(processes.resolve("AlsoBroken.bpmn"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="t">
                  <bpmn:process id="AlsoBrokenProcess" isExecutable="true" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" camunda:historyTimeToLive="30">
                    <bpmn:startEvent id="StartEvent_Begin" />
                    <bpmn:sendTask id="Task_SendNotice" name="发送通知" />
                    <bpmn:sequenceFlow id="SequenceFlow_1" sourceRef="StartEvent_Begin" targetRef="Task_SendNotice" />
                  </bpmn:process>
                </bpmn:definitions>
                """);

        Throwable refused = startShirong();

        assertThat(refused.getMessage()).contains("Broken.bpmn").contains("Task_NotifyUnit").contains("第 5 行")
                .contains("AlsoBroken.bpmn: 第 5 行 元素 Task_SendNotice: 服务任务或发送任务没有指定由谁执行");
        FailureAnalysis analysis = new StartupRefusedFailureAnalyzer().analyze(refused);
        assertThat(analysis.getDescription()).contains("Broken.bpmn");
        assertThat(analysis.getAction()).contains("Camunda Modeler");
    }

    /**
     * Renaming in Modeler an id the code finds its element by (整改问题, which the claimer is given straight away) would
     * switch that off without a word: start-up refuses, naming the file, the process and the id.
     */
    @Test
    void aRenamedElementIdTheCodeReliesOnStopsStartUp() throws Exception {
        String diagram = Files.readString(Path.of("processes/RectificationProcess.bpmn")).replace("Task_RectifyProblem", "Task_FixProblem");
        Files.writeString(processes.resolve("RectificationProcess.bpmn"), diagram);

        assertThat(startShirong().getMessage()).contains("RectificationProcess.bpmn").contains("RectificationProcess")
                .contains("Task_RectifyProblem").contains("请不要在 Modeler 中修改或删除该 id");
    }

    /** A copy of a diagram left beside it (what Windows or "Save as" leave) is named with the original, in Chinese. */
    @Test
    void aCopyOfADiagramLeftBesideItStopsStartUpNamingBothFiles() throws Exception {
        Files.copy(Path.of("processes/ZoneNoticeProcess.bpmn"), processes.resolve("ZoneNoticeProcess - 副本.bpmn"));

        assertThat(startShirong().getMessage()).contains("ZoneNoticeProcess - 副本.bpmn").contains("processes/ZoneNoticeProcess.bpmn")
                .contains("定义了同一个流程 ZoneNoticeProcess");
    }

    /** poreview-s50 F4: the engine's rule that every executable process keeps its history for a set time, in Chinese. */
    @Test
    void aProcessWithoutHistoryTimeToLiveStopsStartUpInChinese() throws Exception {
        Files.writeString(processes.resolve("NoTtl.bpmn"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="t">
                  <bpmn:process id="NoTtlProcess" isExecutable="true">
                    <bpmn:startEvent id="StartEvent_Begin" />
                    <bpmn:endEvent id="EndEvent_Done" />
                    <bpmn:sequenceFlow id="SequenceFlow_1" sourceRef="StartEvent_Begin" targetRef="EndEvent_Done" />
                  </bpmn:process>
                </bpmn:definitions>
                """);

        // once, in Chinese, naming the process (poreview-s56 P4: the engine's English came twice after it)
        String message = startShirong().getMessage();
        assertThat(message).contains("NoTtl.bpmn: 第 3 行 流程 NoTtlProcess: 缺少历史保留时间 camunda:historyTimeToLive")
                .doesNotContain("ENGINE-12018", "引擎：");
        assertThat(message.split("缺少历史保留时间", -1)).hasSize(2);
    }

    @Test
    void bpmnAgainstTheSchemaStopsStartUpNamingFileAndLine() throws Exception {
        Files.writeString(processes.resolve("Unknown.bpmn"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="t">
                  <bpmn:process id="UnknownProcess" isExecutable="true" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" camunda:historyTimeToLive="30">
                    <bpmn:startEvent id="StartEvent_Begin" />
                    <bpmn:notATask id="Task_Unknown" />
                  </bpmn:process>
                </bpmn:definitions>
                """);

        assertThat(startShirong().getMessage()).contains("Unknown.bpmn").contains("第 5 行").contains("此处不能有元素", "notATask", "这里应为");
    }

    @Test
    void unparsableXmlIsReportedWithItsFile() throws Exception {
        Files.writeString(processes.resolve("Truncated.bpmn"), "<?xml version=\"1.0\"?>\n<bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\">\n<bpmn:process id=\"x\"");
        assertThat(startShirong().getMessage()).contains("Truncated.bpmn");
    }

    @Test
    void brokenFormStopsStartUpNamingFileAndLine() throws Exception {
        Files.writeString(forms.resolve("Broken.form"), "{\n  \"id\": \"BrokenForm\",\n  \"components\": [\n    {\"type\": \"textfield\",, }\n  ]\n}\n");
        assertThat(startShirong().getMessage()).contains("Broken.form").contains("第 4 行");
    }

    @Test
    void formWithoutIdOrWithADuplicateIdIsRefused() throws Exception {
        Files.writeString(forms.resolve("NoId.form"), "{\"components\": []}");
        Files.writeString(forms.resolve("Copy.form"), "{\"id\": \"WorkAssignmentStart\", \"components\": []}");
        assertThat(startShirong().getMessage()).contains("NoId.form").contains("缺少 \"id\"")
                .contains("Copy.form").contains("WorkAssignmentStart");
    }

    /** An option's value changed in Modeler instead of its label (claim → accept) no longer leads anywhere after 认领案件. */
    @Test
    void aFormOptionNoGatewayConditionTakesStopsStartUpNamingFormFieldValueAndGateway() throws Exception {
        String claim = Files.readString(Path.of("forms/CaseClaim.form"));
        assertThat(claim).contains("\"value\": \"claim\"");
        Files.writeString(forms.resolve("CaseClaim.form"), claim.replace("\"value\": \"claim\"", "\"value\": \"accept\""));

        String message = startShirong().getMessage();

        assertThat(message).contains(forms.resolve("CaseClaim.form").toString(), "“是否认领”", "\"accept\"", "“认领还是回退?”",
                "Gateway_ClaimOrReturn", "claim、return");
    }

    @Test
    void brokenDecisionTableStopsStartUpNamingFile() throws Exception {
        Files.writeString(processes.resolve("Broken.dmn"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="d" name="d" namespace="n">
                  <decision id="Decision_Broken" name="坏">
                    <decisionTable id="DecisionTable_Broken">
                      <output id="Output_1" name="x" typeRef="string" />
                      <rule id="Rule_1"><outputEntry id="OutputEntry_1"><text>"a"</text></outputEntry><outputEntry id="OutputEntry_2"><text>"b"</text></outputEntry></rule>
                    </decisionTable>
                  </decision>
                </definitions>
                """);
        assertThat(startShirong().getMessage()).contains("Broken.dmn");
    }

    /**
     * poreview-s50 F5 and F14: two broken diagrams and a form saved under a new id, all in one refused start-up, each
     * with the file it was read from and its line, in Chinese (the diagram not well-formed came a restart later, without
     * line, in English; the form not at all).
     */
    @Test
    void twoBrokenDiagramsAndAFormUnderANewIdAreAllNamedInOneStartUp() throws Exception {
        breakTwoDiagramsAndRenameAForm();

        String message = startShirong().getMessage();

        assertThat(message).contains(processes.resolve("CaseCooperationProcess.bpmn") + ": 第 ",
                "元素 <bpmn:userTask> 没有对应的结束标记 </bpmn:userTask>",
                processes.resolve("WorkAssignmentProcess.bpmn") + ": 第 ", "引用的元素 id \"Task_DoesNotExist\" 在文件中不存在",
                "任务 Task_SuperviseCase（督办超期案件）", "表单 id \"CaseSupervision\"", forms.resolve("CaseSupervision.form").toString())
                .doesNotContain("ENGINE-09003", "must be terminated");
    }

    /**
     * poreview-s50 F19: {@code java -jar shirong.jar --shirong.check-only} checks the files as start-up does and says so
     * with exit code 1 and the same Chinese list, without a database (the one named is never created) or a server.
     */
    @Test
    void checkOnlyListsTheSameProblemsWithoutDatabaseAndEndsWithExitCodeOne(@TempDir Path data) throws Exception {
        breakTwoDiagramsAndRenameAForm();
        // poreview-s56 P3, P4, P5, P9: what passed check-only and failed at the restart or at runtime
        edit(Path.of("processes/RectificationProcess.bpmn"), processes, "<bpmn:timeDate xsi:type=\"bpmn:tFormalExpression\">${warnAt}</bpmn:timeDate>",
                "<bpmn:timeDuration xsi:type=\"bpmn:tFormalExpression\">PT48</bpmn:timeDuration>");
        edit(Path.of("processes/ZoneNoticeProcess.bpmn"), processes, "camunda:historyTimeToLive=\"1095\" ", "");
        edit(Path.of("processes/AdHocMeetingProcess.bpmn"), processes, "  </bpmn:process>", """
                    <bpmn:userTask id="Activity_0x7k2m1" name="审核会议纪要" camunda:candidateGroups="${organizationRoles.ofice(execution)}" />
                    <bpmn:sequenceFlow id="Flow_1m2n3b4" sourceRef="Task_GenerateAdHocMinutes" targetRef="Activity_0x7k2m1" />
                    <bpmn:sequenceFlow id="Flow_0a9s8d7" sourceRef="Activity_0x7k2m1" targetRef="Task_CarryOutAdHocDecisions" />
                  </bpmn:process>""");
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int exit = CheckOnly.run(checkOnlyArguments(data), new PrintStream(out, true, StandardCharsets.UTF_8));

        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(printed).isEqualTo(1);
        assertThat(printed).contains("发现 8 个问题", processes.resolve("CaseCooperationProcess.bpmn") + ": 第 ",
                "没有对应的结束标记 </bpmn:userTask>", "引用的元素 id \"Task_DoesNotExist\" 在文件中不存在",
                "任务 Task_SuperviseCase（督办超期案件）",
                processes.resolve("RectificationProcess.bpmn") + ": 第 ", "边界事件 BoundaryEvent_WarningReached（时限已用 80%）: 定时器的时长 \"PT48\"",
                processes.resolve("ZoneNoticeProcess.bpmn") + ": 第 12 行 流程 ZoneNoticeProcess（责任告知书送达上墙）: 缺少历史保留时间",
                "organizationRoles 没有方法 ofice", "是否指 office？",
                "任务 Task_GenerateAdHocMinutes（生成会议纪要）: 有 2 条出去的连线", "任务 Task_CarryOutAdHocDecisions（落实会议决定）: 有 2 条进入的连线",
                "提示（不影响启动，建议修改）", "任务 Activity_0x7k2m1（审核会议纪要）: id 是 Modeler 自动生成的");
        try (var files = Files.list(data)) {
            assertThat(files).as("no database file").isEmpty();
        }
    }

    /**
     * poreview-s56 P1/P2: one editing session with mistakes in four stages (a new organisation's case prefix and user id
     * taken by 锦溪, a group typo in 锦溪's campaign template, 锦溪's scoring.yaml with a line out of step, two broken
     * diagrams and a renamed form) comes as one list in one check, each once, in Chinese, without Spring's failure banner.
     */
    @Test
    @org.junit.jupiter.api.extension.ExtendWith(org.springframework.boot.test.system.OutputCaptureExtension.class)
    void checkOnlyListsTheMistakesOfEveryStageInOneList(@TempDir Path data, @TempDir Path organizations,
            org.springframework.boot.test.system.CapturedOutput console) throws Exception {
        breakTwoDiagramsAndRenameAForm();
        Files.createDirectories(organizations.resolve("zhouzhuang"));
        Files.writeString(organizations.resolve("zhouzhuang/organization.yaml"), """
                organization: { id: zhouzhuang, name: 周庄镇, level: TOWN, case-prefix: JX }
                groups:
                  - { id: zzban, name: 周庄镇市容办, type: OFFICE }
                roles: { office: zzban, leading: zzban, approvers: zzban, inspectors: zzban }
                users:
                  - { id: jxhuanwei1, name: 甲, groups: [zzban] }
                """);
        Path jinxi = Path.of("config/organizations/jinxi");
        edit(jinxi.resolve("campaigns/jinxi-2017-931.yaml"), Files.createDirectories(organizations.resolve("jinxi/campaigns")),
                "    who: jxtuijinban\n", "    who: jxtuijinbna\n");
        edit(jinxi.resolve("scoring.yaml"), organizations.resolve("jinxi"), "\n  bottom: 0\n", "\n bottom: 0\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String[] arguments = java.util.stream.Stream.concat(java.util.Arrays.stream(checkOnlyArguments(data)),
                java.util.stream.Stream.of("--shirong.organizations.folder=" + organizations)).toArray(String[]::new);

        int exit = CheckOnly.run(arguments, new PrintStream(out, true, StandardCharsets.UTF_8));

        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(printed).isEqualTo(1);
        assertThat(printed).contains("case-prefix \"JX\" 已被组织 jinxi", "id \"jxhuanwei1\" 已被组织 jinxi",
                "\"jxtuijinbna\"", organizations.resolve("jinxi/scoring.yaml") + " 有误", "第 9 行第 2 列：缩进与上文不一致",
                "没有对应的结束标记 </bpmn:userTask>", "引用的元素 id \"Task_DoesNotExist\" 在文件中不存在",
                "任务 Task_SuperviseCase（督办超期案件）")
                .doesNotContain("while parsing", "Shirong 未启动", "请修改所列文件后重新启动")
                .endsWith("修改后再运行本检查；没有问题后再重新启动 Shirong。\n");
        assertThat(printed.split("jxtuijinbna", -1)).as("the template's problem is listed once").hasSize(2);
        assertThat(console.getOut() + console.getErr()).doesNotContain("APPLICATION FAILED TO START");
    }

    @Test
    void checkOnlyOfTheShippedFilesEndsWithExitCodeZero(@TempDir Path data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int exit = CheckOnly.run(checkOnlyArguments(data), new PrintStream(out, true, StandardCharsets.UTF_8));

        assertThat(exit).as(out.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("没有发现问题", "可以重新启动 Shirong");
        assertThat(CheckOnly.requested(new String[] {"--shirong.check-only"})).isTrue();
        assertThat(CheckOnly.requested(new String[] {"--shirong.check-only=true"})).isTrue();
        assertThat(CheckOnly.requested(new String[] {"--shirong.check-only=false"})).isFalse();
    }

    /**
     * poreview-s57 F1, F2: a collaboration whose second pool shows what the property company does (not deployed:
     * {@code isExecutable="false"}, written for people) and whose process ends both branches of a gateway in one end
     * event passes check-only: the pool was checked as if it ran, the end event refused as a task that would run twice.
     */
    @Test
    void checkOnlyPassesAPoolOfAnOutsidePartyAndTwoBranchesEndingInOneEndEvent(@TempDir Path data) throws Exception {
        Files.writeString(processes.resolve("NoticeCollaboration.bpmn"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_Notice" targetNamespace="http://shirong.org/test">
                  <bpmn:collaboration id="Collaboration_Notice">
                    <bpmn:participant id="Participant_Office" name="市容办" processRef="NoticeCheckProcess" />
                    <bpmn:participant id="Participant_Company" name="物业公司" processRef="CompanyProcess" />
                  </bpmn:collaboration>
                  <bpmn:process id="NoticeCheckProcess" name="核对告知书" isExecutable="true" camunda:historyTimeToLive="30">
                    <bpmn:startEvent id="StartEvent_Begin" />
                    <bpmn:exclusiveGateway id="Gateway_Posted" name="是否已上墙?" default="SequenceFlow_PostedNo" />
                    <bpmn:endEvent id="EndEvent_Checked" name="已核对" />
                    <bpmn:sequenceFlow id="SequenceFlow_ToPosted" sourceRef="StartEvent_Begin" targetRef="Gateway_Posted" />
                    <bpmn:sequenceFlow id="SequenceFlow_PostedYes" sourceRef="Gateway_Posted" targetRef="EndEvent_Checked">
                      <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${execution.getVariable("posted") == true}</bpmn:conditionExpression>
                    </bpmn:sequenceFlow>
                    <bpmn:sequenceFlow id="SequenceFlow_PostedNo" sourceRef="Gateway_Posted" targetRef="EndEvent_Checked" />
                  </bpmn:process>
                OUTSIDE_POOL
                </bpmn:definitions>
                """.replace("OUTSIDE_POOL", ChoiceGatewayCheckTest.OUTSIDE_POOL.replace("EXECUTABLE", "isExecutable=\"false\"")));
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int exit = CheckOnly.run(checkOnlyArguments(data), new PrintStream(out, true, StandardCharsets.UTF_8));

        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(printed).isZero();
        assertThat(printed).contains("没有发现问题").doesNotContain("EndEvent_Checked", "CompanyProcess", "Activity_1q2w3e4", "3 个工作日");
    }

    private String[] checkOnlyArguments(Path data) {
        return new String[] {"--shirong.check-only", "--spring.datasource.url=jdbc:h2:file:" + data.resolve("shirong"),
                "--shirong.deployment.processes-dir=" + processes, "--shirong.deployment.forms-dir=" + forms};
    }

    private void breakTwoDiagramsAndRenameAForm() throws Exception {
        edit(Path.of("processes/CaseCooperationProcess.bpmn"), processes, "    </bpmn:userTask>\n", "");
        edit(Path.of("processes/WorkAssignmentProcess.bpmn"), processes, "targetRef=\"Gateway_SplitNotify\"", "targetRef=\"Task_DoesNotExist\"");
        edit(Path.of("forms/CaseSupervision.form"), forms, "\"id\": \"CaseSupervision\"", "\"id\": \"CaseSupervisionNew\"");
    }

    private static void edit(Path shipped, Path folder, String from, String to) throws Exception {
        String text = Files.readString(shipped);
        assertThat(text).contains(from);
        Files.writeString(folder.resolve(shipped.getFileName()), text.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to)));
    }
}
