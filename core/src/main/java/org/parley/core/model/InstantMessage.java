package org.parley.core.model;

import java.time.Instant;

/**
 * An instant message as sent or received.
 *
 * @param id          local id (history row) or null before it is stored
 * @param from        sender's AOR
 * @param to          recipient's AOR (1:1) or the session URI (multiparty)
 * @param session     the multiparty session URI, or null for 1:1
 * @param contentType text/plain or text/html (rich text)
 * @param text        the body
 * @param sentAt      when it was sent (for stored messages, the original time)
 * @param delivery    how it was delivered (receiving side) or what became of it (sending side)
 * @param subject     the SIP {@code Subject} it was sent with, or null
 * @param highPriority sent with {@code Priority: urgent}
 */
public record InstantMessage(String id, String from, String to, String session, String contentType, String text,
                             Instant sentAt, Delivery delivery, String subject, boolean highPriority) {

    /** This message with another delivery status. */
    public InstantMessage withDelivery(Delivery d) {
        return new InstantMessage(id, from, to, session, contentType, text, sentAt, d, subject, highPriority);
    }

    /** This message with its local (history) id. */
    public InstantMessage withId(String newId) {
        return new InstantMessage(newId, from, to, session, contentType, text, sentAt, delivery, subject, highPriority);
    }

    public enum Delivery {
        /** Sending, no answer yet. */
        PENDING,
        /** Received by at least one of the recipient's devices (200). */
        DELIVERED,
        /** Recipient offline or not to be disturbed: the server keeps it for them (202). */
        STORED,
        /** Refused (blocked, unknown user, too large...). */
        FAILED,
        /** Received live. */
        RECEIVED,
        /** Received from the server's store, after the fact (offline while sent). */
        RECEIVED_OFFLINE,
        /** Received from the store, sent while the user was in Do Not Disturb (no alert was raised). */
        MISSED
    }
}
