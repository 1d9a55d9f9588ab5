package org.parley.client.conversation;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.parley.core.client.FileTransferService;
import org.parley.core.client.MessageOptions;
import org.parley.core.model.InstantMessage;
import org.parley.core.model.PresenceInfo;

/**
 * What a conversation needs from the signed-in client, in one place (implemented over the core client by
 * {@link CorePort}; tests give their own). Futures complete on the JavaFX thread.
 */
public interface ConversationPort {

    /** The signed-in user's AOR. */
    String self();

    CompletableFuture<InstantMessage> send(String to, String contentType, String text, MessageOptions options);

    void typing(String to, boolean active);

    CompletableFuture<String> createSession(List<String> participants, String subject);

    CompletableFuture<Void> invite(String session, String uri);

    CompletableFuture<Void> leave(String session);

    /** The newest {@code limit} messages with a peer or session, oldest first. */
    List<InstantMessage> history(String peerOrSession, int limit);

    /** The name to show for a user (directory name, else the user part of the address). */
    String name(String uri);

    /** The job title from the contact card, or null. */
    String title(String uri);

    PresenceInfo presence(String uri);

    /** File transfer, or null where the client offers none. */
    FileTransferService files();

    /** Where accepted files are saved. */
    Path downloads();
}
