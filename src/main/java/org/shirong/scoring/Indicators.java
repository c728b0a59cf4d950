package org.shirong.scoring;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.function.Predicate;

/**
 * One unit's indicators for a period (DOMAIN.md §3), counted over the cases that count for the period (due in it,
 * closed in it before their due instant, or overdue before it and still not closed at its end) whose lead unit it is. {@code dueCount} is 应结案数 and also 应处置数: those
 * cases, less the suspended
 * (挂账) ones when the rubric excludes them. Rates are percentages with two decimals, and null when
 * their denominator is 0 (shown as "—", never as 0 or 100).
 *
 * <ul>
 * <li>结案率 = closedCount / dueCount; 按期结案率 = onTimeClosedCount / dueCount</li>
 * <li>按时处置率 = handledOnTimeCount / dueCount (handed in no later than due)</li>
 * <li>返工率 = reworkedCount (cases sent back at least once) / dueCount; reworkTotal counts every rework</li>
 * <li>overdueCount (超期数): marked red or not handed in by the due instant</li>
 * <li>returnedCount (回退数): returns made by the unit in the period, whenever the case is due</li>
 * <li>reopenedCount (重新打开数): the unit's closed cases reopened in the period (the fix did not hold), whenever the
 * case is due</li>
 * <li>紧急案件按期结案率 = urgentOnTimeCount / urgentCount</li>
 * <li>appealedCount (核准申诉): the unit's deductions (超期, 返工, 回退, 重新打开) that no longer count because its appeal
 * was approved; the other figures already leave them out</li>
 * </ul>
 */
record Indicators(int caseCount, int suspendedCount, int dueCount, int closedCount, int onTimeClosedCount,
        int handledOnTimeCount, int reworkedCount, int reworkTotal, int overdueCount, int returnedCount,
        int urgentCount, int urgentOnTimeCount, BigDecimal closureRate, BigDecimal onTimeClosureRate,
        BigDecimal onTimeHandlingRate, BigDecimal reworkRate, BigDecimal urgentOnTimeRate, int appealedCount, int reopenedCount) {

    static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** The cases that count: all counted for the period, less the suspended ones if {@code excludeSuspended}. */
    static List<CaseFact> counted(List<CaseFact> cases, boolean excludeSuspended) {
        return excludeSuspended ? cases.stream().filter(c -> !c.suspended()).toList() : cases;
    }

    static Indicators of(List<CaseFact> cases, int returned, boolean excludeSuspended) {
        return of(cases, returned, 0, 0, excludeSuspended);
    }

    /**
     * As {@link #of(List, int, boolean)}, with {@code appealedSteps} cases whose returns, and cases whose reopenings, the
     * unit appealed with success and {@code reopened} reopenings of its cases.
     */
    static Indicators of(List<CaseFact> cases, int returned, int appealedSteps, int reopened, boolean excludeSuspended) {
        List<CaseFact> due = counted(cases, excludeSuspended);
        int n = count(due, c -> true);
        int closed = count(due, CaseFact::closed);
        int onTime = count(due, CaseFact::closedOnTimeFlag);
        int handled = count(due, CaseFact::handledOnTime);
        int reworked = count(due, c -> c.reworkCount() > 0);
        int urgent = count(due, CaseFact::urgent);
        int urgentOnTime = count(due, c -> c.urgent() && c.closedOnTimeFlag());
        return new Indicators(count(cases, c -> true), count(cases, CaseFact::suspended), n, closed, onTime, handled, reworked,
                due.stream().mapToInt(c -> c.reworkCount() * c.count()).sum(), count(due, CaseFact::late), returned, urgent,
                urgentOnTime, rate(closed, n), rate(onTime, n), rate(handled, n), rate(reworked, n),
                rate(urgentOnTime, urgent), cases.stream().mapToInt(c -> c.appealed() * c.count()).sum() + appealedSteps,
                reopened);
    }

    /** {@code part} of {@code whole} in percent, two decimals, or null when there is nothing to divide by. */
    static BigDecimal rate(int part, int whole) {
        return whole == 0 ? null
                : BigDecimal.valueOf(part).multiply(HUNDRED).divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_UP);
    }

    /** A rate for people: {@code 66.67%}, or {@code —} when there were no cases to count. */
    static String display(BigDecimal rate) {
        return rate == null ? "—" : rate.setScale(2, RoundingMode.HALF_UP).toPlainString() + "%";
    }

    /** How many cases pass the test (a fact may stand for several alike). */
    static int count(List<CaseFact> cases, Predicate<CaseFact> test) {
        return cases.stream().filter(test).mapToInt(CaseFact::count).sum();
    }
}
