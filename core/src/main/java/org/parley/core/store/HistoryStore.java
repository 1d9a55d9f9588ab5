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
import org.parley.core.client.HistoryQuery;
import org.parley.core.client.HistoryService;
import org.parley.core.im.SafeHtml;
import org.parley.core.model.InstantMessage;
import org.parley.core.model.InstantMessage.Delivery;

/**
 * Every message sent or received, per conversation (peer or session), searchable by participant, time and text.
 * Text is matched against what a reader sees (HTML bodies as plain text), ignoring case.
 */
public final class HistoryStore implements HistoryService {
    private static final String COLUMNS = "id, from_uri, to_uri, session, content_type, body, sent_at, delivery, subject,"
            + " high_priority";

    private final ClientStore store;
    private final CallLog callLog;

    public HistoryStore(ClientStore store) {
        this.store = store;
        this.callLog = new CallLog(store);
    }

    /** The call log kept with the messages. */
    public CallLog callLog() {
        return callLog;
    }

    /** Stores a message of the conversation with {@code peer} (the other party, or the session); returns it with its id. */
    public InstantMessage add(String peer, InstantMessage m) {
        long id = store.run(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO im_message (peer, from_uri, to_uri, session,"
                    + " content_type, body, sent_at, delivery, subject, high_priority) VALUES (?,?,?,?,?,?,?,?,?,?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, key(peer));
                ps.setString(2, m.from());
                ps.setString(3, m.to());
                ps.setString(4, m.session());
                ps.setString(5, m.contentType());
                ps.setString(6, m.text());
                ps.setLong(7, m.sentAt().toEpochMilli());
                ps.setString(8, m.delivery().name());
                ps.setString(9, m.subject());
                ps.setInt(10, m.highPriority() ? 1 : 0);
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
        return m.withId(Long.toString(id));
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
                return read(ps, null, Integer.MAX_VALUE);
            }
        });
        Collections.reverse(newestFirst);
        return newestFirst;
    }

    @Override
    public List<InstantMessage> search(String query, int limit) {
        return find(new HistoryQuery(null, null, null, query, Math.max(0, limit)));
    }

    @Override
    public List<InstantMessage> find(HistoryQuery q) {
        StringBuilder where = new StringBuilder(" WHERE 1=1");
        List<Object> args = new ArrayList<>();
        String participant = blankToNull(q.participant());
        if (participant != null) {
            String p = like(participant);
            where.append(" AND (peer = ? OR peer LIKE ? ESCAPE '\\' OR lower(from_uri) LIKE ? ESCAPE '\\'"
                    + " OR lower(to_uri) LIKE ? ESCAPE '\\')");
            args.add(key(participant));
            args.add(p);
            args.add(p);
            args.add(p);
        }
        if (q.from() != null) {
            where.append(" AND sent_at >= ?");
            args.add(q.from().toEpochMilli());
        }
        if (q.to() != null) {
            where.append(" AND sent_at < ?");
            args.add(q.to().toEpochMilli());
        }
        String text = q.text() == null || q.text().isEmpty() ? null : q.text().toLowerCase(Locale.ROOT);
        if (text != null && isAscii(text)) {
            // a cheap pre-filter (SQLite folds ASCII case only); HTML bodies are checked on their plain text below
            where.append(" AND (content_type = 'text/html' OR lower(body) LIKE ? ESCAPE '\\')");
            args.add(like(text));
        }
        int limit = q.limit() <= 0 ? Integer.MAX_VALUE : q.limit();
        String sql = "SELECT " + COLUMNS + " FROM im_message" + where + " ORDER BY sent_at DESC, id DESC"
                + (text == null ? " LIMIT " + limit : "");
        return store.run(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < args.size(); i++) {
                    ps.setObject(i + 1, args.get(i));
                }
                return read(ps, text, limit);
            }
        });
    }

    @Override
    public List<CallRecord> calls(int limit) {
        return callLog.list(limit);
    }

    @Override
    public List<ConversationSummary> conversations(int limit) {
        return store.run(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT g.peer, g.n, m.sent_at, m.body, m.content_type"
                    + " FROM (SELECT peer, COUNT(*) AS n FROM im_message GROUP BY peer) g"
                    + " JOIN im_message m ON m.id = (SELECT x.id FROM im_message x WHERE x.peer = g.peer"
                    + " ORDER BY x.sent_at DESC, x.id DESC LIMIT 1)"
                    + " ORDER BY m.sent_at DESC, m.id DESC LIMIT ?")) {
                ps.setInt(1, limit <= 0 ? Integer.MAX_VALUE : limit);
                List<ConversationSummary> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new ConversationSummary(rs.getString(1), Instant.ofEpochMilli(rs.getLong(3)),
                                SafeHtml.plainText(rs.getString(5), rs.getString(4)), rs.getInt(2)));
                    }
                }
                return out;
            }
        });
    }

    /** Rows newest first; when {@code text} is set only those whose plain text contains it; at most {@code limit}. */
    private static List<InstantMessage> read(PreparedStatement ps, String text, int limit) throws SQLException {
        List<InstantMessage> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (out.size() < limit && rs.next()) {
                InstantMessage m = new InstantMessage(Long.toString(rs.getLong(1)), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), Instant.ofEpochMilli(rs.getLong(7)),
                        Delivery.valueOf(rs.getString(8)), rs.getString(9), rs.getInt(10) != 0);
                if (text == null || SafeHtml.plainText(m.contentType(), m.text()).toLowerCase(Locale.ROOT).contains(text)) {
                    out.add(m);
                }
            }
        }
        return out;
    }

    private static String like(String s) {
        return "%" + s.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    private static boolean isAscii(String s) {
        return s.chars().allMatch(ch -> ch < 128);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static String key(String uri) {
        return uri.toLowerCase(Locale.ROOT);
    }
}
