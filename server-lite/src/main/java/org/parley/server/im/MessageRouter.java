package org.parley.server.im;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.parley.core.model.AccessLevel;
import org.parley.core.model.PresenceState;
import org.parley.core.model.Visibility;
import org.parley.server.policy.AccessPolicy;
import org.parley.server.policy.PresenceStates;
import org.parley.server.registrar.Binding;
import org.parley.server.registrar.BindingTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happens to one message for one local user (docs/protocol.md, "Instant messages"): refused when the recipient
 * blocked the sender; stored as missed during Do Not Disturb unless the sender is Team or more; otherwise sent to
 * every registered device, and stored when none accepts it. Is-composing indications are relayed or refused, never
 * stored.
 */
final class MessageRouter {
    private static final Logger LOG = LoggerFactory.getLogger(MessageRouter.class);

    enum Outcome {
        /** A device answered 2xx (200 to the sender). */
        DELIVERED,
        /** Kept in the store, committed (202). */
        STORED,
        /** Blocked sender, or is-composing nobody can take (480). */
        REFUSED,
        /** The store failed (500). */
        ERROR
    }

    private final ImStore store;
    private final BindingTable bindings;
    private final AccessPolicy access;
    private final PresenceStates presence;
    private final ContactFanout fanout;
    private final MessageRequests requests;
    private final StoredDelivery stored;

    MessageRouter(ImStore store, BindingTable bindings, AccessPolicy access, PresenceStates presence,
                  ContactFanout fanout, MessageRequests requests, StoredDelivery stored) {
        this.store = store;
        this.bindings = bindings;
        this.access = access;
        this.presence = presence;
        this.fanout = fanout;
        this.requests = requests;
        this.stored = stored;
    }

    /**
     * Routes the envelope and reports the outcome exactly once, on the calling thread when no device is involved,
     * otherwise on the IM executor. A message stored on the calling thread is committed before {@code done} runs;
     * a store failure there throws.
     */
    void route(Envelope e, Consumer<Outcome> done) {
        AccessLevel level = access.levelFor(e.recipient(), e.policyAor());
        if (level == AccessLevel.BLOCKED) {
            done.accept(Outcome.REFUSED);
            return;
        }
        boolean held = presence.stateOf(e.recipient()) == PresenceState.DO_NOT_DISTURB && !Visibility.mayInterruptDnd(level);
        if (e.composing()) {
            List<Binding> contacts = held ? List.of() : bindings.lookup(e.recipient());
            if (contacts.isEmpty()) {
                done.accept(Outcome.REFUSED);
                return;
            }
            fanout.send(contacts, c -> requests.build(c, e, null),
                    delivered -> done.accept(delivered ? Outcome.DELIVERED : Outcome.REFUSED));
            return;
        }
        if (held) {
            store(e, StoredMessage.Kind.MISSED);
            done.accept(Outcome.STORED);
            return;
        }
        List<Binding> contacts = bindings.lookup(e.recipient());
        if (contacts.isEmpty()) {
            store(e, StoredMessage.Kind.OFFLINE);
            done.accept(Outcome.STORED);
            return;
        }
        AtomicLong storedSeq = new AtomicLong(-1);
        fanout.send(contacts, c -> requests.build(c, e, null), new ContactFanout.Listener() {
            @Override
            public void onOutcome(boolean delivered) {
                if (delivered) {
                    done.accept(Outcome.DELIVERED);
                    // the user is reachable: anything kept for them from an earlier failure can follow
                    stored.trigger(e.recipient(), Duration.ZERO);
                    return;
                }
                try {
                    storedSeq.set(store(e, StoredMessage.Kind.OFFLINE));
                } catch (RuntimeException ex) {
                    LOG.warn("cannot store a message for {}: {}", e.recipient(), ex.toString());
                    done.accept(Outcome.ERROR);
                    return;
                }
                done.accept(Outcome.STORED);
            }

            @Override
            public void onLateSuccess() {
                long seq = storedSeq.get();
                if (seq >= 0 && store.delete(seq)) {
                    LOG.debug("a device of {} accepted message {} after the deadline; stored copy dropped", e.recipient(), seq);
                }
            }
        });
    }

    private long store(Envelope e, StoredMessage.Kind kind) {
        return store.store(e.recipient(), e.fromAor(), e.fromName(), e.contentType(), e.body(), e.sentAt(), kind,
                e.subject(), e.urgent());
    }
}
