package org.parley.server.im;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.parley.core.model.PresenceState;
import org.parley.server.policy.PresenceStates;
import org.parley.server.registrar.Binding;
import org.parley.server.registrar.BindingTable;
import org.parley.server.registrar.RegistrationListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the messages kept for a user (docs/protocol.md): when one of their devices registers, when they leave Do
 * Not Disturb (the {@code missed} ones are held while they are in it), after a live message reached them, and
 * every few minutes for registered users (the first time shortly after start). Oldest
 * first, one at a time: the next goes out only after a device answered 2xx to the previous, whose row is then
 * deleted; the first failure ends the run until the next trigger. At most one run per user at any time, so a row
 * is never in flight twice.
 */
public final class StoredDelivery implements RegistrationListener, PresenceStates.Listener {
    private static final Logger LOG = LoggerFactory.getLogger(StoredDelivery.class);

    /** Lets the REGISTER's 200 reach the device before the first stored MESSAGE does. */
    static final Duration SETTLE = Duration.ofMillis(300);

    private final ImStore store;
    private final BindingTable bindings;
    private final PresenceStates presence;
    private final ContactFanout fanout;
    private final MessageRequests requests;
    private final ScheduledExecutorService executor;
    /** Users with a run in progress; the value says another trigger came during the run. */
    private final ConcurrentMap<String, Boolean> runs = new ConcurrentHashMap<>();

    StoredDelivery(ImStore store, BindingTable bindings, PresenceStates presence, ContactFanout fanout,
                   MessageRequests requests, ScheduledExecutorService executor) {
        this.store = store;
        this.bindings = bindings;
        this.presence = presence;
        this.fanout = fanout;
        this.requests = requests;
        this.executor = executor;
    }

    @Override
    public void onRegistered(String aor, Binding binding) {
        trigger(aor, SETTLE);
    }

    @Override
    public void onStateChanged(String user, PresenceState before, PresenceState after) {
        if (before == PresenceState.DO_NOT_DISTURB && after != PresenceState.DO_NOT_DISTURB) {
            trigger(user, Duration.ZERO);
        }
    }

    /**
     * Tries again for every user something is kept for (devices that stayed registered across a restart, or that
     * failed once and only refresh their registration since).
     */
    void retryAll() {
        for (String user : store.recipients()) {
            if (!bindings.lookup(user).isEmpty()) {
                trigger(user, Duration.ZERO);
            }
        }
    }

    /** Starts a delivery run for the user after {@code delay}, or marks the running one to look again when it ends. */
    public void trigger(String user, Duration delay) {
        boolean[] start = new boolean[1];
        runs.compute(user, (u, again) -> {
            if (again == null) {
                start[0] = true;
                return Boolean.FALSE;
            }
            return Boolean.TRUE;
        });
        if (start[0]) {
            try {
                executor.schedule(() -> next(user), delay.toMillis(), TimeUnit.MILLISECONDS);
            } catch (RuntimeException e) {
                runs.remove(user);
                LOG.debug("cannot schedule delivery for {}: {}", user, e.getMessage());
            }
        }
    }

    private void next(String user) {
        try {
            boolean includeMissed = presence.stateOf(user) != PresenceState.DO_NOT_DISTURB;
            Optional<StoredMessage> next = store.oldest(user, includeMissed);
            if (next.isEmpty()) {
                end(user);
                return;
            }
            List<Binding> contacts = bindings.lookup(user);
            if (contacts.isEmpty()) {
                end(user);
                return;
            }
            StoredMessage m = next.get();
            Envelope e = new Envelope(user, m.senderAor(), m.senderName(), m.senderAor(), m.contentType(), m.body(),
                    m.sentAt(), false, m.subject(), m.urgent());
            fanout.send(contacts, contact -> requests.build(contact, e, m.kind()), delivered -> attempted(user, m, delivered));
        } catch (RuntimeException e) {
            LOG.warn("delivering stored messages to {} failed: {}", user, e.toString());
            runs.remove(user);
        }
    }

    private void attempted(String user, StoredMessage m, boolean delivered) {
        try {
            if (delivered) {
                store.delete(m.seq());
                LOG.debug("delivered stored message {} to {}", m.seq(), user);
                next(user);
            } else {
                LOG.debug("stored message {} for {} not accepted; next attempt at the next trigger", m.seq(), user);
                end(user);
            }
        } catch (RuntimeException e) {
            LOG.warn("delivering stored messages to {} failed: {}", user, e.toString());
            runs.remove(user);
        }
    }

    /** Ends a run; when a trigger came during it, looks once more (new devices may accept what old ones did not). */
    private void end(String user) {
        boolean[] again = new boolean[1];
        runs.computeIfPresent(user, (u, triggered) -> {
            if (triggered) {
                again[0] = true;
                return Boolean.FALSE;
            }
            return null;
        });
        if (again[0]) {
            executor.execute(() -> next(user));
        }
    }
}
