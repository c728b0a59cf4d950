package org.shirong.notification;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.shirong.notification.OutboxMessage.OutboxStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers one e-mail or webhook outbox row, exactly once however often its job runs: in a
 * transaction of its own (not the job's), it locks the row, skips it when it is no longer pending,
 * sends it, and marks it delivered; that commits right after the send, so a later failure of the job
 * cannot undo it and a repeated or concurrent run (which waits for the lock) finds it done. A failed
 * send is counted on the row and rethrown, so the job retries on its cycle and ends in an incident.
 * The one window left is a crash between the server accepting the message and that commit.
 */
@Service
class NotificationDelivery {

    private static final Logger LOG = LoggerFactory.getLogger(NotificationDelivery.class);

    private final NotificationOutbox outbox;
    private final Map<Channel, ExternalChannel> channels;
    private final TransactionTemplate ownTransaction;

    NotificationDelivery(NotificationOutbox outbox, List<ExternalChannel> channels, PlatformTransactionManager transactions) {
        this.outbox = outbox;
        this.channels = channels.stream().collect(Collectors.toMap(ExternalChannel::channel, Function.identity()));
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    void deliver(long outboxId) {
        RuntimeException failure = ownTransaction.execute(status -> {
            OutboxMessage message = outbox.lock(outboxId)
                    .orElseThrow(() -> new IllegalStateException("发件箱中没有通知 " + outboxId));
            if (message.status() != OutboxStatus.PENDING) {
                LOG.info("通知 {} 已是 {}，不再发送", outboxId, message.status());
                return null;
            }
            Optional<String> skipped;
            try {
                skipped = channels.get(message.channel()).send(message);
            } catch (RuntimeException e) {
                outbox.recordFailure(outboxId, abbreviate(e.getMessage()));
                return e;
            }
            outbox.finish(outboxId, skipped.isPresent() ? OutboxStatus.SKIPPED : OutboxStatus.DELIVERED, skipped.orElse(null));
            LOG.info("通知 {} 经 {} 发给 {}：{}", outboxId, message.channel(), message.recipient(), skipped.orElse("已发送"));
            return null;
        });
        if (failure != null) {
            LOG.warn("通知 {} 发送失败，将按重试间隔再试：{}", outboxId, failure.getMessage());
            throw failure;
        }
    }

    private static String abbreviate(String message) {
        String text = message == null ? "未知错误" : message;
        return text.length() > 2000 ? text.substring(0, 2000) : text;
    }
}
