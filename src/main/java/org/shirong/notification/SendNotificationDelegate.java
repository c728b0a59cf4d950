package org.shirong.notification;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.shirong.rectification.RectificationProcess;
import org.springframework.stereotype.Component;

/**
 * Every notification send task ({@code bpmn:sendTask}, asyncBefore), set by its input parameters
 * {@code template} (of {@code templates/notifications/}), {@code recipients} ({@link RecipientResolver})
 * and {@code iteration}, which tells a legitimate repeat from a repeated write (a date counts as its ISO
 * instant; without it, the case's due date {@code dueAt}). Other inputs go into the template's model.
 */
@Component
class SendNotificationDelegate implements JavaDelegate {

    static final String TEMPLATE = "template";
    static final String RECIPIENTS = "recipients";
    static final String ITERATION = "iteration";

    private final RecipientResolver recipients;
    private final NotificationModel model;
    private final Notifications notifications;

    SendNotificationDelegate(RecipientResolver recipients, NotificationModel model, Notifications notifications) {
        this.recipients = recipients;
        this.model = model;
        this.notifications = notifications;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object template = execution.getVariableLocal(TEMPLATE);
        if (template == null) {
            throw new IllegalStateException("发送任务 " + execution.getCurrentActivityId() + " 缺少输入参数 template");
        }
        if (template.toString().equals(execution.getVariable(NotificationDigests.VAR_HELD_FOR_DIGEST))) {
            return; // whoever started the process tells the recipients in one digest (NotificationDigests)
        }
        notifications.send(new Notification(execution.getProcessBusinessKey(), template.toString(), iteration(execution),
                model.of(execution), recipients.resolve((String) execution.getVariableLocal(RECIPIENTS), execution),
                execution.getTenantId()));
    }

    private static String iteration(DelegateExecution execution) {
        Object value = execution.hasVariableLocal(ITERATION) ? execution.getVariableLocal(ITERATION)
                : execution.getVariable(RectificationProcess.VAR_DUE_AT);
        if (value instanceof Date date) {
            return date.toInstant().toString();
        }
        return value == null ? "1" : value.toString();
    }
}
