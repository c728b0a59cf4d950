package org.shirong.report;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.shirong.scoring.UnitScores;
import org.shirong.system.SystemAccess;
import org.shirong.scoring.UnitScores.PeriodScores;
import org.springframework.stereotype.Service;

/**
 * The documents of a joint meeting (工作例会): the agenda with the campaign's progress as of its preparation (this
 * month's cases so far, plan items, work overdue), the score period's cases per unit and its ranking; the minutes with
 * attendance and decisions; and the 通报 of the named units. The agenda and the minutes are stored once per meeting ({@link Meeting#key()}), the 通报 once per campaign and
 * score period ({@link #noticeKey}): a town that meets twice a month names its non-performing units of a month once, and
 * the second meeting's agenda says when and by which meeting they were named ({@link IssuedNotice}).
 */
@Service
public class MeetingDocuments {

    /** What every 通报's key starts with (the meeting package's SQL joins on it too). */
    public static final String NOTICE_KEY_PREFIX = "notice/";

    /** The meeting process's variable saying why it ranks no unit ({@code JointMeetingProcess.VAR_UNRANKED}). */
    public static final String UNRANKED_VARIABLE = "unranked";

    private final DocumentModels models;
    private final DocumentTemplates templates;
    private final CampaignDocuments documents;
    private final UnitScores scores;
    private final NoticeNamedUnits named;
    private final HistoryService history;
    private final SystemAccess systemAccess;
    private final PeriodMeetings periodMeetings;

    MeetingDocuments(DocumentModels models, DocumentTemplates templates, CampaignDocuments documents, UnitScores scores,
            NoticeNamedUnits named, HistoryService history, SystemAccess systemAccess, PeriodMeetings periodMeetings) {
        this.named = named;
        this.history = history;
        this.systemAccess = systemAccess;
        this.periodMeetings = periodMeetings;
        this.models = models;
        this.templates = templates;
        this.documents = documents;
        this.scores = scores;
    }

    /** A meeting: its key (unique within the town), organisation, campaign, name, who holds it, when and where (blank: not given). */
    public record Meeting(String key, String organization, String campaignCode, String campaignName, String meetingName,
            String organiserName, Instant meetingAt, String place) {
    }

    /** A decision as the minutes list it: kind 整改案件/交办任务, the unit's name, the due day and what it became. */
    public record DecisionLine(int no, String content, String kind, String unitName, String due, String outcome) {
    }

    /**
     * The 通报 of the period an earlier meeting of the campaign issued: its title, when it was issued, and the meeting that
     * issued it ({@code meetingName} and {@code meetingAt} null when that meeting is not known).
     */
    public record IssuedNotice(String title, Instant issuedAt, String meetingName, Instant meetingAt) {
    }

    /**
     * The agenda; when the period's 通报 is out already ({@code issued} not null) it says so, by whom and when, in place of
     * the units the meeting would name.
     */
    public StoredDocument agenda(Meeting meeting, PeriodScores periodScores, IssuedNotice issued, String processInstanceId) {
        return agenda(meeting, periodScores, issued, processInstanceId, null);
    }

    /**
     * The agenda; {@code unranked}, when not null, says why the meeting ranks no unit (its cycle's score-phases): the agenda
     * gives it in place of the ranking and the units to 通报. So it does, with when and by whom it was issued, when the
     * period's 通报 is out and was issued by a meeting that ranks no unit ({@link #unranked}).
     */
    public StoredDocument agenda(Meeting meeting, PeriodScores periodScores, IssuedNotice issued, String processInstanceId,
            String unranked) {
        Map<String, Object> model = meetingModel(meeting);
        if (unranked != null) {
            model.put("unranked", unranked);
        } else if (issued != null) {
            // the period's 通报, out already, may have been issued by a meeting that ranks no unit: no ranking, as it
            unranked(meeting.campaignCode(), periodScores.periodCode()).ifPresent(why -> model.put("unranked", why));
        }
        models.addProgress(model, meeting.campaignCode(), scores.window(periodScores.periodCode()), periodScores);
        Instant now = ClockUtil.getCurrentTime().toInstant();
        models.addProgressSoFar(model, meeting.campaignCode(), now.isBefore(meeting.meetingAt()) ? now : meeting.meetingAt());
        models.addOverdueWork(model, meeting.campaignCode());
        // 属地街镇和协办部门配合情况, as the district's 通报 shows it; no section where the campaign has no 协办
        model.put("cooperation", scores.cooperation(meeting.organization(), meeting.campaignCode(), periodScores.periodCode()));
        if (issued == null) {
            models.addOthersNamed(model, meeting.campaignCode(), scores.window(periodScores.periodCode()), periodScores.provisional(),
                    now.isBefore(meeting.meetingAt()) ? now : meeting.meetingAt());
        } else {
            model.put("issuedNotice", Map.of("title", issued.title(), "issuedOn", models.day(issued.issuedAt()),
                    "meeting", issued.meetingName() == null ? "本活动此前的会议"
                            : issued.meetingName() + "（" + models.display(issued.meetingAt()) + "）"));
        }
        String title = meeting.campaignName() + datedName(meeting) + "议程";
        model.put("title", title);
        return documents.store(meeting.campaignCode(), "agenda/" + meeting.key(), DocumentKind.AGENDA, title,
                templates.render("agenda", model), processInstanceId);
    }

    /**
     * {@code issuedNotice}: the title of the 通报 the meeting decided to issue (its period's 不履职单位), or null; the
     * minutes record it among the decisions, so that they do not say 无决定事项 of a meeting the 通报 says it studied.
     */
    /** The title of a meeting's 通报 of {@code periodName}: 关于2026年11月考核不履职单位的通报. */
    public static String noticeTitle(String periodName) {
        return "关于" + periodName + "考核不履职单位的通报";
    }

    public StoredDocument minutes(Meeting meeting, String minutes, List<String> attendees, List<DecisionLine> decisions,
            String issuedNotice, String processInstanceId) {
        Map<String, Object> model = meetingModel(meeting);
        if (issuedNotice != null) {
            model.put("issuedNotice", issuedNotice);
        }
        String title = meeting.campaignName() + datedName(meeting) + "纪要";
        model.put("title", title);
        model.put("minutes", minutes);
        model.put("attendees", attendees);
        model.put("decisions", decisionLines(decisions));
        return documents.store(meeting.campaignCode(), "minutes/" + meeting.key(), DocumentKind.MINUTES, title,
                templates.render("minutes", model), processInstanceId);
    }

    /**
     * The period's 通报 issued by the meeting: the units ranked low, the units late with a task due in the period and the
     * units the campaign's meetings decided to 通报 and no 通报 has named yet (marked named in this one); the one issued
     * before when there is one.
     */
    public StoredDocument notice(Meeting meeting, PeriodScores periodScores, String processInstanceId) {
        return notice(meeting, periodScores, processInstanceId, null);
    }

    /**
     * The 通报 issued by a meeting that ranks no unit ({@code unranked}: why, as its agenda says; null when it ranks): it
     * names the units decided, late or not cooperating, and prints no ranking nor units named for their scores.
     */
    public StoredDocument notice(Meeting meeting, PeriodScores periodScores, String processInstanceId, String unranked) {
        String key = noticeKey(periodScores.periodCode());
        Optional<StoredDocument> issued = documents.find(meeting.campaignCode(), key);
        if (issued.isPresent()) {
            return issued.get();
        }
        Map<String, Object> model = meetingModel(meeting);
        String title = noticeTitle(periodScores.periodName());
        model.put("title", title);
        model.put("scores", periodScores);
        if (unranked != null) {
            model.put("unranked", noticeWording(unranked));
        }
        Instant now = ClockUtil.getCurrentTime().toInstant();
        UnitScores.Window window = scores.window(periodScores.periodCode());
        models.addOthersNamed(model, meeting.campaignCode(), window, periodScores.provisional(), now);
        model.put("cooperation", scores.cooperation(meeting.organization(), meeting.campaignCode(), periodScores.periodCode()));
        models.addEscalatedCases(model, meeting.campaignCode(), window, now);
        StoredDocument stored = documents.store(meeting.campaignCode(), key, DocumentKind.NOTICE,
                meeting.campaignName() + title, templates.render("notice", model), processInstanceId);
        models.othersNamedIn(meeting.campaignCode(), key, model);
        named.askForReplies(meeting.organization(), meeting.campaignCode(), periodScores.periodCode(), periodScores.periodName(),
                stored, model, now);
        return stored;
    }

    /**
     * Why the campaign's 通报 of the period, issued by a meeting that ranks no unit, names no unit for its score, as it
     * printed it ({@code …本期不排名，不因考核得分通报单位。}); before it is issued, as it will print it: when every meeting
     * convened to score the period ranks no unit (the earliest one's sentence); empty when it ranks or no meeting of the
     * period was convened. Read from the meetings' {@value #UNRANKED_VARIABLE}, the sentence the 通报 is rendered with, so
     * that the 考核得分 Excel, {@code GET /api/scores}, the 驾驶舱 and a later agenda name no unit for its score either
     * (diffreview-s60 R1). Read on Shirong's behalf: the inspectors who read the 驾驶舱 may not read the meetings' history.
     */
    public Optional<String> unranked(String campaignCode, String periodCode) {
        Optional<StoredDocument> issued = issued(campaignCode, periodCode);
        List<String> meetings = issued.isPresent()
                ? java.util.stream.Stream.ofNullable(issued.get().processInstanceId()).toList()
                : periodMeetings.convened(campaignCode, periodCode);
        if (meetings.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> why = new HashMap<>();
        systemAccess.run(() -> history.createHistoricVariableInstanceQuery().processInstanceIdIn(meetings.toArray(String[]::new))
                .variableName(UNRANKED_VARIABLE).list()).forEach(v -> {
                    if (v.getValue() instanceof String text) {
                        why.put(v.getProcessInstanceId(), text);
                    }
                });
        return meetings.stream().allMatch(why::containsKey) ? Optional.of(noticeWording(why.get(meetings.get(0))))
                : Optional.empty();
    }

    /** The campaign's 通报 of the period, once issued. */
    Optional<StoredDocument> issued(String campaignCode, String periodCode) {
        return documents.find(campaignCode, noticeKey(periodCode));
    }

    /** A meeting's reason for ranking no unit as its 通报 words it: the 通报 names units all the same, not for their scores. */
    private static String noticeWording(String unranked) {
        return unranked.replace("本期不排名，不通报。", "本期不排名，不因考核得分通报单位。");
    }

    /**
     * What the campaign's 通报 of the period names (or would name, before it is issued) besides the units ranked low, with
     * the reasons: tasks due in it done late or not at all, and the units decided by a meeting (those pending before it is
     * issued, those it took after); no late task while the period runs (暂定). Once issued, the tasks are late as of its
     * issue, as it printed them. The meeting's papers, the monthly report and the 驾驶舱 read it here, from where the 通报
     * itself reads it.
     */
    public OthersNamed othersNamed(String campaignCode, PeriodScores periodScores) {
        return othersNamed(campaignCode, periodScores.periodCode(), periodScores.provisional());
    }

    /** {@link #othersNamed(String, PeriodScores)} of the period {@code periodCode}, 暂定 when {@code provisional}. */
    OthersNamed othersNamed(String campaignCode, String periodCode, boolean provisional) {
        String key = noticeKey(periodCode);
        UnitScores.Window window = scores.window(periodCode);
        Optional<StoredDocument> issued = documents.find(campaignCode, key);
        Instant asOf = issued.map(StoredDocument::createdAt).orElseGet(() -> ClockUtil.getCurrentTime().toInstant());
        return models.othersNamed(campaignCode, window, provisional, asOf, issued.isPresent() ? key : null);
    }

    /**
     * A 临时会议 (no campaign): its organisation, name, who calls it, when and where, the units called (their groups, who
     * may read its papers, and their names) and agenda.
     */
    public record AdHocMeeting(String organization, String meetingName, String organiserName, Instant meetingAt, String place,
            List<String> attendeeGroups, String attendeeNames, String agenda, String campaignCode, String campaignName) {

        /** A meeting of no campaign (所属活动 不属于活动). */
        public AdHocMeeting(String organization, String meetingName, String organiserName, Instant meetingAt, String place,
                List<String> attendeeGroups, String attendeeNames, String agenda) {
            this(organization, meetingName, organiserName, meetingAt, place, attendeeGroups, attendeeNames, agenda, null, null);
        }
    }

    /**
     * The 临时会议's notice with its agenda, stored once for the process instance: the 【会议通知】 links to it. Its
     * organisation's document, or, when it counts for a campaign (所属活动), that campaign's, listed with its 例会's
     * papers from the day it is called (jxreview-s58 J11); the units called read it either way.
     */
    public StoredDocument adHocAgenda(AdHocMeeting meeting, String processInstanceId) {
        Map<String, Object> model = adHocModel(meeting);
        String title = adHocTitle(meeting) + "议程";
        model.put("title", title);
        model.put("attendees", List.of(meeting.attendeeNames()));
        if (meeting.campaignCode() != null) {
            return documents.store(meeting.campaignCode(), meeting.attendeeGroups(), "agenda/adhoc/" + processInstanceId,
                    DocumentKind.AGENDA, title, templates.render("adhoc-agenda", model), processInstanceId);
        }
        return documents.storeForOrganization(meeting.organization(), meeting.attendeeGroups(), "agenda/adhoc/" + processInstanceId,
                DocumentKind.AGENDA, title, templates.render("adhoc-agenda", model), processInstanceId);
    }

    /**
     * The 临时会议's minutes as the office recorded them, with the units called, the agenda and the 决定事项; its
     * organisation's document, or, when it counts for a campaign (所属活动), that campaign's, listed with its 例会's
     * (jtreview-s56 T12).
     */
    public StoredDocument adHocMinutes(AdHocMeeting meeting, String minutes, List<DecisionLine> decisions, String processInstanceId) {
        Map<String, Object> model = adHocModel(meeting);
        String title = adHocTitle(meeting) + "纪要";
        model.put("title", title);
        model.put("attendeesHeading", "参会单位");
        model.put("attendees", List.of(meeting.attendeeNames()));
        model.put("minutes", minutes);
        model.put("decisions", decisionLines(decisions));
        if (meeting.campaignCode() != null) {
            model.put("campaignName", meeting.campaignName());
            return documents.store(meeting.campaignCode(), meeting.attendeeGroups(), "minutes/adhoc/" + processInstanceId,
                    DocumentKind.MINUTES, title,
                    templates.render("minutes", model), processInstanceId);
        }
        return documents.storeForOrganization(meeting.organization(), meeting.attendeeGroups(), "minutes/adhoc/" + processInstanceId,
                DocumentKind.MINUTES, title, templates.render("minutes", model), processInstanceId);
    }

    private List<DecisionLine> decisionLines(List<DecisionLine> decisions) {
        return decisions.stream().map(d -> new DecisionLine(d.no(), d.content(), d.kind(), d.unitName(), models.day(d.due()),
                d.outcome())).toList();
    }

    private String adHocTitle(AdHocMeeting meeting) {
        return dated(meeting.meetingName(), meeting.meetingAt());
    }

    private Map<String, Object> adHocModel(AdHocMeeting meeting) {
        Map<String, Object> model = new HashMap<>();
        model.put("meetingName", meeting.meetingName());
        model.put("organiser", meeting.organiserName());
        model.put("meetingAt", models.display(meeting.meetingAt()));
        model.put("place", meeting.place());
        model.put("agenda", meeting.agenda());
        model.put("issuedOn", models.day(ClockUtil.getCurrentTime().toInstant()));
        models.addIssuers(model, meeting.organization());
        return model;
    }

    /**
     * The meeting's name with its day, 工作例会（2026年11月20日）: the twice-monthly 例会's agendas, minutes and tasks are told
     * apart by it.
     */
    public String datedName(Meeting meeting) {
        return dated(meeting.meetingName(), meeting.meetingAt());
    }

    private String dated(String meetingName, Instant meetingAt) {
        return meetingName + "（" + models.day(meetingAt) + "）";
    }

    /**
     * The key of the campaign's 通报 of the score period ({@code notice/2026-10}). 通报 stored before they were kept per
     * period have the key of the meeting that issued them ({@code notice/<meeting key>}).
     */
    public static String noticeKey(String periodCode) {
        return NOTICE_KEY_PREFIX + periodCode;
    }

    private Map<String, Object> meetingModel(Meeting meeting) {
        Map<String, Object> model = new HashMap<>();
        model.put("campaignName", meeting.campaignName());
        model.put("meetingName", meeting.meetingName());
        model.put("organiser", meeting.organiserName());
        model.put("meetingAt", models.display(meeting.meetingAt()));
        model.put("place", meeting.place() == null ? "" : meeting.place());
        model.put("issuedOn", models.day(meeting.meetingAt()));
        models.addIssuers(model, meeting.organization());
        return model;
    }
}
