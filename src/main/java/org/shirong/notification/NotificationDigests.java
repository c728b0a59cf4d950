package org.shirong.notification;

import java.util.HashMap;
import java.util.Map;
import org.shirong.system.SystemAccess;
import org.springframework.stereotype.Service;

/**
 * One notification for many cases (issue 13, W2): a town unit that an import of 10,000 rows dispatches 600 cases to gets
 * one message, 本次导入向贵单位派发 600 件, instead of 600. Whoever starts the processes sets the transient variable
 * {@link #VAR_HELD_FOR_DIGEST} to the template their send task would use; the send task of that template then queues
 * nothing, and the starter queues the digest with {@link #sendToGroup} in its own transaction (the outbox row commits
 * with the cases it tells of: nothing lost, and, keyed by the business key, never queued twice).
 */
@Service
public class NotificationDigests {

    /**
     * Process variable, transient where the send task runs in the starter's transaction: the template whose send task is
     * held back for a digest.
     */
    public static final String VAR_HELD_FOR_DIGEST = "notificationHeldForDigest";

    private final Notifications notifications;
    private final RecipientResolver recipients;
    private final NotificationModel model;
    private final SystemAccess systemAccess;

    NotificationDigests(Notifications notifications, RecipientResolver recipients, NotificationModel model,
            SystemAccess systemAccess) {
        this.systemAccess = systemAccess;
        this.notifications = notifications;
        this.recipients = recipients;
        this.model = model;
    }

    /**
     * Queues the template to the members of {@code group} (and its robot) in the caller's transaction, with {@code values}
     * plus the group ({@code leadUnit}, {@code leadUnitName}) and the Tasklist link; returns how many rows were queued
     * (0 when {@code businessKey} had it queued before).
     */
    public int sendToGroup(String businessKey, String template, Map<String, Object> values, String group, String organization) {
        return send(businessKey, "1", template, values, model.link(null), group, organization);
    }

    /**
     * As {@link #sendToGroup(String, String, Map, String, String)}, about the work of {@code businessKey} (its link opens
     * the reader's task of it), once per {@code iteration}: a user in two groups gets each group's message when the
     * iterations name the groups.
     */
    public int sendToGroup(String businessKey, String iteration, String template, Map<String, Object> values, String group,
            String organization) {
        return send(businessKey, iteration, template, values, model.link(businessKey), group, organization);
    }

    /**
     * As {@link #sendToGroup(String, String, String, Map, String, String)}, about a document of the work (a 通报): its link
     * is the document's address ({@code /api/documents/…}), made absolute.
     */
    public int sendDocumentToGroup(String businessKey, String iteration, String template, Map<String, Object> values,
            String documentPath, String group, String organization) {
        return send(businessKey, iteration, template, values, model.absolute(documentPath), group, organization);
    }

    private int send(String businessKey, String iteration, String template, Map<String, Object> values, String link, String group,
            String organization) {
        Map<String, Object> all = new HashMap<>(values);
        all.put("leadUnit", group);
        all.put("leadUnitName", model.groupName(group));
        all.put(NotificationModel.LINK, link);
        // on Shirong's behalf: the group's members are read whoever finished the work (a user may not list them)
        return systemAccess.run(() -> notifications.send(new Notification(businessKey, template, iteration, all,
                recipients.ofGroup(group), organization)));
    }
}
