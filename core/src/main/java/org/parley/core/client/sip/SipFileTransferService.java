package org.parley.core.client.sip;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.sip.message.Response;
import org.parley.core.client.FileTransferService;
import org.parley.core.client.FileTransferService.State;
import org.parley.core.error.ErrorCode;
import org.parley.core.error.ParleyException;
import org.parley.core.msrp.TlsIdentity;
import org.parley.core.sip.SipRequests;
import org.parley.core.sip.UserAgent;
import org.parley.core.sip.UserAgent.Incoming;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link FileTransferService} over SIP and MSRP: offers go out as INVITEs with an RFC 5547 SDP, incoming ones arrive
 * through the {@link InviteRouter}; the bytes flow over one MSRP session per file, over TLS with the certificates
 * pinned by the fingerprints in the SDP. Transfer state lives on the engine thread; events reach the listeners on
 * the application's executor.
 */
final class SipFileTransferService implements FileTransferService, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SipFileTransferService.class);

    private final Transfer.Context ctx;
    private final String domain;
    private final Map<String, Transfer> transfers = new ConcurrentHashMap<>();
    private final ExecutorService hashing = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "parley-file-hash");
        t.setDaemon(true);
        return t;
    });
    private volatile TlsIdentity identity;

    SipFileTransferService(Engine engine, UserAgent ua, SipRequests requests, InviteRouter router,
                           Listeners<FileTransferListener> listeners, long maxBytes, String domain) {
        this.ctx = new Transfer.Context(engine, ua, requests, router, listeners, this::identity, maxBytes);
        this.domain = domain;
        router.handle("message", this::onOffer);
    }

    /** This client's MSRP certificate, made on first use (once per run). */
    private TlsIdentity identity() {
        TlsIdentity i = identity;
        if (i == null) {
            synchronized (this) {
                if (identity == null) {
                    identity = TlsIdentity.generate(ctx.requests().aor());
                }
                i = identity;
            }
        }
        return i;
    }

    @Override
    public FileTransfer send(String to, Path file) {
        if (to == null || to.isBlank()) {
            throw new ParleyException(ErrorCode.INVALID_ARGUMENT, "no receiver given");
        }
        if (file == null || !Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new ParleyException(ErrorCode.INVALID_ARGUMENT, "cannot read the file " + file);
        }
        long size;
        String type;
        try {
            size = Files.size(file);
            type = Files.probeContentType(file);
        } catch (IOException e) {
            throw new ParleyException(ErrorCode.INVALID_ARGUMENT, "cannot read the file " + file + ": " + e.getMessage(), e);
        }
        if (size > ctx.maxBytes()) {
            throw new ParleyException(ErrorCode.INVALID_ARGUMENT, file.getFileName() + " has " + size
                    + " bytes; files up to " + ctx.maxBytes() + " bytes can be sent");
        }
        String id = UUID.randomUUID().toString();
        OutgoingTransfer t = new OutgoingTransfer(ctx, id, Uris.normalize(to, domain), file, size,
                type == null || type.isBlank() ? "application/octet-stream" : type);
        transfers.put(id, t);
        FileTransfer first = t.snapshot();
        ctx.engine().execute(t::publish);
        hashing.execute(() -> {
            try {
                String sha1 = SavedFiles.sha1(file);
                ctx.engine().execute(() -> t.offer(sha1));
            } catch (IOException | RuntimeException e) {
                ctx.engine().execute(() -> t.finish(State.FAILED, new ParleyException(ErrorCode.INVALID_ARGUMENT,
                        "cannot read the file " + file + ": " + e.getMessage(), e)));
            }
        });
        return first;
    }

    @Override
    public void accept(String transferId, Path directory) {
        IncomingTransfer t = incoming(transferId);
        if (directory == null || !Files.isDirectory(directory) || !Files.isWritable(directory)) {
            throw new ParleyException(ErrorCode.INVALID_ARGUMENT, "cannot save files in " + directory);
        }
        Path dir = directory.toAbsolutePath().normalize();
        ctx.engine().execute(() -> t.accept(dir));
    }

    @Override
    public void decline(String transferId) {
        IncomingTransfer t = incoming(transferId);
        ctx.engine().execute(t::decline);
    }

    @Override
    public void cancel(String transferId) {
        Transfer t = transfers.get(transferId);
        if (t == null) {
            throw new ParleyException(ErrorCode.NOT_FOUND, "no file transfer " + transferId);
        }
        ctx.engine().execute(t::cancel);
    }

    @Override
    public long maxBytes() {
        return ctx.maxBytes();
    }

    @Override
    public void addListener(FileTransferListener listener) {
        ctx.listeners().add(listener);
    }

    private IncomingTransfer incoming(String transferId) {
        if (transfers.get(transferId) instanceof IncomingTransfer t) {
            return t;
        }
        throw new ParleyException(ErrorCode.NOT_FOUND, "no incoming file transfer " + transferId);
    }

    /** A new INVITE whose offer has an m=message stream (engine thread). */
    private void onOffer(Incoming invite, String sdp) {
        FileSdp offer;
        try {
            offer = FileSdp.parse(sdp);
        } catch (IllegalArgumentException e) {
            LOG.debug("refusing a message-session offer: {}", e.getMessage());
            ctx.ua().reply(invite, Response.NOT_ACCEPTABLE_HERE);
            return;
        }
        IncomingTransfer t = new IncomingTransfer(ctx, UUID.randomUUID().toString(), invite, offer);
        transfers.put(t.id, t);
        t.offered();
    }

    /** Stops every transfer still running (their BYEs are best effort: the client is closing). */
    @Override
    public void close() {
        try {
            ctx.engine().execute(() -> {
                for (Transfer t : transfers.values()) {
                    t.cancel();
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException stopped) {
            LOG.debug("client engine already stopped; file transfers end with their sockets");
        }
        hashing.shutdownNow();
    }
}
