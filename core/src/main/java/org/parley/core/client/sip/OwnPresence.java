package org.parley.core.client.sip;

import java.time.Instant;
import java.util.List;
import org.parley.core.model.Availability;
import org.parley.core.model.PresenceInfo;
import org.parley.core.model.PresenceState;
import org.parley.core.model.Visibility;

/**
 * What this device publishes, from the user's choices and the automatic inputs. Precedence: a call or conference
 * in progress; then a custom state; then a manual state other than Available; then idleness (Inactive, Away)
 * over Available. A state the user picked is published as manual (it wins over other devices' automatic states).
 */
final class OwnPresence {
    private PresenceState manual;
    private String custom;
    private Availability customAvailability;
    private String note;
    private String location;
    private boolean inCall;
    private boolean conference;
    private IdleTracker.Level idle = IdleTracker.Level.ACTIVE;
    private Instant idleSince;

    void manual(PresenceState state) {
        this.manual = state;
        this.custom = null;
        this.customAvailability = null;
    }

    void custom(String label, Availability availability) {
        this.custom = label;
        this.customAvailability = availability;
        this.manual = null;
    }

    void note(String n) {
        this.note = n == null || n.isBlank() ? null : n;
    }

    void location(String l) {
        this.location = l == null || l.isBlank() ? null : l;
    }

    void call(boolean active, boolean isConference) {
        this.inCall = active;
        this.conference = active && isConference;
    }

    void idle(IdleTracker.Level level, Instant since) {
        this.idle = level;
        this.idleSince = since;
    }

    /** True when the published state is the user's own choice. */
    boolean isManual() {
        if (inCall) {
            return false;
        }
        if (custom != null) {
            return true;
        }
        if (manual != null && manual != PresenceState.AVAILABLE) {
            return true;
        }
        return manual == PresenceState.AVAILABLE && idle == IdleTracker.Level.ACTIVE;
    }

    PresenceInfo info() {
        PresenceState state;
        String customLabel = null;
        Instant since = null;
        if (inCall) {
            state = conference ? PresenceState.IN_A_CONFERENCE : PresenceState.IN_A_CALL;
        } else if (custom != null) {
            state = Visibility.plainState(customAvailability);
            customLabel = custom;
        } else if (manual != null && manual != PresenceState.AVAILABLE) {
            state = manual;
        } else if (idle == IdleTracker.Level.AWAY) {
            state = PresenceState.AWAY;
            since = idleSince;
        } else if (idle == IdleTracker.Level.INACTIVE) {
            state = PresenceState.INACTIVE;
            since = idleSince;
        } else {
            state = PresenceState.AVAILABLE;
        }
        boolean offline = state == PresenceState.OFFLINE;
        return new PresenceInfo(state.availability(), state, customLabel, offline ? null : note,
                offline ? null : location, List.of(), since);
    }
}
