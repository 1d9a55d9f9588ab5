package org.parley.client.shell;

import java.util.List;

/**
 * How one screen asks for another: the main window opens a conversation, a contact card opens history, and so on.
 * Implemented once, in the composition root ({@code ClientApp}), which owns the windows; screens only see this.
 * Call on the JavaFX application thread.
 */
public interface Navigator {

    /** Brings up the conversation with a user, phone contact or multiparty session (tab or window), creating it. */
    void openConversation(String peerOrSession);

    /** Starts a new multiparty conversation with these users (the signed-in user joins too). */
    void startConversation(List<String> participants, String subject);

    /** Shows a contact card for a user or distribution group. */
    void showContactCard(String uri);

    /** Opens the conversation-history browser, filtered to one participant when not null. */
    void showHistory(String participant);

    void showOptions();

    /** Calls a user, address or telephone number; the call's window opens. Does nothing where calls are not wired. */
    default void call(String uriOrNumber) {
    }

    /** Brings up the window of my call with {@code peer}, if there is one. */
    default void showCall(String peer) {
    }

    /** Opens the dial pad. */
    default void showDialPad() {
    }

    /** Moves keyboard focus to the newest incoming-call toast (Enter answers, Esc declines), if one rings. */
    default void focusIncomingCall() {
    }

    /** Signs out and returns to the sign-in screen. */
    void signOut();
}
