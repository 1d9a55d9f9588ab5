package org.parley.server.presence;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.parley.core.model.AccessLevel;
import org.parley.server.policy.AccessPolicy;
import org.parley.server.policy.Aors;
import org.parley.server.policy.ContactListEvents;

/**
 * Test stand-in for the contact-list service (not written yet when these tests were): levels per (owner, watcher)
 * with the domain defaults (Company for the same domain, Public otherwise), and lists of presence URIs whose changes fire the listeners.
 */
final class InMemoryContacts implements AccessPolicy, ContactListEvents {
    private final AccessPolicy defaults;
    private final Map<String, AccessLevel> levels = new ConcurrentHashMap<>();
    private final Map<String, List<String>> lists = new ConcurrentHashMap<>();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();

    InMemoryContacts(String domain) {
        String suffix = "@" + domain.toLowerCase(java.util.Locale.ROOT);
        this.defaults = (owner, watcherAor) -> org.parley.server.policy.Aors.normalize(watcherAor).endsWith(suffix)
                ? org.parley.core.model.AccessLevel.DEFAULT_SAME_DOMAIN : org.parley.core.model.AccessLevel.DEFAULT_OTHER_DOMAIN;
    }

    @Override
    public AccessLevel levelFor(String owner, String watcherAor) {
        AccessLevel l = levels.get(owner + "|" + Aors.normalize(watcherAor));
        return l != null ? l : defaults.levelFor(owner, watcherAor);
    }

    @Override
    public List<String> presenceUris(String owner) {
        return lists.getOrDefault(owner, List.of());
    }

    @Override
    public void addListener(Listener listener) {
        listeners.add(listener);
    }

    void setLevel(String owner, String watcherAor, AccessLevel level) {
        levels.put(owner + "|" + Aors.normalize(watcherAor), level);
        listeners.forEach(l -> l.onContactListChanged(owner));
    }

    void setList(String owner, String... uris) {
        lists.put(owner, new ArrayList<>(List.of(uris)));
        listeners.forEach(l -> l.onContactListChanged(owner));
    }
}
