package org.shirong.notification;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 发送通知 (Task_DeliverNotification of NotificationDeliveryProcess): delivers the outbox row whose id is the business key. */
@Component
class DeliverNotificationDelegate implements JavaDelegate {

    private final NotificationDelivery delivery;

    DeliverNotificationDelegate(NotificationDelivery delivery) {
        this.delivery = delivery;
    }

    @Override
    public void execute(DelegateExecution execution) {
        delivery.deliver(Long.parseLong(execution.getProcessBusinessKey()));
    }
}
