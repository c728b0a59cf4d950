package org.shirong.rectification;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One row of {@code rect_case}. {@code territory}: the organisation (town or street) where the problem lies,
 * {@code community}: the 社区/村/网格 named when it was reported, or null; {@code tenantId}: the organisation the
 * case belongs to.
 */
public record CaseRecord(
        String caseNo, String processInstanceId, CaseSource source, String externalRef, String category,
        Urgency urgency, String title, String description, String address, BigDecimal lat, BigDecimal lng,
        String gridCell, String leadUnit, String responsibleUnits, Integer limitAmount, String limitUnit,
        CaseStatus status, String reportedBy, Instant reportedAt, Instant dispatchedAt, Instant claimedAt,
        Instant submittedAt, Instant closedAt, Instant suspendedAt, Instant clockStartedAt, Instant warnAt,
        Instant dueAt, Instant escalateAt, boolean warningSent, boolean overdue,
        boolean escalated, Boolean closedOnTime, int extensionCount, int reworkCount, int returnCount, String territory,
        String community, String tenantId) {

    /** When the lead unit handed in its rectification (or now, if it has not). */
    Instant submittedAtOrNow(Instant now) {
        return submittedAt == null ? now : submittedAt;
    }
}
