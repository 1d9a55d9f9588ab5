package org.parley.core.sip;

import java.time.Duration;

/**
 * Exponential back-off between reconnection attempts: {@code initial}, doubling after each failure, never above
 * {@code max}; {@link #reset} after a success. Not thread-safe (the client's engine thread owns it).
 */
public final class Backoff {
    private final Duration initial;
    private final Duration max;
    private Duration next;

    public Backoff(Duration initial, Duration max) {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("need 0 < initial <= max, got " + initial + " and " + max);
        }
        this.initial = initial;
        this.max = max;
        this.next = initial;
    }

    /** The wait before the next attempt; each call doubles the following one up to the maximum. */
    public Duration nextDelay() {
        Duration d = next;
        Duration doubled = next.multipliedBy(2);
        next = doubled.compareTo(max) > 0 ? max : doubled;
        return d;
    }

    public void reset() {
        next = initial;
    }
}
