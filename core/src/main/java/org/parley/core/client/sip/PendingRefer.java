package org.parley.core.client.sip;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.parley.core.client.TelephonyService.EndReason;
import org.parley.core.error.ErrorCode;
import org.parley.core.error.ParleyException;
import org.parley.core.sip.UserAgent.Incoming;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The transferor's side of one transfer (RFC 3515, RFC 5589): a REFER in the call's dialog with Refer-To and
 * Referred-By (RFC 3892), then the NOTIFYs of the implicit {@code refer} subscription. A 2xx sipfrag completes it and
 * ends this side's call (and the consulted call of a consultative transfer) TRANSFERRED with BYE; a sipfrag of 300 or
 * more, a REFER refused, or no outcome within {@link #OUTCOME_TIMEOUT} fails it and leaves the call as it is.
 * Engine thread only.
 */
final class PendingRefer {
    private static final Logger LOG = LoggerFactory.getLogger(PendingRefer.class);
    /** Longer than a new call may ring (the INVITE timeout), so the transferee's outcome arrives first. */
    static final Duration OUTCOME_TIMEOUT = OutgoingCall.INVITE_TIMEOUT.plusSeconds(10);

    final CallSession call;
    final CallSession consult;
    final String target;
    final CompletableFuture<Void> result = new CompletableFuture<>();
    private final CallSession.Context ctx;
    private final Runnable done;
    private ScheduledFuture<?> timer;

    /**
     * @param consult the consulted call of a consultative transfer (null for a blind one)
     * @param target  the transfer target, for messages
     * @param done    told once the transfer succeeded or failed
     */
    PendingRefer(CallSession.Context ctx, CallSession call, CallSession consult, String target, Runnable done) {
        this.ctx = ctx;
        this.call = call;
        this.consult = consult;
        this.target = target;
        this.done = done;
    }

    /** Sends the REFER with {@code referTo} (a URI, possibly with an escaped Replaces header). */
    void start(String referTo) {
        Request refer = call.dialog.request(ctx.requests(), Request.REFER);
        ctx.requests().header(refer, "Refer-To", "<" + referTo + ">");
        ctx.requests().header(refer, "Referred-By", "<" + ctx.requests().aor() + ">");
        if (consult != null && consult.callId != null) {
            // the consulted party ends its call to us with BYE once the transferee replaced it: that is the transfer
            ctx.router().bind(consult.callId, new TransferredOnBye(consult, "transferred to " + call.peer));
        }
        timer = ctx.engine().schedule(() -> fail(ErrorCode.TIMEOUT, "no outcome of the transfer to " + target
                + " within " + OUTCOME_TIMEOUT.toSeconds() + " s"), OUTCOME_TIMEOUT);
        ctx.ua().send(refer).whenComplete((r, e) -> {
            if (e != null) {
                fail(ErrorCode.NETWORK_FAILURE, "the transfer request got no answer: " + Engine.parley(e).getMessage());
            } else if (r.getStatusCode() / 100 != 2) {
                fail(ErrorCode.REFUSED, "the peer refused the transfer: " + r.getStatusCode() + " " + r.getReasonPhrase());
            }
        });
    }

    /** A NOTIFY in the call's dialog (event {@code refer}): answered 200, its sipfrag decides. */
    void onNotify(Incoming in) {
        ctx.ua().reply(in, Response.OK);
        byte[] body = in.request().getRawContent();
        int status = Sipfrag.status(body);
        String state = CallSession.header(in.request(), "Subscription-State");
        LOG.debug("transfer of call {} to {}: NOTIFY {} ({})", call.id, target, Sipfrag.describe(body), state);
        if (status >= 200 && status < 300) {
            succeed();
        } else if (status >= 300) {
            fail(ErrorCode.REFUSED, "the transfer to " + target + " failed: " + Sipfrag.describe(body));
        } else if (state != null && state.toLowerCase(java.util.Locale.ROOT).startsWith("terminated")) {
            fail(ErrorCode.REFUSED, "the transferee ended the transfer to " + target + " without an outcome");
        }
    }

    private void succeed() {
        if (!finish()) {
            return;
        }
        String why = "transferred to " + target;
        if (call.end(EndReason.TRANSFERRED, why)) {
            call.bye();
        }
        if (consult != null && consult.end(EndReason.TRANSFERRED, "transferred to " + call.peer)) {
            consult.bye();
        }
        result.complete(null);
    }

    private void fail(ErrorCode code, String why) {
        if (!finish()) {
            return;
        }
        if (consult != null && consult.callId != null && !consult.state.isFinal()) {
            ctx.router().bind(consult.callId, consult);
        }
        LOG.debug("transfer of call {} failed: {}", call.id, why);
        result.completeExceptionally(new ParleyException(code, why));
    }

    private boolean finish() {
        if (result.isDone()) {
            return false;
        }
        if (timer != null) {
            timer.cancel(false);
        }
        done.run();
        return true;
    }

    /** A session binding that ends the call TRANSFERRED when the peer's BYE comes (instead of REMOTE_HANGUP). */
    record TransferredOnBye(CallSession call, String why) implements InviteRouter.SessionHandler {
        @Override
        public void onCancel(Incoming cancel) {
            call.onCancel(cancel);
        }

        @Override
        public void onBye(Incoming bye) {
            call.end(EndReason.TRANSFERRED, why);
            call.onBye(bye);
        }

        @Override
        public boolean onReinvite(Incoming reinvite) {
            return call.onReinvite(reinvite);
        }
    }
}
