package org.parley.client.contacts;

import java.util.LinkedHashSet;
import java.util.Objects;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;
import javafx.collections.ObservableSet;

/**
 * The peers I have a conversation window open with or a call with, shown at the top of the contact list as "Current
 * Conversations". The conversation windows add a peer when a conversation opens and remove it when it closes; the
 * calls set and clear a peer's call state ("On a call", "On hold"). A peer stays listed while either is open. Call
 * on the JavaFX application thread.
 */
public final class OpenConversations {
    private final ObservableSet<String> peers = FXCollections.observableSet(new LinkedHashSet<>());
    private final ObservableSet<String> readOnly = FXCollections.unmodifiableObservableSet(peers);
    private final java.util.Set<String> chats = new LinkedHashSet<>();
    private final ObservableMap<String, String> calls = FXCollections.observableHashMap();
    private final ObservableMap<String, String> callsReadOnly = FXCollections.unmodifiableObservableMap(calls);

    /** A conversation with {@code peerUri} (sip: or tel:) is open. */
    public void add(String peerUri) {
        String k = ContactItem.keyOf(Objects.requireNonNull(peerUri, "peerUri"));
        chats.add(k);
        peers.add(k);
    }

    public void remove(String peerUri) {
        String k = ContactItem.keyOf(Objects.requireNonNull(peerUri, "peerUri"));
        chats.remove(k);
        if (!calls.containsKey(k)) {
            peers.remove(k);
        }
    }

    /** I have a call with {@code peerUri} in {@code state} (e.g. "On hold"); null: no call any more. */
    public void setCall(String peerUri, String state) {
        String k = ContactItem.keyOf(Objects.requireNonNull(peerUri, "peerUri"));
        if (state == null) {
            calls.remove(k);
            if (!chats.contains(k)) {
                peers.remove(k);
            }
        } else {
            peers.add(k);
            calls.put(k, state);
        }
    }

    /** The state of my call with each peer that has one (lower-case URIs); observe it to follow changes. */
    public ObservableMap<String, String> calls() {
        return callsReadOnly;
    }

    public boolean contains(String peerUri) {
        return peers.contains(ContactItem.keyOf(peerUri));
    }

    /** The open peers (lower-case URIs), in the order they opened; observe it to follow changes. */
    public ObservableSet<String> peers() {
        return readOnly;
    }
}
