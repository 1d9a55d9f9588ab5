package org.parley.client.conversation;

import java.time.Instant;
import org.parley.core.model.InstantMessage;
import org.parley.core.model.InstantMessage.Delivery;

/** Builds test messages in one place. */
final class Messages {
    private Messages() {
    }

    static InstantMessage received(String from, String text) {
        return new InstantMessage("1", from, "sip:alice@parley.test", null, "text/plain", text,
                Instant.parse("2026-01-01T10:00:00Z"), Delivery.RECEIVED, null, false);
    }

    static InstantMessage inSession(String session, String from, String text) {
        return new InstantMessage("2", from, session, session, "text/plain", text,
                Instant.parse("2026-01-01T10:00:00Z"), Delivery.RECEIVED, null, false);
    }

    static InstantMessage withSubject(InstantMessage m, String subject, boolean highPriority) {
        return new InstantMessage(m.id(), m.from(), m.to(), m.session(), m.contentType(), m.text(), m.sentAt(),
                m.delivery(), subject, highPriority);
    }

    static InstantMessage delivered(InstantMessage m, Delivery d) {
        return m.withDelivery(d);
    }
}
