package org.shirong.campaign;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.shirong.calendar.WorkingCalendars;
import org.shirong.campaign.CampaignRecords.Campaign;
import org.shirong.campaign.CampaignRecords.PhaseRow;
import org.shirong.campaign.CampaignRecords.TaskRow;
import org.shirong.organization.OrganizationRecords;
import org.shirong.organization.Organizations;
import org.shirong.report.PlanItemProgress;
import org.shirong.rectification.CaseRecord;
import org.shirong.rectification.CaseStatus;
import org.shirong.system.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What {@code GET /api/campaigns} and {@code GET /api/campaigns/{code}} show: phase, open tasks per unit, case counts
 * and progress per plan item.
 */
@Service
class CampaignOverview {

    /** {@code status}: NOT_STARTED 待开始, RUNNING 进行中, ENDED 已结束, CANCELLED 已撤销 (by {@code cancelledBy}, for {@code cancelReason}). */
    record Summary(String code, String name, String templateId, String templateName, String status, String statusName,
            PhaseRef currentPhase, String startedBy, Instant startedAt, Instant endedAt, String cancelledBy, String cancelReason,
            String url) {
    }

    record PhaseRef(int no, String id, String name) {
    }

    record PhaseView(int no, String id, String name, LocalDate firstDay, LocalDate lastDay, Instant startedAt, Instant endedAt,
            Integer openAtEnd, int tasks, int tasksDone, int tasksOpen) {
    }

    record UnitTasks(String group, String groupName, int open, int overdue, List<String> tasks) {
    }

    record CaseCounts(int total, int open, int closed, Map<String, Integer> byStatus) {
    }

    /**
     * {@code planItems}: progress per plan item as of now (see {@link CampaignPlanItems}); {@code calendarWarnings}: a line
     * per year of the campaign's phases whose working calendar (config/calendar) is provisional or missing, so that whoever
     * starts a campaign reaching into a year without a holiday file is told so (a warning: the file may be added later);
     * {@code phaseWarnings}: a line per phase that runs far longer than its template's length, with the day the length would
     * end it ({@link CampaignTemplate#longPhase}): 九亭镇's 前期准备 started in October runs to the next 5月31日.
     */
    record Detail(Summary campaign, List<PhaseView> phases, List<UnitTasks> openTasksByUnit, CaseCounts cases,
            PlanItemProgress.Table planItems, String documents, List<TaskResult> taskResults, List<String> calendarWarnings,
            List<String> phaseWarnings) {
    }

    /**
     * A task that is done, or has files: its 办理情况 and the files handed in with it. People are given by name
     * ({@code completedBy}, {@code uploadedBy}), their accounts beside ({@code completedById}, {@code uploadedById}).
     */
    record TaskResult(long id, String taskKey, String name, String group, String status, String result, String completedBy,
            String completedById, Instant completedAt, List<AttachmentView> attachments) {
    }

    record AttachmentView(long id, String fileName, String kind, String mimeType, int sizeBytes, String uploadedBy,
            String uploadedById, Instant uploadedAt, String url) {
    }

    private final CampaignRecords records;
    private final OrganizationRecords organization;
    private final CampaignPlanItems planItems;
    private final AttachmentRecords attachments;
    private final Organizations organizations;
    private final CampaignAccess access;
    private final WorkingCalendars calendars;
    private final CampaignTemplates templates;
    private final org.shirong.rectification.CaseDossiers dossiers;
    private final org.shirong.rectification.RectificationCases rectificationCases;
    private final org.camunda.bpm.engine.IdentityService identityService;

    CampaignOverview(CampaignRecords records, OrganizationRecords organization, CampaignPlanItems planItems,
            AttachmentRecords attachments, Organizations organizations, CampaignAccess access, WorkingCalendars calendars,
            CampaignTemplates templates, org.shirong.rectification.CaseDossiers dossiers,
            org.shirong.rectification.RectificationCases rectificationCases, org.camunda.bpm.engine.IdentityService identityService) {
        this.dossiers = dossiers;
        this.rectificationCases = rectificationCases;
        this.identityService = identityService;
        this.calendars = calendars;
        this.templates = templates;
        this.organizations = organizations;
        this.access = access;
        this.records = records;
        this.organization = organization;
        this.planItems = planItems;
        this.attachments = attachments;
    }

    /**
     * The campaigns the caller may read ({@link CampaignAccess}): those of the organisations they belong to or oversee
     * (all for an administrator) and the district's campaigns their town takes part in.
     */
    @Transactional(readOnly = true)
    List<Summary> all() {
        return records.all().stream().filter(c -> access.readable(c).isPresent())
                .map(c -> summary(c, records.phases(c.code()))).sorted(LISTED).toList();
    }

    /**
     * The campaigns of {@link #all} a case of {@code organization} may be filed under: its own and those of its district it
     * takes part in (read through its office); not another organisation's it reads as an overseer.
     */
    @Transactional(readOnly = true)
    List<Summary> reportable(String organization) {
        return records.all().stream().filter(c -> access.readable(c)
                        .filter(r -> !r.whole() || c.tenantId().equals(organization)).isPresent())
                .map(c -> summary(c, records.phases(c.code()))).sorted(LISTED).toList();
    }

    /**
     * One campaign as the caller may read it; a participating town sees the phases, the plan items, the case counts and
     * its own tasks (open and done, with their files), not the other units'; in the organisation, the results and files
     * of the tasks are every unit's only for those who see all units, a unit's staff's their own units' (secreview-s59 S5).
     */
    @Transactional(readOnly = true)
    Detail get(String code) {
        CampaignAccess.Readable readable = access.readable(code);
        Campaign c = readable.campaign();
        List<PhaseRow> phases = records.phases(code);
        List<TaskRow> tasks = records.tasks(code);
        // open tasks per unit (names and counts) and each phase's progress for the whole organisation, a participating
        // town its own (szreview-s60 S5: its phases counted the district's); results and files only of the tasks the
        // caller sees (secreview-s59 S5)
        List<TaskRow> listed = tasks.stream().filter(t -> readable.whole() || Objects.equals(readable.ownGroup(), t.groupId())).toList();
        List<PhaseView> phaseViews = phases.stream().map(p -> {
            List<TaskRow> own = listed.stream().filter(t -> Objects.equals(t.phaseNo(), p.no())).toList();
            int done = (int) own.stream().filter(t -> CampaignRecords.DONE.equals(t.status())).count();
            int open = (int) own.stream().filter(t -> CampaignRecords.OPEN.equals(t.status())).count();
            return new PhaseView(p.no(), p.phaseId(), p.name(), p.firstDay(), p.lastDay(), p.startedAt(), p.endedAt(),
                    p.openAtEnd(), own.size(), done, open);
        }).toList();
        List<TaskRow> shown = tasks.stream().filter(t -> readable.shows(t.groupId())).toList();
        Instant now = ClockUtil.getCurrentTime().toInstant();
        // a participating town counts only the cases it may read, as its 驾驶舱 does (sjreview-s57 D20: it was given the
        // whole district's counts, another town's overdue point among them)
        List<CaseRecord> own = readable.whole() ? null : ownCases(code);
        return new Detail(summary(c, phases), phaseViews, openByUnit(c.tenantId(), listed),
                own == null ? cases(code) : cases(own), own == null ? planItems.of(code, now) : planItems.of(code, now, own),
                "/api/campaigns/" + code + "/documents",
                taskResults(code, shown), phases.isEmpty() ? List.of()
                        : calendars.of(c.tenantId()).warnings(phases.get(0).firstDay(), phases.get(phases.size() - 1).lastDay()),
                phaseWarnings(c, phases));
    }

    /** The campaign's phases that run far longer than its template's (empty when the template is no longer kept). */
    private List<String> phaseWarnings(Campaign c, List<PhaseRow> phases) {
        return templates.find(c.tenantId(), c.templateId()).map(t -> phases.stream()
                .filter(p -> p.no() >= 1 && p.no() <= t.phases().size() && t.phases().get(p.no() - 1).id().equals(p.phaseId()))
                .flatMap(p -> t.longPhase(p.no() - 1, p.firstDay(), p.lastDay()).stream()).toList()).orElse(List.of());
    }

    /**
     * A file of a campaign the caller may read, with its content, if they see its task's results ({@link CampaignAccess}:
     * a unit's staff their own units', as in the 迎检档案); another unit's file is not found (404), as one that is not there.
     */
    @Transactional(readOnly = true)
    Download attachment(String code, long id) {
        CampaignAccess.Readable readable = access.readable(code);
        var file = attachments.ofCampaign(code).stream().filter(a -> a.id() == id)
                .filter(a -> records.task(a.taskId()).filter(t -> readable.shows(t.groupId())).isPresent())
                .findFirst()
                .orElseThrow(() -> new NotFoundException("ATTACHMENT_NOT_FOUND", "活动 " + code + " 没有附件 " + id));
        return new Download(file.fileName(), file.mimeType(), attachments.content(code, id).orElseThrow());
    }

    record Download(String fileName, String mimeType, byte[] content) {
    }

    private List<TaskResult> taskResults(String code, List<TaskRow> tasks) {
        Map<Long, List<AttachmentView>> files = attachments.ofCampaign(code).stream().collect(Collectors.groupingBy(
                AttachmentRecords.Attachment::taskId, Collectors.mapping(a -> new AttachmentView(a.id(), a.fileName(), a.kind(),
                        a.mimeType(), a.sizeBytes(), name(a.uploadedBy()), a.uploadedBy(), a.uploadedAt(),
                        "/api/campaigns/" + code + "/attachments/" + a.id()),
                        Collectors.toList())));
        return tasks.stream().filter(t -> CampaignRecords.DONE.equals(t.status()) || files.containsKey(t.id()))
                .map(t -> new TaskResult(t.id(), t.taskKey(), t.name(), t.groupId(), t.status(), t.result(), name(t.completedBy()),
                        t.completedBy(), t.completedAt(), files.getOrDefault(t.id(), List.of()))).toList();
    }

    private String name(String userId) {
        return userId == null || userId.isBlank() ? userId : organizations.personName(userId);
    }

    private List<UnitTasks> openByUnit(String tenant, List<TaskRow> tasks) {
        Map<String, String> names = organization.unitNames(tenant);
        Instant now = ClockUtil.getCurrentTime().toInstant();
        Map<String, List<TaskRow>> byGroup = tasks.stream().filter(t -> CampaignRecords.OPEN.equals(t.status()))
                .collect(Collectors.groupingBy(TaskRow::groupId, LinkedHashMap::new, Collectors.toList()));
        return byGroup.entrySet().stream().map(e -> new UnitTasks(e.getKey(), names.getOrDefault(e.getKey(), e.getKey()),
                e.getValue().size(), (int) e.getValue().stream().filter(t -> t.dueAt() != null && t.dueAt().isBefore(now)).count(),
                e.getValue().stream().map(TaskRow::name).toList())).toList();
    }

    /** The campaign's cases a participating town's caller may read (those located in it), as its 驾驶舱 counts them. */
    private List<CaseRecord> ownCases(String code) {
        java.util.Set<String> readableNos = dossiers.byPlanItem(identityService.getCurrentAuthentication(), code).stream()
                .flatMap(i -> i.caseNos().stream()).collect(Collectors.toSet());
        return rectificationCases.casesOfCampaign(code).stream().filter(r -> readableNos.contains(r.caseNo())).toList();
    }

    private static CaseCounts cases(List<CaseRecord> own) {
        Map<String, Integer> byStatus = new java.util.TreeMap<>();
        own.forEach(r -> byStatus.merge(r.status().name(), 1, Integer::sum));
        return counts(byStatus);
    }

    private CaseCounts cases(String code) {
        return counts(records.caseCounts(code));
    }

    private static CaseCounts counts(Map<String, Integer> byStatus) {
        // a duplicate merged into another case is counted once, as that case; a voided one not at all
        int total = byStatus.values().stream().mapToInt(Integer::intValue).sum() - byStatus.getOrDefault(CaseStatus.MERGED.name(), 0)
                - byStatus.getOrDefault(CaseStatus.VOIDED.name(), 0);
        int closed = byStatus.getOrDefault(CaseStatus.CLOSED.name(), 0);
        return new CaseCounts(total, total - closed, closed, byStatus);
    }

    /** A campaign's status as the API gives it: one that has not reached its first phase is NOT_STARTED, not RUNNING. */
    static final String NOT_STARTED = "NOT_STARTED";

    static Summary summary(Campaign c, List<PhaseRow> phases) {
        boolean over = !CampaignRecords.RUNNING.equals(c.status());
        PhaseRef current = c.currentPhase() == 0 || over ? null
                : phases.stream().filter(p -> p.no() == c.currentPhase()).findFirst()
                        .map(p -> new PhaseRef(p.no(), p.phaseId(), p.name())).orElse(null);
        String status = over ? c.status() : current == null ? NOT_STARTED : CampaignRecords.RUNNING;
        String statusName = switch (status) {
            case CampaignRecords.ENDED -> "已结束";
            case CampaignRecords.CANCELLED -> "已撤销";
            case NOT_STARTED -> "待开始";
            default -> "进行中";
        };
        return new Summary(c.code(), c.name(), c.templateId(), c.templateName(), status, statusName, current, c.startedBy(),
                c.startedAt(), c.endedAt(), c.cancelledBy(), c.cancelReason(), "/api/campaigns/" + c.code());
    }

    /** Running campaigns first, then those not yet started, then ended and cancelled ones; newest first within each. */
    static final Comparator<Summary> LISTED = Comparator.comparingInt(s -> switch (s.status()) {
        case CampaignRecords.RUNNING -> 0;
        case NOT_STARTED -> 1;
        case CampaignRecords.ENDED -> 2;
        default -> 3;
    });
}
