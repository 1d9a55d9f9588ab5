package org.parley.core.client.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.parley.core.model.PresenceState;

class IdleTrackerTest {
    private final TestClock clock = new TestClock(Instant.parse("2026-11-21T10:00:00Z"));
    private final List<IdleTracker.Level> changes = new ArrayList<>();
    private final IdleTracker idle = new IdleTracker(clock, Duration.ofMinutes(5), Duration.ofMinutes(15), changes::add);

    @Test
    void inactiveAfterFiveIdleMinutesAwayAfterFifteenAndActiveAgainOnActivity() {
        clock.advance(Duration.ofMinutes(4).plusSeconds(59));
        idle.evaluate();
        assertThat(changes).isEmpty();
        clock.advance(Duration.ofSeconds(1));
        idle.evaluate();
        assertThat(changes).containsExactly(IdleTracker.Level.INACTIVE);
        assertThat(idle.idleSince()).isEqualTo(Instant.parse("2026-11-21T10:00:00Z"));
        clock.advance(Duration.ofMinutes(10));
        idle.evaluate();
        idle.evaluate();
        assertThat(changes).containsExactly(IdleTracker.Level.INACTIVE, IdleTracker.Level.AWAY);
        idle.activity();
        assertThat(changes).endsWith(IdleTracker.Level.ACTIVE);
        assertThat(idle.idleSince()).isNull();
    }

    @Test
    void activityKeepsTheUserActive() {
        for (int i = 0; i < 10; i++) {
            clock.advance(Duration.ofMinutes(4));
            idle.activity();
            idle.evaluate();
        }
        assertThat(changes).isEmpty();
    }

    @Test
    void ownPresenceGoesInactiveThenAwayOnlyFromAvailableAndACallWinsOverEverything() {
        OwnPresence own = new OwnPresence();
        assertThat(own.info().state()).isEqualTo(PresenceState.AVAILABLE);
        assertThat(own.isManual()).isFalse();
        own.idle(IdleTracker.Level.INACTIVE, Instant.parse("2026-11-21T10:00:00Z"));
        assertThat(own.info().state()).isEqualTo(PresenceState.INACTIVE);
        assertThat(own.info().idleSince()).isEqualTo(Instant.parse("2026-11-21T10:00:00Z"));
        own.idle(IdleTracker.Level.AWAY, Instant.parse("2026-11-21T10:00:00Z"));
        assertThat(own.info().state()).isEqualTo(PresenceState.AWAY);
        assertThat(own.isManual()).isFalse();

        own.manual(PresenceState.DO_NOT_DISTURB);
        assertThat(own.info().state()).as("a chosen state is kept while idle").isEqualTo(PresenceState.DO_NOT_DISTURB);
        assertThat(own.isManual()).isTrue();
        own.call(true, false);
        assertThat(own.info().state()).isEqualTo(PresenceState.IN_A_CALL);
        own.call(true, true);
        assertThat(own.info().state()).isEqualTo(PresenceState.IN_A_CONFERENCE);
        own.call(false, false);
        assertThat(own.info().state()).isEqualTo(PresenceState.DO_NOT_DISTURB);

        own.custom("Working from home", org.parley.core.model.Availability.AVAILABLE);
        own.note("Back at 3");
        own.location("Home");
        assertThat(own.info().customState()).isEqualTo("Working from home");
        assertThat(own.info().state()).isEqualTo(PresenceState.AVAILABLE);
        assertThat(own.info().note()).isEqualTo("Back at 3");
        assertThat(own.info().location()).isEqualTo("Home");

        own.manual(PresenceState.OFFLINE);
        assertThat(own.info().availability()).isEqualTo(org.parley.core.model.Availability.OFFLINE);
        assertThat(own.info().note()).as("appear offline shows nothing else").isNull();
    }
}
