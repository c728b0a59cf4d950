package org.shirong.rectification;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.camunda.bpm.engine.IdentityService;
import org.shirong.system.XlsxSheet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/cases/export.xlsx}: the case ledger ({@link CaseLedger}) with the filters of {@code GET /api/cases}
 * (no paging), streamed to the caller as it is read.
 */
@RestController
@RequestMapping("/api")
class CaseLedgerController {

    private static final Logger LOG = LoggerFactory.getLogger(CaseLedgerController.class);

    private final CaseLedgerRequests requests;
    private final CaseLedger ledger;
    private final IdentityService identityService;
    private final CaseFilters filters;

    CaseLedgerController(CaseLedgerRequests requests, CaseLedger ledger, IdentityService identityService, CaseFilters filters) {
        this.filters = filters;
        this.requests = requests;
        this.ledger = ledger;
        this.identityService = identityService;
    }

    @GetMapping("/cases/export.xlsx")
    void export(@RequestParam(required = false) String unit, @RequestParam(required = false) CaseStatus status,
            @RequestParam(required = false) Boolean overdue, @RequestParam(required = false) Boolean escalated,
            @RequestParam(required = false) String role, @RequestParam(required = false) String campaign,
            @RequestParam(required = false) String organization, @RequestParam(required = false) String territory,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            HttpServletResponse response) throws IOException {
        var user = identityService.getCurrentAuthentication();
        CaseLedger.Request request = requests.request(user,
                filters.of(user, unit, status, overdue, escalated, role, campaign, organization, territory, from, to));
        response.setContentType(XlsxSheet.CONTENT_TYPE);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, XlsxSheet.attachment(request.fileName(), request.asciiFileName()));
        long started = System.nanoTime();
        int rows = ledger.write(request, response.getOutputStream());
        LOG.info("{} exported {} cases ({}) in {} ms", user.getUserId(), rows, request.title(),
                (System.nanoTime() - started) / 1_000_000);
    }
}
