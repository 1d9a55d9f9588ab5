package org.parley.server.im;

/**
 * One message on its way to one local user, as the server sends it.
 *
 * @param recipient   local user name
 * @param fromAor     the From URI of what the recipient receives ({@code sip:user@host}, or the session URI)
 * @param fromName    display name for that From, or null
 * @param policyAor   whose access level the recipient's rules are applied to (the sender; in a session, the
 *                    participant who wrote or acted)
 * @param contentType Content-Type of the body
 * @param body        the body bytes
 * @param sentAt      epoch milliseconds when the server received it
 * @param composing   an is-composing indication: relayed when possible, never stored
 * @param subject     the sender's {@code Subject} header, or null; goes out (and is stored) with the message
 * @param urgent      the sender's {@code Priority: urgent}; goes out (and is stored) with the message
 */
public record Envelope(String recipient, String fromAor, String fromName, String policyAor, String contentType,
                       byte[] body, long sentAt, boolean composing, String subject, boolean urgent) {

    public static final String IS_COMPOSING = "application/im-iscomposing+xml";

    public static boolean isComposing(String contentType) {
        return contentType != null && contentType.trim().toLowerCase(java.util.Locale.ROOT).startsWith(IS_COMPOSING);
    }
}
