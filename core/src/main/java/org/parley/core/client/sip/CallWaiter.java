package org.parley.core.client.sip;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import org.parley.core.client.TelephonyService;
import org.parley.core.client.TelephonyService.Call;
import org.parley.core.client.TelephonyService.State;
import org.parley.core.error.ErrorCode;
import org.parley.core.error.ParleyException;

/**
 * Futures for "this call reached that state" over the telephony listeners: a waiter registered after the state was
 * reached completes at once; one whose call ends first fails with the call's end reason.
 */
final class CallWaiter {
    /** Ended calls remembered, so that a late waiter still learns how its call ended. */
    private static final int ENDED_KEPT = 64;

    private record Waiter(String callId, Predicate<Call> done, CompletableFuture<Call> result) {
    }

    private final Map<String, Call> latest = new HashMap<>();
    private final Set<String> endedOrder = new LinkedHashSet<>();
    private final List<Waiter> waiters = new ArrayList<>();

    CallWaiter(TelephonyService telephony) {
        telephony.addCallListener(this::onCall);
    }

    /** Completes when the call is talking (connected, or held by the peer only). */
    CompletableFuture<Call> connected(String callId) {
        return until(callId, c -> c.state() == State.CONNECTED || c.state() == State.REMOTE_HELD);
    }

    CompletableFuture<Call> until(String callId, Predicate<Call> done) {
        Waiter w = new Waiter(callId, done, new CompletableFuture<>());
        Call now;
        synchronized (this) {
            now = latest.get(callId);
            if (now == null || !settle(w, now)) {
                waiters.add(w);
                return w.result();
            }
        }
        finish(w, now);
        return w.result();
    }

    private void onCall(Call call) {
        List<Waiter> ready = new ArrayList<>();
        synchronized (this) {
            latest.put(call.id(), call);
            if (call.state().isFinal()) {
                endedOrder.add(call.id());
                if (endedOrder.size() > ENDED_KEPT) {
                    Iterator<String> oldest = endedOrder.iterator();
                    latest.remove(oldest.next());
                    oldest.remove();
                }
            }
            for (Iterator<Waiter> it = waiters.iterator(); it.hasNext(); ) {
                Waiter w = it.next();
                if (w.callId().equals(call.id()) && settle(w, call)) {
                    it.remove();
                    ready.add(w);
                }
            }
        }
        ready.forEach(w -> finish(w, call));
    }

    private static boolean settle(Waiter w, Call c) {
        return w.done().test(c) || c.state().isFinal();
    }

    private static void finish(Waiter w, Call c) {
        if (w.done().test(c)) {
            w.result().complete(c);
        } else {
            w.result().completeExceptionally(new ParleyException(code(c.endReason()), "call to " + c.peer() + " ended: "
                    + c.endReason() + (c.detail() == null ? "" : " (" + c.detail() + ")")));
        }
    }

    private static ErrorCode code(TelephonyService.EndReason reason) {
        if (reason == null) {
            return ErrorCode.INTERNAL;
        }
        return switch (reason) {
            case NOT_FOUND -> ErrorCode.NOT_FOUND;
            case UNAVAILABLE -> ErrorCode.TIMEOUT;
            case DECLINED, BUSY, MEDIA_REFUSED -> ErrorCode.REFUSED;
            default -> ErrorCode.INTERNAL;
        };
    }
}
