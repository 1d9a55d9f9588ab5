package org.parley.client.conversation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import javafx.collections.ObservableList;
import org.parley.core.client.FileTransferService;
import org.parley.core.client.FileTransferService.Direction;
import org.parley.core.client.FileTransferService.FileTransfer;
import org.parley.core.error.ParleyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The file transfers of one conversation, as rows among its messages: offering a file (refused up front when it is
 * larger than the limit), an incoming offer to accept or decline, progress, and how each one ended.
 */
public final class TransfersModel {
    private static final Logger LOG = LoggerFactory.getLogger(TransfersModel.class);

    private final String peer;
    private final ConversationPort port;
    private final ObservableList<ChatItem> items;
    private final Clock clock;

    TransfersModel(String peer, ConversationPort port, ObservableList<ChatItem> items, Clock clock) {
        this.peer = peer;
        this.port = port;
        this.items = items;
        this.clock = clock;
    }

    /** Files go to one peer: a multiparty session has none, and a client without file transfer offers nothing. */
    public boolean available() {
        return port.files() != null && !ConversationViewModel.isSession(peer);
    }

    /** Offers {@code file}; returns the reason shown when it cannot be sent, or null when the offer went out. */
    public String send(Path file) {
        FileTransferService files = port.files();
        String refusal = null;
        if (files == null || ConversationViewModel.isSession(peer)) {
            refusal = "Files can be sent in a conversation with one person.";
        } else if (!ConversationViewModel.readable(file)) {
            refusal = "Cannot read " + file + ".";
        } else {
            try {
                long size = Files.size(file);
                if (size > files.maxBytes()) {
                    refusal = file.getFileName() + " is " + size(size) + ": files up to " + size(files.maxBytes())
                            + " can be sent.";
                } else {
                    items.add(new TransferItem(files.send(peer, file), clock.instant()));
                }
            } catch (IOException | ParleyException e) {
                refusal = "Cannot send " + file.getFileName() + ": " + e.getMessage();
            }
        }
        if (refusal != null) {
            items.add(new ChatItem.Notice(refusal, clock.instant()));
        }
        return refusal;
    }

    /** A transfer event: updates its row, or adds one for a new transfer with this peer. */
    public boolean onTransfer(FileTransfer t) {
        Optional<TransferItem> row = find(t.id());
        if (row.isPresent()) {
            row.get().update(t);
            return true;
        }
        if (t.peer() != null && t.peer().equalsIgnoreCase(peer)) {
            items.add(new TransferItem(t, clock.instant()));
            return true;
        }
        return false;
    }

    public Optional<TransferItem> find(String id) {
        return items.stream().filter(i -> i instanceof TransferItem ti && ti.id().equals(id))
                .map(TransferItem.class::cast).findFirst();
    }

    /** Accepts an incoming offer into the downloads directory (created if missing). */
    public void accept(TransferItem item) {
        Path dir = port.downloads();
        try {
            Files.createDirectories(dir);
            port.files().accept(item.id(), dir);
        } catch (IOException | ParleyException e) {
            LOG.info("cannot accept {}: {}", item.transfer().fileName(), e.getMessage());
            items.add(new ChatItem.Notice("Cannot save " + item.transfer().fileName() + " in " + dir + ": "
                    + e.getMessage(), clock.instant()));
        }
    }

    public void decline(TransferItem item) {
        port.files().decline(item.id());
    }

    public void cancel(TransferItem item) {
        port.files().cancel(item.id());
    }

    /** "840 bytes", "12.4 KB", "3.1 MB", "1.2 GB". */
    public static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + (bytes == 1 ? " byte" : " bytes");
        }
        String[] units = {"KB", "MB", "GB", "TB"};
        double v = bytes;
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, v < 10 ? "%.1f %s" : "%.0f %s", v, units[u]);
    }

    /** The status line of a transfer row. */
    public static String status(FileTransfer t, String peerName) {
        boolean out = t.direction() == Direction.OUTGOING;
        return switch (t.state()) {
            case OFFERED -> out ? "Waiting for " + peerName + " to accept…" : peerName + " wants to send you this file";
            case TRANSFERRING -> (out ? "Sending… " : "Receiving… ") + size(t.transferred()) + " of " + size(t.size());
            case COMPLETED -> out ? "Sent" : "Saved" + (t.path() == null || t.path().getParent() == null
                    || t.path().getParent().getFileName() == null ? "" : " in " + t.path().getParent().getFileName());
            case DECLINED -> out ? peerName + " declined the file" : "Declined";
            case CANCELLED -> "Cancelled";
            case FAILED -> "Failed" + (t.error() == null || t.error().getMessage() == null ? ""
                    : ": " + t.error().getMessage());
        };
    }
}
