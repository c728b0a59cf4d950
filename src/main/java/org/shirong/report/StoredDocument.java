package org.shirong.report;

import java.time.Instant;

/** A document a campaign issued; {@link #url()} serves its HTML to whoever may read the campaign's organisation. */
public record StoredDocument(String id, String campaignCode, String docKey, DocumentKind kind, String title,
        Instant createdAt, String processInstanceId) {

    public static final String URL_PREFIX = "/api/documents/";

    public String url() {
        return URL_PREFIX + id;
    }
}
