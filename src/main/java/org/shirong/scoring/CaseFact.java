package org.shirong.scoring;

import java.time.Instant;
import org.shirong.rectification.CaseSource;
import org.shirong.rectification.CaseStatus;
import org.shirong.rectification.Urgency;

/**
 * What scoring needs to know of a rectification case due in the period, read from {@code rect_case}: of one case, or of
 * {@code count} cases alike in everything scoring looks at (then {@code caseNo} is null), as {@link ScoringFacts} counts
 * them. {@code handledOnTime} is 按时处置: the (last) rectification was handed in no later than the due instant.
 * {@code appealed}: how many of the case's deductions (超期, 返工) the lead unit appealed with success (考核申诉); the other
 * fields already leave them out, as {@link ScoringFacts} reads them.
 */
record CaseFact(String caseNo, String leadUnit, CaseSource source, Urgency urgency, CaseStatus status, boolean handledOnTime,
        Boolean closedOnTime, boolean overdue, int reworkCount, int appealed, int count) {

    /** One case due at {@code dueAt}, its rectification handed in at {@code submittedAt} (null: not yet). */
    CaseFact(String caseNo, String leadUnit, CaseSource source, Urgency urgency, CaseStatus status, Instant dueAt,
            Instant submittedAt, Boolean closedOnTime, boolean overdue, int reworkCount) {
        this(caseNo, leadUnit, source, urgency, status, submittedAt != null && !submittedAt.isAfter(dueAt), closedOnTime, overdue,
                reworkCount, 0, 1);
    }

    boolean suspended() {
        return status == CaseStatus.SUSPENDED;
    }

    boolean closed() {
        return status == CaseStatus.CLOSED;
    }

    boolean closedOnTimeFlag() {
        return closed() && Boolean.TRUE.equals(closedOnTime);
    }

    /** 超期: marked red, or not handed in by the due instant. */
    boolean late() {
        return overdue || !handledOnTime;
    }

    boolean urgent() {
        return urgency == Urgency.URGENT;
    }
}
