package org.parley.client.conversation;

import java.time.Instant;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.parley.core.client.FileTransferService.FileTransfer;

/** A file transfer shown in the conversation; {@link #transferProperty()} follows every state and progress event. */
public final class TransferItem implements ChatItem {
    private final Instant at;
    private final ObjectProperty<FileTransfer> transfer;

    public TransferItem(FileTransfer transfer, Instant at) {
        this.at = at;
        this.transfer = new SimpleObjectProperty<>(this, "transfer", transfer);
    }

    @Override
    public Instant at() {
        return at;
    }

    public String id() {
        return transfer.get().id();
    }

    public FileTransfer transfer() {
        return transfer.get();
    }

    public ReadOnlyObjectProperty<FileTransfer> transferProperty() {
        return transfer;
    }

    void update(FileTransfer t) {
        transfer.set(t);
    }

    /** 0..1 of the bytes moved, or -1 (indeterminate) while the size is unknown. */
    public double progress() {
        FileTransfer t = transfer.get();
        return t.size() <= 0 ? -1 : Math.min(1.0, (double) t.transferred() / t.size());
    }
}
