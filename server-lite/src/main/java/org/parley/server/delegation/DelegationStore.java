package org.parley.server.delegation;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.parley.core.client.DelegationService.RingMode;
import org.parley.core.client.DelegationService.Settings;
import org.parley.server.store.Database;

/**
 * Each manager's delegation in tables {@code delegation} and {@code delegate}, with a read cache: the proxy reads
 * the callee's delegation for every call and the caller's for every on-behalf-of call. Delegates are local user
 * names here (AORs only on the wire). A write replaces the cache entry at once, so a removed delegate loses the
 * right to act for the manager with the next request.
 */
public final class DelegationStore {
    private final Database db;
    private final Clock clock;
    private final Map<String, Settings> cache = new ConcurrentHashMap<>();

    public DelegationStore(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** The manager's delegation (delegates as user names); {@link Settings#NONE} without one. */
    public Settings get(String manager) {
        return cache.computeIfAbsent(manager, this::load);
    }

    /** Whether {@code user} is currently one of {@code manager}'s delegates. */
    public boolean isDelegate(String manager, String user) {
        return get(manager).delegates().contains(user);
    }

    public void put(String manager, Settings s) {
        db.write(conn -> {
            try (PreparedStatement del = conn.prepareStatement("DELETE FROM delegate WHERE manager = ?")) {
                del.setString(1, manager);
                del.executeUpdate();
            }
            try (PreparedStatement up = conn.prepareStatement("INSERT INTO delegation (manager, mode, delay_seconds, updated_at)"
                    + " VALUES (?, ?, ?, ?) ON CONFLICT (manager) DO UPDATE SET mode = excluded.mode,"
                    + " delay_seconds = excluded.delay_seconds, updated_at = excluded.updated_at")) {
                up.setString(1, manager);
                up.setString(2, s.mode().name());
                up.setInt(3, s.delaySeconds());
                up.setLong(4, clock.millis());
                up.executeUpdate();
            }
            try (PreparedStatement ins = conn.prepareStatement("INSERT INTO delegate (manager, delegate, position) VALUES (?, ?, ?)")) {
                int i = 0;
                for (String d : s.delegates()) {
                    ins.setString(1, manager);
                    ins.setString(2, d);
                    ins.setInt(3, i++);
                    ins.addBatch();
                }
                ins.executeBatch();
            }
            return null;
        });
        cache.put(manager, s);
    }

    /** The managers {@code delegate} serves (user names), in name order. */
    public List<String> managersOf(String delegate) {
        return db.read(conn -> {
            try (PreparedStatement s = conn.prepareStatement("SELECT manager FROM delegate WHERE delegate = ? ORDER BY manager")) {
                s.setString(1, delegate);
                List<String> out = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                }
                return out;
            }
        });
    }

    /** Forgets cached delegations (e.g. after `parley admin` removed a user). */
    public void invalidateAll() {
        cache.clear();
    }

    private Settings load(String manager) {
        return db.read(conn -> {
            RingMode mode = null;
            int delay = 0;
            try (PreparedStatement s = conn.prepareStatement("SELECT mode, delay_seconds FROM delegation WHERE manager = ?")) {
                s.setString(1, manager);
                try (ResultSet rs = s.executeQuery()) {
                    if (rs.next()) {
                        mode = RingMode.valueOf(rs.getString(1));
                        delay = rs.getInt(2);
                    }
                }
            }
            if (mode == null) {
                return Settings.NONE;
            }
            List<String> delegates = new ArrayList<>();
            try (PreparedStatement s = conn.prepareStatement("SELECT delegate FROM delegate WHERE manager = ? ORDER BY position")) {
                s.setString(1, manager);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        delegates.add(rs.getString(1));
                    }
                }
            }
            return new Settings(delegates, mode, delay);
        });
    }
}
