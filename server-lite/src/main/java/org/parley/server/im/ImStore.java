package org.parley.server.im;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.parley.server.store.Database;

/**
 * The offline message store (table {@code im_stored}): every write is committed (WAL) before it returns, so a
 * 202 sent after {@link #store} survives a kill.
 */
public final class ImStore {
    private final Database db;

    public ImStore(Database db) {
        this.db = db;
    }

    /** Stores a message and returns its sequence number. Committed when this returns. */
    public long store(String recipient, String senderAor, String senderName, String contentType, byte[] body, long sentAt,
                      StoredMessage.Kind kind, String subject, boolean urgent) {
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO im_stored (recipient, sender_aor, sender_name,"
                    + " content_type, body, sent_at, kind, subject, urgent) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, recipient);
                ps.setString(2, senderAor);
                ps.setString(3, senderName);
                ps.setString(4, contentType);
                ps.setBytes(5, body);
                ps.setLong(6, sentAt);
                ps.setString(7, kind.wireName());
                ps.setString(8, subject);
                ps.setInt(9, urgent ? 1 : 0);
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
    }

    /** The oldest message kept for a user; {@code missed} ones only when {@code includeMissed}. */
    public Optional<StoredMessage> oldest(String recipient, boolean includeMissed) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT seq, sender_aor, sender_name, content_type, body, sent_at,"
                    + " kind, subject, urgent FROM im_stored WHERE recipient = ?" + (includeMissed ? "" : " AND kind = 'offline'")
                    + " ORDER BY seq LIMIT 1")) {
                ps.setString(1, recipient);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new StoredMessage(rs.getLong(1), recipient, rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getBytes(5), rs.getLong(6), StoredMessage.Kind.fromWire(rs.getString(7)),
                            rs.getString(8), rs.getInt(9) != 0));
                }
            }
        });
    }

    /** Deletes a delivered message; false when it was already gone. */
    public boolean delete(long seq) {
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM im_stored WHERE seq = ?")) {
                ps.setLong(1, seq);
                return ps.executeUpdate() > 0;
            }
        });
    }

    /** The users something is kept for. */
    public List<String> recipients() {
        return db.read(c -> {
            List<String> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT recipient FROM im_stored");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        });
    }

    /** How many messages are kept for a user. */
    public int count(String recipient) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM im_stored WHERE recipient = ?")) {
                ps.setString(1, recipient);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
    }
}
