package org.shirong.rectification;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.MessageCorrelationBuilderImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.runtime.MessageCorrelationBuilder;
import org.camunda.bpm.engine.runtime.ProcessInstantiationBuilder;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.shirong.organization.Organization;
import org.shirong.organization.Organizations;
import org.shirong.notification.NotificationDigests;
import org.shirong.notification.ProcessNotices;
import org.shirong.system.AuthenticatedIdentities;
import org.shirong.system.ProcessDefinitions;
import org.shirong.system.SystemAccess;
import org.shirong.system.TextInput;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * 协办: the responsible units of a case (责任单位, from the decision table or the campaign's plan item) each
 * get a {@code CaseCooperationProcess} — a notice and a task to record what they did — while the lead unit
 * stays accountable for the case. A district's case that lies in one of its towns or streets (its 属地) also
 * goes to that town's office (reason TERRITORY), whose cooperation runs in the town's own tenant so that the town
 * sees and records it there. Runs in the engine's transaction; a unit is told once per case however often the
 * case is re-dispatched ({@link CaseParties}, keyed by case and unit).
 */
@Service
class CaseCooperation {

    private static final Logger LOG = LoggerFactory.getLogger(CaseCooperation.class);

    private final CaseParties parties;
    private final RectificationCases cases;
    private final CaseRecords records;
    private final RuntimeService runtimeService;
    private final IdentityService identityService;
    private final SystemAccess systemAccess;
    private final ProcessDefinitions definitions;
    private final Organizations organizations;
    private final AuthenticatedIdentities directory;
    private final TaskService taskService;
    private final CaseTaskListener taskNames;
    private final EvidencePhotos photos;
    private final ProcessNotices notices;
    private final TerritoryChecks territoryChecks;

    CaseCooperation(CaseParties parties, RectificationCases cases, CaseRecords records, RuntimeService runtimeService,
            IdentityService identityService, SystemAccess systemAccess, ProcessDefinitions definitions,
            Organizations organizations, AuthenticatedIdentities directory, TaskService taskService, CaseTaskListener taskNames,
            EvidencePhotos photos, ProcessNotices notices, TerritoryChecks territoryChecks) {
        this.territoryChecks = territoryChecks;
        this.photos = photos;
        this.notices = notices;
        this.directory = directory;
        this.taskService = taskService;
        this.taskNames = taskNames;
        this.definitions = definitions;
        this.organizations = organizations;
        this.parties = parties;
        this.cases = cases;
        this.records = records;
        this.runtimeService = runtimeService;
        this.identityService = identityService;
        this.systemAccess = systemAccess;
    }

    /**
     * 通知协办单位 (Task_StartCooperation): starts a cooperation for every responsible unit of the case that is
     * not its lead unit and has none yet, and for the 属地 town's office when a district's case lies in one of its
     * towns. {@code tenant} is the tenant the case's process runs in. With {@code digested} (a case an import started) the
     * cooperations' 通知协办单位 queue nothing: the import tells each unit once ({@link CaseImportBatches}). At a case's first
     * dispatch (a report's or an import's) they run up to the unit's task now, not from a start job. Returns the units told now.
     */
    List<String> start(String caseNo, String tenant, boolean digested) {
        CaseRecord c = cases.get(caseNo);
        String organization = c.tenantId() != null ? c.tenantId() : tenant;
        Instant now = RectificationCases.now();
        List<String> told = new ArrayList<>();
        for (String unit : units(c.responsibleUnits())) {
            if (unit.equals(c.leadUnit())) {
                continue;
            }
            if (!groupExists(unit)) {
                LOG.warn("案件 {} 的责任单位 {} 不在组织机构中，未发出协办任务", caseNo, unit);
                continue;
            }
            if (!ofOrganization(unit, organization)) {
                LOG.warn("案件 {} 的责任单位 {} 不是本组织 {} 的组，未发出协办任务", caseNo, unit, organization);
                continue;
            }
            if (tell(c, unit, CaseParties.Reason.RESPONSIBLE, organization, tenant, now, digested)) {
                told.add(unit);
            }
        }
        territoryOffice(c, organization).ifPresent(town -> {
            String office = organizations.office(town);
            if (!office.equals(c.leadUnit()) && !told.contains(office)
                    && tell(c, office, CaseParties.Reason.TERRITORY, town, town, now, digested)) {
                told.add(office);
            }
        });
        // debug, not info: each unit told is a row of rect_case_party and has its notice in notification_outbox, and a line
        // per report was some 1 % of Shirong's CPU in W1 (issue 13; an import's case: some 2 % of an import's CPU, its units
        // named in the import's digest)
        if (!told.isEmpty()) {
            LOG.debug(digested ? "导入的案件 {} 已派协办单位 {}" : "案件 {} 已通知协办单位 {}", caseNo, told);
        }
        return told;
    }

    /**
     * Makes the unit a party of the case ({@code partyTenant}: the organisation it cooperates for) and starts its
     * cooperation in {@code tenant}; false when it is a party already (a re-dispatch names it again). A case this very
     * transaction registered (a report's or an import's first dispatch) has no party yet: its party is written once, with
     * the cooperation's instance (issue 13: one update a unit less).
     */
    private boolean tell(CaseRecord c, String unit, CaseParties.Reason reason, String partyTenant, String tenant, Instant now,
            boolean digested) {
        if (records.insertedHere(c.caseNo())) {
            parties.addStarted(c.caseNo(), unit, reason, partyTenant, now, c.dueAt(),
                    startProcess(c, unit, reason.name(), tenant, digested, true, null));
            return true;
        }
        if (!parties.add(c.caseNo(), unit, reason, partyTenant, now, c.dueAt())) {
            return false;
        }
        parties.started(c.caseNo(), unit, startProcess(c, unit, reason.name(), tenant, digested, false, null));
        return true;
    }

    /**
     * Whether the engine has the group. Asked as Shirong (no user logged in: an import, a report's dispatch), the answer
     * is kept as the directory keeps a group's members ({@link AuthenticatedIdentities#lookup}: forgotten when this node
     * changes groups, else after {@code shirong.identity-cache.time-to-live}); a logged-in user's step asks the engine,
     * whose answer depends on what that user may read (issue 13, W2: one select per imported row).
     */
    private boolean groupExists(String unit) {
        Authentication caller = identityService.getCurrentAuthentication();
        if (caller != null && caller.getUserId() != null) {
            return countGroup(unit) > 0;
        }
        return directory.lookup("group-exists:" + unit, () -> countGroup(unit) > 0);
    }

    private long countGroup(String unit) {
        return identityService.createGroupQuery().groupId(unit).count();
    }

    /** The town or street a district's case lies in, when it is one of the district's own (not the district). */
    private Optional<String> territoryOffice(CaseRecord c, String organization) {
        if (c.territory() == null || c.territory().equals(organization)) {
            return Optional.empty();
        }
        return organizations.find(organization)
                .filter(o -> o.organization().level() == Organization.Level.DISTRICT)
                .flatMap(district -> organizations.within(district.id()).stream()
                        .filter(town -> town.id().equals(c.territory())).findFirst())
                .map(Organization::id);
    }

    private boolean ofOrganization(String unit, String organization) {
        var own = organizations.find(organization).map(Organization::id);
        return own.isEmpty() || organizations.ofGroup(unit).map(Organization::id).equals(own);
    }

    /**
     * Starts the unit's CaseCooperationProcess, in {@code tenant} (the case's, or the 属地 town's); returns its instance.
     * With {@code firstDispatch} (the case was registered in this transaction: a report's or an import's first dispatch)
     * the cooperation runs its first steps now, up to the unit's task, instead of from the asynchronous start event; the
     * start event keeps a re-dispatch's cooperations apart from the lead unit's work on the case, and a case registered
     * in this very transaction has no one working it yet. What only those first steps read (the lead unit and the due
     * instant, for the notice and the task's due date; the party's reason, which its record keeps) is then never written.
     * {@code noticeReason} is what the notice says of why the unit cooperates: a {@link CaseParties.Reason} name, or
     * {@link #TERRITORY_CONFIRMED}; {@code noticeRound}, when the unit is asked again under the same business key, tells its
     * notice from the first ({@link ProcessNotices#VAR_NOTICE_ROUND}).
     */
    private String startProcess(CaseRecord c, String unit, String noticeReason, String tenant, boolean digested,
            boolean firstDispatch, String noticeRound) {
        boolean atOnce = digested || firstDispatch;
        Map<String, Object> variables = new HashMap<>();
        variables.put(RectificationProcess.VAR_CASE_NO, c.caseNo());
        variables.put(RectificationProcess.VAR_TITLE, c.title());
        variables.put(RectificationProcess.VAR_ADDRESS, c.address());
        variables.put(RectificationProcess.VAR_DESCRIPTION, c.description() == null ? "" : c.description());
        Date dueAt = c.dueAt() == null ? null : Date.from(c.dueAt());
        variables.put(RectificationProcess.VAR_LEAD_UNIT, atOnce ? Variables.stringValue(c.leadUnit(), true) : c.leadUnit());
        variables.put(RectificationProcess.VAR_DUE_AT, atOnce ? Variables.dateValue(dueAt, true) : dueAt);
        variables.put(CaseCooperationProcess.VAR_PARTY_UNIT, unit);
        variables.put(CaseCooperationProcess.VAR_PARTY_REASON, atOnce ? Variables.stringValue(noticeReason, true) : noticeReason);
        if (noticeRound != null) {
            variables.put(ProcessNotices.VAR_NOTICE_ROUND, noticeRound);
        }
        if (digested) {
            // read by the notice, which runs now (below) and, held for the import's digest, sends nothing
            variables.put(NotificationDigests.VAR_HELD_FOR_DIGEST,
                    Variables.stringValue(RectificationProcess.TEMPLATE_CASE_COOPERATION, true));
        }
        // Without the caller's authentication: a district user may start the town's cooperation in the town's tenant.
        return systemAccess.run(() -> {
            ProcessInstantiationBuilder start = runtimeService
                    .createProcessInstanceById(definitions.latestId(CaseCooperationProcess.KEY, tenant))
                    .businessKey(CaseCooperationProcess.businessKey(c.caseNo(), unit)).setVariables(variables);
            // A start job per case ran on the job executor beside the import or the report: taken, locked, re-read,
            // deleted and logged, some 25 statements a cooperation, and during an import some 30 % of the CPU (issue 13,
            // W1 and W2).
            return (atOnce ? start.startBeforeActivity(CaseCooperationProcess.TASK_NOTIFY) : start).execute().getId();
        });
    }

    /** Template of the notice to a town the office moved a case's 属地 away from. */
    static final String TEMPLATE_TERRITORY_MOVED = "case-territory-moved";

    /**
     * Tells the former 属地 town's office, which had been given the case's 协办, that the office moved the 属地 away from it
     * and why ({@code withdrawn}: its 记录协办情况 was still open and has ended), and what became of the 属地协办 ({@code newTown}:
     * ASKED the new town's office cooperates, LEADS it leads the case so cooperates on nothing, NONE no town of the district;
     * diffreview-s56 D7), in its inbox and through its usual channels, under its own organisation; once per correction.
     */
    private void tellMovedAway(CaseRecord c, String formerTerritory, String formerOffice, boolean withdrawn, String newTown,
            String reason, Instant now) {
        Map<String, Object> values = new HashMap<>();
        values.put("caseNo", c.caseNo());
        values.put("title", c.title());
        values.put("address", c.address());
        values.put("leadUnitName", c.leadUnit() == null ? "" : organizations.unitName(c.leadUnit(), formerTerritory));
        values.put("officeName", organizations.unitName(organizations.office(c.tenantId()), formerTerritory));
        values.put("townName", organizations.find(formerTerritory).map(Organization::name).orElse(formerTerritory));
        values.put("newTownName", organizations.find(c.territory()).map(Organization::name).orElse(c.territory()));
        values.put("withdrawn", withdrawn ? "是" : "");
        values.put("newTown", newTown);
        values.put("reason", reason);
        notices.sendToGroup(CaseCooperationProcess.businessKey(c.caseNo(), formerOffice), TEMPLATE_TERRITORY_MOVED,
                "moved/" + now.toEpochMilli(), values, CasePageController.pageUrl(c.caseNo()), formerOffice, formerTerritory);
        LOG.info("案件 {} 的属地已由 {} 更正为 {}，已通知 {}", c.caseNo(), formerTerritory, c.territory(), formerOffice);
    }

    /** The notice's reason for a 属地 town asked again after the office kept the 属地 it disputed (case-cooperation). */
    static final String TERRITORY_CONFIRMED = "TERRITORY_CONFIRMED";

    /**
     * The office corrected the district case's 属地 from {@code formerTerritory} to {@code c}'s (read after the correction,
     * in its transaction, with the case locked): the former town's office, when it had not recorded yet, has its 记录协办情况
     * ended and its party closed as 非本镇属地 with the office's {@code reason}; what it recorded stays; either way its 协办 no
     * longer counts ({@link CaseParties.Party#formerTerritory}), and it is told so, with the reason ({@link #tellMovedAway}:
     * the town's office otherwise saw its task vanish, or its 非本镇属地 answered by nobody). The new town's office gets a 记录协办情况 of its own (asked again when it
     * had been the 属地 before). Returns the new town's office, empty when the case lies in no town of the district or its
     * office leads the case. A former town recording at the same moment: 409, nothing saved.
     */
    Optional<String> territoryMoved(CaseRecord c, String formerTerritory, String reason) {
        Instant now = RectificationCases.now();
        List<CaseParties.Party> all = parties.of(c.caseNo());
        String why = "办公室将属地更正为" + organizations.find(c.territory()).map(Organization::name).orElse(c.territory()) + "："
                + reason;
        Optional<String> town = territoryOffice(c, c.tenantId());
        String newTown = town.isEmpty() ? "NONE" : organizations.office(town.get()).equals(c.leadUnit()) ? "LEADS" : "ASKED";
        if (formerTerritory != null && !formerTerritory.equals(c.tenantId())) {
            String formerOffice = organizations.office(formerTerritory);
            all.stream().filter(p -> p.unitId().equals(formerOffice) && p.reason() == CaseParties.Reason.TERRITORY).findFirst()
                    .ifPresent(p -> {
                        boolean open = !p.done() && p.endedAt() == null;
                        if (open) {
                            if (!parties.closedAsNotTerritory(c.caseNo(), p.unitId(), why, now)) {
                                throw recordedMeanwhile(c.caseNo(), p.unitId());
                            }
                            if (p.processInstanceId() != null) {
                                // Without the caller's authentication: a 属地 cooperation runs in another organisation's tenant.
                                systemAccess.run(() -> {
                                    runtimeService.deleteProcessInstanceIfExists(p.processInstanceId(), "办公室更正了案件属地", true,
                                            true, false, false);
                                    return null;
                                });
                            }
                        }
                        tellMovedAway(c, formerTerritory, formerOffice, open, newTown, reason, now);
                    });
        }
        if (town.isEmpty()) {
            return Optional.empty();
        }
        String office = organizations.office(town.get());
        if (office.equals(c.leadUnit())) {
            return Optional.empty();
        }
        Optional<CaseParties.Party> before = all.stream().filter(p -> p.unitId().equals(office)).findFirst();
        if (before.isEmpty()) {
            tell(c, office, CaseParties.Reason.TERRITORY, town.get(), town.get(), now, false);
        } else if (before.get().done() || before.get().endedAt() != null) {
            askAgain(c, office, town.get(), CaseParties.Reason.TERRITORY.name(), now);
        }
        return Optional.of(office);
    }

    /**
     * The office kept the 属地 its town's office had answered 非本镇属地 on (属地无误): that office is asked again, with a new
     * 记录协办情况 due by the case's 整改期限 now, its notice saying that the office confirmed the 属地. Its earlier answer stays
     * on the timeline; the case counts in the town's territory ranking again. Returns the office asked; 409 when the town no
     * longer disputes the 属地 (asked again or moved meanwhile).
     */
    String territoryConfirmed(CaseRecord c) {
        CaseParties.Party disputed = parties.of(c.caseNo()).stream().filter(p -> p.reason() == CaseParties.Reason.TERRITORY
                && p.outcome() == CaseParties.Outcome.NOT_TERRITORY && p.done() && p.tenantId().equals(c.territory()))
                .findFirst().orElseThrow(() -> new org.shirong.system.ConflictException("NO_TERRITORY_DISPUTE", "案件 " + c.caseNo()
                        + " 的属地街镇没有答复“非本镇属地”（或已重新记录协办情况），无需确认属地"));
        askAgain(c, disputed.unitId(), disputed.tenantId(), TERRITORY_CONFIRMED, RectificationCases.now());
        return disputed.unitId();
    }

    private void askAgain(CaseRecord c, String office, String town, String noticeReason, Instant now) {
        if (!parties.askedAgain(c.caseNo(), office, town, now, c.dueAt())) {
            throw recordedMeanwhile(c.caseNo(), office);
        }
        parties.started(c.caseNo(), office, startProcess(c, office, noticeReason, town, false, false,
                "asked-again/" + now.toEpochMilli()));
    }

    private org.shirong.system.ConflictException recordedMeanwhile(String caseNo, String unit) {
        return new org.shirong.system.ConflictException("COOPERATION_CHANGED", "案件 " + caseNo + " 的属地协办（"
                + organizations.groupName(unit).orElse(unit) + "）刚刚有了变化，请刷新后再试");
    }

    /**
     * The case has another lead unit (重新派遣) or another 整改期限 (延期 approved, 恢复整改): each cooperating unit's open
     * 记录协办情况 shows them as they are now, in its form's read-only fields and its description, so that a town's office
     * does not go on working with the department that handed the case back, or to a deadline that moved. The
     * cooperation's own due date stays the one it was given, by which its on-time count is judged, but for 挂账
     * ({@link #caseSuspended}) and an approved 延期 ({@link #caseExtended}). A cooperation whose first step has not run
     * yet (a re-dispatch's, its start job waiting) has no task to update; after an approved 延期 its task is created due by
     * the new date.
     */
    void caseChanged(String caseNo) {
        refresh(caseNo, false);
    }

    /**
     * An extension of the case was approved: each cooperation not recorded yet and not yet past its due date is due by
     * the case's new 整改期限 when that is later, on its record (by which it counts as on time) and on its open task, whose
     * form and description show the new 整改期限 too. The unit had been shown the new date while its task fell due and was
     * scored at the old one (jxreview-s58 J15). A cooperation whose start job has not run yet gets its task due by the new
     * date when it starts. A cooperation already overdue at the approval stays so.
     */
    void caseExtended(String caseNo) {
        refresh(caseNo, true);
    }

    private void refresh(String caseNo, boolean extended) {
        List<CaseParties.Party> open = parties.of(caseNo).stream()
                .filter(p -> p.endedAt() == null && p.processInstanceId() != null).toList();
        if (open.isEmpty()) {
            return;
        }
        CaseRecord c = cases.get(caseNo);
        Instant now = RectificationCases.now();
        // Without the caller's authentication: a 属地 cooperation runs in another organisation's tenant.
        systemAccess.run(() -> {
            for (CaseParties.Party p : open) {
                boolean moved = extended && !p.done() && c.dueAt() != null && p.dueAt() != null
                        && p.dueAt().isAfter(now) && c.dueAt().isAfter(p.dueAt());
                if (moved) {
                    parties.due(caseNo, p.unitId(), c.dueAt());
                }
                Task task = taskService.createTaskQuery().processInstanceId(p.processInstanceId())
                        .taskDefinitionKey(CaseCooperationProcess.TASK_RECORD).singleResult();
                if (task == null) {
                    if (moved) {
                        // its start job has not run yet (a re-dispatch's or a 属地 correction's cooperation): the task it
                        // creates takes its due date and 整改期限 from this variable (diffreview-s58 R4)
                        runtimeService.setVariable(p.processInstanceId(), RectificationProcess.VAR_DUE_AT, Date.from(c.dueAt()));
                    }
                    continue;
                }
                if (moved) {
                    task.setDueDate(Date.from(c.dueAt()));
                }
                String lead = taskNames.leadUnitName(c.leadUnit(), task.getTenantId());
                String due = c.dueAt() == null ? "" : taskNames.display(task.getTenantId(), Date.from(c.dueAt()));
                runtimeService.setVariables(p.processInstanceId(), Map.of(CaseCooperationProcess.VAR_LEAD_UNIT_NAME,
                        lead == null ? "" : lead, CaseCooperationProcess.VAR_DUE_TEXT, due));
                task.setDescription(CaseTaskListener.description(c.caseNo(), CaseTaskListener.text(c.title()),
                        CaseTaskListener.text(c.address()), c.urgency() == Urgency.URGENT,
                        organizations.groupName(p.unitId()).orElse(p.unitId()), lead, due.isEmpty() ? null : due));
                taskService.saveTask(task);
            }
            return null;
        });
    }

    /**
     * The case was re-dispatched to {@code lead}, which cooperated on it: the unit now leads the case and leaves its
     * cooperators (sjreview F2). Its open 记录协办情况 ends (its cooperation is deleted, or its start job with it) and its
     * party goes, so that it is never counted as 未完成协办 on its own case; what it had recorded already stays.
     */
    void leadTookOver(String caseNo, String lead) {
        parties.of(caseNo).stream().filter(p -> p.unitId().equals(lead) && !p.done()).findFirst().ifPresent(p -> {
            if (p.processInstanceId() != null && p.endedAt() == null) {
                // Without the caller's authentication: a 属地 cooperation runs in another organisation's tenant.
                systemAccess.run(() -> {
                    runtimeService.deleteProcessInstanceIfExists(p.processInstanceId(), "协办单位成为牵头单位", true, true, false, false);
                    return null;
                });
            }
            parties.removeUnrecorded(caseNo, lead);
            LOG.debug("案件 {} 重新派遣给协办单位 {}，其协办结束", caseNo, lead);
        });
    }

    /**
     * The case is 挂账: its clock stands still, and so does its cooperations'. Their open 记录协办情况 lose their due date
     * while it lasts, so that no Tasklist shows them red or past due; {@link #caseResumed} gives it back, moved.
     */
    void caseSuspended(String caseNo) {
        eachOpenTask(caseNo, (party, task) -> {
            task.setDueDate(null);
            task.setFollowUpDate(null);
            taskService.saveTask(task);
        });
    }

    /**
     * The case resumed after 挂账 since {@code suspendedAt}: each cooperation not recorded before it is due as much later
     * as the case's own clock moved ({@link CaseDeadlines#resume}: a due instant already past at the suspension stays), on
     * its record, by which it counts as on time, and on its open task.
     */
    void caseResumed(String caseNo, Instant suspendedAt) {
        if (suspendedAt == null) {
            return;
        }
        CaseRecord c = cases.get(caseNo);
        Instant now = RectificationCases.now();
        Map<String, Instant> moved = new HashMap<>();
        for (CaseParties.Party p : parties.of(caseNo)) {
            if (p.dueAt() != null && (p.doneAt() == null || p.doneAt().isAfter(suspendedAt))) {
                Instant due = cases.resumedInstant(c, p.dueAt(), suspendedAt, now);
                parties.due(caseNo, p.unitId(), due);
                moved.put(p.unitId(), due);
            }
        }
        eachOpenCooperation(caseNo, (party, task) -> {
            Instant due = moved.getOrDefault(party.unitId(), party.dueAt());
            if (task == null) {
                // its start job has not run yet: the task it creates takes its due date from this variable, as after an
                // approved 延期 (refresh; diffreview-s59 R5)
                if (moved.containsKey(party.unitId())) {
                    runtimeService.setVariable(party.processInstanceId(), RectificationProcess.VAR_DUE_AT, Date.from(due));
                }
                return;
            }
            task.setDueDate(due == null ? null : Date.from(due));
            taskService.saveTask(task);
        });
    }

    /** Hands each open 记录协办情况 of the case, with its party, to {@code action}. */
    private void eachOpenTask(String caseNo, java.util.function.BiConsumer<CaseParties.Party, Task> action) {
        eachOpenCooperation(caseNo, (party, task) -> {
            if (task != null) {
                action.accept(party, task);
            }
        });
    }

    /**
     * Hands each open cooperation of the case to {@code action}, with its party and its 记录协办情况, or null when its start
     * job has not run yet.
     */
    private void eachOpenCooperation(String caseNo, java.util.function.BiConsumer<CaseParties.Party, Task> action) {
        // Without the caller's authentication: a 属地 cooperation runs in another organisation's tenant.
        systemAccess.run(() -> {
            for (CaseParties.Party p : parties.of(caseNo)) {
                if (p.endedAt() == null && p.processInstanceId() != null) {
                    action.accept(p, taskService.createTaskQuery().processInstanceId(p.processInstanceId())
                            .taskDefinitionKey(CaseCooperationProcess.TASK_RECORD).singleResult());
                }
            }
            return null;
        });
    }

    /**
     * 记录协办情况 completed: the unit's answer (已配合, 无需配合, or — the 属地 town's office only — 非本镇属地) with its
     * words and an optional photo, on the party's record and the case's timeline. 非本镇属地 tells the case's office, which
     * corrects the 属地; until it does the case does not count in the town's territory ranking
     * ({@link CaseParties#TERRITORY_DISPUTED}). Every problem is refused naming its field, with nothing saved.
     */
    void recorded(DelegateExecution execution) {
        String caseNo = caseNo(execution);
        String unit = (String) execution.getVariable(CaseCooperationProcess.VAR_PARTY_UNIT);
        CaseParties.Party party = parties.of(caseNo).stream().filter(p -> p.unitId().equals(unit)).findFirst().orElse(null);
        CaseParties.Outcome outcome = outcome(execution, party);
        String label = noteLabel(outcome);
        Object value = execution.getVariable(CaseCooperationProcess.VAR_NOTE);
        String note = value == null ? null : value.toString();
        if (TextInput.isBlank(note)) {
            throw FormInputRefused.of(CaseCooperationProcess.VAR_NOTE, "请填写" + label);
        }
        TextInput.problem(label, note, true).ifPresent(message -> {
            throw FormInputRefused.of(CaseCooperationProcess.VAR_NOTE, message);
        });
        if (note.length() > 4000) {
            throw FormInputRefused.of(CaseCooperationProcess.VAR_NOTE, label + "不能超过 4000 个字");
        }
        Optional<EvidencePhotos.Photo> photo = photos.take(execution, CaseCooperationProcess.VAR_PHOTO, "协办照片");
        Instant now = RectificationCases.now();
        String actor = actor();
        String text = note.strip();
        parties.recorded(caseNo, unit, actor, outcome, text, now);
        records.addEvent(caseNo, now, CaseEventKind.COOPERATION_RECORDED, actor, outcome.label() + "：" + text, unit);
        photo.ifPresent(p -> records.addPhotoWithEvent(caseNo, COOPERATION_PHOTO, p, now, actor,
                "协办照片（" + organizations.groupName(unit).orElse(unit) + "） " + p.fileName()));
        photos.remove(execution, CaseCooperationProcess.VAR_PHOTO);
        if (outcome == CaseParties.Outcome.NOT_TERRITORY) {
            CaseRecord c = cases.get(caseNo);
            String office = organizations.office(c.tenantId());
            // the lead unit as the district reads it; a first dispatch's cooperation does not keep the lead unit's variable
            // queued under the district (its deliveries run there), once per time the town is asked: a town asked again after
            // the office kept the 属地 that answers 非本镇属地 once more tells the office again
            notices.send(execution, CaseCooperationProcess.TEMPLATE_TERRITORY_DISPUTED, "group:" + office,
                    unit + "/" + party.assignedAt().toEpochMilli(), Map.of(
                    "leadUnitName", c.leadUnit() == null ? "" : organizations.unitName(c.leadUnit(), c.tenantId()), "townName", organizations.find(party.tenantId()).map(Organization::name).orElse(party.tenantId()),
                    "reason", text, "link", CasePageController.pageUrl(caseNo)), c.tenantId());
            // sjreview-s57 D14: the office is given a task with a deadline, not only the message; the lead unit learns that
            // the 属地 is being checked (its task still names the disputed town)
            String townName = organizations.find(party.tenantId()).map(Organization::name).orElse(party.tenantId());
            territoryChecks.open(c, townName, text, now);
            if (c.leadUnit() != null) {
                notices.send(execution, CaseCooperationProcess.TEMPLATE_TERRITORY_RECHECKED, "group:" + c.leadUnit(),
                        unit + "/" + party.assignedAt().toEpochMilli(), Map.of("townName", townName, "reason", text,
                        "officeName", organizations.groupName(office).orElse(office), "link", CasePageController.pageUrl(caseNo)),
                        c.tenantId());
            }
            LOG.info("案件 {} 的属地 {} 答复非本镇属地，已通知 {} 核实属地", caseNo, party.tenantId(), office);
        }
    }

    /** The kind of {@code rect_case_photo} a cooperating unit's photo is stored as (协办照片). */
    static final String COOPERATION_PHOTO = "COOPERATION";

    /** The answer chosen on the form; 非本镇属地 only for the 属地 town's office of a case led elsewhere. */
    private static CaseParties.Outcome outcome(DelegateExecution execution, CaseParties.Party party) {
        Object chosen = execution.getVariable(CaseCooperationProcess.VAR_OUTCOME);
        if ((chosen == null || TextInput.isBlank(chosen.toString())) && formWithoutChoice(execution)) {
            // a task of a version before the choice (its Camunda Form has the note only, and the submitted-fields guard
            // refuses any other field): what it records is what 已配合 records, as V50 reads the rows recorded before
            return CaseParties.Outcome.COOPERATED;
        }
        if (chosen == null || TextInput.isBlank(chosen.toString())) {
            throw FormInputRefused.of(CaseCooperationProcess.VAR_OUTCOME, "请选择协办结果：已配合、无需配合或非本镇属地");
        }
        CaseParties.Outcome outcome = Arrays.stream(CaseParties.Outcome.values())
                .filter(o -> o.name().equals(chosen.toString().strip()) || o.label().equals(chosen.toString().strip()))
                .findFirst().orElseThrow(() -> FormInputRefused.of(CaseCooperationProcess.VAR_OUTCOME,
                        "协办结果只能选择已配合、无需配合或非本镇属地，不能是“" + TextInput.shortened(chosen.toString().strip(), 20) + "”"));
        if (outcome == CaseParties.Outcome.NOT_TERRITORY && (party == null || party.reason() != CaseParties.Reason.TERRITORY)) {
            throw FormInputRefused.of(CaseCooperationProcess.VAR_OUTCOME,
                    "协办结果“非本镇属地”只能由案件属地街镇选择；你单位是本案的责任单位，请选择已配合或无需配合");
        }
        return outcome;
    }

    /** Whether the task being completed is of a diagram version whose form (a Camunda Form) offers no 协办结果 choice. */
    private static boolean formWithoutChoice(DelegateExecution execution) {
        UserTask task = execution.getBpmnModelInstance().getModelElementById(CaseCooperationProcess.TASK_RECORD);
        return task != null && task.getCamundaFormRef() != null;
    }

    /** What the note says for the answer, as the form labels it (and the refusals name it). */
    private static String noteLabel(CaseParties.Outcome outcome) {
        return switch (outcome) {
            case COOPERATED -> "配合情况";
            case NOT_NEEDED -> "无需配合的原因";
            case NOT_TERRITORY -> "应属街镇或原因";
        };
    }

    /** The case closed before the unit recorded anything (EndEvent_CaseClosedFirst). */
    void endedByClosure(DelegateExecution execution) {
        parties.ended(caseNo(execution), (String) execution.getVariable(CaseCooperationProcess.VAR_PARTY_UNIT),
                RectificationCases.now());
    }

    /**
     * The case closed: its open cooperations end (Message_CaseClosed). One whose first step has not run yet
     * (its start job still waits) has no subscription to the message; it is deleted instead. Returns the case's parties
     * and, apart, the units whose 记录协办情况 ended (they had been told of the case and had not recorded yet).
     */
    ClosedCooperations caseClosed(String caseNo) {
        return caseEnded(caseNo, "已结案");
    }

    /**
     * As {@link #caseClosed}, for a case that ended otherwise ({@code ended}: 已合并, 已作废); the office's open 核实属地 of
     * the case, if its 属地 town answered 非本镇属地 on it, is cancelled as well, saying so (diffreview-s57 R3).
     */
    ClosedCooperations caseEnded(String caseNo, String ended) {
        // Without the caller's authentication: a 属地 cooperation runs in another organisation's tenant.
        return systemAccess.run(() -> {
            ClosedCooperations closed = closeCooperations(caseNo);
            // looked for only where a town disputed the 属地: a case without a dispute (nearly all) reads nothing more
            if (closed.territoryDisputed()) {
                territoryChecks.caseEnded(caseNo, ended);
            }
            return closed;
        });
    }

    /**
     * Each open party's cooperation is told by its own instance ({@code rect_case_party.process_instance_id}), not looked
     * for by the case number among the engine's variables, and only among the instances' subscriptions, not also among
     * the message start events no process has (issue 13, W1: a case's close spent some 7 % of Shirong's CPU here: the
     * variable query, the look for start events, then the parties read again and each one's instance counted). A
     * cooperation the message reached ends at EndEvent_CaseClosedFirst, whose listener ends its party
     * ({@link #endedByClosure}); one it did not reach waits at its asynchronous start (a re-dispatch's) and is deleted
     * here, its party ended with it. Returns the parties as read and the units of the cooperations the message ended.
     */
    private ClosedCooperations closeCooperations(String caseNo) {
        Instant now = RectificationCases.now();
        List<String> waiting = new ArrayList<>();
        List<CaseParties.Party> all = parties.of(caseNo);
        for (CaseParties.Party p : all) {
            if (p.endedAt() != null) {
                continue;
            }
            String instance = p.processInstanceId();
            if (instance != null && !closedMessage().processInstanceId(instance).correlateAllWithResult().isEmpty()) {
                waiting.add(p.unitId());
                continue; // ended by the message, its party by the end event's listener
            }
            if (instance != null) {
                runtimeService.deleteProcessInstanceIfExists(instance, "案件已结案", true, true, false, false);
            }
            parties.ended(caseNo, p.unitId(), now);
        }
        return new ClosedCooperations(all.stream().map(CaseParties.Party::unitId).toList(), waiting,
                all.stream().anyMatch(p -> p.reason() == CaseParties.Reason.TERRITORY && p.outcome() == CaseParties.Outcome.NOT_TERRITORY));
    }

    /**
     * A case's cooperations at its closure: every party's unit, and those whose 记录协办情况 the closure ended (told of the
     * case, not yet recorded); whether a 属地 town answered 非本镇属地 on it (the office may have a 核实属地 open).
     */
    record ClosedCooperations(List<String> units, List<String> endedByClosure, boolean territoryDisputed) {
    }

    /**
     * Message_CaseClosed for the running cooperations only: the engine's own builder, whose executions-only mode the
     * engine's interface does not offer, so that no correlation looks for a message start event no process has.
     */
    private MessageCorrelationBuilder closedMessage() {
        return ((MessageCorrelationBuilderImpl) runtimeService.createMessageCorrelation(CaseCooperationProcess.MESSAGE_CASE_CLOSED))
                .executionsOnly();
    }

    private static String caseNo(DelegateExecution execution) {
        return (String) execution.getVariable(RectificationProcess.VAR_CASE_NO);
    }

    private static Set<String> units(String commaSeparated) {
        Set<String> units = new LinkedHashSet<>();
        if (commaSeparated != null) {
            Arrays.stream(commaSeparated.split(",")).map(String::strip).filter(s -> !s.isEmpty()).forEach(units::add);
        }
        return units;
    }

    private String actor() {
        Authentication authentication = identityService.getCurrentAuthentication();
        return authentication == null ? null : authentication.getUserId();
    }

    /**
     * The units that cooperate (协办) on the case, or did, or are to: its parties and the responsible units its dispatch
     * names but its lead unit, though not told (yet) — a case dispatched before V23, a unit {@link #start} skipped, the
     * moment before 通知协办单位 runs (diffreview-s56 D2). Those a verifier or supervisor may not belong to.
     */
    java.util.List<String> cooperatingUnits(String caseNo) {
        Set<String> units = new LinkedHashSet<>();
        parties.of(caseNo).forEach(p -> units.add(p.unitId()));
        records.find(caseNo).ifPresent(c -> units(c.responsibleUnits()).stream().filter(u -> !u.equals(c.leadUnit()))
                .forEach(units::add));
        return List.copyOf(units);
    }
}
