package org.shirong.rectification;

import java.util.Optional;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * A case as a link in a message may name it to someone with no task of it: its number and status, only for a reader who may
 * read the case ({@link CaseVisibility}), so that the inbox can offer the case page instead of a dead end (jtphone-s61 F5).
 */
@Component
public class CaseGlances {

    /** The case's number and its status as people read it (整改中, 已结案). */
    public record Glance(String caseNo, String status) {
    }

    private final CaseRecords records;
    private final CaseVisibility visibility;

    CaseGlances(CaseRecords records, CaseVisibility visibility) {
        this.records = records;
        this.visibility = visibility;
    }

    /** The case numbered {@code caseNo}, if there is one and {@code reader} may read it; else empty, as if there were none. */
    public Optional<Glance> of(String caseNo, Authentication reader) {
        return records.find(caseNo).filter(c -> visibility.mayRead(reader, c)).map(c -> new Glance(c.caseNo(), c.statusName()));
    }
}
