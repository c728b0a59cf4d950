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
 * Delivers one e-mail or webhook outbox row at most once however often, and on however many nodes,
 * its job runs. Short transactions of its own (not the job's, so that a later failure of the job
 * cannot undo them): the first locks the row and finds whether it is still to be sent; then the channel
 * prepares everything that can take time or fail before the message leaves (for e-mail the server is
 * connected and greeted, {@link ExternalChannel#prepare}); the second marks the row SENDING, if it is
 * still pending, and commits just before the hand-over; the last records DELIVERED (or SKIPPED), or,
 * when the send failed for sure, puts the row back to PENDING with the error and rethrows, so the job
 * retries on its cycle and ends in an incident. A run that finds the row SENDING knows an earlier
 * attempt was never confirmed (its node died while handing the message over or before the commit):
 * it does not send again but records 发送结果未确认 (UNCONFIRMED) with one WARN line. Each message
 * therefore reaches its recipient at most once; in that one window, the hand-over itself, it may not
 * reach them at all. A node that dies while connecting leaves the row pending: it is sent later.
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
        OutboxMessage message = ownTransaction.execute(status -> toSend(outboxId));
        if (message == null) {
            return;
        }
        try (ExternalChannel.Handover handover = prepare(message)) {
            if (!Boolean.TRUE.equals(ownTransaction.execute(status -> outbox.startSending(outboxId)))) {
                LOG.info("通知 {} 正由另一次投递发送，本次不再发送", outboxId);
                return;
            }
            Optional<String> skipped;
            try {
                skipped = handover.transmit();
            } catch (RuntimeException e) {
                throw failed(outboxId, e);
            }
            ownTransaction.executeWithoutResult(status -> outbox.finish(outboxId,
                    skipped.isPresent() ? OutboxStatus.SKIPPED : OutboxStatus.DELIVERED, skipped.orElse(null)));
            LOG.info("通知 {} 经 {} 发给 {}：{}", outboxId, message.channel(), message.recipient(), skipped.orElse("已发送"));
        }
    }

    private ExternalChannel.Handover prepare(OutboxMessage message) {
        try {
            return channels.get(message.channel()).prepare(message);
        } catch (RuntimeException e) {
            throw failed(message.id(), e);
        }
    }

    /** Records a send that failed for sure (the row pending again, for the job's next try) and gives the failure back. */
    private RuntimeException failed(long outboxId, RuntimeException e) {
        ownTransaction.executeWithoutResult(status -> outbox.recordFailure(outboxId, abbreviate(e.getMessage())));
        LOG.warn("通知 {} 发送失败，将按重试间隔再试：{}", outboxId, e.getMessage());
        return e;
    }

    /** The row, if it is still to be sent; null when there is nothing to send (done, or an attempt was never confirmed). */
    private OutboxMessage toSend(long outboxId) {
        OutboxMessage message = outbox.lock(outboxId)
                .orElseThrow(() -> new IllegalStateException("发件箱中没有通知 " + outboxId));
        switch (message.status()) {
            case PENDING -> {
                return message;
            }
            case SENDING -> {
                outbox.finish(outboxId, OutboxStatus.UNCONFIRMED, "发送结果未确认：" + message.sendStartedAt()
                        + " 开始的发送没有得到确认，为避免重复不再发送");
                LOG.warn("通知 {}（{}，{}）发送结果未确认：{} 开始的发送没有完成记录（节点可能在发送中途停止），"
                        + "为避免重复不再发送，请向 {} 核实是否收到", outboxId, message.channel(), message.subject(),
                        message.sendStartedAt(), message.recipient());
                return null;
            }
            default -> {
                LOG.info("通知 {} 已是 {}，不再发送", outboxId, message.status());
                return null;
            }
        }
    }

    private static String abbreviate(String message) {
        String text = message == null ? "未知错误" : message;
        return text.length() > 2000 ? text.substring(0, 2000) : text;
    }
}
