package org.shirong.system;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.camunda.bpm.engine.impl.digest.PasswordEncryptor;

/**
 * Passwords hashed with PBKDF2-HMAC-SHA512 (the JDK's), stored by the engine as {@code {PBKDF2}iterations$salt$hash}, instead of
 * the engine's single round of salted SHA-512 (secreview-s59 S6). The engine still checks the older {@code {SHA-512}} and
 * {@code {SHA}} hashes itself; they stay until the password is next set. The iterations are kept with each hash, so that a
 * change of the setting leaves existing hashes verifiable.
 */
public final class Pbkdf2PasswordEncryptor implements PasswordEncryptor {

    static final String NAME = "PBKDF2";
    /** More than any setting would ask for; a stored count above it is damage, not a hash to spend minutes on. */
    private static final int MAX_ITERATIONS = 5_000_000;

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODE = Base64.getEncoder().withoutPadding();

    /** Rounds for a password of 32 random bytes that nobody knows: its strength is its randomness, rounds add nothing. */
    private static final int RANDOM_PASSWORD_ITERATIONS = 1000;
    private static final ThreadLocal<Boolean> RANDOM_PASSWORDS = ThreadLocal.withInitial(() -> false);

    /** PBKDF2 rounds this thread's checks have spent, so that a check that spent fewer can be made up ({@link #makeUp}). */
    private static final ThreadLocal<long[]> CHECKED_ROUNDS = ThreadLocal.withInitial(() -> new long[1]);

    private final int iterations;
    /** The salt of the dummy hashing that makes up for a check that spent fewer rounds than configured. */
    private final byte[] dummySalt = new byte[16];
    private final AtomicLong madeUp = new AtomicLong();

    Pbkdf2PasswordEncryptor(int iterations) {
        this.iterations = iterations;
        RANDOM.nextBytes(dummySalt);
    }

    /**
     * Runs {@code work}, which sets only random, unguessable passwords, with few rounds: seeding a hundred-odd users at full
     * strength would add over a minute to a first start, for hashes no guessing can reverse anyway.
     */
    public static void forRandomPasswords(Runnable work) {
        RANDOM_PASSWORDS.set(true);
        try {
            work.run();
        } finally {
            RANDOM_PASSWORDS.remove();
        }
    }

    @Override
    public String encrypt(String password) {
        int rounds = RANDOM_PASSWORDS.get() ? Math.min(RANDOM_PASSWORD_ITERATIONS, iterations) : iterations;
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return rounds + "$" + ENCODE.encodeToString(salt) + "$" + ENCODE.encodeToString(hash(password, salt, rounds));
    }

    @Override
    public boolean check(String password, String encrypted) {
        String[] parts = encrypted == null ? new String[0] : encrypted.split("\\$");
        if (password == null || parts.length != 3 || !parts[0].matches("\\d{1,7}")) {
            return false;
        }
        int rounds = Integer.parseInt(parts[0]);
        try {
            byte[] salt = Base64.getDecoder().decode(parts[1]);
            byte[] expected = Base64.getDecoder().decode(parts[2]);
            // a damaged stored hash is a wrong password (counted by the login throttle), not an error
            if (rounds < 1 || rounds > MAX_ITERATIONS || salt.length == 0 || expected.length != 32) {
                return false;
            }
            CHECKED_ROUNDS.get()[0] += rounds;
            return MessageDigest.isEqual(expected, hash(password, salt, rounds));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The PBKDF2 rounds this thread's password checks have spent so far (a running total: compare two readings). */
    static long checkedRounds() {
        return CHECKED_ROUNDS.get()[0];
    }

    /**
     * After a failed check that spent only {@code spent} rounds (an unknown user, an old SHA-512 hash, a damaged or weak one),
     * spends the rounds it fell short of the configured strength, so that the answer takes as long as a known user's wrong
     * password and its time does not tell which account names exist (diffreview-s59 R3, diffreview-s60 R8: a weaker stored
     * hash is made up to full, not past it). Nothing when the check spent that much itself.
     */
    void makeUp(String password, long spent) {
        if (spent < iterations) {
            madeUp.incrementAndGet();
            int rounds = (int) (iterations - spent);
            CHECKED_ROUNDS.get()[0] += rounds;
            hash(password == null ? "" : password, dummySalt, rounds);
        }
    }

    /** How many failed checks {@link #makeUp} has made up for since start. */
    long madeUp() {
        return madeUp.get();
    }

    @Override
    public String hashAlgorithmName() {
        return NAME;
    }

    /**
     * Whether a stored hash (with the engine's prefix) is of this kind at least as many iterations as configured now: such a
     * hash was set outside the demo run, whose hashes are made with fewer.
     */
    public boolean full(String storedHash) {
        String prefix = "{" + NAME + "}";
        if (storedHash == null || !storedHash.startsWith(prefix)) {
            return false;
        }
        String count = storedHash.substring(prefix.length()).split("\\$")[0];
        return count.matches("\\d{1,9}") && Integer.parseInt(count) >= iterations;
    }

    private static byte[] hash(String password, byte[] salt, int iterations) {
        try {
            PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, 256);
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA512").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
