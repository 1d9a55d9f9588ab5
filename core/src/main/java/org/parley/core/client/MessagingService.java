package org.parley.core.client;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.parley.core.model.InstantMessage;

/** 1:1 and multiparty instant messages, with delivery status and typing notifications. */
public interface MessagingService {

    /** Sends text/plain or text/html; completes with the message and its delivery (DELIVERED, STORED) or fails. */
    default CompletableFuture<InstantMessage> send(String to, String contentType, String text) {
        return send(to, contentType, text, MessageOptions.NONE);
    }

    /**
     * Sends with a subject (SIP {@code Subject}) and/or high priority ({@code Priority: urgent}); {@code options} null
     * means {@link MessageOptions#NONE}. A text/html body is reduced by {@link org.parley.core.im.SafeHtml} before it
     * is sent and stored (receivers sanitize it again); the returned message holds what was sent.
     */
    CompletableFuture<InstantMessage> send(String to, String contentType, String text, MessageOptions options);

    /** is-composing (RFC 3994); sent at most every few seconds while typing. */
    void typing(String to, boolean active);

    /** Creates a server-hosted multiparty session with these participants (the creator joins too). */
    CompletableFuture<String> createSession(List<String> participants, String subject);

    CompletableFuture<Void> invite(String session, String uri);

    CompletableFuture<Void> leave(String session);

    void addListener(MessageListener listener);

    interface MessageListener {
        void onMessage(InstantMessage message);

        default void onTyping(String from, String session, boolean active) {
        }

        /** Someone joined or left a session; {@code participants} is the roster after the change. */
        default void onSessionEvent(String session, String event, String who, List<String> participants) {
        }
    }
}
