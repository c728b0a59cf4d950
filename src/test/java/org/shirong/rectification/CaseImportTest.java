package org.shirong.rectification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.shirong.notification.NotificationDigests;
import org.shirong.system.ShirongWebTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.shirong.system.SharesSpringContext;

/**
 * {@code POST /api/cases/import}, CSV or XLSX: all rows checked first, nothing created on any bad row, unknown
 * columns refused by name, near-miss categories and 小项 answered with suggestions, re-import skips what exists,
 * only the office and leading group may import; {@code GET /api/cases/import/template} gives the file to fill in.
 */
@ShirongWebTest
@SharesSpringContext
class CaseImportTest {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    org.camunda.bpm.engine.TaskService taskService;
    @Autowired
    org.camunda.bpm.engine.HistoryService historyService;
    @Autowired
    org.camunda.bpm.engine.IdentityService identityService;
    @Autowired
    org.camunda.bpm.engine.ManagementService managementService;
    @Autowired
    org.camunda.bpm.engine.RuntimeService runtimeService;

    /** A workbook as Excel saves one: the rows of its first sheet, numbers as numbers. */
    static byte[] xlsx(List<List<Object>> rows) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook workbook = new Workbook(out, "Test", "1.0");
        Worksheet sheet = workbook.newWorksheet("Sheet1");
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < rows.get(r).size(); c++) {
                Object value = rows.get(r).get(c);
                if (value instanceof Number n) {
                    sheet.value(r, c, n);
                } else if (value != null) {
                    sheet.value(r, c, value.toString());
                }
            }
        }
        workbook.finish();
        return out.toByteArray();
    }

    private ResponseEntity<Map> uploadFile(String user, byte[] content, String fileName, MediaType type) {
        return rest.withBasicAuth(user, "demo").postForEntity("/api/cases/import", multipart(content, fileName, type), Map.class);
    }

    private static final MediaType XLSX = MediaType.parseMediaType(ImportTable.XLSX_TYPE);
    private static final List<Object> HEADERS = List.of("外部编号", "问题类别", "小项", "标题", "地点", "描述", "紧急程度", "属地街镇", "活动");

    private ResponseEntity<Map> upload(String csv, boolean bom) {
        byte[] text = csv.getBytes(StandardCharsets.UTF_8);
        byte[] content = text;
        if (bom) {
            content = new byte[text.length + 3];
            content[0] = (byte) 0xEF;
            content[1] = (byte) 0xBB;
            content[2] = (byte) 0xBF;
            System.arraycopy(text, 0, content, 3, text.length);
        }
        return CsvUpload.post(rest.withBasicAuth("chuangban1", "demo"), "/api/cases/import", content, "survey.csv");
    }

    private long cases() {
        return jdbc.queryForObject("select count(*) from rect_case", Long.class);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> errors(ResponseEntity<Map> response) {
        return (List<Map<String, Object>>) response.getBody().get("errors");
    }

    /**
     * An import's rows are started together in one engine command per chunk: when it answers, every row's case has its
     * own process, dispatched, with its first task. (How an import gives way to other requests: {@link ImportGivesWayTest}.)
     */
    @Test
    void everyImportedRowHasItsOwnProcessDispatchedWithItsFirstTask() {
        ResponseEntity<Map> imported = upload(surveyRows("STARTED-", 3), false);
        assertThat(imported.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(imported.getBody()).containsEntry("created", 3);
        List<Map<String, Object>> made = jdbc.queryForList("select case_no, process_instance_id, lead_unit from rect_case"
                + " where external_ref like 'STARTED-%'");
        assertThat(made).hasSize(3).allSatisfy(c -> {
            assertThat(c.get("process_instance_id")).as("process of %s", c.get("case_no")).isNotNull();
            assertThat(c.get("lead_unit")).as("lead unit of %s", c.get("case_no")).isNotNull();
            assertThat(taskService.createTaskQuery().processInstanceId((String) c.get("process_instance_id"))
                    .taskDefinitionKey("Task_ClaimCase").count()).as("认领案件 of %s", c.get("case_no")).isEqualTo(1);
        });
    }

    /**
     * The answer names the rows whose new case may duplicate an open case (the rule of a report's possibleDuplicates: the
     * same category at the same address, however spaced), and the rows of the file alike; a closed case there, another
     * category or another address do not count.
     */
    @Test
    @SuppressWarnings("unchecked")
    void theAnswerNamesTheRowsThatMayDuplicateAnOpenCaseOrOneAnother() {
        long n = System.nanoTime() % 1_000_000_000L;
        String street = "九亭镇重复路 " + n + " 号";
        String open = (String) rest.withBasicAuth("chuangban1", "demo").postForEntity("/api/cases", CaseApiTest.json(
                CaseApiTest.body("ILLEGAL_STALL", "NORMAL", street, "DUPOPEN-" + n)), Map.class).getBody().get("caseNo");
        String closed = (String) rest.withBasicAuth("chuangban1", "demo").postForEntity("/api/cases", CaseApiTest.json(
                CaseApiTest.body("ILLEGAL_STALL", "NORMAL", street, "DUPCLOSED-" + n)), Map.class).getBody().get("caseNo");
        jdbc.update("update rect_case set status = 'CLOSED', closed_at = reported_at where case_no = ?", closed);
        String csv = """
                externalRef,category,title,location,description,urgency
                DUP-%1$d-1,ILLEGAL_STALL,占道经营,九亭镇重复路%1$d号,,一般
                DUP-%1$d-2,ILLEGAL_STALL,占道经营,九亭镇重复路 %2$d 号,,一般
                DUP-%1$d-3,EXPOSED_GARBAGE,暴露垃圾,九亭镇重复路 %3$d 号,,一般
                DUP-%1$d-4,EXPOSED_GARBAGE,暴露垃圾,九亭镇重复路%3$d号。,,一般
                DUP-%1$d-5,EXPOSED_GARBAGE,暴露垃圾,九亭镇重复路 %1$d 号,,一般
                """.formatted(n, n + 1, n + 2);

        ResponseEntity<Map> imported = upload(csv, false);

        assertThat(imported.getStatusCode()).isEqualTo(HttpStatus.OK);
        List<String> made = (List<String>) imported.getBody().get("caseNos");
        assertThat(made).hasSize(5);
        List<Map<String, Object>> alike = (List<Map<String, Object>>) imported.getBody().get("possibleDuplicates");
        assertThat(alike).extracting(r -> r.get("row"), r -> r.get("caseNo"), r -> r.get("alikeRows")).containsExactly(
                org.assertj.core.groups.Tuple.tuple(2, made.get(0), List.of()),
                org.assertj.core.groups.Tuple.tuple(4, made.get(2), List.of(5)),
                org.assertj.core.groups.Tuple.tuple(5, made.get(3), List.of(4)));
        assertThat((List<Map<String, Object>>) alike.get(0).get("possibleDuplicates")).singleElement().satisfies(d -> assertThat(d)
                .containsEntry("caseNo", open).containsEntry("address", street).containsEntry("status", "DISPATCHED")
                .containsEntry("reportedEarlier", true));
        assertThat((List<Map<String, Object>>) alike.get(1).get("possibleDuplicates")).isEmpty();
    }

    private static String surveyRows(String prefix, int rows) {
        StringBuilder csv = new StringBuilder("externalRef,category,title,location,description,urgency\n");
        for (int i = 0; i < rows; i++) {
            csv.append(prefix).append(i).append(",ILLEGAL_STALL,占道经营 ").append(i).append(",九亭大街 ").append(i).append(" 号,,一般\n");
        }
        return csv.toString();
    }

    @Test
    @SuppressWarnings("unchecked")
    void chineseHeadersWithBomImportOnceAndTheSameFileAgainIsSkipped() {
        String csv = """
                外部编号,问题类别,标题,地点,描述,紧急程度
                CY2024-001,居住区,小区垃圾房周边脏乱,九亭镇涞寅路 88 弄,测评点位问题,一般
                CY2024-002,SURVEY_URBAN_ROADS,人行道破损,九亭镇沪亭北路 200 号,"破损约 2 平方米, 有积水",紧急
                CY2024-003,暴露垃圾,绿化带内暴露垃圾,九亭镇九新公路 1 号,,
                """;
        long before = cases();
        ResponseEntity<Map> first = upload(csv, true);
        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(first.getBody()).containsEntry("created", 3).containsEntry("skipped", 0);
        assertThat(cases()).isEqualTo(before + 3);
        // which row became which case, by row and 外部编号: the office matches its file to the answer
        assertThat((List<Map<String, Object>>) first.getBody().get("rows")).extracting(r -> r.get("row"), r -> r.get("externalRef"),
                r -> r.get("caseNo"), r -> r.get("skipped")).containsExactly(
                org.assertj.core.groups.Tuple.tuple(2, "CY2024-001", caseNoOf("CY2024-001"), false),
                org.assertj.core.groups.Tuple.tuple(3, "CY2024-002", caseNoOf("CY2024-002"), false),
                org.assertj.core.groups.Tuple.tuple(4, "CY2024-003", caseNoOf("CY2024-003"), false));
        assertThat(jdbc.queryForObject("select source from rect_case where external_ref = 'CY2024-001'", String.class)).isEqualTo("SURVEY");
        assertThat(jdbc.queryForObject("select category from rect_case where external_ref = 'CY2024-001'", String.class))
                .isEqualTo("SURVEY_RESIDENTIAL_AREAS");
        assertThat(jdbc.queryForObject("select urgency from rect_case where external_ref = 'CY2024-002'", String.class)).isEqualTo("URGENT");
        assertThat(jdbc.queryForObject("select lead_unit from rect_case where external_ref = 'CY2024-003'", String.class)).isEqualTo("huanwei");

        ResponseEntity<Map> again = upload(csv, true);
        assertThat(again.getBody()).containsEntry("created", 0).containsEntry("skipped", 3);
        // a skipped row names the case that holds its number (s50 F1)
        assertThat((List<Map<String, Object>>) again.getBody().get("rows")).extracting(r -> r.get("row"), r -> r.get("caseNo"),
                r -> r.get("skipped")).containsExactly(org.assertj.core.groups.Tuple.tuple(2, caseNoOf("CY2024-001"), true),
                org.assertj.core.groups.Tuple.tuple(3, caseNoOf("CY2024-002"), true), org.assertj.core.groups.Tuple.tuple(4, caseNoOf("CY2024-003"), true));
        assertThat(cases()).isEqualTo(before + 3);
    }

    /**
     * s53 S1: a 外部编号 copied with an invisible character (a BOM at the start of the first data cell, a word joiner, a
     * zero-width space) is the number it shows: imported before, its row is skipped naming the case that holds it; twice
     * in one file, the second row is named; and Shirong's own references are refused however they are hidden.
     */
    @Test
    @SuppressWarnings("unchecked")
    void anOutsideNumberWithInvisibleCharactersIsTheNumberItShows() {
        String header = "外部编号,问题类别,标题,地点\n";
        ResponseEntity<Map> first = upload(header + "S53-IMP-1,暴露垃圾,绿化带内暴露垃圾,九亭大街 531 号\n", true);
        assertThat(first.getBody()).containsEntry("created", 1);
        long before = cases();

        ResponseEntity<Map> again = upload(header + "\uFEFFS53-IMP-1,暴露垃圾,绿化带内暴露垃圾,九亭大街 531 号\n"
                + "S53-IMP-2\u2060,暴露垃圾,绿化带内暴露垃圾,九亭大街 532 号\n", true);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(again.getBody()).containsEntry("created", 1).containsEntry("skipped", 1);
        assertThat((List<Map<String, Object>>) again.getBody().get("rows")).extracting(r -> r.get("row"), r -> r.get("externalRef"),
                r -> r.get("caseNo"), r -> r.get("skipped")).containsExactly(
                org.assertj.core.groups.Tuple.tuple(2, "S53-IMP-1", caseNoOf("S53-IMP-1"), true),
                org.assertj.core.groups.Tuple.tuple(3, "S53-IMP-2", caseNoOf("S53-IMP-2"), false));
        assertThat(cases()).isEqualTo(before + 1);

        ResponseEntity<Map> refused = upload(header + "S53-IMP-3\u200B,暴露垃圾,绿化带内暴露垃圾,九亭大街 533 号\n"
                + "S53-IMP-3,暴露垃圾,绿化带内暴露垃圾,九亭大街 533 号\n"
                + "\u200BZONE-jiuting-9,暴露垃圾,绿化带内暴露垃圾,九亭大街 534 号\n", false);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(errors(refused)).extracting(e -> e.get("row") + ":" + e.get("column") + ":" + e.get("code"))
                .containsExactly("3:externalRef:DUPLICATE_IN_FILE", "4:externalRef:RESERVED_EXTERNAL_REF");
        assertThat(cases()).isEqualTo(before + 1);
    }

    private String caseNoOf(String externalRef) {
        return jdbc.queryForObject("select case_no from rect_case where external_ref = ?", String.class, externalRef);
    }

    /**
     * A chunk evaluates the dispatch table once per distinct category, urgency and source (RepeatedDecisions), yet every
     * imported case keeps its own dispatch decision in the history Cockpit shows: its inputs, and the outputs it was
     * dispatched by.
     */
    @Test
    void everyImportedCaseKeepsItsOwnDispatchDecisionInTheHistory() {
        String csv = """
                外部编号,问题类别,标题,地点,描述,紧急程度
                DD-2026-01,暴露垃圾,绿化带垃圾,九亭镇涞坊路 11 号,,一般
                DD-2026-02,暴露垃圾,路口垃圾,九亭镇涞坊路 12 号,,一般
                DD-2026-03,ILLEGAL_STALL,占道设摊,九亭镇涞坊路 13 号,,紧急
                DD-2026-04,暴露垃圾,河边垃圾,九亭镇涞坊路 14 号,,一般
                """;
        // huanwei1 (环卫所's head) is for this import also a member of 城管中队, the 占道设摊 case's lead unit
        identityService.createMembership("huanwei1", "chengguan");
        ResponseEntity<Map> response;
        try {
            response = upload(csv, false);
        } finally {
            identityService.deleteMembership("huanwei1", "chengguan");
        }
        assertThat(response.getBody()).containsEntry("created", 4);
        Map<String, Object> leadOutputs = new java.util.HashMap<>();
        for (String ref : List.of("DD-2026-01", "DD-2026-02", "DD-2026-03", "DD-2026-04")) {
            Map<String, Object> c = jdbc.queryForMap("select category, urgency, lead_unit, process_instance_id from rect_case"
                    + " where external_ref = ?", ref);
            List<org.camunda.bpm.engine.history.HistoricDecisionInstance> decisions = historyService
                    .createHistoricDecisionInstanceQuery().processInstanceId((String) c.get("PROCESS_INSTANCE_ID"))
                    .includeInputs().includeOutputs().list();
            assertThat(decisions).as(ref).singleElement().satisfies(d -> {
                assertThat(d.getDecisionDefinitionKey()).isEqualTo("CaseDispatch");
                assertThat(d.getActivityId()).isEqualTo(RectificationProcess.TASK_DISPATCH);
                assertThat(d.getInputs()).extracting(i -> i.getValue())
                        .containsExactlyInAnyOrder(c.get("CATEGORY"), c.get("URGENCY"), "SURVEY");
                assertThat(d.getOutputs()).extracting(o -> o.getVariableName())
                        .containsExactlyInAnyOrder("leadUnit", "responsibleUnits", "limitAmount", "limitUnit");
                d.getOutputs().stream().filter(o -> "leadUnit".equals(o.getVariableName()))
                        .forEach(o -> leadOutputs.put(ref, o.getValue()));
            });
        }
        assertThat(leadOutputs.get("DD-2026-01")).isNotNull().isEqualTo(leadOutputs.get("DD-2026-02"))
                .isEqualTo(leadOutputs.get("DD-2026-04"));

        // 通知牵头单位: one message per person for the import, naming each of their units' cases in row order, instead of one
        // per case (and, since s54, instead of one per unit)
        List<String> garbage = jdbc.queryForList("select case_no from rect_case where external_ref in ('DD-2026-01',"
                + " 'DD-2026-02', 'DD-2026-04') order by external_ref", String.class);
        assertThat(jdbc.queryForObject("select count(*) from notification_inbox where template_id = 'case-dispatched' and"
                + " business_key in (select case_no from rect_case where external_ref like 'DD-2026-%')", Long.class)).isZero();
        String stallUnit = jdbc.queryForObject("select lead_unit from rect_case where external_ref = 'DD-2026-03'", String.class);
        String stallCase = jdbc.queryForObject("select case_no from rect_case where external_ref = 'DD-2026-03'", String.class);
        assertThat(jdbc.queryForList("select distinct n.body from notification_inbox n join act_id_membership m on"
                + " m.user_id_ = n.recipient_id where m.group_id_ = ? and n.template_id = 'cases-imported' and n.body like ?",
                String.class, stallUnit, "%" + stallCase + "%")).as("城管中队's own people: its cases alone")
                .singleElement().asString().startsWith("城管中队：").contains("派发 1 件").doesNotContain("环卫所");
        assertThat(stallUnit).isEqualTo("chengguan");
        List<String> both = jdbc.queryForList("select subject || '|' || body from notification_inbox where recipient_id = 'huanwei1'"
                + " and template_id = 'cases-imported' and (body like ? or body like ?)", String.class, "%" + stallCase + "%",
                "%" + garbage.get(0) + "%");
        assertThat(both).as("a member of both lead units hears of each unit's cases in one message, under the unit's name")
                .singleElement().asString().startsWith("【案件派遣】本次导入向你所在的 2 个单位派发 4 件|城管中队、环卫所：")
                .contains("【城管中队】1 件\n案件编号：" + stallCase, "【环卫所】3 件\n案件编号：" + String.join("、", garbage));
        assertThat(jdbc.queryForList("select distinct lead_unit from rect_case where external_ref in ('DD-2026-01',"
                + " 'DD-2026-02', 'DD-2026-04')", String.class)).containsExactly("huanwei");

        // 通知协办单位 likewise: the 占道设摊 case's 责任单位 hears of it in one message for the import, and its cooperation's
        // own notice queues nothing; the cooperation ran up to the unit's task in the import, leaving no start job
        Map<String, Object> party = jdbc.queryForMap("select unit_id, process_instance_id from rect_case_party where case_no = ?",
                stallCase);
        String partyUnit = (String) party.get("UNIT_ID");
        assertThat(jdbc.queryForList("select distinct n.body from notification_inbox n join act_id_membership m on"
                + " m.user_id_ = n.recipient_id where m.group_id_ = ? and n.template_id = 'cooperations-imported' and n.body like ?",
                String.class, partyUnit, "%" + stallCase + "%")).singleElement().asString().contains("有 1 件", "请贵单位协办");
        assertThat(managementService.createJobQuery().processInstanceId((String) party.get("PROCESS_INSTANCE_ID")).count())
                .as("the cooperation's start job").isZero();
        assertThat(runtimeService.getVariable((String) party.get("PROCESS_INSTANCE_ID"), NotificationDigests.VAR_HELD_FOR_DIGEST))
                .as("the notice's hold is not kept").isNull();
        assertThat(runtimeService.getVariable((String) party.get("PROCESS_INSTANCE_ID"), CaseCooperationProcess.VAR_PARTY_REASON))
                .as("nor the reason only the notice reads").isNull();
        assertThat(taskService.createTaskQuery().processInstanceId((String) party.get("PROCESS_INSTANCE_ID"))
                .taskCandidateGroup(partyUnit).count()).as("the cooperation's task").isOne();
        assertThat(jdbc.queryForObject("select count(*) from notification_inbox where template_id = 'case-cooperation'"
                + " and business_key = ?", Long.class, CaseCooperationProcess.businessKey(stallCase, partyUnit))).isZero();
    }

    /** The optional 属地 and 社区 columns, under any of their names; a bad value is named by row and column. */
    @Test
    void territoryAndCommunityColumnsAreReadAndCheckedPerRow() {
        String csv = """
                外部编号,问题类别,标题,地点,描述,紧急程度,街镇,网格
                TC-2026-01,暴露垃圾,绿化带垃圾,九亭镇涞坊路 1 号,,一般,九亭镇,涞坊社区第 3 网格
                TC-2026-02,暴露垃圾,路口垃圾,九亭镇涞坊路 2 号,,一般,,
                """;
        ResponseEntity<Map> created = upload(csv, false);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(jdbc.queryForMap("select territory, community from rect_case where external_ref = 'TC-2026-01'"))
                .containsEntry("TERRITORY", "jiuting").containsEntry("COMMUNITY", "涞坊社区第 3 网格");
        assertThat(jdbc.queryForMap("select territory, community from rect_case where external_ref = 'TC-2026-02'"))
                .containsEntry("TERRITORY", "jiuting").containsEntry("COMMUNITY", null);

        long before = cases();
        ResponseEntity<Map> refused = upload("""
                externalRef,category,title,location,description,urgency,territory,community
                TC-2026-03,EXPOSED_GARBAGE,垃圾,九亭大街 1 号,,NORMAL,石湖荡镇,
                TC-2026-04,EXPOSED_GARBAGE,垃圾,九亭大街 2 号,,NORMAL,jiuting,%s
                """.formatted("社".repeat(101)), false);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(errors(refused)).extracting(e -> e.get("row") + ":" + e.get("column") + ":" + e.get("code"))
                .containsExactlyInAnyOrder("2:territory:UNKNOWN_TERRITORY", "3:community:TOO_LONG");
        assertThat(errors(refused)).anySatisfy(e -> assertThat((String) e.get("message")).startsWith("第 2 行：未知的属地：石湖荡镇"));
        assertThat(cases()).isEqualTo(before);
    }

    @Test
    void englishHeadersWithoutBomAndASourceColumn() {
        String csv = """
                externalRef,category,title,location,description,urgency,source
                MC-2026-17,ILLEGAL_POSTING,电线杆小广告,九亭大街 3 号,市级明查暗访发现,NORMAL,SPOT_CHECK
                """;
        ResponseEntity<Map> response = upload(csv, false);
        assertThat(response.getBody()).containsEntry("created", 1);
        assertThat(jdbc.queryForObject("select source from rect_case where external_ref = 'MC-2026-17'", String.class)).isEqualTo("SPOT_CHECK");
    }

    /**
     * A town's file as it comes: only the four columns that must be there, or 来源 written as the town writes it (简称、
     * 12345); a source neither code nor name is refused, offering the names with their codes.
     */
    @Test
    void theFourRequiredColumnsAloneAndSourcesAsATownWritesThem() {
        ResponseEntity<Map> minimal = upload("外部编号,问题类别,标题,地点\nMIN-1,EXPOSED_GARBAGE,暴露垃圾,九亭大街 5 号\n", false);
        assertThat(minimal.getBody()).containsEntry("created", 1);
        assertThat(jdbc.queryForMap("select source, urgency from rect_case where external_ref = 'MIN-1'"))
                .containsEntry("source", "SURVEY").containsEntry("urgency", "NORMAL");

        ResponseEntity<Map> written = upload("""
                外部编号,问题类别,标题,地点,紧急程度,来源
                SRC-1,EXPOSED_GARBAGE,暴露垃圾,九亭大街 6 号,紧急,满意度测评
                SRC-2,EXPOSED_GARBAGE,暴露垃圾,九亭大街 7 号,,12345
                SRC-3,EXPOSED_GARBAGE,暴露垃圾,九亭大街 8 号,urgent,巡查
                """, false);
        assertThat(written.getBody()).containsEntry("created", 3);
        assertThat(jdbc.queryForList("select external_ref || ':' || source || ':' || urgency from rect_case"
                + " where external_ref like 'SRC-%' order by external_ref", String.class))
                .containsExactly("SRC-1:SURVEY:URGENT", "SRC-2:CITIZEN:NORMAL", "SRC-3:PATROL:URGENT");

        ResponseEntity<Map> unknown = upload("外部编号,问题类别,标题,地点,来源\nSRC-9,EXPOSED_GARBAGE,暴露垃圾,九亭大街 9 号,路人\n", false);
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) errors(unknown).get(0).get("message")).contains("未知的案件来源：路人")
                .contains("日常巡查（PATROL）", "市民反映（12345）（CITIZEN）");
    }

    /**
     * jxreview J16: 锦溪镇 has no 满意度测评, 督导检查组 or district. Its import names no default source (categories.yaml
     * {@code sources:}): a file without 来源, or a row leaving it empty, is refused naming the town's own sources, and
     * 满意度测评 is refused as a source the town does not use; nothing is saved. A unit head refused 12345 is told the
     * town's own sources; the template shows no 小项 or 属地街镇 column and its 填写说明 names only what the town has.
     */
    @Test
    @SuppressWarnings("unchecked")
    void aJinxiImportMustNameItsSourceAndTheTemplateAndMessagesNameOnlyTheTownsOwn() throws IOException {
        ResponseEntity<Map> noColumn = uploadAs("jxtuijinban1", "外部编号,问题类别,标题,地点\nJXIMP-001,EXPOSED_GARBAGE,暴露垃圾,锦溪镇长寿路 10 号\n");
        assertThat(noColumn.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(errors(noColumn)).extracting(e -> e.get("row") + ":" + e.get("column") + ":" + e.get("code"))
                .containsExactly("1:source:MISSING_COLUMN");
        assertThat((String) errors(noColumn).get(0).get("message")).contains("缺少列“来源”", "锦溪镇导入的案件须写明来源",
                "日常巡查、单位自查、季检查（督促检查）、市民反映（12345）").doesNotContain("满意度测评", "督导检查");

        ResponseEntity<Map> rows = uploadAs("jxtuijinban1", """
                外部编号,问题类别,标题,地点,来源
                JXIMP-002,EXPOSED_GARBAGE,暴露垃圾,锦溪镇长寿路 11 号,
                JXIMP-003,EXPOSED_GARBAGE,暴露垃圾,锦溪镇长寿路 12 号,满意度测评
                """);
        assertThat(rows.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(errors(rows)).extracting(e -> e.get("row") + ":" + e.get("column") + ":" + e.get("code"))
                .containsExactly("2:source:REQUIRED", "3:source:SOURCE_NOT_USED");
        assertThat((String) errors(rows).get(1).get("message")).startsWith("第 3 行：锦溪镇不使用案件来源“满意度测评点位问题”");
        assertThat(jdbc.queryForObject("select count(*) from rect_case where external_ref like 'JXIMP-%'", Long.class)).isZero();

        ResponseEntity<Map> named = uploadAs("jxtuijinban1", """
                外部编号,问题类别,标题,地点,来源
                JXIMP-004,EXPOSED_GARBAGE,暴露垃圾,锦溪镇长寿路 13 号,巡查
                JXIMP-005,EXPOSED_GARBAGE,暴露垃圾,锦溪镇长寿路 14 号,12345
                JXIMP-006,EXPOSED_GARBAGE,暴露垃圾,锦溪镇长寿路 17 号,季检查（督促检查）
                """);
        assertThat(named.getBody()).containsEntry("created", 3);
        // 季检查（督促检查）: 锦溪镇's name for 联合检查 (sources.labels), accepted as it is written
        assertThat(jdbc.queryForList("select external_ref || ':' || source from rect_case where external_ref like 'JXIMP-%'"
                + " order by external_ref", String.class))
                .containsExactly("JXIMP-004:PATROL", "JXIMP-005:CITIZEN", "JXIMP-006:JOINT_INSPECTION");

        ResponseEntity<Map> survey = rest.withBasicAuth("jxtuijinban1", "demo").postForEntity("/api/cases", CaseApiTest.json("""
                {"title":"暴露垃圾","category":"EXPOSED_GARBAGE","source":"SURVEY","location":{"address":"锦溪镇长寿路 15 号"}}"""), Map.class);
        assertThat(survey.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(errors(survey)).extracting(e -> e.get("field") + ":" + e.get("code")).containsExactly("source:SOURCE_NOT_USED");
        ResponseEntity<Map> citizen = rest.withBasicAuth("jxhuanwei1", "demo").postForEntity("/api/cases", CaseApiTest.json("""
                {"title":"暴露垃圾","category":"EXPOSED_GARBAGE","source":"CITIZEN","location":{"address":"锦溪镇长寿路 16 号"}}"""), Map.class);
        assertThat(citizen.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat((String) errors(citizen).get(0).get("message")).contains("只有锦溪镇的推进小组办公室", "请选择日常巡查或单位自查，")
                .doesNotContain("满意度测评");

        ResponseEntity<byte[]> xlsx = rest.withBasicAuth("jxtuijinban1", "demo").getForEntity("/api/cases/import/template?format=xlsx", byte[].class);
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx.getBody()))) {
            try (Stream<Row> header = workbook.getFirstSheet().openStream()) {
                assertThat(header.toList()).singleElement().satisfies(h -> assertThat(h.stream().map(c -> c.getText()))
                        .containsExactly("外部编号", "问题类别", "标题", "地点", "描述", "紧急程度", "来源", "村/社区", "活动"));
            }
            String help;
            try (Stream<Row> lines = workbook.getSheet(2).orElseThrow().openStream()) {
                help = String.join("\n", lines.map(r -> r.getCellText(0) + "：" + r.getCellText(1)).toList());
            }
            assertThat(help).contains("来源：必填：锦溪镇导入的案件须写明来源", "“紧急”只有锦溪镇的推进小组办公室", "12345 工单号")
                    .doesNotContain("督导检查组", "区里", "满意度测评", "明查暗访", "小项", "属地");
        }
        assertThat(rest.withBasicAuth("jxtuijinban1", "demo").getForObject("/api/cases/import/template?format=csv", String.class))
                .isEqualTo("\uFEFF外部编号,问题类别,标题,地点,描述,紧急程度,来源,村/社区,活动\r\n");
    }

    private ResponseEntity<Map> uploadAs(String user, String csv) {
        return CsvUpload.post(rest.withBasicAuth(user, "demo"), "/api/cases/import", csv.getBytes(StandardCharsets.UTF_8), "rows.csv");
    }

    /**
     * s50 F1, F2: an import may not use Shirong's own references (in any case or width) nor 会议决定; every such row is
     * named with its column, and nothing of the file is saved.
     */
    @Test
    void reservedReferencesAndMeetingDecisionsAreRefusedRowByRowAndNothingIsSaved() {
        long before = cases();
        ResponseEntity<Map> refused = upload("""
                外部编号,问题类别,标题,地点,来源
                RSV-OK-1,EXPOSED_GARBAGE,暴露垃圾,九亭大街 1 号,巡查
                ZONE-jiuting-9,EXPOSED_GARBAGE,暴露垃圾,九亭大街 2 号,巡查
                ｍｅｅｔｉｎｇ-JT-DEMO-jointMeeting-20261207T0100Z-1,EXPOSED_GARBAGE,暴露垃圾,九亭大街 3 号,巡查
                campaign:JT-DEMO:7:1,EXPOSED_GARBAGE,暴露垃圾,九亭大街 4 号,巡查
                RSV-OK-5,EXPOSED_GARBAGE,暴露垃圾,九亭大街 5 号,会议决定
                """, false);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(errors(refused)).extracting(e -> e.get("row") + ":" + e.get("column") + ":" + e.get("code"))
                .containsExactly("3:externalRef:RESERVED_EXTERNAL_REF", "4:externalRef:RESERVED_EXTERNAL_REF",
                        "5:externalRef:RESERVED_EXTERNAL_REF", "6:source:MEETING_SOURCE");
        assertThat((String) errors(refused).get(0).get("message")).startsWith("第 3 行：外部编号不能以 meeting-、ZONE-、campaign: 开头");
        assertThat(cases()).isEqualTo(before);
        assertThat(jdbc.queryForObject("select count(*) from rect_case_import_row r join rect_case_import i on i.id = r.import_id"
                + " where r.new_case like '%RSV-OK-1%'", Long.class)).as("nothing of the import recorded").isZero();
    }

    /**
     * A survey 大类 goes with the source 满意度测评 only, as in a report: a row of another source under one is named by row
     * and column, and nothing of the file is saved; the same 大类 with the source 满意度测评 (or the town's default) imports.
     */
    @Test
    void aSurveyCategoryRowOfAnotherSourceIsRefusedNamingTheRow() {
        long before = cases();
        ResponseEntity<Map> refused = upload("""
                外部编号,问题类别,标题,地点,来源
                SVY-SRC-1,公共设施,候车亭座椅破损,九亭大街 1 号,满意度测评
                SVY-SRC-2,公共设施,候车亭座椅破损,九亭大街 2 号,巡查
                SVY-SRC-3,SURVEY_URBAN_ROADS,人行道破损,九亭大街 3 号,单位自查
                SVY-SRC-4,EXPOSED_GARBAGE,暴露垃圾,九亭大街 4 号,巡查
                """, false);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(errors(refused)).extracting(e -> e.get("row") + ":" + e.get("column") + ":" + e.get("code"))
                .containsExactly("3:category:SURVEY_CATEGORY_NEEDS_SURVEY_SOURCE", "4:category:SURVEY_CATEGORY_NEEDS_SURVEY_SOURCE");
        assertThat((String) errors(refused).get(0).get("message")).startsWith("第 3 行：问题类别“公共设施”是满意度测评大类");
        assertThat(cases()).isEqualTo(before);
    }

    /**
     * s50 F2: a unit head may import (leading group), but not 12345 rows nor another unit's case marked 紧急; his own
     * unit's urgent problem he may. The rows are named (403), nothing is saved; the office may import them all.
     */
    @Test
    void aUnitHeadImportsNeitherDoubleWeightedSourcesNorAnotherUnitsUrgentCases() {
        long before = cases();
        String csv = """
                外部编号,问题类别,标题,地点,紧急程度,来源
                RIGHTS-1,EXPOSED_GARBAGE,暴露垃圾,九亭大街 11 号,紧急,巡查
                RIGHTS-2,EXPOSED_GARBAGE,暴露垃圾,九亭大街 12 号,,12345
                RIGHTS-3,ILLEGAL_STALL,占道设摊,九亭大街 13 号,紧急,巡查
                RIGHTS-4,ILLEGAL_STALL,占道设摊,九亭大街 14 号,,明查暗访
                """;
        ResponseEntity<Map> refused = uploadAs("huanwei1", csv);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(errors(refused)).extracting(e -> e.get("row") + ":" + e.get("column") + ":" + e.get("code"))
                .containsExactly("3:source:SOURCE_NOT_PERMITTED", "4:urgency:URGENCY_NOT_PERMITTED", "5:source:SOURCE_NOT_PERMITTED");
        assertThat((String) errors(refused).get(1).get("message")).startsWith("第 4 行：紧急程度“紧急”只有九亭镇的创建工作办公室、督导检查组")
                .contains("本问题由城管中队牵头", "描述");
        assertThat(cases()).isEqualTo(before);

        ResponseEntity<Map> own = uploadAs("huanwei1", "外部编号,问题类别,标题,地点,紧急程度\nRIGHTS-1,EXPOSED_GARBAGE,暴露垃圾,九亭大街 11 号,紧急\n");
        assertThat(own.getStatusCode()).isEqualTo(HttpStatus.OK);
        ResponseEntity<Map> office = upload(csv, false);
        assertThat(office.getBody()).containsEntry("created", 3).containsEntry("skipped", 1);
        assertThat(jdbc.queryForList("select external_ref || ':' || source || ':' || urgency from rect_case"
                + " where external_ref like 'RIGHTS-%' order by external_ref", String.class))
                .containsExactly("RIGHTS-1:SURVEY:URGENT", "RIGHTS-2:CITIZEN:NORMAL", "RIGHTS-3:PATROL:URGENT", "RIGHTS-4:SPOT_CHECK:NORMAL");
    }

    /**
     * s50 F1: a row skipped because a case already holds its 外部编号 names that case and its lead unit, even to an importer
     * who may not read it (a 12345 number registered first by a clerk of another unit).
     */
    @Test
    @SuppressWarnings("unchecked")
    void aSkippedRowNamesTheCaseHoldingItsNumberEvenWhenTheImporterCannotReadIt() {
        String ref = "12345-S50-IMP-" + System.nanoTime();
        ResponseEntity<Map> squatted = rest.withBasicAuth("lvrong1", "demo").postForEntity("/api/cases", CaseApiTest.json(
                CaseApiTest.body("EXPOSED_GARBAGE", "NORMAL", "某小区内", ref)), Map.class);
        assertThat(squatted.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String holder = (String) squatted.getBody().get("caseNo");
        ResponseEntity<Map> imported = uploadAs("chengguan1", "外部编号,问题类别,标题,地点\n" + ref + ",ILLEGAL_STALL,占道设摊,九亭大街 9 号\n"
                + ref + "-B,ILLEGAL_STALL,占道设摊,九亭大街 10 号\n");
        assertThat(imported.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(imported.getBody()).containsEntry("created", 1).containsEntry("skipped", 1);
        List<Map<String, Object>> rows = (List<Map<String, Object>>) imported.getBody().get("rows");
        assertThat(rows.get(0)).containsEntry("row", 2).containsEntry("skipped", true).containsEntry("caseNo", holder)
                .containsEntry("leadUnitName", "环卫所");
        assertThat((String) rows.get(0).get("note")).contains("已用于案件 " + holder + "（牵头单位 环卫所）");
        assertThat(rows.get(1)).containsEntry("skipped", false);
        assertThat(rows.get(1).get("note")).isNull();
        assertThat(rest.withBasicAuth("chengguan1", "demo").getForEntity("/api/cases/" + holder, Map.class).getStatusCode())
                .as("the importer still may not read it").isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void oneBadRowRefusesTheWholeFileNamingRowColumnAndReason() {
        String csv = """
                externalRef,category,title,location,description,urgency
                BAD-1,EXPOSED_GARBAGE,垃圾,九亭大街 1 号,,NORMAL
                BAD-2,NO_SUCH_CATEGORY,未知,九亭大街 2 号,,NORMAL
                BAD-3,EXPOSED_GARBAGE,缺地点,,,NORMAL
                BAD-1,EXPOSED_GARBAGE,重复,九亭大街 4 号,,SOON
                """;
        long before = cases();
        ResponseEntity<Map> response = upload(csv, false);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(errors(response)).extracting(e -> e.get("row") + ":" + e.get("column") + ":" + e.get("code"))
                .containsExactlyInAnyOrder("3:category:UNKNOWN_CATEGORY", "4:location:REQUIRED",
                        "5:externalRef:DUPLICATE_IN_FILE", "5:urgency:INVALID_URGENCY");
        assertThat((String) errors(response).get(0).get("message")).startsWith("第 ");
        assertThat(cases()).isEqualTo(before);
        assertThat(jdbc.queryForObject("select count(*) from rect_case where external_ref = 'BAD-1'", Long.class)).isZero();
    }

    @Test
    void aMissingColumnOrAFileInNeitherUtf8NorGbkIsRefused() {
        ResponseEntity<Map> missing = upload("externalRef,category,title\nX-1,EXPOSED_GARBAGE,垃圾\n", false);
        assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(errors(missing)).extracting(e -> e.get("column")).containsExactly("location");

        byte[] header = "外部编号,问题类别,标题,地点,描述,紧急程度\n".getBytes(StandardCharsets.UTF_8);
        byte[] neither = java.util.Arrays.copyOf(header, header.length + 4);
        neither[header.length] = 'G';
        neither[header.length + 1] = (byte) 0xFF;
        neither[header.length + 2] = (byte) 0xFF;
        neither[header.length + 3] = '\n';
        ResponseEntity<Map> refused = CsvUpload.post(rest.withBasicAuth("chuangban1", "demo"), "/api/cases/import", neither, "odd.csv");
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(errors(refused)).extracting(e -> e.get("code")).containsExactly("NOT_UTF8");
    }

    /** Excel and WPS on a Chinese Windows save “CSV（逗号分隔）” in GBK: such a file imports as it reads in Excel. */
    @Test
    void aCsvSavedByExcelInGbkImportsItsChineseAsWritten() {
        byte[] gbk = "外部编号,问题类别,标题,地点,描述,紧急程度\nGBK-1,暴露垃圾,绿化带内暴露垃圾,九亭镇涞寅路 88 弄,“测评”点位,一般\n"
                .getBytes(java.nio.charset.Charset.forName("GBK"));
        ResponseEntity<Map> imported = CsvUpload.post(rest.withBasicAuth("chuangban1", "demo"), "/api/cases/import", gbk, "excel.csv");
        assertThat(imported.getStatusCode()).as("%s", imported.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(imported.getBody()).containsEntry("created", 1);
        assertThat(jdbc.queryForMap("select title, category, description from rect_case where external_ref = 'GBK-1'"))
                .containsEntry("title", "绿化带内暴露垃圾").containsEntry("category", "EXPOSED_GARBAGE")
                .containsEntry("description", "“测评”点位");
    }

    @Test
    void anXlsxSheetImportsItsRowsWithTheSubItemAndTerritoryColumnsAndTheLeadingGroupMayImport() throws IOException {
        byte[] file = xlsx(List.of(HEADERS,
                List.of(2026001, "居住区", "小区环境卫生", "小区垃圾房周边脏乱", "九亭镇涞寅路 88 弄", "测评点位问题", "一般", "九亭镇", ""),
                List.of(),
                List.of("XL-2026-02", "暴露垃圾", "", "绿化带内暴露垃圾", "九亭镇九新公路 1 号", "", "紧急", "", "")));
        long before = cases();

        ResponseEntity<Map> response = uploadFile("lingdao2", file, "测评问题.xlsx", XLSX);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody()).containsEntry("created", 2).containsEntry("skipped", 0);
        assertThat(cases()).isEqualTo(before + 2);
        assertThat(jdbc.queryForMap("select category, territory, source from rect_case where external_ref = '2026001'"))
                .as("a number typed in Excel is its text, not 2026001.0")
                .containsEntry("CATEGORY", "SURVEY_RESIDENTIAL_AREAS").containsEntry("TERRITORY", "jiuting").containsEntry("SOURCE", "SURVEY");
        assertThat(jdbc.queryForObject("select urgency from rect_case where external_ref = 'XL-2026-02'", String.class)).isEqualTo("URGENT");

        ResponseEntity<Map> misnamed = uploadFile("chuangban1", file, "测评问题.csv", MediaType.TEXT_PLAIN);
        assertThat(misnamed.getBody()).as("told by its bytes, not its name").containsEntry("created", 0).containsEntry("skipped", 2);
    }

    @Test
    void oneBadXlsxRowRefusesTheWholeFileNamingRowAndColumnAndNothingIsCreated() throws IOException {
        byte[] file = xlsx(List.of(HEADERS,
                List.of("XB-1", "暴露垃圾", "", "垃圾", "九亭大街 1 号", "", "一般", "", ""),
                List.of("XB-2", "暴露垃级", "", "垃圾", "九亭大街 2 号", "", "一般", "", ""),
                List.of("XB-3", "居住区", "小区环境", "垃圾房", "九亭大街 3 号", "", "一般", "", ""),
                List.of("XB-4", "暴露垃圾", "", "垃圾", "", "", "一般", "", "")));
        long before = cases();

        ResponseEntity<Map> response = uploadFile("chuangban1", file, "bad.xlsx", XLSX);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(errors(response)).extracting(e -> e.get("row") + ":" + e.get("column") + ":" + e.get("code"))
                .containsExactlyInAnyOrder("3:category:UNKNOWN_CATEGORY", "4:subItem:UNKNOWN_SUB_ITEM", "5:location:REQUIRED");
        assertThat(errors(response)).extracting(e -> (String) e.get("message")).contains(
                "第 3 行：没有问题类别“暴露垃级”，是否指：暴露垃圾？",
                "第 4 行：问题类别“居住区”没有小项“小区环境”，是否指：小区环境卫生？");
        assertThat(cases()).isEqualTo(before);
        assertThat(jdbc.queryForObject("select count(*) from rect_case where external_ref like 'XB-%'", Long.class)).isZero();
    }

    @Test
    void anUnknownColumnIsRefusedByItsNameNotIgnored() throws IOException {
        long before = cases();
        ResponseEntity<Map> csv = upload("""
                外部编号,问题类别,标题,地点,描述,紧急程度,备注
                UC-1,暴露垃圾,垃圾,九亭大街 1 号,,一般,物业已告知
                """, false);
        assertThat(csv.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(errors(csv)).singleElement().satisfies(e -> {
            assertThat(e).containsEntry("row", 1).containsEntry("column", "备注").containsEntry("code", "UNKNOWN_COLUMN");
            assertThat((String) e.get("message")).startsWith("第 1 行（表头）：不认识的列“备注”").contains("小项", "属地街镇", "活动");
        });

        List<Object> unnamed = List.of("UC-2", "暴露垃圾", "", "垃圾", "九亭大街 2 号", "", "一般", "", "", "", "多出的说明");
        ResponseEntity<Map> xlsx = uploadFile("chuangban1", xlsx(List.of(HEADERS, unnamed)), "unnamed.xlsx", XLSX);
        assertThat(xlsx.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(errors(xlsx)).extracting(e -> e.get("row") + ":" + e.get("code") + ":" + e.get("message"))
                .containsExactly("2:UNNAMED_COLUMN:第 2 行：第 11 列有内容“多出的说明”，但这一列在表头中没有列名；请补上列名或删去内容");
        assertThat(cases()).isEqualTo(before);
    }

    @Test
    void onlyTheOfficeAndTheLeadingGroupMayImport() throws IOException {
        byte[] file = xlsx(List.of(HEADERS, List.of("UNIT-1", "暴露垃圾", "", "垃圾", "九亭大街 1 号", "", "一般", "", "")));
        ResponseEntity<Map> unit = uploadFile("chengguan2", file, "unit.xlsx", XLSX);
        assertThat(unit.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(errors(unit)).singleElement().satisfies(e -> assertThat((String) e.get("message"))
                .isEqualTo("只有九亭镇的创建工作办公室和创建工作领导小组可以导入案件"));
        assertThat(jdbc.queryForObject("select count(*) from rect_case where external_ref = 'UNIT-1'", Long.class)).isZero();
    }

    @Test
    void theTemplateOpensInExcelWithTheColumnsAndTheOrganisationsCategories() throws IOException {
        ResponseEntity<byte[]> xlsx = rest.withBasicAuth("chuangban1", "demo").getForEntity("/api/cases/import/template?format=xlsx", byte[].class);
        assertThat(xlsx.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(xlsx.getHeaders().getContentType()).isEqualTo(XLSX);
        assertThat(xlsx.getHeaders().getContentDisposition().getFilename()).isEqualTo("案件导入模板-九亭镇.xlsx");
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx.getBody()))) {
            assertThat(workbook.getSheets().map(s -> s.getName())).containsExactly("案件", "问题类别", "填写说明");
            try (Stream<Row> rows = workbook.getFirstSheet().openStream()) {
                assertThat(rows.toList()).singleElement().satisfies(header -> assertThat(header.stream().map(c -> c.getText()))
                        .containsExactly("外部编号", "问题类别", "小项", "标题", "地点", "描述", "紧急程度", "来源", "属地街镇", "村/社区", "活动"));
            }
            try (Stream<Row> rows = workbook.getSheet(1).orElseThrow().openStream()) {
                List<String> lines = rows.map(r -> r.getCellText(0) + "/" + r.getCellText(1) + "/" + r.getCellText(3)).toList();
                assertThat(lines).startsWith("类别代码/类别名称/小项")
                        .contains("EXPOSED_GARBAGE/暴露垃圾/", "SURVEY_RESIDENTIAL_AREAS/居住区/小区环境卫生", "SURVEY_RESIDENTIAL_AREAS/居住区/小区停车秩序");
            }
            // jtreview-s56 T9: each restricted source with who may write it, 九亭's organization.yaml adding 城管中队 and 执法整治组
            try (Stream<Row> rows = workbook.getSheet(2).orElseThrow().openStream()) {
                String help = String.join("\n", rows.map(r -> r.getCellText(0) + "：" + r.getCellText(1)).toList());
                assertThat(help).contains("联合检查、督导检查只有九亭镇的创建工作办公室、督导检查组、领导小组组长、副组长、执法整治组和区市容管理专项办公室可以填写；",
                        "市民反映（12345）只有九亭镇的创建工作办公室、督导检查组、领导小组组长、副组长、城管中队和区市容管理专项办公室可以填写；",
                        "市级明查暗访只有九亭镇的创建工作办公室、督导检查组、领导小组组长、副组长和区市容管理专项办公室可以填写；");
            }
        }

        ResponseEntity<String> csv = rest.withBasicAuth("chuangban1", "demo").getForEntity("/api/cases/import/template?format=csv", String.class);
        assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
        assertThat(csv.getBody()).isEqualTo("\uFEFF外部编号,问题类别,小项,标题,地点,描述,紧急程度,来源,属地街镇,村/社区,活动\r\n");
        assertThat(rest.withBasicAuth("chuangban1", "demo").getForEntity("/api/cases/import/template?format=pdf", Map.class).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
    }

    /**
     * A workbook stores a string once however many cells show it: a 13 KB file whose one million-character string filled
     * a thousand unnamed cells was copied into a message per cell and ran the server out of heap. A cell longer than any
     * column takes refuses the file by its row and column; a row's unnamed cells are one problem; at most 200 problems
     * are listed; a message quotes at most 40 characters of what was written.
     */
    @Test
    void aHugeSharedStringOrThousandsOfProblemsGiveAShortAnswer() throws IOException {
        long before = cases();
        String huge = "A".repeat(1_000_000);
        List<Object> bomb = new java.util.ArrayList<>(List.of("HS-1", huge, "", "垃圾", "九亭大街 2 号", "", "一般", "", ""));
        for (int i = 0; i < 2000; i++) {
            bomb.add(huge);
        }
        byte[] file = xlsx(List.of(HEADERS, bomb));
        assertThat(file.length).isLessThan(100_000);
        ResponseEntity<String> refused = rest.withBasicAuth("chuangban1", "demo").postForEntity("/api/cases/import",
                multipart(file, "bomb.xlsx", XLSX), String.class);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody()).contains("CELL_TOO_LONG", "第 2 行：第 2 列有 1000000 个字").hasSizeLessThan(2_000);

        List<List<Object>> rows = new java.util.ArrayList<>(List.of(HEADERS));
        for (int r = 0; r < 300; r++) {
            List<Object> row = new java.util.ArrayList<>(List.of("MC-" + r, "暴露垃圾", "", "垃圾", "九亭大街 2 号", "", "一般", "", ""));
            for (int i = 0; i < 50; i++) {
                row.add("x");
            }
            rows.add(row);
        }
        ResponseEntity<Map> many = uploadFile("chuangban1", xlsx(rows), "many.xlsx", XLSX);
        assertThat(many.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(errors(many)).hasSize(201);
        assertThat(errors(many).get(0)).containsEntry("code", "UNNAMED_COLUMN").containsEntry("message",
                "第 2 行：第 10、11、12、13、14 列等 50 列有内容（如“x”），但这些列在表头中没有列名；请补上列名或删去内容");
        assertThat(errors(many).get(200)).containsEntry("code", "MORE_ERRORS")
                .containsEntry("message", "另有 100 处错误未列出，请改正以上各处后重新提交");

        String pasted = "暴露垃圾".repeat(900);
        ResponseEntity<Map> longName = uploadFile("chuangban1", xlsx(List.of(HEADERS,
                List.of("HS-2", pasted, "", "垃圾", "九亭大街 2 号", "", "一般", "", ""))), "pasted.xlsx", XLSX);
        assertThat(errors(longName)).singleElement().satisfies(e -> {
            assertThat(e).containsEntry("code", "UNKNOWN_CATEGORY");
            assertThat((String) e.get("message")).startsWith("第 2 行：没有问题类别“暴露垃圾暴露").contains("…”").hasSizeLessThan(300);
        });
        assertThat(cases()).isEqualTo(before);
    }

    private static HttpEntity<LinkedMultiValueMap<String, Object>> multipart(byte[] content, String fileName, MediaType type) {
        var body = new LinkedMultiValueMap<String, Object>();
        HttpHeaders part = new HttpHeaders();
        part.setContentType(type);
        part.setContentDispositionFormData("file", fileName);
        body.add("file", new HttpEntity<>(content, part));
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return new HttpEntity<>(body, headers);
    }

    @Test
    void anOldXlsOrABrokenXlsxIsRefusedWithWhatToDo() {
        byte[] xls = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
        assertThat(errors(uploadFile("chuangban1", xls, "old.xls", MediaType.APPLICATION_OCTET_STREAM)))
                .extracting(e -> e.get("code")).containsExactly("OLD_EXCEL");
        assertThat(errors(uploadFile("chuangban1", "not a workbook".getBytes(StandardCharsets.UTF_8), "broken.xlsx", XLSX)))
                .extracting(e -> e.get("code")).containsExactly("UNREADABLE_XLSX");
        assertThat(errors(uploadFile("chuangban1", new byte[] {'P', 'K', 3, 4, 0, 0}, "truncated.xlsx", XLSX)))
                .extracting(e -> e.get("code")).containsExactly("UNREADABLE_XLSX");
    }
}
