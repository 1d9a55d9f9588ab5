package org.parley.core.client.sip;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import javax.sip.message.Response;
import org.parley.core.client.CallOptions;
import org.parley.core.client.TelephonyService;
import org.parley.core.error.ErrorCode;
import org.parley.core.error.ParleyException;
import org.parley.core.sdp.SessionDescription;
import org.parley.core.sip.SipRequests;
import org.parley.core.sip.UserAgent;
import org.parley.core.sip.UserAgent.Incoming;

/**
 * {@link TelephonyService} over SIP. Every call lives on the engine thread; incoming {@code m=audio} offers come from
 * the {@link InviteRouter}. At most one call is active: placing, answering or resuming a call holds the others
 * that are connected.
 */
final class SipTelephonyService implements TelephonyService {
    private final CallSession.Context ctx;
    private final String domain;
    private final ClientMedia media;
    /** Told of each call that ended, on the engine thread (the call log). */
    private final List<java.util.function.Consumer<Call>> ended = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** Live calls by id, oldest first (changed on the engine thread only; {@link #quality} reads it from others). */
    private final Map<String, CallSession> calls = java.util.Collections.synchronizedMap(new LinkedHashMap<>());
    /** A copy for {@link #calls()} from any thread. */
    private volatile List<Call> snapshot = List.of();
    private final ReferHandling refers;
    private final ForwardingClient forwarding;

    SipTelephonyService(Engine engine, UserAgent ua, SipRequests requests, InviteRouter router,
                        Listeners<CallListener> listeners, ClientMedia media, String domain) {
        this.ctx = new CallSession.Context(engine, ua, requests, router, listeners, media, this::changed);
        this.domain = domain;
        this.forwarding = new ForwardingClient(engine, new ServiceClient(ua, requests));
        this.media = media;
        this.refers = new ReferHandling(ctx, new ReferHandling.Calls() {
            @Override
            public CallSession bySipCallId(String sipCallId) {
                for (CallSession c : calls.values()) {
                    if (sipCallId.equals(c.callId)) {
                        return c;
                    }
                }
                return null;
            }

            @Override
            public List<CallSession> live() {
                return new ArrayList<>(calls.values());
            }

            @Override
            public OutgoingCall place(String target, java.util.function.Consumer<OutgoingCall> prepare) {
                OutgoingCall call = new OutgoingCall(ctx, UUID.randomUUID().toString(), target, null, false);
                prepare.accept(call);
                holdOthers(call);
                calls.put(call.id, call);
                call.dial();
                return call;
            }

            @Override
            public void answerAtOnce(IncomingCall call, String sipCallId) {
                calls.put(call.id, call);
                call.bind(sipCallId);
                holdOthers(call);
                call.answer();
            }
        });
        router.handle("audio", this::onOffer);
    }

    /** An incoming REFER (transfer of one of the calls). */
    void onRefer(Incoming in) {
        refers.onRefer(in);
    }

    /** Takes a NOTIFY of the {@code refer} event (a transfer's progress); false for any other NOTIFY. */
    boolean claimNotify(Incoming in) {
        return refers.claimNotify(in);
    }

    @Override
    public Call call(String uri, CallOptions options) {
        return call(uri, options, c -> { });
    }

    /** {@link #call} with the new call prepared first (extra INVITE headers, e.g. a call on behalf of a manager). */
    Call call(String uri, CallOptions options, java.util.function.Consumer<OutgoingCall> prepare) {
        CallOptions o = options == null ? CallOptions.NONE : options;
        String target = Uris.normalize(uri, domain);
        OutgoingCall call = new OutgoingCall(ctx, UUID.randomUUID().toString(), target, o.subject(), o.highPriority());
        prepare.accept(call);
        ctx.engine().execute(() -> {
            holdOthers(call);
            calls.put(call.id, call);
            call.dial();
        });
        return call.snapshot();
    }

    @Override
    public CompletableFuture<Void> prepareAudio() {
        return media.ready().thenApply(v -> null);
    }

    @Override
    public CompletableFuture<Void> answer(String callId) {
        return onCall(callId, c -> {
            if (!(c instanceof IncomingCall in)) {
                throw new ParleyException(ErrorCode.INVALID_ARGUMENT, "call " + callId + " is not an incoming call");
            }
            holdOthers(c);
            return in.answer();
        });
    }

    @Override
    public CompletableFuture<Void> decline(String callId, boolean busy) {
        return onCall(callId, c -> {
            if (!(c instanceof IncomingCall in)) {
                throw new ParleyException(ErrorCode.INVALID_ARGUMENT, "call " + callId + " is not an incoming call");
            }
            in.decline(busy);
            return CompletableFuture.completedFuture(null);
        });
    }

    @Override
    public CompletableFuture<Void> hangup(String callId) {
        return onCall(callId, c -> {
            c.hangup();
            return CompletableFuture.completedFuture(null);
        });
    }

    @Override
    public CompletableFuture<Void> hold(String callId) {
        return onCall(callId, CallSession::hold);
    }

    @Override
    public CompletableFuture<Void> resume(String callId) {
        return onCall(callId, c -> {
            holdOthers(c);
            return c.resume();
        });
    }

    // ---- in-call media, transfer, redirect, quality, forwarding rules, devices ----

    @Override
    public CompletableFuture<Void> mute(String callId, boolean muted) {
        return onCall(callId, c -> {
            c.mute(muted);
            return CompletableFuture.completedFuture(null);
        });
    }

    @Override
    public CompletableFuture<Void> sendDtmf(String callId, String digits) {
        if (digits == null || !digits.matches("[0-9*#A-Da-d]+")) {
            return CompletableFuture.failedFuture(new ParleyException(ErrorCode.INVALID_ARGUMENT,
                    "DTMF digits are 0-9, *, # and A-D, not \"" + digits + "\""));
        }
        return onCall(callId, c -> {
            c.sendDtmf(digits);
            return CompletableFuture.completedFuture(null);
        });
    }

    @Override
    public CompletableFuture<Void> transfer(String callId, String target) {
        String uri = Uris.normalize(target, domain);
        return onCall(callId, c -> refers.transfer(c, null, uri, uri));
    }

    @Override
    public CompletableFuture<Void> transferToCall(String callId, String consultCallId) {
        return onCall(callId, c -> {
            CallSession consult = calls.get(consultCallId);
            if (consult == null || consult == c) {
                throw new ParleyException(ErrorCode.NOT_FOUND, "no other call " + consultCallId);
            }
            if (consult.dialog == null || consult.state.isFinal()) {
                throw new ParleyException(ErrorCode.INVALID_ARGUMENT, "call " + consultCallId + " is " + consult.state
                        + ", not connected");
            }
            // the consulted party matches to-tag with its local tag, from-tag with ours (RFC 3891 §6.1)
            Replaces replaces = new Replaces(consult.dialog.callId(), consult.dialog.remoteTag(),
                    consult.dialog.localTag(), false);
            return refers.transfer(c, consult, replaces.inUri(consult.dialog.remoteUri()), consult.peer);
        });
    }

    @Override
    public CompletableFuture<Void> redirect(String callId, org.parley.core.client.CallTarget target) {
        return onCall(callId, c -> {
            if (!(c instanceof IncomingCall in) || c.state != State.INCOMING) {
                throw new ParleyException(ErrorCode.INVALID_ARGUMENT, "call " + callId + " is not a ringing incoming call");
            }
            if (target == null || target.kind() == org.parley.core.client.CallTarget.Kind.NONE) {
                throw new ParleyException(ErrorCode.INVALID_ARGUMENT, "redirect to where?");
            }
            in.redirect(Redirects.contactFor(target, domain, Redirects.user(ctx.requests().aor())));
            return CompletableFuture.completedFuture(null);
        });
    }

    @Override
    public org.parley.core.client.CallQuality quality(String callId) {
        CallSession c = calls.get(callId);
        MediaPort m = c == null ? null : c.media;
        return m == null ? null : m.quality();
    }

    @Override
    public CompletableFuture<org.parley.core.client.CallForwarding> forwarding() {
        return forwarding.get();
    }

    @Override
    public CompletableFuture<Void> setForwarding(org.parley.core.client.CallForwarding rules) {
        return forwarding.set(rules);
    }

    @Override
    public org.parley.core.client.AudioDevices.Available availableDevices() {
        return media.available();
    }

    @Override
    public org.parley.core.client.AudioDevices devices() {
        return media.devices();
    }

    @Override
    public void useDevices(org.parley.core.client.AudioDevices devices) {
        try {
            media.use(devices);
        } catch (IllegalArgumentException e) {
            throw new ParleyException(ErrorCode.INVALID_ARGUMENT, e.getMessage(), e);
        }
    }

    @Override
    public List<Call> calls() {
        return snapshot;
    }

    @Override
    public void addCallListener(CallListener listener) {
        ctx.listeners().add(listener);
    }

    private CompletableFuture<Void> onCall(String callId, Function<CallSession, CompletableFuture<Void>> action) {
        return ctx.engine().call(() -> {
            CallSession c = calls.get(callId);
            if (c == null) {
                return CompletableFuture.failedFuture(new ParleyException(ErrorCode.NOT_FOUND, "no call " + callId));
            }
            return action.apply(c);
        });
    }

    /** Holds every connected call but {@code keep} (the hold completes on its own; failures are only logged). */
    private void holdOthers(CallSession keep) {
        for (CallSession other : calls.values()) {
            if (other != keep && other.active()) {
                other.hold();
            }
        }
    }

    private void onOffer(Incoming invite, String sdp) {
        SessionDescription offer;
        try {
            offer = SessionDescription.parse(sdp);
        } catch (IllegalArgumentException e) {
            ctx.ua().reply(invite, Response.NOT_ACCEPTABLE_HERE);
            return;
        }
        if (offer.audio() == null) {
            ctx.ua().reply(invite, Response.NOT_ACCEPTABLE_HERE);
            return;
        }
        media.warmUp();
        String replaces = CallSession.header(invite.request(), "Replaces");
        if (replaces != null) {
            refers.onReplacingInvite(invite, offer, replaces);
            return;
        }
        if (refers.isOwnTransferLeg(invite.request())) {
            // this endpoint is transferring its peer to its own user: let the user's other endpoints take it
            ctx.ua().reply(invite, Response.TEMPORARILY_UNAVAILABLE);
            return;
        }
        IncomingCall call = new IncomingCall(ctx, UUID.randomUUID().toString(), invite, offer);
        String referredBy = CallSession.header(invite.request(), "Referred-By");
        call.referredBy = referredBy == null ? null : ReferHandling.bare(referredBy);
        call.referredRepeat = ReferHandling.repeatParameter(referredBy);
        call.forwarded = CallSession.arrivedForwarded(invite.request());
        call.onBehalfOf = SipDelegationService.onBehalfOf(invite.request());
        String asserted = CallSession.header(invite.request(), "P-Asserted-Identity");
        if (asserted != null) {
            call.peerName = SipDelegationService.displayName(asserted);
        }
        calls.put(call.id, call);
        call.ring();
    }

    /** Engine-thread hook for every call that ends (before the listeners on the client executor hear of it). */
    void addEndedListener(java.util.function.Consumer<Call> listener) {
        ended.add(listener);
    }

    private void changed(CallSession call) {
        refers.changed(call);
        if (call.state.isFinal() && calls.remove(call.id) != null) {
            Call last = call.snapshot();
            for (java.util.function.Consumer<Call> l : ended) {
                try {
                    l.accept(last);
                } catch (RuntimeException e) {
                    org.slf4j.LoggerFactory.getLogger(SipTelephonyService.class)
                            .warn("could not record the end of call {}: {}", call.id, e.toString());
                }
            }
        }
        refresh();
    }

    /** Engine thread: republishes the list of live calls. */
    private void refresh() {
        List<Call> out = new ArrayList<>();
        for (CallSession c : calls.values()) {
            out.add(c.snapshot());
        }
        snapshot = List.copyOf(out);
    }

    /** Ends every call (BYE or CANCEL) when the client closes. */
    void close() {
        refers.close();
        for (CallSession c : new ArrayList<>(calls.values())) {
            c.hangup();
        }
        media.close();
    }
}
