package org.parley.client.main;

import org.parley.core.model.Availability;
import org.parley.core.model.PresenceState;

/**
 * One entry of the presence selector: a state the user may pick, or one of the server's custom states ({@code custom}
 * set, {@code state} null).
 */
public record StateChoice(PresenceState state, String custom, String label, Availability availability) {

    public static StateChoice of(PresenceState s) {
        return new StateChoice(s, null, s == PresenceState.OFFLINE ? "Appear offline" : s.label(), s.availability());
    }

    public static StateChoice custom(String label, Availability availability) {
        return new StateChoice(null, label, label, availability);
    }

    public boolean isCustom() {
        return custom != null;
    }

    @Override
    public String toString() {
        return label;
    }
}
