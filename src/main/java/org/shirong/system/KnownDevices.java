package org.shirong.system;

import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.camunda.bpm.engine.ManagementService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseCookie;

/**
 * A browser that logged in to an account gets a cookie signed for that account (HMAC-SHA256, with an expiry and a random
 * device id); while it carries it, the {@link LoginThrottle} counts that browser's failures for itself and lets it past
 * the locks and slow-downs that others' failures cause. The key sits in the engine's property table, so the cookie holds
 * across restarts and on every node (secreview-s59 S1, S4).
 */
class KnownDevices {

    static final String COOKIE = "shirong-device-";
    /** The engine property holding the key, written once by the first node that starts. */
    static final String KEY_PROPERTY = "shirong.login.device-key";

    private static final Logger LOG = LoggerFactory.getLogger(KnownDevices.class);
    private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Duration lifetime;
    private final Clock clock;
    private volatile SecretKeySpec key;

    KnownDevices(Duration lifetime, Clock clock) {
        this.lifetime = lifetime;
        this.clock = clock;
    }

    /** Reads the key from the engine's properties, creating it there when no node has yet. */
    void loadKey(ManagementService management) {
        String stored = management.getProperties().get(KEY_PROPERTY);
        if (stored == null) {
            byte[] fresh = new byte[32];
            RANDOM.nextBytes(fresh);
            try {
                management.setProperty(KEY_PROPERTY, BASE64.encodeToString(fresh));
            } catch (RuntimeException raced) {
                LOG.info("登录设备密钥已由另一节点写入：{}", raced.getMessage());
            }
            stored = management.getProperties().get(KEY_PROPERTY);
        }
        key = new SecretKeySpec(Base64.getUrlDecoder().decode(stored), "HmacSHA256");
    }

    /** The device id of the request's cookie for this account, when it carries a valid one; otherwise null. */
    String deviceOf(String userId) {
        ClientAddress.Exchange exchange = ClientAddress.exchange();
        Cookie[] cookies = exchange == null || key == null ? null : exchange.request().getCookies();
        if (cookies == null) {
            return null;
        }
        for (Cookie cookie : cookies) {
            if (cookie.getName().equals(name(userId))) {
                String[] parts = cookie.getValue().split("\\.");
                if (parts.length == 3 && parts[0].matches("\\d{1,12}") && Long.parseLong(parts[0]) > clock.instant().getEpochSecond()
                        && MessageDigest.isEqual(sign(userId, parts[0], parts[1]).getBytes(StandardCharsets.US_ASCII),
                                parts[2].getBytes(StandardCharsets.US_ASCII))) {
                    return parts[1];
                }
            }
        }
        return null;
    }

    /** Gives the request's browser a fresh cookie for this account, after its password was found right. */
    void remember(String userId) {
        ClientAddress.Exchange exchange = ClientAddress.exchange();
        if (exchange == null || key == null || exchange.response().isCommitted()) {
            return;
        }
        byte[] id = new byte[12];
        RANDOM.nextBytes(id);
        String device = BASE64.encodeToString(id);
        String expiry = String.valueOf(clock.instant().plus(lifetime).getEpochSecond());
        exchange.response().addHeader("Set-Cookie", ResponseCookie.from(name(userId), expiry + "." + device + "." + sign(userId, expiry, device))
                .path("/").httpOnly(true).secure(exchange.request().isSecure()).sameSite("Lax").maxAge(lifetime).build().toString());
    }

    private static String name(String userId) {
        return COOKIE + BASE64.encodeToString(userId.getBytes(StandardCharsets.UTF_8));
    }

    private String sign(String userId, String expiry, String device) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return BASE64.encodeToString(mac.doFinal((userId + "\n" + expiry + "\n" + device).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
