package org.shirong.rectification;

import org.camunda.bpm.engine.impl.identity.Authentication;
import org.shirong.system.NotFoundException;
import org.springframework.stereotype.Component;

/** A case for an action on it: read only if the caller may read it; otherwise 404, as if there were none. */
@Component
class ReadableCases {

    private final CaseRecords records;
    private final CaseVisibility visibility;

    ReadableCases(CaseRecords records, CaseVisibility visibility) {
        this.records = records;
        this.visibility = visibility;
    }

    CaseRecord get(String caseNo, Authentication caller) {
        CaseRecord c = records.find(caseNo).orElse(null);
        if (c == null || !visibility.mayRead(caller, c)) {
            throw new NotFoundException("CASE_NOT_FOUND", "案件不存在：" + caseNo);
        }
        return c;
    }
}
