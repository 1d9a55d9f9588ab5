package org.parley.server.contacts;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.parley.core.error.ErrorCode;
import org.parley.core.error.ParleyException;
import org.parley.server.store.Database;
import org.parley.server.users.UserProfile;

/**
 * Admin-defined distribution groups ({@code sip:NAME@domain}): a name that is never a user's, a display name and
 * member users. Managed with {@code parley admin group}; searched in the directory and expanded by clients.
 */
public final class DistributionGroups {
    /** A group and its members' user names, sorted. */
    public record Group(String name, String displayName, List<String> members) {
        public Group {
            members = List.copyOf(members);
        }
    }

    private final Database db;
    private final Clock clock;

    public DistributionGroups(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Adds a group; its name follows the user-name rules and must not be a user's; members must be users. */
    public Group add(String name, String displayName, List<String> members) {
        String n = UserProfile.normalizeUsername(name);
        if (displayName == null || displayName.isBlank()) {
            throw new ParleyException(ErrorCode.INVALID_ARGUMENT, "a display name is required");
        }
        db.write(conn -> {
            if (exists(conn, "SELECT 1 FROM users WHERE username = ?", n)) {
                throw new ParleyException(ErrorCode.ALREADY_EXISTS, "'" + n + "' is a user's name: a group needs another one");
            }
            if (exists(conn, "SELECT 1 FROM distribution_groups WHERE name = ?", n)) {
                throw new ParleyException(ErrorCode.ALREADY_EXISTS, "group '" + n + "' already exists");
            }
            try (PreparedStatement s = conn.prepareStatement(
                    "INSERT INTO distribution_groups (name, display_name, created_at) VALUES (?, ?, ?)")) {
                s.setString(1, n);
                s.setString(2, displayName.trim());
                s.setLong(3, clock.millis());
                s.executeUpdate();
            }
            for (String m : members) {
                addMember(conn, n, m);
            }
            return null;
        });
        return find(n).orElseThrow();
    }

    public void remove(String name) {
        String n = UserProfile.normalizeUsername(name);
        int rows = db.write(conn -> {
            try (PreparedStatement s = conn.prepareStatement("DELETE FROM distribution_groups WHERE name = ?")) {
                s.setString(1, n);
                return s.executeUpdate();
            }
        });
        if (rows == 0) {
            throw noGroup(n);
        }
    }

    public void addMember(String group, String user) {
        db.write(conn -> {
            addMember(conn, UserProfile.normalizeUsername(group), user);
            return null;
        });
    }

    public void removeMember(String group, String user) {
        String g = UserProfile.normalizeUsername(group);
        String u = UserProfile.normalizeUsername(user);
        db.write(conn -> {
            long groupId = groupId(conn, g);
            try (PreparedStatement s = conn.prepareStatement("DELETE FROM distribution_group_members WHERE group_id = ? "
                    + "AND user_id = (SELECT id FROM users WHERE username = ?)")) {
                s.setLong(1, groupId);
                s.setString(2, u);
                if (s.executeUpdate() == 0) {
                    throw new ParleyException(ErrorCode.NOT_FOUND, "'" + u + "' is not a member of group '" + g + "'");
                }
            }
            return null;
        });
    }

    public Optional<Group> find(String name) {
        String n = name.trim().toLowerCase(java.util.Locale.ROOT);
        return list().stream().filter(g -> g.name().equals(n)).findFirst();
    }

    public boolean exists(String name) {
        return db.read(conn -> exists(conn, "SELECT 1 FROM distribution_groups WHERE name = ?",
                name.trim().toLowerCase(java.util.Locale.ROOT)));
    }

    /** Every group with its members, by name. */
    public List<Group> list() {
        return db.read(conn -> {
            Map<String, String> names = new LinkedHashMap<>();
            Map<String, List<String>> members = new LinkedHashMap<>();
            try (PreparedStatement s = conn.prepareStatement(
                    "SELECT name, display_name FROM distribution_groups ORDER BY name");
                 ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    names.put(rs.getString(1), rs.getString(2));
                    members.put(rs.getString(1), new ArrayList<>());
                }
            }
            try (PreparedStatement s = conn.prepareStatement("SELECT g.name, u.username FROM distribution_group_members m "
                    + "JOIN distribution_groups g ON g.id = m.group_id JOIN users u ON u.id = m.user_id ORDER BY u.username");
                 ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    members.get(rs.getString(1)).add(rs.getString(2));
                }
            }
            List<Group> out = new ArrayList<>();
            names.forEach((n, d) -> out.add(new Group(n, d, members.get(n))));
            return out;
        });
    }

    private static void addMember(Connection conn, String group, String user) throws SQLException {
        String u = UserProfile.normalizeUsername(user);
        long groupId = groupId(conn, group);
        Long userId = null;
        try (PreparedStatement s = conn.prepareStatement("SELECT id FROM users WHERE username = ?")) {
            s.setString(1, u);
            try (ResultSet rs = s.executeQuery()) {
                if (rs.next()) {
                    userId = rs.getLong(1);
                }
            }
        }
        if (userId == null) {
            throw new ParleyException(ErrorCode.NOT_FOUND, "no user '" + u + "'");
        }
        try (PreparedStatement s = conn.prepareStatement(
                "INSERT INTO distribution_group_members (group_id, user_id) VALUES (?, ?) ON CONFLICT DO NOTHING")) {
            s.setLong(1, groupId);
            s.setLong(2, userId);
            if (s.executeUpdate() == 0) {
                throw new ParleyException(ErrorCode.ALREADY_EXISTS, "'" + u + "' is already a member of group '" + group + "'");
            }
        }
    }

    private static long groupId(Connection conn, String name) throws SQLException {
        try (PreparedStatement s = conn.prepareStatement("SELECT id FROM distribution_groups WHERE name = ?")) {
            s.setString(1, name);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw noGroup(name);
                }
                return rs.getLong(1);
            }
        }
    }

    private static boolean exists(Connection conn, String sql, String arg) throws SQLException {
        try (PreparedStatement s = conn.prepareStatement(sql)) {
            s.setString(1, arg);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static ParleyException noGroup(String name) {
        return new ParleyException(ErrorCode.NOT_FOUND, "no group '" + name + "'");
    }
}
