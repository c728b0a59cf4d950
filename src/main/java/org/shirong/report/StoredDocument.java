package org.shirong.report;

import java.time.Instant;

/**
 * A document a campaign issued, or (campaign null) an organisation issued outside any campaign ({@code organization}, null
 * for a campaign's); {@link #url()} serves its HTML to whoever may read the campaign's organisation, or that organisation.
 */
public record StoredDocument(String id, String campaignCode, String docKey, DocumentKind kind, String title,
        Instant createdAt, String processInstanceId, String organization) {

    public static final String URL_PREFIX = "/api/documents/";

    public String url() {
        return URL_PREFIX + id;
    }
}
