package org.shirong.rectification;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/cases/{caseNo}/reopen}: the office reopens a closed case whose problem came back ({@link CaseReopens}). */
@RestController
@RequestMapping("/api")
class CaseReopenController {

    /** {@code reason}: why the case is reopened (重新打开的理由: a citizen called again, a 回访 found it not fixed). */
    record ReopenRequest(String reason) {
    }

    private final CaseReopens reopens;
    private final IdentityService identityService;

    CaseReopenController(CaseReopens reopens, IdentityService identityService) {
        this.reopens = reopens;
        this.identityService = identityService;
    }

    @PostMapping(value = "/cases/{caseNo}/reopen", consumes = MediaType.APPLICATION_JSON_VALUE)
    CaseReopens.Reopened reopen(@PathVariable String caseNo, @RequestBody ReopenRequest request) {
        return reopens.reopen(caseNo, request.reason(), identityService.getCurrentAuthentication());
    }
}
