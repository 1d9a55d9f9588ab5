package org.parley.server.registrar;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.parley.server.store.Database;

/** Bindings in the store: loaded at start, written behind in batches by {@link BindingTable}. */
public final class BindingStore {
    private final Database db;

    public BindingStore(Database db) {
        this.db = db;
    }

    public List<Binding> loadUnexpired(long nowMillis) {
        return db.read(conn -> {
            try (PreparedStatement s = conn.prepareStatement("SELECT aor, contact_uri, contact_text, call_id, cseq, expires_at, q,"
                    + " transport, source_host, source_port, user_agent FROM registrations WHERE expires_at > ?")) {
                s.setLong(1, nowMillis);
                try (ResultSet rs = s.executeQuery()) {
                    List<Binding> out = new ArrayList<>();
                    while (rs.next()) {
                        out.add(new Binding(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5),
                                rs.getLong(6), rs.getFloat(7), rs.getString(8), rs.getString(9), rs.getInt(10), rs.getString(11)));
                    }
                    return out;
                }
            }
        });
    }

    /** Applies upserts and removals in one transaction, then drops expired rows. */
    public void apply(List<Binding> upserts, List<Binding> removals, long nowMillis) {
        db.write(conn -> {
            try (PreparedStatement up = conn.prepareStatement("INSERT INTO registrations (aor, contact_uri, contact_text, call_id,"
                    + " cseq, expires_at, q, transport, source_host, source_port, user_agent) VALUES (?,?,?,?,?,?,?,?,?,?,?)"
                    + " ON CONFLICT (aor, contact_uri) DO UPDATE SET contact_text = excluded.contact_text,"
                    + " call_id = excluded.call_id, cseq = excluded.cseq, expires_at = excluded.expires_at, q = excluded.q,"
                    + " transport = excluded.transport, source_host = excluded.source_host,"
                    + " source_port = excluded.source_port, user_agent = excluded.user_agent");
                 PreparedStatement del = conn.prepareStatement("DELETE FROM registrations WHERE aor = ? AND contact_uri = ?");
                 PreparedStatement expire = conn.prepareStatement("DELETE FROM registrations WHERE expires_at <= ?")) {
                for (Binding b : upserts) {
                    up.setString(1, b.aor());
                    up.setString(2, b.contactUri());
                    up.setString(3, b.contactText());
                    up.setString(4, b.callId());
                    up.setLong(5, b.cseq());
                    up.setLong(6, b.expiresAt());
                    up.setFloat(7, b.q());
                    up.setString(8, b.transport());
                    up.setString(9, b.sourceHost());
                    up.setInt(10, b.sourcePort());
                    up.setString(11, b.userAgent());
                    up.addBatch();
                }
                up.executeBatch();
                for (Binding b : removals) {
                    del.setString(1, b.aor());
                    del.setString(2, b.contactUri());
                    del.addBatch();
                }
                del.executeBatch();
                expire.setLong(1, nowMillis);
                expire.executeUpdate();
            }
            return null;
        });
    }
}
