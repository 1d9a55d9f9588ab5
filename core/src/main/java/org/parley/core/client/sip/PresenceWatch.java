package org.parley.core.client.sip;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import javax.sip.message.Request;
import org.parley.core.client.PresenceService.PresenceListener;
import org.parley.core.client.PresenceService.Watcher;
import org.parley.core.model.ContactCard;
import org.parley.core.model.ContactList;
import org.parley.core.model.PresenceInfo;
import org.parley.core.presence.PidfCodec;
import org.parley.core.presence.Rlmi;
import org.parley.core.presence.WatcherInfoCodec;
import org.parley.core.sip.SipMessages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The presence this user watches: the resource list of the contact list ({@code sip:USER~contacts@D}, RLMI), single
 * watched URIs, and watcher information about this user. Keeps the last known presence per URI, tells listeners,
 * and raises tagged-contact alerts when a tagged contact's state changes. Engine thread, except {@link #known}.
 */
final class PresenceWatch {
    private static final Logger LOG = LoggerFactory.getLogger(PresenceWatch.class);

    private final SubscriptionFactory subscriptions;
    private final Listeners<PresenceListener> listeners;
    private final Supplier<ContactList> contacts;
    private final String listUri;
    private final String aor;
    private final Map<String, PresenceInfo> known = new ConcurrentHashMap<>();
    private final Map<String, SipSubscription> single = new LinkedHashMap<>();
    private final Map<String, Watcher> watchers = new LinkedHashMap<>();
    private final List<CompletableFuture<List<Watcher>>> waitingForWatchers = new ArrayList<>();
    private SipSubscription list;
    private SipSubscription winfo;
    private boolean winfoReceived;

    PresenceWatch(SubscriptionFactory subscriptions, Listeners<PresenceListener> listeners, Supplier<ContactList> contacts,
                  String aor, String listUri) {
        this.subscriptions = subscriptions;
        this.listeners = listeners;
        this.contacts = contacts;
        this.aor = aor;
        this.listUri = listUri;
    }

    void addListener(PresenceListener l) {
        listeners.add(l);
    }

    Optional<PresenceInfo> known(String uri) {
        return Optional.ofNullable(known.get(key(uri)));
    }

    /** Subscribes to the contact list's presence and to watcher info. */
    void start() {
        if (list == null) {
            list = subscriptions.create(listUri, "presence", Map.of("Supported", "eventlist",
                    "Accept", "application/pidf+xml, application/rlmi+xml, multipart/related"), this::onListNotify);
        }
        if (winfo == null) {
            winfo = subscriptions.create(aor, "presence.winfo", Map.of("Accept", WatcherInfoCodec.CONTENT_TYPE),
                    this::onWinfoNotify);
        }
        list.start().exceptionally(e -> log("contact list presence", e));
        winfo.start().exceptionally(e -> log("watcher info", e));
        single.values().forEach(s -> s.start().exceptionally(e -> log(s.target(), e)));
    }

    private Void log(String what, Throwable e) {
        LOG.info("subscription to {} failed: {}", what, Engine.unwrap(e).getMessage());
        return null;
    }

    CompletableFuture<Void> stop() {
        List<CompletableFuture<Void>> all = new ArrayList<>();
        if (list != null) {
            all.add(list.stop());
        }
        if (winfo != null) {
            all.add(winfo.stop());
        }
        single.values().forEach(s -> all.add(s.stop()));
        winfoReceived = false;
        return CompletableFuture.allOf(all.toArray(new CompletableFuture[0]));
    }

    CompletableFuture<Void> watch(String uri) {
        String k = key(uri);
        if (single.containsKey(k)) {
            return CompletableFuture.completedFuture(null);
        }
        SipSubscription s = subscriptions.create(uri, "presence", Map.of("Accept", PidfCodec.CONTENT_TYPE),
                n -> onSingleNotify(uri, n));
        single.put(k, s);
        return s.start().whenComplete((v, e) -> {
            if (e != null) {
                single.remove(k);
                subscriptions.discard(s);
            }
        });
    }

    CompletableFuture<List<Watcher>> watchers() {
        if (winfoReceived) {
            return CompletableFuture.completedFuture(List.copyOf(watchers.values()));
        }
        CompletableFuture<List<Watcher>> f = new CompletableFuture<>();
        waitingForWatchers.add(f);
        return f;
    }

    private void onListNotify(Request n) {
        Rlmi.Parsed parsed = Rlmi.parse(SipMessages.contentType(n), SipMessages.body(n));
        parsed.pidfByUri().forEach((uri, pidf) -> {
            if (pidf != null) {
                update(uri, PidfCodec.decode(pidf));
            }
        });
    }

    private void onSingleNotify(String uri, Request n) {
        if (SipMessages.mediaType(n).equals(PidfCodec.CONTENT_TYPE)) {
            update(uri, PidfCodec.decode(SipMessages.body(n)));
        }
    }

    private void update(String uri, PidfCodec.Decoded d) {
        String k = key(uri);
        PresenceInfo now = d.presence();
        PresenceInfo before = known.put(k, now);
        ContactCard card = d.card() != null ? d.card() : ContactCard.of(uri, null);
        listeners.fire(l -> l.onPresence(uri, now, card));
        boolean tagged = contacts.get().contact(uri).map(c -> c.tagged()).orElse(false);
        if (tagged && before != null && (before.availability() != now.availability()
                || !Objects.equals(before.state(), now.state()))) {
            listeners.fire(l -> l.onTaggedContactChanged(uri, now));
        }
    }

    private void onWinfoNotify(Request n) {
        WatcherInfoCodec.Document doc = WatcherInfoCodec.parse(SipMessages.body(n));
        Map<String, Watcher> fresh = new LinkedHashMap<>();
        for (WatcherInfoCodec.WatcherList wl : doc.lists()) {
            for (WatcherInfoCodec.Watcher w : wl.watchers()) {
                fresh.put(key(w.uri()), new Watcher(w.uri(), w.displayName(), w.status()));
            }
        }
        if (!doc.full()) {
            Map<String, Watcher> merged = new LinkedHashMap<>(watchers);
            merged.putAll(fresh);
            fresh = merged;
        }
        boolean first = !winfoReceived;
        for (Map.Entry<String, Watcher> e : fresh.entrySet()) {
            Watcher old = watchers.get(e.getKey());
            Watcher w = e.getValue();
            boolean activeNow = "active".equalsIgnoreCase(w.status()) || "pending".equalsIgnoreCase(w.status());
            boolean activeBefore = old != null && ("active".equalsIgnoreCase(old.status())
                    || "pending".equalsIgnoreCase(old.status()));
            if (!first && activeNow && !activeBefore) {
                listeners.fire(l -> l.onWatcherAdded(w));
            }
        }
        watchers.clear();
        watchers.putAll(fresh);
        winfoReceived = true;
        List<Watcher> snapshot = List.copyOf(watchers.values());
        waitingForWatchers.forEach(f -> f.complete(snapshot));
        waitingForWatchers.clear();
    }

    private static String key(String uri) {
        return uri.toLowerCase(Locale.ROOT);
    }
}
