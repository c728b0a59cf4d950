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
        // 城管中队: 3 new in September, 2 of them closed (due in October), 1 overdue and still open → named.
        fixture.addCase("chengguan", "2024-09-02T09:00", "2024-10-08T09:00", "2024-09-20T10:00", false);
        fixture.addCase("chengguan", "2024-09-05T09:00", "2024-10-09T09:00", "2024-09-21T10:00", false);
        fixture.addCase("chengguan", "2024-09-10T09:00", "2024-09-11T09:00", null, true);
        // 环卫所: 1 new and closed on time.
        fixture.addCase("huanwei", "2024-09-12T09:00", "2024-09-13T09:00", "2024-09-12T15:00", false);
    }

    @AfterEach
    void clear() {
        fixture.clear();
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
                "<tr data-unit=\"chengguan\"><td class=\"name\">城管中队</td><td>3</td><td>2</td><td>1</td><td>1</td></tr>",
                "<tr data-unit=\"huanwei\"><td class=\"name\">环卫所</td><td>1</td><td>1</td><td>0</td><td>0</td></tr>",
                "<td class=\"name\">合计</td><td>4</td><td>3</td><td>1</td><td>1</td>", "总分低于通报线");
        assertThat(agenda.substring(agenda.indexOf("class=\"named-units\""))).contains("城管中队").doesNotContain("环卫所");

        StoredDocument notice = meetingDocuments.notice(meeting, scores, null);
        assertThat(notice.title()).isEqualTo("九亭镇创建测试活动关于2024年9月考核不履职单位的通报");
        assertThat(html(notice)).contains("2024-09-01 至 2024-09-30", "通报：城管中队（第 2 名");

        StoredDocument report = monthlyReports.issue("jiuting", "DOCTEST", at("2024-10-05T10:00"), null);
        assertThat(report.kind()).isEqualTo(DocumentKind.MONTHLY_REPORT);
        assertThat(report.title()).isEqualTo("九亭镇创建测试活动2024年9月工作报告");
        assertThat(html(report)).contains("2024年9月共新增案件 4 件，结案 3 件，超期 1 件，期末未结 1 件",
                "<tr data-unit=\"chengguan\"><td class=\"name\">城管中队</td><td>3</td><td>2</td><td>1</td><td>1</td></tr>");
        assertThat(monthlyReports.issue("jiuting", "DOCTEST", at("2024-10-06T10:00"), "2024-09").id()).isEqualTo(report.id());
        assertThat(meetingDocuments.agenda(meeting, scores, null).id()).isEqualTo(documents.find("DOCTEST",
                "agenda/" + meeting.key()).orElseThrow().id());
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
