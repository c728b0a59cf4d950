package org.shirong.notification;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** A channel whose messages leave the database (e-mail, webhook) and so are delivered by a job of their own. */
interface ExternalChannel {

    Channel channel();

    /** The outbox recipients (users or robot targets) this channel sends a notification to; empty when it is off. */
    List<String> targets(Recipients recipients);

    /**
     * Sends one message: empty when it was sent, a reason when there is nothing to send any more (the
     * channel was switched off, the user has no e-mail address). Throws when it should be tried again.
     */
    Optional<String> send(OutboxMessage message);

    /**
     * Everything about sending one message that can take time or fail before it leaves (for e-mail: the address, the
     * message and the connection to the server), so that the delivery marks the row 发送中 for the hand-over alone: a
     * node that dies while connecting leaves the message pending, sent by the next run, not 发送结果未确认. By default
     * the whole send is the hand-over. Throws when it should be tried again (nothing left).
     */
    default Handover prepare(OutboxMessage message) {
        return () -> send(message);
    }

    /** One message ready to go: {@link #transmit} hands it over (as {@link #send} answers); {@link #close} frees the rest. */
    interface Handover extends AutoCloseable {

        Optional<String> transmit();

        @Override
        default void close() {
        }
    }

    static List<String> distinct(Collection<String> targets) {
        return targets.stream().distinct().sorted().toList();
    }
}
