package org.shirong.zone;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.shirong.rectification.CaseDossiers;
import org.shirong.report.PrintDocuments;
import org.shirong.system.ApiError;
import org.shirong.system.NotFoundException;
import org.shirong.system.XlsxSheet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/cases/{caseNo}/zone-file.pdf}: the zone's file (一点一档) handed over with a 门责 case, for whoever may
 * read the case (to others the case does not exist, 404); 404 too for a case that is no zone's hand-over.
 */
@RestController
@RequestMapping("/api")
class ZoneHandOverController {

    private static final Logger LOG = LoggerFactory.getLogger(ZoneHandOverController.class);

    private final ZoneHandOvers handOvers;
    private final CaseDossiers dossiers;
    private final IdentityService identityService;

    ZoneHandOverController(ZoneHandOvers handOvers, CaseDossiers dossiers, IdentityService identityService) {
        this.handOvers = handOvers;
        this.dossiers = dossiers;
        this.identityService = identityService;
    }

    @GetMapping("/cases/{caseNo}/zone-file.pdf")
    ResponseEntity<byte[]> zoneFile(@PathVariable String caseNo) {
        dossiers.readable(identityService.getCurrentAuthentication(), caseNo)
                .orElseThrow(() -> new NotFoundException("CASE_NOT_FOUND", "案件不存在：" + caseNo));
        ZoneHandOvers.HandOver handOver = handOvers.find(caseNo).orElseThrow(() -> new NotFoundException("ZONE_FILE_NOT_FOUND",
                "案件 " + caseNo + " 不是责任区移交执法的案件，没有责任区档案"));
        byte[] pdf = handOvers.pdf(handOver);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, XlsxSheet.attachment(handOver.fileName(), "zone-file-" + caseNo + ".pdf"))
                .body(pdf);
    }

    /** The kept file could not be printed at the hand-over and the font is still missing. */
    @ExceptionHandler(PrintDocuments.FontUnavailable.class)
    ResponseEntity<Map<String, List<ApiError>>> fontUnavailable(PrintDocuments.FontUnavailable e) {
        LOG.warn("{}", e.getMessage());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .body(Map.of("errors", List.of(ApiError.field(null, "PDF_FONT_UNAVAILABLE", e.getMessage()))));
    }
}
