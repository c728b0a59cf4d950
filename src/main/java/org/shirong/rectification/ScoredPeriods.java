package org.shirong.rectification;

import java.time.Instant;
import java.util.Optional;

/**
 * What an appeal (考核申诉) needs to know of the scoring, asked through this port so that rectification does not depend on
 * the scoring package, which implements it: whether scores that count an instant of a case are saved already.
 */
public interface ScoredPeriods {

    /**
     * The name (2026年11月) of a saved 考核期间 of the organisation, or of the campaign when {@code campaign} is given,
     * that counts what happened at {@code at}; empty when no such scores were saved.
     */
    Optional<String> savedPeriodCounting(String organization, String campaign, Instant at);
}
