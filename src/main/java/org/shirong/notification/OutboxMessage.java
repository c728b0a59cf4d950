package org.shirong.notification;

import java.time.Instant;

/** One row of {@code notification_outbox}: what to send to whom over which channel, and how it went. */
record OutboxMessage(long id, String businessKey, String templateId, String iteration, String recipient,
        Channel channel, String subject, String body, String link, OutboxStatus status, Instant createdAt,
        Instant finishedAt, int attempts, String lastError, Instant sendStartedAt) {

    enum OutboxStatus {
        /** Waiting for its delivery job. */
        PENDING,
        /** Handed to the mail server or robot at {@code sendStartedAt}; the answer has not been recorded yet. */
        SENDING,
        DELIVERED,
        /**
         * 发送结果未确认: an attempt was made but never confirmed (the node died while sending), so the
         * message may or may not have arrived; it is not sent again, to send at most once.
         */
        UNCONFIRMED,
        /** Nothing to send any more (channel switched off, no address); the reason is in {@code lastError}. */
        SKIPPED
    }

    /** Subject line and body (which carries the link) as one plain text, for channels without a subject line. */
    String fullText() {
        return subject + "\n" + body;
    }
}
