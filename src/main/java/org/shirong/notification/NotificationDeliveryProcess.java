package org.shirong.notification;

/**
 * Key and element ids of {@code processes/NotificationDeliveryProcess.bpmn} (发送通知): one instance
 * per e-mail or webhook outbox row, business key = the row's id.
 */
public final class NotificationDeliveryProcess {

    public static final String KEY = "NotificationDeliveryProcess";
    public static final String TASK_DELIVER = "Task_DeliverNotification";
    public static final String END_DELIVERED = "EndEvent_NotificationDelivered";

    private NotificationDeliveryProcess() {
    }
}
