package org.shirong.notification;

import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.shirong.rectification.RectificationProcess;
import org.springframework.stereotype.Component;

/**
 * Every notification send task ({@code bpmn:sendTask}), set by its parameters ({@link SendTaskParametersPlugin}:
 * extension properties; input parameters in definitions deployed before) {@code template} (of
 * {@code templates/notifications/}), {@code recipients} ({@link RecipientResolver}) and {@code iteration}, which tells
 * a legitimate repeat from a repeated write (a date counts as its ISO instant; without it, the process's
 * {@link ProcessNotices#VAR_NOTICE_ROUND}, else the case's due date {@code dueAt}). Other parameters go into the template's
 * model.
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
        Map<String, Object> parameters = SendTaskParameters.of(execution);
        Object template = parameters.get(TEMPLATE);
        if (template == null) {
            throw new IllegalStateException("发送任务 " + execution.getCurrentActivityId() + " 缺少参数 template");
        }
        if (template.toString().equals(execution.getVariable(NotificationDigests.VAR_HELD_FOR_DIGEST))) {
            return; // whoever started the process tells the recipients in one digest (NotificationDigests)
        }
        Object to = parameters.get(RECIPIENTS);
        notifications.send(new Notification(businessKey(execution), template.toString(),
                iteration(parameters, execution), model.of(execution, parameters),
                recipients.resolve(to == null ? null : to.toString(), execution), execution.getTenantId()));
    }

    /** The process's business key; the process instance's id for a process started without one (a 工作交办 from Tasklist). */
    static String businessKey(DelegateExecution execution) {
        String key = execution.getProcessBusinessKey();
        return key != null ? key : execution.getProcessInstanceId();
    }

    private static String iteration(Map<String, Object> parameters, DelegateExecution execution) {
        Object round = parameters.containsKey(ITERATION) ? null : execution.getVariable(ProcessNotices.VAR_NOTICE_ROUND);
        Object value = parameters.containsKey(ITERATION) ? parameters.get(ITERATION)
                : round != null ? round : execution.getVariable(RectificationProcess.VAR_DUE_AT);
        if (value instanceof Date date) {
            return date.toInstant().toString();
        }
        return value == null ? "1" : value.toString();
    }
}
