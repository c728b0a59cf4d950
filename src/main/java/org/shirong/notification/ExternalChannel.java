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

    static List<String> distinct(Collection<String> targets) {
        return targets.stream().distinct().sorted().toList();
    }
}
