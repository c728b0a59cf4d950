package org.shirong.report;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.shirong.calendar.WorkingCalendars;
import org.shirong.organization.CallerOrganization;
import org.shirong.organization.Organizations;
import org.shirong.rectification.CaseDossiers;
import org.shirong.rectification.CaseFile;
import org.shirong.system.ApiError;
import org.shirong.system.ForbiddenException;
import org.shirong.system.InvalidRequestException;
import org.shirong.system.NotFoundException;
import org.shirong.system.TextInput;
import org.shirong.system.StartupRefusedException;
import org.shirong.system.XlsxSheet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The case dossier (案件台账) as PDF: {@code GET /api/cases/{caseNo}/dossier.pdf} for one case,
 * {@code GET /api/campaigns/{code}/dossier.pdf?item=} for a campaign's cases of one plan item (without {@code item}:
 * all of them; {@code item=none}: those under no plan item), and {@code GET /api/campaigns/{code}/archive.zip}, the
 * campaign's 迎检 archive: in 一、案件台账 a PDF per plan item and the case ledger (Excel), then the campaign's documents and
 * its tasks' results with their files ({@link CampaignArchiveParts}). Whoever may read the case or the campaign may
 * read these, and sees only the cases they may read; to others the case or campaign does not exist (404). The archive's
 * task folders are every unit's only for those who open the 驾驶舱; a unit member's hold their own units' tasks. A town taking
 * part in its district's campaign reads the dossiers of its own cases; the archive, with every unit's tasks and files,
 * stays with the district (403). Each PDF is
 * written straight to the response or its ZIP entry and holds at most {@code shirong.documents.dossier-max-cases}
 * cases, which bounds what is held while it is made: a larger plan item is refused as one PDF (400) and split into
 * numbered parts in the archive.
 */
@RestController
@RequestMapping("/api")
class DossierController {

    private static final Logger LOG = LoggerFactory.getLogger(DossierController.class);
    private static final String PDF = "application/pdf";
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmm");
    private static final String CASES = "一、案件台账";

    private final CaseDossiers dossiers;
    private final DossierPdf pdf;
    private final DossierFont font;
    private final CampaignFigures figures;
    private final IdentityService identityService;
    private final CallerOrganization callerOrganization;
    private final WorkingCalendars calendars;
    private final Organizations organizations;
    private final CampaignArchiveParts archiveParts;
    private final int maxCases;
    private final RenderSlots renders;

    DossierController(CaseDossiers dossiers, DossierPdf pdf, DossierFont font, CampaignFigures figures,
            IdentityService identityService, CallerOrganization callerOrganization, WorkingCalendars calendars,
            Organizations organizations, CampaignArchiveParts archiveParts, RenderSlots renders,
            @Value("${shirong.documents.dossier-max-cases}") int maxCases) {
        this.renders = renders;
        this.archiveParts = archiveParts;
        if (maxCases < 1) {
            throw new StartupRefusedException("shirong.documents.dossier-max-cases 为 " + maxCases + "，应至少为 1",
                    "请修改 config/application.yaml（每个案件台账 PDF 最多包含的案件数，默认 200）后重新启动。");
        }
        this.dossiers = dossiers;
        this.pdf = pdf;
        this.font = font;
        this.figures = figures;
        this.identityService = identityService;
        this.callerOrganization = callerOrganization;
        this.calendars = calendars;
        this.organizations = organizations;
        this.maxCases = maxCases;
    }

    @GetMapping("/cases/{caseNo}/dossier.pdf")
    void caseDossier(@PathVariable String caseNo, HttpServletResponse response) throws IOException {
        Authentication user = identityService.getCurrentAuthentication();
        CaseFile file = dossiers.readable(user, caseNo)
                .orElseThrow(() -> new NotFoundException("CASE_NOT_FOUND", "案件不存在：" + caseNo));
        font.check();
        ZoneId zone = calendars.of(file.record().tenantId()).zone();
        String title = "案件台账 " + caseNo;
        renders.run(() -> sendPdf(response, title, "case-dossier-" + caseNo + ".pdf", subtitle(user, zone),
                List.of(DossierSheets.of(file, zone, planItemWord(file.record().tenantId())))));
    }

    @GetMapping("/campaigns/{code}/dossier.pdf")
    void campaignDossier(@PathVariable String code, @RequestParam(required = false) String item,
            HttpServletResponse response) throws IOException {
        String planItem = TextInput.selector("item", item, "INVALID_TEXT");
        Authentication user = identityService.getCurrentAuthentication();
        Campaign campaign = readableCampaign(user, code);
        List<CaseDossiers.PlanItemCases> items = dossiers.byPlanItem(user, code);
        String scope;
        List<String> caseNos;
        if (planItem == null) {
            scope = "全部案件";
            caseNos = items.stream().flatMap(i -> i.caseNos().stream()).toList();
        } else {
            CaseDossiers.PlanItemCases chosen = items.stream().filter(i -> i.planItem().equals(planItem)).findFirst()
                    .orElseThrow(() -> new NotFoundException("PLAN_ITEM_NOT_FOUND",
                            "活动“" + campaign.name() + "”的计划项目 " + planItem + " 下没有您可查看的案件"));
            scope = chosen.planItemName();
            caseNos = chosen.caseNos();
        }
        if (caseNos.size() > maxCases) {
            throw new InvalidRequestException(ApiError.field("item", "TOO_MANY_CASES", ("活动“%s”%s有 %d 件案件，超过一个案件台账 PDF"
                    + "最多 %d 件的限制（shirong.documents.dossier-max-cases）：请按计划项目分别下载，或下载迎检档案（archive.zip，"
                    + "其中每 %d 件案件一个 PDF）").formatted(campaign.name(), scope, caseNos.size(), maxCases, maxCases)));
        }
        font.check();
        // 全部 + 案件台账, not 全部案件案件台账
        String title = org.shirong.system.Titles.quoted(campaign.name()) + (planItem == null ? "全部" : scope) + "案件台账";
        renders.run(() -> sendPdf(response, title, "campaign-dossier-" + code + ".pdf", subtitle(user, campaign.zone()),
                sheets(user, caseNos, campaign.zone())));
    }

    @GetMapping("/campaigns/{code}/archive.zip")
    void archive(@PathVariable String code, HttpServletResponse response) throws IOException {
        Authentication user = identityService.getCurrentAuthentication();
        Campaign campaign = readableCampaign(user, code);
        if (!campaign.whole()) {
            // the archive holds every unit's tasks and files, and the district's 迎检 is the district's to prepare
            String district = organizations.of(campaign.organization()).name();
            throw new ForbiddenException("ARCHIVE_OF_ORGANIZER", "活动“" + campaign.name() + "”的迎检档案（含全部单位的任务和附件）只有"
                    + district + "的人员可以下载；参加活动的街镇可下载本街镇案件的台账（PDF）");
        }
        font.check();
        renders.run(() -> writeArchive(user, campaign, response));
    }

    private void writeArchive(Authentication user, Campaign campaign, HttpServletResponse response) throws IOException {
        String code = campaign.code();
        CaseDossiers.LedgerExport ledger = dossiers.campaignLedger(user, code);
        List<CaseDossiers.PlanItemCases> items = dossiers.byPlanItem(user, code);
        String stamp = STAMP.format(now().atZone(campaign.zone()));
        response.setContentType("application/zip");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, XlsxSheet.attachment(campaign.name() + "-迎检档案-" + stamp + ".zip",
                "campaign-archive-" + code + "-" + stamp + ".zip"));
        long started = System.nanoTime();
        int pdfs = 0;
        int documents;
        int files;
        // cases under no plan item alone (九亭's plan has no 整治项目): their ledger is the whole one, 全部案件台账, not 其他
        boolean noItems = items.size() == 1 && CaseDossiers.NO_PLAN_ITEM.equals(items.get(0).planItem());
        try (ZipOutputStream zip = new ZipOutputStream(response.getOutputStream(), StandardCharsets.UTF_8)) {
            int n = 0;
            for (CaseDossiers.PlanItemCases item : items) {
                n++;
                String itemName = noItems ? "全部" : item.planItemName();
                List<List<String>> parts = parts(item.caseNos());
                for (int k = 0; k < parts.size(); k++) {
                    String part = parts.size() == 1 ? "" : "-第" + (k + 1) + "部分";
                    zip.putNextEntry(new ZipEntry(CASES + "/%02d-%s案件台账%s.pdf".formatted(n,
                            CampaignArchiveParts.fileName(itemName), part)));
                    String title = org.shirong.system.Titles.quoted(campaign.name()) + itemName + "案件台账"
                            + (parts.size() == 1 ? "" : "（第 " + (k + 1) + " 部分，共 " + parts.size() + " 部分）");
                    pdf.write(title, subtitle(user, campaign.zone()), sheets(user, parts.get(k), campaign.zone()), zip);
                    zip.closeEntry();
                    pdfs++;
                }
            }
            zip.putNextEntry(new ZipEntry(CASES + "/" + CampaignArchiveParts.fileName(ledger.fileName())));
            ledger.write(new KeptOpen(zip));
            zip.closeEntry();
            documents = archiveParts.writeDocuments(zip, code, campaign.zone());
            files = archiveParts.writeTaskResults(zip, code, campaign.zone(), ownUnits(user, campaign));
        }
        LOG.info("{} downloaded the archive of campaign {} ({} plan items, {} PDFs, {} documents, {} task files) in {} ms",
                user.getUserId(), code, items.size(), pdfs, documents, files, (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * Whose task folders the caller's archive holds: every unit's for those who see all units (those who open the 驾驶舱,
     * {@link CallerOrganization#seesAllUnits}), else only the tasks issued to a group the caller is in, as Tasklist shows
     * a unit member only their own units' tasks (jtreview-s56 T16): {@link CallerOrganization#campaignTasksShown}, the
     * rule the campaign's overview and its files' downloads follow too. Only a whole reader gets here.
     */
    private java.util.function.Predicate<String> ownUnits(Authentication user, Campaign campaign) {
        return callerOrganization.campaignTasksShown(user, campaign.organization(), new CallerOrganization.CampaignReader(null));
    }

    /** The cases in parts of at most {@code dossier-max-cases}, in order. */
    private List<List<String>> parts(List<String> caseNos) {
        List<List<String>> parts = new ArrayList<>();
        for (int from = 0; from < caseNos.size(); from += maxCases) {
            parts.add(caseNos.subList(from, Math.min(caseNos.size(), from + maxCases)));
        }
        return parts;
    }

    /** Every render slot taken: try again in a few seconds. */
    @ExceptionHandler(RenderSlots.Busy.class)
    ResponseEntity<Map<String, List<ApiError>>> busy(RenderSlots.Busy e) {
        LOG.info("{}", e.getMessage());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5")
                .body(Map.of("errors", List.of(ApiError.field(null, "RENDERS_BUSY", e.getMessage()))));
    }

    /** A missing or unusable font: the dossier cannot be made here until an administrator installs or names one. */
    @ExceptionHandler(DossierFont.Unavailable.class)
    ResponseEntity<Map<String, List<ApiError>>> fontUnavailable(DossierFont.Unavailable e, HttpServletResponse response) {
        LOG.warn("{}", e.getMessage());
        if (!response.isCommitted()) {
            response.reset(); // the PDF's headers, set before the font of a collection was found unusable
        }
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .body(Map.of("errors", List.of(ApiError.field(null, "PDF_FONT_UNAVAILABLE", e.getMessage()))));
    }

    private record Campaign(String code, String name, ZoneId zone, String organization, boolean whole) {
    }

    /**
     * The campaign, if the caller reads it ({@link CallerOrganization#campaignReader}); {@code whole} false for a town
     * taking part in its district's campaign, which reads it through its office.
     */
    private Campaign readableCampaign(Authentication user, String code) {
        String organization = figures.organizationOf(code)
                .orElseThrow(() -> new NotFoundException("CAMPAIGN_NOT_FOUND", "活动不存在：" + code));
        CallerOrganization.CampaignReader reader = callerOrganization.campaignReader(user, organization, () -> figures.unitGroups(code))
                .orElseThrow(() -> new NotFoundException("CAMPAIGN_NOT_FOUND", "活动不存在：" + code));
        String name = figures.campaign(code).map(Figures.Campaign::name).orElse(code);
        return new Campaign(code, name, calendars.of(organization).zone(), organization, reader.whole());
    }

    /** Each case read and made its sheet in turn: its full-size photos are let go once their print-size copies are made. */
    private List<DossierSheets.Sheet> sheets(Authentication user, List<String> caseNos, ZoneId zone) {
        return caseNos.stream().map(no -> dossiers.readable(user, no)).flatMap(Optional::stream)
                .map(f -> DossierSheets.of(f, zone, planItemWord(f.record().tenantId()))).toList();
    }

    /** The organisation's word for a plan item (jxreview-s55 J11), the pages' 整治项目 unset. */
    private String planItemWord(String organization) {
        return organizations.find(organization).map(o -> o.words().planItem())
                .orElse(org.shirong.organization.Organization.Terms.DEFAULT.planItem());
    }

    private String subtitle(Authentication user, ZoneId zone) {
        return "导出时间：" + SHOWN.format(now().atZone(zone)) + "　｜　导出人：" + organizations.personName(user.getUserId());
    }

    private static Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }

    /**
     * The PDF goes out only at its end; a failure before that takes the PDF headers back, so the caller gets the
     * error as an error and not as a broken download.
     */
    private void sendPdf(HttpServletResponse response, String title, String ascii, String subtitle,
            List<DossierSheets.Sheet> sheets) throws IOException {
        pdfHeaders(response, title + ".pdf", ascii);
        try {
            pdf.write(title, subtitle, sheets, response.getOutputStream());
        } catch (IOException | RuntimeException e) {
            if (!response.isCommitted()) {
                response.reset();
            }
            throw e;
        }
    }

    private static void pdfHeaders(HttpServletResponse response, String fileName, String ascii) {
        response.setContentType(PDF);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, XlsxSheet.attachment(fileName, ascii));
    }
}
