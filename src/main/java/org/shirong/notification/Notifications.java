package org.shirong.notification;

import org.shirong.system.ProcessDefinitions;
import java.util.List;
import java.util.OptionalInt;
import org.camunda.bpm.engine.RuntimeService;
import org.shirong.notification.OutboxMessage.OutboxStatus;
import org.shirong.system.SystemAccess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Queues a notification in the caller's (the engine's) transaction: renders its template once and
 * writes one outbox row per recipient and channel. Inbox rows are delivered at once, all of one notification's however many
 * recipients in one statement with their outbox rows on PostgreSQL (in a second statement on H2); every new e-mail
 * and webhook row gets a {@code NotificationDeliveryProcess} instance whose job delivers it. A row
 * that exists already (same key) is left alone, so a repeated call queues nothing new.
 */
@Service
public class Notifications {

    private final ProcessDefinitions definitions;

    private static final Logger LOG = LoggerFactory.getLogger(Notifications.class);

    private final NotificationTemplates templates;
    private final NotificationOutbox outbox;
    private final InboxRecords inbox;
    private final List<ExternalChannel> channels;
    private final boolean inboxEnabled;
    private final RuntimeService runtimeService;
    private final SystemAccess systemAccess;

    Notifications(ProcessDefinitions definitions, NotificationTemplates templates, NotificationOutbox outbox, InboxRecords inbox,
            List<ExternalChannel> channels, NotificationProperties properties, RuntimeService runtimeService,
            SystemAccess systemAccess) {
        this.definitions = definitions;
        this.templates = templates;
        this.outbox = outbox;
        this.inbox = inbox;
        this.channels = List.copyOf(channels);
        this.inboxEnabled = properties.inbox().enabled();
        this.runtimeService = runtimeService;
        this.systemAccess = systemAccess;
    }

    /** Returns how many new rows were queued (0 when the notification had been queued before). */
    public int send(Notification n) {
        Rendered text = templates.render(n.template(), n.model());
        int queued = 0;
        if (inboxEnabled) {
            List<String> users = n.recipients().users().stream().sorted().toList();
            OptionalInt withInbox = outbox.insertDeliveredWithInboxIfAbsent(n, users, text);
            int delivered = withInbox.orElseGet(() -> outbox.insertDeliveredIfAbsent(n, users, text));
            if (withInbox.isEmpty() && delivered > 0) {
                inbox.deliverQueued(n);
            }
            queued += delivered;
        }
        for (ExternalChannel channel : channels) {
            for (String target : channel.targets(n.recipients())) {
                var id = outbox.insertIfAbsent(n, target, channel.channel(), text, OutboxStatus.PENDING);
                id.ifPresent(outboxId -> startDelivery(n.organization(), outboxId));
                queued += id.isPresent() ? 1 : 0;
            }
        }
        // debug, not info: every row is in notification_outbox already, and a line per notification cost about 4 % of the
        // job threads' CPU when thousands of deadlines fall due at once (W3)
        LOG.debug("通知 {}（{}，轮次 {}）新写入发件箱 {} 条", n.template(), n.businessKey(), n.iteration(), queued);
        return queued;
    }

    private void startDelivery(String organization, long outboxId) {
        systemAccess.run(() -> runtimeService.createProcessInstanceById(definitions.latestId(NotificationDeliveryProcess.KEY, organization))
                .businessKey(Long.toString(outboxId)).execute());
    }
}
