package org.parley.client.conversation;

import java.time.Instant;

/** One row of a conversation: a message, a notice (someone joined or left), or a file transfer. */
public sealed interface ChatItem permits MessageItem, ChatItem.Notice, TransferItem {

    Instant at();

    /** "Carol joined", "Bob left", "Alice invited Dan": a centred line in muted text. */
    record Notice(String text, Instant at) implements ChatItem {
    }
}
