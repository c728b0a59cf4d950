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

/** {@code POST /api/cases/{caseNo}/appeals}: the lead unit appeals a deduction of the case (考核申诉, {@link CaseAppeals}). */
@RestController
@RequestMapping("/api")
class CaseAppealController {

    record AppealRequest(String deduction, String reason) {
    }

    private final CaseAppeals appeals;
    private final IdentityService identityService;

    CaseAppealController(CaseAppeals appeals, IdentityService identityService) {
        this.appeals = appeals;
        this.identityService = identityService;
    }

    @PostMapping(value = "/cases/{caseNo}/appeals", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<CaseAppeals.AppealView> appeal(@PathVariable String caseNo, @RequestBody AppealRequest request) {
        var appeal = appeals.file(caseNo, request.deduction(), request.reason(), identityService.getCurrentAuthentication());
        return ResponseEntity.created(URI.create("/api/cases/" + caseNo)).body(appeal);
    }
}
