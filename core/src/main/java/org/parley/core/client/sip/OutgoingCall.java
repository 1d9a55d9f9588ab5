package org.parley.core.client.sip;

import java.time.Duration;
import javax.sip.ClientTransaction;
import javax.sip.SipException;
import javax.sip.header.FromHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.parley.core.client.TelephonyService.Direction;
import org.parley.core.client.TelephonyService.EndReason;
import org.parley.core.client.TelephonyService.State;
import org.parley.core.sdp.OfferAnswer;
import org.parley.core.sdp.SessionDescription;
import org.parley.core.sip.UserAgent.Incoming;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A call this client places: INVITE with a sendrecv offer (plus Subject and Priority: urgent when asked), RINGING
 * on 180/183, CONNECTED on 2xx (ACK, then the answer starts the media); hanging up before the answer sends CANCEL.
 */
final class OutgoingCall extends CallSession {
    private static final Logger LOG = LoggerFactory.getLogger(OutgoingCall.class);
    /** Longer than the proxy's Timer C (180 s), which answers 408 for a call nobody picks up. */
    static final Duration INVITE_TIMEOUT = Duration.ofSeconds(190);

    private Request invite;
    private ClientTransaction inviteTx;
    private boolean cancelled;
    /** Extra INVITE headers (Referred-By and Replaces of a call placed for a transfer). */
    final java.util.Map<String, String> headers = new java.util.LinkedHashMap<>();
    private int redirects;
    /** Where the current INVITE went (the peer, or a 3xx Contact). */
    private String target;
    private boolean retriedPlain;

    OutgoingCall(Context ctx, String id, String target, String subject, boolean highPriority) {
        super(ctx, id, target, Direction.OUTGOING, State.DIALING, subject, highPriority);
    }

    /** Sends the INVITE (engine thread). */
    void dial() {
        if (state.isFinal()) {
            return;
        }
        java.util.concurrent.CompletableFuture<?> ready = ctx.media().ready();
        if (!ready.isDone()) {
            // the audio engine is still starting (first call): dial once it is, without holding the engine thread
            ready.whenComplete((v, e) -> ctx.engine().execute(this::dial));
            return;
        }
        try {
            openMedia();
        } catch (RuntimeException e) {
            end(EndReason.FAILED, "no local media port: " + e.getMessage());
            return;
        }
        send(peer);
    }

    /** Sends an INVITE to {@code target} (the peer, or the Contact of a 3xx); To is always the dialled peer. */
    private void send(String target) {
        send(target, ctx.requests().newCallId(), 1, org.parley.core.sip.SipRequests.newTag());
    }

    /** {@link #send(String)} as a new transaction of an existing Call-ID and From tag (a retry, RFC 3261 §8.1.3.5). */
    private void send(String target, String sipCallId, long cseq, String fromTag) {
        this.target = target;
        SessionDescription offer = OfferAnswer.offer(local, org.parley.core.sdp.Direction.SENDRECV, 1);
        invite = ctx.requests().create(Request.INVITE, target, peer, null, sipCallId, cseq, fromTag);
        if (subject != null) {
            ctx.requests().header(invite, "Subject", subject);
        }
        if (highPriority) {
            ctx.requests().header(invite, "Priority", "urgent");
        }
        headers.forEach((name, value) -> ctx.requests().header(invite, name, value));
        ctx.requests().body(invite, SessionDescription.CONTENT_TYPE, offer.encode());
        bind(InviteDialog.callId(invite));
        publish();
        ctx.ua().send(invite, INVITE_TIMEOUT, ct -> inviteTx = ct, this::onProvisional)
                .whenComplete((r, e) -> onFinal(offer, r, e));
    }

    private void onProvisional(Response r) {
        int status = r.getStatusCode();
        if (state == State.DIALING && (status == Response.RINGING || status == Response.SESSION_PROGRESS)) {
            state = State.RINGING;
            publish();
        }
    }

    private void onFinal(SessionDescription offer, Response r, Throwable e) {
        if (e != null) {
            end(EndReason.FAILED, Engine.parley(e).getMessage());
            return;
        }
        int status = r.getStatusCode();
        if (status / 100 == 2) {
            dialog = InviteDialog.asCaller(invite, r);
            try {
                dialog.ack(ctx.requests(), ctx.ua(), r);
            } catch (SipException | RuntimeException ex) {
                LOG.debug("could not ACK the answer to call {}: {}", id, ex.toString());
            }
            if (state.isFinal()) {
                bye();
                return;
            }
            SessionDescription answer;
            try {
                answer = SessionDescription.parse(r.getRawContent());
            } catch (IllegalArgumentException ex) {
                bye();
                end(EndReason.MEDIA_REFUSED, "unusable SDP answer: " + ex.getMessage());
                return;
            }
            heldByPeer = answer.audio() != null && holds(answer.audio().direction());
            if (!applied(offer, answer)) {
                bye();
                end(EndReason.MEDIA_REFUSED, "the callee refused the audio stream");
                return;
            }
            publish();
            return;
        }
        String next = status / 100 == 3 && redirects < Redirects.MAX && !state.isFinal() ? Redirects.contact(r) : null;
        if (next != null) {
            // RFC 3261 §8.1.3.4: try the Contact of the 3xx (a redirect or a forward by the callee)
            redirects++;
            forwarded = true;
            ctx.router().unbind(callId);
            send(next);
            return;
        }
        if (status == Response.NOT_ACCEPTABLE_HERE && local.srtp() && local.plainRtpAllowed() && !retriedPlain
                && !state.isFinal()) {
            // the callee takes no SRTP (a desk phone, a gateway) and policy allows plain RTP: offer it, once
            retriedPlain = true;
            local = new org.parley.core.sdp.LocalMedia(local.address(), local.rtpPort(), local.codecs(),
                    java.util.List.of(), true, local.originUser(), local.sessionId(), local.cryptoAnswerer());
            // the same Call-ID, From tag and the next CSeq: one call to the callee, retried with other media
            ctx.router().unbind(callId);
            send(target, callId, ((javax.sip.header.CSeqHeader) invite.getHeader(javax.sip.header.CSeqHeader.NAME))
                    .getSeqNumber() + 1, dialogTag());
            return;
        }
        String reason = status + " " + r.getReasonPhrase();
        EndReason why = switch (status) {
            case Response.DECLINE -> EndReason.DECLINED;
            case Response.BUSY_HERE, Response.BUSY_EVERYWHERE -> EndReason.BUSY;
            case Response.REQUEST_TERMINATED -> cancelled ? EndReason.LOCAL_HANGUP : EndReason.CANCELLED;
            case Response.NOT_FOUND -> EndReason.NOT_FOUND;
            case Response.TEMPORARILY_UNAVAILABLE, Response.REQUEST_TIMEOUT -> EndReason.UNAVAILABLE;
            case Response.NOT_ACCEPTABLE_HERE, Response.NOT_ACCEPTABLE -> EndReason.MEDIA_REFUSED;
            default -> EndReason.FAILED;
        };
        end(why, reason);
    }

    @Override
    void hangup() {
        if (state.isFinal()) {
            return;
        }
        if (dialog != null) {
            end(EndReason.LOCAL_HANGUP, null);
            bye();
            return;
        }
        cancelled = true;
        end(EndReason.LOCAL_HANGUP, "cancelled before the answer");
        sendCancel(0);
    }

    private void sendCancel(int attempt) {
        if (inviteTx == null) {
            if (attempt < 20) {
                ctx.engine().schedule(() -> sendCancel(attempt + 1), Duration.ofMillis(100));
            }
            return;
        }
        cancel(ctx, inviteTx, id, 0);
    }

    @Override
    String dialogTag() {
        return ((FromHeader) invite.getHeader(FromHeader.NAME)).getTag();
    }

    @Override
    public void onCancel(Incoming cancel) {
        // only callees receive CANCEL
    }
}
