package org.parley.core.client.sip;

import java.util.concurrent.CompletableFuture;
import javax.sip.header.FromHeader;
import javax.sip.message.Response;
import org.parley.core.client.TelephonyService.Direction;
import org.parley.core.client.TelephonyService.EndReason;
import org.parley.core.client.TelephonyService.State;
import org.parley.core.error.ErrorCode;
import org.parley.core.error.ParleyException;
import org.parley.core.sdp.OfferAnswer;
import org.parley.core.sdp.SessionDescription;
import org.parley.core.sip.SipRequests;
import org.parley.core.sip.UserAgent.Incoming;

/**
 * A call offered to this client: 180 Ringing while the user decides (INCOMING); answer sends 200 with the SDP
 * answer (CONNECTED, or REMOTE_HELD for a sendonly/inactive offer); decline sends 603 or 486; the caller's CANCEL
 * ends it as CANCELLED (a missed call).
 */
final class IncomingCall extends CallSession {
    private final Incoming invite;
    private final SessionDescription offer;
    private final String localTag = SipRequests.newTag();

    IncomingCall(Context ctx, String id, Incoming invite, SessionDescription offer) {
        super(ctx, id, caller(invite),
                Direction.INCOMING, State.INCOMING, header(invite.request(), "Subject"),
                "urgent".equalsIgnoreCase(header(invite.request(), "Priority"))
                        || "emergency".equalsIgnoreCase(header(invite.request(), "Priority")));
        this.invite = invite;
        this.offer = offer;
    }

    /** Who calls: the identity the server asserted (a delegate calling as a manager, RFC 3325), else From. */
    private static String caller(Incoming invite) {
        String asserted = header(invite.request(), "P-Asserted-Identity");
        if (asserted != null) {
            return SipDelegationService.uriOf(asserted);
        }
        return ((FromHeader) invite.request().getHeader(FromHeader.NAME)).getAddress().getURI().toString();
    }

    /** Rings (engine thread). */
    void ring() {
        bind(InviteDialog.callId(invite.request()));
        respond(invite, Response.RINGING, localTag, null);
        publish();
    }

    CompletableFuture<Void> answer() {
        if (state != State.INCOMING) {
            return CompletableFuture.failedFuture(new ParleyException(ErrorCode.INVALID_ARGUMENT,
                    "call " + id + " is " + state + ", not ringing"));
        }
        java.util.concurrent.CompletableFuture<?> ready = ctx.media().ready();
        if (media == null && !ready.isDone()) {
            // the audio engine is still starting: answer once it is, without holding the engine thread
            return ready.thenCompose(v -> ctx.engine().call(this::answer));
        }
        try {
            openMedia();
        } catch (RuntimeException e) {
            respond(invite, Response.SERVER_INTERNAL_ERROR, localTag, null);
            end(EndReason.FAILED, "no local media port: " + e.getMessage());
            return CompletableFuture.failedFuture(new ParleyException(ErrorCode.INTERNAL, e.getMessage(), e));
        }
        SessionDescription answer = OfferAnswer.answer(offer, local, org.parley.core.sdp.Direction.SENDRECV, 1);
        if (answer.audio() == null || answer.audio().refused()) {
            respond(invite, Response.NOT_ACCEPTABLE_HERE, localTag, null);
            end(EndReason.MEDIA_REFUSED, "no codec or transport in common with the caller");
            return CompletableFuture.failedFuture(new ParleyException(ErrorCode.REFUSED,
                    "cannot take the caller's audio: no codec or transport in common"));
        }
        heldByPeer = holds(offer.audio().direction());
        if (!applied(answer, offer)) {
            respond(invite, Response.NOT_ACCEPTABLE_HERE, localTag, null);
            end(EndReason.MEDIA_REFUSED, "cannot use the caller's audio");
            return CompletableFuture.failedFuture(new ParleyException(ErrorCode.REFUSED,
                    "cannot use the caller's audio"));
        }
        respond(invite, Response.OK, localTag, answer.encode());
        dialog = InviteDialog.asCallee(invite.request(), localTag);
        publish();
        return CompletableFuture.completedFuture(null);
    }

    void decline(boolean busy) {
        if (state != State.INCOMING) {
            return;
        }
        respond(invite, busy ? Response.BUSY_HERE : Response.DECLINE, localTag, null);
        end(busy ? EndReason.BUSY : EndReason.DECLINED, null);
    }

    /** Sends the call elsewhere with 302 Moved Temporarily and a Contact (RFC 3261 §21.3.3); it ends TRANSFERRED. */
    void redirect(String contact) {
        Redirects.moved(ctx, invite, localTag, contact);
        end(EndReason.TRANSFERRED, "redirected to " + contact);
    }

    @Override
    void hangup() {
        if (state == State.INCOMING) {
            decline(false);
        } else if (!state.isFinal()) {
            end(EndReason.LOCAL_HANGUP, null);
            bye();
        }
    }

    @Override
    public void onCancel(Incoming cancel) {
        if (state == State.INCOMING) {
            respond(invite, Response.REQUEST_TERMINATED, localTag, null);
            end(EndReason.CANCELLED, null);
        }
    }

    @Override
    String dialogTag() {
        return localTag;
    }
}
