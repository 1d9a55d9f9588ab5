package org.parley.core.client;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The signed-in user's voicemail box on the server: messages, the greeting, and message-waiting indication
 * (RFC 3842 message-summary, pushed by the server while signed in).
 */
public interface VoicemailService {

    /** Messages in the box, newest first. */
    CompletableFuture<List<Voicemail>> list();

    /** Downloads a message's audio (a WAV file) to {@code target}; completes with {@code target}. */
    CompletableFuture<Path> fetch(String id, Path target);

    CompletableFuture<Void> markHeard(String id, boolean heard);

    CompletableFuture<Void> delete(String id);

    /** Uploads a WAV greeting (at most 60 s); null restores the default greeting. */
    CompletableFuture<Void> setGreeting(Path wav);

    /** The latest message-waiting state the server sent (none yet: no messages waiting). */
    MessageWaiting messageWaiting();

    void addMessageWaitingListener(MessageWaitingListener listener);

    /**
     * @param caller     the caller's address (SIP URI or tel number)
     * @param callerName the caller's display name if one came with the call (null otherwise)
     * @param reason     why the call reached voicemail: {@code no-answer}, {@code busy}, {@code dnd},
     *                   {@code unavailable}, {@code forward-all}, {@code direct}, {@code redirect}
     */
    record Voicemail(String id, String caller, String callerName, Instant received, Duration length, boolean heard,
                     String reason) {
    }

    record MessageWaiting(boolean waiting, int newMessages, int oldMessages) {
        public static final MessageWaiting NONE = new MessageWaiting(false, 0, 0);
    }

    interface MessageWaitingListener {
        void onMessageWaiting(MessageWaiting state);
    }
}
