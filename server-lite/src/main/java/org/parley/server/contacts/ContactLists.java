package org.parley.server.contacts;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.parley.core.model.AccessLevel;
import org.parley.core.model.ContactKind;
import org.parley.core.model.ContactList;
import org.parley.server.policy.AccessPolicy;
import org.parley.server.policy.Aors;
import org.parley.server.policy.ContactListEvents;
import org.parley.server.service.ServiceError;
import org.parley.server.store.Database;
import org.parley.server.transport.LocalDomain;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Server-stored contact lists: the edits of docs/protocol.md (each one write transaction that also bumps the list's
 * version), the {@link AccessPolicy} every service asks, and the change events ({@link ContactListEvents}), fired
 * after the commit. Refusals are {@link ServiceError}s (400, 404, 409, 413) with a message for the user.
 *
 * <p>Access level an owner grants a watcher: the contact's own level, else the highest level of the owner's groups
 * that contain it, else Company for a watcher of our domain and Public for any other; an owner sees herself as
 * Personal. The explicit levels of each owner are cached and dropped after every edit of that owner's list.
 */
public final class ContactLists implements AccessPolicy, ContactListEvents {
    private static final Logger LOG = LoggerFactory.getLogger(ContactLists.class);

    public static final int MAX_CONTACTS = 500;
    public static final int MAX_GROUPS = 100;
    public static final int MAX_NAME = 64;

    private final Database db;
    private final LocalDomain domain;
    private final ContactStore store;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final Map<String, Map<String, AccessLevel>> levels = new ConcurrentHashMap<>();

    public ContactLists(Database db, LocalDomain domain) {
        this.db = db;
        this.domain = domain;
        this.store = new ContactStore(domain.domain());
    }

    public ContactList get(String owner) {
        return db.read(c -> store.load(c, owner));
    }

    /** Adds a user (sip:) or phone (tel:) contact, or a distribution group of ours, optionally into a group. */
    public ContactList add(String owner, String rawUri, String groupId) {
        String uri = normalizeUri(rawUri);
        return edit(owner, (c, ownerId) -> {
            ContactKind kind = ContactKind.PHONE;
            String localName = null;
            if (uri.startsWith("sip:")) {
                kind = ContactKind.USER;
                String user = uri.substring(4, uri.indexOf('@'));
                if (isLocal(uri)) {
                    if (user.equals(owner)) {
                        throw ServiceError.badRequest("you cannot add yourself to your contacts");
                    }
                    localName = user;
                    if (!exists(c, "SELECT 1 FROM users WHERE username = ?", user)) {
                        if (!exists(c, "SELECT 1 FROM distribution_groups WHERE name = ?", user)) {
                            throw ServiceError.notFound("nobody is called '" + user + "' in " + domain.domain());
                        }
                        kind = ContactKind.DISTRIBUTION_GROUP;
                    }
                }
            }
            insert(c, ownerId, uri, kind, localName, null, groupId);
        });
    }

    /** Adds a phone contact under the owner's own name for it; the number is stored as tel:+digits. */
    public ContactList addPhone(String owner, String displayName, String number, String groupId) {
        String name = name(displayName, "a display name");
        String uri = PhoneNumbers.normalize(number);
        return edit(owner, (c, ownerId) -> insert(c, ownerId, uri, ContactKind.PHONE, null, name, groupId));
    }

    public ContactList remove(String owner, String rawUri) {
        String uri = normalizeUri(rawUri);
        return edit(owner, (c, ownerId) -> store.deleteContact(c, contact(c, ownerId, uri)));
    }

    /**
     * Changes a contact: each argument is applied when not null.
     *
     * @param groupIds   the contact's groups (replaces them; empty: none)
     * @param setLevel   whether to change the contact's own level to {@code level} (null clears it)
     */
    public ContactList update(String owner, String rawUri, List<String> groupIds, Boolean tagged, boolean setLevel,
                              AccessLevel level) {
        String uri = normalizeUri(rawUri);
        if (groupIds == null && tagged == null && !setLevel) {
            throw ServiceError.badRequest("nothing to update: give groups, tagged or accessLevel");
        }
        return edit(owner, (c, ownerId) -> {
            long id = contact(c, ownerId, uri);
            if (groupIds != null) {
                List<Long> ids = new ArrayList<>();
                for (String g : groupIds) {
                    ids.add(group(c, ownerId, g));
                }
                store.setContactGroups(c, id, ids);
            }
            if (tagged != null) {
                store.setTagged(c, id, tagged);
            }
            if (setLevel) {
                store.setContactLevel(c, id, level);
            }
        });
    }

    public ContactList addGroup(String owner, String rawName) {
        String name = name(rawName, "a group name");
        return edit(owner, (c, ownerId) -> {
            if (store.groupNameTaken(c, ownerId, name, -1)) {
                throw ServiceError.conflict("you already have a group called '" + name + "'");
            }
            if (store.countGroups(c, ownerId) >= MAX_GROUPS) {
                throw new ServiceError(413, "a contact list has at most " + MAX_GROUPS + " groups");
            }
            store.insertGroup(c, ownerId, name);
        });
    }

    public ContactList renameGroup(String owner, String groupId, String rawName) {
        String name = name(rawName, "a group name");
        return edit(owner, (c, ownerId) -> {
            long id = group(c, ownerId, groupId);
            if (store.groupNameTaken(c, ownerId, name, id)) {
                throw ServiceError.conflict("you already have a group called '" + name + "'");
            }
            store.renameGroup(c, id, name);
        });
    }

    /** Removes a group; its contacts stay (in their other groups, or none). */
    public ContactList removeGroup(String owner, String groupId) {
        return edit(owner, (c, ownerId) -> store.deleteGroup(c, group(c, ownerId, groupId)));
    }

    /** @param level the group's level, or null to clear it */
    public ContactList setGroupLevel(String owner, String groupId, AccessLevel level) {
        return edit(owner, (c, ownerId) -> store.setGroupLevel(c, group(c, ownerId, groupId), level));
    }

    // ---- AccessPolicy, ContactListEvents ----

    @Override
    public AccessLevel levelFor(String owner, String watcherAor) {
        String o = owner.toLowerCase(Locale.ROOT);
        String w = Aors.normalize(watcherAor);
        if (w.equals(Aors.of(o, domain.domain()))) {
            return AccessLevel.PERSONAL;
        }
        // computeIfAbsent holds the key while loading, and edits remove the key after their commit: a load that
        // read the list before an edit's commit is dropped by that edit's remove, never kept
        AccessLevel set = levels.computeIfAbsent(o, k -> db.read(c -> store.explicitLevels(c, k))).get(w);
        return set != null ? set : store.defaultLevel(w);
    }

    /** The level each local user grants {@code watcherAor}, by user name, for many owners at once (directory). */
    public java.util.function.Function<String, AccessLevel> levelsGrantedTo(String watcherAor) {
        String w = Aors.normalize(watcherAor);
        Map<String, AccessLevel> set = db.read(c -> store.levelsGrantedTo(c, w));
        AccessLevel fallback = store.defaultLevel(w);
        return owner -> w.equals(Aors.of(owner, domain.domain())) ? AccessLevel.PERSONAL : set.getOrDefault(owner, fallback);
    }

    @Override
    public List<String> presenceUris(String owner) {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT c.uri FROM contacts c JOIN users u ON u.id = c.owner_id "
                    + "WHERE u.username = ? AND c.kind = 'user' ORDER BY c.id")) {
                s.setString(1, owner.toLowerCase(Locale.ROOT));
                List<String> out = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                }
                return out;
            }
        });
    }

    @Override
    public void addListener(Listener listener) {
        listeners.add(listener);
    }

    /** Forgets cached levels (e.g. after users were removed or re-added by another process). */
    public void invalidateAll() {
        levels.clear();
    }

    // ---- internals ----

    @FunctionalInterface
    private interface Edit {
        void apply(Connection c, long ownerId) throws SQLException;
    }

    private ContactList edit(String owner, Edit edit) {
        ContactList after = db.write(c -> {
            long ownerId = store.ownerId(c, owner);
            edit.apply(c, ownerId);
            store.bumpVersion(c, ownerId);
            return store.load(c, owner);
        });
        levels.remove(owner);
        for (Listener l : listeners) {
            try {
                l.onContactListChanged(owner);
            } catch (RuntimeException e) {
                LOG.warn("contact list listener failed for {}: {}", owner, e.toString(), e);
            }
        }
        return after;
    }

    private void insert(Connection c, long ownerId, String uri, ContactKind kind, String localName, String displayName,
                        String groupId) throws SQLException {
        if (store.contactId(c, ownerId, uri) >= 0) {
            throw ServiceError.conflict(uri + " is already in your contacts");
        }
        if (store.countContacts(c, ownerId) >= MAX_CONTACTS) {
            throw new ServiceError(413, "a contact list has at most " + MAX_CONTACTS + " contacts");
        }
        Long group = groupId == null || groupId.isBlank() ? null : group(c, ownerId, groupId);
        long id = store.insertContact(c, ownerId, uri, kind, localName, displayName);
        if (group != null) {
            store.addToGroup(c, id, group);
        }
    }

    private long contact(Connection c, long ownerId, String uri) throws SQLException {
        long id = store.contactId(c, ownerId, uri);
        if (id < 0) {
            throw ServiceError.notFound(uri + " is not in your contacts");
        }
        return id;
    }

    private long group(Connection c, long ownerId, String groupId) throws SQLException {
        long id;
        try {
            id = Long.parseLong(groupId == null ? "" : groupId.trim());
        } catch (NumberFormatException e) {
            throw ServiceError.notFound("no group '" + groupId + "'");
        }
        if (!store.groupExists(c, ownerId, id)) {
            throw ServiceError.notFound("no group '" + groupId + "'");
        }
        return id;
    }

    private static String name(String raw, String what) {
        String n = raw == null ? "" : raw.strip();
        if (n.isEmpty() || n.length() > MAX_NAME) {
            throw ServiceError.badRequest(what + " of 1 to " + MAX_NAME + " characters is required");
        }
        return n;
    }

    private boolean isLocal(String sipUri) {
        return domain.isLocalHost(sipUri.substring(sipUri.indexOf('@') + 1));
    }

    /**
     * {@code sip:user@host} (lower case, no port or parameters; our host aliases become our domain) or
     * {@code tel:+digits}; 400 for anything else.
     */
    public String normalizeUri(String raw) {
        if (raw == null || raw.isBlank()) {
            throw ServiceError.badRequest("a contact address (uri) is required");
        }
        String s = raw.strip();
        String lower = s.toLowerCase(Locale.ROOT);
        if (lower.startsWith("tel:")) {
            return PhoneNumbers.normalize(s);
        }
        if (lower.startsWith("sip:") || lower.startsWith("sips:") || lower.startsWith("<sip")) {
            String n = Aors.normalize(s);
            int at = n.indexOf('@');
            if (at > 4 && at < n.length() - 1) {
                String host = n.substring(at + 1);
                return domain.isLocalHost(host) ? Aors.of(n.substring(4, at), domain.domain()) : n;
            }
        }
        throw ServiceError.badRequest("'" + raw + "' is not a contact address: use sip:user@domain or a tel: number");
    }

    private static boolean exists(Connection c, String sql, String arg) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, arg);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }
}
