package org.shirong.system;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What an HTTP Basic or {@code /api} request needs to know about its user, kept for a short time instead of being read
 * from the identity tables on every request: that the password was right (kept only as a salted digest), the user's
 * groups and organisations. Forgotten at once when this node changes users, groups, memberships or organisations
 * ({@link IdentityChangeInterceptor}, the organisation seeding) and in any case after {@code time-to-live}, which
 * bounds how long a change made on another node goes unseen here.
 */
@Component
public class AuthenticatedIdentities {

    /**
     * A user's groups and organisations (tenants). The engine is given its own mutable copies on each request (MyBatis
     * reflects on the list classes; the JDK's immutable ones are not public).
     */
    record Identity(List<String> groups, List<String> tenants) {

        Identity {
            groups = List.copyOf(groups);
            tenants = List.copyOf(tenants);
        }

        void authenticate(IdentityService identityService, String userId) {
            identityService.setAuthentication(userId, new ArrayList<>(groups), new ArrayList<>(tenants));
        }
    }

    private record Entry<T>(T value, long loadedAt) {
    }

    private final long timeToLiveNanos;
    private final int maxUsers;
    private final LongSupplier nanoTime;
    private final byte[] salt = new byte[32];
    private final Map<String, Entry<byte[]>> passwords = new ConcurrentHashMap<>();
    private final Map<String, Entry<Identity>> identities = new ConcurrentHashMap<>();
    private final Map<String, Entry<Object>> lookups = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<Boolean>> checking = new ConcurrentHashMap<>();
    // Bumped by every forgetAll(): what was read from the database before it is not kept.
    private final AtomicLong generation = new AtomicLong();

    @Autowired
    public AuthenticatedIdentities(IdentityCacheProperties settings) {
        this(settings, System::nanoTime);
    }

    AuthenticatedIdentities(IdentityCacheProperties settings, LongSupplier nanoTime) {
        this.timeToLiveNanos = settings.timeToLive().toNanos();
        this.maxUsers = settings.maxUsers();
        this.nanoTime = nanoTime;
        new SecureRandom().nextBytes(salt);
    }

    /**
     * Whether the password is right: as it was a moment ago, or else as {@code check} (the engine) answers now. Requests
     * that bring the same user and password while the engine is checking it wait for that check instead of making their
     * own: each check holds a database connection for a full-strength hash, so an API client's burst just after a start
     * would otherwise hold the whole pool and leave the rest of the burst waiting past its timeout. Only a right
     * password is shared; a wrong one is checked (and counted by the login throttle) for every request.
     */
    boolean passwordValid(String userId, String password, BiPredicate<String, String> check) {
        byte[] known = valid(passwords, userId);
        byte[] given = digest(userId, password);
        if (known != null && MessageDigest.isEqual(known, given)) {
            return true;
        }
        if (timeToLiveNanos <= 0) {
            // kept nothing, shares nothing: every request reaches the engine and its login throttle
            return check.test(userId, password);
        }
        // a check begun before the directory last changed answers for the old password, not for this request
        String key = generation.get() + "\0" + userId + '\0' + HexFormat.of().formatHex(given);
        CompletableFuture<Boolean> mine = new CompletableFuture<>();
        CompletableFuture<Boolean> running = checking.putIfAbsent(key, mine);
        if (running != null && sharedAnswer(running)) {
            return true;
        }
        try {
            boolean valid = checkAndKeep(userId, password, given, check);
            mine.complete(valid);
            return valid;
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            mine.complete(false);
            checking.remove(key, mine);
        }
    }

    /** Whether the check in flight found the password right; a failed or refused check is not shared. */
    private static boolean sharedAnswer(CompletableFuture<Boolean> running) {
        try {
            return running.join();
        } catch (CompletionException | CancellationException e) {
            return false;
        }
    }

    private boolean checkAndKeep(String userId, String password, byte[] given, BiPredicate<String, String> check) {
        long readAt = generation.get();
        boolean valid = check.test(userId, password);
        if (valid) {
            put(passwords, userId, given, readAt);
        }
        return valid;
    }

    /** Makes {@code userId} the engine's current user with its groups and organisations, read once per time-to-live. */
    void authenticate(IdentityService identityService, String userId) {
        identity(userId, user -> new Identity(
                identityService.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList(),
                identityService.createTenantQuery().userMember(user).includingGroupsOfUser(true).list().stream()
                        .map(Tenant::getId).toList()))
                .authenticate(identityService, userId);
    }

    Identity identity(String userId, Function<String, Identity> load) {
        Identity known = valid(identities, userId);
        if (known != null) {
            return known;
        }
        long readAt = generation.get();
        Identity loaded = load.apply(userId);
        put(identities, userId, loaded, readAt);
        return loaded;
    }

    /**
     * A look-up in the directory that is not about one logged-in user (a group's members, a unit's heads: a
     * notification's recipients), kept and forgotten like a user's identity: at once when this node changes users,
     * groups, memberships or organisations, else after {@code time-to-live}. {@code load} must return an immutable value.
     */
    @SuppressWarnings("unchecked")
    public <T> T lookup(String key, Supplier<T> load) {
        Object known = valid(lookups, key);
        if (known != null) {
            return (T) known;
        }
        long readAt = generation.get();
        T loaded = load.get();
        put(lookups, key, loaded, readAt);
        return loaded;
    }

    /**
     * Forgets every user now and, when called inside a transaction, again after it commits, so that no request
     * reloads and keeps what the transaction is about to replace.
     */
    public void forgetAll() {
        clear();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    clear();
                }
            });
        }
    }

    private void clear() {
        generation.incrementAndGet();
        passwords.clear();
        identities.clear();
        lookups.clear();
    }

    private <T> T valid(Map<String, Entry<T>> map, String userId) {
        Entry<T> entry = map.get(userId);
        if (entry == null) {
            return null;
        }
        if (nanoTime.getAsLong() - entry.loadedAt() >= timeToLiveNanos) {
            map.remove(userId, entry);
            return null;
        }
        return entry.value();
    }

    private <T> void put(Map<String, Entry<T>> map, String userId, T value, long readAt) {
        if (timeToLiveNanos <= 0 || generation.get() != readAt) {
            return;
        }
        long now = nanoTime.getAsLong();
        if (map.size() >= maxUsers) {
            map.values().removeIf(e -> now - e.loadedAt() >= timeToLiveNanos);
            if (map.size() >= maxUsers) {
                map.clear();
            }
        }
        Entry<T> entry = new Entry<>(value, now);
        map.put(userId, entry);
        if (generation.get() != readAt) {
            // The directory changed between the check above and the put: what was read may be stale.
            map.remove(userId, entry);
        }
    }

    private byte[] digest(String userId, String password) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt);
            sha.update(userId.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            return sha.digest(password.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
