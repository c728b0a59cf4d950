package org.shirong.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * E-mail through Spring Mail to the address the user has in Camunda's identity service (seeded from
 * {@code organization.yaml}); subject and body in UTF-8. Off without an SMTP host ({@code sender} null).
 * Every message of one outbox row carries the same Message-ID, made of the row's id, its creation time
 * (so that a database started afresh does not repeat ids) and the recipient, at the sender's domain.
 */
class EmailChannel implements ExternalChannel {

    private final JavaMailSender sender;
    private final String from;
    private final IdentityService identityService;

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
            return SmtpHandover.connect(smtp, mime);
        }
        return () -> {
            sender.send(mime);
            return Optional.empty();
        };
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
