package org.shirong.notification;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.util.Date;
import java.util.Optional;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * One e-mail with its SMTP connection already open and greeted (logged in where the server asks): what
 * {@link JavaMailSenderImpl#send} does, in two steps, so that only MAIL FROM, RCPT TO and DATA happen after the outbox
 * row is marked 发送中 ({@link NotificationDelivery}). A server that cannot be connected or does not greet fails with
 * {@link MailServerUnreachable}, in Chinese and naming the server.
 */
final class SmtpHandover implements ExternalChannel.Handover {

    private final Transport transport;
    private final MimeMessage mime;

    private SmtpHandover(Transport transport, MimeMessage mime) {
        this.transport = transport;
        this.mime = mime;
    }

    static SmtpHandover connect(JavaMailSenderImpl sender, MimeMessage mime) {
        Transport transport = null;
        try {
            // as JavaMailSenderImpl: a Message-ID set before saveChanges() is kept
            String messageId = mime.getMessageID();
            if (mime.getSentDate() == null) {
                mime.setSentDate(new Date());
            }
            mime.saveChanges();
            if (messageId != null) {
                mime.setHeader("Message-ID", messageId);
            }
            transport = sender.getSession().getTransport(protocol(sender));
            transport.connect(sender.getHost(), sender.getPort(), blankAsNull(sender.getUsername()), blankAsNull(sender.getPassword()));
            return new SmtpHandover(transport, mime);
        } catch (AuthenticationFailedException e) {
            close(transport);
            throw new MailAuthenticationException(e);
        } catch (MessagingException e) {
            close(transport);
            throw MailServerUnreachable.connecting(sender.getHost() + ":" + port(sender), e);
        }
    }

    @Override
    public Optional<String> transmit() {
        try {
            transport.sendMessage(mime, mime.getAllRecipients());
            return Optional.empty();
        } catch (MessagingException e) {
            throw new MailSendException("邮件发送失败：" + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        close(transport);
    }

    private static void close(Transport transport) {
        if (transport == null) {
            return;
        }
        try {
            transport.close();
        } catch (MessagingException alreadyGone) {
            // the message was handed over or refused already; a failed QUIT changes neither
        }
    }

    private static int port(JavaMailSenderImpl sender) {
        return sender.getPort() > 0 ? sender.getPort() : 25;
    }

    private static String protocol(JavaMailSenderImpl sender) {
        if (sender.getProtocol() != null) {
            return sender.getProtocol();
        }
        String configured = sender.getSession().getProperty("mail.transport.protocol");
        return configured == null ? JavaMailSenderImpl.DEFAULT_PROTOCOL : configured;
    }

    private static String blankAsNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }
}
