package org.shirong.zone;

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
import org.shirong.rectification.ImportTable;
import org.shirong.system.ShirongWebTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;

/**
 * The zone register through {@code /api/zones} as the demo users: the import (CSV or XLSX) refuses a file with a bad row
 * whole, naming the row and the column, and an unknown column by name; a good file registers every row once and skips
 * them when uploaded again; single registration, search, the self-regulating groups, and who may do what.
 */
@ShirongWebTest
class ZoneImportTest {

    private static final List<Object> HEADERS = List.of("编号", "名称", "类型", "地址", "居委会/社区/网格", "负责单位", "道路等级",
            "所在道路", "纬度", "经度", "责任人", "联系电话");
    private static final MediaType XLSX = MediaType.parseMediaType(ImportTable.XLSX_TYPE);

    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcTemplate jdbc;

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

    private ResponseEntity<Map> upload(String user, byte[] content, String fileName, MediaType type) {
        var body = new LinkedMultiValueMap<String, Object>();
        HttpHeaders part = new HttpHeaders();
        part.setContentType(type);
        part.setContentDispositionFormData("file", fileName);
        body.add("file", new HttpEntity<>(content, part));
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return rest.withBasicAuth(user, "demo").postForEntity("/api/zones/import", new HttpEntity<>(body, headers), Map.class);
    }

    private long zones(String prefix) {
        return jdbc.queryForObject("select count(*) from zone where zone_no like ?", Long.class, prefix + "%");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> errors(ResponseEntity<Map> response) {
        return (List<Map<String, Object>>) response.getBody().get("errors");
    }

    private static List<String> messages(ResponseEntity<Map> response) {
        return errors(response).stream().map(e -> (String) e.get("message")).toList();
    }

    @Test
    void aBadRowRefusesTheWholeFileNamingRowAndColumn() {
        String csv = """
                编号,名称,类型,地址,负责单位,责任人
                ZB-0001,甲面馆,门店,九亭大街 1 号,第一居委会,王一
                ZB-0002,乙超市,超市,九亭大街 3 号,第三居委会,王二
                ZB-0003,丙小区,居民区,易富路 1 号,,王三
                """;
        ResponseEntity<Map> response = upload("chuangban1", csv.getBytes(StandardCharsets.UTF_8), "zones.csv",
                new MediaType("text", "csv"));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(messages(response)).contains(
                "第 3 行：没有类型“超市”（可选：门店、企事业单位、居民区、工地、集市菜场）",
                "第 3 行：没有负责单位“第三居委会”，是否指：第一居委会、第二居委会？",
                "第 4 行：缺少负责单位");
        assertThat(errors(response)).anySatisfy(e -> assertThat(e).containsEntry("row", 3).containsEntry("column", "类型"));
        assertThat(zones("ZB-")).as("nothing of the file is saved, not even its good first row").isZero();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aGoodWorkbookRegistersEveryRowOnceAndAgainSkipsThem() throws IOException {
        byte[] file = xlsx(List.of(HEADERS,
                List.of("ZG-0001", "好运面馆", "门店", "九亭大街 102 号", "第一居委会", "第一居委会", "主要道路", "九亭大街",
                        31.11752, 121.31895, "王建国", "13800000001"),
                List.of("ZG-0002", "易富路 88 弄 10 号楼", "居民区", "易富路 88 弄 10 号", "第一居委会", "wuye01", "", "易富路",
                        "", "", "高经理", ""),
                List.of("ZG-0003", "九亭市场", "MARKET", "九亭大街 256 号", "", "市场监管所", "其他", "", "", "", "罗经理", "")));

        ResponseEntity<Map> first = upload("chuangban1", file, "责任区.xlsx", XLSX);
        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(first.getBody()).containsEntry("created", 3).containsEntry("skipped", 0);
        assertThat((List<Object>) first.getBody().get("zoneNos")).containsExactly("ZG-0001", "ZG-0002", "ZG-0003");

        Map<String, Object> shop = jdbc.queryForMap("select * from zone where zone_no = 'ZG-0001'");
        assertThat(shop).containsEntry("TENANT_ID", "jiuting").containsEntry("HOLDER_TYPE", "SHOP")
                .containsEntry("ROAD_CLASS", "MAIN_ROAD").containsEntry("OWNER_GROUP", "juwei01").containsEntry("STATUS", "ACTIVE")
                .containsEntry("CREATED_BY", "chuangban1");
        assertThat(((java.math.BigDecimal) shop.get("LAT")).toPlainString()).isEqualTo("31.117520");
        assertThat((String) shop.get("DUTIES")).startsWith("六无").doesNotContain("二无一白");
        Map<String, Object> residential = jdbc.queryForMap("select * from zone where zone_no = 'ZG-0002'");
        assertThat(residential).containsEntry("ROAD_CLASS", "OTHER").containsEntry("OWNER_GROUP", "wuye01")
                .containsEntry("LAT", null);
        assertThat((String) residential.get("DUTIES")).contains("六无", "二无一白");
        assertThat(jdbc.queryForObject("select owner_group from zone where zone_no = 'ZG-0003'", String.class)).isEqualTo("shichang");
        assertThat(jdbc.queryForList("select e.kind from zone_event e join zone z on z.id = e.zone_id where z.zone_no = 'ZG-0001'",
                String.class)).containsExactly("IMPORTED");

        ResponseEntity<Map> again = upload("chuangban1", file, "责任区.xlsx", XLSX);
        assertThat(again.getBody()).containsEntry("created", 0).containsEntry("skipped", 3);
        assertThat(zones("ZG-")).isEqualTo(3);
    }

    @Test
    void anUnknownColumnIsRefusedByName() throws IOException {
        byte[] file = xlsx(List.of(List.of("编号", "名称", "类型", "地址", "负责单位", "责任人", "营业执照号"),
                List.of("ZU-0001", "甲", "门店", "九亭大街 1 号", "第一居委会", "王一", "91310000")));
        ResponseEntity<Map> response = upload("chuangban1", file, "zones.xlsx", XLSX);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(messages(response)).singleElement().asString().contains("不认识的列“营业执照号”", "可用的列：编号、名称、类型");
        assertThat(zones("ZU-")).isZero();
    }

    /** The register is often kept in Excel and saved as “CSV（逗号分隔）”, which a Chinese Windows writes in GBK. */
    @Test
    void aRegisterSavedAsGbkCsvImportsItsNamesAsWritten() {
        byte[] gbk = "编号,名称,类型,地址,负责单位,责任人\nZK-0001,老街面馆,门店,九亭大街 8 号,第一居委会,王一\n"
                .getBytes(java.nio.charset.Charset.forName("GBK"));
        ResponseEntity<Map> imported = upload("chuangban1", gbk, "zones.csv", new MediaType("text", "csv"));
        assertThat(imported.getStatusCode()).as("%s", imported.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(jdbc.queryForMap("select holder_name, address from zone where zone_no = 'ZK-0001'"))
                .containsEntry("holder_name", "老街面馆").containsEntry("address", "九亭大街 8 号");
    }

    @Test
    void onlyTheOfficeImportsAndRegistersAndTheTemplateNamesTheColumnsAndOwners() throws IOException {
        String csv = "编号,名称,类型,地址,负责单位,责任人\nZF-0001,甲,门店,九亭大街 1 号,第一居委会,王一\n";
        ResponseEntity<Map> refused = upload("juwei01a", csv.getBytes(StandardCharsets.UTF_8), "zones.csv", new MediaType("text", "csv"));
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(messages(refused)).containsExactly("只有创建工作办公室可以登记、导入责任区或发起告知书送达");
        ResponseEntity<Map> jinxi = upload("jxlvguan1", csv.getBytes(StandardCharsets.UTF_8), "zones.csv", new MediaType("text", "csv"));
        assertThat(jinxi.getStatusCode()).as("锦溪镇 has no zones (jxreview J14)").isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(messages(jinxi)).singleElement().asString().startsWith("锦溪镇未开展市容环境卫生责任区（门责）管理");
        assertThat(zones("ZF-")).isZero();

        ResponseEntity<byte[]> template = rest.withBasicAuth("chuangban1", "demo").getForEntity("/api/zones/import-template.xlsx", byte[].class);
        assertThat(template.getStatusCode()).isEqualTo(HttpStatus.OK);
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(template.getBody()))) {
            List<Row> header;
            try (Stream<Row> rows = workbook.getFirstSheet().openStream()) {
                header = rows.limit(1).toList();
            }
            assertThat(header.get(0).stream().map(c -> c.getText()).toList()).startsWith("编号", "名称", "类型", "地址")
                    .contains("负责单位", "责任人", "责任要求");
            List<String> owners;
            try (Stream<Row> rows = workbook.getSheets().toList().get(1).openStream()) {
                owners = rows.skip(1).map(r -> r.getCellText(0)).toList();
            }
            assertThat(owners).contains("第一居委会", "第二居委会", "第一物业公司", "市场监管所").doesNotContain("创建办", "督导检查组");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theOfficeRegistersOneZoneAndEveryoneOfTheTownFindsItButNoOutsider() {
        Map<String, Object> zone = new java.util.HashMap<>(Map.of("zoneNo", "ZR-0001", "holderName", "九亭烟杂店",
                "holderType", "门店", "address", "沪亭北路 218 号", "ownerGroup", "juwei02", "person", "周强",
                "roadClass", "MAIN_ROAD", "street", "沪亭北路"));
        zone.put("lat", 31.12612);
        zone.put("lng", 121.31903);
        ResponseEntity<Map> created = rest.withBasicAuth("chuangban2", "demo").postForEntity("/api/zones", zone, Map.class);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        long id = ((Number) created.getBody().get("id")).longValue();
        assertThat(created.getHeaders().getLocation()).hasToString("/api/zones/" + id);

        ResponseEntity<Map> twice = rest.withBasicAuth("chuangban2", "demo").postForEntity("/api/zones", zone, Map.class);
        assertThat(twice.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(messages(twice)).containsExactly("责任区编号 ZR-0001 已登记");

        zone.put("zoneNo", "ZR-0002");
        zone.put("ownerGroup", "第三居委会");
        zone.remove("lng");
        ResponseEntity<Map> wrong = rest.withBasicAuth("chuangban2", "demo").postForEntity("/api/zones", zone, Map.class);
        assertThat(messages(wrong)).containsExactlyInAnyOrder("没有负责单位“第三居委会”，是否指：第一居委会、第二居委会？",
                "纬度和经度须同时填写或同时不填");

        Map<?, ?> found = rest.withBasicAuth("juwei02a", "demo").getForObject("/api/zones?q=烟杂&type=门店&roadClass=主要道路", Map.class);
        assertThat(found.get("total")).isEqualTo(1);
        assertThat((List<Map<String, Object>>) found.get("zones")).singleElement().satisfies(z -> assertThat(z)
                .containsEntry("zoneNo", "ZR-0001").containsEntry("holderTypeName", "门店").containsEntry("ownerGroupName", "第二居委会")
                .containsEntry("noticeStatus", "NONE").containsEntry("ladderLevelName", "正常").containsEntry("url", "/shirong/zones/" + id));
        assertThat(rest.withBasicAuth("juwei02a", "demo").getForObject("/api/zones?notice=POSTED&q=ZR-", Map.class).get("total")).isEqualTo(0);
        Map<?, ?> map = rest.withBasicAuth("juwei02a", "demo").getForObject("/api/zones/map?q=ZR-0001", Map.class);
        assertThat((List<Map<String, Object>>) map.get("points")).singleElement()
                .satisfies(p -> assertThat(p).containsEntry("state", "告知书未送达").containsEntry("lat", 31.12612));

        assertThat(rest.withBasicAuth("jxlingdao1", "demo").getForEntity("/api/zones/" + id, Map.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(rest.withBasicAuth("jxlingdao1", "demo").getForEntity("/shirong/zones/" + id, String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(rest.withBasicAuth("juwei02a", "demo").getForObject("/shirong/zones/" + id, String.class))
                .contains("ZR-0001", "九亭烟杂店", "/shirong/assets/zone-page.js");
    }

    /**
     * jtreview-s56 T3: the register's page opens a committee's staff on their own committee's zones, and offers as 负责单位
     * only the units that own zones: not 各居委会 or 各物业公司, which stand for all of them and own none; the office opens on
     * 全部负责单位.
     */
    @Test
    void theZonesPageOpensOnTheCallersOwnUnitAndOffersOnlyUnitsThatOwnZones() {
        Map<String, Object> zone = new java.util.HashMap<>(Map.of("zoneNo", "ZR-0700", "holderName", "九亭面馆",
                "holderType", "门店", "address", "沪亭北路 300 号", "ownerGroup", "juwei01", "person", "钱明"));
        assertThat(rest.withBasicAuth("chuangban2", "demo").postForEntity("/api/zones", zone, Map.class).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);

        String committee = rest.withBasicAuth("juwei01a", "demo").getForObject("/shirong/zones", String.class);
        assertThat(committee).contains("<option value=\"juwei01\" selected>第一居委会</option>")
                .doesNotContain("value=\"juweihui\"", "value=\"wuye\"", "各居委会", "各物业公司");
        String office = rest.withBasicAuth("chuangban2", "demo").getForObject("/shirong/zones", String.class);
        assertThat(office).contains("<option value=\"juwei01\">第一居委会</option>").doesNotContain(" selected>第");
    }

    /**
     * A coordinate the zone table cannot keep (decimal(9, 6)) is named with its range before anything rounds it, whether
     * registered (an exponent that would overflow the rounding, or out of range) or imported; nothing is saved.
     */
    @Test
    void aCoordinateNoColumnCanKeepIsNamedWithItsRangeAndNothingIsSaved() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        String zone = """
                {"zoneNo":"ZC-0001","holderName":"九亭烟杂店","holderType":"门店","address":"沪亭北路 218 号","ownerGroup":"juwei02",
                 "person":"周强","lat":%s,"lng":%s}
                """;
        ResponseEntity<Map> registered = rest.withBasicAuth("chuangban2", "demo").postForEntity("/api/zones",
                new HttpEntity<>(zone.formatted("1E-999999999", "1E+999999999"), headers), Map.class);
        assertThat(registered.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(errors(registered)).extracting(e -> e.get("field") + " " + e.get("message")).containsExactlyInAnyOrder(
                "lat 纬度应在 -90 到 90 之间，最多 20 位小数", "lng 经度应在 -180 到 180 之间，最多 20 位小数");

        String csv = "编号,名称,类型,地址,负责单位,责任人,纬度,经度\nZC-0002,甲面馆,门店,九亭大街 1 号,第一居委会,王一,1E-999999999,121.3\n";
        ResponseEntity<Map> imported = upload("chuangban1", csv.getBytes(StandardCharsets.UTF_8), "zones.csv", new MediaType("text", "csv"));
        assertThat(imported.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(messages(imported)).singleElement().asString().contains("第 2 行", "纬度应在 -90 到 90 之间，最多 20 位小数");
        assertThat(zones("ZC-")).isZero();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aSelfGroupNamesItsMembersByZoneAndEachMemberZoneRecordsIt() {
        upload("chuangban1", "编号,名称,类型,地址,负责单位,责任人\nZS-0001,甲面馆,门店,九亭大街 1 号,第一居委会,王一\nZS-0002,乙店,门店,九亭大街 3 号,第一居委会,王二\n"
                .getBytes(StandardCharsets.UTF_8), "zones.csv", new MediaType("text", "csv"));
        Map<String, Object> group = Map.of("name", "测试大街商户自律小组", "scope", "沿街", "place", "九亭大街", "leader", "王一",
                "foundedOn", "2026-03-01", "members", List.of(Map.of("zoneNo", "ZS-0001", "role", "组长"), Map.of("zoneNo", "ZS-0009")));
        ResponseEntity<Map> wrong = rest.withBasicAuth("chuangban1", "demo").postForEntity("/api/zones/self-groups", group, Map.class);
        assertThat(wrong.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(messages(wrong)).containsExactly("第 2 位成员：没有责任区编号 ZS-0009");

        Map<String, Object> fixed = new java.util.HashMap<>(group);
        fixed.put("members", List.of(Map.of("zoneNo", "ZS-0001", "role", "组长"), Map.of("zoneNo", "ZS-0002"), Map.of("name", "流动摊主代表")));
        assertThat(rest.withBasicAuth("chuangban1", "demo").postForEntity("/api/zones/self-groups", fixed, Map.class).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);

        List<Map<String, Object>> groups = rest.withBasicAuth("juwei01a", "demo").getForObject("/api/zones/self-groups", List.class);
        assertThat(groups).filteredOn(g -> "测试大街商户自律小组".equals(g.get("name"))).singleElement().satisfies(g -> {
            assertThat(g).containsEntry("scopeName", "沿街").containsEntry("foundedOn", "2026-03-01");
            assertThat((List<Map<String, Object>>) g.get("members")).extracting(m -> m.get("name"))
                    .containsExactly("甲面馆", "乙店", "流动摊主代表");
        });
        assertThat(jdbc.queryForList("select e.detail from zone_event e join zone z on z.id = e.zone_id"
                + " where z.zone_no = 'ZS-0001' and e.kind = 'JOINED_SELF_GROUP'", String.class))
                .containsExactly("测试大街商户自律小组（组长）");
        assertThat(rest.withBasicAuth("juwei01a", "demo").postForEntity("/api/zones/self-groups", fixed, Map.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    /**
     * A zone number is one number however it is typed: {@code tz-0001} and full-width {@code ＴＺ－０００１} are
     * {@code TZ-0001} on registering (already registered), importing (skipped) and naming a zone (a self-group member),
     * and a number stored in lower case before numbers were normalised is still found.
     */
    @Test
    @SuppressWarnings("unchecked")
    void aZoneNumberTypedInLowerCaseOrFullWidthIsTheSameNumber() {
        Map<String, Object> zone = new java.util.HashMap<>(Map.of("zoneNo", "TZ-0001", "holderName", "九亭烟杂店",
                "holderType", "门店", "address", "沪亭北路 218 号", "ownerGroup", "juwei02", "person", "周强"));
        assertThat(rest.withBasicAuth("chuangban2", "demo").postForEntity("/api/zones", zone, Map.class).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        for (String same : List.of("tz-0001", "ＴＺ－０００１", " ｔｚ-0001 ")) {
            zone.put("zoneNo", same);
            ResponseEntity<Map> twice = rest.withBasicAuth("chuangban2", "demo").postForEntity("/api/zones", zone, Map.class);
            assertThat(twice.getStatusCode()).as(same).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(messages(twice)).as(same).containsExactly("责任区编号 TZ-0001 已登记");
        }

        String csv = "编号,名称,类型,地址,负责单位,责任人\ntz-0001,甲面馆,门店,九亭大街 1 号,第一居委会,王一\n"
                + "ｔｚ－0002,乙店,门店,九亭大街 3 号,第一居委会,王二\n";
        ResponseEntity<Map> imported = upload("chuangban1", csv.getBytes(StandardCharsets.UTF_8), "zones.csv", new MediaType("text", "csv"));
        assertThat(imported.getStatusCode()).as("%s", imported.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(imported.getBody()).containsEntry("created", 1).containsEntry("skipped", 1);
        assertThat((List<Object>) imported.getBody().get("zoneNos")).containsExactly("TZ-0002");

        String twiceInOneFile = "编号,名称,类型,地址,负责单位,责任人\nTZ-0003,甲面馆,门店,九亭大街 1 号,第一居委会,王一\n"
                + "tz-0003,乙店,门店,九亭大街 3 号,第一居委会,王二\n";
        ResponseEntity<Map> duplicate = upload("chuangban1", twiceInOneFile.getBytes(StandardCharsets.UTF_8), "zones.csv",
                new MediaType("text", "csv"));
        assertThat(duplicate.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(messages(duplicate)).containsExactly("第 3 行：编号 tz-0003 与第 2 行重复");

        jdbc.update("update zone set zone_no = 'tz-0002' where zone_no = 'TZ-0002'"); // as typed, before normalising
        zone.put("zoneNo", "TZ-0002");
        assertThat(messages(rest.withBasicAuth("chuangban2", "demo").postForEntity("/api/zones", zone, Map.class)))
                .containsExactly("责任区编号 TZ-0002 已登记");

        Map<String, Object> group = Map.of("name", "沪亭北路自律小组", "scope", "沿街", "place", "沪亭北路", "leader", "周强",
                "foundedOn", "2026-03-01", "members", List.of(Map.of("zoneNo", "ｔｚ－０００１", "role", "组长"), Map.of("zoneNo", "TZ-0002")));
        ResponseEntity<Map> grouped = rest.withBasicAuth("chuangban1", "demo").postForEntity("/api/zones/self-groups", group, Map.class);
        assertThat(grouped.getStatusCode()).as("%s", grouped.getBody()).isEqualTo(HttpStatus.CREATED);
        assertThat(jdbc.queryForObject("select count(*) from zone where upper(zone_no) like 'TZ-%'", Long.class)).isEqualTo(2);
    }
}
