package org.parley.core.client.sip;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import javax.sip.ClientTransaction;
import javax.sip.SipException;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.parley.core.client.FileTransferService.Direction;
import org.parley.core.client.FileTransferService.State;
import org.parley.core.error.ErrorCode;
import org.parley.core.msrp.MsrpException;
import org.parley.core.msrp.MsrpFileSender;
import org.parley.core.msrp.MsrpSockets;
import org.parley.core.msrp.MsrpUri;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A file this client offers: INVITE with a sendonly RFC 5547 offer; on 200 the ACK, then this side connects to the
 * receiver's MSRP path (a=setup:active) and sends; the receiver's Success-Report completes it and a BYE ends the
 * session. CANCEL before the answer, abort plus BYE during the transfer.
 */
final class OutgoingTransfer extends Transfer {
    private static final Logger LOG = LoggerFactory.getLogger(OutgoingTransfer.class);
    /** Longer than the proxy's Timer C (180 s), which answers 408 for an offer nobody picks up. */
    static final Duration OFFER_TIMEOUT = Duration.ofSeconds(190);

    private final String target;
    private final String sessionId = MsrpSockets.randomId(20);
    private Request invite;
    private ClientTransaction inviteTx;
    private MsrpFileSender sender;
    private int cancelAttempts;

    OutgoingTransfer(Context ctx, String id, String target, Path file, long size, String contentType) {
        super(ctx, id, target, file.getFileName().toString(), size, contentType, Direction.OUTGOING, file);
        this.target = target;
    }

    private MsrpUri localUri() {
        return new MsrpUri(true, ctx.localHost(), 9, sessionId);
    }

    /** Sends the offer (engine thread), once the file's hash is known. */
    void offer(String sha1) {
        if (state.isFinal()) {
            return;
        }
        FileSdp sdp = new FileSdp(true, 9, "sendonly", localUri().toString(), "active", ctx.identity().get().fingerprint(),
                fileName, contentType, size, sha1, id);
        invite = ctx.requests().outOfDialog(Request.INVITE, target);
        ctx.requests().body(invite, FileSdp.CONTENT_TYPE, sdp.encode(ctx.localHost(), sessionId));
        bind(InviteDialog.callId(invite));
        ctx.ua().send(invite, OFFER_TIMEOUT, ct -> inviteTx = ct).whenComplete(this::onAnswer);
    }

    private void onAnswer(Response r, Throwable e) {
        if (e != null) {
            finish(State.FAILED, Engine.parley(e));
            return;
        }
        int status = r.getStatusCode();
        if (status / 100 == 2) {
            dialog = InviteDialog.asCaller(invite, r);
            try {
                dialog.ack(ctx.requests(), ctx.ua());
            } catch (SipException | RuntimeException ex) {
                LOG.debug("could not ACK the answer to file transfer {}: {}", id, ex.toString());
            }
            if (state.isFinal()) {
                bye();
                return;
            }
            connect(r);
            return;
        }
        if (state.isFinal()) {
            return;
        }
        String reason = status + " " + r.getReasonPhrase();
        switch (status) {
            case Response.DECLINE, Response.BUSY_HERE, Response.BUSY_EVERYWHERE -> finish(State.DECLINED, null);
            case Response.REQUEST_TERMINATED -> finish(State.CANCELLED, null);
            case Response.NOT_FOUND -> finish(State.FAILED, failure(ErrorCode.NOT_FOUND, "no such user: " + target));
            case Response.NOT_ACCEPTABLE_HERE -> finish(State.FAILED, failure(ErrorCode.REFUSED,
                    "the receiver's client refused the file (" + reason + ")"));
            case Response.TEMPORARILY_UNAVAILABLE, Response.REQUEST_TIMEOUT -> finish(State.FAILED,
                    failure(ErrorCode.REFUSED, target + " did not take the file (" + reason + ")"));
            default -> finish(State.FAILED, failure(ErrorCode.REFUSED, "the file offer failed: " + reason));
        }
    }

    private void connect(Response ok) {
        FileSdp answer;
        MsrpUri remote;
        try {
            byte[] body = ok.getRawContent();
            answer = FileSdp.parse(body == null ? "" : new String(body, StandardCharsets.UTF_8));
            remote = MsrpUri.parse(answer.path().trim().split("\\s+")[0]);
            if (answer.setup() != null && !answer.setup().equals("passive")) {
                throw new IllegalArgumentException("the receiver wants a=setup:" + answer.setup()
                        + "; this client only connects (active)");
            }
            if (answer.tls() && answer.fingerprint() == null) {
                throw new IllegalArgumentException("TLS answer without a=fingerprint");
            }
        } catch (IllegalArgumentException | MsrpException ex) {
            bye();
            finish(State.FAILED, failure(ErrorCode.REFUSED, "unusable answer from the receiver: " + ex.getMessage()));
            return;
        }
        state = State.TRANSFERRING;
        publish();
        MsrpUri local = new MsrpUri(answer.tls(), ctx.localHost(), 9, sessionId);
        sender = new MsrpFileSender(local, remote, path, size, contentType, CHUNK,
                answer.tls() ? ctx.identity().get().context(answer.fingerprint()) : null, MSRP_TIMEOUT_MS,
                new MsrpFileSender.Events() {
                    @Override
                    public void progress(long confirmed) {
                        ctx.engine().execute(() -> OutgoingTransfer.this.progress(confirmed));
                    }

                    @Override
                    public void delivered() {
                        ctx.engine().execute(() -> {
                            if (finish(State.COMPLETED, null)) {
                                bye();
                            }
                        });
                    }

                    @Override
                    public void refused(int status, String reason) {
                        ctx.engine().execute(() -> {
                            boolean done = status == 413 ? finish(State.CANCELLED, null) : finish(State.FAILED,
                                    failure(ErrorCode.REFUSED, "the receiver refused the file: " + status + " " + reason));
                            if (done) {
                                bye();
                            }
                        });
                    }

                    @Override
                    public void failed(String why) {
                        connectionFailed(why);
                    }
                });
        sender.start();
    }

    @Override
    void cancel() {
        if (state.isFinal()) {
            return;
        }
        if (state == State.OFFERED) {
            finish(State.CANCELLED, null);
            sendCancel();
            return;
        }
        if (sender != null) {
            sender.abort();
        }
        finish(State.CANCELLED, null);
        bye();
    }

    /** CANCELs the pending INVITE; a transaction that has no provisional answer yet is retried shortly. */
    private void sendCancel() {
        if (dialog != null || inviteTx == null) {
            if (inviteTx == null && invite == null) {
                return;
            }
            if (inviteTx == null && cancelAttempts++ < 20) {
                ctx.engine().schedule(this::sendCancel, Duration.ofMillis(100));
            }
            return;
        }
        try {
            Request cancel = inviteTx.createCancel();
            ctx.ua().endpoint().provider().getNewClientTransaction(cancel).sendRequest();
        } catch (SipException | RuntimeException e) {
            if (cancelAttempts++ < 20) {
                ctx.engine().schedule(this::sendCancel, Duration.ofMillis(100));
            } else {
                LOG.debug("could not CANCEL file transfer {}: {}", id, e.toString());
            }
        }
    }

    @Override
    public void onCancel(org.parley.core.sip.UserAgent.Incoming cancel) {
        // only callees receive CANCEL
    }

    @Override
    void release() {
        if (sender != null && state != State.CANCELLED) {
            sender.close();
        }
    }
}
