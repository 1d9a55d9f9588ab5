package org.parley.core.client.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.parley.core.client.TelephonyService;
import org.parley.core.client.TelephonyService.Call;
import org.parley.core.client.TelephonyService.CallListener;
import org.parley.core.client.TelephonyService.Direction;
import org.parley.core.client.TelephonyService.EndReason;
import org.parley.core.client.TelephonyService.State;
import org.parley.core.error.ErrorCode;
import org.parley.core.error.ParleyException;

/** Waiting for a call to connect, whether the waiter comes before or after the call's events. */
class CallWaiterTest {
    private CallListener listener;
    private final CallWaiter waiter = new CallWaiter((TelephonyService) Proxy.newProxyInstance(
            getClass().getClassLoader(), new Class<?>[] {TelephonyService.class}, (proxy, method, args) -> {
                if (method.getName().equals("addCallListener")) {
                    listener = (CallListener) args[0];
                }
                return null;
            }));

    private static Call call(String id, State state, EndReason reason) {
        return new Call(id, "sip:dave@parley.test", null, Direction.OUTGOING, state, "Conference", false, null, null, 0,
                null, 0, Instant.EPOCH, null, false, null, null, false, reason, reason == null ? null : "486 Busy Here");
    }

    @Test
    void aWaiterCompletesWhenItsCallConnectsAndNotForAnotherCall() throws Exception {
        CompletableFuture<Call> connected = waiter.connected("c1");
        listener.onCall(call("c1", State.DIALING, null));
        listener.onCall(call("c2", State.CONNECTED, null));
        assertThat(connected).isNotDone();

        listener.onCall(call("c1", State.CONNECTED, null));

        assertThat(connected.get(1, TimeUnit.SECONDS).state()).isEqualTo(State.CONNECTED);
    }

    @Test
    void aWaiterAfterTheCallConnectedCompletesAtOnce() throws Exception {
        listener.onCall(call("c1", State.REMOTE_HELD, null));

        assertThat(waiter.connected("c1").get(1, TimeUnit.SECONDS).state()).isEqualTo(State.REMOTE_HELD);
    }

    @Test
    void aCallThatEndsFirstFailsTheWaiterWithItsReasonEvenForALateWaiter() {
        CompletableFuture<Call> early = waiter.connected("c1");
        listener.onCall(call("c1", State.ENDED, EndReason.BUSY));
        CompletableFuture<Call> late = waiter.connected("c1");

        for (CompletableFuture<Call> f : java.util.List.of(early, late)) {
            assertThat(f).isCompletedExceptionally();
            try {
                f.get();
            } catch (InterruptedException | ExecutionException e) {
                assertThat(e.getCause()).isInstanceOf(ParleyException.class).hasMessageContaining("BUSY");
                assertThat(((ParleyException) e.getCause()).code()).isEqualTo(ErrorCode.REFUSED);
            }
        }
    }
}
