package org.parley.client.conversation;

import java.time.Instant;
import org.parley.core.model.InstantMessage;
import org.parley.core.model.InstantMessage.Delivery;

/** Builds test messages in one place. */
final class Messages {
    /** Each message gets its own history id, as the client's store gives them. */
    private static final java.util.concurrent.atomic.AtomicLong IDS = new java.util.concurrent.atomic.AtomicLong();

    private Messages() {
    }

    static InstantMessage received(String from, String text) {
        return new InstantMessage(Long.toString(IDS.incrementAndGet()), from, "sip:alice@parley.test", null, "text/plain", text,
                Instant.parse("2026-01-01T10:00:00Z"), Delivery.RECEIVED, null, false);
    }

    static InstantMessage inSession(String session, String from, String text) {
        return new InstantMessage(Long.toString(IDS.incrementAndGet()), from, session, session, "text/plain", text,
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
