package org.shirong.notification;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.shirong.system.SystemAccess;
import org.springframework.stereotype.Service;

/**
 * A notification that a listener of a process queues as a send task would ({@link SendNotificationDelegate}): the same
 * model ({@link NotificationModel}: the case, its 整改期限 and the Tasklist link, plus {@code parameters}) and recipients
 * ({@link RecipientResolver}), in the caller's (the engine's) transaction, once per {@code iteration}. For a step the
 * diagram records in a listener already (an extension or 挂账 requested or decided), so that telling of it adds no
 * element, no job and no transaction boundary. The recipients are read on Shirong's behalf: a unit's clerk who asks for an
 * extension may not list the members of the group that decides it.
 */
@Service
public class ProcessNotices {

    private final RecipientResolver recipients;
    private final NotificationModel model;
    private final Notifications notifications;
    private final SystemAccess systemAccess;

    ProcessNotices(RecipientResolver recipients, NotificationModel model, Notifications notifications, SystemAccess systemAccess) {
        this.recipients = recipients;
        this.model = model;
        this.notifications = notifications;
        this.systemAccess = systemAccess;
    }

    /** Queues {@code template} to {@code recipientSpec} (as a send task's {@code recipients}: {@code group:…}, {@code role:leadUnit}, …). */
    public void send(DelegateExecution execution, String template, String recipientSpec, String iteration,
            Map<String, Object> parameters) {
        systemAccess.run(() -> notifications.send(new Notification(SendNotificationDelegate.businessKey(execution), template,
                iteration, model.of(execution, parameters), recipients.resolve(recipientSpec, execution), execution.getTenantId())));
    }
}
