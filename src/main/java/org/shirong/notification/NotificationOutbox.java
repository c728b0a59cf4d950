package org.shirong.notification;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.shirong.notification.OutboxMessage.OutboxStatus;
import org.shirong.system.DatabaseProduct;
import org.springframework.jdbc.core.ArgumentPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * {@code notification_outbox}, through the engine's DataSource. Time is the engine's clock so that
 * process tests can move it.
 */
@Repository
class NotificationOutbox {

    private static final String COLUMNS = "id, business_key, template_id, iteration, recipient, channel, subject, body,"
            + " link, status, created_at, finished_at, attempts, last_error, send_started_at";
    private static final String KEY = "business_key = ? and template_id = ? and iteration = ? and recipient = ? and channel = ?";

    private final JdbcTemplate jdbc;
    private final DatabaseProduct database;

    NotificationOutbox(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.database = new DatabaseProduct(jdbc);
    }

    static Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }

    /**
     * Queues a row unless one with the same key exists; returns the new row's id (the key the insert generated, no
     * second read), or empty when it existed. Two transactions racing on the same key: the unique constraint fails the
     * later one, whose job then retries and finds the row. (The casts let PostgreSQL type the selected timestamps.)
     */
    Optional<Long> insertIfAbsent(Notification n, String recipient, Channel channel, Rendered text, OutboxStatus status) {
        Object[] values = {n.businessKey(), n.template(), n.iteration(), recipient, channel.name(), text.subject(), text.body(),
                n.link(), status.name(), Timestamp.from(now()), status == OutboxStatus.PENDING ? null : Timestamp.from(now()),
                n.businessKey(), n.template(), n.iteration(), recipient, channel.name()};
        KeyHolder generated = new GeneratedKeyHolder();
        int inserted = jdbc.update(connection -> {
            PreparedStatement insert = connection.prepareStatement("insert into notification_outbox (business_key, template_id,"
                    + " iteration, recipient, channel, subject, body, link, status, created_at, finished_at, attempts)"
                    + " select ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as timestamp), cast(? as timestamp), 0 where not exists"
                    + " (select 1 from notification_outbox where " + KEY + ")", new String[] {"id"});
            new ArgumentPreparedStatementSetter(values).setValues(insert);
            return insert;
        }, generated);
        if (inserted == 0) {
            return Optional.empty();
        }
        return Optional.of(generated.getKeyAs(Number.class).longValue());
    }

    /**
     * Queues an inbox-channel row, delivered, for each of {@code users} who has none for this notification yet, all in
     * one statement; returns how many were queued. The same key rule as {@link #insertIfAbsent}: a repeated write
     * queues nothing, and of two transactions racing on one key the unique constraint fails the later one.
     */
    int insertDeliveredIfAbsent(Notification n, List<String> users, Rendered text) {
        if (users.isEmpty()) {
            return 0;
        }
        return jdbc.update(INSERT_DELIVERED_IF_ABSENT.formatted(recipientRows(users)), deliveredValues(n, users, text));
    }

    /**
     * As {@link #insertDeliveredIfAbsent}, and on PostgreSQL in the same statement the inbox row of each row it queues
     * (issue 13, W1: one round trip a notification less, two a report); empty elsewhere (H2 cannot insert what another
     * insert of the statement returns), where the caller delivers them with {@link InboxRecords#deliverQueued}.
     */
    OptionalInt insertDeliveredWithInboxIfAbsent(Notification n, List<String> users, Rendered text) {
        if (!database.isPostgres()) {
            return OptionalInt.empty();
        }
        if (users.isEmpty()) {
            return OptionalInt.of(0);
        }
        Integer queued = jdbc.queryForObject("with queued as (" + INSERT_DELIVERED_IF_ABSENT.formatted(recipientRows(users))
                + " returning id, recipient, template_id, business_key, subject, body, link, created_at),"
                + " delivered as (insert into notification_inbox (outbox_id, recipient_id, template_id, business_key, subject,"
                + " body, link, created_at) select id, recipient, template_id, business_key, subject, body, link, created_at"
                + " from queued) select count(*) from queued", Integer.class, deliveredValues(n, users, text));
        return OptionalInt.of(queued == null ? 0 : queued);
    }

    private static final String INSERT_DELIVERED_IF_ABSENT = "insert into notification_outbox (business_key, template_id,"
            + " iteration, recipient, channel, subject, body, link, status, created_at, finished_at, attempts)"
            + " select ?, ?, ?, r.recipient, ?, ?, ?, ?, ?, cast(? as timestamp), cast(? as timestamp), 0"
            + " from (values %s) r (recipient) where not exists (select 1 from notification_outbox o"
            + " where o.business_key = ? and o.template_id = ? and o.iteration = ? and o.recipient = r.recipient"
            + " and o.channel = ?)";

    private static String recipientRows(List<String> users) {
        return String.join(", ", Collections.nCopies(users.size(), "(cast(? as varchar(64)))"));
    }

    private static Object[] deliveredValues(Notification n, List<String> users, Rendered text) {
        Timestamp now = Timestamp.from(now());
        List<Object> values = new ArrayList<>(Arrays.asList(n.businessKey(), n.template(), n.iteration(), Channel.INBOX.name(),
                text.subject(), text.body(), n.link(), OutboxStatus.DELIVERED.name(), now, now));
        values.addAll(users);
        values.addAll(List.of(n.businessKey(), n.template(), n.iteration(), Channel.INBOX.name()));
        return values.toArray();
    }

    Optional<OutboxMessage> find(long id) {
        return jdbc.query("select " + COLUMNS + " from notification_outbox where id = ?", NotificationOutbox::map, id)
                .stream().findFirst();
    }

    /**
     * Whether a row of the notification is queued under any of the {@code iterations} (for any recipient and channel): a
     * digest that one of many transactions queues, asked before the others read and render it. One index range read.
     */
    boolean anyQueued(String businessKey, String template, Collection<String> iterations) {
        if (iterations.isEmpty()) {
            return false;
        }
        List<Object> args = new ArrayList<>(List.of(businessKey, template));
        args.addAll(iterations);
        return !jdbc.queryForList("select 1 from notification_outbox where business_key = ? and template_id = ? and iteration in ("
                + String.join(", ", Collections.nCopies(iterations.size(), "?")) + ") fetch first 1 rows only",
                Integer.class, args.toArray()).isEmpty();
    }

    /** The row, locked until the current transaction ends, so that two runs of one delivery job cannot both send. */
    Optional<OutboxMessage> lock(long id) {
        return jdbc.query("select " + COLUMNS + " from notification_outbox where id = ? for update", NotificationOutbox::map, id)
                .stream().findFirst();
    }

    /**
     * The row is being handed over now, if it is still pending (false when another run of its delivery took it
     * meanwhile): a later run that still finds it so knows an attempt was made.
     */
    boolean startSending(long id) {
        return jdbc.update("update notification_outbox set status = ?, send_started_at = ? where id = ? and status = ?",
                OutboxStatus.SENDING.name(), Timestamp.from(now()), id, OutboxStatus.PENDING.name()) == 1;
    }

    void finish(long id, OutboxStatus status, String reason) {
        jdbc.update("update notification_outbox set status = ?, finished_at = ?, attempts = attempts + 1, last_error = ?"
                + " where id = ?", status.name(), Timestamp.from(now()), reason, id);
    }

    /** A send that failed for sure (nothing was accepted): the row is pending again, for the next try. */
    void recordFailure(long id, String error) {
        jdbc.update("update notification_outbox set attempts = attempts + 1, last_error = ?,"
                + " status = case when status = ? then ? else status end,"
                + " send_started_at = case when status = ? then null else send_started_at end where id = ?",
                error, OutboxStatus.SENDING.name(), OutboxStatus.PENDING.name(), OutboxStatus.SENDING.name(), id);
    }

    private static OutboxMessage map(ResultSet rs, int row) throws SQLException {
        Timestamp finished = rs.getTimestamp("finished_at");
        Timestamp sendStarted = rs.getTimestamp("send_started_at");
        return new OutboxMessage(rs.getLong("id"), rs.getString("business_key"), rs.getString("template_id"),
                rs.getString("iteration"), rs.getString("recipient"), Channel.valueOf(rs.getString("channel")),
                rs.getString("subject"), rs.getString("body"), rs.getString("link"),
                OutboxStatus.valueOf(rs.getString("status")), rs.getTimestamp("created_at").toInstant(),
                finished == null ? null : finished.toInstant(), rs.getInt("attempts"), rs.getString("last_error"),
                sendStarted == null ? null : sendStarted.toInstant());
    }
}
