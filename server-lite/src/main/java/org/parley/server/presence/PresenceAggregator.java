package org.parley.server.presence;

import java.time.Instant;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.parley.core.model.DeviceKind;
import org.parley.core.model.PresenceInfo;
import org.parley.core.model.PresenceState;

/**
 * Folds one user's device publications into the presence watchers see (docs/protocol.md, "Aggregation"): any device
 * in a conference or a call wins; otherwise the newest manual state; otherwise the most available automatic state;
 * no publication is Offline. Note and location come from the newest publication that set one; devices are the kinds
 * of all publishing devices.
 */
final class PresenceAggregator {
    /**
     * Automatic states from most to least available. A publication that says nothing usable (unknown: e.g. baresip's
     * first PUBLISH carries {@code <basic>unknown</basic>}) ranks below Offline, so it never hides a device's closed.
     */
    private static final List<PresenceState> AUTOMATIC_ORDER = List.of(PresenceState.AVAILABLE, PresenceState.BUSY,
            PresenceState.IN_A_MEETING, PresenceState.DO_NOT_DISTURB, PresenceState.BE_RIGHT_BACK, PresenceState.INACTIVE,
            PresenceState.AWAY, PresenceState.OFFLINE, PresenceState.UNKNOWN);

    private PresenceAggregator() {
    }

    /**
     * One device's publication.
     *
     * @param order grows with every new or modified publication: higher is newer
     */
    record Input(PresenceInfo presence, boolean manual, DeviceKind kind, long order) {
    }

    static PresenceInfo aggregate(List<Input> inputs) {
        if (inputs.isEmpty()) {
            return PresenceInfo.OFFLINE;
        }
        Input winner = inState(inputs, PresenceState.IN_A_CONFERENCE);
        if (winner == null) {
            winner = inState(inputs, PresenceState.IN_A_CALL);
        }
        if (winner == null) {
            winner = inputs.stream().filter(Input::manual).max(Comparator.comparingLong(Input::order)).orElse(null);
        }
        if (winner == null) {
            winner = inputs.stream().min(Comparator.comparingInt((Input i) -> rank(i.presence().state()))
                    .thenComparing(Comparator.comparingLong(Input::order).reversed())).orElseThrow();
        }
        PresenceState state = winner.presence().state();
        String note = newest(inputs, true);
        String location = newest(inputs, false);
        Set<DeviceKind> kinds = EnumSet.noneOf(DeviceKind.class);
        for (Input i : inputs) {
            if (i.kind() != null) {
                kinds.add(i.kind());
            }
        }
        Instant idle = state == PresenceState.INACTIVE || state == PresenceState.AWAY ? winner.presence().idleSince() : null;
        return new PresenceInfo(state.availability(), state, winner.presence().customState(), note, location,
                List.copyOf(kinds), idle);
    }

    private static Input inState(List<Input> inputs, PresenceState s) {
        return inputs.stream().filter(i -> i.presence().state() == s).max(Comparator.comparingLong(Input::order)).orElse(null);
    }

    private static int rank(PresenceState s) {
        int r = AUTOMATIC_ORDER.indexOf(s);
        return r < 0 ? AUTOMATIC_ORDER.size() : r;
    }

    private static String newest(List<Input> inputs, boolean note) {
        return inputs.stream()
                .filter(i -> (note ? i.presence().note() : i.presence().location()) != null)
                .max(Comparator.comparingLong(Input::order))
                .map(i -> note ? i.presence().note() : i.presence().location())
                .orElse(null);
    }
}
