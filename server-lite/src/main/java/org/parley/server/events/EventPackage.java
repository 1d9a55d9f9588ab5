package org.parley.server.events;

import javax.sip.address.SipURI;
import javax.sip.message.Request;

/**
 * An event package the server is the notifier for (RFC 6665): presence, presence.winfo, parley-contacts.
 * The {@link SubscriptionManager} does the dialog work (200 with Expires, NOTIFYs in order, refresh, expiry,
 * termination); the package says who may subscribe to what and what each NOTIFY carries.
 */
public interface EventPackage {
    /** The Event header value, e.g. "presence". */
    String name();

    /**
     * The resource an initial SUBSCRIBE addresses, as a key (e.g. "bob" or "alice~contacts"), or null when this
     * package has no such resource (the manager answers 404).
     */
    String resourceKey(SipURI requestUri);

    /**
     * Whether {@code subscriber} (an authenticated local user name) may subscribe: null to accept, otherwise the
     * refusal (e.g. 403; 421 with Require: eventlist for a list without Supported: eventlist; 415/406 for Accept).
     */
    Refusal admit(String subscriber, String resourceKey, Request subscribe);

    /**
     * The body of the next NOTIFY for this subscription: {@code full} for the first one after a SUBSCRIBE (initial
     * or refresh), false after {@link SubscriptionManager#changed}. Called on the subscription's own thread;
     * returning null sends a NOTIFY without body.
     */
    Body body(Subscription subscription, boolean full);

    /** A new subscription became active (not called for refreshes). */
    default void onSubscribed(Subscription subscription) {
    }

    /** The subscription ended (unsubscribe, expiry, failed NOTIFY, server shutdown). */
    default void onTerminated(Subscription subscription) {
    }

    /** Why a SUBSCRIBE is refused; {@code headers} are extra "Name: value" lines for the response (e.g. Require). */
    record Refusal(int status, String reason, java.util.List<String> headers) {
        public static Refusal of(int status, String reason) {
            return new Refusal(status, reason, java.util.List.of());
        }
    }

    /** A NOTIFY body: {@code contentType} is the full header value (with parameters such as boundary). */
    record Body(String contentType, byte[] content) {
        public static Body utf8(String contentType, String text) {
            return new Body(contentType, text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
    }
}
