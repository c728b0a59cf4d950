package org.shirong.rectification;

import java.time.Instant;
import java.util.Optional;

/**
 * What an appeal (考核申诉) needs to know of the scoring, asked through this port so that rectification does not depend on
 * the scoring package, which implements it: whether scores that count an instant of a case are saved already, and a hold
 * on saving them while an approval is decided.
 */
public interface ScoredPeriods {

    /**
     * Waits for a save of scores under way to commit and keeps any other from starting until the caller's transaction
     * ends (the lock the saves take), so that what {@link #savedPeriodCounting} then answers stays true until the caller
     * commits, and a save after it reads what the caller wrote. Call inside a transaction.
     */
    void holdSaves();

    /**
     * The name (2026年11月) of a saved 考核期间 of the organisation, or of the campaign when {@code campaign} is given,
     * that counts what happened at {@code at}; empty when no such scores were saved.
     */
    Optional<String> savedPeriodCounting(String organization, String campaign, Instant at);
}
