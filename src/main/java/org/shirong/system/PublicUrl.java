package org.shirong.system;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The address staff reach Shirong under ({@code shirong.public-url}), from which every link that leaves
 * the system (e-mail, group robot, inbox) is built. When unset it is derived from this machine's host
 * name and the port the server really listens on, which is read when first needed (a random test port
 * is only known once the server runs).
 */
@Component
public class PublicUrl {

    private static final Logger LOG = LoggerFactory.getLogger(PublicUrl.class);
    /** A path of Shirong itself inside text (its API, its apps, its case pages): starts a word, not part of a longer address. */
    private static final Pattern OWN_PATH = Pattern.compile("(?<![\\w/.:%-])/(?:api|camunda|shirong)/");
    static final String TASKLIST = "/camunda/app/tasklist/default/";

    private final String configured;
    private final Environment environment;
    private volatile String derived;

    public PublicUrl(@Value("${shirong.public-url:}") String configured, Environment environment) {
        this.configured = configured == null || configured.isBlank() ? null : checked(configured.strip());
        this.environment = environment;
    }

    private static String checked(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            uri = null;
        }
        if (uri == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null
                || uri.getQuery() != null || uri.getFragment() != null) {
            throw new StartupRefusedException("shirong.public-url（SHIRONG_PUBLIC_URL）不是可用的网址：" + url,
                    "请写成各单位访问 Shirong 的地址，如 https://shirong.jiuting.gov.cn 或 http://10.0.0.5:8080，不带 ? 和 #");
        }
        return url.replaceAll("/+$", "");
    }

    /** The address without a trailing slash, e.g. {@code http://shirong-server:8080}. */
    public String base() {
        return configured != null ? configured : derived();
    }

    /** Tasklist's address, ending in a slash. */
    public String tasklist() {
        return base() + TASKLIST;
    }

    /** A path of Shirong ({@code /api/…}) as an absolute address; anything else is returned unchanged. */
    public String absolute(String path) {
        return path != null && path.startsWith("/") && !path.startsWith("//") ? base() + path : path;
    }

    /** The text with every path of Shirong in it ({@code /api/…}, {@code /camunda/…}, {@code /shirong/…}) made absolute. */
    public String absoluteIn(String text) {
        return text == null ? null : OWN_PATH.matcher(text).replaceAll(Matcher.quoteReplacement(base()) + "$0");
    }

    /**
     * Kept once Shirong is ready (its web server has its port): reading Spring's environment for every link cost 4.5 %
     * of the CPU of a due deadline's job, whose 督办 notice makes every value of its model absolute.
     */
    private String derived() {
        String ready = derived;
        return ready != null ? ready : fromEnvironment();
    }

    private String fromEnvironment() {
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        String contextPath = environment.getProperty("server.servlet.context-path", "").replaceAll("/+$", "");
        return "http://" + HostName.VALUE + ":" + port + contextPath;
    }

    @EventListener(ApplicationReadyEvent.class)
    void report() {
        if (configured == null) {
            derived = fromEnvironment();
            LOG.info("未设置 shirong.public-url：通知中的链接使用 {}（本机名和端口）。其他电脑经别的地址访问时请设置 SHIRONG_PUBLIC_URL", base());
        } else {
            LOG.info("通知中的链接使用 {}", configured);
        }
    }

    /** Looked up once: a slow or broken name service must not slow every link. */
    private static final class HostName {
        static final String VALUE = lookUp();

        private static String lookUp() {
            try {
                String name = InetAddress.getLocalHost().getHostName();
                return name == null || name.isBlank() ? "localhost" : name;
            } catch (UnknownHostException e) {
                return "localhost";
            }
        }
    }
}
