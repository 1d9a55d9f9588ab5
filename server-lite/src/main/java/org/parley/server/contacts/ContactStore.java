package org.parley.server.contacts;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.parley.core.model.AccessLevel;
import org.parley.core.model.Contact;
import org.parley.core.model.ContactGroup;
import org.parley.core.model.ContactKind;
import org.parley.core.model.ContactList;
import org.parley.server.service.ServiceError;

/**
 * The SQL of contact lists (tables of V2__contacts.sql), on a connection the caller holds inside one
 * {@code Database.read} or {@code write}. No validation beyond existence: {@link ContactLists} decides.
 */
final class ContactStore {
    private final String domain;

    ContactStore(String domain) {
        this.domain = domain.toLowerCase(Locale.ROOT);
    }

    /** The owner's row id; 404 when the user no longer exists. */
    long ownerId(Connection c, String owner) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT id FROM users WHERE username = ?")) {
            s.setString(1, owner);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw ServiceError.notFound("no user '" + owner + "'");
                }
                return rs.getLong(1);
            }
        }
    }

    void bumpVersion(Connection c, long ownerId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO contact_lists (owner_id, version) VALUES (?, 1) "
                + "ON CONFLICT (owner_id) DO UPDATE SET version = version + 1")) {
            s.setLong(1, ownerId);
            s.executeUpdate();
        }
    }

    /** The whole list of an owner, contacts and groups in the order they were added. */
    ContactList load(Connection c, String owner) throws SQLException {
        long ownerId = ownerId(c, owner);
        long version = 0;
        try (PreparedStatement s = c.prepareStatement("SELECT version FROM contact_lists WHERE owner_id = ?")) {
            s.setLong(1, ownerId);
            try (ResultSet rs = s.executeQuery()) {
                if (rs.next()) {
                    version = rs.getLong(1);
                }
            }
        }
        Map<Long, ContactGroup> groups = new LinkedHashMap<>();
        try (PreparedStatement s = c.prepareStatement(
                "SELECT id, name, access_level FROM contact_groups WHERE owner_id = ? ORDER BY id")) {
            s.setLong(1, ownerId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    groups.put(rs.getLong(1), new ContactGroup(Long.toString(rs.getLong(1)), rs.getString(2), level(rs.getString(3))));
                }
            }
        }
        Map<Long, List<String>> memberships = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT m.contact_id, m.group_id FROM contact_group_members m "
                + "JOIN contacts c ON c.id = m.contact_id WHERE c.owner_id = ? ORDER BY m.group_id")) {
            s.setLong(1, ownerId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    memberships.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(Long.toString(rs.getLong(2)));
                }
            }
        }
        List<Contact> contacts = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT c.id, c.uri, c.kind, c.display_name, c.tagged, c.access_level, "
                + "u.display_name, d.display_name FROM contacts c "
                + "LEFT JOIN users u ON c.kind = 'user' AND u.username = c.local_name "
                + "LEFT JOIN distribution_groups d ON c.kind = 'distribution-group' AND d.name = c.local_name "
                + "WHERE c.owner_id = ? ORDER BY c.id")) {
            s.setLong(1, ownerId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    List<String> ids = memberships.getOrDefault(rs.getLong(1), List.of());
                    String uri = rs.getString(2);
                    String name = firstNonNull(rs.getString(4), rs.getString(7), rs.getString(8));
                    AccessLevel own = level(rs.getString(6));
                    AccessLevel fromGroups = null;
                    for (String id : ids) {
                        fromGroups = higher(fromGroups, groups.get(Long.parseLong(id)).accessLevel());
                    }
                    AccessLevel effective = own != null ? own : fromGroups != null ? fromGroups : defaultLevel(uri);
                    contacts.add(new Contact(uri, name, ContactKind.fromWire(rs.getString(3)), ids, rs.getInt(5) != 0,
                            own, effective));
                }
            }
        }
        return new ContactList(version, new ArrayList<>(groups.values()), contacts);
    }

    /**
     * The levels an owner set, by watcher URI: the contact's own level, else the highest of its groups' levels;
     * watchers without either are absent (they get {@link #defaultLevel}).
     */
    Map<String, AccessLevel> explicitLevels(Connection c, String owner) throws SQLException {
        Map<String, AccessLevel> own = new HashMap<>();
        Map<String, AccessLevel> fromGroups = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT c.uri, c.access_level, g.access_level FROM contacts c "
                + "JOIN users u ON u.id = c.owner_id LEFT JOIN contact_group_members m ON m.contact_id = c.id "
                + "LEFT JOIN contact_groups g ON g.id = m.group_id WHERE u.username = ?")) {
            s.setString(1, owner);
            collectLevels(s, own, fromGroups);
        }
        fromGroups.putAll(own);
        return fromGroups;
    }

    /** The levels each owner set for one watcher URI (as {@link #explicitLevels}), by owner user name. */
    Map<String, AccessLevel> levelsGrantedTo(Connection c, String watcherUri) throws SQLException {
        Map<String, AccessLevel> own = new HashMap<>();
        Map<String, AccessLevel> fromGroups = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT u.username, c.access_level, g.access_level FROM contacts c "
                + "JOIN users u ON u.id = c.owner_id LEFT JOIN contact_group_members m ON m.contact_id = c.id "
                + "LEFT JOIN contact_groups g ON g.id = m.group_id WHERE c.uri = ?")) {
            s.setString(1, watcherUri);
            collectLevels(s, own, fromGroups);
        }
        fromGroups.putAll(own);
        return fromGroups;
    }

    private static void collectLevels(PreparedStatement s, Map<String, AccessLevel> own, Map<String, AccessLevel> fromGroups)
            throws SQLException {
        try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                String key = rs.getString(1);
                AccessLevel o = level(rs.getString(2));
                if (o != null) {
                    own.put(key, o);
                }
                AccessLevel g = level(rs.getString(3));
                if (g != null) {
                    fromGroups.merge(key, g, ContactStore::higher);
                }
            }
        }
    }

    /** The level of a watcher the owner set nothing for: Company in our domain, Public elsewhere (and for tel:). */
    AccessLevel defaultLevel(String uri) {
        int at = uri.lastIndexOf('@');
        return uri.startsWith("sip:") && at > 0 && uri.substring(at + 1).equals(domain)
                ? AccessLevel.DEFAULT_SAME_DOMAIN : AccessLevel.DEFAULT_OTHER_DOMAIN;
    }

    // ---- contacts ----

    /** The contact's row id, or -1. */
    long contactId(Connection c, long ownerId, String uri) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT id FROM contacts WHERE owner_id = ? AND uri = ?")) {
            s.setLong(1, ownerId);
            s.setString(2, uri);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getLong(1) : -1;
            }
        }
    }

    int countContacts(Connection c, long ownerId) throws SQLException {
        return count(c, "SELECT COUNT(*) FROM contacts WHERE owner_id = ?", ownerId);
    }

    long insertContact(Connection c, long ownerId, String uri, ContactKind kind, String localName, String displayName)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO contacts (owner_id, uri, kind, local_name, display_name) "
                + "VALUES (?, ?, ?, ?, ?)", java.sql.Statement.RETURN_GENERATED_KEYS)) {
            s.setLong(1, ownerId);
            s.setString(2, uri);
            s.setString(3, kind.wireName());
            s.setString(4, localName);
            s.setString(5, displayName);
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    int deleteContact(Connection c, long contactId) throws SQLException {
        return update(c, "DELETE FROM contacts WHERE id = ?", contactId);
    }

    void setContactGroups(Connection c, long contactId, List<Long> groupIds) throws SQLException {
        update(c, "DELETE FROM contact_group_members WHERE contact_id = ?", contactId);
        for (long g : groupIds) {
            addToGroup(c, contactId, g);
        }
    }

    void addToGroup(Connection c, long contactId, long groupId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO contact_group_members (contact_id, group_id) VALUES (?, ?) ON CONFLICT DO NOTHING")) {
            s.setLong(1, contactId);
            s.setLong(2, groupId);
            s.executeUpdate();
        }
    }

    void setTagged(Connection c, long contactId, boolean tagged) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE contacts SET tagged = ? WHERE id = ?")) {
            s.setInt(1, tagged ? 1 : 0);
            s.setLong(2, contactId);
            s.executeUpdate();
        }
    }

    void setContactLevel(Connection c, long contactId, AccessLevel level) throws SQLException {
        setLevel(c, "UPDATE contacts SET access_level = ? WHERE id = ?", contactId, level);
    }

    // ---- groups ----

    boolean groupExists(Connection c, long ownerId, long groupId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM contact_groups WHERE owner_id = ? AND id = ?")) {
            s.setLong(1, ownerId);
            s.setLong(2, groupId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }

    int countGroups(Connection c, long ownerId) throws SQLException {
        return count(c, "SELECT COUNT(*) FROM contact_groups WHERE owner_id = ?", ownerId);
    }

    /** Whether another group of the owner (not {@code exceptId}) has this name, ignoring case. */
    boolean groupNameTaken(Connection c, long ownerId, String name, long exceptId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT 1 FROM contact_groups WHERE owner_id = ? AND lower(name) = lower(?) AND id <> ?")) {
            s.setLong(1, ownerId);
            s.setString(2, name);
            s.setLong(3, exceptId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }

    void insertGroup(Connection c, long ownerId, String name) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO contact_groups (owner_id, name) VALUES (?, ?)")) {
            s.setLong(1, ownerId);
            s.setString(2, name);
            s.executeUpdate();
        }
    }

    void renameGroup(Connection c, long groupId, String name) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE contact_groups SET name = ? WHERE id = ?")) {
            s.setString(1, name);
            s.setLong(2, groupId);
            s.executeUpdate();
        }
    }

    void deleteGroup(Connection c, long groupId) throws SQLException {
        update(c, "DELETE FROM contact_groups WHERE id = ?", groupId);
    }

    void setGroupLevel(Connection c, long groupId, AccessLevel level) throws SQLException {
        setLevel(c, "UPDATE contact_groups SET access_level = ? WHERE id = ?", groupId, level);
    }

    // ---- helpers ----

    private static void setLevel(Connection c, String sql, long id, AccessLevel level) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            if (level == null) {
                s.setNull(1, Types.VARCHAR);
            } else {
                s.setString(1, level.wireName());
            }
            s.setLong(2, id);
            s.executeUpdate();
        }
    }

    private static int count(Connection c, String sql, long arg) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, arg);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static int update(Connection c, String sql, long arg) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, arg);
            return s.executeUpdate();
        }
    }

    static AccessLevel level(String wire) {
        return wire == null ? null : AccessLevel.fromWire(wire);
    }

    static AccessLevel higher(AccessLevel a, AccessLevel b) {
        if (a == null) {
            return b;
        }
        return b == null || a.atLeast(b) ? a : b;
    }

    private static String firstNonNull(String... values) {
        for (String v : values) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }
}
