package org.parley.core.client.sip;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.parley.core.client.TelephonyService;
import org.parley.core.client.TelephonyService.Call;
import org.parley.core.client.TelephonyService.State;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings people into a conference room the way the contract says the server cannot: one of this client's calls by a
 * blind transfer (REFER) to the room (a ringing one is answered first); a user or number by calling it (subject
 * "Conference") and transferring it in once connected. One participant after the other (placing a call holds the
 * others, the voice leg too); afterwards the voice leg is resumed if it was left on hold.
 */
final class Participants {
    private static final Logger LOG = LoggerFactory.getLogger(Participants.class);

    private final TelephonyService telephony;
    private final CallWaiter waiter;

    Participants(TelephonyService telephony, CallWaiter waiter) {
        this.telephony = telephony;
        this.waiter = waiter;
    }

    CallWaiter waiter() {
        return waiter;
    }

    /**
     * Adds every participant in turn (a failure does not stop the others), then resumes the voice leg; fails with the
     * first failure once all were tried.
     */
    CompletableFuture<Void> addAll(String roomUri, String legCallId, List<String> people) {
        AtomicReference<Throwable> first = new AtomicReference<>();
        CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
        for (String p : people) {
            chain = chain.thenCompose(v -> addOne(roomUri, p.strip()).handle((ok, e) -> {
                if (e != null) {
                    LOG.info("could not bring {} into {}: {}", p, roomUri, Engine.unwrap(e).getMessage());
                    first.compareAndSet(null, Engine.unwrap(e));
                }
                return null;
            }));
        }
        return chain.thenCompose(v -> resumeLeg(legCallId)).thenCompose(v -> first.get() == null
                ? CompletableFuture.completedFuture(null) : CompletableFuture.failedFuture(first.get()));
    }

    private CompletableFuture<Void> addOne(String roomUri, String participant) {
        Call existing = find(participant);
        if (existing == null) {
            Call placed = telephony.call(participant, SipConferencingService.LEG);
            return waiter.connected(placed.id()).thenCompose(c -> telephony.transfer(c.id(), roomUri));
        }
        if (existing.state() == State.INCOMING) {
            return telephony.answer(existing.id())
                    .thenCompose(v -> waiter.connected(existing.id()))
                    .thenCompose(c -> telephony.transfer(c.id(), roomUri));
        }
        return telephony.transfer(existing.id(), roomUri);
    }

    /** Takes the voice leg off hold (adding someone by calling them held it). */
    private CompletableFuture<Void> resumeLeg(String legCallId) {
        Call leg = find(legCallId);
        if (leg == null || leg.state() != State.HELD) {
            return CompletableFuture.completedFuture(null);
        }
        return telephony.resume(legCallId).exceptionally(e -> {
            LOG.info("could not resume conference leg {}: {}", legCallId, Engine.unwrap(e).getMessage());
            return null;
        });
    }

    private Call find(String callId) {
        for (Call c : telephony.calls()) {
            if (c.id().equals(callId)) {
                return c;
            }
        }
        return null;
    }
}
