package org.shirong.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The map's tile server, as the pages' Content-Security-Policy names it among the sources of images. */
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
}
