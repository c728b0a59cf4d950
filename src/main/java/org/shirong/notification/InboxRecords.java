package org.shirong.notification;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** {@code notification_inbox}: each user's in-app messages. */
@Repository
class InboxRecords {

    /** One message as the API shows it. */
    record InboxMessage(long id, String template, String businessKey, String subject, String body, String link,
            Instant createdAt, Instant readAt) {
    }

    private final JdbcTemplate jdbc;

    InboxRecords(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Delivers the notification's queued inbox-channel outbox rows that have no message yet (those its send just queued:
     * inbox messages are never deleted) as messages, copied in one statement.
     */
    void deliverQueued(Notification n) {
        jdbc.update("insert into notification_inbox (outbox_id, recipient_id, template_id, business_key, subject, body, link,"
                + " created_at) select o.id, o.recipient, o.template_id, o.business_key, o.subject, o.body, o.link, o.created_at"
                + " from notification_outbox o where o.business_key = ? and o.template_id = ? and o.iteration = ?"
                + " and o.channel = ? and not exists (select 1 from notification_inbox i where i.outbox_id = o.id)",
                n.businessKey(), n.template(), n.iteration(), Channel.INBOX.name());
    }

    List<InboxMessage> list(String userId, boolean unreadOnly, int limit) {
        return jdbc.query("select id, template_id, business_key, subject, body, link, created_at, read_at"
                        + " from notification_inbox where recipient_id = ?" + (unreadOnly ? " and read_at is null" : "")
                        + " order by created_at desc, id desc limit ?",
                (rs, n) -> new InboxMessage(rs.getLong("id"), rs.getString("template_id"), rs.getString("business_key"),
                        rs.getString("subject"), rs.getString("body"), rs.getString("link"),
                        rs.getTimestamp("created_at").toInstant(),
                        rs.getTimestamp("read_at") == null ? null : rs.getTimestamp("read_at").toInstant()),
                userId, limit);
    }

    int unread(String userId) {
        Integer count = jdbc.queryForObject("select count(*) from notification_inbox where recipient_id = ? and read_at is null",
                Integer.class, userId);
        return count == null ? 0 : count;
    }

    /** Marks all the user's unread messages read; how many there were. */
    int markAllRead(String userId) {
        return jdbc.update("update notification_inbox set read_at = ? where recipient_id = ? and read_at is null",
                Timestamp.from(NotificationOutbox.now()), userId);
    }

    /** Marks the user's own message read (keeping the first time); false when the user has no such message. */
    boolean markRead(long id, String userId) {
        return jdbc.update("update notification_inbox set read_at = coalesce(read_at, ?) where id = ? and recipient_id = ?",
                Timestamp.from(NotificationOutbox.now()), id, userId) == 1;
    }
}
