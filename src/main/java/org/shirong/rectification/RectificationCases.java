package org.shirong.rectification;

import static org.shirong.rectification.CaseStatus.AWAITING_VERIFICATION;
import static org.shirong.rectification.CaseStatus.IN_RECTIFICATION;
import static org.shirong.rectification.CaseStatus.SUSPENDED;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.variable.Variables;
import org.shirong.calendar.LimitUnit;
import org.shirong.calendar.TimeLimit;
import org.shirong.notification.NotificationDigests;
import org.shirong.organization.Organizations;
import org.shirong.system.ApiError;
import org.shirong.system.ChineseDates;
import org.shirong.system.EngineBatch;
import org.shirong.system.ForbiddenException;
import org.shirong.system.InvalidRequestException;
import org.shirong.system.NotFoundException;
import org.shirong.system.ProcessDefinitions;
import org.shirong.system.RepeatedDecisions;
import org.shirong.system.SystemAccess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The life of a rectification case on record: reported, dispatched, claimed or returned, rectified,
 * verified, closed; warned, overdue and escalated on its clock; extended and suspended. Called by the
 * API and, through {@link CaseSteps} and the delegates, by {@code RectificationProcess}, always in the
 * engine's transaction. Time is the engine's clock so that process tests can move it.
 */
@Service
public class RectificationCases {

    private final ProcessDefinitions definitions;

    private final CaseRecords records;
    private final CaseNumbers numbers;
    private final CaseDeadlines deadlines;
    private final NewCaseValidator validator;
    private final RuntimeService runtimeService;
    private final SystemAccess systemAccess;
    private final TerritoryDirectory territories;
    private final ObjectProvider<CampaignPlans> campaignPlans;
    private final DueBounds dueBounds;
    private final ObjectProvider<CaseEvidenceRules> evidence;
    private final EngineBatch engineBatch;
    private final ImportGivesWay givesWay;
    private final RepeatedDecisions repeatedDecisions;
    private final Organizations organizations;
    private final ReportingRights rights;

    private static final Logger LOG = LoggerFactory.getLogger(RectificationCases.class);

    RectificationCases(ProcessDefinitions definitions, CaseRecords records, CaseNumbers numbers, CaseDeadlines deadlines, NewCaseValidator validator,
            RuntimeService runtimeService, SystemAccess systemAccess, TerritoryDirectory territories,
            ObjectProvider<CampaignPlans> campaignPlans, DueBounds dueBounds,
            ObjectProvider<CaseEvidenceRules> evidence, EngineBatch engineBatch, ImportGivesWay givesWay,
            RepeatedDecisions repeatedDecisions, Organizations organizations, ReportingRights rights) {
        this.rights = rights;
        this.organizations = organizations;
        this.engineBatch = engineBatch;
        this.repeatedDecisions = repeatedDecisions;
        this.givesWay = givesWay;
        this.dueBounds = dueBounds;
        this.evidence = evidence;
        this.definitions = definitions;
        this.campaignPlans = campaignPlans;
        this.systemAccess = systemAccess;
        this.territories = territories;
        this.records = records;
        this.numbers = numbers;
        this.deadlines = deadlines;
        this.validator = validator;
        this.runtimeService = runtimeService;
    }

    static Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }

    /** The outcome of a report: the case, and whether it was created now or existed under the same external reference. */
    public record Reported(CaseRecord record, boolean created) {
    }

    /**
     * What whoever found or decided a case directs beyond the report: the lead unit (a meeting decision's unit), the
     * responsible units (a campaign plan item's), each cooperating (协办), and the day it is to be done by (a meeting
     * decision's 期限). Any may be null.
     */
    public record Directions(String leadUnit, List<String> responsibleUnits, LocalDate decidedDue, EnteredBy enteredBy) {

        public Directions(String leadUnit, List<String> responsibleUnits, LocalDate decidedDue) {
            this(leadUnit, responsibleUnits, decidedDue, null);
        }
    }

    /**
     * The unit (group id) that entered the case itself in its own campaign task named {@code task} (认领测评点位问题（公共设施）,
     * 全面自查自纠): dispatched to that very unit, the case is claimed as it is entered and goes to 整改问题 (sjreview F12).
     * {@code planItem}: the plan item whose own task it was (实施项目整治（整治镇区河道环境）), or null: the case counts under
     * that item when its category belongs to no plan item (jxreview s55 J14: 河面漂浮物 given 暴露垃圾 fell to “其他”); the
     * category still decides its lead unit and deadline.
     */
    public record EnteredBy(String unit, String task, String planItem) {

        public EnteredBy(String unit, String task) {
            this(unit, task, null);
        }
    }

    /**
     * Registers the case a person reports (立案) and starts its process, which dispatches it before this returns; checked
     * as {@link NewCaseValidator#checkReported} (no reference of Shirong's own, no 会议决定).
     */
    @Transactional
    public Reported report(String organization, NewCase c, String actor) {
        return report(organization, c, actor, validator.checkReported(organization, c), null);
    }

    /**
     * As {@link #report(String, NewCase, String)}, by {@code caller}, who must also be free to choose the case's source and
     * urgency ({@link ReportingRights}): what is invalid is answered first (400, naming also what the caller may not
     * choose), then what only is not the caller's to choose (403, naming the fields).
     */
    @Transactional
    public Reported report(String organization, NewCase c, Authentication caller) {
        List<ApiError> errors = new ArrayList<>(validator.checkReported(organization, c));
        List<ApiError> notTheirs = rights.refused(organization, c, caller);
        if (!errors.isEmpty()) {
            errors.addAll(notTheirs);
        } else if (!notTheirs.isEmpty()) {
            throw new ForbiddenException(notTheirs);
        }
        return report(organization, c, caller.getUserId(), errors, null);
    }

    /**
     * As {@link #report(String, NewCase, Authentication)}, with the photos of the problem the reporter took on the spot
     * ({@code POST /api/cases} as multipart, the 上报问题 page): kept as the case's 整改前照片 of its first round, in the
     * same transaction as the case. A report that finds its external reference already taken adds no photos to that case.
     */
    @Transactional
    public Reported report(String organization, NewCase c, Authentication caller, List<EvidencePhotos.Photo> photos) {
        Reported reported = report(organization, c, caller);
        if (reported.created()) {
            photos.forEach(p -> photoAdded(reported.record().caseNo(), "BEFORE", p, caller.getUserId()));
        }
        return reported;
    }

    /** What {@link #reportCampaignWork} would refuse in {@code c}, without registering it: to name every bad line at once. */
    public List<ApiError> problemsOfCampaignWork(String organization, NewCase c) {
        return validator.check(organization, c, true);
    }

    /**
     * As {@link #report(String, NewCase, String)}, for a case a campaign's own work found or decided (a finding, a
     * meeting decision): it belongs to that campaign even when the work is done after the campaign ended, and is
     * dispatched as {@code directions} say.
     */
    @Transactional
    public Reported reportCampaignWork(String organization, NewCase c, String actor, Directions directions) {
        return reportOwn(organization, c, actor, validator.check(organization, c, true), directions);
    }

    /**
     * As {@link #report(String, NewCase, String)}, dispatched as {@code directions} say: for a case handed over by another
     * part of Shirong (a zone's 门责 ladder hands a holder over to the 城管中队), checked as any report.
     */
    @Transactional
    public Reported reportDirected(String organization, NewCase c, String actor, Directions directions) {
        return reportOwn(organization, c, actor, validator.check(organization, c), directions);
    }

    /** How many references a flow of Shirong's own tries when the first ones are held by cases it did not report. */
    private static final int OWN_REFERENCE_TRIES = 5;

    /**
     * A case one of Shirong's own flows reports under its own reference ({@link OwnReferences}; a meeting decision, a 门责
     * hand-over, a campaign finding), which makes a repeated step find the case it reported before. A case found under the
     * reference counts only when that flow reported it ({@code own_reference}, set below and never by a person or an import):
     * a case someone else registered under it before such references were refused (s50 F1) is not taken over. Then the flow's
     * case is reported under the next reference ({@code …#2}, {@code …#3}), so that the meeting's decision, the hand-over or
     * the finding is carried out as decided and not lost, and the error is logged naming both cases.
     */
    private Reported reportOwn(String organization, NewCase c, String actor, List<ApiError> errors,
            Directions directions) {
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        if (c.externalRef() == null || !OwnReferences.reserved(c.externalRef())) {
            throw new IllegalArgumentException("本系统自己立案的案件须使用本系统的外部编号：" + c.externalRef());
        }
        Directions directed = directions == null ? new Directions(null, null, null) : directions;
        for (int attempt = 1; attempt <= OWN_REFERENCE_TRIES; attempt++) {
            String reference = attempt == 1 ? c.externalRef() : c.externalRef() + "#" + attempt;
            Optional<CaseRecord> existing = records.findByExternalRef(organization, reference);
            if (existing.isEmpty()) {
                CaseRecord registered = register(organization, withReference(c, reference), actor, directed);
                records.markOwnReference(registered.caseNo());
                return new Reported(registered, true);
            }
            if (records.hasOwnReference(existing.get().caseNo())) {
                return new Reported(existing.get(), false);
            }
            CaseRecord foreign = existing.get();
            LOG.error("本系统的外部编号 {} 已被案件 {} 占用（{} 上报，来源 {}，牵头单位 {}），该案件不是本系统的流程立案的，不沿用；"
                    + "改用编号 {} 立案。请办公室核查案件 {}", reference, foreign.caseNo(), foreign.reportedBy(), foreign.source(),
                    foreign.leadUnit(), c.externalRef() + "#" + (attempt + 1), foreign.caseNo());
        }
        throw new IllegalStateException("本系统的外部编号 " + c.externalRef() + " 及其后 " + (OWN_REFERENCE_TRIES - 1)
                + " 个备用编号都已被并非本系统立案的案件占用，未立案；请管理员核查这些案件");
    }

    private static NewCase withReference(NewCase c, String reference) {
        return new NewCase(c.title(), c.category(), c.urgency(), c.source(), c.location(), c.description(), reference,
                c.campaign(), c.subItem());
    }

    private Reported report(String organization, NewCase c, String actor, List<ApiError> errors,
            Directions directions) {
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        if (c.externalRef() != null) {
            Optional<CaseRecord> existing = records.findByExternalRef(organization, c.externalRef());
            if (existing.isPresent()) {
                return new Reported(existing.get(), false);
            }
        }
        return new Reported(register(organization, c, actor, directions == null ? new Directions(null, null, null) : directions), true);
    }

    /** Registers an already checked case of the organisation; the caller holds the transaction. */
    CaseRecord register(String organization, NewCase c, String actor) {
        return register(organization, c, actor, new Directions(null, null, null));
    }

    private CaseRecord register(String organization, NewCase c, String actor, Directions directions) {
        Started started = start(organization, c, actor, directions, latestDefinition(organization));
        CaseRecord registered = records.find(started.caseNo()).orElseThrow();
        if (registered.processInstanceId() != null) {
            return registered; // written by the dispatch, which ran in the process's start
        }
        records.update(started.caseNo(), "process_instance_id = ?", started.instanceId());
        return records.find(started.caseNo()).orElseThrow();
    }

    /**
     * Registers already checked cases of the organisation (an import's chunk) and starts their processes in one engine
     * command context, so that what the starts write is flushed once, in JDBC batches, when the last has run (issue 13,
     * W2: a start flushed on its own was some 60 round trips). Each start still runs its dispatch before the next begins,
     * and gives way to the requests being answered on this node before each start, as the flush does before each of its
     * parts ({@link ImportGivesWay});
     * nothing in a start queries what an earlier one of the chunk wrote to the engine's tables. The chunk's case numbers
     * are drawn in one statement and its cases and their REPORTED events written in one JDBC batch each before the
     * starts; within the chunk the dispatch table is evaluated once per distinct input ({@link RepeatedDecisions}). The caller holds the
     * transaction; returns the case numbers in the order of {@code chunk}, every one with its process started.
     */
    List<String> registerAll(String organization, List<NewCase> chunk, String actor) {
        if (chunk.isEmpty()) {
            return List.of();
        }
        String definitionId = latestDefinition(organization);
        // the chunk's numbers in one statement, its cases and their REPORTED events in one JDBC batch each
        Instant now = now();
        List<String> caseNos = numbers.next(organization, java.time.Clock.fixed(now, java.time.ZoneOffset.UTC), chunk.size());
        List<CaseRecord> registered = new ArrayList<>(chunk.size());
        for (int i = 0; i < chunk.size(); i++) {
            registered.add(newRecord(organization, chunk.get(i), actor, caseNos.get(i), now, null));
        }
        records.insertAll(registered);
        records.addFirstEvents(registered, CaseEventKind.REPORTED);
        // the chunk's dispatch decisions: evaluated once per distinct category, urgency and source, recorded for every case
        List<Started> started = repeatedDecisions.within(() -> engineBatch.run(() -> {
            List<Started> all = new ArrayList<>(chunk.size());
            for (int i = 0; i < chunk.size(); i++) {
                givesWay.awaitNoRequest();
                all.add(startProcess(organization, chunk.get(i), caseNos.get(i), new Directions(null, null, null), definitionId,
                        true));
            }
            return all; // flushed as the command context closes, giving way in parts (the worker's EngineEntityManager)
        }));
        // the dispatch writes the instance on the case in the start; a process that did not dispatch yet gets it here
        records.setProcessInstancesWhereMissing(started.stream().map(s -> new String[] {s.caseNo(), s.instanceId()}).toList());
        return started.stream().map(Started::caseNo).toList();
    }

    /**
     * The definition a case of the organisation starts, found as Shirong (the start itself runs so): the case API has
     * checked the caller, and the answer is reused across reports ({@link ProcessDefinitions}).
     */
    private String latestDefinition(String organization) {
        return systemAccess.run(() -> definitions.latestId(RectificationProcess.KEY, organization));
    }

    /** A case registered and its process started: its number and its process instance. */
    private record Started(String caseNo, String instanceId) {
    }

    /** Registers the case and starts its process (of definition {@code definitionId}); the caller holds the transaction. */
    private Started start(String organization, NewCase c, String actor, Directions directions, String definitionId) {
        Instant now = now();
        String caseNo = numbers.next(organization, java.time.Clock.fixed(now, java.time.ZoneOffset.UTC));
        String itemOfTask = directions.enteredBy() == null ? null : directions.enteredBy().planItem();
        records.insertWithEvent(newRecord(organization, c, actor, caseNo, now, itemOfTask), CaseEventKind.REPORTED, actor,
                c.title().strip());
        return startProcess(organization, c, caseNo, directions, definitionId, false);
    }

    /**
     * The record of a case registered now ({@link CaseStatus#REPORTED}), not yet written; {@code itemOfTask}: the plan
     * item whose task the case was entered in ({@link EnteredBy#planItem}), which it counts under when its category belongs
     * to no plan item (a category of another item counts under that one: 区绿化市容局 enters a 城市绿化 point in its 城市道路
     * task, sjreview).
     */
    private CaseRecord newRecord(String organization, NewCase c, String actor, String caseNo, Instant now, String itemOfTask) {
        var location = c.location();
        Urgency urgency = c.urgency() == null ? Urgency.NORMAL : Urgency.valueOf(c.urgency());
        String campaign = blankToNull(c.campaign());
        String planItem = campaign == null ? null
                : plan(organization, campaign, c.category()).map(CampaignPlans.PlanFacts::planItem).orElse(itemOfTask);
        return new CaseRecord(caseNo, null, CaseSource.valueOf(c.source()), blankToNull(c.externalRef()),
                c.category(), urgency, c.title().strip(), c.description(), location.address().strip(), location.lat(),
                location.lng(), location.gridCell(), null, null, null, null, CaseStatus.REPORTED, actor, now, null, null,
                null, null, null, null, null, null, null, false, false, false, null, 0, 0, 0, territory(organization, location),
                community(organization, location.community()), organization, campaign, planItem, blankToNull(c.subItem()), null, null, 0, 0);
    }

    /**
     * Starts the process of the registered case {@code caseNo} (of definition {@code definitionId}); with
     * {@code dispatchDigested} its 通知牵头单位 queues nothing, the import telling each lead unit once ({@link CaseImportBatches}).
     */
    private Started startProcess(String organization, NewCase c, String caseNo, Directions directions, String definitionId,
            boolean dispatchDigested) {
        var location = c.location();
        Urgency urgency = c.urgency() == null ? Urgency.NORMAL : Urgency.valueOf(c.urgency());
        // Category and source are read only by the dispatch table (CaseDispatch.dmn), in the start's own transaction;
        // the case's record keeps them, so the instance does not (transient: never written, nothing to delete at the end).
        Map<String, Object> variables = new HashMap<>(Map.of(
                RectificationProcess.VAR_CATEGORY, Variables.stringValue(c.category(), true),
                RectificationProcess.VAR_URGENCY, urgency.name(),
                RectificationProcess.VAR_SOURCE, Variables.stringValue(c.source(), true),
                RectificationProcess.VAR_CASE_NO, caseNo,
                RectificationProcess.VAR_TITLE, c.title().strip(),
                RectificationProcess.VAR_ADDRESS, shownAddress(organization, location),
                RectificationProcess.VAR_DESCRIPTION, c.description() == null ? "" : c.description()));
        // Only when required: the form and CaseSteps read a missing value as "not required" (one variable less per case).
        if (!blank(c.campaign()) && beforePhotoRequired(organization, c.campaign().strip())) {
            variables.put(RectificationProcess.VAR_BEFORE_PHOTO_REQUIRED, true);
        }
        if (dispatchDigested) {
            variables.put(NotificationDigests.VAR_HELD_FOR_DIGEST,
                    Variables.stringValue(RectificationProcess.TEMPLATE_CASE_DISPATCHED, true));
        }
        if (directions.leadUnit() != null) {
            variables.put(RectificationProcess.VAR_DIRECTED_LEAD_UNIT, directions.leadUnit());
        }
        if (directions.responsibleUnits() != null) {
            variables.put(RectificationProcess.VAR_DIRECTED_RESPONSIBLE_UNITS, String.join(",", directions.responsibleUnits()));
        }
        if (directions.decidedDue() != null) {
            variables.put(RectificationProcess.VAR_DECIDED_DUE, directions.decidedDue().toString());
        }
        if (directions.enteredBy() != null) {
            // read by 派遣案件 in this start only: transient, never written
            variables.put(RectificationProcess.VAR_ENTERED_BY_UNIT, Variables.stringValue(directions.enteredBy().unit(), true));
            variables.put(RectificationProcess.VAR_ENTERED_IN_TASK, Variables.stringValue(directions.enteredBy().task(), true));
        }
        String instanceId = systemAccess.run(() -> runtimeService.createProcessInstanceById(definitionId)
                .businessKey(caseNo).setVariables(variables).execute().getId());
        return new Started(caseNo, instanceId);
    }

    /**
     * The checked 属地 of a report; when it names none, for a district the town or street its address begins with
     * (sjreview D4), else the case's own organisation.
     */
    private String territory(String organization, NewCase.Location location) {
        return blank(location.territory()) ? territories.inAddress(organization, location.address()).orElse(organization)
                : territories.resolve(organization, location.territory()).orElseThrow();
    }

    /**
     * The address as the case's tasks, forms and messages show it: a district's case lying in one of its towns names the
     * town first (石湖荡镇 沪亭北路 100 号), so that the district department it goes to knows where without opening the case.
     */
    private String shownAddress(String organization, NewCase.Location location) {
        return shownAddress(organization, location.address().strip(), territory(organization, location));
    }

    private String shownAddress(String organization, String address, String territory) {
        if (territory == null || territory.equals(organization)) {
            return address;
        }
        String town = territoryName(territory);
        return town == null || address.contains(town) ? address : town + " " + address;
    }

    /**
     * What a case's instance holds for its tasks, forms and notices besides its clock and lead unit, as its start gave
     * them: for the instance that handles it again after it was reopened.
     */
    Map<String, Object> instanceVariables(CaseRecord c) {
        Map<String, Object> variables = new HashMap<>(Map.of(RectificationProcess.VAR_CASE_NO, c.caseNo(),
                RectificationProcess.VAR_TITLE, c.title(),
                RectificationProcess.VAR_ADDRESS, shownAddress(c.tenantId(), c.address(), c.territory()),
                RectificationProcess.VAR_DESCRIPTION, c.description() == null ? "" : c.description(),
                RectificationProcess.VAR_URGENCY, c.urgency().name()));
        if (c.campaign() != null && beforePhotoRequired(c.tenantId(), c.campaign())) {
            variables.put(RectificationProcess.VAR_BEFORE_PHOTO_REQUIRED, true);
        }
        if (c.community() != null) {
            variables.put(RectificationProcess.VAR_CASE_COMMUNITY, c.community());
        }
        return variables;
    }

    /** The display name of a case's 属地. */
    public String territoryName(String territory) {
        return territory == null ? null : territories.name(territory);
    }

    /** Whether the campaign's template asks for the before photo on its cases (no campaigns here: no). */
    private boolean beforePhotoRequired(String organization, String campaign) {
        CaseEvidenceRules rules = evidence.getIfAvailable();
        return rules != null && rules.beforePhotoRequired(organization, campaign);
    }

    /**
     * Corrects the open case's title, address, description, category and 属地 (更正) with its CORRECTED event ({@code detail}:
     * what was and is); the plan item follows the category as a report's does, the address its shown form on the
     * case's instances. The correction has checked and locked the case ({@link CaseCorrections}).
     */
    void corrected(CaseRecord c, String title, String address, String description, String category, String territory,
            String community, String actor, String detail) {
        String planItem = c.campaign() == null ? c.planItem()
                : plan(c.tenantId(), c.campaign(), category).map(CampaignPlans.PlanFacts::planItem).orElse(null);
        records.updateWithEvent(c.caseNo(), "title = ?, address = ?, address_key = ?, description = ?, category = ?, plan_item = ?,"
                + " territory = ?, community = ?", new Object[] {title, address, AddressKey.of(address), description, category, planItem,
                territory, community}, now(),
                CaseEventKind.CORRECTED, actor, detail, null);
    }

    /** The address as the case's tasks show it (a district's case names its town first). */
    String shownAddress(CaseRecord c, String address) {
        return shownAddress(c.tenantId(), address, c.territory());
    }

    /** The campaign's plan as it bears on a case of the category; empty when there is no such campaign. */
    private Optional<CampaignPlans.PlanFacts> plan(String organization, String campaign, String category) {
        CampaignPlans plans = campaignPlans.getIfAvailable();
        return plans == null ? Optional.empty() : plans.plan(organization, campaign, category);
    }

    /** Every case of the campaign, whatever its status, oldest first. */
    public List<CaseRecord> casesOfCampaign(String campaignCode) {
        return records.ofCampaign(campaignCode, false);
    }

    /** The rounds that reopenings of the campaign's cases ended ({@link KeptRound}), each case's in order. */
    public List<KeptRound> keptRoundsOfCampaign(String campaignCode) {
        return records.keptRoundsOfCampaign(campaignCode);
    }

    /** The campaign's cases that are not closed, oldest first. */
    public List<CaseRecord> openCasesOfCampaign(String campaignCode) {
        return records.ofCampaign(campaignCode, true);
    }

    /** How many of the campaign's cases are in each status, by {@link CaseStatus} name. */
    public Map<String, Integer> caseCountsOfCampaign(String campaignCode) {
        return records.countsOfCampaign(campaignCode);
    }

    /** Who handed in the case's latest 整改 (提交整改结果): who handled the round a reopening ends. */
    Optional<String> lastSubmittedBy(String caseNo) {
        return records.lastActor(caseNo, CaseEventKind.SUBMITTED);
    }

    public Optional<CaseRecord> findByExternalRef(String organization, String externalRef) {
        return records.findByExternalRef(organization, externalRef);
    }

    /** External reference → case number, for those of {@code externalRefs} the organisation has a case of. */
    Map<String, String> caseNumbersByExternalRef(String organization, List<String> externalRefs) {
        return records.caseNumbersByExternalRef(organization, externalRefs);
    }

    /** When {@code actor} last gave the case a 督办, if ever. */
    Optional<Instant> lastSupervisedBy(String caseNo, String actor) {
        return records.lastSupervisedBy(caseNo, actor);
    }

    /** The numbers of the cases the campaign found. */
    public List<String> caseNumbersOfCampaign(String campaignCode) {
        return records.caseNumbersOfCampaign(campaignCode);
    }

    public CaseRecord get(String caseNo) {
        return records.find(caseNo).orElseThrow(() -> new NotFoundException("CASE_NOT_FOUND", "案件不存在：" + caseNo));
    }

    public List<CaseEvent> timeline(String caseNo) {
        return records.events(caseNo);
    }

    /** The latest 督办 of a case: when, by whom (a user id), and the instruction. */
    public record Supervision(String caseNo, Instant at, String actor, String instruction) {
    }

    /** The latest 督办 of each of the campaign's cases that are not closed, newest first. */
    public List<Supervision> supervisionOfOpenCases(String campaignCode) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        return records.supervisionOfOpenCases(campaignCode).stream().filter(s -> seen.add(s.caseNo())).toList();
    }

    /**
     * The case goes to its lead unit; its clock starts now and runs to the earliest bound ({@link DueBounds}): the
     * table's limit or the decision's 期限 ({@code decidedDue}, may be null), the plan item's finish-by, the campaign's end.
     * The case is locked and written once, with the process it is dispatched by ({@code processInstanceId}), which must be
     * its own: a process started by hand on a case number would dispatch it a second time, and one on a number that is no
     * case would have nothing to dispatch ({@link #report} starts the one process of a case).
     */
    Deadlines dispatched(String organization, String caseNo, String processInstanceId, String leadUnit, String responsibleUnits,
            TimeLimit limit, LocalDate decidedDue, boolean redispatch, String actor) {
        return dispatched(organization, caseNo, processInstanceId, leadUnit, responsibleUnits, limit, decidedDue, redispatch, actor, null);
    }

    /** As above; {@code note} (or null) is added to the timeline's entry: why the office, not the table's unit, has it. */
    Deadlines dispatched(String organization, String caseNo, String processInstanceId, String leadUnit, String responsibleUnits,
            TimeLimit limit, LocalDate decidedDue, boolean redispatch, String actor, String note) {
        Instant now = now();
        // a case this transaction registered is dispatched as inserted, without a locking read (CaseRecords)
        CaseRecord c = records.lockIfPresent(caseNo)
                .orElseThrow(() -> new FormFieldValidationException(
                RectificationProcess.VAR_CASE_NO, "没有案件 " + caseNo + "：整改流程只能通过立案发起。"));
        if (c.processInstanceId() != null && !c.processInstanceId().equals(processInstanceId)) {
            throw new FormFieldValidationException(RectificationProcess.VAR_CASE_NO,
                    "案件 " + caseNo + " 已有整改流程在办理，不能再发起一个。");
        }
        var plan = c.campaign() == null ? Optional.<CampaignPlans.PlanFacts>empty() : plan(organization, c.campaign(), c.category());
        DueBounds.Bounded bounded = dueBounds.bound(organization, caseNo, c.source(), now, limit, decidedDue, plan);
        Deadlines d = bounded.deadlines();
        Map<String, String> unitNames = organizations.find(organization).map(o -> organizations.groupNames(o.id())).orElse(Map.of());
        records.writeDispatchWithEvent(c.dispatchedAs(processInstanceId, leadUnit, responsibleUnits, limit.amount(),
                limit.unit().name(), now, d, bounded.bound()), now,
                redispatch ? CaseEventKind.REDISPATCHED : CaseEventKind.DISPATCHED, actor,
                // names as people read them (城管中队、综管办), from the organisation files in memory: no query here
                "牵头单位 " + CaseDossiers.unitNames(leadUnit, unitNames)
                        + (blank(responsibleUnits) ? "" : "，责任单位 " + CaseDossiers.unitNames(responsibleUnits, unitNames))
                        // a meeting's 完成期限 is the case's deadline: the table's limit, not used, would only confuse (V9)
                        + (bounded.bound() == DueBound.MEETING_DECISION ? "" : "，时限 " + limit.amount() + " " + limit.unit().label())
                        + (bounded.note() == null ? "" : "；" + bounded.note()) + (note == null ? "" : "；" + note), leadUnit);
        return d;
    }

    void claimed(String caseNo, String actor) {
        claimed(caseNo, actor, null);
    }

    /** Claimed by {@code actor}; {@code detail} says how when it was not by 认领案件 (claimed as the lead unit entered it). */
    void claimed(String caseNo, String actor, String detail) {
        Instant now = now();
        records.updateWithEvent(caseNo, "status = ?, claimed_at = ?", new Object[] {IN_RECTIFICATION.name(), CaseRecords.ts(now)},
                now, CaseEventKind.CLAIMED, actor, detail, null);
    }

    void returned(String caseNo, String actor, String reason) {
        CaseRecord c = records.lock(caseNo);
        records.updateWithEvent(caseNo, "return_count = return_count + 1", new Object[0], now(), CaseEventKind.RETURNED, actor,
                reason, c.leadUnit());
    }

    void submitted(String caseNo, String actor, String measures) {
        Instant now = now();
        records.updateWithEvent(caseNo, "status = ?, submitted_at = ?",
                new Object[] {AWAITING_VERIFICATION.name(), CaseRecords.ts(now)}, now, CaseEventKind.SUBMITTED, actor, measures, null);
    }

    /** Whether the case has a photo of this kind (BEFORE, AFTER) from any round. */
    boolean hasPhoto(String caseNo, String kind) {
        return records.photos(caseNo).stream().anyMatch(p -> kind.equals(p.kind()));
    }

    void photoAdded(String caseNo, String kind, EvidencePhotos.Photo photo, String actor) {
        records.addPhotoWithEvent(caseNo, kind, photo, now(), actor, photoName(kind) + " " + photo.fileName());
    }

    private static String photoName(String kind) {
        return switch (kind) {
            case "BEFORE" -> "整改前照片";
            case "AFTER" -> "整改后照片";
            default -> kind;
        };
    }

    void verificationPassed(String caseNo, String actor, String comment) {
        records.addEvent(caseNo, now(), CaseEventKind.VERIFIED, actor, comment);
    }

    void verificationFailed(String caseNo, String actor, String reason) {
        records.updateWithEvent(caseNo, "status = ?, rework_count = rework_count + 1", new Object[] {IN_RECTIFICATION.name()},
                now(), CaseEventKind.VERIFICATION_FAILED, actor, reason, null);
    }

    /**
     * Closed now: on time when it was submitted (never submitted: closed) by its due instant, or has none. Returns whom the
     * closure concerns (reporter, lead unit), as the closing statement read them.
     */
    CaseRecords.Closed closed(String caseNo, String actor) {
        return records.closeWithEvent(caseNo, now(), actor, "按期办结", "超期办结");
    }

    /**
     * Closes the case as a duplicate merged into {@code primary} (合并关闭): status MERGED, never counted as closed on time
     * or late; both timelines say so. The merge has checked and locked both cases ({@link CaseMerges}).
     */
    void merged(String caseNo, String primary, String actor, String reason) {
        if (!records.mergeWithEvents(caseNo, primary, now(), actor, reason)) {
            throw new IllegalStateException("案件 " + caseNo + " 已结案或已合并，不能再合并");
        }
    }

    /** Voids the case (作废): status VOIDED, never counted; the void has checked and locked it ({@link CaseVoids}). */
    void voided(String caseNo, String actor, String reason) {
        if (!records.voidWithEvent(caseNo, now(), actor, reason)) {
            throw new IllegalStateException("案件 " + caseNo + " 已结束办理，不能作废");
        }
    }

    /**
     * Reopens the closed case (重新打开) in the process {@code processInstanceId} started for it: back to its lead unit,
     * which rectifies it again (整改中) on a new clock from now by the case's time limit, bound as a dispatch is
     * ({@link DueBounds}); not handed in, not closed, no warning or overdue yet. The round before is kept as it closed
     * ({@link CaseRecords#keepRound}), which the scores count in its own period, and stays on the timeline: its CLOSED
     * event, repeated in the REOPENED one with why and by whom. The reopening has checked and locked the case ({@link CaseReopens}).
     */
    Deadlines reopened(String caseNo, String processInstanceId, String actor, String reason) {
        Instant now = now();
        CaseRecord c = records.lock(caseNo);
        if (c.status() != CaseStatus.CLOSED) {
            throw new IllegalStateException("案件 " + caseNo + " 没有结案（" + c.status().label() + "），不能重新打开");
        }
        var plan = c.campaign() == null ? Optional.<CampaignPlans.PlanFacts>empty() : plan(c.tenantId(), c.campaign(), c.category());
        DueBounds.Bounded bounded = dueBounds.bound(c.tenantId(), caseNo, c.source(), now,
                new TimeLimit(c.limitAmount(), LimitUnit.valueOf(c.limitUnit())), null, plan);
        Deadlines d = bounded.deadlines();
        var zone = deadlines.zone(c.tenantId());
        var shown = ChineseDates.MINUTE;
        String detail = reason + "（第 " + (c.reopenCount() + 1) + " 次重新打开；上一轮于 " + shown.format(c.closedAt().atZone(zone))
                + (Boolean.FALSE.equals(c.closedOnTime()) ? " 超期办结" : " 按期办结") + "；新的整改期限 "
                + shown.format(d.dueAt().atZone(zone)) + (bounded.note() == null ? "" : "，" + bounded.note()) + "）";
        records.keepRound(caseNo, now);
        records.updateWithEvent(caseNo, "process_instance_id = ?, status = ?, submitted_at = null, closed_at = null,"
                        + " closed_on_time = null, clock_started_at = ?, warn_at = ?, due_at = ?, escalate_at = ?,"
                        + " warning_sent = false, overdue = false, escalated = false, due_bound = ?,"
                        + " reopen_count = reopen_count + 1, reworks_before_reopen = rework_count",
                new Object[] {processInstanceId, IN_RECTIFICATION.name(), CaseRecords.ts(now), CaseRecords.ts(d.warnAt()),
                        CaseRecords.ts(d.dueAt()), CaseRecords.ts(d.escalateAt()), bounded.bound().name()},
                now, CaseEventKind.REOPENED, actor, detail, c.leadUnit());
        return d;
    }

    /** Marks the yellow warning; false when it was already given for the current due date. */
    boolean warned(String caseNo) {
        return records.flagWithEvent(caseNo, "warning_sent", now(), CaseEventKind.WARNING);
    }

    /** Marks the case overdue (red); false when it was already overdue for the current due date. */
    boolean overdue(String caseNo) {
        return records.flagWithEvent(caseNo, "overdue", now(), CaseEventKind.OVERDUE);
    }

    boolean escalated(String caseNo) {
        return records.flagWithEvent(caseNo, "escalated", now(), CaseEventKind.ESCALATED);
    }

    void supervised(String caseNo, String actor, String instruction) {
        records.addEvent(caseNo, now(), CaseEventKind.SUPERVISED, actor, instruction);
    }

    /** Records an extension request, to be decided by {@code approverGroup}; returns its number on the case (1, 2, …). */
    int extensionRequested(String caseNo, String actor, String reason, Instant requestedDue, String approverGroup) {
        Instant now = now();
        if (blank(reason)) {
            throw FormInputRefused.of(RectificationProcess.VAR_EXTENSION_REASON, "请填写延期理由");
        }
        CaseRecord c = records.lock(caseNo);
        if (requestedDue == null || !requestedDue.isAfter(c.dueAt() == null ? now : c.dueAt())) {
            throw FormInputRefused.of(RectificationProcess.VAR_EXTENSION_DUE, laterThanDue(c.tenantId(), c.dueAt()));
        }
        int seq = records.pendingExtensionSeq(caseNo) + 1;
        records.addExtension(caseNo, seq, reason, requestedDue, actor, now, approverGroup);
        records.addEvent(caseNo, now, CaseEventKind.EXTENSION_REQUESTED, actor, reason);
        return seq;
    }

    /** What an extension no later than the case's 整改期限 {@code due} is told, naming it (s53 T12). */
    String laterThanDue(String organization, Instant due) {
        return due == null ? "延期后的期限必须晚于当前时间"
                : "延期后的期限必须晚于当前期限（" + ChineseDates.MINUTE.format(due.atZone(deadlines.zone(organization))) + "）";
    }

    /** The number on the case (1, 2, …) of its latest extension request, the one a decision decides. */
    int latestExtensionSeq(String caseNo) {
        return records.pendingExtensionSeq(caseNo);
    }

    /**
     * How many extensions were asked for in the case's current round (since its last reopening): a reopened case's first
     * request is again a first extension, which the office decides.
     */
    int extensionsRequestedThisRound(String caseNo) {
        return records.extensionsRequestedSinceReopened(caseNo);
    }

    /**
     * The case's extension requests before {@code seq}, for the approval form ({@link RectificationProcess#VAR_EXTENSION_HISTORY}):
     * each request's number, when and by whom it was made, the deadline asked for and why, and who decided it, how and in
     * what words, in {@code zone}; "无" before the case's first (jtreview s56 T15: a leader signs off a second extension
     * because of the first).
     */
    String extensionHistory(String caseNo, int seq, java.time.ZoneId zone) {
        java.util.function.Function<Instant, String> at = i -> i == null ? "—" : ChineseDates.MINUTE.format(i.atZone(zone));
        List<String> lines = new ArrayList<>();
        for (CaseRecords.Extension e : records.extensions(caseNo)) {
            if (e.seq() >= seq) {
                continue;
            }
            String decision = e.approved() == null ? "未审批" : (e.approved() ? "同意" : "不同意") + "（"
                    + (e.approverGroup() == null ? "" : organizations.groupName(e.approverGroup()).orElse(e.approverGroup()) + " ")
                    + (e.decidedBy() == null ? "" : organizations.personName(e.decidedBy()) + "，") + at.apply(e.decidedAt()) + "）"
                    + (e.comment() == null || e.comment().isBlank() ? "" : "：" + e.comment().strip());
            lines.add("第 " + e.seq() + " 次：" + at.apply(e.requestedAt()) + " " + (e.requestedBy() == null ? ""
                    : organizations.personName(e.requestedBy())) + "申请延期至 " + at.apply(e.requestedDue())
                    + (e.reason() == null || e.reason().isBlank() ? "" : "，理由：" + e.reason().strip()) + "\n审批：" + decision);
        }
        return lines.isEmpty() ? "无（本次为本案件的首次延期申请）" : String.join("\n\n", lines);
    }

    /** Who asked for the extension now waiting for a decision. */
    String pendingExtensionRequester(String caseNo) {
        int seq = records.pendingExtensionSeq(caseNo);
        return records.extensions(caseNo).stream().filter(e -> e.seq() == seq).findFirst().map(CaseRecords.Extension::requestedBy)
                .orElse(null);
    }

    /** Who asked last for the case to be suspended (挂账). */
    String suspensionRequester(String caseNo) {
        return records.events(caseNo).stream().filter(e -> e.kind() == CaseEventKind.SUSPENSION_REQUESTED).reduce((a, b) -> b)
                .map(CaseEvent::actor).orElse(null);
    }

    /** Decides the latest extension request; on approval the clock runs to the new due date. */
    Optional<Deadlines> extensionDecided(String caseNo, boolean approved, String actor, String comment) {
        Instant now = now();
        int seq = records.pendingExtensionSeq(caseNo);
        records.decideExtension(caseNo, seq, approved, actor, now, comment);
        if (!approved) {
            records.addEvent(caseNo, now, CaseEventKind.EXTENSION_REJECTED, actor, comment);
            return Optional.empty();
        }
        CaseRecord c = records.lock(caseNo);
        Instant requestedDue = records.extensions(caseNo).get(seq - 1).requestedDue();
        Deadlines d = deadlines.extend(c.tenantId(), c.clockStartedAt(), requestedDue, LimitUnit.valueOf(c.limitUnit()));
        saveDeadlines(caseNo, d, now);
        // The deadline now rests on the approved extension, not on what bound it at dispatch (jxreview-s55 J5).
        records.update(caseNo, "extension_count = extension_count + 1, due_bound = ?", DueBound.EXTENSION.name());
        records.addEvent(caseNo, now, CaseEventKind.EXTENSION_APPROVED, actor, comment);
        return Optional.of(d);
    }

    void suspensionRequested(String caseNo, String actor, String reason) {
        if (blank(reason)) {
            throw FormInputRefused.of(RectificationProcess.VAR_SUSPENSION_REASON, "请填写挂账理由");
        }
        records.addEvent(caseNo, now(), CaseEventKind.SUSPENSION_REQUESTED, actor, reason);
    }

    void suspensionDecided(String caseNo, boolean approved, String actor, String comment) {
        Instant now = now();
        if (approved) {
            records.update(caseNo, "status = ?, suspended_at = ?", SUSPENDED.name(), CaseRecords.ts(now));
            records.addEvent(caseNo, now, CaseEventKind.SUSPENDED, actor, comment);
        } else {
            records.addEvent(caseNo, now, CaseEventKind.SUSPENSION_REJECTED, actor, comment);
        }
    }

    /** Resumes a suspended case with a new plan; its clock goes on from where it stopped. */
    Deadlines resumed(String caseNo, String actor, String plan) {
        Instant now = now();
        CaseRecord c = records.lock(caseNo);
        Deadlines d = deadlines.resume(c.tenantId(), new Deadlines(c.warnAt(), c.dueAt(), c.escalateAt()), c.suspendedAt(), now,
                LimitUnit.valueOf(c.limitUnit()));
        saveDeadlines(caseNo, d, now);
        records.update(caseNo, "status = ?, suspended_at = null", IN_RECTIFICATION.name());
        records.addEvent(caseNo, now, CaseEventKind.RESUMED, actor, plan);
        return d;
    }

    /** An instant of the case's as its resumption {@code resumedAt} after 挂账 since {@code suspendedAt} moves its clock. */
    Instant resumedInstant(CaseRecord c, Instant instant, Instant suspendedAt, Instant resumedAt) {
        return deadlines.resume(c.tenantId(), instant, suspendedAt, resumedAt, LimitUnit.valueOf(c.limitUnit()));
    }

    private void saveDeadlines(String caseNo, Deadlines d, Instant now) {
        records.update(caseNo, "warn_at = ?, due_at = ?, escalate_at = ?, warning_sent = warning_sent and ? ,"
                        + " overdue = overdue and ?, escalated = escalated and ?",
                CaseRecords.ts(d.warnAt()), CaseRecords.ts(d.dueAt()), CaseRecords.ts(d.escalateAt()),
                !d.warnAt().isAfter(now), !d.dueAt().isAfter(now), !d.escalateAt().isAfter(now));
    }


    /**
     * The case's 村/社区 as written down: one of the organisation's villages or communities by its name, also when given by
     * its group id (the validator refused any other where it has them); free text, stripped, where it has none.
     */
    private String community(String organization, String given) {
        String text = blankToNull(given);
        return text == null ? null : territories.community(organization, text).orElse(text.strip());
    }

    private static String blankToNull(String s) {
        return org.shirong.system.TextInput.isBlank(s) ? null : s.strip();
    }

    private static boolean blank(String s) {
        return org.shirong.system.TextInput.isBlank(s);
    }
}
