package org.shirong.report;

import static org.shirong.system.ChineseDates.DAY;
import static org.shirong.system.ChineseDates.MINUTE;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.shirong.calendar.WorkingCalendar;
import org.shirong.calendar.WorkingCalendars;
import org.shirong.organization.Organizations;
import org.shirong.rectification.CaseRecord;
import org.shirong.rectification.CaseStatus;
import org.shirong.rectification.RectificationCases;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The campaign's cases 列入通报名单 that its 通报 and 月报 list (sjreview-s57 D8: a district plan holds no 例会 whose agenda
 * would carry them, so without this "列入通报名单" led nowhere): every case put on the list before the document's time that
 * was still not closed at the start of its period, closed or not since. A case left open stays on every 通报 until closed;
 * one closed during the period is listed once more, with the days it was behind at closure.
 */
@Component
class EscalatedCases {

    private final JdbcTemplate jdbc;
    private final RectificationCases cases;
    private final WorkingCalendars calendars;
    private final Organizations organizations;

    EscalatedCases(JdbcTemplate jdbc, RectificationCases cases, WorkingCalendars calendars, Organizations organizations) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.calendars = calendars;
        this.organizations = organizations;
    }

    /** The campaign's cases 列入通报名单 by {@code asOf} and open at some time from {@code from} on, by deadline. */
    List<Figures.EscalatedCase> of(String campaignCode, Instant from, Instant asOf) {
        String tenant = jdbc.queryForList("select tenant_id from campaign where code = ?", String.class, campaignCode).stream()
                .findFirst().orElse(null);
        WorkingCalendar calendar = calendars.of(tenant);
        return jdbc.queryForList("select case_no from rect_case where campaign_code = ? and escalated = ? and status not in (?, ?)"
                        + " and (closed_at is null or closed_at >= ?) order by due_at, case_no", String.class, campaignCode, true,
                        CaseStatus.MERGED.name(), CaseStatus.VOIDED.name(), Timestamp.from(from)).stream()
                .map(cases::get)
                .filter(c -> c.escalateAt() == null || c.escalateAt().isBefore(asOf))
                .map(c -> line(c, tenant, calendar, asOf)).toList();
    }

    private Figures.EscalatedCase line(CaseRecord c, String tenant, WorkingCalendar calendar, Instant asOf) {
        boolean closed = c.status() == CaseStatus.CLOSED && c.closedAt() != null && !c.closedAt().isAfter(asOf);
        Instant until = closed ? c.closedAt()
                : c.status() == CaseStatus.AWAITING_VERIFICATION && c.submittedAt() != null ? c.submittedAt() : asOf;
        String state = closed ? "已于" + DAY.format(c.closedAt().atZone(calendar.zone())) + "结案"
                : switch (c.status()) {
                    case AWAITING_VERIFICATION -> "逾期提交，待核查";
                    case SUSPENDED -> "已挂账";
                    default -> "超期未整改";
                };
        return new Figures.EscalatedCase(c.caseNo(), c.title(), organizations.unitName(c.leadUnit(), tenant), territory(c, tenant),
                c.dueAt() == null ? "—" : MINUTE.format(c.dueAt().atZone(calendar.zone())),
                c.dueAt() == null ? 0 : calendar.workingDaysLate(c.dueAt(), until), state);
    }

    /** A district's case by its town or street; a town's own case (its 属地 the town itself) by its 社区 when it names one. */
    private String territory(CaseRecord c, String tenant) {
        if (c.territory() != null && !c.territory().equals(tenant)) {
            return Objects.toString(cases.territoryName(c.territory()), c.territory());
        }
        if (c.community() != null && !c.community().isBlank()) {
            return c.community();
        }
        return c.territory() == null ? "—" : Objects.toString(cases.territoryName(c.territory()), "—");
    }
}
