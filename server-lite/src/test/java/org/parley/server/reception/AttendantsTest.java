package org.parley.server.reception;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.parley.server.cdr.CallRecord;
import org.parley.server.testsupport.MutableClock;

/** Who is free and who gets the next caller, without SIP. */
class AttendantsTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T09:00:00Z"));
    private final Set<String> registered = new HashSet<>(Set.of("ann", "ben", "cat"));
    private final Set<String> talking = new HashSet<>();
    private final Attendants attendants = new Attendants(registered::contains, () -> talking, clock);
    private static final List<String> GROUP = List.of("ann", "ben", "cat");

    @Test
    void attendantsInACallBeingOfferedOrUnregisteredAreNotFree() {
        talking.add("ben");
        registered.remove("cat");
        assertThat(attendants.free(GROUP)).containsExactly("ann");
        attendants.offered("ann");
        assertThat(attendants.free(GROUP)).isEmpty();
        attendants.released("ann", false);
        assertThat(attendants.free(GROUP)).containsExactly("ann");
    }

    @Test
    void aConnectedAttendantStaysBusyForTheGraceThenIsFree() {
        attendants.offered("ann");
        attendants.released("ann", true);
        assertThat(attendants.free(GROUP)).containsExactly("ben", "cat");
        clock.advance(Attendants.GRACE.plusMillis(1));
        assertThat(attendants.free(GROUP)).containsExactly("ann", "ben", "cat");
    }

    @Test
    void longestIdleSkipsTheOneJustBusyWhileInOrderTakesTheFirst() {
        attendants.offered("ann");
        attendants.released("ann", false);
        clock.advance(Duration.ofSeconds(10));
        talking.add("cat");
        attendants.free(GROUP); // cat seen busy now
        talking.clear();
        clock.advance(Duration.ofSeconds(10));
        List<String> free = attendants.free(GROUP);
        assertThat(attendants.pick(free, Set.of(), ReceptionSettings.Distribution.LONGEST_IDLE)).contains("ben");
        assertThat(attendants.pick(free, Set.of(), ReceptionSettings.Distribution.IN_ORDER)).contains("ann");
        assertThat(attendants.pick(free, Set.of("ann"), ReceptionSettings.Distribution.IN_ORDER)).contains("ben");
        assertThat(attendants.pick(List.of("ann"), Set.of("ann"), ReceptionSettings.Distribution.IN_ORDER))
                .as("when every free attendant refused, they are tried again").contains("ann");
    }

    @Test
    void inCallTakesAnsweredNotEndedRecentCallsOfLocalUsers() {
        Instant now = clock.instant();
        List<CallRecord> cdr = List.of(
                new CallRecord(1, "a", "sip:x@ext.org", "sip:ann@d.test", now, now, null, "answered", 200, null, null),
                new CallRecord(2, "b", "sip:ben@d.test", "sip:y@d.test", now, now, now, "answered", 200, null, null),
                new CallRecord(3, "c", "sip:cat@d.test", "sip:z@d.test", now, null, now, "busy", 486, null, null),
                new CallRecord(4, "e", "sip:dan@d.test", "sip:w@ext.org", now.minus(Duration.ofHours(5)),
                        now.minus(Duration.ofHours(5)), null, "answered", 200, null, null));
        assertThat(ReceptionModule.inCall(cdr, "d.test", now)).containsExactly("ann");
    }
}
