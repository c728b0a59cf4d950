package org.shirong.system;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.ServletException;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The map's tile server, as the pages' Content-Security-Policy names it among the sources of images; which assets the browser keeps. */
@SharesJvm
class ContentHeadersTest {

    @Test
    void aTileServerIsNamedByItsOrigin() {
        assertThat(ContentHeaders.tileSource("http://10.0.0.8/tiles/{z}/{x}/{y}.png")).isEqualTo(" http://10.0.0.8");
        assertThat(ContentHeaders.tileSource("https://gis.example.gov.cn:8443/wmts?x={x}")).isEqualTo(" https://gis.example.gov.cn:8443");
    }

    @Test
    void aSubdomainTemplateIsAWildcardAndAnythingElseTheScheme() {
        assertThat(ContentHeaders.tileSource("https://{s}.tile.example.org/{z}/{x}/{y}.png")).isEqualTo(" https://*.tile.example.org");
        assertThat(ContentHeaders.tileSource("https://t{s}.tianditu.gov.cn/{z}/{x}/{y}")).isEqualTo(" https:");
    }

    @Test
    void noTilesOrTilesOfShirongItselfAddNothing() {
        assertThat(ContentHeaders.tileSource("")).isEmpty();
        assertThat(ContentHeaders.tileSource(null)).isEmpty();
        assertThat(ContentHeaders.tileSource("/tiles/{z}/{x}/{y}.png")).isEmpty();
    }

    /** jtreview-s59 T13: a year only where the address names the version; other assets revalidate; answers get nothing. */
    @Test
    void onlyVersionedWebjarsAreKeptAYearAndAnswersAreNotCached() {
        assertThat(StaticAssetCaching.cacheControl("/webjars/echarts/5.3.1/dist/echarts.min.js")).isEqualTo(StaticAssetCaching.IMMUTABLE);
        assertThat(StaticAssetCaching.cacheControl("/webjars/echarts/dist/echarts.min.js")).isEqualTo("no-cache");
        assertThat(StaticAssetCaching.cacheControl("/camunda/lib/deps.js")).isEqualTo("no-cache");
        assertThat(StaticAssetCaching.cacheControl("/camunda/api/cockpit/plugin/cockpitPlugins/static/app/plugin.js")).isEqualTo("no-cache");
        assertThat(StaticAssetCaching.cacheControl("/camunda/app/cockpit/default/")).isNull();
        assertThat(StaticAssetCaching.cacheControl("/camunda/api/engine/engine/default/task/count.json")).isNull();
        assertThat(StaticAssetCaching.cacheControl("/api/campaigns/JT-DEMO/dashboard")).isNull();
        assertThat(StaticAssetCaching.cacheControl("/engine-rest/deployment/1/resources/2/data")).isNull();
    }

    /**
     * An asset is classified by the path the container serves (servlet path and path info, decoded and normalised), not
     * by the raw request URI: a {@code ..} cannot make a versionless webjar a year's, nor an engine answer an asset.
     */
    @Test
    void anAssetIsClassifiedByThePathItIsServedFromNotItsRawAddress() throws ServletException, IOException {
        assertThat(cacheControlOf("/webjars/echarts/5.3.1/../dist/echarts.min.js", "/webjars/echarts/dist/echarts.min.js", null))
                .as("served from the versionless webjar").isEqualTo("no-cache");
        assertThat(cacheControlOf("/camunda/app/../api/engine/engine/default/task/count.json", "/camunda/api",
                "/engine/engine/default/task/count.json")).as("an answer of the engine API").isNull();
        assertThat(cacheControlOf("/webjars/echarts/5.3.1/dist/echarts%2emin%2ejs", "/webjars/echarts/5.3.1/dist/echarts.min.js", null))
                .as("its escapes decoded").isEqualTo(StaticAssetCaching.IMMUTABLE);
        assertThat(cacheControlOf("/camunda/api/cockpit/plugin/cockpitPlugins/static/app/plugin.js", "/camunda/api",
                "/cockpit/plugin/cockpitPlugins/static/app/plugin.js")).as("a plugin's asset behind the webapps' API servlet")
                .isEqualTo("no-cache");
    }

    /** The Cache-Control the filter gives a GET whose raw address is {@code uri}, mapped as {@code servletPath} and {@code pathInfo}. */
    private static String cacheControlOf(String uri, String servletPath, String pathInfo) throws ServletException, IOException {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", uri);
        request.setServletPath(servletPath);
        request.setPathInfo(pathInfo);
        MockHttpServletResponse response = new MockHttpServletResponse();
        new StaticAssetCaching().doFilter(request, response, new MockFilterChain());
        return response.getHeader("Cache-Control");
    }
}
