package org.shirong.notification;

import java.io.InterruptedIOException;
import org.shirong.system.ExpectedFailure;

/**
 * The mail server could not be connected or did not greet in time (or the channel is resting after it did not,
 * {@link EmailChannel}): expected during an outage, told in one WARN line by {@link NotificationDelivery}, retried on the
 * cycle into an incident whose text is this message.
 */
final class MailServerUnreachable extends ExpectedFailure {

    private final boolean timedOut;

    private MailServerUnreachable(String message, Throwable cause, boolean timedOut) {
        super(message, cause);
        this.timedOut = timedOut;
    }

    /** The connection to {@code server} (host:port) that failed with {@code cause}. */
    static MailServerUnreachable connecting(String server, Throwable cause) {
        boolean timedOut = timedOut(cause);
        String reason = timedOut ? "连接或等待服务器应答超时" : innermost(cause);
        return new MailServerUnreachable("邮件服务器连接失败：" + server + "（" + reason + "）", cause, timedOut);
    }

    /** The channel resting after a timeout: nothing was tried. */
    static MailServerUnreachable resting(String server, long seconds) {
        return new MailServerUnreachable("邮件服务器连接失败：" + server + " 刚才没有应答，" + seconds
                + " 秒内不再连接", null, false);
    }

    /** Whether the server took too long to connect or to greet: one that hangs, holding a job thread each time. */
    boolean timedOut() {
        return timedOut;
    }

    private static boolean timedOut(Throwable cause) {
        Throwable t = cause;
        for (int depth = 0; t != null && depth < 20; depth++, t = t.getCause()) {
            if (t instanceof InterruptedIOException) {
                return true;
            }
        }
        return false;
    }

    private static String innermost(Throwable cause) {
        Throwable t = cause;
        for (int depth = 0; t.getCause() != null && t.getCause() != t && depth < 20; depth++) {
            t = t.getCause();
        }
        String message = t.getMessage() == null || t.getMessage().isBlank() ? t.getClass().getSimpleName() : t.getMessage();
        return message.length() > 200 ? message.substring(0, 200) : message;
    }
}
