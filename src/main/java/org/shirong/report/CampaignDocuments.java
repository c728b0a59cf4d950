package org.shirong.report;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Arrays;
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
 * storing it again returns the document stored first and changes nothing, so a retried job adds nothing. A document of
 * no campaign (a 临时会议's notice and minutes) is its organisation's, its key unique within the organisation.
 */
@Repository
public class CampaignDocuments {

    private static final String COLUMNS = "id, campaign_code, doc_key, kind, title, created_at, process_instance_id, organization";

    private final JdbcTemplate jdbc;

    CampaignDocuments(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the document unless the campaign has one under the key already; either way returns the stored one. */
    public StoredDocument store(String campaignCode, String docKey, DocumentKind kind, String title, String html,
            String processInstanceId) {
        return store(campaignCode, List.of(), docKey, kind, title, html, processInstanceId);
    }

    /**
     * As {@link #store(String, String, DocumentKind, String, String, String)}; the members of {@code readerGroups} may read
     * it too, whether they may read the campaign or not (the units a 临时会议 of the campaign calls).
     */
    public StoredDocument store(String campaignCode, List<String> readerGroups, String docKey, DocumentKind kind, String title,
            String html, String processInstanceId) {
        Optional<StoredDocument> existing = find(campaignCode, docKey);
        if (existing.isPresent()) {
            return existing.get();
        }
        try {
            jdbc.update("insert into campaign_document (" + COLUMNS + ", reader_groups, html) values (?,?,?,?,?,?,?,?,?,?)",
                    UUID.randomUUID().toString(), campaignCode, docKey, kind.name(), title,
                    Timestamp.from(ClockUtil.getCurrentTime().toInstant()), processInstanceId, null,
                    readerGroups.isEmpty() ? null : String.join(",", readerGroups), html);
        } catch (DuplicateKeyException storedAtTheSameTime) {
            // Another node stored it first: that one counts.
        }
        return find(campaignCode, docKey).orElseThrow();
    }

    /**
     * Stores a document of no campaign for the organisation, as {@link #store} does for a campaign's; the members of
     * {@code readerGroups} may read it too, whether they may read the organisation or not.
     */
    public StoredDocument storeForOrganization(String organization, List<String> readerGroups, String docKey, DocumentKind kind,
            String title, String html, String processInstanceId) {
        Optional<StoredDocument> existing = findForOrganization(organization, docKey);
        if (existing.isPresent()) {
            return existing.get();
        }
        try {
            jdbc.update("insert into campaign_document (" + COLUMNS + ", reader_groups, html) values (?,?,?,?,?,?,?,?,?,?)",
                    UUID.randomUUID().toString(), null, docKey, kind.name(), title,
                    Timestamp.from(ClockUtil.getCurrentTime().toInstant()), processInstanceId, organization,
                    String.join(",", readerGroups), html);
        } catch (DuplicateKeyException storedAtTheSameTime) {
            // Another node stored it first: that one counts.
        }
        return findForOrganization(organization, docKey).orElseThrow();
    }

    public Optional<StoredDocument> findForOrganization(String organization, String docKey) {
        return jdbc.query("select " + COLUMNS + " from campaign_document where campaign_code is null and organization = ?"
                + " and doc_key = ?", CampaignDocuments::map, organization, docKey).stream().findFirst();
    }

    /** The organisation's documents of no campaign, newest first. */
    public List<StoredDocument> listForOrganization(String organization) {
        return jdbc.query("select " + COLUMNS + " from campaign_document where campaign_code is null and organization = ?"
                + " order by created_at desc, doc_key desc", CampaignDocuments::map, organization);
    }

    public Optional<StoredDocument> find(String campaignCode, String docKey) {
        return jdbc.query("select " + COLUMNS + " from campaign_document where campaign_code = ? and doc_key = ?",
                CampaignDocuments::map, campaignCode, docKey).stream().findFirst();
    }

    public Optional<StoredDocument> get(String id) {
        return jdbc.query("select " + COLUMNS + " from campaign_document where id = ?", CampaignDocuments::map, id)
                .stream().findFirst();
    }

    /** The groups besides its organisation's readers that may read an organisation's document. */
    public List<String> readerGroups(String id) {
        return jdbc.queryForList("select reader_groups from campaign_document where id = ?", String.class, id).stream()
                .filter(groups -> groups != null && !groups.isBlank()).flatMap(groups -> Arrays.stream(groups.split(","))).toList();
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
                rs.getString("process_instance_id"), rs.getString("organization"));
    }
}
