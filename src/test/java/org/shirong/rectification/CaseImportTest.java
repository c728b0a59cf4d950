package org.shirong.rectification;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
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

/** {@code POST /api/cases/import}: all rows checked first, nothing created on any bad row, re-import skips what exists. */
@ShirongWebTest
class CaseImportTest {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcTemplate jdbc;

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
        var body = new LinkedMultiValueMap<String, Object>();
        body.add("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return "survey.csv";
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return rest.withBasicAuth("chuangban1", "demo").postForEntity("/api/cases/import", new HttpEntity<>(body, headers), Map.class);
    }

    private long cases() {
        return jdbc.queryForObject("select count(*) from rect_case", Long.class);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> errors(ResponseEntity<Map> response) {
        return (List<Map<String, Object>>) response.getBody().get("errors");
    }

    @Test
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
        assertThat(jdbc.queryForObject("select source from rect_case where external_ref = 'CY2024-001'", String.class)).isEqualTo("SURVEY");
        assertThat(jdbc.queryForObject("select category from rect_case where external_ref = 'CY2024-001'", String.class))
                .isEqualTo("SURVEY_RESIDENTIAL_AREAS");
        assertThat(jdbc.queryForObject("select urgency from rect_case where external_ref = 'CY2024-002'", String.class)).isEqualTo("URGENT");
        assertThat(jdbc.queryForObject("select lead_unit from rect_case where external_ref = 'CY2024-003'", String.class)).isEqualTo("huanwei");

        ResponseEntity<Map> again = upload(csv, true);
        assertThat(again.getBody()).containsEntry("created", 0).containsEntry("skipped", 3);
        assertThat(cases()).isEqualTo(before + 3);
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
    void aMissingColumnOrAFileThatIsNotUtf8IsRefused() {
        ResponseEntity<Map> missing = upload("externalRef,category,title\nX-1,EXPOSED_GARBAGE,垃圾\n", false);
        assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(errors(missing)).extracting(e -> e.get("column")).contains("location", "description", "urgency");

        var body = new LinkedMultiValueMap<String, Object>();
        body.add("file", new ByteArrayResource("外部编号,问题类别,标题,地点,描述,紧急程度\nG-1,暴露垃圾,垃圾,九亭,,一般\n"
                .getBytes(java.nio.charset.Charset.forName("GBK"))) {
            @Override
            public String getFilename() {
                return "gbk.csv";
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        ResponseEntity<Map> gbk = rest.withBasicAuth("chuangban1", "demo").postForEntity("/api/cases/import", new HttpEntity<>(body, headers), Map.class);
        assertThat(gbk.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(errors(gbk)).extracting(e -> e.get("code")).containsExactly("NOT_UTF8");
    }
}
