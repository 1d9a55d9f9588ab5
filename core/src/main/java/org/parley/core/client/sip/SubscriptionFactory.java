package org.parley.core.client.sip;

import java.util.Map;

/** Creates subscriptions that share the user agent, the NOTIFY router and the reconnection of the client. */
interface SubscriptionFactory {
    SipSubscription create(String target, String event, Map<String, String> headers, SipSubscription.NotifyHandler handler);

    /** Forgets a subscription that ended for good (no resumption after reconnection). */
    void discard(SipSubscription subscription);
}
