package org.parley.attendant.queue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import org.parley.core.client.HistoryService;
import org.parley.core.client.TelephonyService.Direction;

/** A caller is a repeat caller when the call log has an incoming call from the same address within the last hour. */
public final class RepeatCallers implements Predicate<String> {
    static final Duration WINDOW = Duration.ofHours(1);
    private final HistoryService history;
    private final Clock clock;

    public RepeatCallers(HistoryService history, Clock clock) {
        this.history = history;
        this.clock = clock;
    }

    @Override
    public boolean test(String peer) {
        if (peer == null) {
            return false;
        }
        Instant since = clock.instant().minus(WINDOW);
        return history.calls(200).stream().anyMatch(r -> r.direction() == Direction.INCOMING
                && peer.equalsIgnoreCase(r.peer()) && !r.started().isBefore(since));
    }
}
