package org.shirong.rectification;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;

/**
 * One row of {@code rect_case}. {@code territory}: the organisation (town or street) where the problem lies,
 * {@code community}: the 社区/村/网格 named when it was reported, or null; {@code tenantId}: the organisation the
 * case belongs to. {@code campaign}: the code of the campaign it belongs to (found by it, decided at its meeting,
 * imported or reported for it), or null; {@code planItem}: the category code of the campaign's plan item (931 项目,
 * survey 大类) it counts under, or null; {@code subItem}: the survey 小项 it concerns, or null; {@code dueBound}: what
 * bound its due date when it was last dispatched ({@link DueBound}), null before; {@code mergedInto}: the case it was
 * merged into as a duplicate ({@link CaseStatus#MERGED}), else null; {@code reopenCount}: how often the office reopened
 * it after its closure (重新打开, {@link CaseReopens}); {@code reworksBeforeReopen}: of its {@code reworkCount} (all rounds),
 * those before its current round.
 */
public record CaseRecord(
        String caseNo, String processInstanceId, CaseSource source, String externalRef, String category,
        Urgency urgency, String title, String description, String address, BigDecimal lat, BigDecimal lng,
        String gridCell, String leadUnit, String responsibleUnits, Integer limitAmount, String limitUnit,
        CaseStatus status, String reportedBy, Instant reportedAt, Instant dispatchedAt, Instant claimedAt,
        Instant submittedAt, Instant closedAt, Instant suspendedAt, Instant clockStartedAt, Instant warnAt,
        Instant dueAt, Instant escalateAt, boolean warningSent, boolean overdue,
        boolean escalated, Boolean closedOnTime, int extensionCount, int reworkCount, int returnCount, String territory,
        String community, String tenantId, String campaign, String planItem, String subItem, DueBound dueBound,
        String mergedInto, int reopenCount, int reworksBeforeReopen) {

    /** Coordinates as {@code rect_case} keeps them (decimal(9, 6)), so that a record built here equals the row written from it. */
    public CaseRecord {
        lat = asStored(lat);
        lng = asStored(lng);
    }

    private static BigDecimal asStored(BigDecimal coordinate) {
        return coordinate == null ? null : coordinate.setScale(6, RoundingMode.HALF_UP);
    }

    /**
     * Whether the case is 超期 at {@code asOf}: its current deadline passed (strictly before) without the fix handed in by
     * it. Not when closed on time by then, nor when its last round was handed in by the deadline and by {@code asOf} (waiting
     * for 核查, or closed since), nor while an approved 挂账 stops its clock (suspended by then). Counted so per plan item
     * ({@link CampaignCaseCounts#perPlanItem}, in SQL alike) and on the campaign page.
     */
    public boolean overdueAt(Instant asOf) {
        if (dueAt == null || !dueAt.isBefore(asOf)) {
            return false;
        }
        if (closedAt != null && !closedAt.isAfter(asOf) && Boolean.TRUE.equals(closedOnTime)) {
            return false;
        }
        if (status == CaseStatus.SUSPENDED && suspendedAt != null && !suspendedAt.isAfter(asOf)) {
            return false;
        }
        return !((status == CaseStatus.AWAITING_VERIFICATION || status == CaseStatus.CLOSED) && submittedAt != null
                && !submittedAt.isAfter(asOf) && !submittedAt.isAfter(dueAt));
    }

    /** The status as people read it, with how often the case was reopened: 整改中（重新打开 1 次）. */
    public String statusName() {
        return reopenCount == 0 ? status.label() : status.label() + "（重新打开 " + reopenCount + " 次）";
    }

    /**
     * The case as {@link RectificationCases#dispatched} leaves it: sent to {@code leadUnit} by the process
     * {@code processInstanceId}, its clock started {@code at}, running to {@code deadlines}, no warning, overdue or
     * escalation yet.
     */
    CaseRecord dispatchedAs(String processInstanceId, String leadUnit, String responsibleUnits, Integer limitAmount,
            String limitUnit, Instant at, Deadlines deadlines, DueBound dueBound) {
        return new CaseRecord(caseNo, processInstanceId, source, externalRef, category, urgency, title, description, address,
                lat, lng, gridCell, leadUnit, responsibleUnits, limitAmount, limitUnit, CaseStatus.DISPATCHED, reportedBy,
                reportedAt, at, claimedAt, submittedAt, closedAt, suspendedAt, at, deadlines.warnAt(), deadlines.dueAt(),
                deadlines.escalateAt(), false, false, false, closedOnTime, extensionCount, reworkCount, returnCount, territory,
                community, tenantId, campaign, planItem, subItem, dueBound, mergedInto, reopenCount, reworksBeforeReopen);
    }
}
