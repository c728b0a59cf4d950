package org.shirong.campaign;

import static org.shirong.system.ChineseDates.DAY;

import org.shirong.system.ProcessDefinitions;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.shirong.calendar.WorkingCalendars;
import org.shirong.campaign.CampaignRecords.Campaign;
import org.shirong.campaign.CampaignRecords.PhaseRow;
import org.shirong.campaign.CampaignRecords.TaskRow;
import org.shirong.campaign.CampaignTaskProcess.Kind;
import org.shirong.campaign.TaskAssignments.Assignment;
import org.shirong.campaign.TaskIssueNotices.Issued;
import org.shirong.organization.OrganizationRecords;
import org.shirong.rectification.CaseSource;
import org.shirong.rectification.CategoryCatalogue;
import org.shirong.scoring.UnitScores;
import org.shirong.system.SystemAccess;
import org.springframework.stereotype.Service;

/**
 * Hands out a campaign's work: the tasks of a phase when it begins and a cycle's tasks when it runs,
 * each as a {@code CampaignTaskProcess} instance recorded in {@code campaign_task} under a key that a
 * retried job finds again, each unit told of its new tasks in one message ({@link TaskIssueNotices}); and tells the
 * campaign when the last task of its current phase is done.
 */
@Service
class CampaignTasks {

    private final ProcessDefinitions definitions;

    static final String SITE_CHECK_RULE = "本活动规定：市民反映的问题须逐一到现场核查后再立案，每行第四列写明现场核查情况。";

    private final CampaignRecords records;
    private final CampaignTemplates templates;
    private final CategoryCatalogue catalogue;
    private final OrganizationRecords organization;
    private final RuntimeService runtimeService;
    private final SystemAccess systemAccess;
    private final WorkingCalendars calendars;
    private final Period cycleTaskTime;
    private final UnitScores unitScores;
    private final TaskIssueNotices notices;

    CampaignTasks(ProcessDefinitions definitions, CampaignRecords records, CampaignTemplates templates, CategoryCatalogue catalogue,
            OrganizationRecords organization, RuntimeService runtimeService, SystemAccess systemAccess, WorkingCalendars calendars,
            CampaignProperties properties, UnitScores unitScores, TaskIssueNotices notices) {
        this.definitions = definitions;
        this.records = records;
        this.templates = templates;
        this.catalogue = catalogue;
        this.organization = organization;
        this.runtimeService = runtimeService;
        this.systemAccess = systemAccess;
        this.calendars = calendars;
        this.cycleTaskTime = properties.cycleTaskTime();
        this.unitScores = unitScores;
        this.notices = notices;
    }

    /**
     * Phase {@code phaseNo} begins: hands out its tasks, and those of earlier phases that the campaign never handed out,
     * and returns how many of its tasks are open.
     */
    int issuePhaseTasks(String code, int phaseNo) {
        Campaign campaign = campaign(code);
        CampaignTemplate template = template(campaign);
        List<PhaseRow> phases = records.phases(code);
        PhaseRow phase = phases.get(phaseNo - 1);
        records.enterPhase(code, phaseNo, now());
        Map<String, String> names = organization.unitNames(campaign.tenantId());
        List<Issued> issued = new ArrayList<>();
        issueMissedTasks(campaign, template, phases, phase, names, issued);
        for (CampaignTemplate.TaskDefinition def : template.tasks()) {
            if (def.phase().equals(phase.phaseId())) {
                issue(campaign, template, def, phaseNo, dueAt(campaign, def.dueDay(phase.firstDay(), phase.lastDay())), null, names, issued);
            }
        }
        notices.tell(campaign, "“" + phase.name() + "”阶段开始", "phase" + phaseNo, issued);
        return records.openPhaseTasks(code, phaseNo).size();
    }

    /**
     * The template is read live, so a task moved to an earlier phase while a campaign runs (松江's 全面自查自纠 went from
     * the second phase to the first, diffreview-s55 R1), or added to one (松江's 成立专班、明确专人, dd857ccd), belongs to a phase
     * that campaign has already begun, or passed, without it. The office still wants the work done, so when a later phase
     * begins, every task of an earlier phase of which the campaign has no {@code campaign_task} row at all is handed out
     * now (补发), its 要求 opening with a line that says so and names the phase it belongs to (finalreview-s55 F4), under its
     * usual key ({@code definition/unit}, so a retried job or the next phase finds it and it is handed out once) and counted
     * in the phase now beginning, whose end it holds up like that phase's own tasks. Its deadline is the one its own phase
     * gave it while that is still ahead; once passed, its rule is applied from today (e.g. 20 days after its start: 20 days
     * from today), and where that too has passed (a deadline before a phase's end) it is due at the end of the phase now
     * beginning. No deadline falls after that end (nor so after the campaign's, in its last phase), as none may at the
     * start. A task of which some unit's row exists is left alone: its units were decided when it was handed out.
     */
    private void issueMissedTasks(Campaign campaign, CampaignTemplate template, List<PhaseRow> phases, PhaseRow phase,
            Map<String, String> names, List<Issued> issued) {
        LocalDate today = LocalDate.ofInstant(now(), calendars.of(campaign.tenantId()).zone());
        LocalDate last = phase.lastDay();
        for (CampaignTemplate.TaskDefinition def : template.tasks()) {
            PhaseRow own = phases.stream().filter(p -> p.no() < phase.no() && p.phaseId().equals(def.phase())).findFirst().orElse(null);
            if (own == null || records.hasPhaseTask(campaign.code(), def.id())) {
                continue;
            }
            Instant due = dueAt(campaign, earlier(def.dueDay(own.firstDay(), own.lastDay()), last));
            if (!due.isAfter(now())) {
                due = dueAt(campaign, earlier(def.dueDay(today, last), last));
            }
            if (!due.isAfter(now())) {
                due = dueAt(campaign, last);
            }
            String lateNote = "补发：本任务属于“" + own.name() + "”阶段，是本活动进入该阶段后模板才新增或移入的，现于“"
                    + phase.name() + "”阶段开始时补发，计入本阶段。";
            issue(campaign, template, def, phase.no(), due, lateNote, names, issued);
        }
    }

    private static LocalDate earlier(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? b : a;
    }

    /**
     * Hands out a phase task to each unit it names, counted in phase {@code phaseNo}, due at {@code dueAt}; {@code lateNote},
     * when given, heads its 要求 (a task handed out late).
     */
    private void issue(Campaign campaign, CampaignTemplate template, CampaignTemplate.TaskDefinition def, int phaseNo, Instant dueAt,
            String lateNote, Map<String, String> names, List<Issued> issued) {
        Kind kind = def.kind() == TaskKind.CHECKPOINT ? Kind.CHECKPOINT : def.findings() != null ? Kind.FINDINGS : Kind.TASK;
        for (Assignment a : TaskAssignments.expand(template, def.who(), def.units(), def.name(),
                category -> catalogue.find(campaign.tenantId(), category), names)) {
            issue(campaign, template, new TaskRow(null, campaign.code(), def.id() + "/" + a.keySuffix(), phaseNo, null, def.id(), a.name(),
                    kind.name(), a.groupId(), a.unitId(), a.itemCategory(), source(def.findings()), dueAt, null,
                    null, null, null, now(), null, null), late(lateNote, TaskAssignments.requirement(template, def.requirement(),
                    def.name(), a.requirement())), null, a.organization(), coGroups(def.who(), a, def.with()), Map.of(), issued);
        }
    }

    private static String late(String note, String requirement) {
        return note == null ? requirement : note + "\n" + requirement;
    }

    /**
     * A cycle's run is held: hands out one task per unit its {@code who} names, due {@code cycle-task-time} after the day
     * it is held, named after the period a report or an assessment is about ({@code aboutPeriod}, a code such as 2026-12:
     * 月度工作报告（2026年5月）) or an inspection scores (季检查（2026年第四季度）), else after the day. Its tasks are keyed by the day the cron named, which a run moved to
     * a working day keeps.
     */
    int issueCycleTasks(String code, String cycleId, CycleRuns.Run run, String aboutPeriod) {
        Campaign campaign = campaign(code);
        CampaignTemplate template = template(campaign);
        CampaignTemplate.Cycle cycle = cycle(template, cycleId);
        ZoneId zone = calendars.of(campaign.tenantId()).zone();
        LocalDate plannedDay = LocalDate.ofInstant(run.plannedAt(), zone);
        LocalDate runDay = LocalDate.ofInstant(run.heldAt(), zone);
        String scorePeriod = cycle.kind() == CycleKind.INSPECTION && cycle.scorePeriod() != null
                ? cycle.scorePeriod().code(plannedDay) : null;
        // An inspection that scores a period is named after it too: 季检查（2026年第四季度）, not after 11 January (jxreview J19).
        String namedFor = aboutPeriod != null ? aboutPeriod : scorePeriod;
        String name = cycle.name() + "（" + (namedFor != null ? unitScores.window(namedFor).periodName() : DAY.format(runDay)) + "）";
        Kind kind = cycle.findings() != null ? Kind.FINDINGS : Kind.TASK;
        List<Issued> issued = new ArrayList<>();
        for (Assignment a : TaskAssignments.expand(template, cycle.who(), name, category -> catalogue.find(campaign.tenantId(), category),
                organization.unitNames(campaign.tenantId()))) {
            issue(campaign, template, new TaskRow(null, code, cycle.id() + "/" + plannedDay + "/" + a.keySuffix(), null, cycle.id(),
                    cycle.id(), a.name(), kind.name(), a.groupId(), a.unitId(), a.itemCategory(), source(cycle.findings()),
                    dueAt(campaign, runDay.plus(cycleTaskTime)), null, null, null, null, now(), null, name),
                    TaskAssignments.requirement(template, cycle.requirement(), cycle.name(), a.requirement()), scorePeriod,
                    a.organization(), coGroups(cycle.who(), a, cycle.with()), Map.of(), issued);
        }
        notices.tell(campaign, null, cycle.id() + "/" + plannedDay, issued);
        return issued.size();
    }

    /**
     * A 通报 of the campaign named these units ({@code requirements}: each unit's group and what its task asks): each
     * gets {@code name} (书面报告整改情况（2026年11月通报）), due {@code dueAt}, in its own organisation (a town's office in a
     * district's campaign in its town), keyed by {@code round} and unit so that a retried job hands none out twice;
     * each unit told of it as of other new tasks, {@code occasion} saying why (sjreview-s57 D9).
     */
    int issueNoticeReplies(String code, String round, String name, String occasion, Instant dueAt, String noticeUrl,
            Map<String, String> requirements, java.util.function.Function<String, String> organizationOf) {
        Campaign campaign = campaign(code);
        // these tasks take nothing from the template: a campaign whose template has gone still asks for its reports
        CampaignTemplate template = templates.find(campaign.tenantId(), campaign.templateId()).orElse(null);
        List<Issued> issued = new ArrayList<>();
        requirements.forEach((group, requirement) -> issue(campaign, template, new TaskRow(null, code, round + "/" + group, null, null,
                NoticeReplyTasks.DEFINITION, name, Kind.NOTICE_REPLY.name(), group, null, null, null, dueAt, null, null, null, null,
                now(), null, name), requirement, null, organizationOf.apply(group), List.of(),
                Map.of(CampaignTaskProcess.VAR_NOTICE_URL, noticeUrl), issued));
        notices.tell(campaign, occasion, round, issued);
        return issued.size();
    }

    /** The groups that have not yet written a 书面报告整改情况 asked of them by a 通报 of the campaign other than {@code round}'s. */
    java.util.Set<String> groupsOwingNoticeReply(String code, String round) {
        return records.groupsWithOpenTask(code, NoticeReplyTasks.DEFINITION, round);
    }

    /** A task is done: when it was the last open one of the phase the campaign is in, the phase's receive task moves on. */
    void taskDone(long taskId) {
        TaskRow task = records.task(taskId).orElseThrow(() -> new IllegalStateException("活动任务 " + taskId + " 不存在"));
        records.lock(task.campaignCode());
        Integer phaseNo = task.phaseNo();
        if (phaseNo != null && records.openPhaseTasks(task.campaignCode(), phaseNo).isEmpty()) {
            systemAccess.run(() -> runtimeService.createMessageCorrelation(CampaignProcess.phaseTasksDoneMessage(phaseNo))
                    .processInstanceBusinessKey(task.campaignCode()).correlateAllWithResult());
        }
    }

    List<TaskRow> openPhaseTasks(String code, int phaseNo) {
        return records.openPhaseTasks(code, phaseNo);
    }

    /** The groups doing a group's task with it (会同, the template's {@code with}); none for a unit's or an item lead's. */
    private static List<String> coGroups(String who, Assignment a, List<String> with) {
        return who.equals(a.groupId()) ? with : List.of();
    }

    /**
     * Starts the task's process in the campaign's organisation, or in the town or street that takes part ({@code organization}),
     * and adds it to {@code issued}; a task issued before is left alone. {@code template} null: a task not of the template
     * (a 通报's 书面报告整改情况), whose {@code more} variables name the 通报.
     */
    private void issue(Campaign campaign, CampaignTemplate template, TaskRow row, String requirement, String scorePeriod,
            String organization, List<String> coGroups, Map<String, Object> more, List<Issued> issued) {
        var id = records.insertTaskIfAbsent(row);
        if (id.isEmpty()) {
            return;
        }
        Map<String, Object> variables = new HashMap<>(more);
        variables.put(CampaignTaskProcess.VAR_CAMPAIGN_CODE, campaign.code());
        variables.put(CampaignTaskProcess.VAR_CAMPAIGN_NAME, campaign.name());
        variables.put(CampaignTaskProcess.VAR_TASK_ID, id.get());
        variables.put(CampaignTaskProcess.VAR_TASK_NAME, row.name());
        variables.put(CampaignTaskProcess.VAR_TASK_KIND, row.kind());
        variables.put(CampaignTaskProcess.VAR_GROUP, row.groupId());
        variables.put(CampaignTaskProcess.VAR_CAMPAIGN_ORGANIZATION, campaign.tenantId());
        variables.put(CampaignTaskProcess.VAR_DUE_AT, Date.from(row.dueAt()));
        variables.put(CampaignTaskProcess.VAR_REQUIREMENT, template != null && template.findingsNeedSiteCheck(row.findingsSource())
                ? (requirement == null || requirement.isEmpty() ? "" : requirement + "\n") + SITE_CHECK_RULE : requirement);
        if (scorePeriod != null) {
            variables.put(CampaignTaskProcess.VAR_SCORE_PERIOD, scorePeriod);
        }
        if (!coGroups.isEmpty()) {
            variables.put(CampaignTaskProcess.VAR_CO_GROUPS, String.join(",", coGroups));
        }
        if (row.cycleId() == null && template != null) {
            template.task(row.definitionId()).ifPresent(def -> {
                variables.put(CampaignTaskProcess.VAR_ATTACHMENTS_REQUIRED, def.attachmentsRequired());
                variables.put(CampaignTaskProcess.VAR_ATTACHMENT_KINDS,
                        String.join(",", def.attachmentKinds().stream().map(AttachmentKind::id).toList()));
            });
        }
        String instanceId = systemAccess.run(() -> runtimeService.createProcessInstanceById(definitions.latestId(CampaignTaskProcess.KEY,
                organization != null ? organization : campaign.tenantId())
                ).businessKey(campaign.code()).setVariables(variables).execute().getId());
        records.setTaskProcess(id.get(), instanceId);
        issued.add(new Issued(organization != null ? organization : campaign.tenantId(), row.groupId(), row.name(),
                (String) variables.get(CampaignTaskProcess.VAR_REQUIREMENT), row.dueAt(), instanceId));
        coGroups.forEach(group -> issued.add(new Issued(organization != null ? organization : campaign.tenantId(), group, row.name(),
                (String) variables.get(CampaignTaskProcess.VAR_REQUIREMENT), row.dueAt(), instanceId)));
    }

    /**
     * Adds {@code name} = {@code value} to the processes of the campaign's open tasks of {@code definitionId} handed out in
     * {@code round} (a 通报's 书面报告整改情况: the month's 月度工作报告 issued after it); returns how many.
     */
    int addToOpenTasks(String code, String definitionId, String round, String name, Object value) {
        List<TaskRow> open = records.openTasksOfRound(code, definitionId, round).stream().filter(t -> t.processInstanceId() != null)
                .toList();
        systemAccess.run(() -> {
            open.forEach(t -> runtimeService.setVariable(t.processInstanceId(), name, value));
            return null;
        });
        return open.size();
    }

    Campaign campaign(String code) {
        return records.find(code).orElseThrow(() -> new IllegalStateException("活动 " + code + " 不存在"));
    }

    CampaignTemplate template(Campaign campaign) {
        return templates.find(campaign.tenantId(), campaign.templateId()).orElseThrow(() -> new IllegalStateException(
                "活动 " + campaign.code() + " 的模板 " + campaign.templateId() + " 已不在 config/organizations/" + campaign.tenantId() + "/campaigns/ 中"));
    }

    static CampaignTemplate.Cycle cycle(CampaignTemplate template, String cycleId) {
        return template.cycle(cycleId).orElseThrow(() -> new IllegalStateException(
                "模板 " + template.id() + " 中已没有周期工作 " + cycleId));
    }

    /**
     * Phase and cycle tasks fall due at the end of the campaign's organisation's office day; a day the office does not
     * work (a phase ending on a Saturday, P20D landing on a Sunday) moves back to the working day before it (sjreview F7).
     */
    private Instant dueAt(Campaign campaign, LocalDate day) {
        return calendars.of(campaign.tenantId()).closingOnOrBefore(day);
    }

    private static String source(CaseSource findings) {
        return findings == null ? null : findings.name();
    }

    private static Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }
}
