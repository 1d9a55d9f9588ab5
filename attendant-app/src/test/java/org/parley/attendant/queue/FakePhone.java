package org.parley.attendant.queue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.parley.core.client.AudioDevices;
import org.parley.core.client.CallForwarding;
import org.parley.core.client.CallOptions;
import org.parley.core.client.CallQuality;
import org.parley.core.client.CallTarget;
import org.parley.core.client.TelephonyService;

/**
 * A telephony service in memory that behaves like core for the queue: answering or resuming holds the active call,
 * and every change is reported to the listeners. Records the requests it got.
 */
public final class FakePhone implements TelephonyService {
    final Map<String, Call> calls = new LinkedHashMap<>();
    public final List<String> requests = new ArrayList<>();
    private final List<CallListener> listeners = new ArrayList<>();
    Instant now = Instant.parse("2026-01-05T09:00:00Z");
    /** When set, answer/hold/resume wait for {@link #confirm} (a slow peer) or {@link #refuse}. */
    boolean slow;
    private final List<Runnable> unconfirmed = new ArrayList<>();
    private final List<CompletableFuture<Void>> waiting = new ArrayList<>();
    private int next;

    public Call ring(String peer, String name, String onBehalfOf) {
        Call c = new Call("c" + (++next), peer, name, Direction.INCOMING, State.INCOMING, null, false, null, null, 0,
                null, 0, now, null, false, null, onBehalfOf, false, null, null);
        report(c);
        return c;
    }

    /** A call the reception line hands over: Referred-By the line, with its repeat mark (0: none). */
    Call ringFromReception(String peer, String name, int repeat) {
        Call c = new Call("c" + (++next), peer, name, Direction.INCOMING, State.INCOMING, null, false, null, null, 0,
                null, 0, now, null, false, "sip:reception@parley.test", null, false, null, null, repeat);
        report(c);
        return c;
    }

    public void set(String id, State state) {
        Call c = calls.get(id);
        report(new Call(c.id(), c.peer(), c.peerName(), c.direction(), state, c.subject(), c.highPriority(), c.codec(),
                c.mediaDirection(), 0, null, 0, c.started(),
                c.connected() == null && state == State.CONNECTED ? now : c.connected(), false, null, c.onBehalfOf(),
                false, state == State.ENDED ? EndReason.REMOTE_HANGUP : null, null));
    }

    private void report(Call c) {
        if (c.state() == State.ENDED) {
            calls.remove(c.id());
        } else {
            calls.put(c.id(), c);
        }
        listeners.forEach(l -> l.onCall(c));
    }

    private void holdActive(String except) {
        calls.values().stream().filter(c -> c.state() == State.CONNECTED && !c.id().equals(except)).map(Call::id)
                .toList().forEach(id -> set(id, State.HELD));
    }

    private CompletableFuture<Void> done(String request) {
        requests.add(request);
        return CompletableFuture.completedFuture(null);
    }

    /** Applies {@code effect} now, or, when {@link #slow}, once the peer confirms. */
    private CompletableFuture<Void> act(String request, Runnable effect) {
        if (!slow) {
            effect.run();
            return done(request);
        }
        requests.add(request);
        CompletableFuture<Void> f = new CompletableFuture<>();
        unconfirmed.add(effect);
        waiting.add(f);
        return f;
    }

    /** The slow peer agrees to everything asked so far. */
    void confirm() {
        unconfirmed.forEach(Runnable::run);
        unconfirmed.clear();
        waiting.forEach(f -> f.complete(null));
        waiting.clear();
    }

    /** The slow peer refuses everything asked so far. */
    void refuse(String why) {
        unconfirmed.clear();
        waiting.forEach(f -> f.completeExceptionally(new IllegalStateException(why)));
        waiting.clear();
    }

    @Override
    public Call call(String uri, CallOptions options) {
        holdActive(null);
        Call c = new Call("c" + (++next), uri, null, Direction.OUTGOING, State.DIALING, options.subject(), false, null,
                null, 0, null, 0, now, null, false, null, null, false, null, null);
        requests.add("call " + uri);
        report(c);
        return c;
    }

    @Override
    public CompletableFuture<Void> prepareAudio() {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> answer(String callId) {
        return act("answer " + callId, () -> {
            holdActive(callId);
            set(callId, State.CONNECTED);
        });
    }

    @Override
    public CompletableFuture<Void> decline(String callId, boolean busy) {
        set(callId, State.ENDED);
        return done("decline " + callId);
    }

    @Override
    public CompletableFuture<Void> hangup(String callId) {
        set(callId, State.ENDED);
        return done("hangup " + callId);
    }

    @Override
    public CompletableFuture<Void> hold(String callId) {
        return act("hold " + callId, () -> set(callId, State.HELD));
    }

    @Override
    public CompletableFuture<Void> resume(String callId) {
        return act("resume " + callId, () -> {
            holdActive(callId);
            set(callId, State.CONNECTED);
        });
    }

    @Override
    public CompletableFuture<Void> mute(String callId, boolean muted) {
        return done("mute " + callId);
    }

    @Override
    public CompletableFuture<Void> sendDtmf(String callId, String digits) {
        return done("dtmf " + callId);
    }

    @Override
    public CompletableFuture<Void> transfer(String callId, String target) {
        set(callId, State.ENDED);
        return done("transfer " + callId + " " + target);
    }

    @Override
    public CompletableFuture<Void> transferToCall(String callId, String consultCallId) {
        set(callId, State.ENDED);
        set(consultCallId, State.ENDED);
        return done("transferToCall " + callId + " " + consultCallId);
    }

    @Override
    public CompletableFuture<Void> redirect(String callId, CallTarget target) {
        set(callId, State.ENDED);
        return done("redirect " + callId + " " + target.kind());
    }

    @Override
    public CallQuality quality(String callId) {
        return null;
    }

    @Override
    public CompletableFuture<CallForwarding> forwarding() {
        return CompletableFuture.failedFuture(new UnsupportedOperationException());
    }

    @Override
    public CompletableFuture<Void> setForwarding(CallForwarding rules) {
        return done("forwarding");
    }

    @Override
    public AudioDevices.Available availableDevices() {
        return null;
    }

    @Override
    public AudioDevices devices() {
        return null;
    }

    @Override
    public void useDevices(AudioDevices devices) {
    }

    @Override
    public List<Call> calls() {
        return List.copyOf(calls.values());
    }

    @Override
    public void addCallListener(CallListener listener) {
        listeners.add(listener);
    }
}
