package org.shirong.notification;

import java.util.Collection;
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
     * A notice about a document of the work (a 通报) to several groups of {@code organization} at once, in the caller's
     * transaction: one message per person however many of the groups they belong to, a leading group told through its
     * leaders ({@link RecipientResolver#ofNotice}), each group's robot; its link the document's address. Notices of one
     * document to several organisations' groups share {@code iteration}: a person already told (in any of them) is not told
     * again. Returns how many rows were queued.
     */
    public int sendDocumentToGroups(String businessKey, String iteration, String template, Map<String, Object> values,
            String documentPath, Collection<String> groups, String organization) {
        Map<String, Object> all = new HashMap<>(values);
        all.put(NotificationModel.LINK, model.absolute(documentPath));
        return systemAccess.run(() -> notifications.send(new Notification(businessKey, template, iteration, all,
                recipients.ofNotice(groups), organization)));
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
