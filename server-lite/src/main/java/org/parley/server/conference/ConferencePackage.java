package org.parley.server.conference;

import java.util.concurrent.atomic.AtomicLong;
import javax.sip.address.SipURI;
import javax.sip.message.Request;
import org.parley.server.events.EventPackage;
import org.parley.server.events.Subscription;

/**
 * The conference event package (RFC 4575): SUBSCRIBE {@code Event: conference} to a room's URI; every NOTIFY carries
 * the full state with a version counting up per subscription. Local users may subscribe (the subscription manager
 * admits only authenticated local users); a room that does not exist is 404.
 */
final class ConferencePackage implements EventPackage {
    static final String EVENT = "conference";
    private static final String VERSION = "conference-info-version";

    private final ConferenceFocus focus;

    ConferencePackage(ConferenceFocus focus) {
        this.focus = focus;
    }

    @Override
    public String name() {
        return EVENT;
    }

    @Override
    public String resourceKey(SipURI requestUri) {
        String id = focus.roomIdOf(requestUri);
        return id != null && focus.room(id) != null ? id : null;
    }

    @Override
    public Refusal admit(String subscriber, String resourceKey, Request subscribe) {
        return null;
    }

    @Override
    public Body body(Subscription subscription, boolean full) {
        long version = ((AtomicLong) subscription.attributes().computeIfAbsent(VERSION, k -> new AtomicLong()))
                .incrementAndGet();
        Room room = focus.roomOrEnded(subscription.resourceKey());
        return Body.utf8(ConferenceInfo.CONTENT_TYPE, ConferenceInfo.of(room, version));
    }
}
