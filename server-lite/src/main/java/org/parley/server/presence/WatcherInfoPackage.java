package org.parley.server.presence;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.ListIterator;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import javax.sip.address.SipURI;
import javax.sip.header.Header;
import javax.sip.message.Request;
import org.parley.core.presence.WatcherInfoCodec;
import org.parley.server.events.EventPackage;
import org.parley.server.events.Subscription;
import org.parley.server.events.SubscriptionManager;
import org.parley.server.policy.Aors;
import org.parley.server.transport.LocalDomain;

/**
 * The {@code presence.winfo} event package (RFC 3857): only alice may watch who watches her presence; each NOTIFY
 * carries the full list, one watcher per subscription to her presence, direct or through a resource list. Ended
 * subscriptions are listed as terminated for {@link #TERMINATED_KEPT_MILLIS} after they end.
 */
public final class WatcherInfoPackage implements EventPackage {
    public static final String EVENT = "presence.winfo";
    static final long TERMINATED_KEPT_MILLIS = 60_000;
    private static final int TERMINATED_KEPT_MAX = 20;
    private static final String VERSION = "winfo.version";

    private record Ended(WatcherInfoCodec.Watcher watcher, long atMillis) {
    }

    private final LocalDomain domain;
    private final Predicate<String> userExists;
    private final SubscriptionManager manager;
    private final Clock clock;
    private final Map<String, Deque<Ended>> ended = new ConcurrentHashMap<>();

    public WatcherInfoPackage(LocalDomain domain, Predicate<String> userExists, SubscriptionManager manager, Clock clock) {
        this.domain = domain;
        this.userExists = userExists;
        this.manager = manager;
        this.clock = clock;
    }

    @Override
    public String name() {
        return EVENT;
    }

    @Override
    public String resourceKey(SipURI requestUri) {
        String user = requestUri.getUser();
        if (user == null || !domain.isLocalHost(requestUri.getHost()) || user.contains("~")) {
            return null;
        }
        user = user.toLowerCase(Locale.ROOT);
        return userExists.test(user) ? user : null;
    }

    @Override
    public Refusal admit(String subscriber, String resourceKey, Request subscribe) {
        return subscriber.equals(resourceKey) ? null : Refusal.of(403, "Only the owner may see who watches");
    }

    @Override
    public Body body(Subscription s, boolean full) {
        String owner = s.resourceKey();
        String aor = Aors.of(owner, domain.domain());
        List<WatcherInfoCodec.Watcher> list = new ArrayList<>();
        for (Subscription w : manager.subscriptions(PresencePackage.EVENT)) {
            boolean direct = w.resourceKey().equals(owner);
            boolean viaList = PresencePackage.isList(w.resourceKey()) && PresencePackage.members(w).contains(aor);
            if (direct || viaList) {
                list.add(watcher(w, "active", "subscribe"));
            }
        }
        Deque<Ended> gone = ended.get(owner);
        if (gone != null) {
            long cutoff = clock.millis() - TERMINATED_KEPT_MILLIS;
            synchronized (gone) {
                gone.removeIf(e -> e.atMillis() < cutoff);
                gone.forEach(e -> list.add(e.watcher()));
            }
        }
        int version = ((AtomicInteger) s.attributes().computeIfAbsent(VERSION, k -> new AtomicInteger())).getAndIncrement();
        byte[] xml = WatcherInfoCodec.build(new WatcherInfoCodec.Document(version, true,
                List.of(new WatcherInfoCodec.WatcherList(aor, PresencePackage.EVENT, list))));
        return new Body(WatcherInfoCodec.CONTENT_TYPE, xml);
    }

    /** Someone started or stopped watching {@code owner}: her watcher-info subscriptions get a NOTIFY. */
    void watchersChanged(String owner) {
        manager.changed(EVENT, owner);
    }

    /** A subscription showing {@code owner}'s presence ended. */
    void watcherEnded(String owner, Subscription s) {
        Deque<Ended> gone = ended.computeIfAbsent(owner, k -> new ArrayDeque<>());
        synchronized (gone) {
            gone.addLast(new Ended(watcher(s, "terminated", "timeout"), clock.millis()));
            while (gone.size() > TERMINATED_KEPT_MAX) {
                gone.removeFirst();
            }
        }
        watchersChanged(owner);
    }

    private static WatcherInfoCodec.Watcher watcher(Subscription s, String status, String event) {
        return new WatcherInfoCodec.Watcher("w" + Integer.toHexString(s.id().hashCode()), s.subscriberAor(), status, event, null);
    }

    /** True when a header (any of its lines, comma-separated) carries the token, ignoring case. */
    static boolean headerHasToken(Request request, String name, String token) {
        ListIterator<?> it = request.getHeaders(name);
        while (it != null && it.hasNext()) {
            String v = ((Header) it.next()).toString();
            int colon = v.indexOf(':');
            for (String t : v.substring(colon + 1).split(",")) {
                if (t.trim().equalsIgnoreCase(token)) {
                    return true;
                }
            }
        }
        return false;
    }
}
