package org.parley.server.presence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.parley.core.model.DeviceKind;
import org.parley.core.model.PresenceInfo;
import org.parley.core.model.PresenceState;
import org.parley.server.presence.PresenceAggregator.Input;

class PresenceAggregatorTest {
    private static Input in(PresenceState s, boolean manual, DeviceKind k, long order) {
        return new Input(PresenceInfo.of(s), manual, k, order);
    }

    private static Input withText(PresenceState s, String note, String location, long order) {
        return new Input(new PresenceInfo(null, s, null, note, location, List.of(), null), false, DeviceKind.DESKTOP, order);
    }

    @Test
    void noPublicationIsOffline() {
        assertThat(PresenceAggregator.aggregate(List.of())).isEqualTo(PresenceInfo.OFFLINE);
    }

    @Test
    void aCallOnAnyDeviceWinsEvenOverANewerManualState() {
        PresenceInfo p = PresenceAggregator.aggregate(List.of(in(PresenceState.IN_A_CALL, false, DeviceKind.PHONE, 1),
                in(PresenceState.DO_NOT_DISTURB, true, DeviceKind.DESKTOP, 2)));
        assertThat(p.state()).isEqualTo(PresenceState.IN_A_CALL);
        assertThat(p.devices()).containsExactly(DeviceKind.DESKTOP, DeviceKind.PHONE);
    }

    @Test
    void aConferenceWinsOverACall() {
        assertThat(PresenceAggregator.aggregate(List.of(in(PresenceState.IN_A_CALL, false, DeviceKind.PHONE, 2),
                in(PresenceState.IN_A_CONFERENCE, false, DeviceKind.DESKTOP, 1))).state()).isEqualTo(PresenceState.IN_A_CONFERENCE);
    }

    @Test
    void theNewestManualStateWinsOverAutomaticOnes() {
        assertThat(PresenceAggregator.aggregate(List.of(in(PresenceState.BUSY, true, null, 1),
                in(PresenceState.BE_RIGHT_BACK, true, null, 3), in(PresenceState.AVAILABLE, false, null, 4))).state())
                .isEqualTo(PresenceState.BE_RIGHT_BACK);
    }

    @Test
    void otherwiseTheMostAvailableAutomaticState() {
        assertThat(PresenceAggregator.aggregate(List.of(in(PresenceState.AWAY, false, null, 3),
                in(PresenceState.INACTIVE, false, null, 2))).state()).isEqualTo(PresenceState.INACTIVE);
        assertThat(PresenceAggregator.aggregate(List.of(in(PresenceState.AWAY, false, null, 3),
                in(PresenceState.AVAILABLE, false, null, 1), in(PresenceState.INACTIVE, false, null, 2))).state())
                .isEqualTo(PresenceState.AVAILABLE);
    }

    @Test
    void noteAndLocationComeFromTheNewestPublicationThatSetOne() {
        PresenceInfo p = PresenceAggregator.aggregate(List.of(withText(PresenceState.AVAILABLE, "old", "Office", 1),
                withText(PresenceState.AVAILABLE, "new", null, 2), withText(PresenceState.AVAILABLE, null, null, 3)));
        assertThat(p.note()).isEqualTo("new");
        assertThat(p.location()).isEqualTo("Office");
    }

    @Test
    void idleTimeOnlyForAwayOrInactive() {
        Instant t = Instant.parse("2026-11-21T10:00:00Z");
        Input idle = new Input(new PresenceInfo(null, PresenceState.INACTIVE, null, null, null, List.of(), t), false, null, 1);
        assertThat(PresenceAggregator.aggregate(List.of(idle)).idleSince()).isEqualTo(t);
        assertThat(PresenceAggregator.aggregate(List.of(idle, in(PresenceState.AVAILABLE, false, null, 2))).idleSince()).isNull();
    }
}
