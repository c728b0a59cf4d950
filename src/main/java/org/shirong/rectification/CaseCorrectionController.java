package org.shirong.rectification;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/cases/{caseNo}/correction}: the office corrects a case not yet closed (更正, {@link CaseCorrections}). */
@RestController
@RequestMapping("/api")
class CaseCorrectionController {

    private final CaseCorrections corrections;
    private final IdentityService identityService;

    CaseCorrectionController(CaseCorrections corrections, IdentityService identityService) {
        this.corrections = corrections;
        this.identityService = identityService;
    }

    @PostMapping(value = "/cases/{caseNo}/correction", consumes = MediaType.APPLICATION_JSON_VALUE)
    CaseCorrections.Corrected correct(@PathVariable String caseNo, @RequestBody CaseCorrections.Correction request) {
        return corrections.correct(caseNo, request, identityService.getCurrentAuthentication());
    }
}
