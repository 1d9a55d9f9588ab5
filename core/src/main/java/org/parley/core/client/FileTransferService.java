package org.parley.core.client;

import java.nio.file.Path;
import org.parley.core.error.ParleyException;

/**
 * File transfer between two users (SDP offer/answer for file transfer, RFC 5547, over MSRP, RFC 4975): the sender
 * offers a file, the receiver accepts or declines, the bytes flow peer to peer, and the receiver checks the size and
 * the hash announced in the offer before the file appears in the chosen directory.
 * Every change of a transfer (state, progress) reaches the listeners on the client's event executor.
 */
public interface FileTransferService {

    /**
     * Offers {@code file} to {@code to}. Returns at once with the transfer in state OFFERED; what becomes of it
     * follows as events. Throws a {@link ParleyException} (INVALID_ARGUMENT) for a missing or unreadable file or one
     * larger than {@link #maxBytes()}.
     */
    FileTransfer send(String to, Path file);

    /** Accepts an incoming offer; the file is saved in {@code directory} (a free name is chosen if it exists). */
    void accept(String transferId, Path directory);

    void decline(String transferId);

    /** Stops a transfer in either direction, at any state before it ends; a partial file is deleted. */
    void cancel(String transferId);

    /** The largest file this client sends or accepts. */
    long maxBytes();

    void addListener(FileTransferListener listener);

    enum Direction {
        OUTGOING, INCOMING
    }

    enum State {
        /** Sent to / received from the peer, not answered yet. */
        OFFERED,
        TRANSFERRING,
        /** Every byte arrived and the hash matched (receiver), or the receiver confirmed it (sender). */
        COMPLETED,
        DECLINED,
        CANCELLED,
        FAILED;

        public boolean isFinal() {
            return this != OFFERED && this != TRANSFERRING;
        }
    }

    /**
     * One transfer as it stands.
     *
     * @param id          local id
     * @param peer        the other user's AOR
     * @param fileName    the name offered (no directory part)
     * @param size        bytes
     * @param contentType the file's media type as offered
     * @param direction   outgoing or incoming
     * @param state       where it is
     * @param transferred bytes sent or received so far
     * @param path        the local file (the source when sending; the saved file once an incoming one completes)
     * @param error       why it FAILED, else null
     */
    record FileTransfer(String id, String peer, String fileName, long size, String contentType, Direction direction,
                        State state, long transferred, Path path, ParleyException error) {
    }

    interface FileTransferListener {
        /** A new offer, a state change, or progress (at most about ten progress events a second per transfer). */
        void onTransfer(FileTransfer transfer);
    }
}
