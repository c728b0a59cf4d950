package org.shirong.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * E-mail through Spring Mail to the address the user has in Camunda's identity service (seeded from
 * {@code organization.yaml}); subject and body in UTF-8. Off without an SMTP host ({@code sender} null).
 * Every message of one outbox row carries the same Message-ID, made of the row's id, its creation time
 * (so that a database started afresh does not repeat ids) and the recipient, at the sender's domain.
 * A server that accepts the connection and never greets held a job-executor thread for the whole timeout on every
 * message, so that timers waited behind the mail backlog (relreview-s58 L9): after such a timeout the channel rests for
 * {@value #REST_TIMEOUTS} timeouts, as {@link WebhookChannel} does, and its messages fail at once without connecting.
 */
class EmailChannel implements ExternalChannel {

    /** How many timeouts a mail server that did not connect or greet in time is left alone (as {@link WebhookChannel}). */
    static final int REST_TIMEOUTS = WebhookChannel.REST_TIMEOUTS;

    private final JavaMailSender sender;
    private final String from;
    private final IdentityService identityService;
    /** Until when (engine clock) a mail server that did not answer in time is left alone; null when it is not resting. */
    private volatile Instant restingUntil;

    EmailChannel(JavaMailSender sender, String from, IdentityService identityService) {
        this.sender = sender;
        this.from = from;
        this.identityService = identityService;
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public List<String> targets(Recipients recipients) {
        if (sender == null) {
            return List.of();
        }
        return ExternalChannel.distinct(recipients.users().stream().filter(user -> address(user) != null).toList());
    }

    @Override
    public Optional<String> send(OutboxMessage message) {
        try (Handover handover = prepare(message)) {
            return handover.transmit();
        }
    }

    /** The message composed and, with Spring's SMTP sender, the server connected and greeted, before anything is sent. */
    @Override
    public Handover prepare(OutboxMessage message) {
        String to = sender == null ? null : address(message.recipient());
        if (to == null) {
            String reason = sender == null ? "邮件通道未开启" : "用户 " + message.recipient() + " 没有邮箱地址";
            return () -> Optional.of(reason);
        }
        MimeMessage mime = compose(message, to);
        if (sender instanceof JavaMailSenderImpl smtp) {
            return connect(smtp, mime);
        }
        return () -> {
            sender.send(mime);
            return Optional.empty();
        };
    }

    /**
     * The server connected and greeted, unless it is resting: one that did not connect or greet within its timeout is
     * not tried for {@value #REST_TIMEOUTS} timeouts, its messages failing at once onto their retry cycle.
     */
    private Handover connect(JavaMailSenderImpl smtp, MimeMessage mime) {
        String server = smtp.getHost() + ":" + (smtp.getPort() > 0 ? smtp.getPort() : 25);
        Instant until = restingUntil;
        Instant now = ClockUtil.getCurrentTime().toInstant();
        if (until != null && now.isBefore(until)) {
            throw MailServerUnreachable.resting(server, Math.max(1, Duration.between(now, until).toSeconds()));
        }
        try {
            Handover handover = SmtpHandover.connect(smtp, mime);
            restingUntil = null;
            return handover;
        } catch (MailServerUnreachable e) {
            if (e.timedOut()) {
                restingUntil = ClockUtil.getCurrentTime().toInstant().plus(timeout(smtp).multipliedBy(REST_TIMEOUTS));
            }
            throw e;
        }
    }

    /** The longer of the connection and read timeouts the server is given ({@code spring.mail.properties}); 10 s if unset. */
    private static Duration timeout(JavaMailSenderImpl smtp) {
        long millis = 0;
        for (String key : new String[] {"mail.smtp.connectiontimeout", "mail.smtp.timeout"}) {
            try {
                millis = Math.max(millis, Long.parseLong(smtp.getJavaMailProperties().getProperty(key, "0").strip()));
            } catch (NumberFormatException unreadable) {
                // javamail ignores it too
            }
        }
        return Duration.ofMillis(millis > 0 ? millis : 10_000);
    }

    private MimeMessage compose(OutboxMessage message, String to) {
        MimeMessage mime = sender.createMimeMessage();
        try {
            MimeMessageHelper helper = new MimeMessageHelper(mime, false, StandardCharsets.UTF_8.name());
            helper.setFrom(from);
            helper.setTo(to);
            helper.setSubject(message.subject());
            helper.setText(message.body(), false);
            // kept through the send (JavaMailSenderImpl and SmtpHandover both keep a Message-ID set before it)
            mime.setHeader("Message-ID", messageId(message));
            return mime;
        } catch (MessagingException e) {
            throw new MailPreparationException("邮件无法生成：" + e.getMessage(), e);
        }
    }

    String messageId(OutboxMessage message) {
        int at = from.lastIndexOf('@');
        String domain = at < 0 ? "localhost" : from.substring(at + 1).replaceAll("[^A-Za-z0-9.-]", "");
        return "<shirong." + message.id() + "." + message.createdAt().toEpochMilli() + "." + message.recipient()
                + "@" + (domain.isEmpty() ? "localhost" : domain) + ">";
    }

    private String address(String userId) {
        User user = identityService.createUserQuery().userId(userId).singleResult();
        return user == null || user.getEmail() == null || user.getEmail().isBlank() ? null : user.getEmail();
    }
}
