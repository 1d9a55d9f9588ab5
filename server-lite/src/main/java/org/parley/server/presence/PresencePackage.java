package org.parley.server.presence;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import javax.sip.address.SipURI;
import javax.sip.message.Request;
import org.parley.core.model.AccessLevel;
import org.parley.core.model.ContactCard;
import org.parley.core.model.Visibility;
import org.parley.core.presence.PidfCodec;
import org.parley.core.presence.Rlmi;
import org.parley.server.events.EventPackage;
import org.parley.server.events.Subscription;
import org.parley.server.events.SubscriptionManager;
import org.parley.server.policy.AccessPolicy;
import org.parley.server.policy.Aors;
import org.parley.server.policy.ContactListEvents;
import org.parley.server.transport.LocalDomain;
import org.parley.server.users.Cards;

/**
 * The {@code presence} event package: {@code sip:bob@D} gives bob's aggregate presence filtered by the level bob
 * grants the subscriber ({@link Visibility}); {@code sip:alice~contacts@D} (only alice, with eventlist) gives the
 * presence of every user on alice's contact list as RFC 4662 RLMI, full state first and after list changes, then only
 * the resources that changed.
 */
public final class PresencePackage implements EventPackage, PresenceStore.ChangeListener, ContactListEvents.Listener {
    public static final String EVENT = "presence";
    static final String LIST_SUFFIX = "~contacts";
    private static final String MEMBERS = "presence.members";
    private static final String CHANGED = "presence.changed";
    /**
     * Resources with a PIDF instance per list NOTIFY (about 0.9 KB each): a long list's state goes out in NOTIFYs of
     * at most this many, so none outgrows a UDP datagram or a client's message limit; the rest follow in partial ones.
     */
    static final int BATCH = 40;
    private static final String VERSION = "presence.version";
    private static final String FULL_NEXT = "presence.fullNext";

    private final LocalDomain domain;
    private final Predicate<String> userExists;
    private final Cards cards;
    private final PresenceStore store;
    private final AccessPolicy access;
    private final ContactListEvents lists;
    private final SubscriptionManager manager;
    private final WatcherInfoPackage watchers;

    public PresencePackage(LocalDomain domain, Predicate<String> userExists, Cards cards, PresenceStore store,
                           AccessPolicy access, ContactListEvents lists, SubscriptionManager manager,
                           WatcherInfoPackage watchers) {
        this.domain = domain;
        this.userExists = userExists;
        this.cards = cards;
        this.store = store;
        this.access = access;
        this.lists = lists;
        this.manager = manager;
        this.watchers = watchers;
    }

    @Override
    public String name() {
        return EVENT;
    }

    @Override
    public String resourceKey(SipURI requestUri) {
        String user = requestUri.getUser();
        if (user == null || !domain.isLocalHost(requestUri.getHost())) {
            return null;
        }
        user = user.toLowerCase(Locale.ROOT);
        String owner = user.endsWith(LIST_SUFFIX) ? user.substring(0, user.length() - LIST_SUFFIX.length()) : user;
        return !owner.contains("~") && userExists.test(owner) ? user : null;
    }

    @Override
    public Refusal admit(String subscriber, String resourceKey, Request subscribe) {
        if (!isList(resourceKey)) {
            return null;
        }
        if (!owner(resourceKey).equals(subscriber)) {
            return Refusal.of(403, "Only the owner may subscribe to a contact list");
        }
        if (!WatcherInfoPackage.headerHasToken(subscribe, "Supported", "eventlist")) {
            return new Refusal(421, "Extension Required", List.of("Require: eventlist"));
        }
        return null;
    }

    @Override
    public Body body(Subscription s, boolean full) {
        String key = s.resourceKey();
        if (!isList(key)) {
            return new Body(PidfCodec.CONTENT_TYPE, view(key, s.subscriberAor()));
        }
        String owner = owner(key);
        String ownerAor = Aors.of(owner, domain.domain());
        boolean fullState = full | flag(s).getAndSet(false);
        List<String> members;
        Set<String> changed = changedSet(s);
        List<String> wanted = new ArrayList<>();
        if (fullState) {
            members = List.copyOf(lists.presenceUris(owner));
            s.attributes().put(MEMBERS, members);
            changed.clear();
            wanted.addAll(members);
        } else {
            members = members(s);
            for (String m : members) {
                if (changed.remove(m)) {
                    wanted.add(m);
                }
            }
        }
        List<Rlmi.Resource> resources = new ArrayList<>();
        int withState = 0;
        boolean deferred = false;
        for (String uri : wanted) {
            String user = localUser(uri);
            if (user == null) {
                resources.add(new Rlmi.Resource(uri, null, null));
            } else if (withState < BATCH) {
                resources.add(new Rlmi.Resource(uri, cardFor(user, ownerAor).displayName(), view(user, ownerAor)));
                withState++;
            } else if (fullState) {
                // Listed now (a full state names every resource), its state follows in a partial NOTIFY.
                resources.add(new Rlmi.Resource(uri, cardFor(user, ownerAor).displayName(), null));
                changed.add(uri);
                deferred = true;
            } else {
                changed.add(uri);
                deferred = true;
            }
        }
        if (deferred) {
            manager.changed(s);
        }
        int version = ((AtomicInteger) s.attributes().computeIfAbsent(VERSION, k -> new AtomicInteger())).getAndIncrement();
        Rlmi.Body b = Rlmi.build("sip:" + key + "@" + domain.domain(), version, fullState, resources);
        return new Body(b.contentType(), b.content());
    }

    /** The PIDF {@code watcherAor} may see of {@code user}. */
    private byte[] view(String user, String watcherAor) {
        AccessLevel level = levelFor(user, watcherAor);
        return PidfCodec.encodeView(Aors.of(user, domain.domain()), Visibility.presence(store.presenceOf(user), level),
                Visibility.card(cardOf(user), level));
    }

    private ContactCard cardFor(String user, String watcherAor) {
        return Visibility.card(cardOf(user), levelFor(user, watcherAor));
    }

    private ContactCard cardOf(String user) {
        return cards.of(user).orElseGet(() -> ContactCard.of(Aors.of(user, domain.domain()), user));
    }

    private AccessLevel levelFor(String owner, String watcherAor) {
        if (Aors.of(owner, domain.domain()).equals(watcherAor)) {
            return AccessLevel.PERSONAL;
        }
        AccessLevel l = access.levelFor(owner, watcherAor);
        return l == null ? AccessLevel.PUBLIC : l;
    }

    @Override
    public void onSubscribed(Subscription s) {
        if (isList(s.resourceKey())) {
            s.attributes().put(MEMBERS, List.copyOf(lists.presenceUris(owner(s.resourceKey()))));
            members(s).forEach(this::watchersChangedFor);
        } else {
            watchers.watchersChanged(s.resourceKey());
        }
    }

    @Override
    public void onTerminated(Subscription s) {
        if (isList(s.resourceKey())) {
            for (String m : members(s)) {
                String user = localUser(m);
                if (user != null) {
                    watchers.watcherEnded(user, s);
                }
            }
        } else {
            watchers.watcherEnded(s.resourceKey(), s);
        }
    }

    /** A user's aggregate presence changed: their watchers and every list holding them get a NOTIFY. */
    @Override
    public void onPresenceChanged(String user) {
        manager.changed(EVENT, user);
        markInLists(Aors.of(user, domain.domain()), null);
    }

    /**
     * The owner's list or levels changed: the owner's list subscriptions are re-sent in full, the owner's direct
     * watchers and other lists showing the owner are re-evaluated (levels may differ now).
     */
    @Override
    public void onContactListChanged(String owner) {
        manager.changed(EVENT, owner);
        String ownerAor = Aors.of(owner, domain.domain());
        for (Subscription s : manager.subscriptions(EVENT, owner + LIST_SUFFIX)) {
            Set<String> touched = new HashSet<>(members(s));
            List<String> now = List.copyOf(lists.presenceUris(owner));
            touched.addAll(now);
            s.attributes().put(MEMBERS, now);
            flag(s).set(true);
            manager.changed(s);
            touched.forEach(this::watchersChangedFor);
        }
        markInLists(ownerAor, owner + LIST_SUFFIX);
    }

    private void markInLists(String aor, String exceptKey) {
        for (Subscription s : manager.subscriptions(EVENT)) {
            if (isList(s.resourceKey()) && !s.resourceKey().equals(exceptKey) && members(s).contains(aor)) {
                changedSet(s).add(aor);
                manager.changed(s);
            }
        }
    }

    private void watchersChangedFor(String aor) {
        String user = localUser(aor);
        if (user != null) {
            watchers.watchersChanged(user);
        }
    }

    /** The user name of a local user's AOR, or null for anyone else. */
    private String localUser(String aor) {
        String n = Aors.normalize(aor);
        String prefix = "sip:";
        int at = n.indexOf('@');
        if (!n.startsWith(prefix) || at < 0 || !domain.isLocalHost(n.substring(at + 1))) {
            return null;
        }
        String user = n.substring(prefix.length(), at);
        return user.contains("~") ? null : user;
    }

    static boolean isList(String key) {
        return key.endsWith(LIST_SUFFIX);
    }

    static String owner(String key) {
        return isList(key) ? key.substring(0, key.length() - LIST_SUFFIX.length()) : key;
    }

    /** The members (normalized AORs) a list subscription shows. */
    @SuppressWarnings("unchecked")
    static List<String> members(Subscription s) {
        Object m = s.attributes().get(MEMBERS);
        return m == null ? List.of() : (List<String>) m;
    }

    @SuppressWarnings("unchecked")
    private static Set<String> changedSet(Subscription s) {
        return (Set<String>) s.attributes().computeIfAbsent(CHANGED, k -> ConcurrentHashMap.newKeySet());
    }

    private static AtomicBoolean flag(Subscription s) {
        return (AtomicBoolean) s.attributes().computeIfAbsent(FULL_NEXT, k -> new AtomicBoolean());
    }
}
