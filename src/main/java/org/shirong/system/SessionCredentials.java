package org.shirong.system;

import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A webapp session (Tasklist, Cockpit, Admin, and {@code /api} called from them) holds only as long as its user's password is
 * the one it logged in with: the session keeps a digest of the user's stored password hash and salt (a new password, even the
 * same one set again, gets a new salt) and each request compares it with the user's current one. A changed password, an
 * administrator's reset or the user's deletion ends the user's sessions at once on this node, where every identity change
 * is seen ({@link IdentityChangeInterceptor}), and on other nodes within the identity cache's time-to-live: the hash in the
 * identity tables is the stamp every node reads ({@link AuthenticatedIdentities#lookup}).
 */
class SessionCredentials {

    private static final Logger LOG = LoggerFactory.getLogger(SessionCredentials.class);
    static final String ATTRIBUTE = SessionCredentials.class.getName();

    /** Whose password, and a digest of its stored hash, the session logged in with. */
    record Stamp(String userId, String digest) implements Serializable {
    }

    private final IdentityService identityService;
    private final AuthenticatedIdentities identities;
    private final String engineName;

    SessionCredentials(IdentityService identityService, AuthenticatedIdentities identities, String engineName) {
        this.identityService = identityService;
        this.identities = identities;
        this.engineName = engineName;
    }

    /** The user the session is logged in as, or null: none, or one whose password has changed since (then logged out). */
    String user(HttpSession session) {
        if (session == null) {
            return null;
        }
        Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
        Authentication authentication = authentications.getAuthenticationForProcessEngine(engineName);
        if (!(authentication instanceof UserAuthentication user)) {
            return null;
        }
        String userId = user.getName();
        if (session.getAttribute(ATTRIBUTE) instanceof Stamp stamp && stamp.userId().equals(userId)
                && identities.lookup(ATTRIBUTE + "\n" + userId, () -> digest(userId)).filter(stamp.digest()::equals).isPresent()) {
            return userId;
        }
        authentications.removeByEngineName(engineName);
        AuthenticationUtil.updateSession(session, authentications);
        session.removeAttribute(ATTRIBUTE);
        LOG.info("账号 {} 的密码已更改或账号已删除：此前登录的会话已退出", userId);
        return null;
    }

    /** The session has just logged in (or its user changed their own password in it): it holds for the password now stored. */
    void record(HttpSession session) {
        Authentication authentication = AuthenticationUtil.getAuthsFromSession(session).getAuthenticationForProcessEngine(engineName);
        if (authentication instanceof UserAuthentication user) {
            digest(user.getName()).ifPresent(digest -> session.setAttribute(ATTRIBUTE, new Stamp(user.getName(), digest)));
        }
    }

    /** Whether the session is logged in without a stamp yet: it has just logged in. */
    boolean unstamped(HttpSession session) {
        Authentication authentication = AuthenticationUtil.getAuthsFromSession(session).getAuthenticationForProcessEngine(engineName);
        return authentication instanceof UserAuthentication user
                && !(session.getAttribute(ATTRIBUTE) instanceof Stamp stamp && stamp.userId().equals(user.getName()));
    }

    private Optional<String> digest(String userId) {
        User user = identityService.createUserQuery().userId(userId).singleResult();
        if (!(user instanceof UserEntity entity) || entity.getPassword() == null) {
            return Optional.empty();
        }
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(entity.getPassword().getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            return Optional.of(HexFormat.of().formatHex(sha.digest(String.valueOf(entity.getSalt()).getBytes(StandardCharsets.UTF_8))));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
