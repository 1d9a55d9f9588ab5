package org.parley.client.alerts;

/**
 * One toast.
 *
 * @param kind         a message, a file offer, a tagged contact's presence change, or a delegate answered my call
 * @param from         who it is about
 * @param conversation what clicking it opens (the peer, or the multiparty session)
 * @param name         the person's name
 * @param title        their job title, or null
 * @param subject      the message subject, or null
 * @param text         the first line of the message, the file, or the new state
 * @param highPriority the message was sent as high priority
 * @param mini         a one-line alert (the user is presenting, in a meeting, or one of our windows is full screen)
 */
public record Alert(Kind kind, String from, String conversation, String name, String title, String subject,
                    String text, boolean highPriority, boolean mini) {

    public enum Kind { MESSAGE, FILE, PRESENCE, ANSWERED_BY }
}
