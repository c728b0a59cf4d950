package org.shirong.meeting;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.shirong.calendar.WorkingCalendar;
import org.shirong.calendar.WorkingCalendars;
import org.shirong.organization.GroupType;
import org.shirong.organization.OrganizationRecords;
import org.shirong.report.MeetingDocuments;
import org.shirong.report.PlanItemProgress;
import org.shirong.report.MeetingDocuments.DecisionLine;
import org.shirong.report.MeetingDocuments.IssuedNotice;
import org.shirong.report.StoredDocument;
import org.shirong.rectification.CategoryCatalogue;
import org.shirong.scoring.UnitScores;
import org.shirong.scoring.UnitScores.PeriodScores;
import org.springframework.stereotype.Service;

/**
 * Prepares and documents a meeting: scores the period and stores the agenda, works out the record's
 * due time and the units and categories the record form offers; stores the minutes and the 通报.
 */
@Service
class MeetingPapers {

    private final UnitScores scores;
    private final MeetingDocuments documents;
    private final MeetingRecords records;
    private final OrganizationRecords organization;
    private final CategoryCatalogue categories;
    private final WorkingCalendars calendars;
    private final PlanItemProgress planItems;

    MeetingPapers(UnitScores scores, MeetingDocuments documents, MeetingRecords records, OrganizationRecords organization,
            CategoryCatalogue categories, WorkingCalendars calendars, PlanItemProgress planItems) {
        this.planItems = planItems;
        this.scores = scores;
        this.documents = documents;
        this.records = records;
        this.organization = organization;
        this.categories = categories;
        this.calendars = calendars;
    }

    /** A form option. */
    record Option(String label, String value) {
    }

    /** What 生成会议议程 gives the process. */
    record Prepared(String periodCode, String agendaUrl, String datedName, boolean hasNamedUnits, Instant recordDueAt,
            List<Option> units, List<Option> categories, String participantRecipients) {
    }

    Prepared prepare(MeetingFacts m, String processInstanceId) {
        String period = m.scorePeriod().isEmpty() ? scores.previousMonth(m.meetingAt()) : m.scorePeriod();
        Optional<IssuedNotice> issued = issuedNotice(m.campaignCode(), period);
        // Once the period's 通报 is out, its ranking is the one saved then: a later meeting shows it and does not save anew.
        PeriodScores periodScores = issued.isPresent() ? scores.read(m.organization(), m.campaignCode(), period)
                : scores.computeAndSave(m.organization(), m.campaignCode(), period);
        StoredDocument agenda = documents.agenda(meeting(m), periodScores, issued.orElse(null), processInstanceId);
        List<Option> units = units(m.campaignCode());
        WorkingCalendar calendar = calendars.of(m.organization());
        return new Prepared(period, agenda.url(), documents.datedName(meeting(m)), !periodScores.named().isEmpty() && issued.isEmpty(),
                calendar.addWorkingTime(m.meetingAt(), calendar.officeDay()), units,
                categories.all(m.organization()).stream().filter(c -> c.applicable()).map(c -> new Option(c.name(), c.code())).toList(),
                units.stream().map(u -> "group:" + u.value()).collect(Collectors.joining(",")));
    }

    StoredDocument minutes(MeetingFacts m, String minutes, List<String> attendeeIds, List<DecisionLine> decisions,
            String processInstanceId) {
        Map<String, String> names = organization.unitNames();
        return documents.minutes(meeting(m), minutes, attendeeIds.stream().map(id -> names.getOrDefault(id, id)).toList(),
                decisions, processInstanceId);
    }

    StoredDocument notice(MeetingFacts m, String processInstanceId) {
        return documents.notice(meeting(m), scores.read(m.organization(), m.campaignCode(), m.scorePeriod()), processInstanceId);
    }

    /**
     * Whether an earlier meeting of the campaign has issued the 通报 of this meeting's score period: the plan's 例会 meets
     * twice a month, and the month's non-performing units are named once (九亭镇: 定期向联席会议通报).
     */
    boolean noticeIssued(MeetingFacts m) {
        return issuedNotice(m.campaignCode(), m.scorePeriod()).isPresent();
    }

    /**
     * The campaign's 通报 of the score period, stored under the period's key; or, stored before 通报 were kept per period
     * (a campaign running since before the upgrade), under the key of the meeting that issued it, whose period is the one
     * it was convened to score or else the month before it.
     */
    private Optional<IssuedNotice> issuedNotice(String campaignCode, String period) {
        String key = MeetingDocuments.noticeKey(period);
        return records.notices(campaignCode).stream()
                .filter(n -> n.docKey().equals(key)
                        || n.meetingKey() != null && n.docKey().equals(MeetingDocuments.noticeKey(n.meetingKey()))
                        && period.equals(n.scorePeriod() != null ? n.scorePeriod() : scores.previousMonth(n.meetingAt())))
                .findFirst().map(n -> new IssuedNotice(n.title(), n.issuedAt(), n.meetingName(), n.meetingAt()));
    }

    /** The notice's one-line summary for the notification. */
    String noticeSummary(MeetingFacts m) {
        return scores.read(m.organization(), m.campaignCode(), m.scorePeriod()).notice();
    }

    /** The number of the case decision {@code no} of the meeting became, once 落实会议决定 has made it (null before, or none). */
    String caseNoOf(MeetingFacts m, int no) {
        return records.outcome(m.key(), no).map(MeetingRecords.Outcome::caseNo).orElse(null);
    }

        String unitName(String groupId) {
        return organization.unitNames().getOrDefault(groupId, groupId);
    }

    /**
     * The units a meeting of the campaign may give work to and checks off as present: its participants, then the lead and
     * responsible units of its plan items that are not among them (锦溪's 创建办 leads two 931 items but signs no letter,
     * s52 J21), each once; or, before the campaign lists any, every unit of the organisation that can be given work. Not
     * every unit of the organisation: a meeting deploys the campaign's work, to the units the plan gives a part in it.
     */
    private List<Option> units(String campaignCode) {
        List<MeetingRecords.CampaignUnit> campaignUnits = records.campaignUnits(campaignCode);
        if (!campaignUnits.isEmpty()) {
            List<Option> units = new java.util.ArrayList<>(campaignUnits.stream().map(u -> new Option(u.name(), u.groupId())).toList());
            Map<String, String> names = organization.unitNames();
            java.util.Set<String> listed = new java.util.HashSet<>(units.stream().map(Option::value).toList());
            for (String unit : planItems.itemUnits(campaignCode, true)) {
                if (listed.add(unit) && names.containsKey(unit)) {
                    units.add(new Option(names.get(unit), unit));
                }
            }
            return List.copyOf(units);
        }
        return organization.units().stream().filter(u -> u.type() != GroupType.LEADING_GROUP && u.type() != GroupType.OFFICE)
                .map(u -> new Option(u.name(), u.id())).toList();
    }


    private MeetingDocuments.Meeting meeting(MeetingFacts m) {
        return new MeetingDocuments.Meeting(m.key(), m.organization(), m.campaignCode(), m.campaignName(), m.meetingName(),
                unitName(m.organiserGroup()), m.meetingAt(), m.place());
    }
}
