package org.parley.server.im;

import java.text.ParseException;
import java.util.Calendar;
import java.util.TimeZone;
import javax.sip.address.Address;
import javax.sip.address.URI;
import javax.sip.header.ContentTypeHeader;
import javax.sip.message.Request;
import org.parley.server.transport.Outbound;
import org.parley.server.transport.SipFactories;

/** Builds the MESSAGE requests the server sends to a user's devices (live relay, stored delivery, sessions). */
final class MessageRequests {
    static final String STORED_HEADER = "X-Parley-Stored";
    /** RFC 3261 §20.36 / §20.26, relayed as the sender set them (docs/protocol.md, "Instant messages"). */
    static final String SUBJECT_HEADER = "Subject";
    static final String PRIORITY_HEADER = "Priority";
    static final String URGENT = "urgent";

    private final Outbound outbound;
    private final SipFactories factories;
    private final String domain;

    MessageRequests(Outbound outbound) {
        this.outbound = outbound;
        this.factories = outbound.factories();
        this.domain = outbound.domain().domain();
    }

    /**
     * A MESSAGE to one registered contact of {@code e.recipient()}: From the envelope's sender (new tag), To the
     * recipient's AOR, {@code Date} the time the server received it, fresh Call-ID.
     *
     * @param stored the kind to put in {@code X-Parley-Stored}, or null for a live message
     */
    Request build(String contactUri, Envelope e, StoredMessage.Kind stored) {
        try {
            URI target = factories.addresses().createURI(contactUri);
            Address from = factories.addresses().createAddress(factories.addresses().createURI(e.fromAor()));
            if (e.fromName() != null && !e.fromName().isBlank()) {
                from.setDisplayName(e.fromName().replace("\"", "'").replace("\\", ""));
            }
            Address to = factories.addresses().createAddress(factories.addresses().createURI("sip:" + e.recipient() + "@" + domain));
            Request r = outbound.newRequest(Request.MESSAGE, target, from, to);
            Calendar date = Calendar.getInstance(TimeZone.getTimeZone("GMT"));
            date.setTimeInMillis(e.sentAt());
            r.addHeader(factories.headers().createDateHeader(date));
            if (stored != null) {
                r.addHeader(factories.headers().createHeader(STORED_HEADER, stored.wireName()));
            }
            if (e.subject() != null) {
                r.addHeader(factories.headers().createHeader(SUBJECT_HEADER, e.subject()));
            }
            if (e.urgent()) {
                r.addHeader(factories.headers().createHeader(PRIORITY_HEADER, URGENT));
            }
            r.setContent(e.body(), contentType(e.contentType()));
            return r;
        } catch (ParseException ex) {
            throw new IllegalArgumentException("cannot build a MESSAGE for " + e.recipient() + ": " + ex.getMessage(), ex);
        }
    }

    private ContentTypeHeader contentType(String value) throws ParseException {
        return (ContentTypeHeader) factories.headers().createHeader(ContentTypeHeader.NAME, value);
    }
}
