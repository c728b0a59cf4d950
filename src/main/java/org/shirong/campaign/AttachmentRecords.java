package org.shirong.campaign;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.shirong.system.FileNames;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The table of V25: the files handed in with campaign tasks. */
@Repository
class AttachmentRecords {

    /** A stored file, without its content. */
    record Attachment(long id, String campaignCode, long taskId, String kind, String fileName, String mimeType, int sizeBytes,
            String uploadedBy, Instant uploadedAt) {
    }

    private final JdbcTemplate jdbc;

    AttachmentRecords(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insert(String campaignCode, long taskId, AttachmentKind kind, String fileName, String mimeType, byte[] content,
            String user, Instant at) {
        jdbc.update("insert into campaign_task_attachment (campaign_code, task_id, kind, file_name, mime_type, size_bytes, content,"
                + " uploaded_by, uploaded_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)", campaignCode, taskId, kind.id(), fileName,
                mimeType, content.length, content, user, Timestamp.from(at));
    }

    /** The campaign's files, by task and in the order they were handed in. */
    List<Attachment> ofCampaign(String campaignCode) {
        return jdbc.query("select id, campaign_code, task_id, kind, file_name, mime_type, size_bytes, uploaded_by, uploaded_at"
                + " from campaign_task_attachment where campaign_code = ? order by task_id, id", (rs, n) -> new Attachment(
                rs.getLong("id"), rs.getString("campaign_code"), rs.getLong("task_id"), rs.getString("kind"),
                // older rows keep the uploader's extension: served under the type's own
                FileNames.typed(rs.getString("file_name"), rs.getString("mime_type")), rs.getString("mime_type"),
                rs.getInt("size_bytes"), rs.getString("uploaded_by"),
                rs.getTimestamp("uploaded_at").toInstant()), campaignCode);
    }

    Optional<byte[]> content(String campaignCode, long id) {
        return jdbc.query("select content from campaign_task_attachment where campaign_code = ? and id = ?",
                (rs, n) -> rs.getBytes(1), campaignCode, id).stream().findFirst();
    }
}
