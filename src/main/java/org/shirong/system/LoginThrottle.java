package org.shirong.system;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Failed logins, counted per account from one client address and per client address: after too many
 * within the window, that pair (or that address) is refused for a while without the password being
 * checked, and the lock ends by itself. An account is never locked as such, so nobody can lock another
 * person out from their own computer; an address lock holds only accounts that never logged in from that
 * address, so that failures of made-up names cannot lock out the staff behind a shared address (a town
 * office's NAT, a proxy); an administrator sees and lifts any lock at once. Guessing one account's
 * password from many addresses is slowed instead: after too many failures of the account from anywhere,
 * each address that never logged in to it gets one password check per {@code slowDown} of its own (a slot
 * per account and address, so that polling from elsewhere cannot use up the owner's: secreview-s59 S1), while
 * addresses it logged in from before go on as usual. A browser that logged in to the account carries a signed
 * cookie ({@link KnownDevices}): it is counted as its own source, not its address, and passes what others' failures
 * caused, across restarts and nodes.
 */
class LoginThrottle {

    /** A current lock, for the administrator's list. */
    record Lock(String userId, String clientAddress, Instant until) {
    }

    /** The address of a slowed account's entry in {@link #locks()}. */
    static final String UNKNOWN_ADDRESSES = "未登录过的地址（限速）";
    /** The account of a locked address's entry in {@link #locks()}. */
    static final String UNKNOWN_ACCOUNTS = "未在此地址登录过的账号";

    private static final Logger LOG = LoggerFactory.getLogger(LoginThrottle.class);
    private static final int MAX_TRACKED = 100_000;
    /** Addresses remembered per account: an account fills only its own list, never anyone else's. */
    private static final int KNOWN_PER_ACCOUNT = 20;
    /** The source of a login from a browser carrying the account's signed cookie, followed by its device id. */
    static final String DEVICE = "设备 ";

    private final LoginThrottleProperties settings;
    private final Clock clock;
    private final Map<String, Attempts> byAccountAndAddress = new ConcurrentHashMap<>();
    private final Map<String, Attempts> byAddress = new ConcurrentHashMap<>();
    private final Map<String, Attempts> byAccount = new ConcurrentHashMap<>();
    private final Map<String, Instant> nextUnknownCheck = new ConcurrentHashMap<>();
    /** Checks admitted for a slowed account from unknown addresses, all together (diffreview-s59 R1). */
    private final Map<String, Attempts> slowedChecks = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> knownAddresses = new ConcurrentHashMap<>();
    private final KnownDevices devices;

    LoginThrottle(LoginThrottleProperties settings, Clock clock) {
        this(settings, clock, new KnownDevices(settings.knownDeviceFor(), clock));
    }

    LoginThrottle(LoginThrottleProperties settings, Clock clock, KnownDevices devices) {
        this.settings = settings;
        this.clock = clock;
        this.devices = devices;
    }

    /**
     * Where a login of this account comes from: {@link #DEVICE} and the device id when the request carries the account's
     * signed cookie, otherwise the client address.
     */
    String source(String userId, String address) {
        String device = devices.deviceOf(userId);
        return device == null ? address : DEVICE + device;
    }

    private boolean known(String userId, String source) {
        if (source.startsWith(DEVICE)) {
            return true;
        }
        Set<String> addresses = knownAddresses.get(userId);
        return addresses != null && addresses.contains(source);
    }

    /**
     * Whether this user and address are held in any way (locked, or the account slowed for an address it has not
     * succeeded from), without taking the slowed account's slot: such a check must go through {@link #locked}.
     */
    boolean holds(String userId, String address) {
        Instant now = clock.instant();
        return lockedAt(byAccountAndAddress.get(pair(userId, address)), now) || !known(userId, address)
                && (lockedAt(byAddress.get(address), now) || lockedAt(byAccount.get(userId), now));
    }

    /**
     * Whether to refuse this check without looking at the password; a check admitted while slowed takes this address's
     * slot for the account (each address has its own, so a guesser's polling takes nobody else's).
     */
    boolean locked(String userId, String address) {
        Instant now = clock.instant();
        boolean known = known(userId, address);
        if (lockedAt(byAccountAndAddress.get(pair(userId, address)), now) || lockedAt(byAddress.get(address), now) && !known) {
            return true;
        }
        if (!lockedAt(byAccount.get(userId), now) || known) {
            return false;
        }
        if (lockedAt(slowedChecks.get(userId), now)) {
            return true;
        }
        boolean[] admitted = {false};
        nextUnknownCheck.compute(pair(userId, address), (k, next) -> {
            if (next != null && next.isAfter(now)) {
                return next;
            }
            admitted[0] = true;
            return now.plus(settings.slowDown());
        });
        if (admitted[0]) {
            // however many addresses a guesser has, a slowed account admits no more than this many checks a window from
            // unknown ones; its owner's browsers pass by their signed cookie and known addresses pass anyway
            count(slowedChecks, userId, settings.maxFailuresPerAccountEverywhere(), now);
        }
        return !admitted[0];
    }

    /**
     * Until when a check {@link #locked} refuses stays refused: the latest of the locks holding this account and address,
     * or, for an account slowed for addresses it never logged in from, its next check; now when none holds any more.
     */
    Instant pausedUntil(String userId, String address) {
        Instant now = clock.instant();
        boolean known = known(userId, address);
        return Stream.of(until(byAccountAndAddress.get(pair(userId, address)), now),
                        known ? null : until(byAddress.get(address), now),
                        known || !lockedAt(byAccount.get(userId), now) ? null : nextUnknownCheck.get(pair(userId, address)),
                        known || !lockedAt(byAccount.get(userId), now) ? null : until(slowedChecks.get(userId), now))
                .filter(java.util.Objects::nonNull).max(Instant::compareTo).orElse(now);
    }

    private static Instant until(Attempts attempts, Instant now) {
        return lockedAt(attempts, now) ? attempts.lockedUntil : null;
    }

    void failed(String userId, String address) {
        Instant now = clock.instant();
        forgetExpired(now);
        count(byAccountAndAddress, pair(userId, address), settings.maxFailuresPerAccount(), now);
        if (count(byAddress, address, settings.maxFailuresPerAddress(), now)) {
            LOG.warn("地址 {} 登录失败次数过多（{} 次，最后一次为账号 {}）：暂停该地址，暂停期间只有曾在此成功登录过的账号可以登录；"
                    + "管理员可解除（DELETE /api/system/login-locks/address/{}）", address, settings.maxFailuresPerAddress(), userId, address);
        }
        count(byAccount, userId, settings.maxFailuresPerAccountEverywhere(), now);
    }

    /**
     * Forgets the failures of this account from this source and remembers the address for the account (its latest
     * {@value #KNOWN_PER_ACCOUNT}, in this node's memory); the browser gets a fresh cookie for the account.
     */
    void succeeded(String userId, String address) {
        byAccountAndAddress.remove(pair(userId, address));
        nextUnknownCheck.remove(pair(userId, address));
        if (!address.startsWith(DEVICE)) {
            knownAddresses.compute(userId, (k, addresses) -> {
                Set<String> latest = addresses == null ? new java.util.LinkedHashSet<>() : addresses;
                latest.remove(address);
                latest.add(address);
                if (latest.size() > KNOWN_PER_ACCOUNT) {
                    latest.remove(latest.iterator().next());
                }
                return latest;
            });
        }
        // renewed at every login it is used for, so a browser in daily use never reaches its expiry (diffreview-s59 R4)
        devices.remember(userId);
    }

    /** Lifts every lock on the account, from whatever address. */
    void unlock(String userId) {
        byAccountAndAddress.keySet().removeIf(key -> key.startsWith(userId + "\n"));
        byAccount.remove(userId);
        nextUnknownCheck.keySet().removeIf(key -> key.startsWith(userId + "\n"));
        slowedChecks.remove(userId);
    }

    /** Lifts the lock of an address, and forgets its failures so far. */
    void unlockAddress(String address) {
        byAddress.remove(address);
    }

    /**
     * Current locks of an account from an address, slowed accounts (address {@link #UNKNOWN_ADDRESSES}) and locked
     * addresses (account {@link #UNKNOWN_ACCOUNTS}).
     */
    List<Lock> locks() {
        Instant now = clock.instant();
        return Stream.of(byAccountAndAddress.entrySet().stream().filter(e -> lockedAt(e.getValue(), now))
                .map(e -> new Lock(e.getKey().substring(0, e.getKey().indexOf('\n')),
                        e.getKey().substring(e.getKey().indexOf('\n') + 1), e.getValue().lockedUntil)),
                byAccount.entrySet().stream().filter(e -> lockedAt(e.getValue(), now))
                        .map(e -> new Lock(e.getKey(), UNKNOWN_ADDRESSES, e.getValue().lockedUntil)),
                byAddress.entrySet().stream().filter(e -> lockedAt(e.getValue(), now))
                        .map(e -> new Lock(UNKNOWN_ACCOUNTS, e.getKey(), e.getValue().lockedUntil)))
                .flatMap(s -> s).toList();
    }

    /** Counts a failure; true when it locks the key now. */
    private boolean count(Map<String, Attempts> counters, String key, int max, Instant now) {
        boolean[] locks = {false};
        counters.compute(key, (k, attempts) -> {
            Attempts a = attempts == null ? new Attempts() : attempts;
            if (a.windowEnds == null || a.windowEnds.isBefore(now)) {
                a.windowEnds = now.plus(settings.window());
                a.failures = 0;
            }
            a.failures++;
            if (a.failures >= max) {
                a.lockedUntil = now.plus(settings.lockTime());
                a.failures = 0;
                locks[0] = true;
            }
            return a;
        });
        return locks[0];
    }

    private void forgetExpired(Instant now) {
        if (byAccountAndAddress.size() + byAddress.size() + byAccount.size() + nextUnknownCheck.size() + slowedChecks.size() < MAX_TRACKED) {
            return;
        }
        byAccountAndAddress.values().removeIf(a -> a.expired(now));
        byAddress.values().removeIf(a -> a.expired(now));
        byAccount.values().removeIf(a -> a.expired(now));
        nextUnknownCheck.values().removeIf(next -> next.isBefore(now));
        slowedChecks.values().removeIf(a -> a.expired(now));
    }

    private static boolean lockedAt(Attempts attempts, Instant now) {
        return attempts != null && attempts.lockedUntil != null && attempts.lockedUntil.isAfter(now);
    }

    private static String pair(String userId, String address) {
        return userId + "\n" + address;
    }

    private static final class Attempts {
        private Instant windowEnds;
        private int failures;
        private Instant lockedUntil;

        boolean expired(Instant now) {
            return windowEnds.isBefore(now) && (lockedUntil == null || lockedUntil.isBefore(now));
        }
    }
}
