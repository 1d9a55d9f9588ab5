package org.parley.server.cdr;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.parley.server.store.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Call detail records in table {@code cdr}: the proxy opens a {@link Call} for each initial INVITE it routes, notes
 * where it went, and finishes it with the final status the caller got; a BYE through the proxy marks the end of an
 * answered call. Rows are written by one background thread so call setup never waits for the disk; {@link #close}
 * writes what is queued. {@link #list} reads them back (newest first) for {@code parley admin cdr}.
 */
public final class CallDetails implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CallDetails.class);

    private final Database db;
    private final Clock clock;
    private final ExecutorService writer;

    public CallDetails(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
        this.writer = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "parley-cdr-writer");
            t.setDaemon(true);
            return t;
        });
    }

    /** A reader only (no writer thread is used): for `parley admin` on a stopped or running server's store. */
    public static List<CallRecord> list(Database db, int limit) {
        return db.read(conn -> {
            try (PreparedStatement s = conn.prepareStatement("SELECT id, call_id, caller, callee, started_at, answered_at,"
                    + " ended_at, outcome, status, forwarding_reason, routed_to FROM cdr ORDER BY started_at DESC, id DESC LIMIT ?")) {
                s.setInt(1, limit);
                try (ResultSet rs = s.executeQuery()) {
                    List<CallRecord> out = new ArrayList<>();
                    while (rs.next()) {
                        out.add(new CallRecord(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                instant(rs, 5), instant(rs, 6), instant(rs, 7), rs.getString(8), rs.getInt(9),
                                rs.getString(10), rs.getString(11)));
                    }
                    return out;
                }
            }
        });
    }

    public List<CallRecord> list(int limit) {
        return list(db, limit);
    }

    /** Opens the record of a call now starting. */
    public Call begin(String callId, String caller, String callee) {
        return new Call(callId, caller, callee, clock.instant());
    }

    /** The BYE of a call went through: the answered call's record gets its end time. */
    public void byeSeen(String callId) {
        long at = clock.millis();
        submit(() -> db.write(conn -> {
            try (PreparedStatement s = conn.prepareStatement("UPDATE cdr SET ended_at = ? WHERE call_id = ? AND ended_at IS NULL"
                    + " AND answered_at IS NOT NULL")) {
                s.setLong(1, at);
                s.setString(2, callId);
                return s.executeUpdate();
            }
        }));
    }

    /** One call being routed; thread-safe, finished once (later calls are ignored). */
    public final class Call {
        private final String callId;
        private final String caller;
        private final String callee;
        private final Instant started;
        private String forwardingReason;
        private String routedTo;
        private boolean finished;

        private Call(String callId, String caller, String callee, Instant started) {
            this.callId = callId;
            this.caller = caller;
            this.callee = callee;
            this.started = started;
        }

        /** Where the call is going now; a non-null reason marks it forwarded (the first reason is kept). */
        public synchronized void routed(String to, String reason) {
            routedTo = to;
            if (forwardingReason == null) {
                forwardingReason = reason;
            }
        }

        /** The caller got {@code status} as the final answer; a voicemail desk that took the call is "voicemail". */
        public void finished(int status, boolean voicemail) {
            finished(status, voicemail ? "voicemail" : CallRecord.outcomeOf(status));
        }

        /** As {@link #finished(int, boolean)} with the outcome word given (e.g. "refused" for a Blocked caller). */
        public void finished(int status, String outcome) {
            Instant now = clock.instant();
            String reason;
            String to;
            synchronized (this) {
                if (finished) {
                    return;
                }
                finished = true;
                reason = forwardingReason;
                to = routedTo;
            }
            boolean answered = status / 100 == 2 || "voicemail".equals(outcome);
            submit(() -> insert(this, answered ? now : null, answered ? null : now, outcome, status, reason, to));
        }
    }

    private void insert(Call c, Instant answered, Instant ended, String outcome, int status, String reason, String to) {
        db.write(conn -> {
            try (PreparedStatement s = conn.prepareStatement("INSERT INTO cdr (call_id, caller, callee, started_at, answered_at,"
                    + " ended_at, outcome, status, forwarding_reason, routed_to) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                s.setString(1, c.callId);
                s.setString(2, c.caller);
                s.setString(3, c.callee);
                s.setLong(4, c.started.toEpochMilli());
                setInstant(s, 5, answered);
                setInstant(s, 6, ended);
                s.setString(7, outcome);
                s.setInt(8, status);
                s.setString(9, reason);
                s.setString(10, to);
                return s.executeUpdate();
            }
        });
    }

    private void submit(Runnable write) {
        try {
            writer.execute(() -> {
                try {
                    write.run();
                } catch (RuntimeException e) {
                    LOG.warn("could not write a call detail record: {}", e.getMessage());
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            LOG.debug("call detail record dropped: the server is stopping");
        }
    }

    private static void setInstant(PreparedStatement s, int i, Instant t) throws SQLException {
        if (t == null) {
            s.setNull(i, Types.BIGINT);
        } else {
            s.setLong(i, t.toEpochMilli());
        }
    }

    private static Instant instant(ResultSet rs, int i) throws SQLException {
        long v = rs.getLong(i);
        return rs.wasNull() ? null : Instant.ofEpochMilli(v);
    }

    /** Writes what is queued (up to 5 s), then stops the writer. */
    @Override
    public void close() {
        writer.shutdown();
        try {
            if (!writer.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.warn("call detail records still queued at shutdown were dropped");
                writer.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
