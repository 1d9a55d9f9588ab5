package org.parley.core.client.sip;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import javax.sip.SipException;
import javax.sip.header.FromHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Response;
import org.parley.core.client.FileTransferService.Direction;
import org.parley.core.client.FileTransferService.State;
import org.parley.core.error.ErrorCode;
import org.parley.core.error.ParleyException;
import org.parley.core.msrp.MsrpFileReceiver;
import org.parley.core.msrp.MsrpSockets;
import org.parley.core.msrp.MsrpUri;
import org.parley.core.sip.SipRequests;
import org.parley.core.sip.UserAgent.Incoming;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A file offered to this client: 180 while the user decides; accept answers 200 with a recvonly answer and a
 * listening MSRP path (a=setup:passive); decline answers 603. The bytes go to a temporary file in the chosen
 * directory; size and SHA-1 are checked before it takes the offered (sanitised, free) name.
 */
final class IncomingTransfer extends Transfer {
    private static final Logger LOG = LoggerFactory.getLogger(IncomingTransfer.class);

    private final Incoming invite;
    private final FileSdp offer;
    private final String localTag = SipRequests.newTag();
    private final String sessionId = MsrpSockets.randomId(20);
    private MsrpFileReceiver receiver;
    private Path temp;
    private volatile boolean stopped;
    /** The MSRP side has every byte and reports the verdict itself before it closes. */
    private volatile boolean verdict;

    IncomingTransfer(Context ctx, String id, Incoming invite, FileSdp offer) {
        super(ctx, id, ((FromHeader) invite.request().getHeader(FromHeader.NAME)).getAddress().getURI().toString(),
                SavedFiles.safeName(offer.fileName()), offer.size(), offer.fileType(), Direction.INCOMING, null);
        this.invite = invite;
        this.offer = offer;
    }

    /** Rings, or refuses an offer this client cannot take (488, published as FAILED). */
    void offered() {
        bind(InviteDialog.callId(invite.request()));
        String problem = null;
        if (size > ctx.maxBytes()) {
            problem = "the file is larger than the " + ctx.maxBytes() + " bytes this client accepts";
        } else if (!"sendonly".equals(offer.direction())) {
            problem = "only files pushed to this client (sendonly) are supported";
        } else if (offer.tls() && offer.fingerprint() == null) {
            problem = "a TLS offer without a=fingerprint";
        } else if (offer.setup() != null && !offer.setup().equals("active") && !offer.setup().equals("actpass")) {
            problem = "the sender wants this client to connect (a=setup:" + offer.setup() + ")";
        }
        if (problem != null) {
            respond(Response.NOT_ACCEPTABLE_HERE, null);
            finish(State.FAILED, failure(ErrorCode.INVALID_ARGUMENT, "refused " + fileName + " from " + peer + ": " + problem));
            return;
        }
        respond(Response.RINGING, null);
        publish();
    }

    void accept(Path directory) {
        if (state != State.OFFERED) {
            return;
        }
        ServerSocket listener = null;
        try {
            temp = Files.createTempFile(directory, ".parley-", ".part");
            listener = MsrpSockets.listen(ctx.localHost(), offer.tls() ? ctx.identity().get().context(offer.fingerprint()) : null);
        } catch (IOException | RuntimeException e) {
            MsrpSockets.closeQuietly(listener);
            deleteTemp();
            respond(Response.SERVER_INTERNAL_ERROR, null);
            finish(State.FAILED, failure(ErrorCode.STORAGE_FAILURE, "cannot receive into " + directory + ": " + e.getMessage()));
            return;
        }
        MsrpUri local = new MsrpUri(offer.tls(), ctx.localHost(), listener.getLocalPort(), sessionId);
        FileSdp answer = new FileSdp(offer.tls(), local.port(), "recvonly", local.toString(), "passive",
                offer.tls() ? ctx.identity().get().fingerprint() : null, offer.fileName(), offer.fileType(), size,
                offer.sha1(), offer.transferId() == null ? id : offer.transferId());
        respond(Response.OK, answer.encode(ctx.localHost(), sessionId));
        dialog = InviteDialog.asCallee(invite.request(), localTag);
        state = State.TRANSFERRING;
        publish();
        receiver = new MsrpFileReceiver(local, listener, temp, size, CHUNK * 2, MSRP_TIMEOUT_MS, events(directory));
        receiver.start();
    }

    private MsrpFileReceiver.Events events(Path directory) {
        return new MsrpFileReceiver.Events() {
            @Override
            public void progress(long received) {
                ctx.engine().execute(() -> IncomingTransfer.this.progress(received));
            }

            @Override
            public String received() {
                return verifyAndSave(directory);
            }

            @Override
            public void aborted() {
                ctx.engine().execute(() -> finish(State.CANCELLED, null));
            }

            @Override
            public void failed(String why) {
                connectionFailed(why);
            }
        };
    }

    /** On the MSRP thread: size and hash as offered, then the final name. Null when kept, else why not. */
    String verifyAndSave(Path directory) {
        verdict = true;
        String problem = null;
        Path saved = null;
        try {
            long got = Files.size(temp);
            if (stopped) {
                problem = "cancelled";
            } else if (got != size) {
                problem = "received " + got + " bytes, the offer said " + size;
            } else if (offer.sha1() != null && !SavedFiles.sameHash(SavedFiles.sha1(temp), offer.sha1())) {
                problem = "the received file's SHA-1 does not match the offer";
            } else {
                saved = SavedFiles.moveToFreeName(temp, directory, fileName);
            }
        } catch (IOException e) {
            problem = "cannot save the file: " + e.getMessage();
        }
        if (problem != null) {
            deleteTemp();
            ParleyException why = failure(ErrorCode.INVALID_ARGUMENT, fileName + " from " + peer + ": " + problem);
            ctx.engine().execute(() -> {
                if (finish(State.FAILED, why)) {
                    bye();
                }
            });
            return problem;
        }
        Path done = saved;
        ctx.engine().execute(() -> {
            path = done;
            finish(State.COMPLETED, null);
        });
        return null;
    }

    void decline() {
        if (state == State.OFFERED) {
            respond(Response.DECLINE, null);
            finish(State.DECLINED, null);
        }
    }

    @Override
    void cancel() {
        if (state == State.OFFERED) {
            respond(Response.DECLINE, null);
            finish(State.CANCELLED, null);
        } else if (state == State.TRANSFERRING) {
            finish(State.CANCELLED, null);
            bye();
        }
    }

    @Override
    public void onCancel(Incoming cancel) {
        if (state == State.OFFERED) {
            respond(Response.REQUEST_TERMINATED, null);
            finish(State.CANCELLED, null);
        }
    }

    @Override
    void release() {
        stopped = true;
        if (receiver != null && !verdict) {
            if (state == State.CANCELLED) {
                receiver.stop();
            } else {
                receiver.close();
            }
        }
        if (state != State.COMPLETED) {
            deleteTemp();
        }
    }

    private void deleteTemp() {
        if (temp == null) {
            return;
        }
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            LOG.warn("could not delete the partial file {}: {}", temp, e.toString());
        }
    }

    private void respond(int status, String sdp) {
        try {
            Response r = ctx.ua().endpoint().messages().createResponse(status, invite.request());
            ((ToHeader) r.getHeader(ToHeader.NAME)).setTag(localTag);
            if (status < 300) {
                r.addHeader(ctx.requests().contact());
                InviteDialog.copyRecordRoute(invite.request(), r);
            }
            if (sdp != null) {
                ctx.requests().body(r, FileSdp.CONTENT_TYPE, sdp);
            }
            invite.transaction().sendResponse(r);
        } catch (ParseException | SipException | javax.sip.InvalidArgumentException | RuntimeException e) {
            LOG.debug("could not answer the file offer {} with {}: {}", id, status, e.toString());
        }
    }
}
