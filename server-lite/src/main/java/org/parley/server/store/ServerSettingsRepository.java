package org.parley.server.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;

/** Small key/value facts about the server kept in the store (e.g. the domain it last ran with). */
public final class ServerSettingsRepository {
    public static final String DOMAIN = "domain";

    private final Database db;

    public ServerSettingsRepository(Database db) {
        this.db = db;
    }

    public Optional<String> get(String name) {
        return db.read(conn -> {
            try (PreparedStatement s = conn.prepareStatement("SELECT value FROM server_settings WHERE name = ?")) {
                s.setString(1, name);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
                }
            }
        });
    }

    public void put(String name, String value) {
        db.write(conn -> {
            try (PreparedStatement s = conn.prepareStatement("INSERT INTO server_settings (name, value) VALUES (?, ?)"
                    + " ON CONFLICT (name) DO UPDATE SET value = excluded.value")) {
                s.setString(1, name);
                s.setString(2, value);
                return s.executeUpdate();
            }
        });
    }
}
