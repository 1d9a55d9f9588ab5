package org.parley.core.client.sip;

import java.text.ParseException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import javax.sip.ClientTransaction;
import javax.sip.SipException;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.parley.core.client.TelephonyService.Call;
import org.parley.core.client.TelephonyService.CallListener;
import org.parley.core.client.TelephonyService.Direction;
import org.parley.core.client.TelephonyService.EndReason;
import org.parley.core.client.TelephonyService.State;
import org.parley.core.error.ErrorCode;
import org.parley.core.error.ParleyException;
import org.parley.core.sdp.LocalMedia;
import org.parley.core.sdp.Negotiated;
import org.parley.core.sdp.OfferAnswer;
import org.parley.core.sdp.SessionDescription;
import org.parley.core.sip.SipRequests;
import org.parley.core.sip.UserAgent;
import org.parley.core.sip.UserAgent.Incoming;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One call, either direction, owned by the engine thread: its state, its dialog, its offer/answer and its media.
 * {@link OutgoingCall} and {@link IncomingCall} set it up; this class keeps hold, resume, the peer's re-INVITEs
 * and the end (BYE either way).
 */
abstract class CallSession implements InviteRouter.SessionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(CallSession.class);

    /** What every call of one client shares; {@code changed} is told of every published change (engine thread). */
    record Context(Engine engine, UserAgent ua, SipRequests requests, InviteRouter router,
                   Listeners<CallListener> listeners, MediaPort.Factory media,
                   java.util.function.Consumer<CallSession> changed) {
        String localHost() {
            return ua.endpoint().localHost();
        }
    }

    final Context ctx;
    final String id;
    final String peer;
    final Direction direction;
    final String subject;
    final boolean highPriority;
    State state;
    final java.time.Instant started = java.time.Instant.now();
    java.time.Instant connected;
    String peerName;
    boolean muted;
    String referredBy;
    int referredRepeat;
    String onBehalfOf;
    boolean forwarded;
    MediaPort media;
    LocalMedia local;
    SessionDescription localSdp;
    SessionDescription remoteSdp;
    Negotiated negotiated;
    InviteDialog dialog;
    String callId;
    boolean heldLocally;
    boolean heldByPeer;
    private long version = 1;
    private boolean offerPending;
    private boolean byeDone;
    private EndReason endReason;
    private String detail;

    CallSession(Context ctx, String id, String peer, Direction direction, State initial, String subject,
                boolean highPriority) {
        this.ctx = ctx;
        this.id = id;
        this.peer = peer;
        this.direction = direction;
        this.state = initial;
        this.subject = subject;
        this.highPriority = highPriority;
    }

    Call snapshot() {
        return new Call(id, peer, peerName, direction, state, subject, highPriority,
                negotiated == null ? null : negotiated.codec().name() + "/" + negotiated.codec().clockRate(),
                negotiated == null ? null : negotiated.direction().attribute(),
                media == null ? 0 : media.rtpPort(), negotiated == null ? null : negotiated.remoteAddress(),
                negotiated == null ? 0 : negotiated.remotePort(), started, connected, muted, referredBy, onBehalfOf, forwarded,
                endReason, detail, referredRepeat);
    }

    void publish() {
        Call c = snapshot();
        ctx.changed().accept(this);
        ctx.listeners().fire(l -> l.onCall(c));
    }

    /** Opens the media and this side's capabilities (once). */
    void openMedia() {
        if (media == null) {
            media = ctx.media().open(ctx.localHost());
            local = new LocalMedia(ctx.localHost(), media.rtpPort(), media.codecs(), media.crypto(),
                    media.plainRtpAllowed(), "parley", Math.abs(System.nanoTime() % 1_000_000_000L), media::answerCrypto);
        }
    }

    long nextVersion() {
        return ++version;
    }

    /** Connected or peer-held: the call the user is talking on. */
    boolean active() {
        return state == State.CONNECTED || state == State.REMOTE_HELD;
    }

    /** After an offer/answer: remembers both sides, restarts the media, sets the state from the hold flags. */
    boolean applied(SessionDescription mine, SessionDescription theirs) {
        Negotiated n = OfferAnswer.negotiated(mine, theirs);
        if (n == null) {
            return false;
        }
        try {
            media.setHeld(heldLocally);
            media.start(n);
        } catch (RuntimeException e) {
            LOG.warn("call {}: cannot use the negotiated audio: {}", id, e.getMessage());
            return false;
        }
        localSdp = mine;
        remoteSdp = theirs;
        negotiated = n;
        if (connected == null) {
            connected = java.time.Instant.now();
        }
        state = heldLocally ? State.HELD : heldByPeer ? State.REMOTE_HELD : State.CONNECTED;
        return true;
    }

    static boolean holds(org.parley.core.sdp.Direction offered) {
        return offered == org.parley.core.sdp.Direction.SENDONLY || offered == org.parley.core.sdp.Direction.INACTIVE;
    }

    void mute(boolean on) {
        muted = on;
        if (media != null) {
            media.setMute(on);
        }
        publish();
    }

    void sendDtmf(String digits) {
        if (state != State.CONNECTED && state != State.REMOTE_HELD) {
            throw new ParleyException(ErrorCode.INVALID_ARGUMENT, "call " + id + " is " + state + ", not connected");
        }
        try {
            media.sendDtmf(digits);
        } catch (IllegalStateException | IllegalArgumentException e) {
            throw new ParleyException(ErrorCode.REFUSED, "cannot send DTMF on call " + id + ": " + e.getMessage(), e);
        }
    }

    // ---- hold and resume: a re-INVITE with a new offer ----

    CompletableFuture<Void> hold() {
        if (state == State.HELD) {
            return CompletableFuture.completedFuture(null);
        }
        if (!active()) {
            return CompletableFuture.failedFuture(new ParleyException(ErrorCode.INVALID_ARGUMENT,
                    "call " + id + " is " + state + ", not connected"));
        }
        return reoffer(true);
    }

    CompletableFuture<Void> resume() {
        if (state != State.HELD) {
            return CompletableFuture.completedFuture(null);
        }
        return reoffer(false);
    }

    private CompletableFuture<Void> reoffer(boolean hold) {
        if (offerPending) {
            return CompletableFuture.failedFuture(new ParleyException(ErrorCode.INVALID_ARGUMENT,
                    "call " + id + " is already changing"));
        }
        offerPending = true;
        SessionDescription offer = OfferAnswer.offer(local, hold ? OfferAnswer.holdDirection(heldByPeer)
                : org.parley.core.sdp.Direction.SENDRECV, nextVersion());
        Request reinvite = dialog.reinvite(ctx.requests());
        ctx.requests().body(reinvite, SessionDescription.CONTENT_TYPE, offer.encode());
        return ctx.ua().send(reinvite).thenAccept(r -> {
            offerPending = false;
            if (r.getStatusCode() / 100 != 2) {
                throw new ParleyException(ErrorCode.REFUSED, (hold ? "hold" : "resume") + " refused: "
                        + r.getStatusCode() + " " + r.getReasonPhrase());
            }
            try {
                dialog.ack(ctx.requests(), ctx.ua(), r);
            } catch (SipException | RuntimeException e) {
                LOG.debug("could not ACK the re-INVITE of call {}: {}", id, e.toString());
            }
            if (state.isFinal()) {
                return;
            }
            heldLocally = hold;
            if (!applied(offer, SessionDescription.parse(r.getRawContent()))) {
                end(EndReason.MEDIA_REFUSED, "the peer refused the audio stream in a re-INVITE");
                bye();
                return;
            }
            publish();
        }).whenComplete((v, e) -> offerPending = false);
    }

    @Override
    public boolean onReinvite(Incoming in) {
        if (state.isFinal() || dialog == null) {
            ctx.ua().reply(in, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST);
            return true;
        }
        if (offerPending) {
            ctx.ua().reply(in, Response.REQUEST_PENDING);
            return true;
        }
        SessionDescription offer;
        try {
            offer = SessionDescription.parse(in.request().getRawContent());
        } catch (IllegalArgumentException e) {
            ctx.ua().reply(in, Response.NOT_ACCEPTABLE_HERE);
            return true;
        }
        if (offer.audio() == null) {
            ctx.ua().reply(in, Response.NOT_ACCEPTABLE_HERE);
            return true;
        }
        SessionDescription answer = OfferAnswer.answer(offer, local, heldLocally ? org.parley.core.sdp.Direction.SENDONLY
                : org.parley.core.sdp.Direction.SENDRECV, nextVersion());
        if (answer.audio() == null || answer.audio().refused()) {
            ctx.ua().reply(in, Response.NOT_ACCEPTABLE_HERE);
            return true;
        }
        heldByPeer = holds(offer.audio().direction());
        respond(in, Response.OK, dialogTag(), answer.encode());
        applied(answer, offer);
        publish();
        return true;
    }

    /** This side's tag in the dialog (From for the caller, To for the callee). */
    abstract String dialogTag();

    // ---- the end ----

    /** Hangs up: CANCEL or decline before the call is set up, BYE after. */
    abstract void hangup();

    /** Moves to ENDED once; publishes it and releases the media. */
    boolean end(EndReason reason, String why) {
        if (state.isFinal()) {
            return false;
        }
        state = State.ENDED;
        endReason = reason;
        detail = why;
        LOG.debug("call {} ({} {}) ended {}{}", id, direction, peer, reason, why == null ? "" : ": " + why);
        if (media != null) {
            media.stop();
        }
        publish();
        if (callId != null) {
            String bound = callId;
            ctx.engine().schedule(() -> ctx.router().unbind(bound), Duration.ofSeconds(32));
        }
        return true;
    }

    void bye() {
        if (dialog == null || byeDone) {
            return;
        }
        byeDone = true;
        ctx.ua().send(dialog.bye(ctx.requests())).whenComplete((r, e) -> {
            if (e != null) {
                LOG.debug("BYE of call {} got no answer: {}", id, e.getMessage());
            }
        });
    }

    @Override
    public void onBye(Incoming bye) {
        byeDone = true;
        end(EndReason.REMOTE_HANGUP, null);
    }

    void bind(String id) {
        callId = id;
        ctx.router().bind(id, this);
    }

    /** Answers {@code in} with {@code status}, this side's tag, a Contact for 1xx/2xx, and an SDP body if given. */
    void respond(Incoming in, int status, String tag, String sdp) {
        try {
            Response r = ctx.ua().endpoint().messages().createResponse(status, in.request());
            ToHeader to = (ToHeader) r.getHeader(ToHeader.NAME);
            if (to.getTag() == null) {
                to.setTag(tag);
            }
            if (status < 300) {
                r.addHeader(ctx.requests().contact());
                InviteDialog.copyRecordRoute(in.request(), r);
            }
            if (sdp != null) {
                ctx.requests().body(r, SessionDescription.CONTENT_TYPE, sdp);
            }
            in.transaction().sendResponse(r);
        } catch (ParseException | SipException | javax.sip.InvalidArgumentException | RuntimeException e) {
            LOG.debug("could not answer {} of call {} with {}: {}", in.request().getMethod(), id, status, e.toString());
        }
    }

    static String header(Request r, String name) {
        javax.sip.header.Header h = r.getHeader(name);
        if (h == null) {
            return null;
        }
        String s = h.toString();
        int colon = s.indexOf(':');
        return colon < 0 ? null : s.substring(colon + 1).trim();
    }

    /**
     * Whether an incoming INVITE was forwarded on its way here: a History-Info entry with an RFC 4458 {@code cause}
     * (how the server marks each forwarding step) or a Diversion header (RFC 5806, from gateways).
     */
    static boolean arrivedForwarded(Request r) {
        if (r.getHeader("Diversion") != null) {
            return true;
        }
        java.util.ListIterator<?> h = r.getHeaders("History-Info");
        while (h != null && h.hasNext()) {
            if (h.next().toString().toLowerCase(java.util.Locale.ROOT).contains(";cause=")) {
                return true;
            }
        }
        return false;
    }

    /** Retries {@code cancel} while the INVITE has no client transaction answer yet. */
    static void cancel(Context ctx, ClientTransaction tx, String id, int attempt) {
        try {
            Request cancel = tx.createCancel();
            ctx.ua().endpoint().provider().getNewClientTransaction(cancel).sendRequest();
        } catch (SipException | RuntimeException e) {
            if (attempt < 20) {
                ctx.engine().schedule(() -> cancel(ctx, tx, id, attempt + 1), Duration.ofMillis(100));
            } else {
                LOG.debug("could not CANCEL call {}: {}", id, e.toString());
            }
        }
    }
}
