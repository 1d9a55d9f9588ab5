package org.parley.server.reception;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.IntFunction;
import java.util.function.Predicate;
import org.parley.server.cdr.CallRecord;
import org.parley.server.store.Database;
import org.parley.server.transport.LocalDomain;
import org.parley.server.transport.Outbound;
import org.parley.server.transport.Responses;
import org.parley.server.uas.MediaHost;

/** Builds the reception line from the server's parts (the composition root calls {@link #start}). */
public final class ReceptionModule {
    /** Answered calls older than this without an end are taken as stale (a lost BYE), not as busy attendants. */
    static final Duration STALE = Duration.ofHours(4);
    /** How many recent call detail records are read to find who is in a call. */
    static final int RECENT = 200;

    /**
     * What the line needs of the server: {@code registered} tells whether a user has a registered device,
     * {@code recentCalls} returns the newest call detail records (newest first, at most the given count).
     */
    public record Parts(Database db, Path dataDir, LocalDomain domain, Responses responses, Outbound outbound,
                        Predicate<String> registered, IntFunction<List<CallRecord>> recentCalls,
                        ScheduledExecutorService scheduler, Clock clock, InetAddress mediaBind) {
    }

    private ReceptionModule() {
    }

    public static ReceptionLine start(Parts p) {
        ReceptionStore store = new ReceptionStore(p.db());
        MediaHost media = new MediaHost(p.dataDir(), p.mediaBind(), p.domain().advertisedHost());
        Attendants attendants = new Attendants(p.registered(), () -> inCall(p.recentCalls().apply(RECENT),
                p.domain().domain(), p.clock().instant()), p.clock());
        return new ReceptionLine(p.domain(), p.responses(), p.outbound(), store, media, attendants, p.scheduler(), p.clock());
    }

    /**
     * Local user names that are caller, callee or routed-to (who took a forwarded or ring-all call) of an answered,
     * not ended (and not stale) call.
     */
    static Set<String> inCall(List<CallRecord> recent, String domain, Instant now) {
        Set<String> out = new HashSet<>();
        String suffix = "@" + domain.toLowerCase(java.util.Locale.ROOT);
        for (CallRecord r : recent) {
            if (r.answered() == null || r.ended() != null || r.answered().isBefore(now.minus(STALE))) {
                continue;
            }
            for (String aor : new String[] {r.caller(), r.callee(), r.routedTo()}) {
                if (aor != null && aor.startsWith("sip:") && aor.endsWith(suffix)) {
                    out.add(aor.substring(4, aor.length() - suffix.length()));
                }
            }
        }
        return out;
    }
}
