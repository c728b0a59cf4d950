package org.shirong.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** {@code shirong.public-url}: links from the configured address, or from this machine's name and the real port. */
@SharesJvm
class PublicUrlTest {

    @Test
    void theConfiguredAddressMakesShirongsPathsAbsolute() {
        PublicUrl url = new PublicUrl("https://shirong.jiuting.gov.cn/", new MockEnvironment().withProperty("local.server.port", "9123"));

        assertThat(url.base()).isEqualTo("https://shirong.jiuting.gov.cn");
        assertThat(url.tasklist()).isEqualTo("https://shirong.jiuting.gov.cn/camunda/app/tasklist/default/");
        assertThat(url.absolute("/api/documents/d1")).isEqualTo("https://shirong.jiuting.gov.cn/api/documents/d1");
        assertThat(url.absolute("https://elsewhere.cn/x")).isEqualTo("https://elsewhere.cn/x");
        assertThat(url.absoluteIn("会议议程：/api/documents/d1\n全部见活动概况（/api/campaigns/JT-1）和 /camunda/app/tasklist/"))
                .isEqualTo("会议议程：https://shirong.jiuting.gov.cn/api/documents/d1\n"
                        + "全部见活动概况（https://shirong.jiuting.gov.cn/api/campaigns/JT-1）和 https://shirong.jiuting.gov.cn/camunda/app/tasklist/");
        // Already absolute addresses and paths that are not Shirong's stay as they are.
        assertThat(url.absoluteIn("见 https://other.cn/api/x 与 a/api/b")).isEqualTo("见 https://other.cn/api/x 与 a/api/b");
    }

    @Test
    void withoutAnAddressTheRealPortAndTheHostNameAreUsed() throws UnknownHostException {
        MockEnvironment environment = new MockEnvironment().withProperty("server.port", "0");
        PublicUrl url = new PublicUrl("", environment);
        assertThat(url.base()).as("before the server listens").isEqualTo("http://" + InetAddress.getLocalHost().getHostName() + ":0");
        environment.setProperty("server.servlet.context-path", "/shirong");
        environment.setProperty("local.server.port", "54321");

        assertThat(url.base()).isEqualTo("http://" + InetAddress.getLocalHost().getHostName() + ":54321/shirong");
        assertThat(url.tasklist()).isEqualTo("http://" + InetAddress.getLocalHost().getHostName() + ":54321/shirong/camunda/app/tasklist/default/");
    }

    @Test
    void onceShirongIsReadyTheDerivedAddressIsKept() throws UnknownHostException {
        MockEnvironment environment = new MockEnvironment().withProperty("local.server.port", "54321");
        PublicUrl url = new PublicUrl("", environment);
        url.report();
        environment.setProperty("local.server.port", "1");

        assertThat(url.base()).isEqualTo("http://" + InetAddress.getLocalHost().getHostName() + ":54321");
    }

    @Test
    void anAddressThatIsNoWebAddressStopsStartUpWithTheReason() {
        for (String bad : new String[] {"shirong.jiuting.gov.cn", "ftp://host", "http://host/#/x", "http://"}) {
            assertThatThrownBy(() -> new PublicUrl(bad, new MockEnvironment())).as(bad)
                    .isInstanceOf(StartupRefusedException.class).hasMessageContaining("shirong.public-url").hasMessageContaining(bad);
        }
    }
}
