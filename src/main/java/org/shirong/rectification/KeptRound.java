package org.shirong.rectification;

import java.time.Instant;

/**
 * A round of a case that its reopening (重新打开) ended, as it closed ({@code rect_case_round}): the unit that led it, its
 * closure, on time or not, and its deadline, which count in the period they fell in; {@code reopenedAt} ended it.
 */
public record KeptRound(String caseNo, int roundNo, String leadUnit, Instant closedAt, Boolean closedOnTime, Instant dueAt,
        Instant reopenedAt) {
}
