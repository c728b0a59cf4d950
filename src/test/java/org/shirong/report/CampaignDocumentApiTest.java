package org.shirong.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.shirong.report.CampaignFixture.at;

import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shirong.scoring.UnitScores;
import org.shirong.system.ShirongWebTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The agenda, 通报 and monthly report of a seeded campaign show its real figures (phase progress, cases
 * per unit, ranking and named units), are stored once per key, and are served by the document API.
 */
@ShirongWebTest
@SuppressWarnings("unchecked")
class CampaignDocumentApiTest {

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

    CampaignFixture fixture;
    CampaignFixture other;
    final MeetingDocuments.Meeting meeting = new MeetingDocuments.Meeting("DOCTEST/weekly/20241008T0600Z", "DOCTEST",
            "九亭镇创建测试活动", "工作例会", "创建工作办公室", at("2024-10-08T14:00"));

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

    @Test
    void agendaNoticeAndMonthlyReportShowTheCampaignsRealFigures() {
        UnitScores.PeriodScores scores = unitScores.computeAndSave("jiuting", "DOCTEST", "2024-09");
        assertThat(scores.namedUnitIds()).containsExactly("chengguan");

        String agenda = html(meetingDocuments.agenda(meeting, scores, null));
        assertThat(agenda).contains("九亭镇创建测试活动工作例会议程", "会议时间：2024年10月8日 14:00", "当前阶段：宣传动员和自查整改",
                "<td class=\"name\">前期准备</td><td>2024-03-01 至 2024-05-31</td><td>2</td><td>0</td><td>100.0%</td>",
                "<td class=\"name\">宣传动员和自查整改</td><td>2024-06-01 至 2024-10-31</td><td>1</td><td>2</td><td>33.3%</td>",
                "<tr data-unit=\"chengguan\"><td class=\"name\">城管中队</td><td>4</td><td>2</td><td>2</td><td>2</td></tr>",
                "<tr data-unit=\"huanwei\"><td class=\"name\">环卫所</td><td>1</td><td>1</td><td>0</td><td>0</td></tr>",
                "<td class=\"name\">合计</td><td>5</td><td>3</td><td>2</td><td>2</td>", "总分低于通报线",
                "2024年9月共 2 个单位参加排名，通报 1 个单位：城管中队。");
        assertThat(agenda.substring(agenda.indexOf("class=\"named-units\""))).contains("城管中队").doesNotContain("环卫所");

        StoredDocument notice = meetingDocuments.notice(meeting, scores, null);
        assertThat(notice.title()).isEqualTo("九亭镇创建测试活动关于2024年9月考核不履职单位的通报");
        assertThat(html(notice)).contains("2024-09-01 至 2024-09-30", "通报 1 个单位：城管中队。");

        StoredDocument report = monthlyReports.issue("jiuting", "DOCTEST", at("2024-10-05T10:00"), null);
        assertThat(report.kind()).isEqualTo(DocumentKind.MONTHLY_REPORT);
        assertThat(report.title()).isEqualTo("九亭镇创建测试活动2024年9月工作报告");
        assertThat(html(report)).contains("2024年9月共新增案件 5 件，结案 3 件，超期 2 件，期末未结 2 件",
                "<tr data-unit=\"chengguan\"><td class=\"name\">城管中队</td><td>4</td><td>2</td><td>2</td><td>2</td></tr>");
        assertThat(monthlyReports.issue("jiuting", "DOCTEST", at("2024-10-06T10:00"), "2024-09").id()).isEqualTo(report.id());
        assertThat(meetingDocuments.agenda(meeting, scores, null).id()).isEqualTo(documents.find("DOCTEST",
                "agenda/" + meeting.key()).orElseThrow().id());
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

            String html = html(monthlyReports.issue("jinxi", "DOCJX", at("2024-10-05T10:00"), "2024-09"));

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
                    List.of("环卫所", "0", "0", "0", "0"), List.of("城管中队", "1", "1", "0", "0"), List.of("合计", "4", "3", "2", "1"));
            assertThat(HtmlTables.lastNumbers(HtmlTables.sentenceBefore(html, "cases"), 4)).isEqualTo(HtmlTables.numbers(cases.get(cases.size() - 1)))
                    .isEqualTo(HtmlTables.columnSums(cases.subList(0, cases.size() - 1), 1));

            List<List<String>> ranking = HtmlTables.rows(html, "ranking");
            assertThat(ranking).extracting(r -> r.get(1) + " 应结案 " + r.get(4) + " 结案 " + r.get(5))
                    .containsExactlyInAnyOrder("建管所 应结案 2 结案 1", "水利站 应结案 1 结案 1", "城管中队 应结案 1 结案 1");
            String summary = HtmlTables.sentenceBefore(html, "ranking");
            assertThat(summary).startsWith("2024年9月共 3 个单位参加排名");
            List<List<String>> named = HtmlTables.rows(html, "named-units");
            assertThat(summary).contains(named.isEmpty() ? "本期无通报单位" : "通报 " + named.size() + " 个单位");
        } finally {
            jx.clear();
            jxOther.clear();
        }
    }

    @Test
    void theDocumentApiServesTheHtmlToSignedInUsersAndListsACampaignsDocumentsNewestFirst() {
        UnitScores.PeriodScores scores = unitScores.read("jiuting", "DOCTEST", "2024-09");
        StoredDocument agenda = meetingDocuments.agenda(meeting, scores, null);
        ClockUtil.setCurrentTime(Date.from(at("2024-10-08T16:00")));
        StoredDocument notice = meetingDocuments.notice(meeting, scores, null);

        assertThat(rest.getForEntity(agenda.url(), String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        ResponseEntity<String> ok = rest.withBasicAuth("chuangban1", "demo").getForEntity(agenda.url(), String.class);
        assertThat(ok.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(ok.getHeaders().getContentType().toString()).isEqualTo("text/html;charset=UTF-8");
        assertThat(ok.getBody()).contains("九亭镇创建测试活动工作例会议程", "城管中队");

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
        StoredDocument agenda = meetingDocuments.agenda(meeting, unitScores.read("jiuting", "DOCTEST", "2024-09"), null);
        StoredDocument report = monthlyReports.issue("jiuting", "DOCTEST", at("2024-10-05T10:00"), "2024-09");

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
}
