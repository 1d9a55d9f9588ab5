package org.parley.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.parley.server.testsupport.MutableClock;

class LoginThrottleTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final LoginThrottle throttle = new LoginThrottle(clock, 5, Duration.ofSeconds(60), Duration.ofSeconds(60));

    @Test
    void fifthFailureWithinTheWindowLocksOnlyThatUserAndAddress() {
        for (int i = 0; i < 4; i++) {
            assertThat(throttle.recordFailure("alice", "10.0.0.1")).isFalse();
        }
        assertThat(throttle.isLocked("alice", "10.0.0.1")).isFalse();
        assertThat(throttle.recordFailure("alice", "10.0.0.1")).isTrue();
        assertThat(throttle.isLocked("alice", "10.0.0.1")).isTrue();
        assertThat(throttle.isLocked("alice", "10.0.0.2")).isFalse();
        assertThat(throttle.isLocked("bob", "10.0.0.1")).isFalse();
    }

    @Test
    void lockEndsAfterTheLockout() {
        for (int i = 0; i < 5; i++) {
            throttle.recordFailure("alice", "a");
        }
        clock.advance(Duration.ofSeconds(61));
        assertThat(throttle.isLocked("alice", "a")).isFalse();
    }

    @Test
    void failuresSpreadWiderThanTheWindowDoNotLock() {
        for (int i = 0; i < 10; i++) {
            assertThat(throttle.recordFailure("alice", "a")).isFalse();
            clock.advance(Duration.ofSeconds(16));
        }
        assertThat(throttle.isLocked("alice", "a")).isFalse();
    }

    @Test
    void successClearsEarlierFailures() {
        for (int i = 0; i < 4; i++) {
            throttle.recordFailure("alice", "a");
        }
        throttle.recordSuccess("alice", "a");
        assertThat(throttle.recordFailure("alice", "a")).isFalse();
    }

    @Test
    void sweepForgetsIdleEntriesButKeepsLocks() {
        throttle.recordFailure("bob", "b");
        for (int i = 0; i < 5; i++) {
            throttle.recordFailure("alice", "a");
        }
        clock.advance(Duration.ofSeconds(30));
        throttle.sweep();
        assertThat(throttle.isLocked("alice", "a")).isTrue();
    }
}
