package org.shirong.zone;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
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
import org.springframework.util.LinkedMultiValueMap;

/**
 * Text typed into the zone API over HTTP: an inspection's note with a control character is refused naming {@code note}
 * with nothing saved (it would break the zone file's PDF at the hand-over), one of only zero-width characters counts as
 * no note; a search or notice selector with control characters is refused naming it, one of only invisible characters
 * is left out like an empty one. Holders' phone numbers are read in full by those who contact the holder only, also
 * through the enforcement hand-over case.
 */
@ShirongWebTest
@SharesSpringContext
@SuppressWarnings({"rawtypes", "unchecked"})
class ZoneTypedTextTest {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    ZoneRecords zones;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ZoneHandOvers handOvers;
    @Autowired
    org.camunda.bpm.engine.RuntimeService runtimeService;

    private TestRestTemplate as(String user) {
        return rest.withBasicAuth(user, "demo");
    }

    private long registerShop(String zoneNo, String holder) {
        Instant now = Instant.now();
        return zones.insert(new Zone(0, "jiuting", zoneNo, holder, ZoneType.SHOP, "九亭大街 401 号", "第一居委会", null,
                "九亭大街", RoadClass.MAIN_ROAD, new BigDecimal("31.131000"), new BigDecimal("121.322000"), "吴老板", "13900000001",
                "门前至人行道边缘", ZoneType.SHOP.defaultDuties(), "juwei01", Zone.Status.ACTIVE, null, null, 0, now, "chuangban1", now));
    }

    private ResponseEntity<Map> inspect(long zoneId, String note) {
        var body = new LinkedMultiValueMap<String, Object>();
        body.add("result", "OK");
        body.add("note", note);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return as("ducha2").postForEntity("/api/zones/" + zoneId + "/inspections", new HttpEntity<>(body, headers), Map.class);
    }

    private int saved(long zoneId) {
        return jdbc.queryForObject("select count(*) from zone_inspection where zone_id = ?", Integer.class, zoneId)
                + jdbc.queryForObject("select count(*) from zone_event where zone_id = ?", Integer.class, zoneId);
    }

    private static List<Map<String, Object>> errors(ResponseEntity<Map> response) {
        return (List<Map<String, Object>>) response.getBody().get("errors");
    }

    /**
     * secreview-s50 I8: a holder's phone number is personal data: the office, the inspectors, the enforcement unit and the
     * zone's owner unit read it (they contact the holder); other staff of the town get the zone, the holder's name and the
     * phone masked, in the list, the zone, its file and a training's attendees.
     */
    @Test
    void aHoldersPhoneIsReadByThoseWhoContactTheHolderAndMaskedForOtherStaff() {
        long zoneId = registerShop("JT-Z-TT05", "电话测试面馆");
        assertThat(as("chuangban1").postForEntity("/api/zones/trainings", Map.of("heldOn", "2026-05-12", "title", "门责培训（电话测试）",
                "location", "九亭镇社区文化活动中心", "trainer", "戴所长", "attendees", List.of(Map.of("category", "门店主",
                        "name", "电话测试店主", "organisation", "电话测试面馆", "zoneNo", "JT-Z-TT05", "phone", "13800005678"))), Map.class)
                .getStatusCode()).isEqualTo(HttpStatus.CREATED);

        for (String user : List.of("chuangban1", "ducha2", "chengguan1", "juwei01a", "admin")) {
            TestRestTemplate reader = "admin".equals(user) ? rest.withBasicAuth("admin", "admin") : as(user);
            assertThat(reader.getForObject("/api/zones/" + zoneId, Map.class)).as(user).containsEntry("phone", "13900000001");
            assertThat(trainingPhone(reader)).as(user).isEqualTo("13800005678");
        }
        for (String user : List.of("wuye01a", "juwei02a", "lvrong1")) {
            Map<String, Object> zone = as(user).getForObject("/api/zones/" + zoneId, Map.class);
            assertThat(zone).as(user).containsEntry("holderName", "电话测试面馆").containsEntry("person", "吴老板")
                    .containsEntry("phone", "139****0001");
            Map<String, Object> found = as(user).getForObject("/api/zones?q=JT-Z-TT05", Map.class);
            assertThat((List<Map<String, Object>>) found.get("zones")).as(user).singleElement()
                    .satisfies(z -> assertThat(z).containsEntry("phone", "139****0001"));
            Map<String, Object> file = as(user).getForObject("/api/zones/" + zoneId + "/file", Map.class);
            assertThat((Map<String, Object>) file.get("zone")).as(user).containsEntry("phone", "139****0001");
            assertThat(file.toString()).as(user).doesNotContain("13900000001");
            assertThat(trainingPhone(as(user))).as(user).isEqualTo("138****5678");
        }
    }

    /**
     * secreview-s57 S1: a 自律组织's leader is often a zone holder, and the list of groups showed the phone the zone pages
     * mask: the same rule, in full for the office, the inspectors and the enforcement unit, masked for other staff of the
     * town and for the overseeing district office.
     */
    @Test
    void aSelfGroupLeadersPhoneIsMaskedAsAHoldersIsForThoseWhoDoNotContactHolders() {
        assertThat(as("chuangban1").postForEntity("/api/zones/self-groups", Map.of("name", "电话测试自律小组", "scope", "沿街",
                "place", "九亭大街", "leader", "电话测试组长", "phone", "13800009911", "foundedOn", "2026-03-01", "members",
                List.of(Map.of("name", "流动摊主代表"))), Map.class).getStatusCode()).isEqualTo(HttpStatus.CREATED);

        for (String user : List.of("chuangban1", "ducha2", "chengguan1", "admin")) {
            TestRestTemplate reader = "admin".equals(user) ? rest.withBasicAuth("admin", "admin") : as(user);
            assertThat(leaderPhone(reader)).as(user).isEqualTo("13800009911");
        }
        for (String user : List.of("lvrong1", "juwei02a", "sjshirongban1")) {
            assertThat(leaderPhone(as(user))).as(user).isEqualTo("138****9911");
        }
    }

    private String leaderPhone(TestRestTemplate reader) {
        List<Map<String, Object>> groups = reader.getForObject("/api/zones/self-groups?organization=jiuting", List.class);
        return groups.stream().filter(g -> "电话测试自律小组".equals(g.get("name"))).findFirst().map(g -> (String) g.get("phone"))
                .orElseThrow();
    }

    /**
     * The enforcement hand-over case is read by more than those who contact the holder (the leading group, a cooperating
     * unit): the holder's phone is in neither its text nor its variables, and its 责任区 block and zone file show it as the
     * zone's pages do, in full to the enforcement unit, the office and the inspectors, masked to the case's other readers.
     */
    @Test
    void theHandOverCaseCarriesNoPhoneAndItsZoneBlockAndFileShowItAsTheZonePagesDo() throws Exception {
        long zoneId = registerShop("JT-Z-TT06", "移交电话测试面馆");
        var body = new LinkedMultiValueMap<String, Object>();
        body.add("result", "BREACH");
        body.add("items", "PILING");
        body.add("note", "门前堆放纸箱");
        body.add("photo", new org.springframework.core.io.ByteArrayResource(png()) {
            @Override
            public String getFilename() {
                return "found.png";
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        ResponseEntity<Map> recorded = as("ducha2").postForEntity("/api/zones/" + zoneId + "/inspections", new HttpEntity<>(body, headers),
                Map.class);
        assertThat(recorded.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String caseNo = handOvers.handOver(((Number) recorded.getBody().get("breachId")).longValue());
        // a unit told to cooperate on the case (协办) reads it, as the 属地 town does a district's
        jdbc.update("insert into rect_case_party (case_no, unit_id, role, reason, tenant_id, assigned_at) values (?, ?, ?, ?, ?, ?)",
                caseNo, "wuye01", "COOPERATE", "RESPONSIBLE", "jiuting", java.sql.Timestamp.from(Instant.now()));

        String pi = jdbc.queryForObject("select process_instance_id from rect_case where case_no = ?", String.class, caseNo);
        assertThat(jdbc.queryForObject("select description from rect_case where case_no = ?", String.class, caseNo))
                .contains("吴老板").doesNotContain("13900000001");
        assertThat(runtimeService.getVariables(pi).toString()).doesNotContain("13900000001");

        for (String user : List.of("chengguan1", "chuangban1", "ducha2")) {
            Map<String, Object> zone = as(user).getForObject("/api/cases/" + caseNo + "/zone", Map.class);
            assertThat(zone).as(user).containsEntry("zoneNo", "JT-Z-TT06").containsEntry("person", "吴老板")
                    .containsEntry("phone", "13900000001");
            assertThat(pdfText(as(user), caseNo)).as(user).contains("13900000001");
        }
        for (String user : List.of("lingdao2", "wuye01a")) {
            ResponseEntity<Map> c = as(user).getForEntity("/api/cases/" + caseNo, Map.class);
            assertThat(c.getStatusCode()).as(user).isEqualTo(HttpStatus.OK);
            assertThat(c.getBody().toString()).as(user).contains("移交电话测试面馆").doesNotContain("13900000001");
            Map<String, Object> zone = as(user).getForObject("/api/cases/" + caseNo + "/zone", Map.class);
            assertThat(zone).as(user).containsEntry("holderName", "移交电话测试面馆").containsEntry("phone", "139****0001");
            String pdf = pdfText(as(user), caseNo);
            assertThat(pdf).as(user).contains("移交电话测试面馆", "139****0001").doesNotContain("13900000001");
        }
        assertThat(as("jxchuangjian1").getForEntity("/api/cases/" + caseNo + "/zone", Map.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    private static String pdfText(TestRestTemplate reader, String caseNo) throws java.io.IOException {
        ResponseEntity<byte[]> file = reader.getForEntity("/api/cases/" + caseNo + "/zone-file.pdf", byte[].class);
        assertThat(file.getStatusCode()).isEqualTo(HttpStatus.OK);
        try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(file.getBody())) {
            return new org.apache.pdfbox.text.PDFTextStripper().getText(document);
        }
    }

    private static byte[] png() throws java.io.IOException {
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(16, 12, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private static String trainingPhone(TestRestTemplate reader) {
        List<Map<String, Object>> sessions = reader.getForObject("/api/zones/trainings?year=2026&organization=jiuting", List.class);
        return sessions.stream().flatMap(s -> ((List<Map<String, Object>>) s.get("attendees")).stream())
                .filter(a -> "电话测试店主".equals(a.get("name"))).map(a -> (String) a.get("phone")).findFirst().orElseThrow();
    }

    @Test
    void aNoteWithAControlCharacterIsRefusedNamingTheNoteAndNothingIsSaved() {
        long zoneId = registerShop("JT-Z-TT01", "演示说明面馆");
        int before = saved(zoneId);
        for (String note : List.of("门前\u0001堆物", "\u0000", "门前整洁\u007f")) {
            ResponseEntity<Map> refused = inspect(zoneId, note);
            assertThat(refused.getStatusCode()).as(note).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(errors(refused)).as(note).singleElement().satisfies(e -> {
                assertThat(e).containsEntry("field", "note").containsEntry("code", "INVALID_TEXT");
                assertThat((String) e.get("message")).startsWith("检查说明含有不可见的控制字符");
            });
        }
        assertThat(saved(zoneId)).isEqualTo(before);

        ResponseEntity<Map> lines = inspect(zoneId, "门前整洁\n招牌完好");
        assertThat(lines.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(jdbc.queryForObject("select note from zone_inspection where zone_id = ?", String.class, zoneId))
                .isEqualTo("门前整洁\n招牌完好");
    }

    @Test
    void aNoteOfOnlyZeroWidthCharactersCountsAsNoNote() {
        long zoneId = registerShop("JT-Z-TT02", "演示空白说明烟杂");
        ResponseEntity<Map> recorded = inspect(zoneId, "\u200b\u2060\ufeff");
        assertThat(recorded.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(jdbc.queryForObject("select note from zone_inspection where zone_id = ?", String.class, zoneId)).isNull();
        assertThat(jdbc.queryForObject("select detail from zone_event where zone_id = ? and kind = 'INSPECTED_OK'", String.class,
                zoneId)).isEqualTo("检查合格，已履责");
    }

    @Test
    void aSearchWithControlCharactersIsRefusedNamingTheFilterAndOneOfInvisibleCharactersIsLeftOut() {
        registerShop("JT-Z-TT03", "演示搜索水果店");
        for (String[] bad : new String[][] {{"q=%01", "q"}, {"q=%E4%B9%9D%00", "q"}, {"community=%0A", "community"},
                {"ownerGroup=%1F", "ownerGroup"}, {"type=%01", "type"}}) {
            ResponseEntity<Map> refused = as("chuangban1").getForEntity(URI.create("/api/zones?" + bad[0]), Map.class);
            assertThat(refused.getStatusCode()).as(bad[0]).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(errors(refused)).as(bad[0]).singleElement().satisfies(e -> {
                assertThat(e).containsEntry("field", bad[1]);
                assertThat((String) e.get("message")).contains("参数 " + bad[1]);
            });
        }
        assertThat(as("chuangban1").getForEntity(URI.create("/api/zones/map?q=%01"), Map.class).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);

        Object all = as("chuangban1").getForEntity("/api/zones?size=200", Map.class).getBody().get("total");
        ResponseEntity<Map> invisible = as("chuangban1").getForEntity(URI.create("/api/zones?size=200&q=%E2%80%8B%E2%81%A0"), Map.class);
        assertThat(invisible.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(invisible.getBody().get("total")).isEqualTo(all);
        assertThat(as("chuangban1").getForEntity(URI.create("/api/zones?q=%E6%BC%94%E7%A4%BA%E6%90%9C%E7%B4%A2"), Map.class)
                .getBody().get("total")).isEqualTo(1);
    }

    /**
     * A search matches a number however {@code q} is typed (full-width ＪＴ or lower case, as numbers are compared), and a
     * number stored full-width as typed before numbers were normalised is found by its normal form, in a search and by
     * number; a holder's name is matched as typed.
     */
    @Test
    void aNumberIsFoundWhateverTheWidthOrCaseOfTheSearchOrOfTheStoredNumber() {
        registerShop("JT-W-0001", "演示半角编号粮油店");
        registerShop("ＪＴ－Ｗ－０００２", "演示全角编号粮油店"); // as an old row holds it
        for (String q : List.of("JT-W-000", "ｊｔ－ｗ－０００", "Jt-w")) {
            List<Map<String, Object>> found = (List<Map<String, Object>>) as("chuangban1")
                    .getForObject("/api/zones?size=200&q={q}", Map.class, q).get("zones");
            assertThat(found).as(q).extracting(z -> z.get("holderName"))
                    .containsExactlyInAnyOrder("演示半角编号粮油店", "演示全角编号粮油店");
        }
        assertThat(zones.findByNo("jiuting", "jt-w-0002")).map(Zone::holderName).contains("演示全角编号粮油店");
        assertThat(zones.existingNos("jiuting", List.of("JT-W-0002"))).containsExactly("JT-W-0002");
        assertThat((List<Map<String, Object>>) as("chuangban1").getForObject("/api/zones?size=200&q={q}", Map.class, "全角编号粮油")
                .get("zones")).extracting(z -> z.get("holderName")).containsExactly("演示全角编号粮油店");
    }

    @Test
    void noticesForAnOwnerGroupWithAControlCharacterAreRefusedAndNoneIssued() {
        long zoneId = registerShop("JT-Z-TT04", "演示告知书花店");
        HttpHeaders json = new HttpHeaders();
        json.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<Map> refused = as("chuangban1").postForEntity("/api/zones/notices",
                new HttpEntity<>("{\"edition\":2026,\"ownerGroup\":\"\\u0001\"}", json), Map.class);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(errors(refused)).extracting(e -> e.get("field")).containsExactly("ownerGroup");
        assertThat(jdbc.queryForObject("select count(*) from zone_notice where zone_id = ?", Integer.class, zoneId)).isZero();
    }
}
