package org.parley.server.events;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One active subscription (a dialog created by SUBSCRIBE). Packages keep their per-subscription state (versions,
 * resources changed since the last NOTIFY) in {@link #attributes()}.
 */
public final class Subscription {
    private final String id;
    private final String event;
    private final String subscriber;
    private final String subscriberAor;
    private final String resourceKey;
    private final Map<String, Object> attributes = new ConcurrentHashMap<>();
    private volatile long expiresAtMillis;

    public Subscription(String id, String event, String subscriber, String subscriberAor, String resourceKey,
                        long expiresAtMillis) {
        this.id = id;
        this.event = event;
        this.subscriber = subscriber;
        this.subscriberAor = subscriberAor;
        this.resourceKey = resourceKey;
        this.expiresAtMillis = expiresAtMillis;
    }

    /** Unique id (Call-ID and tags). */
    public String id() {
        return id;
    }

    public String event() {
        return event;
    }

    /** Authenticated user name of the subscriber. */
    public String subscriber() {
        return subscriber;
    }

    /** Normalized AOR of the subscriber, e.g. sip:bob@parley.local. */
    public String subscriberAor() {
        return subscriberAor;
    }

    public String resourceKey() {
        return resourceKey;
    }

    public Map<String, Object> attributes() {
        return attributes;
    }

    public long expiresAtMillis() {
        return expiresAtMillis;
    }

    void expiresAtMillis(long at) {
        this.expiresAtMillis = at;
    }

    @Override
    public String toString() {
        return event + " " + subscriber + "->" + resourceKey;
    }
}
