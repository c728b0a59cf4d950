package org.shirong.system;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.event.EventType;
import org.camunda.bpm.engine.impl.persistence.entity.EventSubscriptionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.EventSubscriptionManager;
import org.springframework.stereotype.Component;

/**
 * The engine's event subscription manager, except that deleting a message subscription does not look for its
 * asynchronous event jobs. Camunda looks (a select by handler type and configuration) for every subscription it deletes,
 * because a signal or compensation event may have been received asynchronously and its job not yet run; a message is
 * always received synchronously (message correlation and {@code messageEventReceived} deliver it in the caller's
 * command), so a message subscription never has such a job. Issue 13: two selects a case in W1, when the handling
 * subprocess (Message_CaseSupervised) and the cooperation's task (Message_CaseClosed) end. Signal, compensation and
 * conditional subscriptions are deleted as in Camunda.
 */
@Component
class MessageSubscriptionsPlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        EngineSessions.provide(configuration, EventSubscriptionManager.class, () -> new MessageSubscriptions());
    }

    /** Camunda's {@link EventSubscriptionManager}, deleting a message subscription without the job look-up. */
    static class MessageSubscriptions extends EventSubscriptionManager {

        @Override
        public void deleteEventSubscription(EventSubscriptionEntity subscription) {
            if (EventType.MESSAGE.name().equals(subscription.getEventType())) {
                getDbEntityManager().delete(subscription);
                return;
            }
            super.deleteEventSubscription(subscription);
        }
    }
}
