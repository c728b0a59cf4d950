package org.shirong.scoring;

import java.time.Instant;
import org.shirong.rectification.CaseSource;
import org.shirong.rectification.CaseStatus;
import org.shirong.rectification.Urgency;

/** What scoring needs to know of one rectification case due in the period, read from {@code rect_case}. */
record CaseFact(String caseNo, String leadUnit, CaseSource source, Urgency urgency, CaseStatus status,
        Instant dueAt, Instant submittedAt, Boolean closedOnTime, boolean overdue, int reworkCount) {

    boolean suspended() {
        return status == CaseStatus.SUSPENDED;
    }

    boolean closed() {
        return status == CaseStatus.CLOSED;
    }

    boolean closedOnTimeFlag() {
        return closed() && Boolean.TRUE.equals(closedOnTime);
    }

    /** 按时处置: the (last) rectification was handed in no later than the due instant. */
    boolean handledOnTime() {
        return submittedAt != null && !submittedAt.isAfter(dueAt);
    }

    /** 超期: marked red, or not handed in by the due instant. */
    boolean late() {
        return overdue || !handledOnTime();
    }

    boolean urgent() {
        return urgency == Urgency.URGENT;
    }
}
