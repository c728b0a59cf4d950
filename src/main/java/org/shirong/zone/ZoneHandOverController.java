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
 * {@code GET /api/cases/{caseNo}/zone}: the zone and its holder, for the case page's 责任区 block. The holder's phone is in
 * neither the case's text nor its variables (every reader of the case, its cooperators and the 属地 town among them, reads
 * those): here and in the file it is shown as on the zone's own pages, in full to those who contact the holder
 * ({@link ZoneAccess#readsPhone}), masked to the case's other readers.
 */
@RestController
@RequestMapping("/api")
class ZoneHandOverController {

    private static final Logger LOG = LoggerFactory.getLogger(ZoneHandOverController.class);

    private final ZoneHandOvers handOvers;
    private final CaseDossiers dossiers;
    private final IdentityService identityService;
    private final ZoneRecords zones;
    private final ZoneAccess access;

    ZoneHandOverController(ZoneHandOvers handOvers, CaseDossiers dossiers, IdentityService identityService, ZoneRecords zones,
            ZoneAccess access) {
        this.handOvers = handOvers;
        this.dossiers = dossiers;
        this.identityService = identityService;
        this.zones = zones;
        this.access = access;
    }

    /** The zone of a handed-over case as its page shows it. */
    record HandedOverZone(long zoneId, String zoneNo, String holderName, String person, String phone, String address,
            String url, String fileUrl) {
    }

    @GetMapping("/cases/{caseNo}/zone")
    HandedOverZone zone(@PathVariable String caseNo) {
        ZoneHandOvers.HandOver handOver = handedOver(caseNo);
        Zone z = zones.find(handOver.zoneId()).orElseThrow(() -> new NotFoundException("ZONE_NOT_FOUND", "没有责任区 " + handOver.zoneId()));
        return new HandedOverZone(z.id(), z.zoneNo(), z.holderName(), z.person(),
                access.readsPhone(z) ? z.phone() : ZoneView.maskedPhone(z.phone()), z.address(), ZoneView.pageUrl(z.id()),
                "/api/cases/" + caseNo + "/zone-file.pdf");
    }

    @GetMapping("/cases/{caseNo}/zone-file.pdf")
    ResponseEntity<byte[]> zoneFile(@PathVariable String caseNo) {
        ZoneHandOvers.HandOver handOver = handedOver(caseNo);
        boolean readsPhone = zones.find(handOver.zoneId()).map(access::readsPhone).orElse(false);
        byte[] pdf = readsPhone ? handOvers.pdf(handOver) : handOvers.pdfWithPhoneMasked(handOver);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, XlsxSheet.attachment(handOver.fileName(), "zone-file-" + caseNo + ".pdf"))
                .body(pdf);
    }

    /** The hand-over of a case the caller may read; 404 for a case they may not read or that is no zone's hand-over. */
    private ZoneHandOvers.HandOver handedOver(String caseNo) {
        dossiers.readable(identityService.getCurrentAuthentication(), caseNo)
                .orElseThrow(() -> new NotFoundException("CASE_NOT_FOUND", "案件不存在：" + caseNo));
        return handOvers.find(caseNo).orElseThrow(() -> new NotFoundException("ZONE_FILE_NOT_FOUND",
                "案件 " + caseNo + " 不是责任区移交执法的案件，没有责任区档案"));
    }

    /** The kept file could not be printed at the hand-over and the font is still missing. */
    @ExceptionHandler(PrintDocuments.FontUnavailable.class)
    ResponseEntity<Map<String, List<ApiError>>> fontUnavailable(PrintDocuments.FontUnavailable e) {
        LOG.warn("{}", e.getMessage());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .body(Map.of("errors", List.of(ApiError.field(null, "PDF_FONT_UNAVAILABLE", e.getMessage()))));
    }
}
