package org.parley.core.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.parley.core.client.HistoryService.CallRecord;
import org.parley.core.client.HistoryService.CallRecord.Outcome;
import org.parley.core.client.TelephonyService.Call;
import org.parley.core.client.TelephonyService.Direction;
import org.parley.core.client.TelephonyService.EndReason;

/** The call log in the client's store: a row per ended call, written once when the call ends. */
public final class CallLog {
    private final ClientStore store;

    public CallLog(ClientStore store) {
        this.store = store;
    }

    /** Records an ENDED call (once per call id; a second report of the same call is ignored). */
    public CallRecord add(Call ended, Instant endedAt) {
        CallRecord r = new CallRecord(ended.id(), ended.peer(), ended.peerName(), ended.direction(), outcome(ended),
                ended.started(), ended.connected(), endedAt, ended.detail());
        store.run(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT OR IGNORE INTO call_log (call_id, peer, peer_name,"
                    + " direction, outcome, started_at, connected_at, ended_at, detail) VALUES (?,?,?,?,?,?,?,?,?)")) {
                ps.setString(1, r.callId());
                ps.setString(2, r.peer());
                ps.setString(3, r.peerName());
                ps.setString(4, r.direction().name());
                ps.setString(5, r.outcome().name());
                ps.setLong(6, r.started().toEpochMilli());
                if (r.connected() == null) {
                    ps.setNull(7, Types.INTEGER);
                } else {
                    ps.setLong(7, r.connected().toEpochMilli());
                }
                ps.setLong(8, r.ended().toEpochMilli());
                ps.setString(9, r.detail());
                return ps.executeUpdate();
            }
        });
        return r;
    }

    /** What became of a call, as the log shows it. */
    static Outcome outcome(Call c) {
        EndReason why = c.endReason();
        if (c.connected() != null) {
            return Outcome.ANSWERED;
        }
        // an incoming call that arrived forwarded (History-Info) and was not answered is still this user's missed call
        if (why == EndReason.TRANSFERRED || (c.forwarded() && c.direction() == Direction.OUTGOING)) {
            return Outcome.FORWARDED;
        }
        if (c.direction() == Direction.INCOMING) {
            return why == EndReason.DECLINED || why == EndReason.BUSY ? Outcome.DECLINED
                    : why == EndReason.FAILED || why == EndReason.MEDIA_REFUSED ? Outcome.FAILED : Outcome.MISSED;
        }
        return switch (why == null ? EndReason.FAILED : why) {
            case FAILED, MEDIA_REFUSED, NOT_FOUND -> Outcome.FAILED;
            default -> Outcome.UNANSWERED;
        };
    }

    /** Newest first. */
    public List<CallRecord> list(int limit) {
        return store.run(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT call_id, peer, peer_name, direction, outcome,"
                    + " started_at, connected_at, ended_at, detail FROM call_log ORDER BY started_at DESC, rowid DESC"
                    + " LIMIT ?")) {
                ps.setInt(1, limit <= 0 ? Integer.MAX_VALUE : limit);
                List<CallRecord> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long connected = rs.getLong(7);
                        boolean noConnect = rs.wasNull();
                        out.add(new CallRecord(rs.getString(1), rs.getString(2), rs.getString(3),
                                Direction.valueOf(rs.getString(4)), Outcome.valueOf(rs.getString(5)),
                                Instant.ofEpochMilli(rs.getLong(6)), noConnect ? null : Instant.ofEpochMilli(connected),
                                Instant.ofEpochMilli(rs.getLong(8)), rs.getString(9)));
                    }
                }
                return out;
            }
        });
    }
}
