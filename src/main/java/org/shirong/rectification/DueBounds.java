package org.shirong.rectification;

import static org.shirong.system.ChineseDates.DAY;
import static org.shirong.system.ChineseDates.MINUTE;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.shirong.calendar.TimeLimit;
import org.shirong.calendar.WorkingCalendar;
import org.shirong.calendar.WorkingCalendars;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A dispatched case's clock: due at the earliest of the dispatch table's limit (or, for a meeting decision, its 期限,
 * which is the point of the decision), the campaign plan item's finish-by (when the item names the case's source or
 * names none) and the campaign's end. A bound already
 * past when the case is dispatched does not bind: the case would be overdue the moment it appears. When a plan bound
 * binds, the warning and escalation instants keep their share of the shortened clock. A decision's 期限 and a plan's
 * day end, as an approved extension's 延期至 does, at that day's closing time in the organisation's working calendar, so
 * that the due date shown is the day the plan or the decision names, not midnight after it.
 */
@Component
class DueBounds {

    private static final Logger LOG = LoggerFactory.getLogger(DueBounds.class);

    private final CaseDeadlines deadlines;
    private final WorkingCalendars calendars;

    DueBounds(CaseDeadlines deadlines, WorkingCalendars calendars) {
        this.deadlines = deadlines;
        this.calendars = calendars;
    }

    /** The clock, what bound it, and what the timeline says of it (null for a case no plan or decision bears on). */
    record Bounded(Deadlines deadlines, DueBound bound, String note) {
    }

    private record Bound(DueBound kind, Instant at) {
    }

    /** The clock of case {@code caseNo} of {@code source}: its plan item's finish-by binds only the sources the item names. */
    Bounded bound(String organization, String caseNo, CaseSource source, Instant now, TimeLimit limit, LocalDate decidedDue,
            Optional<CampaignPlans.PlanFacts> plan) {
        WorkingCalendar calendar = calendars.of(organization);
        ZoneId zone = calendar.zone();
        Deadlines table = deadlines.start(organization, now, limit);
        List<Bound> bounds = new ArrayList<>();
        if (decidedDue != null) {
            bounds.add(new Bound(DueBound.MEETING_DECISION, closing(decidedDue, calendar)));
        }
        plan.flatMap(p -> p.itemFinishBy(source))
                .ifPresent(at -> bounds.add(new Bound(DueBound.PLAN_ITEM, closing(lastDay(at, zone), calendar))));
        plan.map(CampaignPlans.PlanFacts::campaignEnd)
                .ifPresent(at -> bounds.add(new Bound(DueBound.CAMPAIGN_END, closing(lastDay(at, zone), calendar))));
        if (bounds.isEmpty()) {
            return new Bounded(table, DueBound.DISPATCH_LIMIT, null);
        }
        List<String> notes = new ArrayList<>();
        List<Bound> ahead = new ArrayList<>();
        for (Bound b : bounds) {
            if (b.at().isAfter(now)) {
                ahead.add(b);
            } else {
                LOG.info("案件 {}：{}（{}）已过，不作为期限", caseNo, b.kind().label(), day(b.at(), zone));
                notes.add(b.kind().label() + "（" + day(b.at(), zone) + "）已过，不作为期限");
            }
        }
        if (ahead.stream().noneMatch(b -> b.kind() == DueBound.MEETING_DECISION)) {
            ahead.add(0, new Bound(DueBound.DISPATCH_LIMIT, table.dueAt()));
        }
        // Stable: of two bounds at the same instant the one listed first (the case's own) is named.
        Bound binding = ahead.stream().min(Comparator.comparing(Bound::at)).orElseThrow();
        Deadlines d = binding.kind() == DueBound.DISPATCH_LIMIT ? table
                : deadlines.extend(organization, now, binding.at(), limit.unit());
        String at = binding.kind() == DueBound.DISPATCH_LIMIT ? MINUTE.format(binding.at().atZone(zone)) : day(binding.at(), zone);
        notes.add(0, "期限按" + binding.kind().label() + "（" + at + "）");
        return new Bounded(d, binding.kind(), String.join("；", notes));
    }

    /** The day a bound ends: the day of its closing time. */
    private static String day(Instant bound, ZoneId zone) {
        return DAY.format(bound.atZone(zone));
    }

    /** The day that ends at {@code endOfDay}, midnight after it (as a plan's phases end). */
    private static LocalDate lastDay(Instant endOfDay, ZoneId zone) {
        return endOfDay.minusNanos(1).atZone(zone).toLocalDate();
    }

    /**
     * The end of the office day {@code day}, or of the working day before it when it falls on a weekend or holiday (a
     * plan's 4月上旬 ending on a Saturday binds the case to Friday's closing time, sjreview F7); a decision's 期限 is a
     * working day already.
     */
    private static Instant closing(LocalDate day, WorkingCalendar calendar) {
        return calendar.closingOnOrBefore(day);
    }
}
