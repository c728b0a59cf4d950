package org.shirong.rectification;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.IdentityService;
import org.shirong.organization.CallerOrganization;
import org.shirong.organization.OrganizationRecords;
import org.shirong.organization.Organizations;
import org.shirong.system.ApiError;
import org.shirong.system.ConflictException;
import org.shirong.system.InvalidRequestException;
import org.shirong.system.NotFoundException;
import org.shirong.system.TextInput;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** {@code /api/categories} and {@code /api/cases}: report, look up and list rectification cases. */
@RestController
@RequestMapping("/api")
class CaseController {

    private final RectificationCases cases;
    private final CaseRecords records;
    private final CategoryCatalogue catalogue;
    private final DispatchRules dispatchRules;
    private final OrganizationRecords organization;
    private final IdentityService identityService;
    private final CaseImport caseImport;
    private final CaseVisibility visibility;
    private final CallerOrganization callerOrganization;
    private final CaseParties parties;
    private final ImportTemplate importTemplate;
    private final Organizations organizations;
    private final CaseFilters filters;
    private final CaseDuplicates duplicates;
    private final CaseAppeals appeals;
    private final CaseMerges merges;
    private final CaseVoids voids;
    private final CaseCorrections corrections;
    private final CaseReopens reopens;
    private final ReadableCases readableCases;
    private final EvidencePhotos evidencePhotos;
    private final ReportingRights reportingRights;
    private final org.springframework.beans.factory.ObjectProvider<CampaignPlans> campaignPlans;

    CaseController(RectificationCases cases, CaseRecords records, CategoryCatalogue catalogue, DispatchRules dispatchRules,
            OrganizationRecords organization, IdentityService identityService, CaseImport caseImport,
            CaseVisibility visibility, CallerOrganization callerOrganization, CaseParties parties, ImportTemplate importTemplate,
            Organizations organizations, CaseFilters filters, CaseAppeals appeals, CaseDuplicates duplicates, CaseMerges merges,
            CaseReopens reopens, CaseVoids voids, CaseCorrections corrections, ReadableCases readableCases,
            EvidencePhotos evidencePhotos, ReportingRights reportingRights,
            org.springframework.beans.factory.ObjectProvider<CampaignPlans> campaignPlans) {
        this.campaignPlans = campaignPlans;
        this.evidencePhotos = evidencePhotos;
        this.reportingRights = reportingRights;
        this.readableCases = readableCases;
        this.corrections = corrections;
        this.voids = voids;
        this.merges = merges;
        this.reopens = reopens;
        this.appeals = appeals;
        this.duplicates = duplicates;
        this.filters = filters;
        this.organizations = organizations;
        this.importTemplate = importTemplate;
        this.callerOrganization = callerOrganization;
        this.parties = parties;
        this.visibility = visibility;
        this.caseImport = caseImport;
        this.cases = cases;
        this.records = records;
        this.catalogue = catalogue;
        this.dispatchRules = dispatchRules;
        this.organization = organization;
        this.identityService = identityService;
    }

    record CategoryView(String code, String name, String group, String groupName, List<String> items,
            String defaultLeadUnit, String defaultLeadUnitName, int defaultLimitAmount, String defaultLimitUnit,
            String defaultLimitUnitName) {
    }

    /**
     * The categories a case the caller reports may name: their organisation's; with {@code campaign} naming their
     * district's campaign that their town takes part in, the district's (the 大类 a self-inspection case for it is filed
     * under, sjreview D2), dispatched by the town's own table.
     */
    @GetMapping("/categories")
    List<CategoryView> categories(@RequestParam(required = false) String organization, @RequestParam(required = false) String campaign) {
        String own = callerOrganization.forWork(identityService.getCurrentAuthentication(), organization);
        Map<String, String> names = this.organization.unitNames(own);
        CampaignPlans plans = campaignPlans.getIfAvailable();
        boolean district = campaign != null && !campaign.isBlank() && plans != null && plans.takesPart(own, campaign.strip());
        // a plan item the plan marks 无 is not offered: a case under it is refused (jxreview J2)
        return (district ? catalogue.ofDistrict(own) : catalogue.all(own)).stream().filter(Category::applicable).map(c -> {
            var d = dispatchRules.evaluate(own, c.code(), Urgency.NORMAL, CaseSource.PATROL);
            return new CategoryView(c.code(), c.name(), c.group().name(), c.group().label(), c.items(), d.leadUnit(),
                    names.get(d.leadUnit()), d.limit().amount(), d.limit().unit().name(), d.limit().unit().label());
        }).toList();
    }

    /** {@code possibleDuplicates}: open cases of the same category nearby or at the same address ({@link CaseDuplicates}). */
    record ReportedView(String caseNo, String status, String statusName, String leadUnit, String leadUnitName,
            Instant dueAt, Instant warnAt, String territory, String territoryName, String community, String campaign,
            String planItem, String subItem, DueBound dueBound, List<CaseDuplicates.PossibleDuplicate> possibleDuplicates) {
    }

    @PostMapping(value = "/cases", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ReportedView> report(@RequestBody NewCase newCase, @RequestParam(required = false) String organization) {
        return report(newCase, List.of(), organization);
    }

    /** The most photos a report may carry. */
    static final int MAX_REPORT_PHOTOS = 3;

    /**
     * The same report with photos of the problem (the 上报问题 page): multipart, {@code case} the report as JSON, {@code photos}
     * up to {@value #MAX_REPORT_PHOTOS} images and beside each, in the same order, {@code photoTakenAt} and
     * {@code photoLocation} ("lat,lng") as the browser read them from its EXIF (empty when unknown). The photos are checked
     * before anything is saved and kept as the case's 整改前照片. The two are read as sent, one value per photo: bound as a
     * list, Spring splits a single value on its comma, and one photo's "31.1,121.3" lost its place (relreview-s58 L2).
     */
    @PostMapping(value = "/cases", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<ReportedView> reportWithPhotos(@RequestPart("case") NewCase newCase,
            @RequestPart(name = "photos", required = false) List<MultipartFile> photos, HttpServletRequest request,
            @RequestParam(required = false) String organization) throws IOException {
        String[] photoTakenAt = request.getParameterValues("photoTakenAt");
        String[] photoLocation = request.getParameterValues("photoLocation");
        List<MultipartFile> given = photos == null ? List.of()
                : photos.stream().filter(f -> f != null && !(f.isEmpty() && (f.getOriginalFilename() == null
                        || f.getOriginalFilename().isEmpty()))).toList();
        if (given.size() > MAX_REPORT_PHOTOS) {
            throw new InvalidRequestException(ApiError.field("photos", "TOO_MANY_PHOTOS",
                    "一次上报最多 " + MAX_REPORT_PHOTOS + " 张照片，请删去 " + (given.size() - MAX_REPORT_PHOTOS) + " 张"));
        }
        List<EvidencePhotos.Photo> checked = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            var f = given.get(i);
            checked.add(evidencePhotos.uploaded("photos", given.size() == 1 ? "照片" : "第 " + (i + 1) + " 张照片",
                    f.getOriginalFilename(), f.getBytes(), nth(photoTakenAt, i), nth(photoLocation, i)));
        }
        return report(newCase, checked, organization);
    }

    private static String nth(String[] values, int i) {
        return values == null || i >= values.length ? null : values[i];
    }

    /**
     * The sources the caller may give a problem he reports: those his organisation uses ({@code sources:} of its
     * categories.yaml) that he may report ({@link ReportingRights}: 市民反映、明查暗访、联合检查 only the office, the
     * inspectors and the approvers), for the 上报问题 page's picker; the report is checked the same way.
     */
    @GetMapping("/cases/sources")
    List<SourceView> reportableSources(@RequestParam(required = false) String organization) {
        var caller = identityService.getCurrentAuthentication();
        String own = callerOrganization.forWork(caller, organization);
        CaseSources used = catalogue.sources(own);
        return reportingRights.reportableSources(own, caller).stream().map(s -> new SourceView(s.name(), used.label(s))).toList();
    }

    record SourceView(String code, String name) {
    }

    private ResponseEntity<ReportedView> report(NewCase newCase, List<EvidencePhotos.Photo> photos, String organization) {
        var caller = identityService.getCurrentAuthentication();
        String own = callerOrganization.forWork(caller, organization);
        RectificationCases.Reported reported;
        try {
            reported = photos.isEmpty() ? cases.report(own, categoryByCode(own, newCase), caller)
                    : cases.report(own, categoryByCode(own, newCase), caller, photos);
        } catch (DuplicateKeyException | QueryTimeoutException | PessimisticLockingFailureException sameReferenceAtTheSameTime) {
            reported = filedAtTheSameTime(own, newCase, sameReferenceAtTheSameTime);
        }
        CaseRecord c = reported.record();
        if (!reported.created() && !visibility.mayRead(caller, c)) {
            // the reference is taken by a case this caller may not read: name that case and its lead unit (so that a
            // number registered first by someone else can be taken up with the office), nothing more of it
            throw new ConflictException("EXTERNAL_REF_TAKEN", "外部编号“" + TextInput.shortened(newCase.externalRef().strip(), 40)
                    + "”已用于案件 " + c.caseNo() + "（牵头单位 " + (c.leadUnit() == null ? "尚未派遣"
                    : Objects.requireNonNullElse(leadUnitName(c), c.leadUnit()))
                    + "），请核对编号；同一问题无需重复上报，该案件并非此问题的，请联系办公室。");
        }
        ReportedView view = new ReportedView(c.caseNo(), c.status().name(), c.status().label(), c.leadUnit(),
                leadUnitName(c), c.dueAt(), c.warnAt(), c.territory(), cases.territoryName(c.territory()),
                c.community(), c.campaign(), c.planItem(), c.subItem(), c.dueBound(),
                duplicates.of(c, identityService.getCurrentAuthentication()));
        return reported.created()
                ? ResponseEntity.created(URI.create("/api/cases/" + c.caseNo())).body(view)
                : ResponseEntity.ok(view);
    }

    /**
     * A report whose case could not be written because another report of the same external reference was being written
     * at that moment (relreview s58 L6): its insert met the other's key (the other committed first) or waited for it past
     * the database's lock timeout (H2 under load; PostgreSQL waits). This report's transaction has rolled back; the case is
     * looked up afresh and answered as a resend is; while the other is still being written (not yet visible), 409 asking
     * to send again, which then gets that case. Without an external reference it is no such collision: the general answer.
     */
    private RectificationCases.Reported filedAtTheSameTime(String own, NewCase newCase, DataAccessException collision) {
        if (newCase.externalRef() == null) {
            throw collision;
        }
        var existing = cases.findByExternalRef(own, newCase.externalRef());
        if (existing.isPresent()) {
            return new RectificationCases.Reported(existing.get(), false);
        }
        throw new ConflictException("EXTERNAL_REF_BEING_FILED", "外部编号“" + TextInput.shortened(newCase.externalRef().strip(), 40)
                + "”的问题此刻正由另一请求同时上报，尚未办完，本次未立案。请稍候几秒重新提交：届时将返回已立的案件，不会重复立案。");
    }

    /** The report with its category as its code, when it names it by name as the import's rows may (暴露垃圾). */
    private NewCase categoryByCode(String organization, NewCase c) {
        if (c.category() == null || c.category().isBlank() || catalogue.find(organization, c.category()).isPresent()) {
            return c;
        }
        // by name also a plan item marked 无, which the validator then refuses as such rather than as unknown; for the
        // district's campaign a town takes part in, a district 大类 by its name (公共场所)
        boolean district = c.campaign() != null && !c.campaign().isBlank()
                && campaignPlans.getIfAvailable() != null && campaignPlans.getObject().takesPart(organization, c.campaign().strip());
        return (district ? catalogue.ofDistrict(organization).stream().filter(k -> k.name().equals(c.category().strip()))
                        .map(Category::code).findFirst() : java.util.Optional.<String>empty())
                .or(() -> catalogue.names(organization).codeOf(c.category()))
                .or(() -> catalogue.all(organization).stream().filter(k -> k.name().equals(c.category().strip())).map(Category::code).findFirst())
                .map(code -> new NewCase(c.title(), code, c.urgency(),
                c.source(), c.location(), c.description(), c.externalRef(), c.campaign(), c.subItem())).orElse(c);
    }

    /**
     * Imports cases from an Excel workbook (.xlsx) or a CSV file ({@link CaseImport}); only the organisation's
     * office and leading group may.
     */
    @PostMapping(value = "/cases/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    CaseImport.Result importCases(@RequestParam("file") MultipartFile file,
            @RequestParam(required = false) String organization, @RequestParam(required = false) String campaign)
            throws IOException {
        var caller = identityService.getCurrentAuthentication();
        String own = callerOrganization.forWork(caller, organization);
        callerOrganization.requireOfficeOrLeading(caller, own, "导入案件");
        return caseImport.importFile(own, file.getInputStream(), file.getOriginalFilename(), file.getContentType(), caller, campaign);
    }

    /** The file to fill in for the import: {@code format=xlsx} (default, with the categories) or {@code csv}. */
    @GetMapping("/cases/import/template")
    ResponseEntity<byte[]> importTemplate(@RequestParam(defaultValue = "xlsx") String format,
            @RequestParam(required = false) String organization) {
        String own = callerOrganization.forWork(identityService.getCurrentAuthentication(), organization);
        boolean csv = "csv".equalsIgnoreCase(format.strip());
        if (!csv && !"xlsx".equalsIgnoreCase(format.strip())) {
            throw new InvalidRequestException(ApiError.field("format", "INVALID_FORMAT",
                    "模板格式只能是 xlsx 或 csv"));
        }
        String name = "案件导入模板-" + cases.territoryName(own) + (csv ? ".csv" : ".xlsx");
        return ResponseEntity.ok()
                .contentType(csv ? new MediaType("text", "csv", StandardCharsets.UTF_8)
                        : MediaType.parseMediaType(ImportTable.XLSX_TYPE))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition
                        .attachment().filename(name, StandardCharsets.UTF_8).build().toString())
                .body(csv ? importTemplate.csv(own) : importTemplate.xlsx(own));
    }

    /**
     * {@code takenAt}: the camera's clock time (no time zone) as the uploader's form read it from the photo's EXIF, null when
     * unknown; likewise the place. The server cannot check them (the phone compresses the photo before the upload, which
     * drops its EXIF), so {@code takenAtSourceName} says whose claim they are: 上传者填报, null when there is neither.
     */
    record PhotoView(long id, String kind, int round, String fileName, String mimeType, int sizeBytes, Instant uploadedAt,
            String url, LocalDateTime takenAt, Double latitude, Double longitude, String takenAtSource,
            String takenAtSourceName) {

        PhotoView(long id, String kind, int round, String fileName, String mimeType, int sizeBytes, Instant uploadedAt,
                String url, LocalDateTime takenAt, Double latitude, Double longitude) {
            this(id, kind, round, fileName, mimeType, sizeBytes, uploadedAt, url, takenAt, latitude, longitude,
                    takenAt == null && latitude == null ? null : UPLOADER, takenAt == null && latitude == null ? null : UPLOADER_NAME);
        }
    }

    /** Who vouches for a photo's time and place: the one who uploaded it (see {@link PhotoView}). */
    static final String UPLOADER = "UPLOADER";
    static final String UPLOADER_NAME = "上传者填报";

    record EventView(Instant at, String kind, String kindName, String actor, String detail) {
    }

    /**
     * A unit cooperating on the case (协办): DONE (recorded), OPEN (not yet), NOT_DONE (the case closed first, when the
     * cooperation was due, or the case was merged or voided, whose 协办 never counts), NOT_COUNTED (the case closed before
     * the cooperation was due: not counted, {@link CaseParties.Party#cutShort}; or the office corrected the 属地 to another
     * town: {@link CaseParties.Party#formerTerritory}).
     */
    record PartyView(String unitId, String unitName, String role, String reason, Instant assignedAt, Instant dueAt,
            String status, String statusName, Instant doneAt, String doneBy, String note, String outcome, String outcomeName) {
    }

    /**
     * {@code dueBoundName}: what bound the due date, in Chinese (派遣时限, 活动计划项目完成时限, …), null before dispatch;
     * {@code people}: the name of each person the case names by login id (reporter, actors, applicants, approvers, 协办 recorders);
     * {@code possibleDuplicates}: of a case still open, the open cases that may report the same problem ({@link CaseDuplicates});
     * {@code actions}: what the caller may do on the case now; {@code responsibleUnitNames}: the units the lead unit
     * organises (责任单位, 、-separated, null when none), {@code planItemName}: the campaign's plan item (整治项目) by name,
     * null when the case is of none: both for 整改问题's form, which the lead unit works from; {@code rounds}: how each
     * checked 整改 round ended ({@link RectifyRounds}), so that a photo of a round sent back is not shown as plain 整改后.
     */
    record CaseView(CaseRecord record, String statusName, String leadUnitName, String responsibleUnitNames, String planItemName,
            String territoryName, String light,
            String dueBoundName, List<EventView> timeline, List<PhotoView> photos, List<CaseRecords.Extension> extensions,
            List<PartyView> parties, List<CaseAppeals.AppealView> appeals, Map<String, String> people,
            List<CaseDuplicates.PossibleDuplicate> possibleDuplicates, Actions actions, List<RectifyRounds.RoundView> rounds) {
    }

    /**
     * {@code appeal}: the deductions the caller's unit may appeal ({@code POST …/appeals}), {@code merge}: whether the
     * caller may merge the case into another ({@code POST …/merge}), {@code reopen}: whether the caller may reopen the closed
     * case ({@code POST …/reopen}), {@code void}: whether the caller may void the case ({@code POST …/void}), {@code correct}:
     * whether the caller may correct it ({@code POST …/correction}); decided by the checks those calls make.
     */
    record Actions(List<AppealAction> appeal, boolean merge, boolean reopen,
            @com.fasterxml.jackson.annotation.JsonProperty("void") boolean voidCase, boolean correct) {
    }

    record AppealAction(String deduction, String deductionName) {
    }

    /** How a party's 协办 stands, in Chinese, for the case page and its dossier. */
    static String statusName(CaseParties.Party p, CaseRecord c) {
        if (p.formerTerritory(c.territory())) {
            return "属地已更正，不计";
        }
        if (p.pausedBy(c)) {
            // its due instant moves when the case resumes (jtreview-s59 T6): recorded meanwhile, it is on time
            return p.done() ? "已按时记录" : "案件挂账中，暂停计时";
        }
        return statusName(p, c.status());
    }

    private static String statusName(CaseParties.Party p, CaseStatus caseStatus) {
        if (p.done()) {
            return p.doneOnTime() ? "已按时记录" : "已记录（逾期）";
        }
        if (p.endedAt() == null) {
            return "待记录";
        }
        if (caseStatus == CaseStatus.MERGED || caseStatus == CaseStatus.VOIDED) {
            return caseStatus == CaseStatus.MERGED ? "合并关闭时未记录" : "作废时未记录"; // such a case's 协办 is never counted
        }
        return p.cutShort() ? "结案时尚未到期，不计" : "结案时未记录";
    }

    /** A closed case's cooperation that ended before it was due; a merged or voided case's 协办 is not counted at all. */
    private static boolean cutShortByClosing(CaseParties.Party p, CaseStatus caseStatus) {
        return p.cutShort() && caseStatus != CaseStatus.MERGED && caseStatus != CaseStatus.VOIDED;
    }

    @GetMapping("/cases/{caseNo}")
    CaseView get(@PathVariable String caseNo) {
        CaseRecord c = readable(caseNo);
        List<CaseEvent> events = cases.timeline(caseNo);
        List<EventView> timeline = events.stream()
                .map(e -> new EventView(e.occurredAt(), e.kind().name(), e.kind().label(), e.actor(), e.detail())).toList();
        List<PhotoView> photos = records.photos(caseNo).stream()
                .map(p -> new PhotoView(p.id(), p.kind(), p.round(), p.fileName(), p.mimeType(), p.sizeBytes(), p.uploadedAt(),
                        "/api/cases/" + caseNo + "/photos/" + p.id(), p.takenAt(), p.latitude(), p.longitude())).toList();
        // as the case's organisation reads them: the district's case names 九亭镇's 创建工作办公室 with its town (sjreview F10)
        Map<String, String> names = organization.unitNames(c.tenantId());
        List<PartyView> partyViews = parties.of(caseNo).stream().map(p -> {
            String status = p.formerTerritory(c.territory()) || !p.done() && cutShortByClosing(p, c.status()) ? "NOT_COUNTED"
                    : p.done() ? "DONE" : p.endedAt() != null ? "NOT_DONE" : "OPEN";
            String statusName = statusName(p, c);
            return new PartyView(p.unitId(), names.getOrDefault(p.unitId(), p.unitId()), CaseParties.COOPERATE,
                    p.reason().name(), p.assignedAt(), p.dueAt(), status, statusName, p.doneAt(), p.doneBy(), p.note(),
                    p.outcome() == null ? null : p.outcome().name(), p.outcome() == null ? null : p.outcome().label());
        }).toList();
        List<CaseRecords.Extension> extensions = records.extensions(caseNo);
        List<CaseAppeals.AppealView> appealViews = appeals.of(caseNo);
        Map<String, String> people = new TreeMap<>();
        Stream.of(Stream.of(c.reportedBy()), timeline.stream().map(EventView::actor),
                extensions.stream().flatMap(x -> Stream.of(x.requestedBy(), x.decidedBy())),
                partyViews.stream().map(PartyView::doneBy),
                appealViews.stream().flatMap(a -> Stream.of(a.requestedBy(), a.decidedBy()))).flatMap(s -> s).filter(Objects::nonNull)
                .forEach(id -> people.computeIfAbsent(id, organizations::personName));
        String planItemName = c.planItem() == null ? null
                : catalogue.find(c.tenantId(), c.planItem()).map(Category::name).orElse(c.planItem());
        // the units the lead organises: the lead itself is no 责任单位 of its own case
        String others = c.responsibleUnits() == null ? null : Arrays.stream(c.responsibleUnits().split(","))
                .map(String::strip).filter(u -> !u.isEmpty() && !u.equals(c.leadUnit()))
                .collect(Collectors.collectingAndThen(Collectors.joining(","), j -> j.isEmpty() ? null : j));
        return new CaseView(c, c.statusName(), names.get(c.leadUnit()), CaseDossiers.unitNames(others, names),
                planItemName, cases.territoryName(c.territory()), light(c),
                c.dueBound() == null ? null : c.dueBound().label(), timeline, photos, extensions, partyViews, appealViews, people,
                duplicates.of(c, identityService.getCurrentAuthentication()), actions(c), RectifyRounds.of(events));
    }

    private Actions actions(CaseRecord c) {
        var caller = identityService.getCurrentAuthentication();
        return new Actions(appeals.appealable(c, caller).stream().map(d -> new AppealAction(d.name(), d.label())).toList(),
                merges.mayMerge(c, caller), reopens.mayReopen(c, caller), voids.mayVoid(c, caller),
                corrections.mayCorrect(c, caller));
    }

    @GetMapping("/cases/{caseNo}/photos/{id}")
    ResponseEntity<byte[]> photo(@PathVariable String caseNo, @PathVariable long id) {
        readable(caseNo);
        var photo = records.photos(caseNo).stream().filter(p -> p.id() == id).findFirst()
                .orElseThrow(() -> new NotFoundException("PHOTO_NOT_FOUND", "照片不存在"));
        byte[] content = records.photoContent(caseNo, id).orElseThrow();
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(photo.mimeType())).body(content);
    }

    /** A case of a list: its record's fields, and the name of its 属地. */
    record ListItem(@JsonUnwrapped CaseRecord record, String territoryName) {
    }

    record PageView(List<ListItem> items, long total, int page, int size) {
    }

    /**
     * Cases by lead unit, status, overdue or escalated (the leading group's 通报 list: {@code ?escalated=true}),
     * among those the caller may read ({@link CaseVisibility}), which include the cases the caller's units
     * cooperate on (协办). {@code role=cooperating} lists only those (with {@code unit}: that cooperating unit's);
     * {@code role=all} (the default) lists all. {@code campaign} lists only that campaign's cases; without it, all.
     * {@code organization} lists only that organisation's cases (a district's office: one of its towns);
     * {@code territory} only the cases lying in that town or street (a district's cases there, too); {@code from} and
     * {@code to} (2026-11-01, both included) only those reported on those days.
     */
    @GetMapping("/cases")
    PageView list(@RequestParam(required = false) String unit, @RequestParam(required = false) CaseStatus status,
            @RequestParam(required = false) Boolean overdue, @RequestParam(required = false) Boolean escalated,
            @RequestParam(required = false) String role, @RequestParam(required = false) String campaign,
            @RequestParam(required = false) String organization, @RequestParam(required = false) String territory,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        if (page < 0 || size < 1 || size > 200) {
            throw new InvalidRequestException(ApiError.field(
                    page < 0 ? "page" : "size", "OUT_OF_RANGE", "page 不能小于 0，size 应在 1 到 200 之间"));
        }
        var user = identityService.getCurrentAuthentication();
        CaseFilter filter = filters.of(user, unit, status, overdue, escalated, role, campaign, organization, territory, from, to);
        var result = records.list(filter, visibility.listFilter(user), page, size);
        return new PageView(result.items().stream().map(c -> new ListItem(c, cases.territoryName(c.territory()))).toList(),
                result.total(), page, size);
    }

    /**
     * The case, if the caller may read it; otherwise 404 as if there were none, so that a case number does not
     * tell an outsider that the case exists.
     */
    private CaseRecord readable(String caseNo) {
        return readableCases.get(caseNo, identityService.getCurrentAuthentication());
    }

    /** The case's {@link TrafficLight}: none for closed, 挂账 and undispatched cases. */
    private static String light(CaseRecord c) {
        TrafficLight light = TrafficLight.of(c, RectificationCases.now());
        return light == null ? null : light.name();
    }

    /**
     * The lead unit's name as the organisation files give it, which are what the unit table is written from at start
     * (a report answered without reading the whole table, issue 13).
     */
    private String leadUnitName(CaseRecord c) {
        return c.leadUnit() == null ? null : organizations.groupName(c.leadUnit()).orElse(null);
    }
}
