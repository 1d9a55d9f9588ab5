package org.parley.server.routing;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.parley.core.client.CallForwarding;
import org.parley.core.contacts.ForwardingCodec;
import org.parley.core.contacts.ServiceCodec;
import org.parley.server.store.Database;

/**
 * Each user's forwarding rules in table {@code call_forwarding} (JSON as in the SERVICE op), with a read cache:
 * the proxy reads the callee's rules for every call. A user without a row has {@link CallForwarding#DEFAULT}.
 */
public final class ForwardingStore {
    private final Database db;
    private final Clock clock;
    private final Map<String, Optional<CallForwarding>> cache = new ConcurrentHashMap<>();

    public ForwardingStore(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public CallForwarding get(String user) {
        return cache.computeIfAbsent(user, this::load).orElse(CallForwarding.DEFAULT);
    }

    public void put(String user, CallForwarding rules) {
        String json = ServiceCodec.write(ForwardingCodec.toJson(rules));
        db.write(conn -> {
            try (PreparedStatement s = conn.prepareStatement("INSERT INTO call_forwarding (username, rules, updated_at)"
                    + " VALUES (?, ?, ?) ON CONFLICT (username) DO UPDATE SET rules = excluded.rules, updated_at = excluded.updated_at")) {
                s.setString(1, user);
                s.setString(2, json);
                s.setLong(3, clock.millis());
                return s.executeUpdate();
            }
        });
        cache.put(user, Optional.of(rules));
    }

    /** Forgets cached rules (e.g. after `parley admin` removed a user). */
    public void invalidateAll() {
        cache.clear();
    }

    private Optional<CallForwarding> load(String user) {
        String json = db.read(conn -> {
            try (PreparedStatement s = conn.prepareStatement("SELECT rules FROM call_forwarding WHERE username = ?")) {
                s.setString(1, user);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? rs.getString(1) : null;
                }
            }
        });
        return json == null ? Optional.empty() : Optional.of(ForwardingCodec.fromJson(ServiceCodec.parseObject(json)));
    }
}
