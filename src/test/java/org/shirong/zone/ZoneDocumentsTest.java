package org.shirong.zone;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.shirong.system.SharesSpringContext;
import org.shirong.system.ShirongWebTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The 《市容环境卫生责任区责任告知书》 as the office and the owner groups print it, and the office issuing an edition,
 * through the API as demo users: an A4 page per holder with the 六无 (and 二无一白 for a residential zone), the holder's
 * name as typed (escaped, not markup), the cap on one PDF, and who may print and issue.
 */
@ShirongWebTest
@SharesSpringContext
class ZoneDocumentsTest {

    /** After the periods other classes count rates in; the zones are closed again after each test (one shared context). */
    private static final Instant REGISTERED = Instant.parse("2026-11-20T01:00:00Z");

    @Autowired
    TestRestTemplate rest;
    @Autowired
    ZoneRecords zones;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TaskService taskService;

    private final List<Long> created = new java.util.ArrayList<>();

    @AfterEach
    void closeZones() {
        created.forEach(id -> jdbc.update("update zone set status = 'CLOSED' where id = ?", id));
    }

    private long zone(String zoneNo, String holder, ZoneType type, String ownerGroup) {
        return keep(zones.insert(new Zone(0, "jiuting", zoneNo, holder, type, "九亭大街 " + zoneNo.substring(zoneNo.length() - 3) + " 号",
                "九亭大街居委", null, "九亭大街", RoadClass.MAIN_ROAD, null, null, "王建国", "13800000001", "门前至人行道边沿",
                type.defaultDuties(), ownerGroup, Zone.Status.ACTIVE, null, null, 0, REGISTERED, "chuangban1", REGISTERED)));
    }

    private long keep(long zoneId) {
        created.add(zoneId);
        return zoneId;
    }

    /** The PDF's text without white space, so that a line the layout wrapped is still found whole. */
    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return compact(new PDFTextStripper().getText(document));
        }
    }

    private static String compact(String text) {
        return text.replaceAll("\\s+", "");
    }

    @Test
    void aHoldersNoticeIsAnA4PageWithItsDutiesAndItsNameAsTyped() throws IOException {
        long shop = zone("JT-Z-D001", "老王<b>面馆</b> & 小吃", ZoneType.SHOP, "juwei01");
        long estate = zone("JT-Z-D002", "易富路 88 弄", ZoneType.RESIDENTIAL, "wuye01");

        ResponseEntity<byte[]> response = rest.withBasicAuth("chuangban1", "demo")
                .getForEntity("/api/zones/" + shop + "/notice.pdf?edition=2026", byte[].class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
        assertThat(response.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION)).contains("inline");
        try (PDDocument pdf = Loader.loadPDF(response.getBody())) {
            assertThat(pdf.getNumberOfPages()).isEqualTo(1);
            PDPage page = pdf.getPage(0);
            assertThat(page.getMediaBox().getWidth()).isCloseTo(595f, org.assertj.core.data.Offset.offset(1f));
            assertThat(page.getMediaBox().getHeight()).isCloseTo(842f, org.assertj.core.data.Offset.offset(1f));
            String text = compact(new PDFTextStripper().getText(pdf));
            assertThat(text).contains("市容环境卫生责任区责任告知书", "编号：JT-Z-D001", "2026年版", "老王<b>面馆</b>&小吃（门店）",
                    "王建国", "13800000001", "九亭大街001号", "门前至人行道边沿", "第一居委会", "六无", "无乱设摊", "无乱堆物",
                    "无乱张贴", "无乱刻画", "无乱涂写", "无乱晾晒", "第十一条至第十三条", "五十元以上五百元以下罚款", "责任人（签名）",
                    "请将本告知书张贴于醒目位置", "九亭镇").doesNotContain("二无一白", "本责任区另有要求");
        }
        // The owner group prints its own; the residential zone's notice has the stairwells' 二无一白.
        ResponseEntity<byte[]> own = rest.withBasicAuth("wuye01a", "demo").getForEntity("/api/zones/" + estate + "/notice.pdf", byte[].class);
        assertThat(own.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(text(own.getBody())).contains("易富路88弄（居民区）", "二无一白", "第一物业公司");

        ResponseEntity<String> other = rest.withBasicAuth("juwei02a", "demo").getForEntity("/api/zones/" + shop + "/notice.pdf", String.class);
        assertThat(other.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(other.getBody()).contains("只有创建工作办公室或该责任区的负责单位可以打印责任告知书");
        ResponseEntity<String> outsider = rest.withBasicAuth("jxchuangjian1", "demo").getForEntity("/api/zones/" + shop + "/notice.pdf", String.class);
        assertThat(outsider.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(outsider.getBody()).doesNotContain("老王");
        assertThat(rest.withBasicAuth("chuangban1", "demo").getForEntity("/api/zones/" + shop + "/notice.pdf?edition=26", String.class)
                .getBody()).contains("告知书版次 26 无效");
    }

    /**
     * jxreview J14: 锦溪镇 (江苏昆山) configured no zones.yaml and belongs to no district that has one, so it has no 责任区
     * module: its staff get 404 with the reason in Chinese on every zone request and page, and the page header offers no
     * 责任区 link; 九亭镇 keeps its module, its header link, and the notice cites the law its zones.yaml names.
     */
    @Test
    @SuppressWarnings("unchecked")
    void aTownWithoutZonesConfiguredHasNoZoneModuleAndItsHeaderOffersNone() throws IOException {
        TestRestTemplate jinxi = rest.withBasicAuth("jxtuijinban1", "demo");
        for (String url : List.of("/api/zones", "/api/zones/map", "/api/zones/self-groups", "/api/zones/trainings",
                "/api/zones/trainings/coverage", "/api/zones/import-template.xlsx", "/api/zones/notices.pdf",
                "/api/zones/rates?period=2026-11")) {
            ResponseEntity<Map> refused = jinxi.getForEntity(url, Map.class);
            assertThat(refused.getStatusCode()).as(url).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat((List<Map<String, Object>>) refused.getBody().get("errors")).as(url).singleElement().satisfies(e -> assertThat(e)
                    .containsEntry("code", "ZONES_NOT_CONFIGURED").extracting(m -> (String) m.get("message")).asString()
                    .startsWith("锦溪镇未开展市容环境卫生责任区（门责）管理，没有责任区功能").contains("zones.yaml"));
        }
        HttpHeaders json = new HttpHeaders();
        json.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<Map> register = jinxi.postForEntity("/api/zones", new HttpEntity<>("""
                {"zoneNo":"JX-Z-0001","holderName":"长寿路面馆","holderType":"SHOP","address":"锦溪镇长寿路 1 号","ownerGroup":"jxchengguan"}""",
                json), Map.class);
        assertThat(register.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(jdbc.queryForObject("select count(*) from zone where tenant_id = 'jinxi'", Long.class)).isZero();
        ResponseEntity<String> page = jinxi.getForEntity("/shirong/zones", String.class);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

        assertThat(jinxi.getForObject("/shirong/map", String.class)).contains("案件地图").doesNotContain("href=\"/shirong/zones\"");
        assertThat(rest.withBasicAuth("chuangban1", "demo").getForObject("/shirong/map", String.class))
                .contains("href=\"/shirong/zones\"");
        long shop = zone("JT-Z-L001", "九亭大街面馆", ZoneType.SHOP, "juwei01");
        assertThat(text(rest.withBasicAuth("chuangban1", "demo").getForEntity("/api/zones/" + shop + "/notice.pdf", byte[].class)
                .getBody())).contains("二、依据《上海市市容环境卫生管理条例》第十一条至第十三条：单位和个人对其所有");
    }

    @Test
    void anOwnerGroupPrintsAPagePerHolderAndOnePdfIsCapped() throws IOException {
        zone("JT-Z-P001", "九亭大街 1 号商铺", ZoneType.SHOP, "juwei02");
        zone("JT-Z-P002", "九亭大街 2 号商铺", ZoneType.SHOP, "juwei02");
        zone("JT-Z-P003", "九亭大街 3 号商铺", ZoneType.SHOP, "juwei02");

        ResponseEntity<byte[]> batch = rest.withBasicAuth("juwei02a", "demo")
                .getForEntity("/api/zones/notices.pdf?edition=2026&ownerGroup=juwei02", byte[].class);

        assertThat(batch.getStatusCode()).isEqualTo(HttpStatus.OK);
        long juwei02Zones = zones.active("jiuting").stream().filter(z -> "juwei02".equals(z.ownerGroup())).count();
        try (PDDocument pdf = Loader.loadPDF(batch.getBody())) {
            assertThat(pdf.getNumberOfPages()).isEqualTo((int) juwei02Zones).isGreaterThanOrEqualTo(3);
            String text = compact(new PDFTextStripper().getText(pdf));
            assertThat(text).contains("九亭大街1号商铺", "九亭大街2号商铺", "九亭大街3号商铺");
        }
        ResponseEntity<String> everyone = rest.withBasicAuth("juwei02a", "demo").getForEntity("/api/zones/notices.pdf", String.class);
        assertThat(everyone.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(everyone.getBody()).contains("负责单位打印时请选择本单位");

        for (int i = 1; i <= 201; i++) {
            zone("JT-Z-C" + String.format("%03d", i), "沪亭北路 " + i + " 号", ZoneType.UNIT, "yingji");
        }
        ResponseEntity<String> capped = rest.withBasicAuth("chuangban1", "demo")
                .getForEntity("/api/zones/notices.pdf?ownerGroup=yingji", String.class);
        assertThat(capped.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(capped.getBody()).contains("一次最多打印 200 份告知书（本次 ").contains(" 份），请按负责单位分批打印");
        assertThat(capped.getHeaders().getContentType()).isNotEqualTo(MediaType.APPLICATION_PDF);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theOfficeIssuesAnEditionAndTheOwnerGroupGetsItsTasks() {
        long zoneId = zone("JT-Z-I001", "伴亭路 6 号商铺", ZoneType.SHOP, "shichang");
        HttpHeaders json = new HttpHeaders();
        json.setContentType(MediaType.APPLICATION_JSON);
        HttpEntity<String> request = new HttpEntity<>("{\"edition\":2026,\"zoneNos\":[\"JT-Z-I001\"]}", json);

        ResponseEntity<String> refused = rest.withBasicAuth("juwei01a", "demo").postForEntity("/api/zones/notices", request, String.class);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(refused.getBody()).contains("只有创建工作办公室可以登记、导入责任区或发起告知书送达");

        ResponseEntity<Map> issued = rest.withBasicAuth("chuangban1", "demo").postForEntity("/api/zones/notices", request, Map.class);
        assertThat(issued.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(issued.getBody()).containsEntry("started", 1).containsEntry("skipped", 0);
        List<Task> tasks = taskService.createTaskQuery().processInstanceBusinessKey("JT-Z-I001/2026").list();
        assertThat(tasks).extracting(Task::getName, Task::getTenantId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("送达责任告知书 · JT-Z-I001 · 伴亭路 6 号商铺 · 九亭大街 001 号", "jiuting"));
        assertThat(taskService.createTaskQuery().taskCandidateGroup("shichang").processInstanceBusinessKey("JT-Z-I001/2026").count()).isEqualTo(1);
        assertThat(zones.find(zoneId).orElseThrow().noticeStatus()).isEqualTo("ISSUED");
        Map<String, Object> notice = (Map<String, Object>) rest.withBasicAuth("shichang1", "demo")
                .getForObject("/api/zones/" + zoneId + "/file", Map.class).get("notice");
        assertThat(notice).containsEntry("edition", 2026).containsEntry("statusName", "已印发").containsEntry("issuedByName", "戴所长")
                .containsEntry("pdfUrl", "/api/zones/" + zoneId + "/notice.pdf?edition=2026").containsEntry("postedAt", null);

        Map<String, Object> again = rest.withBasicAuth("chuangban1", "demo").postForEntity("/api/zones/notices", request, Map.class).getBody();
        assertThat(again).containsEntry("started", 0).containsEntry("skipped", 1);
        ResponseEntity<String> bad = rest.withBasicAuth("chuangban1", "demo").postForEntity("/api/zones/notices",
                new HttpEntity<>("{\"zoneNos\":[\"JT-Z-I001\"]}", json), String.class);
        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(bad.getBody()).contains("请填写告知书版次（年度，如 2026）");
        assertThat(jdbc.queryForObject("select count(*) from zone_notice where zone_id = ?", Integer.class, zoneId)).isEqualTo(1);
    }
}
