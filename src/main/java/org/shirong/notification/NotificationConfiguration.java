package org.shirong.notification;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.IdentityService;
import org.shirong.system.ProcessExpressionBean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * The external channels, each on only when enabled and configured, and the retry cycle that
 * {@code NotificationDeliveryProcess} reads as {@code ${notificationRetryCycle}}.
 */
@Configuration(proxyBeanMethods = false)
class NotificationConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(NotificationConfiguration.class);

    @Bean
    @ProcessExpressionBean
    String notificationRetryCycle(NotificationProperties properties) {
        return properties.retryCycle();
    }

    @Bean
    EmailChannel emailChannel(NotificationProperties properties, ObjectProvider<JavaMailSender> mailSender,
            @Value("${spring.mail.host:}") String smtpHost, IdentityService identityService) {
        boolean on = properties.email().enabled() && !smtpHost.isBlank();
        LOG.info("邮件通知：{}", on ? "经 " + smtpHost + " 发送" : "未开启（未设置 SMTP 服务器 SHIRONG_SMTP_HOST 或已关闭）");
        return new EmailChannel(on ? mailSender.getIfAvailable() : null, properties.email().from(), identityService);
    }

    @Bean
    WebhookChannel webhookChannel(NotificationProperties properties, ObjectMapper objectMapper) {
        WebhookChannel channel = new WebhookChannel(properties.webhook(), objectMapper);
        LOG.info("群机器人通知：{}", channel.active() ? "已开启" : "未开启（未配置群机器人地址或已关闭）");
        return channel;
    }
}
