package org.parley.core.client.sip;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * The user's idleness from the last activity: ACTIVE, then INACTIVE after {@code inactiveAfter}, then AWAY after
 * {@code awayAfter}. Time comes from the clock; {@link #evaluate} is called periodically (or by tests after moving
 * the clock). Engine thread only.
 */
final class IdleTracker {
    enum Level { ACTIVE, INACTIVE, AWAY }

    private final Clock clock;
    private final Duration inactiveAfter;
    private final Duration awayAfter;
    private final Consumer<Level> onChange;
    private Instant lastActivity;
    private Level level = Level.ACTIVE;

    IdleTracker(Clock clock, Duration inactiveAfter, Duration awayAfter, Consumer<Level> onChange) {
        this.clock = clock;
        this.inactiveAfter = inactiveAfter;
        this.awayAfter = awayAfter.compareTo(inactiveAfter) < 0 ? inactiveAfter : awayAfter;
        this.onChange = onChange;
        this.lastActivity = clock.instant();
    }

    /** The user did something: active again. */
    void activity() {
        lastActivity = clock.instant();
        set(Level.ACTIVE);
    }

    /** Re-computes the level from the time since the last activity. */
    void evaluate() {
        Duration idle = Duration.between(lastActivity, clock.instant());
        set(idle.compareTo(awayAfter) >= 0 ? Level.AWAY : idle.compareTo(inactiveAfter) >= 0 ? Level.INACTIVE : Level.ACTIVE);
    }

    private void set(Level l) {
        if (l != level) {
            level = l;
            onChange.accept(l);
        }
    }

    Level level() {
        return level;
    }

    /** When the user went idle (the last activity), or null while active. */
    Instant idleSince() {
        return level == Level.ACTIVE ? null : lastActivity;
    }
}
