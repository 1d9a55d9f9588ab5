package org.parley.server.im;

/**
 * A message kept for a local user until one of their devices accepts it.
 *
 * @param seq         delivery order (and row key)
 * @param recipient   the local user name
 * @param senderAor   {@code sip:user@host} of the sender, or the session URI for session traffic
 * @param senderName  the sender's display name, or null
 * @param contentType the Content-Type to deliver with
 * @param body        the exact body received
 * @param sentAt      epoch milliseconds when the server received it (goes out in {@code Date})
 * @param kind        why it was stored
 * @param subject     the {@code Subject} it was sent with, or null
 * @param urgent      sent with {@code Priority: urgent}
 */
public record StoredMessage(long seq, String recipient, String senderAor, String senderName, String contentType,
                            byte[] body, long sentAt, Kind kind, String subject, boolean urgent) {

    /** Why a message was stored; the wire name goes out in {@code X-Parley-Stored}. */
    public enum Kind {
        /** No device of the recipient accepted it. */
        OFFLINE("offline"),
        /** The recipient was in Do Not Disturb and the sender is below Team. */
        MISSED("missed");

        private final String wireName;

        Kind(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }

        static Kind fromWire(String name) {
            for (Kind k : values()) {
                if (k.wireName.equals(name)) {
                    return k;
                }
            }
            throw new IllegalArgumentException("unknown stored-message kind " + name);
        }
    }
}
