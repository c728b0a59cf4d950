package org.shirong.campaign;

import static org.shirong.system.ChineseDates.DAY;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstanceQuery;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.shirong.organization.CallerOrganization;
import org.shirong.organization.Organization;
import org.shirong.organization.Organizations;
import org.shirong.system.ForbiddenException;
import org.shirong.system.SystemAccess;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * {@code /shirong/work-assignments}: the organisation's 工作交办 for its office, its approvers and its units — each one shown to
 * whoever reads it ({@link WorkAssignmentReaders}: the office and the approvers all, a unit's head and staff their unit's,
 * however old; at most the newest 200, and the page says so when there are more), newest first — 事项、承办单位、
 * 所属活动、期限、状态 and the 办理情况 brought back once done (sjreview-s57 D3: the district's office reads what a town did with
 * the work it handed, where README promises 区可查看; the 【交办办结】 notice links here). A town's list holds the district's
 * work handled in the town too (its process there, named “…交办”), with the files it handed in (szreview-s60 S1).
 */
@Controller
class WorkAssignmentPageController {
    private static final int SHOWN_AT_MOST = 200;
    private static final String[] VARIABLES = {WorkAssignmentProcess.VAR_TITLE, WorkAssignmentProcess.VAR_UNIT_GROUP,
            WorkAssignmentProcess.VAR_DUE_DATE, WorkAssignmentProcess.VAR_HANDLING_RESULT, WorkAssignmentProcess.VAR_CAMPAIGN_NAME,
            WorkAssignmentProcess.VAR_MEETING_NAME, WorkAssignmentProcess.VAR_ASSIGNED_BY};

    private final HistoryService historyService;
    private final IdentityService identityService;
    private final CallerOrganization callerOrganization;
    private final Organizations organizations;
    private final ProcessEngineConfigurationImpl engine;
    private final WorkAssignmentFiles files;
    private final WorkAssignmentReaders readers;
    private final SystemAccess system;

    WorkAssignmentPageController(HistoryService historyService, IdentityService identityService,
            CallerOrganization callerOrganization, Organizations organizations, ProcessEngine engine, WorkAssignmentFiles files,
            WorkAssignmentReaders readers, SystemAccess system) {
        this.engine = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        this.files = files;
        this.readers = readers;
        this.system = system;
        this.historyService = historyService;
        this.identityService = identityService;
        this.callerOrganization = callerOrganization;
        this.organizations = organizations;
    }

    @GetMapping("/shirong/work-assignments")
    ModelAndView workAssignments(@RequestParam(required = false) String organization) {
        var caller = identityService.getCurrentAuthentication();
        String tenant = callerOrganization.forReading(caller, organization);
        Organization o = organizations.of(tenant);
        boolean readsAll = readers.readsAll(caller, tenant);
        List<String> units = readsAll ? List.of() : readers.ownUnits(caller, tenant);
        if (!readsAll && units.isEmpty()) {
            throw new ForbiddenException("NOT_OFFICE_OR_UNIT", "只有" + o.name() + "的" + o.namesOf(o.roles().office(),
                    o.roles().approvers()) + "和承办单位可以查看工作交办");
        }
        Map<String, String> towns = organizations.townNamesByOffice(tenant);
        // the engine's limit of one query's results (queryMaxResultsLimit), which it enforces on the caller's queries
        int resultsAtMost = engine.getQueryMaxResultsLimit();
        int shownAtMost = Math.min(SHOWN_AT_MOST, resultsAtMost);
        // read on Shirong's behalf within the organisation (the engine's READ_HISTORY is the office's and the approvers'),
        // and for anyone else narrowed in the query to his units' work (WorkAssignmentReaders), so that none of it drops
        // behind the organisation's newest (diffreview-s59 R6)
        List<HistoricProcessInstance> all = system.run(() -> issued(tenant, units).orderByProcessInstanceStartTime().desc()
                .listPage(0, shownAtMost));
        boolean cut = all.size() == shownAtMost && system.run(() -> issued(tenant, units).count()) > shownAtMost;
        Map<String, Map<String, Object>> variables = new HashMap<>();
        // each instance has at most one of each variable: instances read in batches whose variables fit in one answer
        int batch = Math.max(1, resultsAtMost / VARIABLES.length);
        for (int from = 0; from < all.size(); from += batch) {
            String[] ids = all.subList(from, Math.min(from + batch, all.size())).stream().map(HistoricProcessInstance::getId)
                    .toArray(String[]::new);
            for (HistoricVariableInstance v : system.run(() -> historyService.createHistoricVariableInstanceQuery()
                    .processInstanceIdIn(ids).variableNameIn(VARIABLES).disableCustomObjectDeserialization().listPage(0, resultsAtMost))) {
                if (v.getValue() != null) {
                    variables.computeIfAbsent(v.getProcessInstanceId(), id -> new HashMap<>()).put(v.getName(), v.getValue());
                }
            }
        }
        List<HistoricProcessInstance> instances = all.stream().filter(p -> readers.reads(caller, tenant, tenant,
                Objects.toString(variables.getOrDefault(p.getId(), Map.of()).get(WorkAssignmentProcess.VAR_UNIT_GROUP), null))).toList();
        LocalDate today = LocalDate.now();
        java.util.Set<String> inReview = awaitingReview(instances);
        Map<String, List<WorkAssignmentFiles.File>> handedIn = files.of(instances.stream().map(HistoricProcessInstance::getId).toList());
        List<Map<String, Object>> rows = instances.stream().map(p -> {
            Map<String, Object> vars = variables.getOrDefault(p.getId(), Map.of());
            String unit = Objects.toString(vars.get(WorkAssignmentProcess.VAR_UNIT_GROUP), "");
            String due = Objects.toString(vars.get(WorkAssignmentProcess.VAR_DUE_DATE), "");
            return Map.<String, Object>of("id", p.getId(),
                    // as maps: the template cannot call the methods of this package's own records
                    "files", handedIn.getOrDefault(p.getId(), List.of()).stream()
                            .map(f -> Map.of("id", Long.toString(f.id()), "name", f.fileName())).toList(),
                    "title", Objects.toString(vars.get(WorkAssignmentProcess.VAR_TITLE), ""),
                    "unitName", towns.getOrDefault(unit, o.groupName(unit)),
                    "campaignName", Objects.toString(vars.get(WorkAssignmentProcess.VAR_CAMPAIGN_NAME), ""),
                    "meetingName", Objects.toString(vars.get(WorkAssignmentProcess.VAR_MEETING_NAME), ""),
                    "assignedBy", Objects.toString(vars.get(WorkAssignmentProcess.VAR_ASSIGNED_BY), ""),
                    "due", shownDay(due),
                    "state", inReview.contains(p.getId()) ? "已提交，待审阅" : state(p, due, today),
                    "handlingResult", Objects.toString(vars.get(WorkAssignmentProcess.VAR_HANDLING_RESULT), ""));
        }).collect(Collectors.toList());
        ModelAndView page = new ModelAndView("pages/work-assignments");
        page.addObject("organizationName", o.name());
        page.addObject("rows", rows);
        page.addObject("ownUnitsOnly", !readsAll);
        page.addObject("cut", cut);
        page.addObject("shownAtMost", shownAtMost);
        return page;
    }

    /**
     * The organisation's 工作交办 — its own and, in a town, the district's work handled there (a sub-process, szreview-s60
     * S1) — those handed to one of {@code units} when named.
     */
    private HistoricProcessInstanceQuery issued(String tenant, List<String> units) {
        HistoricProcessInstanceQuery issued = historyService.createHistoricProcessInstanceQuery()
                .processDefinitionKey(WorkAssignmentProcess.KEY).tenantIdIn(tenant);
        if (units.isEmpty()) {
            return issued;
        }
        HistoricProcessInstanceQuery handedTo = issued.or();
        units.forEach(unit -> handedTo.variableValueEquals(WorkAssignmentProcess.VAR_UNIT_GROUP, unit));
        return handedTo.endOr();
    }

    /**
     * A photo or file a unit handed in with 办理交办事项 ({@link WorkAssignmentFiles}), as a download, for whoever reads its
     * 工作交办 ({@link WorkAssignmentReaders}: the office and the approvers of the organisation that issued it or handled it,
     * the unit that handed it in); 404 for anyone else, as for a file that is not there.
     */
    @GetMapping("/shirong/work-assignments/files/{id}")
    org.springframework.http.ResponseEntity<byte[]> file(@org.springframework.web.bind.annotation.PathVariable long id) {
        var caller = identityService.getCurrentAuthentication();
        WorkAssignmentFiles.File file = files.find(id)
                .filter(f -> readers.reads(caller, f.assignmentTenant(), f.tenantId(), unitGroup(f.processInstanceId())))
                .orElseThrow(() -> new org.shirong.system.NotFoundException("FILE_NOT_FOUND", "没有这个附件"));
        return org.springframework.http.ResponseEntity.ok()
                .contentType(org.springframework.http.MediaType.parseMediaType(file.mimeType()))
                .header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION, org.springframework.http.ContentDisposition.attachment()
                        .filename(file.fileName(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .body(files.content(id));
    }

    /** The unit the handling process was given ({@code unitGroup}: a town's office in the town's process for the district's work). */
    private String unitGroup(String processInstanceId) {
        return system.run(() -> historyService.createHistoricVariableInstanceQuery().processInstanceId(processInstanceId)
                .variableName(WorkAssignmentProcess.VAR_UNIT_GROUP).disableCustomObjectDeserialization().listPage(0, 1)).stream()
                .map(v -> Objects.toString(v.getValue(), null)).findFirst().orElse(null);
    }

    /**
     * Those of {@code instances} whose unit has handed in and that wait at 审阅办理结果 (jtphone-s61 F11: the page said
     * 办理中（已超期） while the office had the result to review), in one query per batch the engine's limit allows.
     */
    private java.util.Set<String> awaitingReview(List<HistoricProcessInstance> instances) {
        List<String> active = instances.stream().filter(p -> HistoricProcessInstance.STATE_ACTIVE.equals(p.getState()))
                .map(HistoricProcessInstance::getId).toList();
        java.util.Set<String> waiting = new java.util.HashSet<>();
        int batch = engine.getQueryMaxResultsLimit();
        for (int from = 0; from < active.size(); from += batch) {
            String[] ids = active.subList(from, Math.min(from + batch, active.size())).toArray(String[]::new);
            system.run(() -> engine.getTaskService().createTaskQuery().processInstanceIdIn(ids)
                    .taskDefinitionKey(WorkAssignmentProcess.TASK_REVIEW_RESULT).listPage(0, ids.length))
                    .forEach(t -> waiting.add(t.getProcessInstanceId()));
        }
        return waiting;
    }

    private static String state(HistoricProcessInstance p, String due, LocalDate today) {
        if (HistoricProcessInstance.STATE_COMPLETED.equals(p.getState())) {
            return "已办结";
        }
        if (!HistoricProcessInstance.STATE_ACTIVE.equals(p.getState()) && !HistoricProcessInstance.STATE_SUSPENDED.equals(p.getState())) {
            return "已撤销";
        }
        try {
            return LocalDate.parse(due).isBefore(today) ? "办理中（已超期）" : "办理中";
        } catch (java.time.format.DateTimeParseException notADay) {
            return "办理中";
        }
    }

    private static String shownDay(String due) {
        try {
            return DAY.format(LocalDate.parse(due)) + " 17:00";
        } catch (java.time.format.DateTimeParseException notADay) {
            return due;
        }
    }
}
