package org.shirong.notification;

/** The ways a notification reaches people. */
enum Channel {
    /** 站内信: a row in {@code notification_inbox}, delivered in the same transaction as the outbox row. */
    INBOX,
    /** 邮件 to the user's address in Camunda's identity service. */
    EMAIL,
    /** 群机器人: a text message posted to a WeCom/DingTalk-style robot URL. */
    WEBHOOK
}
