package org.shirong.meeting;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.spin.plugin.variable.SpinValues;
import org.shirong.calendar.WorkingCalendar;
import org.shirong.calendar.WorkingCalendars;
import org.shirong.organization.GroupType;
import org.shirong.organization.OrganizationRecords;
import org.shirong.organization.Organizations;
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
    private final Organizations organizations;
    private final PlanItemProgress planItems;

    MeetingPapers(UnitScores scores, MeetingDocuments documents, MeetingRecords records, OrganizationRecords organization,
            CategoryCatalogue categories, WorkingCalendars calendars, Organizations organizations, PlanItemProgress planItems) {
        this.organizations = organizations;
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
        return prepare(m, processInstanceId, null);
    }

    /**
     * {@code unranked}: why the meeting ranks no unit (its cycle's score-phases have no day in the period), or null; its
     * agenda then says so in place of the ranking, and it has no units to 通报 and saves no scores.
     */
    Prepared prepare(MeetingFacts m, String processInstanceId, String unranked) {
        String period = m.scorePeriod().isEmpty() ? scores.previousMonth(m.meetingAt()) : m.scorePeriod();
        Optional<IssuedNotice> issued = issuedNotice(m.campaignCode(), period);
        // Once the period's 通报 is out, its ranking is the one saved then: a later meeting shows it and does not save anew.
        PeriodScores periodScores = issued.isPresent() || unranked != null ? scores.read(m.organization(), m.campaignCode(), period)
                : scores.computeAndSave(m.organization(), m.campaignCode(), period);
        if (unranked != null) {
            StoredDocument agenda = documents.agenda(meeting(m), periodScores, null, processInstanceId, unranked);
            List<Option> called = campaignUnits(m.campaignCode(), m.organization());
            WorkingCalendar calendar = calendars.of(m.organization());
            return new Prepared(period, agenda.url(), documents.datedName(meeting(m)), false,
                    calendar.addWorkingTime(m.meetingAt(), calendar.officeDay()), decisionUnits(called, m.organization()),
                    categories(m.organization()), called.stream().map(u -> "group:" + u.value()).collect(Collectors.joining(",")));
        }
        StoredDocument agenda = documents.agenda(meeting(m), periodScores, issued.orElse(null), processInstanceId);
        List<Option> called = campaignUnits(m.campaignCode(), m.organization());
        WorkingCalendar calendar = calendars.of(m.organization());
        // the 通报 names the units ranked low, those late with a task of the period, those a meeting decided to 通报 and
        // those that left a 协办 of the campaign's cases unrecorded (属地街镇配合)
        boolean toName = !periodScores.named().isEmpty() || !documents.othersNamed(m.campaignCode(), periodScores).isEmpty()
                || !scores.cooperation(m.organization(), m.campaignCode(), period).named().isEmpty();
        return new Prepared(period, agenda.url(), documents.datedName(meeting(m)), toName && issued.isEmpty(),
                calendar.addWorkingTime(m.meetingAt(), calendar.officeDay()), decisionUnits(called, m.organization()),
                categories(m.organization()), called.stream().map(u -> "group:" + u.value()).collect(Collectors.joining(",")));
    }

    /**
     * What a 临时会议's record offers for its 决定事项, having no campaign to take them from: the organisation's units that
     * can be given work and, for a district, its towns' and streets' offices named by the town (as 工作交办 offers them);
     * its applicable categories.
     */
    void offerAdHoc(VariableScope variables, String tenant) {
        List<Option> units = new java.util.ArrayList<>(decisionUnits(List.of(), tenant));
        organizations.townNamesByOffice(tenant).forEach((office, town) -> units.add(new Option(town, office)));
        offer(variables, units, categories(tenant));
    }

    /** The record form's 决定事项 choices: the units and categories (Json options) and their names for its help text. */
    static void offer(VariableScope variables, List<Option> units, List<Option> categories) {
        variables.setVariable(JointMeetingProcess.VAR_UNIT_OPTIONS, SpinValues.jsonValue(DecisionInput.json(units)).create());
        variables.setVariable(JointMeetingProcess.VAR_CATEGORY_OPTIONS, SpinValues.jsonValue(DecisionInput.json(categories)).create());
        variables.setVariable(JointMeetingProcess.VAR_UNIT_NAMES, DecisionLines.names(units));
        variables.setVariable(JointMeetingProcess.VAR_CATEGORY_NAMES, DecisionLines.names(categories));
    }

    /**
     * The decisions as the minutes list them, each with what it became: a case by its number once 落实会议决定 has made it
     * ({@code meeting}, whose outcomes are looked up; null for a 临时会议, whose minutes come before its decisions are
     * carried out).
     */
    List<DecisionLine> decisionLines(String tenant, MeetingFacts meeting, List<DecisionInput> decisions) {
        return decisions.stream().map(d -> new DecisionLine(d.no(), d.content(), d.kindLabel(), unitName(tenant, d.unit()), d.due(),
                d.isCase() ? caseOutcome(meeting == null ? null : caseNoOf(meeting, d.no()))
                        : d.isNotice() ? "列入本活动的通报" : "交办承办单位")).toList();
    }

    /** 落实情况 of a decision made a case: the case's number, as 落实会议决定 (before the minutes) reported it (s52 J21). */
    static String caseOutcome(String caseNo) {
        return caseNo == null ? "立整改案件" : "立整改案件 " + caseNo;
    }

    private List<Option> categories(String tenant) {
        return categories.all(tenant).stream().filter(c -> c.applicable()).map(c -> new Option(c.name(), c.code())).toList();
    }

    /** {@code issuesNotice}: the meeting issues its period's 通报 next, and its minutes record that decision. */
    StoredDocument minutes(MeetingFacts m, String minutes, List<String> attendeeIds, List<DecisionLine> decisions,
            boolean issuesNotice, String processInstanceId) {
        Map<String, String> names = organization.unitNames(m.organization());
        String notice = issuesNotice ? MeetingDocuments.noticeTitle(scores.window(m.scorePeriod()).periodName()) : null;
        return documents.minutes(meeting(m), minutes, attendeeIds.stream().map(id -> names.getOrDefault(id, id)).toList(),
                decisions, notice, processInstanceId);
    }

    /** {@code unranked}: why the meeting ranks no unit, or null; its 通报 then prints no ranking, as its agenda. */
    StoredDocument notice(MeetingFacts m, String processInstanceId, String unranked) {
        return documents.notice(meeting(m), scores.read(m.organization(), m.campaignCode(), m.scorePeriod()), processInstanceId,
                unranked);
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
    String noticeSummary(MeetingFacts m, boolean unranked) {
        PeriodScores periodScores = scores.read(m.organization(), m.campaignCode(), m.scorePeriod());
        return (unranked ? periodScores.periodName() + "不排名。" : periodScores.notice())
                + org.shirong.report.RankingNotices.cooperationLine(scores.cooperation(m.organization(), m.campaignCode(), m.scorePeriod()))
                + org.shirong.report.RankingNotices.othersLine(documents.othersNamed(m.campaignCode(), periodScores).unitNames());
    }

    /** The number of the case decision {@code no} of the meeting became, once 落实会议决定 has made it (null before, or none). */
    String caseNoOf(MeetingFacts m, int no) {
        return records.outcome(m.key(), no).map(MeetingRecords.Outcome::caseNo).orElse(null);
    }

    /** A unit as the meeting's organisation reads it (another organisation's with that one named). */
    String unitName(MeetingFacts m, String groupId) {
        return unitName(m.organization(), groupId);
    }

    /**
     * A unit as organisation {@code tenant} reads it (another organisation's with that one named); a district's town or
     * street, whose office is given its work, by the town's name.
     */
    String unitName(String tenant, String groupId) {
        String town = organizations.townNamesByOffice(tenant).get(groupId);
        return town != null ? town : organization.unitNames(tenant).getOrDefault(groupId, groupId);
    }

    /**
     * The campaign's units, who are called to its meetings: its participants, then the lead and responsible units of its
     * plan items that are not among them (锦溪's 创建办 leads two 931 items but signs no letter, s52 J21), each once; or,
     * before the campaign lists any, every unit of the organisation that can be given work.
     */
    private List<Option> campaignUnits(String campaignCode, String tenant) {
        List<MeetingRecords.CampaignUnit> campaignUnits = records.campaignUnits(campaignCode);
        if (!campaignUnits.isEmpty()) {
            List<Option> units = new java.util.ArrayList<>(campaignUnits.stream().map(u -> new Option(u.name(), u.groupId())).toList());
            Map<String, String> names = organization.unitNames(tenant);
            java.util.Set<String> listed = new java.util.HashSet<>(units.stream().map(Option::value).toList());
            for (String unit : planItems.itemUnits(campaignCode, true)) {
                if (listed.add(unit) && names.containsKey(unit)) {
                    units.add(new Option(names.get(unit), unit));
                }
            }
            return List.copyOf(units);
        }
        return organization.units(tenant).stream().filter(u -> u.type() != GroupType.LEADING_GROUP && u.type() != GroupType.OFFICE)
                .map(u -> new Option(u.name(), u.id())).toList();
    }

    /**
     * Who a meeting's decision may go to (jtreview T9): the campaign's units, then every working group and unit of the
     * organisation the template does not name (九亭: 执法整治组 for 联合执法、专项整治 of 重点难点, 督导检查组 for checks, 党政办,
     * 河长办 …, each 居委会), as a case or a 交办 may go to any of them. Not the leading group nor the office, which decide
     * and hand out, nor a collective (各居委会), whose work is each member's: its member units are offered instead.
     */
    private List<Option> decisionUnits(List<Option> campaignUnits, String tenant) {
        List<OrganizationRecords.Unit> own = organization.units(tenant);
        java.util.Set<String> collectives = own.stream().map(OrganizationRecords.Unit::parent).filter(java.util.Objects::nonNull)
                .filter(parent -> own.stream().anyMatch(u -> u.id().equals(parent) && UNIT_TYPES.contains(u.type())))
                .collect(Collectors.toSet());
        List<Option> units = new java.util.ArrayList<>(campaignUnits.stream().filter(u -> !collectives.contains(u.value())).toList());
        java.util.Set<String> listed = new java.util.HashSet<>(campaignUnits.stream().map(Option::value).toList());
        own.stream().filter(u -> u.type() == GroupType.WORKING_GROUP).filter(u -> listed.add(u.id()))
                .forEach(u -> units.add(new Option(u.name(), u.id())));
        own.stream().filter(u -> UNIT_TYPES.contains(u.type()) && !collectives.contains(u.id())).filter(u -> listed.add(u.id()))
                .forEach(u -> units.add(new Option(u.name(), u.id())));
        return List.copyOf(units);
    }

    private static final java.util.Set<GroupType> UNIT_TYPES = java.util.Set.of(GroupType.UNIT, GroupType.COMMITTEE, GroupType.PROPERTY);

    private MeetingDocuments.Meeting meeting(MeetingFacts m) {
        return new MeetingDocuments.Meeting(m.key(), m.organization(), m.campaignCode(), m.campaignName(), m.meetingName(),
                unitName(m, m.organiserGroup()), m.meetingAt(), m.place());
    }
}
