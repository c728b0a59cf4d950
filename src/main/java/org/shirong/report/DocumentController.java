package org.shirong.report;

import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.shirong.organization.CallerOrganization;
import org.shirong.organization.Organizations;
import org.shirong.scoring.CampaignPeriods;
import org.shirong.scoring.UnitScores;
import org.shirong.system.ApiError;
import org.shirong.system.ForbiddenException;
import org.shirong.system.InvalidRequestException;
import org.shirong.system.NotFoundException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/documents/{id}} (the printable HTML), {@code GET /api/campaigns/{code}/documents} (the list),
 * {@code GET /api/documents?organization=} (an organisation's documents of no campaign: its 临时会议's notices and minutes) and
 * {@code GET /api/campaigns/{code}/monthly-report?period=2026-05} (the monthly report: as issued, with the figures it was
 * issued with, once the report cycle has issued it; before, as it would be issued now, not stored).
 * A document is its campaign's: whoever may read the campaign's organisation (its members, its overseers, an
 * administrator) reads it, and so does the office of a town taking part in its district's campaign; an organisation's
 * document whoever may read the organisation and the groups it names (the units a 临时会议 called); to everyone else it
 * does not exist (404), so document ids reveal nothing across organisations. A participating town previews the district
 * campaign's monthly report only for a period whose 通报 the district has issued (403 before): until then the figures and
 * the ranking are the district's working figures, as the 驾驶舱 treats them.
 */
@RestController
@RequestMapping("/api")
class DocumentController {

    private static final MediaType HTML_UTF8 = MediaType.parseMediaType("text/html;charset=UTF-8");

    private final CampaignDocuments documents;
    private final CampaignFigures figures;
    private final IdentityService identityService;
    private final CallerOrganization callerOrganization;
    private final MonthlyReports monthlyReports;
    private final UnitScores scores;
    private final RankingNotices notices;
    private final Organizations organizations;
    private final CampaignPeriods campaignPeriods;

    DocumentController(CampaignDocuments documents, CampaignFigures figures, IdentityService identityService,
            CallerOrganization callerOrganization, MonthlyReports monthlyReports, UnitScores scores, RankingNotices notices,
            Organizations organizations, CampaignPeriods campaignPeriods) {
        this.campaignPeriods = campaignPeriods;
        this.monthlyReports = monthlyReports;
        this.notices = notices;
        this.organizations = organizations;
        this.scores = scores;
        this.documents = documents;
        this.figures = figures;
        this.identityService = identityService;
        this.callerOrganization = callerOrganization;
    }

    record DocumentView(String id, String kind, String kindName, String title, Instant createdAt, String url) {
    }

    @GetMapping("/documents/{id}")
    ResponseEntity<String> document(@PathVariable String id) {
        String html = documents.get(id).filter(this::readable).flatMap(d -> documents.html(d.id()))
                .orElseThrow(() -> new NotFoundException("DOCUMENT_NOT_FOUND", "文书不存在：" + id));
        return ResponseEntity.ok().contentType(HTML_UTF8).body(html);
    }

    /**
     * The documents of the organisation ({@code organization}, else the caller's own) that belong to no campaign: the
     * notices and minutes of its 临时会议.
     */
    @GetMapping("/documents")
    List<DocumentView> organizationDocuments(@RequestParam(required = false) String organization) {
        String id = callerOrganization.forReading(identityService.getCurrentAuthentication(), organization);
        return documents.listForOrganization(id).stream().map(DocumentController::view).toList();
    }

    @GetMapping("/campaigns/{code}/documents")
    List<DocumentView> list(@PathVariable String code) {
        if (!readable(code)) {
            throw new NotFoundException("CAMPAIGN_NOT_FOUND", "活动不存在：" + code);
        }
        return documents.list(code).stream().map(DocumentController::view).toList();
    }

    private static DocumentView view(StoredDocument d) {
        return new DocumentView(d.id(), d.kind().name(), d.kind().label(), d.title(), d.createdAt(), d.url());
    }

    /**
     * The monthly report of the period: the one issued, to everyone who reads it, once the report cycle has issued it (a
     * published month keeps its published figures); before, with the figures as of now, what the report cycle would issue,
     * never stored.
     */
    @GetMapping("/campaigns/{code}/monthly-report")
    ResponseEntity<String> monthlyReport(@PathVariable String code, @RequestParam String period) {
        String organization = figures.organizationOf(code)
                .orElseThrow(() -> new NotFoundException("CAMPAIGN_NOT_FOUND", "活动不存在：" + code));
        CallerOrganization.CampaignReader reader = callerOrganization.campaignReader(identityService.getCurrentAuthentication(),
                organization, () -> figures.unitGroups(code))
                .orElseThrow(() -> new NotFoundException("CAMPAIGN_NOT_FOUND", "活动不存在：" + code));
        scores.periodProblem(period).ifPresent(message -> {
            throw new InvalidRequestException(ApiError.field("period", "INVALID_PERIOD", message));
        });
        var window = scores.window(period.strip());
        campaignPeriods.problem(code, window.periodCode()).ifPresent(error -> {
            throw new InvalidRequestException(error);
        });
        if (!reader.whole() && notices.issued(code, window.periodCode()).isEmpty()) {
            String district = organizations.find(organization).map(o -> o.name()).orElse(organization);
            throw new ForbiddenException(List.of(ApiError.field("period", "REPORT_NOT_PUBLISHED", district + "尚未印发"
                    + window.periodName() + "考核排名的通报，印发后参加活动的街镇才能查看该期的月度报告")));
        }
        String html = monthlyReports.issued(code, window.periodCode()).orElseGet(
                () -> monthlyReports.preview(organization, code, ClockUtil.getCurrentTime().toInstant(), window.periodCode()));
        return ResponseEntity.ok().contentType(HTML_UTF8).body(html);
    }

    private boolean readable(StoredDocument document) {
        Authentication caller = identityService.getCurrentAuthentication();
        if (document.campaignCode() != null ? readable(document.campaignCode())
                : callerOrganization.readable(caller).test(document.organization())) {
            return true;
        }
        List<String> groups = caller == null || caller.getGroupIds() == null ? List.of() : caller.getGroupIds();
        return documents.readerGroups(document.id()).stream().anyMatch(groups::contains);
    }

    private boolean readable(String campaignCode) {
        return figures.organizationOf(campaignCode).filter(o -> readable(campaignCode, o)).isPresent();
    }

    /** Whoever reads the campaign ({@link CallerOrganization#campaignReader}), wholly or as a town taking part in it. */
    private boolean readable(String campaignCode, String organization) {
        return callerOrganization.campaignReader(identityService.getCurrentAuthentication(), organization,
                () -> figures.unitGroups(campaignCode)).isPresent();
    }
}
