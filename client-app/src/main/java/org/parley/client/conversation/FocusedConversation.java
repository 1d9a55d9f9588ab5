package org.parley.client.conversation;

/**
 * Put as the user data of the conversation window, so other windows (the alerts) can ask whether a conversation is
 * in front of the user without holding the window.
 */
public interface FocusedConversation {
    /** True when the conversation with this peer or session is the selected tab of the focused window. */
    boolean isFocused(String peerOrSession);
}
