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

    /**
     * Process variable: which round of the process's notices this instance sends, for a send task without an
     * {@code iteration} of its own, when an instance under the same business key and due date is a legitimate repeat (a 属地
     * town asked again to record its 协办): without it, such a notice is taken for a repeated write and not queued.
     */
    public static final String VAR_NOTICE_ROUND = "noticeRound";

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
        send(execution, template, recipientSpec, iteration, parameters, execution.getTenantId());
    }

    /**
     * As {@link #send(DelegateExecution, String, String, String, Map)}, queued under {@code organization} (its deliveries run
     * there) rather than the execution's: a town's step that tells the district's office (【属地有误】).
     */
    public void send(DelegateExecution execution, String template, String recipientSpec, String iteration,
            Map<String, Object> parameters, String organization) {
        systemAccess.run(() -> notifications.send(new Notification(SendNotificationDelegate.businessKey(execution), template,
                iteration, model.of(execution, parameters), recipients.resolve(recipientSpec, execution), organization)));
    }

    /**
     * A notice to {@code group} (its members and its robot) of a step taken outside any process of theirs, as the district's
     * office correcting a case's 属地 away from a town: {@code values} are the whole model, {@code path} the page of Shirong
     * it links to (made absolute); queued under {@code organization} in the caller's transaction, once per {@code iteration}.
     */
    public void sendToGroup(String businessKey, String template, String iteration, Map<String, Object> values, String path,
            String group, String organization) {
        Map<String, Object> all = new java.util.HashMap<>(values);
        all.put(NotificationModel.LINK, model.absolute(path));
        systemAccess.run(() -> notifications.send(new Notification(businessKey, template, iteration, all,
                recipients.ofGroup(group), organization)));
    }
}
