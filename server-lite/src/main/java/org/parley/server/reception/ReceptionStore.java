package org.parley.server.reception;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.parley.server.store.Database;

/**
 * The reception line's stored state: its settings, the attendant group (in order) and every call that reached the
 * line (caller, arrival, repeat count), from which repeat callers are recognised.
 */
public final class ReceptionStore {
    private final Database db;

    public ReceptionStore(Database db) {
        this.db = db;
    }

    public ReceptionSettings settings() {
        return ReceptionSettings.of(rawSettings());
    }

    /** The values set (defaults not included). */
    public Map<String, String> rawSettings() {
        return db.read(c -> {
            Map<String, String> out = new LinkedHashMap<>();
            try (PreparedStatement s = c.prepareStatement("SELECT name, value FROM reception_setting ORDER BY name");
                 ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getString(2));
                }
            }
            return out;
        });
    }

    /** Sets one setting (checked first); an empty value for a setting whose default is not empty resets it. */
    public void set(String name, String value) {
        ReceptionSettings.validate(name, value);
        db.write(c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM reception_setting WHERE name = ?")) {
                s.setString(1, name);
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO reception_setting (name, value) VALUES (?, ?)")) {
                s.setString(1, name);
                s.setString(2, value.strip());
                return s.executeUpdate();
            }
        });
    }

    public List<String> attendants() {
        return db.read(c -> {
            List<String> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT username FROM reception_attendant ORDER BY position");
                 ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        });
    }

    /** Replaces the attendant group (user names, lower-cased, duplicates dropped, order kept). */
    public void setAttendants(List<String> users) {
        List<String> clean = users.stream().map(u -> u.strip().toLowerCase(Locale.ROOT)).filter(u -> !u.isEmpty())
                .distinct().toList();
        db.write(c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM reception_attendant")) {
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO reception_attendant (username, position) VALUES (?, ?)")) {
                for (int i = 0; i < clean.size(); i++) {
                    s.setString(1, clean.get(i));
                    s.setInt(2, i);
                    s.addBatch();
                }
                s.executeBatch();
            }
            return null;
        });
    }

    /**
     * Records a call from {@code caller} arriving {@code at}; returns its repeat count: 1 for a first call, n when
     * n-1 calls from the same caller arrived within {@code window} before it.
     */
    public int arrived(String caller, Instant at, Duration window) {
        return db.write(c -> {
            int earlier;
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT COUNT(*) FROM reception_call WHERE caller = ? AND arrived_at >= ? AND arrived_at <= ?")) {
                s.setString(1, caller);
                s.setLong(2, at.minus(window).toEpochMilli());
                s.setLong(3, at.toEpochMilli());
                try (ResultSet rs = s.executeQuery()) {
                    earlier = rs.next() ? rs.getInt(1) : 0;
                }
            }
            int repeat = window.isZero() ? 1 : earlier + 1;
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO reception_call (caller, arrived_at, repeat) VALUES (?, ?, ?)")) {
                s.setString(1, caller);
                s.setLong(2, at.toEpochMilli());
                s.setInt(3, repeat);
                s.executeUpdate();
            }
            return repeat;
        });
    }

    /** The repeat counts stored for {@code caller}, oldest first. */
    public List<Integer> repeats(String caller) {
        return db.read(c -> {
            List<Integer> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT repeat FROM reception_call WHERE caller = ? ORDER BY arrived_at, rowid")) {
                s.setString(1, caller);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getInt(1));
                    }
                }
            }
            return out;
        });
    }

}
