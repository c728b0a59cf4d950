package org.shirong.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.shirong.report.CampaignFixture.at;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shirong.calendar.WorkingCalendar;
import org.shirong.rectification.CaseCooperationProcess;
import org.shirong.rectification.RectificationProcess;
import org.shirong.rectification.TestPhotos;
import org.shirong.scoring.UnitScores;
import org.shirong.system.ShirongWebTest;
import org.shirong.system.XlsxDownload;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * The agenda, 通报 and monthly report of a seeded campaign show its real figures (phase progress, cases
 * per unit, ranking and named units), are stored once per key, and are served by the document API; the case dossier
 * PDFs and the 迎检 archive hold what the reader may read, at most {@value #MAX_CASES} cases a PDF here.
 */
@ShirongWebTest
@TestPropertySource(properties = "shirong.documents.dossier-max-cases=" + CampaignDocumentApiTest.MAX_CASES)
@SuppressWarnings("unchecked")
class CampaignDocumentApiTest {

    /** Below the five 暴露垃圾 cases of DOCTEST that the office reads, above the four 城管中队's clerk reads. */
    static final int MAX_CASES = 4;

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MeetingDocuments meetingDocuments;
    @Autowired
    MonthlyReports monthlyReports;
    @Autowired
    UnitScores unitScores;
    @Autowired
    CampaignDocuments documents;
    @Autowired
    TestRestTemplate rest;
    @Autowired
    TaskService taskService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    ManagementService managementService;
    @Autowired
    RenderSlots renders;

    CampaignFixture fixture;
    CampaignFixture other;
    final MeetingDocuments.Meeting meeting = new MeetingDocuments.Meeting("DOCTEST/weekly/20241008T0600Z", "jiuting", "DOCTEST",
            "九亭镇创建测试活动", "工作例会", "创建工作办公室", at("2024-10-08T14:00"), null);

    @BeforeEach
    void seed() {
        ClockUtil.setCurrentTime(Date.from(at("2024-10-05T10:00")));
        fixture = new CampaignFixture(jdbc, "DOCTEST");
        fixture.clear();
        fixture.campaign("九亭镇创建测试活动", 2).phase(1, "前期准备", "2024-03-01", "2024-05-31")
                .phase(2, "宣传动员和自查整改", "2024-06-01", "2024-10-31").phase(3, "总结迎检", "2024-11-01", "2024-12-31")
                .unit("chengguan", "城管中队", 1).unit("huanwei", "环卫所", 2)
                .task(1, "chengguan", true).task(1, "huanwei", true).task(2, "chengguan", true).task(2, "chengguan", false)
                .task(2, "huanwei", false);
        // 城管中队: 4 new in September, 2 of them closed early (due in October: they count for September, on time),
        // 2 overdue and still open → 50 % on time, named.
        fixture.addCase("chengguan", "2024-09-02T09:00", "2024-10-08T09:00", "2024-09-20T10:00", false);
        fixture.addCase("chengguan", "2024-09-05T09:00", "2024-10-09T09:00", "2024-09-21T10:00", false);
        fixture.addCase("chengguan", "2024-09-10T09:00", "2024-09-11T09:00", null, true);
        fixture.addCase("chengguan", "2024-09-15T09:00", "2024-09-16T09:00", null, true);
        // 环卫所: 1 new and closed on time.
        fixture.addCase("huanwei", "2024-09-12T09:00", "2024-09-13T09:00", "2024-09-12T15:00", false);
        // Another campaign of 九亭 with cases of the same units in the same month: never counted in DOCTEST's documents.
        other = new CampaignFixture(jdbc, "DOCOTHER");
        other.clear();
        other.campaign("九亭镇另一项活动", 1).unit("huanwei", "环卫所", 1).unit("lvrong", "绿容所", 2);
        other.addCase("huanwei", "2024-09-03T09:00", "2024-09-04T09:00", null, true);
        other.addCase("huanwei", "2024-09-04T09:00", "2024-09-05T09:00", null, true);
        other.addCase("lvrong", "2024-09-06T09:00", "2024-09-07T09:00", "2024-09-06T12:00", false);
        other.addCase("chengguan", "2024-09-08T09:00", "2024-09-09T09:00", "2024-09-08T12:00", false);
    }

    @AfterEach
    void clear() {
        fixture.clear();
        other.clear();
        ClockUtil.reset();
    }

    private String html(StoredDocument document) {
        return documents.html(document.id()).orElseThrow();
    }

    /**
     * A case still 挂账 past its 复核日期 is overdue work in the agenda (user review s48, M14): the office's, which reviews
     * the 挂账, naming the lead unit, not the lead unit's lateness (jtreview-s56 T4).
     */
    @Test
    void aSuspendedCasePastItsReviewDayIsTheOfficesReviewInTheAgenda() {
        UnitScores.PeriodScores scores = unitScores.computeAndSave("jiuting", "DOCTEST", "2024-09");
        String caseNo = fixture.addCase("huanwei", "2024-08-12T09:00", "2024-08-20T09:00", null, false);
        String pastReview = runtimeService.createProcessInstanceByKey(RectificationProcess.KEY).processDefinitionTenantId("jiuting")
                .businessKey(caseNo).startBeforeActivity(RectificationProcess.TASK_RESUME)
                .setVariables(Map.of(RectificationProcess.VAR_CASE_NO, caseNo, RectificationProcess.VAR_LEAD_UNIT, "huanwei",
                        RectificationProcess.VAR_SUSPENSION_REVIEW_DATE, "2024-09-30",
                        RectificationProcess.VAR_SUSPENSION_REVIEW_AT, Date.from(at("2024-09-30T17:00"))))
                .execute().getId();
        jdbc.update("update rect_case set status = 'SUSPENDED', process_instance_id = ? where case_no = ?", pastReview, caseNo);
        try {
            String agenda = html(meetingDocuments.agenda(meeting, scores, null, null));
            assertThat(agenda).contains("<li><span class=\"name\">创建工作办公室</span>："
                    + "挂账到期待复核：" + caseNo + " 测试案件（牵头单位 环卫所，复核日期 2024年9月30日（已过））</li>")
                    .doesNotContain("<li><span class=\"name\">环卫所</span>：挂账");
        } finally {
            runtimeService.deleteProcessInstance(pastReview, "测试结束");
        }
    }

    @Test
    void agendaNoticeAndMonthlyReportShowTheCampaignsRealFigures() {
        UnitScores.PeriodScores scores = unitScores.computeAndSave("jiuting", "DOCTEST", "2024-09");
        assertThat(scores.namedUnitIds()).containsExactly("chengguan");

        fixture.openTask(3, "chengguan", "月度工作报告（2024年8月）", "2024-09-08T17:00").openTask(3, "chengguan", "对照标准全面自查", "2024-09-30T17:00")
                .openTask(3, "huanwei", "对照标准全面自查", "2024-10-31T17:00");
        String assignment = runtimeService.createProcessInstanceByKey("WorkAssignmentProcess").processDefinitionTenantId("jiuting")
                .businessKey("DOCTEST").setVariables(Map.of("title", "清洗果壳箱", "unitGroup", "huanwei", "requirement", "工作例会决定：清洗果壳箱",
                        "dueDate", "2024-10-02")).execute().getId();
        jdbc.update("update rect_case set escalated = true where case_no = 'DOCTEST-3'");
        String agenda = html(meetingDocuments.agenda(meeting, scores, null, null));
        runtimeService.deleteProcessInstance(assignment, "测试结束");
        // the cases overdue now, named one by one as the 驾驶舱's 红灯 (supervisors' review s54 V2)
        assertThat(agenda).contains("<th>到期超期</th>", "目前超期未办结的案件（截至2024年10月5日 10:00，共 2 件，其中列入通报名单 1 件）",
                "<tr data-case=\"DOCTEST-3\" class=\"named\"><td class=\"name\" data-label=\"牵头单位\">城管中队</td>"
                        + "<td data-label=\"案件编号\">DOCTEST-3</td><td class=\"text\" data-label=\"问题\">测试案件</td>"
                        + "<td data-label=\"整改期限\">2024年9月11日 09:00</td>",
                "<tr data-case=\"DOCTEST-4\"><td class=\"name\" data-label=\"牵头单位\">城管中队</td><td data-label=\"案件编号\">DOCTEST-4</td>");
        assertThat(agenda.substring(agenda.indexOf("data-case=\"DOCTEST-3\""), agenda.indexOf("data-case=\"DOCTEST-4\"")))
                .contains("个工作日</td><td data-label=\"通报名单\">已列入</td><td data-label=\"督办\">未督办</td>");
        assertThat(agenda).doesNotContain("data-case=\"DOCTEST-1\"", "data-case=\"DOCTEST-5\"");
        assertThat(agenda).contains("<h3>逾期未完成的工作</h3>",
                "<li><span class=\"name\">城管中队</span>：月度工作报告（2024年8月）（期限 2024年9月8日）；对照标准全面自查（期限 2024年9月30日）</li>",
                "<li><span class=\"name\">环卫所</span>：交办：清洗果壳箱（期限 2024年10月2日）</li>");
        assertThat(agenda).contains("九亭镇创建测试活动工作例会（2024年10月8日）议程", "会议时间：2024年10月8日 14:00", "当前阶段：宣传动员和自查整改",
                "<td class=\"name\">前期准备</td><td>2024年3月1日 至 2024年5月31日</td><td>2</td><td>0</td><td>100.0%</td>",
                "<td class=\"name\">宣传动员和自查整改</td><td>2024年6月1日 至 2024年10月31日</td><td>1</td><td>2</td><td>33.3%</td>",
                "<tr data-unit=\"chengguan\"><td class=\"name\">城管中队</td><td>4</td><td>2</td><td>2</td><td>2</td></tr>",
                "<tr data-unit=\"huanwei\"><td class=\"name\">环卫所</td><td>1</td><td>1</td><td>0</td><td>0</td></tr>",
                "<td class=\"name\">合计</td><td>5</td><td>3</td><td>2</td><td>2</td>", "总分低于通报线",
                "2024年9月共 2 个单位参加排名，通报 1 个单位：城管中队。");
        assertThat(agenda.substring(agenda.indexOf("class=\"named-units\""))).contains("城管中队").doesNotContain("环卫所");

        StoredDocument notice = meetingDocuments.notice(meeting, scores, null);
        assertThat(notice.title()).isEqualTo("九亭镇创建测试活动关于2024年9月考核不履职单位的通报");
        assertThat(html(notice)).contains("2024年9月1日 至 2024年9月30日", "通报 1 个单位：城管中队。", "并于五个工作日内向创建工作办公室书面报告",
                "<footer>九亭镇创建工作领导小组<br>");

        StoredDocument report = monthlyReports.issue("jiuting", "DOCTEST", at("2024-10-05T10:00"), null, at("2024-10-05T10:00"));
        assertThat(report.kind()).isEqualTo(DocumentKind.MONTHLY_REPORT);
        assertThat(report.title()).isEqualTo("九亭镇创建测试活动2024年9月工作报告");
        assertThat(html(report)).contains("2024年9月共新增案件 5 件，结案 3 件，本期到期超期 2 件，期末未结 2 件",
                "<tr data-unit=\"chengguan\"><td class=\"name\">城管中队</td><td>4</td><td>2</td><td>2</td><td>2</td></tr>");
        assertThat(monthlyReports.issue("jiuting", "DOCTEST", at("2024-10-06T10:00"), "2024-09", at("2024-10-06T10:00")).id()).isEqualTo(report.id());
        assertThat(meetingDocuments.agenda(meeting, scores, null, null).id()).isEqualTo(documents.find("DOCTEST",
                "agenda/" + meeting.key()).orElseThrow().id());
    }

    /**
     * diffreview-s58 R2: a district campaign's agenda lists the 工作交办 its 驾驶舱 counts: the district's own work past its
     * deadline, not a town's own work that carries the district's campaign code as its business key (started before such
     * keys were refused).
     */
    @Test
    void aDistrictAgendaListsItsOwnOverdueWorkNotATownsOwnWorkCarryingItsCode() {
        CampaignFixture district = new CampaignFixture(jdbc, "DOCSJ");
        district.clear();
        district.campaign("松江区例会交办测试", 1, "songjiang", "songjiang-2024-satisfaction", "松江区满意度测评提升")
                .phase(1, "全面整治", "2024-09-01", "2024-12-31").unit("sjlvrongju", "区绿化市容局", 1);
        List<String> instances = new ArrayList<>();
        try {
            for (String[] work : List.of(new String[] {"songjiang", "sjlvrongju", "清理区级道路积存垃圾"},
                    new String[] {"jiuting", "lvrong", "九亭镇自己的交办"})) {
                instances.add(runtimeService.createProcessInstanceByKey("WorkAssignmentProcess").processDefinitionTenantId(work[0])
                        .businessKey("DOCSJ").setVariables(Map.of("title", work[2], "unitGroup", work[1], "requirement",
                                "工作例会决定：" + work[2], "dueDate", "2024-10-02")).execute().getId());
            }
            assertThat(taskService.createTaskQuery().processInstanceIdIn(instances.toArray(String[]::new)).count())
                    .as("both are open work past its deadline").isEqualTo(2);
            UnitScores.PeriodScores scores = unitScores.computeAndSave("songjiang", "DOCSJ", "2024-09");
            MeetingDocuments.Meeting districtMeeting = new MeetingDocuments.Meeting("DOCSJ/weekly/20241008T0600Z", "songjiang",
                    "DOCSJ", "松江区例会交办测试", "工作例会", "松江区城市管理精细化工作领导小组办公室", at("2024-10-08T14:00"), null);
            String agenda = html(meetingDocuments.agenda(districtMeeting, scores, null, null));
            assertThat(agenda).contains("<h3>逾期未完成的工作</h3>", "交办：清理区级道路积存垃圾（期限 2024年10月2日）")
                    .doesNotContain("九亭镇自己的交办");
        } finally {
            instances.forEach(i -> runtimeService.deleteProcessInstanceIfExists(i, "测试结束", true, true, true, false));
            district.clear();
        }
    }

    /**
     * A 锦溪 931 campaign's monthly report, while another 锦溪 campaign has cases of the same units and items in the same
     * month: the report counts only its own cases, shows progress per plan item with lead and responsible units, and
     * every sentence's numbers are those of the table it introduces (read back from the HTML).
     */
    @Test
    void aMonthlyReportCountsOnlyItsCampaignsCasesAndItsSentencesMatchItsTables() {
        CampaignFixture jx = new CampaignFixture(jdbc, "DOCJX");
        CampaignFixture jxOther = new CampaignFixture(jdbc, "DOCJX2");
        try {
            jx.clear();
            jxOther.clear();
            jx.campaign("锦溪镇 931 测试", 2, "jinxi", "jinxi-2017-931", "锦溪镇931")
                    .unit("jxjianguan", "建管所", 1).unit("jxshuili", "水利站", 2).unit("jxhuanwei", "环卫所", 3);
            // 整治老旧小区: one closed early (due in October: counts for September, on time), one overdue and open.
            jx.addCase("RECTIFY_OLD_ESTATES", "jxjianguan", "2024-09-02T09:00", "2024-10-20T09:00", "2024-09-10T10:00", false);
            jx.addCase("RECTIFY_OLD_ESTATES", "jxjianguan", "2024-09-03T09:00", "2024-09-05T09:00", null, true);
            // 整治镇区河道环境: closed late.
            jx.addCase("RECTIFY_TOWN_RIVERS", "jxshuili", "2024-09-04T09:00", "2024-09-06T09:00", "2024-09-08T09:00", true);
            // Under no plan item.
            jx.addCase("EXPOSED_GARBAGE", "jxchengguan", "2024-09-05T09:00", "2024-09-06T09:00", "2024-09-05T12:00", false);
            jxOther.campaign("锦溪镇另一项活动", 1, "jinxi", "jinxi-2017-931", "锦溪镇931").unit("jxjianguan", "建管所", 1);
            for (int k = 0; k < 3; k++) {
                jxOther.addCase("RECTIFY_OLD_ESTATES", "jxjianguan", "2024-09-0" + (k + 2) + "T09:00", "2024-09-0" + (k + 3) + "T09:00",
                        null, true);
            }

            String html = html(monthlyReports.issue("jinxi", "DOCJX", at("2024-10-05T10:00"), "2024-09", at("2024-10-05T10:00")));
            assertThat(html).as("signed by 锦溪镇's own office, not 九亭镇's").contains("<footer>推进小组办公室<br>")
                    .doesNotContain("创建工作办公室");

            List<List<String>> items = HtmlTables.rows(html, "plan-items");
            assertThat(items).containsExactly(
                    List.of("整治镇郊结合部", "创建办", "古保办、绿管所、环卫所、城管中队、上下塘社区、卫星村", "0", "0", "0", "0"),
                    List.of("整治老旧小区", "建管所", "绿管所、房开公司、城管中队、环卫所", "2", "1", "1", "1"),
                    List.of("整治镇区河道环境", "水利站", "建管所、安环所、城管中队、交管所", "1", "1", "0", "1"),
                    List.of("整治低洼易淹易涝片区", "水利站", "建管所、安环所、污水处理公司、城管中队、交管所", "0", "0", "0", "0"),
                    List.of("整治建设工地", "建管所", "派出所、交警中队、城管中队、水利站、交管所", "0", "0", "0", "0"),
                    List.of("整治农贸市场", "建管所", "农贸市场、市场监管分局、派出所、交警中队、城管中队、消防中队", "0", "0", "0", "0"),
                    List.of("规范占道经营", "城管中队", "创建办、市场监管分局、派出所、交警中队", "0", "0", "0", "0"),
                    List.of("规范户外广告设置", "城管中队", "建管所、房开公司、宣传办、市场监督所", "0", "0", "0", "0"),
                    List.of("提升锦溪镇长效管理水平", "创建办", "各数字城管成员单位", "0", "0", "0", "0"),
                    List.of("其他（不属于整治项目）", "—", "—", "1", "1", "1", "0"),
                    List.of("合计", "", "", "4", "3", "2", "2"));
            String itemsSentence = HtmlTables.sentenceBefore(html, "plan-items");
            assertThat(itemsSentence).startsWith("截至2024年10月1日 00:00，");
            assertThat(HtmlTables.lastNumbers(itemsSentence, 4)).containsExactly(4, 3, 2, 2).isEqualTo(HtmlTables.numbers(items.get(items.size() - 1)))
                    .isEqualTo(HtmlTables.columnSums(items.subList(0, items.size() - 1), 3));

            List<List<String>> cases = HtmlTables.rows(html, "cases");
            assertThat(cases).containsExactly(List.of("建管所", "2", "1", "1", "1"), List.of("水利站", "1", "1", "1", "0"),
                    List.of("环卫所", "0", "0", "0", "0"), List.of("创建办", "0", "0", "0", "0"), List.of("城管中队", "1", "1", "0", "0"),
                    List.of("合计", "4", "3", "2", "1"));
            assertThat(HtmlTables.lastNumbers(HtmlTables.sentenceBefore(html, "cases"), 4)).isEqualTo(HtmlTables.numbers(cases.get(cases.size() - 1)))
                    .isEqualTo(HtmlTables.columnSums(cases.subList(0, cases.size() - 1), 1));

            List<List<String>> ranking = HtmlTables.rows(html, "ranking");
            assertThat(ranking).extracting(r -> r.get(1) + " 应结案 " + r.get(5) + " 结案 " + r.get(6))
                    .containsExactlyInAnyOrder("建管所 应结案 2 结案 1", "水利站 应结案 1 结案 1", "城管中队 应结案 1 结案 1");
            String summary = HtmlTables.sentenceBefore(html, "ranking");
            assertThat(summary).startsWith("2024年9月共 3 个单位参加排名");
            List<List<String>> named = HtmlTables.rows(html, "named-units");
            // 锦溪镇 issues no monthly 通报: those below the line are 列入通报范围 (supreview-s54 V6)
            assertThat(summary).contains(named.isEmpty() ? "本期无通报单位" : "列入通报范围 " + named.size() + " 个单位");
        } finally {
            jx.clear();
            jxOther.clear();
        }
    }

    @Test
    void theDocumentApiServesTheHtmlToSignedInUsersAndListsACampaignsDocumentsNewestFirst() {
        UnitScores.PeriodScores scores = unitScores.read("jiuting", "DOCTEST", "2024-09");
        StoredDocument agenda = meetingDocuments.agenda(meeting, scores, null, null);
        ClockUtil.setCurrentTime(Date.from(at("2024-10-08T16:00")));
        StoredDocument notice = meetingDocuments.notice(meeting, scores, null);

        assertThat(rest.getForEntity(agenda.url(), String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        ResponseEntity<String> ok = rest.withBasicAuth("chuangban1", "demo").getForEntity(agenda.url(), String.class);
        assertThat(ok.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(ok.getHeaders().getContentType().toString()).isEqualTo("text/html;charset=UTF-8");
        assertThat(ok.getBody()).contains("九亭镇创建测试活动工作例会（2024年10月8日）议程", "城管中队");
        // A document runs nothing, loads no more than images and is framed only by Shirong; its type is not sniffed.
        assertThat(ok.getHeaders().get("X-Content-Type-Options")).containsExactly("nosniff");
        assertThat(ok.getHeaders().getFirst("Content-Security-Policy")).contains("default-src 'none'", "frame-ancestors 'self'")
                .doesNotContain("script-src");

        ResponseEntity<Map> unknown = rest.withBasicAuth("chuangban1", "demo").getForEntity("/api/documents/no-such-id", Map.class);
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat((List<Map<String, Object>>) unknown.getBody().get("errors")).singleElement()
                .satisfies(e -> assertThat(e).containsEntry("code", "DOCUMENT_NOT_FOUND").containsEntry("message", "文书不存在：no-such-id"));

        ResponseEntity<List> list = rest.withBasicAuth("chengguan1", "demo").getForEntity("/api/campaigns/DOCTEST/documents", List.class);
        assertThat(list.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat((List<Map<String, Object>>) list.getBody()).extracting(d -> d.get("id"), d -> d.get("kind"), d -> d.get("url"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple(notice.id(), "NOTICE", "/api/documents/" + notice.id()),
                        org.assertj.core.groups.Tuple.tuple(agenda.id(), "AGENDA", "/api/documents/" + agenda.id()));
        assertThat((List<Map<String, Object>>) list.getBody()).first().satisfies(d -> assertThat(d)
                .containsEntry("kindName", "通报").containsEntry("title", notice.title()).containsKey("createdAt"));
        assertThat(rest.withBasicAuth("chuangban1", "demo").getForEntity("/api/campaigns/NOPE/documents", Map.class)
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void anotherOrganisationsUsersFindNeitherTheDocumentNorTheCampaignsList() {
        StoredDocument agenda = meetingDocuments.agenda(meeting, unitScores.read("jiuting", "DOCTEST", "2024-09"), null, null);
        StoredDocument report = monthlyReports.issue("jiuting", "DOCTEST", at("2024-10-05T10:00"), "2024-09", at("2024-10-05T10:00"));

        for (StoredDocument document : List.of(agenda, report)) {
            assertThat(rest.getForEntity(document.url(), String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
            assertThat(rest.withBasicAuth("chengguan1", "demo").getForEntity(document.url(), String.class).getStatusCode())
                    .isEqualTo(HttpStatus.OK);
            ResponseEntity<Map> foreign = rest.withBasicAuth("jxchuangjian1", "demo").getForEntity(document.url(), Map.class);
            assertThat(foreign.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(foreign.toString()).contains("DOCUMENT_NOT_FOUND").doesNotContain("九亭镇创建测试活动");
        }
        assertThat(rest.withBasicAuth("jxchuangjian1", "demo").getForEntity("/api/campaigns/DOCTEST/documents", Map.class)
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(rest.getForEntity("/api/campaigns/DOCTEST/documents", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    /**
     * The dossier of a case taken through its process over HTTP by the demo users (reported by 督导检查组, an extension
     * granted and a 挂账 refused, rectified with photos before and after, 协办 recorded by 市场所, verified and
     * closed), downloaded as PDF by a clerk of its lead unit and read back: the case number and the sections' Chinese
     * labels, both photos beside each other with the camera's time, the extension and 挂账 decisions, the cooperating
     * unit's record, people by their names rather than their login ids, the Chinese font embedded as a subset, and the
     * photos shrunk to print size. Its campaign's dossier of the cases under no plan item holds it too. Other units and
     * organisations find no such case (404), nobody signed in is asked to sign in (401).
     */
    @Test
    void aCasesDossierIsAPrintablePdfWithItsTimelinePhotosApprovalsAndCooperation() throws IOException {
        ClockUtil.reset(); // the case runs on today's working calendar
        CampaignFixture campaign = new CampaignFixture(jdbc, "DOCPDF");
        try {
            campaign.clear();
            campaign.campaign("九亭镇台账测试活动", 1);
            String caseNo = workedCase("DOCPDF");

            ResponseEntity<byte[]> response = rest.withBasicAuth("chengguan2", "demo")
                    .getForEntity("/api/cases/" + caseNo + "/dossier.pdf", byte[].class);
            assertThat(response.getStatusCode()).as(text(response)).isEqualTo(HttpStatus.OK);
            assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
            assertThat(response.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION)).contains("attachment",
                    "case-dossier-" + caseNo + ".pdf");
            // two photos (one of them 2400 px wide) and a subset of a 5 MB font: small because both were made to fit
            assertThat(response.getBody().length).isLessThan(1_000_000);
            try (PDDocument pdf = Loader.loadPDF(response.getBody())) {
                PDPage first = pdf.getPage(0);
                assertThat(first.getMediaBox().getWidth()).isCloseTo(595f, org.assertj.core.data.Offset.offset(1f));
                assertThat(first.getMediaBox().getHeight()).isCloseTo(842f, org.assertj.core.data.Offset.offset(1f));
                String text = new PDFTextStripper().getText(pdf);
                assertThat(text).contains("案件台账 " + caseNo, "整改前后照片对照", "整改前", "整改后", "时间线",
                        "审批（延期、挂账）", "协办", "核查结果", "拍摄时间（上传者填报）：2024-09-02 08:30", "拍摄时间（上传者填报）：2024-09-19 16:45",
                        "雨天路面无法施工", "同意", "申请延期", "等待地块移交", "不同意", "不属于挂账范围", "已清运，待复核",
                        "核查通过", "现场已清理干净", "已派执法人员配合清理", "市场监管");
                // 导出人 chengguan2, reporter and inspector ducha2, approvers chuangban1 and lingdao1, 协办 shichang1
                assertThat(text).contains("导出人：刘队员", "吴检查员", "戴所长", "贾镇长", "聂所长")
                        .doesNotContain("chengguan2", "ducha2", "chuangban1", "lingdao1", "shichang1");
                List<PDImageXObject> images = images(pdf);
                assertThat(images).hasSize(2);
                assertThat(images).allSatisfy(image -> assertThat(image.getWidth()).isLessThanOrEqualTo(PrintPhotos.MAX_SIDE));
                List<PDFont> fonts = fonts(pdf);
                assertThat(fonts).isNotEmpty().allSatisfy(font -> {
                    assertThat(font).isInstanceOf(PDType0Font.class);
                    assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                    assertThat(font.getName()).as("a subset's name has a tag").matches("[A-Z]{6}\\+.*");
                    assertThat(((PDType0Font) font).getDescendantFont().getFontDescriptor().getFontFile2()).isNotNull();
                });
            }

            ResponseEntity<byte[]> noItem = rest.withBasicAuth("chuangban1", "demo")
                    .getForEntity("/api/campaigns/DOCPDF/dossier.pdf?item=none", byte[].class);
            assertThat(noItem.getStatusCode()).as(text(noItem)).isEqualTo(HttpStatus.OK);
            try (PDDocument pdf = Loader.loadPDF(noItem.getBody())) {
                assertThat(new PDFTextStripper().getText(pdf)).contains("“九亭镇台账测试活动”其他（不属于整治项目）案件台账", caseNo,
                        "导出人：戴所长");
                assertThat(images(pdf)).hasSize(2);
            }
            // s54 V9: a case under no plan item (as all of 九亭's, whose plan has no 整治项目) has no empty 计划项目 line; the
            // campaign's 迎检 archive names the ledger of such cases alone 全部案件台账, not 其他（不属于整治项目）
            assertThat(pdfText(response.getBody())).contains("所属活动").doesNotContain("计划项目");
            Map<String, byte[]> archive = unzip(rest.withBasicAuth("chuangban1", "demo")
                    .getForEntity("/api/campaigns/DOCPDF/archive.zip", byte[].class).getBody());
            assertThat(archive.keySet()).filteredOn(n -> n.endsWith(".pdf") && n.startsWith("一、案件台账/"))
                    .containsExactly("一、案件台账/01-全部案件台账.pdf");
            assertThat(pdfText(archive.get("一、案件台账/01-全部案件台账.pdf"))).contains("“九亭镇台账测试活动”全部案件台账", caseNo);

            assertThat(rest.getForEntity("/api/cases/" + caseNo + "/dossier.pdf", String.class).getStatusCode())
                    .isEqualTo(HttpStatus.UNAUTHORIZED);
            for (String outsider : List.of("lvrong1", "jxchuangjian1")) {
                ResponseEntity<String> refused = rest.withBasicAuth(outsider, "demo")
                        .getForEntity("/api/cases/" + caseNo + "/dossier.pdf", String.class);
                assertThat(refused.getStatusCode()).as(outsider).isEqualTo(HttpStatus.NOT_FOUND);
                assertThat(refused.getBody()).contains("CASE_NOT_FOUND").doesNotContain("九亭大街占道经营");
            }
            assertThat(rest.withBasicAuth("chengguan2", "demo").getForEntity("/api/cases/NO-SUCH-CASE/dossier.pdf", String.class)
                    .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

            // every render slot taken (two downloads rendering): the next waits, then is told to try again shortly
            renders.slots.acquireUninterruptibly(2);
            try {
                for (String url : List.of("/api/cases/" + caseNo + "/dossier.pdf", "/api/campaigns/DOCPDF/dossier.pdf",
                        "/api/campaigns/DOCPDF/archive.zip")) {
                    ResponseEntity<String> busy = rest.withBasicAuth("chuangban1", "demo").getForEntity(url, String.class);
                    assertThat(busy.getStatusCode()).as(url).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
                    assertThat(busy.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
                    assertThat(busy.getBody()).contains("RENDERS_BUSY", "请稍等几秒钟再下载");
                }
            } finally {
                renders.slots.release(2);
            }
            assertThat(rest.withBasicAuth("chuangban1", "demo").getForEntity("/api/cases/" + caseNo + "/dossier.pdf", byte[].class)
                    .getStatusCode()).isEqualTo(HttpStatus.OK);
        } finally {
            campaign.clear();
        }
    }

    /**
     * A photo stored before uploads read its header, and not what it claims, still leaves the dossier printable: a 300 KB
     * PNG of 12,000 × 12,000 px prints shrunk, decoded every tenth pixel (whole, 144 MB of memory; 20,000 px ran a 512 MB
     * server out of memory twice at each download), and one that only starts as a JPEG is named as not printable in its
     * place, rather than left out without a word.
     */
    @Test
    void aPhotoClaimingAHugeSizeOrNoImageAtAllLeavesTheDossierPrintable() throws IOException {
        byte[] huge = hugeGreyPng(12_000);
        byte[] notAJpeg = new byte[4096];
        new java.util.Random(7).nextBytes(notAJpeg);
        notAJpeg[0] = (byte) 0xFF;
        notAJpeg[1] = (byte) 0xD8;
        notAJpeg[2] = (byte) 0xFF;
        var thread = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long before = thread.getCurrentThreadAllocatedBytes();
        PrintPhotos.Printable printable = PrintPhotos.fit("image/png", huge);
        assertThat(thread.getCurrentThreadAllocatedBytes() - before).as("bytes allocated to shrink it").isLessThan(32_000_000);
        assertThat(printable.mimeType()).isEqualTo("image/jpeg");
        // A header claiming 50,000,000 × 1 px: even one row of it needs row buffers of hundreds of MB; not decoded at all.
        long beforeWide = thread.getCurrentThreadAllocatedBytes();
        assertThat(PrintPhotos.fit("image/png", TestPhotos.pngHeader(50_000_000, 1))).isNull();
        assertThat(thread.getCurrentThreadAllocatedBytes() - beforeWide).as("bytes allocated to refuse it").isLessThan(32_000_000);

        CampaignFixture campaign = new CampaignFixture(jdbc, "DOCBIG");
        try {
            campaign.clear();
            campaign.campaign("九亭镇照片测试活动", 1);
            ResponseEntity<Map> reported = rest.withBasicAuth("ducha2", "demo").postForEntity("/api/cases", json("""
                    {"title":"九亭大街店招破损","category":"ILLEGAL_STALL","urgency":"NORMAL","source":"PATROL","campaign":"DOCBIG",
                     "location":{"address":"九亭大街 3 号"}}"""), Map.class);
            assertThat(reported.getStatusCode()).as(String.valueOf(reported.getBody())).isEqualTo(HttpStatus.CREATED);
            String caseNo = (String) reported.getBody().get("caseNo");
            complete("chengguan2", caseNo, RectificationProcess.TASK_CLAIM, "\"claimDecision\":{\"value\":\"claim\"}");
            String photo = "{\"type\":\"File\",\"value\":\"%s\",\"valueInfo\":{\"filename\":\"%s\",\"mimetype\":\"%s\"}}";
            complete("chengguan2", caseNo, RectificationProcess.TASK_RECTIFY, "\"rectifyAction\":{\"value\":\"submit\"},"
                    + "\"measures\":{\"value\":\"已更换\"},"
                    + "\"photoBefore\":" + photo.formatted(Base64.getEncoder().encodeToString(huge), "huge.png", "image/png") + ","
                    + "\"photoAfter\":" + photo.formatted(Base64.getEncoder().encodeToString(TestPhotos.PNG), "after.png", "image/png"));
            jdbc.update("update rect_case_photo set content = ?, size_bytes = ?, mime_type = 'image/jpeg', file_name = 'broken.jpg'"
                    + " where case_no = ? and kind = 'AFTER'", notAJpeg, notAJpeg.length, caseNo);

            ResponseEntity<byte[]> response = rest.withBasicAuth("chengguan2", "demo")
                    .getForEntity("/api/cases/" + caseNo + "/dossier.pdf", byte[].class);
            assertThat(response.getStatusCode()).as(text(response)).isEqualTo(HttpStatus.OK);
            try (PDDocument pdf = Loader.loadPDF(response.getBody())) {
                assertThat(images(pdf)).singleElement().satisfies(image -> assertThat(image.getWidth()).isEqualTo(PrintPhotos.MAX_SIDE));
                assertThat(new PDFTextStripper().getText(pdf).replaceAll("\\s+", "")).contains("照片broken.jpg（image/jpeg）无法打印");
            }
        } finally {
            campaign.clear();
        }
    }

    /** A grey PNG of side × side px whose rows are all black: a few hundred KB that decode to side² bytes. */
    private static byte[] hugeGreyPng(int side) throws IOException {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        java.io.DataOutputStream out = new java.io.DataOutputStream(png);
        out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        ByteArrayOutputStream header = new ByteArrayOutputStream();
        java.io.DataOutputStream h = new java.io.DataOutputStream(header);
        h.writeInt(side);
        h.writeInt(side);
        h.write(new byte[] {8, 0, 0, 0, 0});
        chunk(out, "IHDR", header.toByteArray());
        ByteArrayOutputStream pixels = new ByteArrayOutputStream();
        try (java.util.zip.DeflaterOutputStream deflated = new java.util.zip.DeflaterOutputStream(pixels,
                new java.util.zip.Deflater(9))) {
            byte[] row = new byte[side + 1];
            for (int y = 0; y < side; y++) {
                deflated.write(row);
            }
        }
        chunk(out, "IDAT", pixels.toByteArray());
        chunk(out, "IEND", new byte[0]);
        return png.toByteArray();
    }

    private static void chunk(java.io.DataOutputStream out, String type, byte[] data) throws IOException {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(name);
        crc.update(data);
        out.writeInt(data.length);
        out.write(name);
        out.write(data);
        out.writeInt((int) crc.getValue());
    }

    /**
     * A plan item's dossier holds each of its cases the reader may read, one after another, up to the limit: the
     * office's five 暴露垃圾 cases are refused as one PDF with the count and the limit named, 城管中队's clerk gets its
     * four. The campaign's 迎检 archive is a ZIP of a PDF per plan item, split into numbered parts of at most the limit,
     * and the campaign's case ledger (Excel, the same as the ledger export). A unit's clerk sees only the unit's cases;
     * another organisation finds no campaign (404); nobody signed in: 401.
     */
    @Test
    void aPlanItemsDossierAndTheCampaignsArchiveHoldTheCasesTheReaderMayRead() throws IOException {
        List<String> all = List.of("DOCTEST-1", "DOCTEST-2", "DOCTEST-3", "DOCTEST-4", "DOCTEST-5");

        for (String url : List.of("/api/campaigns/DOCTEST/dossier.pdf?item=EXPOSED_GARBAGE", "/api/campaigns/DOCTEST/dossier.pdf")) {
            ResponseEntity<Map> tooMany = rest.withBasicAuth("chuangban1", "demo").getForEntity(url, Map.class);
            assertThat(tooMany.getStatusCode()).as(url).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat((List<Map<String, Object>>) tooMany.getBody().get("errors")).singleElement().satisfies(e -> {
                assertThat(e).containsEntry("code", "TOO_MANY_CASES").containsEntry("field", "item");
                assertThat((String) e.get("message")).contains("有 5 件案件", "最多 " + MAX_CASES + " 件", "archive.zip");
            });
        }

        ResponseEntity<byte[]> unit = rest.withBasicAuth("chengguan2", "demo")
                .getForEntity("/api/campaigns/DOCTEST/dossier.pdf?item=EXPOSED_GARBAGE", byte[].class);
        assertThat(unit.getStatusCode()).as(text(unit)).isEqualTo(HttpStatus.OK);
        String unitText = pdfText(unit.getBody());
        assertThat(unitText).contains("“九亭镇创建测试活动”", "案件台账", "整改前后照片对照", "时间线", "导出人：刘队员")
                .contains(all.subList(0, 4)).doesNotContain("DOCTEST-5");
        // the whole campaign's dossier (the 驾驶舱's 下载全部案件台账) is called 全部案件台账, in its file name and on its pages
        ResponseEntity<byte[]> unitAll = rest.withBasicAuth("chengguan2", "demo").getForEntity("/api/campaigns/DOCTEST/dossier.pdf",
                byte[].class);
        assertThat(unitAll.getStatusCode()).as(text(unitAll)).isEqualTo(HttpStatus.OK);
        assertThat(java.net.URLDecoder.decode(unitAll.getHeaders().getContentDisposition().toString(), StandardCharsets.UTF_8))
                .contains("“九亭镇创建测试活动”全部案件台账.pdf").doesNotContain("案件案件");
        assertThat(pdfText(unitAll.getBody())).contains("“九亭镇创建测试活动”全部案件台账").doesNotContain("案件案件");
        assertThat(rest.withBasicAuth("chuangban1", "demo").getForEntity("/api/campaigns/DOCTEST/dossier.pdf?item=NO_SUCH_ITEM",
                String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        ResponseEntity<String> control = rest.withBasicAuth("chuangban1", "demo").getForEntity(
                "/api/campaigns/DOCTEST/dossier.pdf?item={item}", String.class, "EXPOSED\u0000GARBAGE");
        assertThat(control.getStatusCode()).as("a control character names the parameter, as every filter does")
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(control.getBody()).contains("\"field\":\"item\"", "参数 item", "U+0000");

        StoredDocument report = monthlyReports.issue("jiuting", "DOCTEST", at("2024-10-05T10:00"), "2024-09", at("2024-10-05T10:00"));
        long taskId = jdbc.queryForObject("select min(id) from campaign_task where campaign_code = 'DOCTEST' and status = 'DONE'",
                Long.class);
        jdbc.update("update campaign_task set result = '已与镇政府签订目标责任书', completed_by = 'chengguan1' where id = ?", taskId);
        byte[] signed = "%PDF-1.4 目标责任书".getBytes(StandardCharsets.UTF_8);
        jdbc.update("insert into campaign_task_attachment (campaign_code, task_id, kind, file_name, mime_type, size_bytes, content,"
                + " uploaded_by, uploaded_at) values ('DOCTEST', ?, 'pdf', '目标责任书.pdf', 'application/pdf', ?, ?, 'chengguan1', ?)",
                taskId, signed.length, signed, java.sql.Timestamp.from(at("2024-06-10T09:00")));
        ResponseEntity<byte[]> zip;
        try {
            zip = rest.withBasicAuth("chuangban1", "demo").getForEntity("/api/campaigns/DOCTEST/archive.zip", byte[].class);
        } finally {
            jdbc.update("delete from campaign_task_attachment where campaign_code = 'DOCTEST'");
        }
        assertThat(zip.getStatusCode()).as(text(zip)).isEqualTo(HttpStatus.OK);
        assertThat(zip.getHeaders().getContentType()).hasToString("application/zip");
        assertThat(zip.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION)).contains("campaign-archive-DOCTEST-");
        Map<String, byte[]> entries = unzip(zip.getBody());
        assertThat(new String(entries.get("二、活动文书/月度工作报告/20241005-九亭镇创建测试活动2024年9月工作报告.html"), StandardCharsets.UTF_8))
                .as("the campaign's documents are archived with it").isEqualTo(documents.html(report.id()).orElseThrow());
        String taskFolder = "三、任务办理情况和附件/城管中队/001-任务 1/";
        assertThat(new String(entries.get(taskFolder + "办理情况.txt"), StandardCharsets.UTF_8))
                .contains("任务：任务 1", "办理单位：城管中队", "办理情况：已与镇政府签订目标责任书", "办理人：张队长", "附件：目标责任书.pdf");
        assertThat(entries.get(taskFolder + "目标责任书.pdf")).as("the task's files too").isEqualTo(signed);
        assertThat(entries.keySet()).contains("三、任务办理情况和附件/环卫所/002-任务 2/办理情况.txt");
        List<String> names = new ArrayList<>(entries.keySet().stream().filter(n -> n.startsWith("一、案件台账/")).toList());
        assertThat(names).hasSize(3);
        assertThat(names.get(0)).startsWith("一、案件台账/01-").endsWith("案件台账-第1部分.pdf");
        assertThat(names.get(1)).startsWith("一、案件台账/01-").endsWith("案件台账-第2部分.pdf");
        String part1 = pdfText(entries.get(names.get(0)));
        String part2 = pdfText(entries.get(names.get(1)));
        // the title may wrap
        assertThat(part1.replaceAll("\\s", "")).contains("暴露垃圾案件台账（第1部分，共2部分）");
        assertThat(part2.replaceAll("\\s", "")).contains("暴露垃圾案件台账（第2部分，共2部分）");
        assertThat(all.stream().filter(part1::contains)).hasSize(MAX_CASES);
        assertThat(all.stream().filter(part2::contains)).hasSize(1);
        assertThat(part1 + part2).contains(all);
        assertThat(names.get(2)).endsWith(".xlsx").contains("九亭镇创建测试活动");
        XlsxDownload ledger = XlsxDownload.of(ResponseEntity.ok().contentType(MediaType.parseMediaType(
                org.shirong.system.XlsxSheet.CONTENT_TYPE)).body(entries.get(names.get(2))));
        assertThat(ledger.data()).extracting(row -> ledger.text(row, "案件编号")).containsExactlyInAnyOrderElementsOf(all);

        Map<String, byte[]> unitZip = unzip(rest.withBasicAuth("chengguan2", "demo")
                .getForEntity("/api/campaigns/DOCTEST/archive.zip", byte[].class).getBody());
        assertThat(unitZip.keySet()).filteredOn(n -> n.startsWith("一、案件台账/")).hasSize(2).first().asString()
                .endsWith("案件台账.pdf").doesNotContain("部分");
        assertThat(pdfText(unitZip.values().iterator().next())).contains("DOCTEST-1", "DOCTEST-4").doesNotContain("DOCTEST-5");
        // jtreview-s56 T16: a unit member's archive holds its own unit's task folders only (the 驾驶舱 is closed to them, and
        // so are other units' 办理情况 and files), with the documents issued to all units; the office's holds every unit's
        assertThat(unitZip.keySet()).filteredOn(n -> n.startsWith("三、任务办理情况和附件/"))
                .isNotEmpty().allMatch(n -> n.startsWith("三、任务办理情况和附件/城管中队/"));
        assertThat(unitZip.keySet()).contains("三、任务办理情况和附件/城管中队/001-任务 1/办理情况.txt",
                "二、活动文书/月度工作报告/20241005-九亭镇创建测试活动2024年9月工作报告.html");
        assertThat(entries.keySet()).filteredOn(n -> n.startsWith("三、任务办理情况和附件/环卫所/")).isNotEmpty();
        Map<String, byte[]> otherUnit = unzip(rest.withBasicAuth("huanwei1", "demo")
                .getForEntity("/api/campaigns/DOCTEST/archive.zip", byte[].class).getBody());
        assertThat(otherUnit.keySet()).contains("三、任务办理情况和附件/环卫所/002-任务 2/办理情况.txt")
                .noneMatch(n -> n.startsWith("三、任务办理情况和附件/城管中队/"));
        // a plan without 整治项目 (九亭镇's): its one ledger is 全部案件台账, not 其他（不属于整治项目）(supervisors' review s54 V9)
        jdbc.update("update rect_case set plan_item = null where campaign_code = 'DOCTEST'");
        assertThat(unzip(rest.withBasicAuth("chengguan2", "demo").getForEntity("/api/campaigns/DOCTEST/archive.zip", byte[].class)
                .getBody()).keySet()).filteredOn(n -> n.startsWith("一、案件台账/")).first().asString()
                .isEqualTo("一、案件台账/01-全部案件台账.pdf");

        for (String url : List.of("/api/campaigns/DOCTEST/archive.zip", "/api/campaigns/DOCTEST/dossier.pdf?item=EXPOSED_GARBAGE")) {
            assertThat(rest.getForEntity(url, String.class).getStatusCode()).as(url).isEqualTo(HttpStatus.UNAUTHORIZED);
            ResponseEntity<String> foreign = rest.withBasicAuth("jxchuangjian1", "demo").getForEntity(url, String.class);
            assertThat(foreign.getStatusCode()).as(url).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(foreign.getBody()).contains("CAMPAIGN_NOT_FOUND").doesNotContain("九亭镇创建测试活动");
        }
    }

    /**
     * A 乱设摊 case of the campaign (lead 城管中队, 协办 市场所) taken through its process as the demo users would in
     * Tasklist: reported, claimed, an extension asked and granted, a 挂账 asked and refused, rectified with a before and
     * an after photo, 协办 recorded, verified and closed.
     */
    private String workedCase(String campaign) {
        ResponseEntity<Map> reported = rest.withBasicAuth("ducha2", "demo").postForEntity("/api/cases", json("""
                {"title":"九亭大街占道经营","category":"ILLEGAL_STALL","urgency":"NORMAL","source":"PATROL","campaign":"%s",
                 "location":{"address":"九亭大街 1 号","lat":31.1205,"lng":121.3206},"description":"路口东侧摊位占道"}
                """.formatted(campaign)), Map.class);
        assertThat(reported.getStatusCode()).as(String.valueOf(reported.getBody())).isEqualTo(HttpStatus.CREATED);
        String caseNo = (String) reported.getBody().get("caseNo");
        complete("chengguan2", caseNo, RectificationProcess.TASK_CLAIM, "\"claimDecision\":{\"value\":\"claim\"}");
        LocalDate extendedTo = WorkingCalendar.bundled().workingDayFrom(LocalDate.now(CampaignFixture.SHANGHAI).plusDays(20));
        complete("chengguan2", caseNo, RectificationProcess.TASK_RECTIFY, "\"rectifyAction\":{\"value\":\"extension\"},"
                + "\"extensionReason\":{\"value\":\"雨天路面无法施工\"},\"extensionDue\":{\"value\":\"" + extendedTo + "\",\"type\":\"String\"}");
        complete("chuangban1", caseNo, RectificationProcess.TASK_APPROVE_EXTENSION,
                "\"extensionApproved\":{\"value\":\"yes\"},\"decisionComment\":{\"value\":\"同意延期三天\"}");
        complete("chengguan2", caseNo, RectificationProcess.TASK_RECTIFY,
                "\"rectifyAction\":{\"value\":\"suspension\"},\"suspensionReason\":{\"value\":\"等待地块移交\"},"
                + "\"suspensionReviewDate\":{\"value\":\"" + reviewDay(extendedTo) + "\"}");
        complete("lingdao1", caseNo, RectificationProcess.TASK_APPROVE_SUSPENSION,
                "\"suspensionApproved\":{\"value\":\"no\"},\"decisionComment\":{\"value\":\"不属于挂账范围\"}");
        String photo = "{\"type\":\"File\",\"value\":\"%s\",\"valueInfo\":{\"filename\":\"%s\",\"mimetype\":\"%s\"}}";
        complete("chengguan2", caseNo, RectificationProcess.TASK_RECTIFY, "\"rectifyAction\":{\"value\":\"submit\"},"
                + "\"measures\":{\"value\":\"已清运，待复核\"},"
                + "\"photoBefore\":" + photo.formatted(Base64.getEncoder().encodeToString(image(2400, 1800, Color.DARK_GRAY, "jpg")),
                        "before.jpg", "image/jpeg") + ","
                + "\"photoBeforeTakenAt\":{\"value\":\"2024-09-02T08:30:00\"},\"photoBeforeLocation\":{\"value\":\"31.1205,121.3206\"},"
                + "\"photoAfter\":" + photo.formatted(Base64.getEncoder().encodeToString(image(800, 600, Color.LIGHT_GRAY, "png")),
                        "after.png", "image/png") + ","
                + "\"photoAfterTakenAt\":{\"value\":\"2024-09-19T16:45:00\"},\"photoAfterLocation\":{\"value\":\"31.1205,121.3206\"}");
        String cooperation = CaseCooperationProcess.businessKey(caseNo, "shichang");
        ProcessInstance started = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(cooperation).singleResult();
        assertThat(started).as("协办 of 市场所").isNotNull();
        runJobs(started.getId());
        complete("shichang1", cooperation, CaseCooperationProcess.TASK_RECORD,
                "\"cooperationOutcome\":{\"value\":\"COOPERATED\"},\"cooperationNote\":{\"value\":\"已派执法人员配合清理\"}");
        complete("ducha2", caseNo, RectificationProcess.TASK_VERIFY,
                "\"verificationResult\":{\"value\":\"pass\"},\"verificationComment\":{\"value\":\"现场已清理干净\"}");
        runJobs(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(caseNo)
                .processDefinitionKey(RectificationProcess.KEY).singleResult().getId());
        Map<String, Object> record = (Map<String, Object>) rest.withBasicAuth("ducha2", "demo")
                .getForObject("/api/cases/" + caseNo, Map.class).get("record");
        assertThat(record).containsEntry("status", "CLOSED");
        return caseNo;
    }

    /** Completes the process's task of this key as the user, through the REST API the Tasklist uses. */
    private void complete(String user, String businessKey, String taskKey, String variables) {
        Task task = taskService.createTaskQuery().processInstanceBusinessKey(businessKey).taskDefinitionKey(taskKey).singleResult();
        assertThat(task).as(taskKey + " of " + businessKey).isNotNull();
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<String> done = rest.withBasicAuth(user, "demo").postForEntity("/engine-rest/task/" + task.getId() + "/complete",
                new HttpEntity<>("{\"variables\":{" + variables + "}}", headers), String.class);
        assertThat(done.getStatusCode()).as(taskKey + ": " + done.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
    }

    /** What the job executor (off in these tests) would do next in the process instance. */
    private void runJobs(String processInstanceId) {
        managementService.createJobQuery().processInstanceId(processInstanceId).executable().list()
                .forEach(job -> managementService.executeJob(job.getId()));
    }

    private static HttpEntity<String> json(String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }

    private static byte[] image(int width, int height, Color color, String format) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(color);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.ORANGE);
        g.fillOval(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String text(ResponseEntity<byte[]> response) {
        return response.getBody() == null ? "" : new String(response.getBody(), java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String pdfText(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    private static List<PDImageXObject> images(PDDocument pdf) throws IOException {
        List<PDImageXObject> images = new ArrayList<>();
        for (PDPage page : pdf.getPages()) {
            PDResources resources = page.getResources();
            for (COSName name : resources.getXObjectNames()) {
                if (resources.getXObject(name) instanceof PDImageXObject image) {
                    images.add(image);
                }
            }
        }
        return images;
    }

    private static List<PDFont> fonts(PDDocument pdf) throws IOException {
        Map<String, PDFont> fonts = new LinkedHashMap<>();
        for (PDPage page : pdf.getPages()) {
            PDResources resources = page.getResources();
            for (COSName name : resources.getFontNames()) {
                PDFont font = resources.getFont(name);
                fonts.put(font.getName(), font);
            }
        }
        return new ArrayList<>(fonts.values());
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), java.nio.charset.StandardCharsets.UTF_8)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

    /** The first working day after {@code from}: a 挂账's 复核日期 must be one. */
    private static LocalDate reviewDay(LocalDate from) {
        var calendar = org.shirong.calendar.WorkingCalendars.bundled().shared();
        LocalDate day = from.plusDays(1);
        while (!calendar.isWorkingDay(day)) {
            day = day.plusDays(1);
        }
        return day;
    }
}
