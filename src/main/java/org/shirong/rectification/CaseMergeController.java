package org.shirong.rectification;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/cases/{caseNo}/merge}: the office closes a duplicate case as merged into another ({@link CaseMerges}). */
@RestController
@RequestMapping("/api")
class CaseMergeController {

    /** {@code into}: the number of the case the duplicate is merged into; {@code reason}: why (合并理由). */
    record MergeRequest(String into, String reason) {
    }

    private final CaseMerges merges;
    private final IdentityService identityService;

    CaseMergeController(CaseMerges merges, IdentityService identityService) {
        this.merges = merges;
        this.identityService = identityService;
    }

    @PostMapping(value = "/cases/{caseNo}/merge", consumes = MediaType.APPLICATION_JSON_VALUE)
    CaseMerges.Merged merge(@PathVariable String caseNo, @RequestBody MergeRequest request) {
        return merges.merge(caseNo, request.into(), request.reason(), identityService.getCurrentAuthentication());
    }
}
