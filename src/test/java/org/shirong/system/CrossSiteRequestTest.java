package org.shirong.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A form another website submits to Shirong through a browser that remembers its user's Basic credentials: refused
 * with 403 before anyone is logged in, nothing created. The browser marks such a request itself ({@code Sec-Fetch-Site},
 * or {@code Origin} in browsers without it, or only {@code Referer} in old engines such as the IE mode of "双核"
 * browsers); Shirong's own pages and clients that are not browsers are not affected.
 */
@ShirongWebTest
@SharesSpringContext
class CrossSiteRequestTest {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcTemplate jdbc;
    @LocalServerPort
    int port;

    private static final String CASE = """
            {"title":"九亭大街垃圾堆放","category":"EXPOSED_GARBAGE","urgency":"NORMAL","source":"PATROL",
             "location":{"address":"九亭大街 3 号"}}""";

    private ResponseEntity<String> report(String header, String value) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (header != null) {
            headers.set(header, value);
        }
        return rest.withBasicAuth("lvrong1", "demo").postForEntity("/api/cases", new HttpEntity<>(CASE, headers), String.class);
    }

    private long cases() {
        return jdbc.queryForObject("select count(*) from rect_case", Long.class);
    }

    @Test
    void anotherSitesFormIsRefusedAndCreatesNothing() {
        long before = cases();
        for (String[] mark : new String[][] {{"Sec-Fetch-Site", "cross-site"}, {"Sec-Fetch-Site", "same-site"},
                {"Origin", "http://evil.example"}, {"Origin", "http://localhost:" + (port + 1)}, {"Origin", "null"},
                // s53 S6: an old browser's cross-site form post carries neither of the two, only the page it came from
                {"Referer", "http://evil.example/x"}, {"Referer", "http://localhost.evil.example:" + port + "/shirong/report"},
                {"Referer", "http://localhost:" + (port + 1) + "/"},
                // secreview-s59 S7: the same host under another scheme is another site (here, served over plain HTTP)
                {"Origin", "https://localhost:" + port}, {"Referer", "https://localhost:" + port + "/shirong/report"}}) {
            ResponseEntity<String> refused = report(mark[0], mark[1]);
            assertThat(refused.getStatusCode()).as(mark[0] + ": " + mark[1]).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(refused.getBody()).contains("CROSS_SITE_REQUEST", "其他网站");
        }
        HttpHeaders headers = new HttpHeaders();
        headers.set("Sec-Fetch-Site", "cross-site");
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<String> deployment = rest.withBasicAuth("admin", "admin").postForEntity("/engine-rest/deployment/create",
                new HttpEntity<>("{}", headers), String.class);
        assertThat(deployment.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(cases()).isEqualTo(before);
    }

    @Test
    void shirongsOwnPagesAndOtherClientsGoThrough() {
        long before = cases();
        assertThat(report("Sec-Fetch-Site", "same-origin").getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(report("Origin", "http://localhost:" + port).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(report(null, null).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        // an old browser on Shirong's own page names only that page, its address as the browser writes it
        assertThat(report("Referer", "http://localhost:" + port + "/shirong/report?q=a b {1}#x").getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        assertThat(cases()).isEqualTo(before + 4);
        HttpHeaders crossSite = new HttpHeaders();
        crossSite.set("Sec-Fetch-Site", "cross-site");
        ResponseEntity<Map> read = rest.withBasicAuth("lvrong1", "demo").exchange("/api/cases",
                org.springframework.http.HttpMethod.GET, new HttpEntity<>(crossSite), Map.class);
        assertThat(read.getStatusCode()).as("a link from another site still opens a page").isEqualTo(HttpStatus.OK);
    }
}
