package org.parley.core.client.sip;

import java.nio.file.Path;
import java.time.Duration;
import javax.sip.message.Request;
import org.parley.core.client.FileTransferService.Direction;
import org.parley.core.client.FileTransferService.FileTransfer;
import org.parley.core.client.FileTransferService.FileTransferListener;
import org.parley.core.client.FileTransferService.State;
import org.parley.core.error.ErrorCode;
import org.parley.core.error.ParleyException;
import org.parley.core.msrp.TlsIdentity;
import org.parley.core.sip.SipRequests;
import org.parley.core.sip.UserAgent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One file transfer, either direction: its state (owned by the engine thread) and the events it publishes. Progress
 * is published at most every {@link #PROGRESS_EVERY}; state changes always.
 */
abstract class Transfer implements InviteRouter.SessionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(Transfer.class);
    static final long PROGRESS_EVERY = 100;
    static final int CHUNK = 64 * 1024;
    /** How long the MSRP connection may be silent, and how long a receiver waits for the sender to connect. */
    static final int MSRP_TIMEOUT_MS = 30_000;
    /** How long a broken MSRP connection waits for the peer's BYE (which would make it a cancellation). */
    static final Duration BYE_GRACE = Duration.ofMillis(1500);

    /** What every transfer of one client shares. */
    record Context(Engine engine, UserAgent ua, SipRequests requests, InviteRouter router,
                   Listeners<FileTransferListener> listeners, java.util.function.Supplier<TlsIdentity> identity,
                   long maxBytes) {
        String localHost() {
            return ua.endpoint().localHost();
        }
    }

    final Context ctx;
    final String id;
    final String peer;
    final String fileName;
    final long size;
    final String contentType;
    final Direction direction;
    State state = State.OFFERED;
    long transferred;
    Path path;
    ParleyException error;
    private long lastProgress;
    InviteDialog dialog;
    /** The Call-ID this transfer claimed in the {@link InviteRouter}, released a while after it ends. */
    String callId;
    private boolean byeDone;

    Transfer(Context ctx, String id, String peer, String fileName, long size, String contentType, Direction direction,
             Path path) {
        this.ctx = ctx;
        this.id = id;
        this.peer = peer;
        this.fileName = fileName;
        this.size = size;
        this.contentType = contentType;
        this.direction = direction;
        this.path = path;
    }

    FileTransfer snapshot() {
        return new FileTransfer(id, peer, fileName, size, contentType, direction, state, transferred, path, error);
    }

    void publish() {
        FileTransfer s = snapshot();
        ctx.listeners().fire(l -> l.onTransfer(s));
    }

    /** Bytes moved so far (engine thread); published at most ten times a second. */
    void progress(long bytes) {
        if (state != State.TRANSFERRING || bytes <= transferred) {
            return;
        }
        transferred = bytes;
        long now = System.nanoTime() / 1_000_000;
        if (now - lastProgress >= PROGRESS_EVERY) {
            lastProgress = now;
            publish();
        }
    }

    /** Moves to a final state once (later calls are ignored); publishes it and releases resources. */
    boolean finish(State end, ParleyException why) {
        if (state.isFinal()) {
            return false;
        }
        state = end;
        error = end == State.FAILED ? why : null;
        if (end == State.COMPLETED) {
            transferred = size;
        }
        LOG.debug("file transfer {} ({} {}) ended {}{}", id, direction, fileName, end, why == null ? "" : ": " + why.getMessage());
        release();
        publish();
        if (callId != null) {
            String bound = callId;
            ctx.engine().schedule(() -> ctx.router().unbind(bound), Duration.ofSeconds(32));
        }
        return true;
    }

    static ParleyException failure(ErrorCode code, String message) {
        return new ParleyException(code, message);
    }

    /**
     * The MSRP connection broke: waits {@link #BYE_GRACE} for the peer's BYE (a cancel in flight ends it as
     * CANCELLED), then fails with {@code why} and sends BYE itself.
     */
    void connectionFailed(String why) {
        ctx.engine().schedule(() -> {
            if (finish(State.FAILED, failure(ErrorCode.NETWORK_FAILURE, why))) {
                bye();
            }
        }, BYE_GRACE);
    }

    /** Ends the dialog with BYE, once, unless the peer already did. */
    void bye() {
        if (dialog == null || byeDone) {
            return;
        }
        byeDone = true;
        Request bye = dialog.bye(ctx.requests());
        ctx.ua().send(bye).whenComplete((r, e) -> {
            if (e != null) {
                LOG.debug("BYE of file transfer {} got no answer: {}", id, e.getMessage());
            }
        });
    }

    @Override
    public void onBye(UserAgent.Incoming bye) {
        byeDone = true;
        if (!state.isFinal()) {
            finish(State.CANCELLED, null);
        }
    }

    void bind(String id) {
        callId = id;
        ctx.router().bind(id, this);
    }

    /** Closes sockets and files of this transfer (engine thread). */
    abstract void release();

    /** The user stops the transfer. */
    abstract void cancel();
}
