package org.parley.server.registrar;

import gov.nist.javax.sip.stack.HopImpl;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import javax.sip.address.Hop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live location service: bindings per address of record, in memory, written behind to the store
 * ({@link #flush()} runs every few hundred milliseconds and at shutdown). Bindings are soft state: a kill may
 * lose the changes of the last flush interval, which clients repair at their next refresh.
 */
public final class BindingTable {
    private static final Logger LOG = LoggerFactory.getLogger(BindingTable.class);

    private final Clock clock;
    private final BindingStore store;
    private final ConcurrentMap<String, Map<String, Binding>> byAor = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Binding> byContact = new ConcurrentHashMap<>();
    private final Map<String, Binding> pendingUpserts = new LinkedHashMap<>();
    private final Map<String, Binding> pendingRemovals = new LinkedHashMap<>();
    private final List<RegistrationListener> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    public BindingTable(Clock clock, BindingStore store) {
        this.clock = clock;
        this.store = store;
    }

    public void addListener(RegistrationListener listener) {
        listeners.add(listener);
    }

    /** Loads the unexpired bindings kept from before a restart. */
    public void load() {
        List<Binding> kept = store.loadUnexpired(clock.millis());
        for (Binding b : kept) {
            byAor.computeIfAbsent(b.aor(), k -> new LinkedHashMap<>()).put(b.contactUri(), b);
            byContact.put(b.contactUri(), b);
        }
        LOG.info("restored {} registrations", kept.size());
    }

    /** The current unexpired bindings of an address of record, highest q first. */
    public List<Binding> lookup(String aor) {
        Map<String, Binding> m = byAor.get(aor);
        if (m == null) {
            return List.of();
        }
        long now = clock.millis();
        List<Binding> out = new ArrayList<>();
        synchronized (m) {
            for (Binding b : m.values()) {
                if (b.expiresAt() > now) {
                    out.add(b);
                }
            }
        }
        out.sort(Comparator.comparingDouble(Binding::q).reversed());
        return out;
    }

    /** Where requests for a registered contact URI go: the address its registration came from. */
    public Optional<Hop> hopForContact(String contactUri) {
        Binding b = byContact.get(contactUri);
        if (b == null || b.expiresAt() <= clock.millis()) {
            return Optional.empty();
        }
        return Optional.of(new HopImpl(b.sourceHost(), b.sourcePort(), b.transport()));
    }

    /**
     * Applies one REGISTER's changes atomically for the AOR. Returns false (and changes nothing) when a binding
     * with the same Call-ID has a higher CSeq (an out-of-order request, RFC 3261 §10.3 step 7).
     */
    public boolean update(String aor, List<Binding> upserts, List<String> removedContacts, boolean removeAll) {
        Map<String, Binding> m = byAor.computeIfAbsent(aor, k -> new LinkedHashMap<>());
        List<Binding> added = new ArrayList<>();
        List<Binding> gone = new ArrayList<>();
        synchronized (m) {
            for (Binding u : upserts) {
                Binding old = m.get(u.contactUri());
                if (old != null && old.callId().equals(u.callId()) && old.cseq() > u.cseq()) {
                    return false;
                }
            }
            if (removeAll) {
                gone.addAll(m.values());
                m.clear();
            }
            for (String c : removedContacts) {
                Binding old = m.remove(c);
                if (old != null) {
                    gone.add(old);
                }
            }
            long now = clock.millis();
            for (Binding u : upserts) {
                Binding old = m.put(u.contactUri(), u);
                if (old == null || old.expiresAt() <= now || gone.contains(old)) {
                    added.add(u);
                }
                byContact.put(u.contactUri(), u);
            }
            for (Binding g : gone) {
                byContact.remove(g.contactUri(), g);
            }
            synchronized (pendingUpserts) {
                for (Binding g : gone) {
                    String key = g.aor() + ' ' + g.contactUri();
                    pendingUpserts.remove(key);
                    pendingRemovals.put(key, g);
                }
                for (Binding u : upserts) {
                    String key = u.aor() + ' ' + u.contactUri();
                    pendingRemovals.remove(key);
                    pendingUpserts.put(key, u);
                }
            }
        }
        for (Binding g : gone) {
            if (!added.stream().anyMatch(a -> a.contactUri().equals(g.contactUri()))) {
                listeners.forEach(l -> l.onUnregistered(aor, g));
            }
        }
        for (Binding a : added) {
            listeners.forEach(l -> l.onRegistered(aor, a));
        }
        return true;
    }

    /** Drops expired bindings from memory (the store drops them at the next flush). */
    public void expire() {
        long now = clock.millis();
        List<Binding> expired = new ArrayList<>();
        for (Map<String, Binding> m : byAor.values()) {
            synchronized (m) {
                m.values().removeIf(b -> {
                    if (b.expiresAt() <= now) {
                        byContact.remove(b.contactUri(), b);
                        expired.add(b);
                        return true;
                    }
                    return false;
                });
            }
        }
        for (Binding b : expired) {
            listeners.forEach(l -> l.onUnregistered(b.aor(), b));
        }
    }

    /** Writes pending changes to the store in one transaction. */
    public void flush() {
        List<Binding> ups;
        List<Binding> rems;
        synchronized (pendingUpserts) {
            ups = new ArrayList<>(pendingUpserts.values());
            rems = new ArrayList<>(pendingRemovals.values());
            pendingUpserts.clear();
            pendingRemovals.clear();
        }
        store.apply(ups, rems, clock.millis());
    }
}
