package org.parley.client.contacts;

import java.util.LinkedHashSet;
import java.util.Objects;
import javafx.collections.FXCollections;
import javafx.collections.ObservableSet;

/**
 * The peers I have a conversation window open with, shown at the top of the contact list as "Current
 * Conversations". The conversation windows add a peer when a conversation opens and remove it when it closes. Call
 * on the JavaFX application thread.
 */
public final class OpenConversations {
    private final ObservableSet<String> peers = FXCollections.observableSet(new LinkedHashSet<>());
    private final ObservableSet<String> readOnly = FXCollections.unmodifiableObservableSet(peers);

    /** A conversation with {@code peerUri} (sip: or tel:) is open. */
    public void add(String peerUri) {
        peers.add(ContactItem.keyOf(Objects.requireNonNull(peerUri, "peerUri")));
    }

    public void remove(String peerUri) {
        peers.remove(ContactItem.keyOf(Objects.requireNonNull(peerUri, "peerUri")));
    }

    public boolean contains(String peerUri) {
        return peers.contains(ContactItem.keyOf(peerUri));
    }

    /** The open peers (lower-case URIs), in the order they opened; observe it to follow changes. */
    public ObservableSet<String> peers() {
        return readOnly;
    }
}
