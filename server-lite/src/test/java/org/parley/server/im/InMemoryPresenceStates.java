package org.parley.server.im;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.parley.core.model.PresenceState;
import org.parley.server.policy.PresenceStates;

/** Test stand-in for the presence agent's aggregated states: the test sets them; listeners hear every change. */
final class InMemoryPresenceStates implements PresenceStates {
    private final Map<String, PresenceState> states = new ConcurrentHashMap<>();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();

    void set(String user, PresenceState state) {
        PresenceState before = stateOf(user);
        states.put(user, state);
        if (before != state) {
            listeners.forEach(l -> l.onStateChanged(user, before, state));
        }
    }

    @Override
    public PresenceState stateOf(String user) {
        return states.getOrDefault(user, PresenceState.OFFLINE);
    }

    @Override
    public void addListener(Listener listener) {
        listeners.add(listener);
    }
}
