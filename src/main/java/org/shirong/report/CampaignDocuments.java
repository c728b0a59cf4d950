package org.shirong.report;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The documents campaigns issued ({@code campaign_document}), written in the engine's transaction. A
 * document key names a document within its campaign (e.g. {@code agenda/…}, {@code monthly-report/2026-05}):
 * storing it again returns the document stored first and changes nothing, so a retried job adds nothing.
 */
@Repository
public class CampaignDocuments {

    private static final String COLUMNS = "id, campaign_code, doc_key, kind, title, created_at, process_instance_id";

    private final JdbcTemplate jdbc;

    CampaignDocuments(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the document unless the campaign has one under the key already; either way returns the stored one. */
    public StoredDocument store(String campaignCode, String docKey, DocumentKind kind, String title, String html,
            String processInstanceId) {
        Optional<StoredDocument> existing = find(campaignCode, docKey);
        if (existing.isPresent()) {
            return existing.get();
        }
        try {
            jdbc.update("insert into campaign_document (" + COLUMNS + ", html) values (?,?,?,?,?,?,?,?)",
                    UUID.randomUUID().toString(), campaignCode, docKey, kind.name(), title,
                    Timestamp.from(ClockUtil.getCurrentTime().toInstant()), processInstanceId, html);
        } catch (DuplicateKeyException storedAtTheSameTime) {
            // Another node stored it first: that one counts.
        }
        return find(campaignCode, docKey).orElseThrow();
    }

    public Optional<StoredDocument> find(String campaignCode, String docKey) {
        return jdbc.query("select " + COLUMNS + " from campaign_document where campaign_code = ? and doc_key = ?",
                CampaignDocuments::map, campaignCode, docKey).stream().findFirst();
    }

    public Optional<StoredDocument> get(String id) {
        return jdbc.query("select " + COLUMNS + " from campaign_document where id = ?", CampaignDocuments::map, id)
                .stream().findFirst();
    }

    /** The document's HTML, if there is such a document. */
    public Optional<String> html(String id) {
        return jdbc.queryForList("select html from campaign_document where id = ?", String.class, id).stream().findFirst();
    }

    /** The campaign's documents, newest first. */
    public List<StoredDocument> list(String campaignCode) {
        return jdbc.query("select " + COLUMNS + " from campaign_document where campaign_code = ?"
                + " order by created_at desc, doc_key desc", CampaignDocuments::map, campaignCode);
    }

    private static StoredDocument map(ResultSet rs, int n) throws SQLException {
        return new StoredDocument(rs.getString("id"), rs.getString("campaign_code"), rs.getString("doc_key"),
                DocumentKind.valueOf(rs.getString("kind")), rs.getString("title"), rs.getTimestamp("created_at").toInstant(),
                rs.getString("process_instance_id"));
    }
}
