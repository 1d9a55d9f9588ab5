package org.parley.server.policy;

import org.parley.core.model.PresenceState;

/** The aggregated presence state of local users, for services that act on it (IM during Do Not Disturb). */
public interface PresenceStates {
    /** OFFLINE when nothing is published. */
    PresenceState stateOf(String user);

    void addListener(Listener listener);

    interface Listener {
        /** Called after the aggregate state of a user changed; quick, no throw. */
        void onStateChanged(String user, PresenceState before, PresenceState after);
    }
}
