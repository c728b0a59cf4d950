/**
 * Notifications (通知) that are never lost and never sent twice: the send tasks of the processes
 * ({@code camunda:delegateExpression="${sendNotificationDelegate}"}) render a Chinese FreeMarker
 * template ({@code templates/notifications/}) and write one outbox row per recipient and channel in
 * the engine's transaction, under a unique key (business key, template, iteration, recipient,
 * channel). In-app inbox rows are delivered at once; each e-mail and webhook row is delivered by its
 * own {@code NotificationDeliveryProcess} job, which retries on {@code shirong.notification.retry-cycle},
 * then shows an incident in Cockpit. The delivery marks the row SENDING in a committed transaction of
 * its own before the message leaves and DELIVERED right after, so that a repeated job never sends it
 * again, and a job that finds an attempt never confirmed (the node died mid-send) records
 * 发送结果未确认 instead of sending twice; every e-mail of a row has the same Message-ID. Owns {@code notification_outbox},
 * {@code notification_inbox} and {@code /api/notifications}.
 */
package org.shirong.notification;
