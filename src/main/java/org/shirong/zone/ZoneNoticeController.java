package org.shirong.zone;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.shirong.calendar.WorkingCalendars;
import org.shirong.organization.CallerOrganization;
import org.shirong.organization.Organization;
import org.shirong.organization.Organizations;
import org.shirong.report.PrintDocuments;
import org.shirong.system.ApiError;
import org.shirong.system.ForbiddenException;
import org.shirong.system.InvalidRequestException;
import org.shirong.system.StartupRefusedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The 告知书 campaign: {@code POST /api/zones/notices} (the office issues an edition to the selected zones, which starts
 * their 送达/上墙 tasks), {@code GET /api/zones/{id}/notice.pdf} (one holder's notice) and
 * {@code GET /api/zones/notices.pdf?edition=&ownerGroup=} (a page per holder, at most
 * {@code shirong.zones.notice-pdf-max}). The office prints any; an owner group prints its own zones'.
 */
@RestController
@RequestMapping("/api/zones")
class ZoneNoticeController {

    private static final Logger LOG = LoggerFactory.getLogger(ZoneNoticeController.class);
    static final String TEMPLATE = "zones/responsibility-notice";

    private final ZoneNotices notices;
    private final ZoneRecords zones;
    private final ZoneAccess access;
    private final PrintDocuments print;
    private final IdentityService identityService;
    private final CallerOrganization callerOrganization;
    private final Organizations organizations;
    private final WorkingCalendars calendars;
    private final ZoneSettings settings;
    private final int maxPdf;

    ZoneNoticeController(ZoneNotices notices, ZoneRecords zones, ZoneAccess access, PrintDocuments print,
            IdentityService identityService, CallerOrganization callerOrganization, Organizations organizations,
            WorkingCalendars calendars, ZoneSettings settings, @Value("${shirong.zones.notice-pdf-max}") int maxPdf) {
        if (maxPdf < 1) {
            throw new StartupRefusedException("shirong.zones.notice-pdf-max 为 " + maxPdf + "，应至少为 1",
                    "请修改 config/application.yaml（一个 PDF 最多包含的责任告知书份数，默认 200）后重新启动。");
        }
        this.notices = notices;
        this.zones = zones;
        this.access = access;
        this.print = print;
        this.identityService = identityService;
        this.callerOrganization = callerOrganization;
        this.organizations = organizations;
        this.calendars = calendars;
        this.settings = settings;
        this.maxPdf = maxPdf;
    }

    @PostMapping("/notices")
    ZoneNotices.Started start(@RequestBody ZoneNotices.StartRequest request,
            @RequestParam(name = "organization", required = false) String requested) {
        String organization = callerOrganization.forWork(identityService.getCurrentAuthentication(), requested);
        access.requireOffice(organization);
        return notices.start(organization, request, access.caller());
    }

    @GetMapping("/{id}/notice.pdf")
    void one(@PathVariable long id, @RequestParam(required = false) Integer edition, HttpServletResponse response)
            throws IOException {
        Zone zone = access.readable(id);
        requirePrinter(zone.tenantId(), zone.ownerGroup());
        int printed = edition != null ? checked(edition)
                : notices.latest(id).map(ZoneNotices.Notice::edition).orElse(thisYear(zone.tenantId()));
        write(response, zone.tenantId(), printed, List.of(zone), "责任告知书-" + zone.zoneNo() + "-" + printed + ".pdf");
    }

    @GetMapping("/notices.pdf")
    void many(@RequestParam(required = false) Integer edition, @RequestParam(required = false) String ownerGroup,
            @RequestParam(name = "organization", required = false) String requested, HttpServletResponse response)
            throws IOException {
        String organization = callerOrganization.forWork(identityService.getCurrentAuthentication(), requested);
        access.staffOf(organization);
        String group = ZoneRegister.selector("ownerGroup", ownerGroup);
        Organization org = organizations.of(organization);
        if (group != null && !org.hasGroup(group)) {
            throw new InvalidRequestException(ApiError.field("ownerGroup", "UNKNOWN_GROUP", "本组织没有负责单位“" + group + "”"));
        }
        requirePrinter(organization, group);
        int printed = edition == null ? thisYear(organization) : checked(edition);
        List<Zone> selected = zones.active(organization).stream().filter(z -> group == null || group.equals(z.ownerGroup())).toList();
        if (selected.isEmpty()) {
            throw new InvalidRequestException(ApiError.field("ownerGroup", "NO_ZONES", "没有在册的责任区"
                    + (group == null ? "" : "（负责单位 " + org.group(group).map(Organization.GroupDefinition::name).orElse(group) + "）")
                    + "，无告知书可打印"));
        }
        if (selected.size() > maxPdf) {
            throw new InvalidRequestException(ApiError.field("ownerGroup", "TOO_MANY_NOTICES", "一次最多打印 " + maxPdf
                    + " 份告知书（本次 " + selected.size() + " 份），请按负责单位分批打印"));
        }
        write(response, organization, printed, selected, "责任告知书-" + printed
                + (group == null ? "" : "-" + org.group(group).map(Organization.GroupDefinition::name).orElse(group)) + ".pdf");
    }

    private void write(HttpServletResponse response, String organization, int edition, List<Zone> printed, String fileName)
            throws IOException {
        print.checkFont();
        ZoneId zone = calendars.of(organization).zone();
        Map<String, Object> model = new java.util.HashMap<>(notices.printModel(organization, edition, printed, zone));
        model.put("legalBasis", settings.of(organization).legalBasis()); // 二、依据: the organisation's own law
        response.setContentType("application/pdf");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.inline().filename(fileName, StandardCharsets.UTF_8).build().toString());
        print.write(TEMPLATE, model, response.getOutputStream());
        LOG.info("{} printed {} 责任告知书 of {} ({})", access.caller(), printed.size(), organization, edition);
    }

    /** The office prints every zone's notice; a member of an owner group those of its own zones. */
    private void requirePrinter(String organization, String ownerGroup) {
        Authentication caller = identityService.getCurrentAuthentication();
        List<String> groups = caller == null || caller.getGroupIds() == null ? List.of() : caller.getGroupIds();
        if (groups.contains(Groups.CAMUNDA_ADMIN) || groups.contains(organizations.office(organization))
                || ownerGroup != null && groups.contains(ownerGroup)) {
            return;
        }
        throw new ForbiddenException("NOT_NOTICE_PRINTER", "只有" + organizations.of(organization).groupName(organizations.office(organization))
                + "或该责任区的负责单位可以打印责任告知书"
                + (ownerGroup == null ? "（负责单位打印时请选择本单位）" : ""));
    }

    private int thisYear(String organization) {
        return ZoneNotices.now().atZone(calendars.of(organization).zone()).getYear();
    }

    private static int checked(int edition) {
        if (edition < ZoneNotices.FIRST_EDITION || edition > ZoneNotices.LAST_EDITION) {
            throw new InvalidRequestException(ApiError.field("edition", "INVALID_VALUE", "告知书版次 " + edition + " 无效：应为年度，如 2026"));
        }
        return edition;
    }

    /** No usable Chinese font: no notice can be printed here until an administrator installs or names one. */
    @ExceptionHandler(PrintDocuments.FontUnavailable.class)
    ResponseEntity<Map<String, List<ApiError>>> fontUnavailable(PrintDocuments.FontUnavailable e, HttpServletResponse response) {
        LOG.warn("{}", e.getMessage());
        if (!response.isCommitted()) {
            response.reset();
        }
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .body(Map.of("errors", List.of(ApiError.field(null, "PDF_FONT_UNAVAILABLE", e.getMessage()))));
    }
}
