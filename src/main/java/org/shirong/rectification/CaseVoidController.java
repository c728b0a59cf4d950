package org.shirong.rectification;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/cases/{caseNo}/void}: the office voids a case not yet closed (作废, {@link CaseVoids}). */
@RestController
@RequestMapping("/api")
class CaseVoidController {

    /** {@code reason}: why (作废理由: 不属于问题、不在本镇范围、误导入…). */
    record VoidRequest(String reason) {
    }

    private final CaseVoids voids;
    private final IdentityService identityService;

    CaseVoidController(CaseVoids voids, IdentityService identityService) {
        this.voids = voids;
        this.identityService = identityService;
    }

    @PostMapping(value = "/cases/{caseNo}/void", consumes = MediaType.APPLICATION_JSON_VALUE)
    CaseVoids.Voided voidCase(@PathVariable String caseNo, @RequestBody VoidRequest request) {
        return voids.voidCase(caseNo, request.reason(), identityService.getCurrentAuthentication());
    }
}
