package org.parley.core.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The people this user last exchanged messages or calls with: the newest {@link #SIZE} are kept. */
public final class RecentContacts {
    public static final int SIZE = 10;

    private final ClientStore store;

    public RecentContacts(ClientStore store) {
        this.store = store;
    }

    public void touch(String uri, Instant at) {
        store.run(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO recent_contact (uri, last_at) VALUES (?, ?)"
                    + " ON CONFLICT(uri) DO UPDATE SET last_at = MAX(last_at, excluded.last_at)")) {
                ps.setString(1, uri.toLowerCase(Locale.ROOT));
                ps.setLong(2, at.toEpochMilli());
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM recent_contact WHERE uri NOT IN"
                    + " (SELECT uri FROM recent_contact ORDER BY last_at DESC, uri LIMIT ?)")) {
                ps.setInt(1, SIZE);
                return ps.executeUpdate();
            }
        });
    }

    /** Newest first. */
    public List<String> list() {
        return store.run(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT uri FROM recent_contact ORDER BY last_at DESC, uri LIMIT ?")) {
                ps.setInt(1, SIZE);
                List<String> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                }
                return out;
            }
        });
    }
}
