package org.parley.core.client.sip;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import javax.sip.header.CSeqHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.parley.core.client.TelephonyService.EndReason;
import org.parley.core.error.ErrorCode;
import org.parley.core.error.ParleyException;
import org.parley.core.sdp.SessionDescription;
import org.parley.core.sip.UserAgent.Incoming;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Call transfer for one client (engine thread only): the transferor's REFERs and their NOTIFYs
 * ({@link PendingRefer}), REFERs received in a call's dialog ({@link ReferredCall}), and INVITEs that replace one of
 * this client's dialogs (RFC 3891 {@link Replaces}).
 */
final class ReferHandling {
    private static final Logger LOG = LoggerFactory.getLogger(ReferHandling.class);

    /** What transfer needs of the telephony service. */
    interface Calls {
        /** The live call whose dialog has this Call-ID, or null. */
        CallSession bySipCallId(String callId);

        /** Every live call. */
        List<CallSession> live();

        /** Places a call as {@code call(...)} does; {@code prepare} runs before its INVITE is sent. */
        OutgoingCall place(String target, Consumer<OutgoingCall> prepare);

        /** Adds an incoming call, holding the other active ones, and answers it at once. */
        void answerAtOnce(IncomingCall call, String sipCallId);
    }

    private final CallSession.Context ctx;
    private final Calls calls;
    /** Transfers this side started, by the Call-ID of the transferred call's dialog. */
    private final Map<String, PendingRefer> pending = new HashMap<>();
    /** Transfers this side carries out, by the id of the new call. */
    private final Map<String, ReferredCall> referred = new HashMap<>();

    ReferHandling(CallSession.Context ctx, Calls calls) {
        this.ctx = ctx;
        this.calls = calls;
    }

    // ---- transferor ----

    /** Sends a REFER for {@code call} (blind when {@code consult} is null); the future completes on the engine. */
    CompletableFuture<Void> transfer(CallSession call, CallSession consult, String referTo, String target) {
        if (call.dialog == null || call.state.isFinal()) {
            return CompletableFuture.failedFuture(new ParleyException(ErrorCode.INVALID_ARGUMENT,
                    "call " + call.id + " is " + call.state + ", not connected"));
        }
        String key = call.dialog.callId();
        if (pending.containsKey(key)) {
            return CompletableFuture.failedFuture(new ParleyException(ErrorCode.INVALID_ARGUMENT,
                    "call " + call.id + " is already being transferred"));
        }
        PendingRefer p = new PendingRefer(ctx, call, consult, target, () -> pending.remove(key));
        pending.put(key, p);
        p.start(referTo);
        return p.result;
    }

    /** Takes a NOTIFY of a transfer this side started; false if it is not one (then it is a presence NOTIFY). */
    boolean claimNotify(Incoming in) {
        String event = CallSession.header(in.request(), "Event");
        if (event == null || !event.toLowerCase(Locale.ROOT).startsWith("refer")) {
            return false;
        }
        PendingRefer p = pending.get(InviteDialog.callId(in.request()));
        if (p == null) {
            ctx.ua().reply(in, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST);
        } else {
            p.onNotify(in);
        }
        return true;
    }

    /**
     * True for an INVITE that a transfer from this very endpoint to its own user sends back to it (the transferee
     * calls our AOR and the server forks it to every endpoint of the user): this endpoint should not ring for it.
     */
    boolean isOwnTransferLeg(Request invite) {
        String referredBy = CallSession.header(invite, "Referred-By");
        String aor = bare(ctx.requests().aor());
        if (referredBy == null || !bare(referredBy).equals(aor)) {
            return false;
        }
        for (PendingRefer p : pending.values()) {
            if (p.consult == null && bare(p.target).equals(aor)) {
                return true;
            }
        }
        return false;
    }

    // ---- transferee ----

    /** A REFER (in a call's dialog): 202, NOTIFY 100 Trying, then a new call to the Refer-To target. */
    void onRefer(Incoming in) {
        CallSession old = calls.bySipCallId(InviteDialog.callId(in.request()));
        if (old == null || old.dialog == null || old.state.isFinal()) {
            ctx.ua().reply(in, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST);
            return;
        }
        String referToValue = CallSession.header(in.request(), "Refer-To");
        Replaces.ReferTo referTo = referToValue == null ? null : Replaces.ReferTo.parse(referToValue);
        if (referTo == null || !referTo.uri().toLowerCase(Locale.ROOT).matches("(sips?|tel):.+")) {
            // only calls: no other URI schemes, nothing but Replaces taken from the URI's headers (RFC 3261 §19.1.5)
            ctx.ua().reply(in, Response.BAD_REQUEST);
            return;
        }
        ctx.ua().reply(in, Response.ACCEPTED);
        String referredBy = CallSession.header(in.request(), "Referred-By");
        String by = referredBy != null ? referredBy : "<" + old.peer + ">";
        String replaces = referTo.header("Replaces");
        long cseq = ((CSeqHeader) in.request().getHeader(CSeqHeader.NAME)).getSeqNumber();
        ReferredCall r = new ReferredCall(ctx, old, cseq, referTo.uri());
        r.trying();
        LOG.debug("call {} referred to {} by {}{}", old.id, referTo.uri(), by, replaces == null ? "" : " replacing " + replaces);
        calls.place(referTo.uri(), c -> {
            c.headers.put("Referred-By", by);
            if (replaces != null) {
                c.headers.put("Replaces", replaces);
            }
            c.referredBy = bare(by);
            r.replacement = c;
            referred.put(c.id, r);
        });
    }

    /** Every change of a call: a transfer this side carries out reports the new call's outcome. */
    void changed(CallSession call) {
        ReferredCall r = referred.get(call.id);
        if (r != null && r.changed(call)) {
            referred.remove(call.id);
        }
    }

    /** An INVITE with Replaces: takes the place of the named dialog, answered at once; 481 if there is none. */
    void onReplacingInvite(Incoming invite, SessionDescription offer, String replacesValue) {
        Replaces replaces = Replaces.parse(replacesValue);
        if (replaces == null) {
            ctx.ua().reply(invite, Response.BAD_REQUEST);
            return;
        }
        CallSession old = null;
        for (CallSession c : calls.live()) {
            if (c.dialog != null && !c.state.isFinal()
                    && replaces.matches(c.dialog.callId(), c.dialog.localTag(), c.dialog.remoteTag())) {
                old = c;
            }
        }
        if (old == null) {
            ctx.ua().reply(invite, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST);
            return;
        }
        IncomingCall call = new IncomingCall(ctx, UUID.randomUUID().toString(), invite, offer);
        String referredBy = CallSession.header(invite.request(), "Referred-By");
        call.referredBy = referredBy == null ? null : bare(referredBy);
        call.referredRepeat = repeatParameter(referredBy);
        if (old.end(EndReason.REPLACED, "replaced by a call from " + call.peer)) {
            old.bye();
        }
        calls.answerAtOnce(call, InviteDialog.callId(invite.request()));
    }

    /** Ends the transfers still pending (the client closes). */
    void close() {
        for (PendingRefer p : new ArrayList<>(pending.values())) {
            p.result.completeExceptionally(new ParleyException(ErrorCode.NETWORK_FAILURE, "the client closed"));
        }
        pending.clear();
        referred.clear();
    }

    /**
     * The {@code repeat} header parameter of a Referred-By value ({@code <sip:reception@d>;repeat=2}: 2), 0 if it is
     * missing or not a positive number. Only parameters after the closing angle bracket count: those are the header's.
     */
    static int repeatParameter(String value) {
        if (value == null) {
            return 0;
        }
        int gt = value.lastIndexOf('>');
        if (gt < 0) {
            return 0;
        }
        for (String param : value.substring(gt + 1).split(";")) {
            int eq = param.indexOf('=');
            if (eq > 0 && param.substring(0, eq).strip().equalsIgnoreCase("repeat")) {
                try {
                    int n = Integer.parseInt(param.substring(eq + 1).strip().replace("\"", ""));
                    return Math.max(n, 0);
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 0;
    }

    /** A URI without display name, angle brackets, parameters or headers, lower-cased: for comparisons. */
    static String bare(String value) {
        String v = value.strip();
        int lt = v.indexOf('<');
        int gt = v.lastIndexOf('>');
        if (lt >= 0 && gt > lt) {
            v = v.substring(lt + 1, gt);
        }
        int cut = v.length();
        for (char c : new char[] {';', '?', '>'}) {
            int i = v.indexOf(c);
            if (i >= 0) {
                cut = Math.min(cut, i);
            }
        }
        return v.substring(0, cut).strip().toLowerCase(Locale.ROOT);
    }
}
