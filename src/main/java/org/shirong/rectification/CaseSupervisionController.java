package org.shirong.rectification;

import java.net.URI;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/cases/{caseNo}/supervisions}: 督办 a case in handling ({@link CaseSupervision}). */
@RestController
@RequestMapping("/api")
class CaseSupervisionController {

    record SupervisionRequest(String instruction) {
    }

    private final CaseSupervision supervision;
    private final IdentityService identityService;

    CaseSupervisionController(CaseSupervision supervision, IdentityService identityService) {
        this.supervision = supervision;
        this.identityService = identityService;
    }

    @PostMapping(value = "/cases/{caseNo}/supervisions", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<CaseSupervision.Given> supervise(@PathVariable String caseNo, @RequestBody SupervisionRequest request) {
        var given = supervision.supervise(caseNo, request.instruction(), identityService.getCurrentAuthentication());
        return ResponseEntity.created(URI.create("/api/cases/" + caseNo)).body(given);
    }
}
