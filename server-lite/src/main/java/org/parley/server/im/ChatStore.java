package org.parley.server.im;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.parley.server.store.Database;

/** Multiparty sessions and their rosters in the store (tables {@code im_sessions}, {@code im_session_participants}). */
final class ChatStore {
    /** A session as stored. */
    record Row(String id, String subject, String createdBy, List<String> participants) {
    }

    private final Database db;

    ChatStore(Database db) {
        this.db = db;
    }

    void create(String id, String subject, String createdBy, long createdAt, List<String> participants) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO im_sessions (id, subject, created_by, created_at) VALUES (?, ?, ?, ?)")) {
                ps.setString(1, id);
                ps.setString(2, subject);
                ps.setString(3, createdBy);
                ps.setLong(4, createdAt);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO im_session_participants (session_id, aor, position) VALUES (?, ?, ?)")) {
                int position = 0;
                for (String aor : participants) {
                    ps.setString(1, id);
                    ps.setString(2, aor);
                    ps.setInt(3, position++);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    void addParticipant(String id, String aor) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT OR IGNORE INTO im_session_participants (session_id, aor,"
                    + " position) SELECT ?, ?, COALESCE(MAX(position), -1) + 1 FROM im_session_participants WHERE session_id = ?")) {
                ps.setString(1, id);
                ps.setString(2, aor);
                ps.setString(3, id);
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** Removes a participant; deletes the session when nobody is left. */
    void removeParticipant(String id, String aor) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "DELETE FROM im_session_participants WHERE session_id = ? AND aor = ?")) {
                ps.setString(1, id);
                ps.setString(2, aor);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM im_sessions WHERE id = ? AND NOT EXISTS"
                    + " (SELECT 1 FROM im_session_participants WHERE session_id = ?)")) {
                ps.setString(1, id);
                ps.setString(2, id);
                ps.executeUpdate();
            }
            return null;
        });
    }

    List<Row> loadAll() {
        return db.read(c -> {
            Map<String, String[]> sessions = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, subject, created_by FROM im_sessions ORDER BY created_at");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    sessions.put(rs.getString(1), new String[] {rs.getString(2), rs.getString(3)});
                }
            }
            Map<String, List<String>> rosters = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT session_id, aor FROM im_session_participants ORDER BY session_id, position");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rosters.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
                }
            }
            List<Row> out = new ArrayList<>();
            sessions.forEach((id, s) -> out.add(new Row(id, s[0], s[1], rosters.getOrDefault(id, List.of()))));
            return out;
        });
    }
}
