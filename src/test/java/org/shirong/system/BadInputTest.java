package org.shirong.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;

/**
 * Bad input through the real entry points ({@code /api} over HTTP, task forms through {@code /engine-rest}): every
 * one answers 4xx naming the field (or row) and the limit, in Chinese, and saves nothing.
 */
@ShirongWebTest
@SharesSpringContext
class BadInputTest {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TaskService taskService;
    @LocalServerPort
    int port;

    static HttpEntity<String> json(String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }

    TestRestTemplate as(String user) {
        return rest.withBasicAuth(user, "demo");
    }

    long count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }

    /** A case body whose title is given as JSON text (so that escapes like \u0000 reach the server as such). */
    static String caseWithTitle(String titleJson, String descriptionJson) {
        return """
                {"title":%s,"category":"EXPOSED_GARBAGE","source":"PATROL",
                 "location":{"address":"九亭大街 1 号"},"description":%s}""".formatted(titleJson, descriptionJson);
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> errors(ResponseEntity<Map> response) {
        return (List<Map<String, Object>>) response.getBody().get("errors");
    }

    @Test
    void controlCharactersAndInvisibleTitlesAreRefusedNamingTheField() {
        long cases = count("rect_case");
        ResponseEntity<Map> nul = as("lvrong1").postForEntity("/api/cases", json(caseWithTitle("\"垃圾\\u0000堆放\"", "null")), Map.class);
        assertThat(nul.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(errors(nul)).singleElement().satisfies(e -> {
            assertThat(e).containsEntry("field", "title").containsEntry("code", "INVALID_CHARACTER");
            assertThat((String) e.get("message")).contains("问题标题", "U+0000", "第 3 个字");
        });

        ResponseEntity<Map> tab = as("lvrong1").postForEntity("/api/cases", json(caseWithTitle("\"垃圾\\t堆放\"", "null")), Map.class);
        assertThat(errors(tab)).extracting(e -> e.get("field") + ":" + e.get("code")).containsExactly("title:INVALID_CHARACTER");

        ResponseEntity<Map> zeroWidth = as("lvrong1").postForEntity("/api/cases",
                json(caseWithTitle("\"\\u200B\\u200C\\u200D\\u2060\\uFEFF \\u3000\"", "\"描述\\u0007\"")), Map.class);
        assertThat(zeroWidth.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(errors(zeroWidth)).extracting(e -> e.get("field") + ":" + e.get("code"))
                .containsExactlyInAnyOrder("title:REQUIRED", "description:INVALID_CHARACTER");
        assertThat(count("rect_case")).isEqualTo(cases);

        ResponseEntity<Map> multiLine = as("lvrong1").postForEntity("/api/cases",
                json(caseWithTitle("\"垃圾堆放\"", "\"第一行\\n第二行\\t有表格\"")), Map.class);
        assertThat(multiLine.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }

    /**
     * relreview-s58 L7: the line and paragraph separators U+2028/U+2029 in a one-line field, a title of combining marks
     * or private-use characters only, and half a coordinate were taken (201); each is a 400 naming the field.
     */
    @Test
    void lineSeparatorsMarksOnlyTitlesAndHalfACoordinateAreRefusedNamingTheField() {
        long cases = count("rect_case");
        for (String separator : List.of("\\u2028", "\\u2029")) {
            ResponseEntity<Map> split = as("lvrong1").postForEntity("/api/cases",
                    json(caseWithTitle("\"垃圾" + separator + "堆放\"", "\"第一行" + separator + "第二行\"")), Map.class);
            assertThat(split.getStatusCode()).as(separator).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(errors(split)).as("the multi-line description may hold it").singleElement().satisfies(e -> {
                assertThat(e).containsEntry("field", "title").containsEntry("code", "INVALID_CHARACTER");
                assertThat((String) e.get("message")).contains("问题标题只能填写一行", "第 3 个字");
            });
        }
        for (String invisible : List.of("\\u0301\\u0301", "\\uE000\\uE001", " \\u20DD\\uF8FF ")) {
            ResponseEntity<Map> shown = as("lvrong1").postForEntity("/api/cases", json(caseWithTitle("\"" + invisible + "\"", "null")),
                    Map.class);
            assertThat(shown.getStatusCode()).as(invisible).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(errors(shown)).as(invisible).extracting(e -> e.get("field") + ":" + e.get("code")).containsExactly("title:REQUIRED");
        }
        for (String half : List.of("\"lng\":121.3", "\"lat\":31.1")) {
            ResponseEntity<Map> point = as("lvrong1").postForEntity("/api/cases", json("""
                    {"title":"垃圾堆放","category":"EXPOSED_GARBAGE","source":"PATROL",
                     "location":{"address":"九亭大街 1 号",%s}}""".formatted(half)), Map.class);
            assertThat(point.getStatusCode()).as(half).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(errors(point)).as(half).singleElement().satisfies(e -> {
                assertThat(e).containsEntry("field", half.contains("lng") ? "location.lat" : "location.lng")
                        .containsEntry("code", "REQUIRED");
                assertThat((String) e.get("message")).startsWith("经纬度须同时填写");
            });
        }
        assertThat(count("rect_case")).isEqualTo(cases);

        ResponseEntity<Map> accented = as("lvrong1").postForEntity("/api/cases", json("""
                {"title":"Cafe\u0301 门前垃圾","category":"EXPOSED_GARBAGE","source":"PATROL",
                 "location":{"address":"九亭大街 1 号","lat":31.1,"lng":121.3}}"""), Map.class);
        assertThat(accented.getStatusCode()).as("a mark on a letter, both coordinates").isEqualTo(HttpStatus.CREATED);
    }

    private ResponseEntity<Map> upload(byte[] content) {
        var body = new LinkedMultiValueMap<String, Object>();
        body.add("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return "import.csv";
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return as("chuangban1").postForEntity("/api/cases/import", new HttpEntity<>(body, headers), Map.class);
    }

    private static final String HEADER = "外部编号,问题类别,标题,地点,描述,紧急程度\n";

    @Test
    void anUnclosedQuoteInAnImportIsRefusedNamingItsRowAndNothingIsImported() {
        long cases = count("rect_case");
        ResponseEntity<Map> response = upload((HEADER
                + "BAD-Q-1,暴露垃圾,垃圾堆放,九亭大街 1 号,路口,一般\n"
                + "BAD-Q-2,暴露垃圾,\"垃圾堆放,九亭大街 2 号,路口,一般\n"
                + "BAD-Q-3,暴露垃圾,垃圾堆放,九亭大街 3 号,路口,一般\n").getBytes(StandardCharsets.UTF_8));
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(errors(response)).singleElement().satisfies(e -> {
            assertThat(e).containsEntry("row", 3).containsEntry("code", "UNREADABLE_CSV");
            assertThat((String) e.get("message")).startsWith("第 3 行").contains("引号");
        });
        assertThat(count("rect_case")).isEqualTo(cases);
    }

    @Test
    void importRowsWithControlOrInvisibleCharactersAreNamedByRowAndColumn() {
        long cases = count("rect_case");
        ResponseEntity<Map> response = upload((HEADER
                + "BAD-C-1,暴露垃圾,垃圾\u0000堆放,九亭大街 1 号,路口,一般\n"
                + "BAD-C-2,暴露垃圾,\u200B\u2060,九亭大街 2 号,路口,一般\n").getBytes(StandardCharsets.UTF_8));
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(errors(response)).extracting(e -> e.get("row") + ":" + e.get("column") + ":" + e.get("code"))
                .containsExactly("2:title:INVALID_CHARACTER", "3:title:REQUIRED");
        assertThat(count("rect_case")).isEqualTo(cases);
    }

    @Test
    void anImportOverTheRowLimitIsRefusedNamingTheLimit() {
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 1; i <= 10_001; i++) {
            csv.append("ROWS-").append(i).append(",暴露垃圾,垃圾堆放,九亭大街 ").append(i).append(" 号,路口,一般\n");
        }
        long cases = count("rect_case");
        ResponseEntity<Map> response = upload(csv.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(errors(response)).singleElement().satisfies(e -> {
            assertThat(e).containsEntry("field", "file").containsEntry("code", "TOO_MANY_ROWS");
            assertThat((String) e.get("message")).contains("10000 行");
        });
        assertThat(count("rect_case")).isEqualTo(cases);
    }

    @Test
    void anImportOverTheFileLimitIsRefusedWith413NamingTheLimit() {
        byte[] eleven = new byte[11 * 1024 * 1024];
        java.util.Arrays.fill(eleven, (byte) 'a');
        // Several times: the sender is still writing when the refusal is ready, and the answer must still reach it
        // (Tomcat used to close the connection mid-upload, and now and then the client saw only an I/O error).
        for (int attempt = 0; attempt < 4; attempt++) {
            ResponseEntity<Map> response = upload(eleven);
            assertThat(response.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
            assertThat(errors(response)).singleElement().satisfies(e -> {
                assertThat(e).containsEntry("field", "file").containsEntry("code", "FILE_TOO_LARGE");
                assertThat((String) e.get("message")).contains("文件超过 10 MB 上限");
            });
        }
    }

    /**
     * A workbook of well under 1 MB whose one shared string unpacks to 60 MB: refused naming the limit before it is read,
     * by the case and the zone import alike (the same file, its string 300 MB, ran a 512 MB server out of heap, and its
     * connector stopped answering anyone).
     */
    @Test
    void aWorkbookThatUnpacksPastTheLimitIsRefusedNamingTheLimitAndNothingIsImported() throws java.io.IOException {
        byte[] bomb = workbookWithOneStringOf(60 * 1024 * 1024);
        assertThat(bomb.length).isLessThan(1024 * 1024);
        long cases = count("rect_case");
        long zones = count("zone");
        ResponseEntity<Map> asCases = upload(bomb);
        var body = new LinkedMultiValueMap<String, Object>();
        body.add("file", new ByteArrayResource(bomb) {
            @Override
            public String getFilename() {
                return "zones.xlsx";
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        ResponseEntity<Map> asZones = as("chuangban1").postForEntity("/api/zones/import", new HttpEntity<>(body, headers), Map.class);
        for (ResponseEntity<Map> response : List.of(asCases, asZones)) {
            assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(errors(response)).singleElement().satisfies(e -> {
                assertThat(e).containsEntry("field", "file").containsEntry("code", "XLSX_TOO_LARGE_UNPACKED");
                assertThat((String) e.get("message")).contains("解压后超过 50 MB");
            });
        }
        assertThat(count("rect_case")).isEqualTo(cases);
        assertThat(count("zone")).isEqualTo(zones);
    }

    /** A workbook whose first sheet has the case import's header and one row, its title a shared string of {@code length} characters. */
    private static byte[] workbookWithOneStringOf(int length) throws java.io.IOException {
        var bytes = new java.io.ByteArrayOutputStream();
        try (var zip = new java.util.zip.ZipOutputStream(bytes)) {
            String main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
            String relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
            java.util.function.BiConsumer<String, String> part = (name, xml) -> {
                try {
                    zip.putNextEntry(new java.util.zip.ZipEntry(name));
                    zip.write(xml.getBytes(StandardCharsets.UTF_8));
                    zip.closeEntry();
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            };
            part.accept("[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                    + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                    + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                    + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                    + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
                    + "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/></Types>");
            part.accept("_rels/.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + "<Relationship Id=\"rId1\" Type=\"" + relationships + "/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
            part.accept("xl/workbook.xml", "<workbook xmlns=\"" + main + "\" xmlns:r=\"" + relationships + "\"><sheets>"
                    + "<sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
            part.accept("xl/_rels/workbook.xml.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + "<Relationship Id=\"rId1\" Type=\"" + relationships + "/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
                    + "<Relationship Id=\"rId2\" Type=\"" + relationships + "/sharedStrings\" Target=\"sharedStrings.xml\"/></Relationships>");
            String[] header = HEADER.strip().split(",");
            StringBuilder rows = new StringBuilder("<row r=\"1\">");
            for (int c = 0; c < header.length; c++) {
                rows.append("<c r=\"").append((char) ('A' + c)).append("1\" t=\"s\"><v>").append(c).append("</v></c>");
            }
            rows.append("</row><row r=\"2\"><c r=\"C2\" t=\"s\"><v>").append(header.length).append("</v></c></row>");
            part.accept("xl/worksheets/sheet1.xml", "<worksheet xmlns=\"" + main + "\"><sheetData>" + rows + "</sheetData></worksheet>");
            zip.putNextEntry(new java.util.zip.ZipEntry("xl/sharedStrings.xml"));
            StringBuilder strings = new StringBuilder("<sst xmlns=\"" + main + "\">");
            for (String h : header) {
                strings.append("<si><t>").append(h).append("</t></si>");
            }
            zip.write(strings.append("<si><t>").toString().getBytes(StandardCharsets.UTF_8));
            byte[] megabyte = new byte[1024 * 1024];
            java.util.Arrays.fill(megabyte, (byte) 'A');
            for (int written = 0; written < length; written += megabyte.length) {
                zip.write(megabyte, 0, Math.min(megabyte.length, length - written));
            }
            zip.write("</t></si></sst>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    @Test
    void anUploadOverTheRequestLimitIsRefusedWith413NamingTheLimit() {
        byte[] nineMegabytes = new byte[9 * 1024 * 1024];
        java.util.Arrays.fill(nineMegabytes, (byte) 'a');
        var body = new LinkedMultiValueMap<String, Object>();
        // three files under the 10 MB file limit, 27 MB together: over the 25 MB multipart request limit
        for (int i = 0; i < 3; i++) {
            body.add("file" + i, new ByteArrayResource(nineMegabytes) {
                @Override
                public String getFilename() {
                    return "part.csv";
                }
            });
        }
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        ResponseEntity<Map> response = as("chuangban1").postForEntity("/api/cases/import", new HttpEntity<>(body, headers), Map.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
        assertThat(errors(response)).singleElement().satisfies(e -> {
            assertThat(e).containsEntry("code", "REQUEST_TOO_LARGE");
            assertThat((String) e.get("message")).contains("上传内容超过 25 MB 上限");
        });
    }

    @Test
    void aBrokenMultipartBodyIsRefusedWith400() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType("multipart/form-data; boundary=XYZ"));
        ResponseEntity<Map> response = as("chuangban1").postForEntity("/api/cases/import",
                new HttpEntity<>("--XYZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n\r\nabc", headers),
                Map.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(errors(response)).extracting(e -> e.get("code")).containsExactly("MALFORMED_MULTIPART");
    }

    @Test
    void campaignDatesOutsideTheWindowAreRefusedNamingTheField() {
        long campaigns = count("campaign");
        ResponseEntity<Map> farFuture = as("chuangban1").postForEntity("/api/campaigns", json("""
                {"template":"jiuting-2023-standard-town","code":"JT-99999","name":"九亭镇","dates":{"start":"+99999-03-01"}}"""), Map.class);
        assertThat(farFuture.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(errors(farFuture)).singleElement().satisfies(e -> {
            assertThat(e).containsEntry("field", "dates.start").containsEntry("code", "DATE_OUT_OF_RANGE");
            assertThat((String) e.get("message")).contains("开始日期", "超出可填写的范围", "2000-01-01");
        });

        ResponseEntity<Map> fiveDigits = as("chuangban1").postForEntity("/api/campaigns", json("""
                {"template":"jiuting-2023-standard-town","code":"JT-99999","name":"九亭镇","dates":{"start":"99999-03-01"}}"""), Map.class);
        assertThat(fiveDigits.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(errors(fiveDigits)).extracting(e -> e.get("field") + ":" + e.get("code")).containsExactly("dates.start:MALFORMED_JSON");

        ResponseEntity<Map> phase = as("jxtuijinban1").postForEntity("/api/campaigns", json("""
                {"template":"jinxi-2017-931","code":"JX-2999","name":"锦溪","dates":{"phases":[{"from":"2026-12-01","to":"2027-01-31"},
                 {"to":"2999-03-31"},{}]}}"""), Map.class);
        assertThat(errors(phase)).extracting(e -> e.get("field") + ":" + e.get("code"))
                .containsExactly("dates.phases[1].to:DATE_OUT_OF_RANGE");

        ResponseEntity<Map> name = as("chuangban1").postForEntity("/api/campaigns", json("""
                {"template":"jiuting-2023-standard-town","code":"JT-NAME","name":"\\u200B\\u200B"}"""), Map.class);
        assertThat(errors(name)).extracting(e -> e.get("field") + ":" + e.get("code")).containsExactly("name:REQUIRED");
        assertThat(count("campaign")).isEqualTo(campaigns);
    }

    /**
     * A field the endpoint does not read is refused by name, not dropped: {@code units} and {@code due-after-phase-start}
     * are the template's, so a campaign started with them would run without them; a zone's {@code polygon} is not kept.
     */
    @Test
    void aFieldTheApiDoesNotReadIsRefusedByNameAndNothingIsSaved() {
        long campaigns = count("campaign");
        ResponseEntity<Map> units = as("chuangban1").postForEntity("/api/campaigns", json("""
                {"template":"jiuting-2023-standard-town","code":"JT-UNITS","name":"九亭镇","units":["jxshuili"]}"""), Map.class);
        assertThat(units.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(errors(units)).singleElement().satisfies(e -> {
            assertThat(e).containsEntry("field", "units").containsEntry("code", "UNKNOWN_FIELD");
            assertThat((String) e.get("message")).contains("不认识的字段 units", "code、dates、name、template");
        });
        ResponseEntity<Map> due = as("chuangban1").postForEntity("/api/campaigns", json("""
                {"template":"jiuting-2023-standard-town","code":"JT-DUE","name":"九亭镇",
                 "dates":{"start":"2027-03-01","due-after-phase-start":"P-1D"}}"""), Map.class);
        assertThat(errors(due)).extracting(e -> e.get("field") + ":" + e.get("code"))
                .containsExactly("dates.due-after-phase-start:UNKNOWN_FIELD");
        assertThat(count("campaign")).isEqualTo(campaigns);

        long zones = count("zone");
        ResponseEntity<Map> polygon = as("chuangban1").postForEntity("/api/zones", json("""
                {"zoneNo":"JT-POLY","holderName":"面馆","holderType":"门店","address":"九亭大街 1 号","person":"王",
                 "ownerGroup":"第一居委会","polygon":[[121.3,31.1],[121.4,31.2],[121.3,31.2]]}"""), Map.class);
        assertThat(errors(polygon)).extracting(e -> e.get("field") + ":" + e.get("code")).containsExactly("polygon:UNKNOWN_FIELD");
        assertThat(count("zone")).isEqualTo(zones);
    }

    /**
     * Camunda answers these in English (a query past the results limit) or as a server fault (a condition evaluated when no
     * process starts on one: 500 ENGINE-13043; job retries set for no jobs or instances: 500 ENGINE-13050, -13051); all are the caller's doing
     * and are told so in Chinese as 400.
     */
    @Test
    void aQueryPastTheResultsLimitAndAConditionNoProcessStartsOnAreToldWhyInChinese() {
        ResponseEntity<Map> tooMany = as("chuangban1").getForEntity("/engine-rest/task?firstResult=0&maxResults=5000", Map.class);
        assertThat(tooMany.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) tooMany.getBody().get("message")).startsWith("一次最多查询 2000 条").contains("maxResults 不超过 2000");
        ResponseEntity<Map> unbound = as("chuangban1").getForEntity("/engine-rest/task", Map.class);
        assertThat(unbound.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) unbound.getBody().get("message")).startsWith("一次最多查询 2000 条");

        ResponseEntity<Map> condition = as("chuangban1").postForEntity("/engine-rest/condition",
                json("{\"variables\":{\"temperature\":{\"value\":30,\"type\":\"Integer\"}}}"), Map.class);
        assertThat(condition.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) condition.getBody().get("message")).startsWith("没有由条件启动的流程可以评估");

        // Any logged-in user could fill the log with a stack trace a call (WARN ENGINE-REST-HTTP500, ENGINE-13050).
        ResponseEntity<Map> noJobs = as("jxwushui1").postForEntity("/engine-rest/job/retries", json("{\"retries\":1}"), Map.class);
        assertThat(noJobs.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) noJobs.getBody().get("message")).startsWith("请指定要设置重试次数的作业");
        ResponseEntity<Map> noInstances = as("jxwushui1").postForEntity("/engine-rest/process-instance/job-retries",
                json("{\"retries\":1}"), Map.class);
        assertThat(noInstances.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) noInstances.getBody().get("message")).startsWith("请指定要设置作业重试次数的流程实例");
    }

    /**
     * Cockpit's version switcher lists a definition's versions by key without a page; the results limit refused it (400)
     * and no second version could be chosen. Only a query for one exact key goes through; other unpaged ones (a key pattern,
     * every definition, the filters) are still refused.
     */
    @Test
    void cockpitListsADefinitionsVersionsWithoutAPageWhileOtherUnpagedQueriesAreStillRefused() {
        WebappSession cockpit = WebappSession.login(port, "chuangban1", "demo");
        var versions = cockpit.get("/process-definition?key=RectificationProcess&sortBy=version&sortOrder=desc&tenantIdIn=jiuting");
        assertThat(versions.statusCode()).as(versions.body()).isEqualTo(200);
        assertThat(versions.body()).startsWith("[{").contains("\"key\":\"RectificationProcess\"").doesNotContain("\"key\":\"Campaign");
        var all = cockpit.get("/process-definition?sortBy=version&sortOrder=desc");
        assertThat(all.statusCode()).isEqualTo(400);
        assertThat(all.body()).contains("一次最多查询 2000 条");
        assertThat(cockpit.get("/process-definition?keyLike=Rectification%25").statusCode()).isEqualTo(400);
        // Tasklist pages its filters itself: an unpaged filter list stays refused.
        assertThat(cockpit.get("/filter?resourceType=Task").statusCode()).isEqualTo(400);
        assertThat(cockpit.get("/filter?resourceType=Task&firstResult=0&maxResults=200").statusCode()).isEqualTo(200);
    }

    private Task rectifyTask() {
        String caseNo = (String) as("lvrong1").postForEntity("/api/cases", json(caseWithTitle("\"沪亭北路垃圾\"", "null")), Map.class)
                .getBody().get("caseNo");
        Task claim = taskService.createTaskQuery().processInstanceBusinessKey(caseNo).singleResult();
        assertThat(as("huanwei1").postForEntity("/engine-rest/task/" + claim.getId() + "/complete",
                json("{\"variables\":{\"claimDecision\":{\"value\":\"claim\"}}}"), String.class).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        return taskService.createTaskQuery().processInstanceBusinessKey(caseNo).singleResult();
    }

    @Test
    void aPhotoOverTheLimitAndAnExtensionDueInAnotherCenturyAreRefusedOnTheForm() {
        Task rectify = rectifyTask();
        long photos = count("rect_case_photo");
        byte[] large = new byte[5_000_001];
        large[0] = (byte) 0xFF;
        large[1] = (byte) 0xD8;
        large[2] = (byte) 0xFF;
        ResponseEntity<String> tooLarge = as("huanwei1").postForEntity("/engine-rest/task/" + rectify.getId() + "/complete", json(
                "{\"variables\":{\"rectifyAction\":{\"value\":\"submit\"},\"measures\":{\"value\":\"已清理\"},"
                        + "\"photoAfter\":{\"type\":\"File\",\"value\":\"" + Base64.getEncoder().encodeToString(large)
                        + "\",\"valueInfo\":{\"filename\":\"after.jpg\",\"mimetype\":\"image/jpeg\"}}}}"), String.class);
        assertThat(tooLarge.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(tooLarge.getBody()).contains("整改后照片过大", "5 MB");
        assertThat(count("rect_case_photo")).isEqualTo(photos);

        byte[] huge = java.util.Arrays.copyOf(large, 16_000_000);
        ResponseEntity<String> farTooLarge = as("huanwei1").postForEntity("/engine-rest/task/" + rectify.getId() + "/submit-form", json(
                "{\"variables\":{\"rectifyAction\":{\"value\":\"submit\"},\"measures\":{\"value\":\"已清理\"},"
                        + "\"photoAfter\":{\"type\":\"File\",\"value\":\"" + Base64.getEncoder().encodeToString(huge)
                        + "\",\"valueInfo\":{\"filename\":\"after.jpg\",\"mimetype\":\"image/jpeg\"}}}}"), String.class);
        assertThat(farTooLarge.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
        assertThat(farTooLarge.getBody()).contains("FORM_TOO_LARGE", "超过 15 MB 上限", "每张照片不能超过 5 MB");
        assertThat(count("rect_case_photo")).isEqualTo(photos);

        ResponseEntity<String> farDue = as("huanwei1").postForEntity("/engine-rest/task/" + rectify.getId() + "/complete", json(
                "{\"variables\":{\"rectifyAction\":{\"value\":\"extension\"},\"extensionReason\":{\"value\":\"雨天\"},"
                        + "\"extensionDue\":{\"value\":\"2999-01-01T00:00:00.000+0800\",\"type\":\"Date\"}}}"), String.class);
        assertThat(farDue.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(farDue.getBody()).contains("延期后的期限", "2999-01-01", "超出可填写的范围");

        ResponseEntity<String> nulMeasures = as("huanwei1").postForEntity("/engine-rest/task/" + rectify.getId() + "/complete", json(
                "{\"variables\":{\"rectifyAction\":{\"value\":\"submit\"},\"measures\":{\"value\":\"已\\u0000清理\"}}}"), String.class);
        assertThat(nulMeasures.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(nulMeasures.getBody()).contains("整改措施", "U+0000");
        assertThat(taskService.createTaskQuery().taskId(rectify.getId()).count()).isOne();
    }

    /**
     * The form states what a field takes; a hand-made completion gets the same limits, named by the form's label: a
     * reason over the form's 2000 characters, a choice that is not one of the options (or no choice at all) — 400, the
     * task still open and nothing recorded on the case (these were a database error and a routing error, both 500).
     */
    @Test
    void aCompletionBeyondWhatTheFormOffersIsRefusedNamingTheField() {
        String caseNo = (String) as("lvrong1").postForEntity("/api/cases", json(caseWithTitle("\"沪亭北路堆物\"", "null")), Map.class)
                .getBody().get("caseNo");
        Task claim = taskService.createTaskQuery().processInstanceBusinessKey(caseNo).singleResult();
        long events = jdbc.queryForObject("select count(*) from rect_case_event where case_no = ?", Long.class, caseNo);
        String claimUrl = "/engine-rest/task/" + claim.getId() + "/submit-form";

        ResponseEntity<String> longReason = as("huanwei1").postForEntity(claimUrl, json("{\"variables\":{\"claimDecision\":{\"value\":"
                + "\"return\"},\"returnReason\":{\"value\":\"" + "字".repeat(2001) + "\"}}}"), String.class);
        assertThat(longReason.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(longReason.getBody()).contains("回退理由", "不能超过 2000 个字", "现有 2001 个字").doesNotContain("rect_case", "SQL");
        // bytes sent for a text field would pass unchecked as "[B@…", past the form's length
        ResponseEntity<String> bytesReason = as("huanwei1").postForEntity(claimUrl, json("{\"variables\":{\"claimDecision\":{\"value\":"
                + "\"return\"},\"returnReason\":{\"type\":\"Bytes\",\"value\":\""
                + Base64.getEncoder().encodeToString("字".repeat(3000).getBytes(java.nio.charset.StandardCharsets.UTF_8)) + "\"}}}"),
                String.class);
        assertThat(bytesReason.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(bytesReason.getBody()).contains("回退理由", "应填写文字");

        for (String decision : List.of("{\"value\":\"steal\"}", "{\"value\":\" claim \"}", "{\"value\":1,\"type\":\"Integer\"}",
                "{\"value\":\"claim\\u0000\"}", "{\"type\":\"Null\"}")) {
            ResponseEntity<String> odd = as("huanwei1").postForEntity(claimUrl,
                    json("{\"variables\":{\"claimDecision\":" + decision + "}}"), String.class);
            assertThat(odd.getStatusCode()).as(decision).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(odd.getBody()).as(decision).contains("是否认领").doesNotContain("ENGINE-", "Gateway", "${");
        }
        ResponseEntity<String> nothing = as("huanwei1").postForEntity(claimUrl, json("{\"variables\":{}}"), String.class);
        assertThat(nothing.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(nothing.getBody()).contains("请选择“是否认领”");
        assertThat(taskService.createTaskQuery().taskId(claim.getId()).count()).isOne();
        assertThat(jdbc.queryForObject("select count(*) from rect_case_event where case_no = ?", Long.class, caseNo)).isEqualTo(events);

        Task rectify = rectifyTask();
        ResponseEntity<String> close = as("huanwei1").postForEntity("/engine-rest/task/" + rectify.getId() + "/complete",
                json("{\"variables\":{\"rectifyAction\":{\"value\":\"close\"}}}"), String.class);
        assertThat(close.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(close.getBody()).contains("办理结果", "整改完成，提交核查", "申请延期");
        ResponseEntity<String> longMeasures = as("huanwei1").postForEntity("/engine-rest/task/" + rectify.getId() + "/complete",
                json("{\"variables\":{\"rectifyAction\":{\"value\":\"suspension\"},\"suspensionReason\":{\"value\":\""
                        + "等".repeat(5000) + "\"}}}"), String.class);
        assertThat(longMeasures.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(longMeasures.getBody()).contains("不能超过 2000 个字").doesNotContain("SQL");
        for (String format : List.of("application/x-java-serialized-object", "application/json")) {
            ResponseEntity<String> serialized = as("huanwei1").postForEntity("/engine-rest/task/" + rectify.getId() + "/submit-form",
                    json("{\"variables\":{\"rectifyAction\":{\"value\":\"extension\"},\"x\":{\"value\":\"rO0ABXQAA2FiYw==\","
                            + "\"type\":\"Object\",\"valueInfo\":{\"objectTypeName\":\"java.lang.String\",\"serializationDataFormat\":\""
                            + format + "\"}}}}"), String.class);
            assertThat(serialized.getStatusCode()).as(format).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(serialized.getBody()).as(format).doesNotContain("not deserialized");
        }
        assertThat(taskService.createTaskQuery().taskId(rectify.getId()).count()).isOne();
    }

    /**
     * What no part of Shirong answers itself is still answered in Chinese: an unknown address (Spring Boot said
     * {@code "error":"Not Found"}), a path Tomcat refuses before Shirong sees it (English HTML), and a webapp start page
     * naming an engine or app that does not exist (Camunda's page filter failed on it: 500 and a stack trace each time).
     */
    @Test
    @SuppressWarnings("rawtypes")
    void whatNoPartOfShirongAnswersIsAnsweredInChinese() {
        ResponseEntity<Map> unknown = as("chuangban1").getForEntity("/api/nosuch", Map.class);
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(errors(unknown)).singleElement().satisfies(e -> assertThat(e)
                .containsEntry("code", "NOT_FOUND").containsEntry("message", "没有这个地址：/api/nosuch"));
        assertThat(unknown.getBody().toString()).doesNotContain("Not Found");

        for (String refusedByTomcat : List.of("/api/cases/%00", "/api/cases/%E4", "/api/cases/a%2Fb", "/engine-rest/task/%00")) {
            ResponseEntity<String> answer = as("chuangban1").getForEntity(java.net.URI.create(refusedByTomcat), String.class);
            assertThat(answer.getStatusCode()).as(refusedByTomcat).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(answer.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_JSON)).as(refusedByTomcat).isTrue();
            assertThat(answer.getBody()).as(refusedByTomcat).contains("\"code\":\"BAD_REQUEST\"", "请求格式不正确");
        }

        for (String noSuchPage : List.of("/camunda/app/tasklist/nosuch/", "/camunda/app/nosuch/default/", "/camunda/app/cockpit/x-y/")) {
            ResponseEntity<String> page = as("chuangban1").getForEntity(noSuchPage, String.class);
            assertThat(page.getStatusCode()).as(noSuchPage).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(page.getBody()).as(noSuchPage).contains("没有这个地址");
        }
        assertThat(rest.getForEntity("/camunda/app/tasklist/default/", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(rest.getForEntity("/camunda/app/tasklist/scripts/config.js", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    }
}
