package org.parley.core.client.sip;

import java.util.concurrent.CompletableFuture;
import org.parley.core.client.CallForwarding;
import org.parley.core.contacts.ForwardingCodec;
import org.parley.core.contacts.ServiceCodec;

/** Reads and stores the user's call-forwarding rules on the server (SERVICE {@code forwarding.get/set}). */
final class ForwardingClient {
    private final Engine engine;
    private final ServiceClient service;

    ForwardingClient(Engine engine, ServiceClient service) {
        this.engine = engine;
        this.service = service;
    }

    CompletableFuture<CallForwarding> get() {
        return engine.call(() -> service.call(ServiceCodec.request(ForwardingCodec.GET)).thenApply(ForwardingCodec::fromJson));
    }

    /** Completes once the server stored the rules (it checks them again: unknown users, forwarding to oneself). */
    CompletableFuture<Void> set(CallForwarding rules) {
        if (rules == null) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("forwarding rules are required"));
        }
        return engine.call(() -> service.call(ForwardingCodec.setRequest(rules)).thenApply(o -> null));
    }
}
