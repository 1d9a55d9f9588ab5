package org.parley.server.users;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.parley.server.store.Database;

/**
 * Notices user changes made by another process on the same store (e.g. {@code parley admin} while the server
 * runs): a cheap signature of the users table, polled; {@link #changed()} is true once per change.
 */
public final class UserChangeWatcher {
    private final Database db;
    private String last;

    public UserChangeWatcher(Database db) {
        this.db = db;
        this.last = signature();
    }

    private String signature() {
        return db.read(conn -> {
            try (PreparedStatement s = conn.prepareStatement("SELECT COUNT(*), MAX(updated_at) FROM users");
                 ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1) + "/" + rs.getLong(2);
            }
        });
    }

    public synchronized boolean changed() {
        String now = signature();
        if (now.equals(last)) {
            return false;
        }
        last = now;
        return true;
    }
}
