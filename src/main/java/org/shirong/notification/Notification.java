package org.shirong.notification;

import java.util.Map;

/**
 * One notification to send: the process's business key, the template id (a file of
 * {@code templates/notifications/}), the iteration that tells a legitimate repeat from a repeated
 * write (e.g. the due date the warning was for), the template's model and the recipients. The
 * model's {@code link} is stored as the message's link. Model values must not be null (leave a
 * value out instead; templates mark optional values with {@code !}). {@code organization} is the tenant whose
 * process sends it: its delivery runs there too.
 */
public record Notification(String businessKey, String template, String iteration, Map<String, Object> model,
        Recipients recipients, String organization) {

    public Notification {
        model = Map.copyOf(model);
    }

    String link() {
        Object link = model.get(NotificationModel.LINK);
        return link == null ? null : link.toString();
    }
}
