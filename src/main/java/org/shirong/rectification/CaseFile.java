package org.shirong.rectification;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

/**
 * Everything on record about one case, with the names a reader sees, for its dossier (案件台账 PDF): the record, the
 * timeline, the photos with their content, the approvals (延期, 挂账), the cooperating units (协办) and the
 * verifications (核查); people by their names, not their login ids. Read through {@link CaseDossiers}.
 */
public record CaseFile(CaseRecord record, String reportedByName, String statusName, String categoryName, String planItemName,
        String campaignName, String leadUnitName, String responsibleUnitNames, String territoryName, String sourceName,
        List<Step> timeline, List<Photo> photos, List<Approval> approvals, List<Cooperation> cooperations,
        List<Step> verifications) {

    /** One step on the timeline: when, what (Chinese), by whom and what was written. */
    public record Step(Instant at, String kindName, String actor, String detail) {
    }

    /**
     * A photo: {@code kind} BEFORE (整改前) or AFTER (整改后), {@code round} 1 for the first rectification and one more
     * for each rework or reopening; {@code takenAt} the camera's clock (null when the photo carried none), {@code content} its bytes.
     */
    public record Photo(String kind, int round, String fileName, String mimeType, byte[] content, Instant uploadedAt,
            LocalDateTime takenAt, Double latitude, Double longitude) {
    }

    /**
     * An approval asked on the case: {@code kindName} 延期 or 挂账, what was asked (reason, and for 延期 the date asked
     * for), and the decision ({@code resultName} 同意, 不同意 or 待审批) with who decided, when and their comment.
     */
    public record Approval(String kindName, String reason, Instant requestedDue, String requestedBy, Instant requestedAt,
            String resultName, String decidedBy, Instant decidedAt, String comment) {
    }

    /** A cooperating unit (协办): why, when told, by when, what it recorded. */
    public record Cooperation(String unitName, String reasonName, Instant assignedAt, Instant dueAt, String statusName,
            Instant doneAt, String doneBy, String note) {
    }
}
