package org.parley.core.client.sip;

import java.time.Duration;
import javax.sip.message.Request;
import org.parley.core.client.TelephonyService.Call;
import org.parley.core.client.TelephonyService.EndReason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The transferee's side of one transfer (RFC 3515 §2.4.4-2.4.7): after the 202, NOTIFYs in the old call's dialog
 * report {@code SIP/2.0 100 Trying}, then the final outcome of the new call this client placed to the Refer-To target.
 * On success the old call ends TRANSFERRED when the transferor's BYE comes (or after {@link #BYE_GRACE}, with this
 * side's BYE); on failure the old call is resumed if the transfer had held it. Engine thread only.
 */
final class ReferredCall {
    private static final Logger LOG = LoggerFactory.getLogger(ReferredCall.class);
    /** How long the transferor has to BYE the old call after a successful transfer before this side does. */
    static final Duration BYE_GRACE = Duration.ofSeconds(4);

    private final CallSession.Context ctx;
    private final CallSession old;
    private final long referCseq;
    private final String target;
    private final boolean wasActive;
    /** The hold of the old call this transfer made (done before the resume on failure). */
    private final java.util.concurrent.CompletableFuture<Void> held;
    OutgoingCall replacement;
    private boolean reported;

    ReferredCall(CallSession.Context ctx, CallSession old, long referCseq, String target) {
        this.ctx = ctx;
        this.old = old;
        this.referCseq = referCseq;
        this.target = target;
        this.wasActive = old.active();
        this.held = wasActive ? old.hold() : java.util.concurrent.CompletableFuture.completedFuture(null);
    }

    /** The first NOTIFY, right after the 202. */
    void trying() {
        notify("SIP/2.0 100 Trying\r\n", "active;expires=60");
    }

    /** The new call changed (engine thread); returns true once its outcome was reported. */
    boolean changed(CallSession c) {
        if (c != replacement || reported) {
            return reported;
        }
        if (c.connected != null && !c.state.isFinal()) {
            reported = true;
            notify(Sipfrag.statusLine(200, "OK"), "terminated;reason=noresource");
            String why = "transferred to " + target;
            if (old.callId != null && !old.state.isFinal()) {
                ctx.router().bind(old.callId, new PendingRefer.TransferredOnBye(old, why));
                ctx.engine().schedule(() -> {
                    if (old.end(EndReason.TRANSFERRED, why)) {
                        old.bye();
                    }
                }, BYE_GRACE);
            }
        } else if (c.state.isFinal()) {
            reported = true;
            notify(statusLine(c.snapshot()), "terminated;reason=noresource");
            if (wasActive) {
                held.handle((v, e) -> null).thenCompose(x -> old.state.isFinal()
                        ? java.util.concurrent.CompletableFuture.<Void>completedFuture(null) : old.resume()).whenComplete((v, e) -> {
                    if (e != null) {
                        LOG.debug("could not resume call {} after a failed transfer: {}", old.id, e.getMessage());
                    }
                });
            }
        }
        return reported;
    }

    /** The status line of how the new call ended before it was answered. */
    static String statusLine(Call ended) {
        String detail = ended.detail();
        if (detail != null && detail.matches("[3-6][0-9][0-9] .*")) {
            return "SIP/2.0 " + detail + "\r\n";
        }
        EndReason r = ended.endReason();
        if (r == EndReason.LOCAL_HANGUP || r == EndReason.CANCELLED) {
            return Sipfrag.statusLine(487, "Request Terminated");
        }
        if (r == EndReason.MEDIA_REFUSED) {
            return Sipfrag.statusLine(488, "Not Acceptable Here");
        }
        return Sipfrag.statusLine(503, "Service Unavailable");
    }

    private void notify(String sipfrag, String subscriptionState) {
        if (old.dialog == null) {
            return;
        }
        Request n = old.dialog.request(ctx.requests(), Request.NOTIFY);
        ctx.requests().header(n, "Event", "refer;id=" + referCseq);
        ctx.requests().header(n, "Subscription-State", subscriptionState);
        ctx.requests().body(n, Sipfrag.CONTENT_TYPE, sipfrag);
        ctx.ua().send(n).whenComplete((r, e) -> {
            if (e != null || r.getStatusCode() / 100 != 2) {
                LOG.debug("NOTIFY of the transfer of call {} got {}", old.id,
                        e != null ? e.getMessage() : r.getStatusCode() + " " + r.getReasonPhrase());
            }
        });
    }
}
