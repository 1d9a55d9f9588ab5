package org.parley.core.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.parley.core.client.HistoryService;
import org.parley.core.model.InstantMessage;
import org.parley.core.model.InstantMessage.Delivery;

/** Every message sent or received, per conversation (peer or session), searchable by text. */
public final class HistoryStore implements HistoryService {
    private static final String COLUMNS = "id, from_uri, to_uri, session, content_type, body, sent_at, delivery";

    private final ClientStore store;

    public HistoryStore(ClientStore store) {
        this.store = store;
    }

    /** Stores a message of the conversation with {@code peer} (the other party, or the session); returns it with its id. */
    public InstantMessage add(String peer, InstantMessage m) {
        long id = store.run(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO im_message (peer, from_uri, to_uri, session,"
                    + " content_type, body, sent_at, delivery) VALUES (?,?,?,?,?,?,?,?)", Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, key(peer));
                ps.setString(2, m.from());
                ps.setString(3, m.to());
                ps.setString(4, m.session());
                ps.setString(5, m.contentType());
                ps.setString(6, m.text());
                ps.setLong(7, m.sentAt().toEpochMilli());
                ps.setString(8, m.delivery().name());
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
        return new InstantMessage(Long.toString(id), m.from(), m.to(), m.session(), m.contentType(), m.text(), m.sentAt(),
                m.delivery());
    }

    /** Records what became of a sent message. */
    public void setDelivery(String id, Delivery delivery) {
        store.run(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE im_message SET delivery = ? WHERE id = ?")) {
                ps.setString(1, delivery.name());
                ps.setLong(2, Long.parseLong(id));
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public List<InstantMessage> conversation(String peerOrSession, int limit) {
        List<InstantMessage> newestFirst = store.run(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
                    + " FROM im_message WHERE peer = ? ORDER BY sent_at DESC, id DESC LIMIT ?")) {
                ps.setString(1, key(peerOrSession));
                ps.setInt(2, Math.max(0, limit));
                return read(ps);
            }
        });
        Collections.reverse(newestFirst);
        return newestFirst;
    }

    @Override
    public List<InstantMessage> search(String query, int limit) {
        String pattern = "%" + query.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                .replace("_", "\\_") + "%";
        return store.run(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM im_message"
                    + " WHERE lower(body) LIKE ? ESCAPE '\\' ORDER BY sent_at DESC, id DESC LIMIT ?")) {
                ps.setString(1, pattern);
                ps.setInt(2, Math.max(0, limit));
                return read(ps);
            }
        });
    }

    private static List<InstantMessage> read(PreparedStatement ps) throws SQLException {
        List<InstantMessage> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new InstantMessage(Long.toString(rs.getLong(1)), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), Instant.ofEpochMilli(rs.getLong(7)),
                        Delivery.valueOf(rs.getString(8))));
            }
        }
        return out;
    }

    private static String key(String uri) {
        return uri.toLowerCase(Locale.ROOT);
    }
}
