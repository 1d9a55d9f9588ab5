package org.parley.core.client;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.parley.core.model.PresenceInfo;
import org.parley.core.model.PresenceState;

/** Own presence (publish) and the contacts' presence (watch). */
public interface PresenceService {

    /** Sets a manual state (Available, Busy, Do not disturb, Be right back, Away, Offline = appear offline). */
    CompletableFuture<Void> setState(PresenceState state);

    /** Sets an admin-defined custom state by its label (the server's list: {@link #customStates()}). */
    CompletableFuture<Void> setCustomState(String label);

    /** The custom states the server offers, as "label" strings. */
    java.util.List<String> customStates();

    CompletableFuture<Void> setNote(String note);

    /** "Office", "Home" or any text; null clears. */
    CompletableFuture<Void> setLocation(String location);

    /** Tells the client the user just did something (keyboard, mouse, a command): resets the idle timers. */
    void userActivity();

    /** While true the client publishes In a call (or In a conference) over the manual state. */
    void setInCall(boolean inCall, boolean conference);

    /** What this client publishes now. */
    PresenceInfo own();

    /** A contact's presence as the server lets us see it, if known. */
    Optional<PresenceInfo> of(String uri);

    /** Watch one URI outside the contact list (e.g. a directory result); presence events follow. */
    CompletableFuture<Void> watch(String uri);

    void addListener(PresenceListener listener);

    /** Who has added me: watcher information (RFC 3857). */
    CompletableFuture<java.util.List<Watcher>> watchers();

    record Watcher(String uri, String displayName, String status) {
    }

    interface PresenceListener {
        void onPresence(String uri, PresenceInfo presence, org.parley.core.model.ContactCard card);

        /** A tagged contact changed state: raise an alert. */
        default void onTaggedContactChanged(String uri, PresenceInfo presence) {
        }

        default void onWatcherAdded(Watcher watcher) {
        }
    }
}
