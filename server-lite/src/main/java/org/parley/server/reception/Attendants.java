package org.parley.server.reception;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Which attendants are free, and which one gets the next caller. An attendant is busy while the line is referring a
 * caller to them, for a short grace after a caller was connected to them (until the proxy's call detail record of
 * that call is written), and while a call through the server with them as caller or callee is answered and not yet
 * ended (its CDR); an attendant with no registered device is not free. Idle time counts from the last moment the
 * attendant was seen busy (never: longest idle of all). Not thread-safe: the line calls it under its lock.
 */
final class Attendants {
    /** After a connection the attendant stays busy this long even before its CDR row appears. */
    static final Duration GRACE = Duration.ofSeconds(3);

    private final Predicate<String> registered;
    private final Supplier<Set<String>> inCall;
    private final Clock clock;
    private final Set<String> offered = new HashSet<>();
    private final Map<String, Instant> connectedAt = new HashMap<>();
    private final Map<String, Instant> lastBusy = new HashMap<>();

    /**
     * @param registered whether a user has a registered device
     * @param inCall     the user names now in an answered, not ended call through the server (read once per round)
     */
    Attendants(Predicate<String> registered, Supplier<Set<String>> inCall, Clock clock) {
        this.registered = registered;
        this.inCall = inCall;
        this.clock = clock;
    }

    /** The free attendants of {@code group}, in group order; notes who is busy now (for idle times). */
    List<String> free(List<String> group) {
        Instant now = clock.instant();
        Set<String> talking = inCall.get();
        List<String> out = new ArrayList<>();
        for (String a : group) {
            Instant c = connectedAt.get(a);
            boolean busy = offered.contains(a) || talking.contains(a) || (c != null && c.plus(GRACE).isAfter(now));
            if (busy) {
                lastBusy.put(a, now);
            } else if (registered.test(a)) {
                out.add(a);
            }
        }
        return out;
    }

    /**
     * The attendant for the next caller among {@code free} (group order), skipping {@code refused} unless every free
     * one refused: the first one, or the one idle longest.
     */
    Optional<String> pick(List<String> free, Collection<String> refused, ReceptionSettings.Distribution how) {
        List<String> candidates = free.stream().filter(a -> !refused.contains(a)).toList();
        if (candidates.isEmpty()) {
            candidates = free;
        }
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        if (how == ReceptionSettings.Distribution.IN_ORDER) {
            return Optional.of(candidates.get(0));
        }
        // stable: among equally idle attendants the earlier in group order wins
        return candidates.stream().min(Comparator.comparing(a -> lastBusy.getOrDefault(a, Instant.MIN)));
    }

    void offered(String attendant) {
        offered.add(attendant);
        lastBusy.put(attendant, clock.instant());
    }

    /** The referral to {@code attendant} ended: {@code connected} when the caller reached them. */
    void released(String attendant, boolean connected) {
        offered.remove(attendant);
        Instant now = clock.instant();
        lastBusy.put(attendant, now);
        if (connected) {
            connectedAt.put(attendant, now);
        }
    }
}
