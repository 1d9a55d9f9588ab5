package org.parley.attendant.notes;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.parley.core.store.ClientStore;

/**
 * The attendant's notes, one per call, in the local store's {@code call_notes} table (core migration V4). Saving a
 * call's note again replaces it. Searchable by text, caller address or caller name.
 */
public final class CallNotes {
    /** A saved note. */
    public record Note(String callId, String peer, String peerName, String text, Instant savedAt) {
    }

    private final ClientStore store;

    public CallNotes(ClientStore store) {
        this.store = store;
    }

    public void save(Note note) {
        store.run(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT OR REPLACE INTO call_notes (call_id, peer, peer_name,"
                    + " note, saved_at) VALUES (?,?,?,?,?)")) {
                ps.setString(1, note.callId());
                ps.setString(2, note.peer());
                ps.setString(3, note.peerName());
                ps.setString(4, note.text());
                ps.setLong(5, note.savedAt().toEpochMilli());
                return ps.executeUpdate();
            }
        });
    }

    public Optional<Note> of(String callId) {
        return query("WHERE call_id = ?", callId, 1).stream().findFirst();
    }

    /** Notes whose text, caller or caller name contains {@code text} (ignoring case), newest first; blank: all. */
    public List<Note> search(String text, int limit) {
        String q = text == null ? "" : text.strip().toLowerCase(java.util.Locale.ROOT);
        return query("WHERE lower(note) LIKE ?1 OR lower(peer) LIKE ?1 OR lower(coalesce(peer_name,'')) LIKE ?1",
                "%" + q.replace("%", "").replace("_", "") + "%", limit);
    }

    private List<Note> query(String where, String arg, int limit) {
        return store.run(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT call_id, peer, peer_name, note, saved_at FROM call_notes "
                    + where + " ORDER BY saved_at DESC, rowid DESC LIMIT " + Math.max(1, limit))) {
                ps.setString(1, arg);
                List<Note> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Note(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                Instant.ofEpochMilli(rs.getLong(5))));
                    }
                }
                return out;
            }
        });
    }
}
