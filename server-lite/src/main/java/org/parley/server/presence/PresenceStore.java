package org.parley.server.presence;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.parley.core.model.PresenceInfo;
import org.parley.core.model.PresenceState;
import org.parley.core.presence.PidfCodec;
import org.parley.server.policy.PresenceStates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The event state compositor (RFC 3903) for presence: each local user's publications, one per device, keyed by
 * entity tag, with their expiry; and the aggregate of each user's publications. Listeners hear of every change of a
 * user's aggregate ({@link ChangeListener}) and of its state ({@link PresenceStates.Listener}), after the change and
 * outside any lock. In memory: a restart forgets publications (clients republish on refresh failure, 412).
 */
public final class PresenceStore implements PresenceStates {
    private static final Logger LOG = LoggerFactory.getLogger(PresenceStore.class);

    /** Hears that a user's aggregate presence (anything watchers may see) changed. */
    public interface ChangeListener {
        void onPresenceChanged(String user);
    }

    private record Entry(String etag, PidfCodec.Decoded doc, long order, long expiresAtMillis) {
    }

    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Map<String, Entry>> byUser = new HashMap<>();
    private final Map<String, PresenceInfo> aggregates = new HashMap<>();
    private final List<ChangeListener> changeListeners = new CopyOnWriteArrayList<>();
    private final List<PresenceStates.Listener> stateListeners = new CopyOnWriteArrayList<>();
    private long order;

    public PresenceStore(Clock clock) {
        this.clock = clock;
    }

    public void addChangeListener(ChangeListener l) {
        changeListeners.add(l);
    }

    @Override
    public void addListener(PresenceStates.Listener l) {
        stateListeners.add(l);
    }

    /**
     * Stores a new publication and returns its entity tag. A device publishing afresh replaces its own earlier
     * publication (same device id), e.g. after a restart.
     */
    public String publish(String user, PidfCodec.Decoded doc, int expiresSeconds) {
        Objects.requireNonNull(doc);
        Change c;
        String etag = newEtag();
        synchronized (this) {
            Map<String, Entry> entries = byUser.computeIfAbsent(user, u -> new HashMap<>());
            if (doc.deviceId() != null) {
                entries.values().removeIf(e -> doc.deviceId().equals(e.doc().deviceId()));
            }
            entries.put(etag, new Entry(etag, doc, ++order, expiry(expiresSeconds)));
            c = recompute(user);
        }
        fire(user, c);
        return etag;
    }

    /**
     * Refreshes (doc null) or modifies a publication; returns its new entity tag, or empty when {@code etag} is
     * unknown (expired or never issued: 412).
     */
    public Optional<String> update(String user, String etag, PidfCodec.Decoded doc, int expiresSeconds) {
        Change c;
        String fresh = newEtag();
        synchronized (this) {
            Map<String, Entry> entries = byUser.get(user);
            Entry old = entries == null ? null : entries.remove(etag);
            if (old == null) {
                return Optional.empty();
            }
            entries.put(fresh, new Entry(fresh, doc == null ? old.doc() : doc, doc == null ? old.order() : ++order,
                    expiry(expiresSeconds)));
            c = recompute(user);
        }
        fire(user, c);
        return Optional.of(fresh);
    }

    /** Removes a publication (PUBLISH with Expires 0); false when the entity tag is unknown. */
    public boolean remove(String user, String etag) {
        Change c;
        synchronized (this) {
            Map<String, Entry> entries = byUser.get(user);
            if (entries == null || entries.remove(etag) == null) {
                return false;
            }
            c = recompute(user);
        }
        fire(user, c);
        return true;
    }

    /**
     * Drops all of a user's publications: their last registered device is gone (unregistered or expired), so they
     * are Offline now rather than when the publications would have expired.
     */
    public void signedOff(String user) {
        Change c;
        synchronized (this) {
            if (byUser.remove(user) == null) {
                return;
            }
            c = recompute(user);
        }
        LOG.debug("{} has no registered device left: presence cleared", user);
        fire(user, c);
    }

    /** Drops publications whose time is up; called by the server's timer. */
    public void sweep() {
        long now = clock.millis();
        Map<String, Change> changes = new HashMap<>();
        synchronized (this) {
            for (Map.Entry<String, Map<String, Entry>> u : new ArrayList<>(byUser.entrySet())) {
                boolean removed = false;
                for (Iterator<Entry> it = u.getValue().values().iterator(); it.hasNext(); ) {
                    if (it.next().expiresAtMillis() <= now) {
                        it.remove();
                        removed = true;
                    }
                }
                if (removed) {
                    LOG.debug("publication of {} expired", u.getKey());
                    changes.put(u.getKey(), recompute(u.getKey()));
                }
            }
        }
        changes.forEach(this::fire);
    }

    /** The user's aggregate presence, unfiltered (filter with {@code Visibility} before it leaves). */
    public synchronized PresenceInfo presenceOf(String user) {
        return aggregates.getOrDefault(user, PresenceInfo.OFFLINE);
    }

    @Override
    public PresenceState stateOf(String user) {
        return presenceOf(user).state();
    }

    /** Number of live publications of a user. */
    public synchronized int publications(String user) {
        Map<String, Entry> entries = byUser.get(user);
        return entries == null ? 0 : entries.size();
    }

    private record Change(PresenceInfo before, PresenceInfo after) {
    }

    private Change recompute(String user) {
        Map<String, Entry> entries = byUser.get(user);
        List<PresenceAggregator.Input> inputs = new ArrayList<>();
        if (entries != null) {
            for (Entry e : entries.values()) {
                inputs.add(new PresenceAggregator.Input(e.doc().presence(), e.doc().manual(), e.doc().deviceKind(), e.order()));
            }
            if (entries.isEmpty()) {
                byUser.remove(user);
            }
        }
        PresenceInfo after = PresenceAggregator.aggregate(inputs);
        PresenceInfo before = aggregates.getOrDefault(user, PresenceInfo.OFFLINE);
        if (inputs.isEmpty()) {
            aggregates.remove(user);
        } else {
            aggregates.put(user, after);
        }
        return new Change(before, after);
    }

    private void fire(String user, Change c) {
        if (c.before().equals(c.after())) {
            return;
        }
        for (ChangeListener l : changeListeners) {
            try {
                l.onPresenceChanged(user);
            } catch (RuntimeException e) {
                LOG.warn("presence listener failed for {}: {}", user, e.toString(), e);
            }
        }
        if (c.before().state() != c.after().state()) {
            for (PresenceStates.Listener l : stateListeners) {
                try {
                    l.onStateChanged(user, c.before().state(), c.after().state());
                } catch (RuntimeException e) {
                    LOG.warn("presence state listener failed for {}: {}", user, e.toString(), e);
                }
            }
        }
    }

    private long expiry(int seconds) {
        return clock.millis() + seconds * 1000L;
    }

    private String newEtag() {
        byte[] b = new byte[9];
        random.nextBytes(b);
        return "e" + HexFormat.of().formatHex(b);
    }
}
