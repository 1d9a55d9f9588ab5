package org.parley.client.callstatus;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.parley.client.testing.FakeClient;
import org.parley.core.client.CallForwarding;
import org.parley.core.client.CallTarget;
import org.parley.core.client.TelephonyService.Call;
import org.parley.core.client.TelephonyService.CallListener;
import org.parley.core.client.TelephonyService.Direction;
import org.parley.core.client.TelephonyService.EndReason;
import org.parley.core.client.TelephonyService.State;
import org.parley.core.client.VoicemailService.MessageWaiting;
import org.parley.core.client.VoicemailService.MessageWaitingListener;
import org.parley.core.error.ErrorCode;
import org.parley.core.error.ParleyException;

/** The main window's call line: missed calls, message waiting and the forwarding rule, from a recording fake client. */
class CallStatusViewModelTest {
    private final FakeClient client = new FakeClient();
    private final List<CallListener> callListeners = new ArrayList<>();
    private final List<MessageWaitingListener> mwiListeners = new ArrayList<>();
    private final CallStatusViewModel vm = new CallStatusViewModel(client, uri -> null);

    CallStatusViewModelTest() {
        client.answers.put("TelephonyService.addCallListener", args -> {
            callListeners.add((CallListener) args[0]);
            return null;
        });
        client.answers.put("VoicemailService.addMessageWaitingListener", args -> {
            mwiListeners.add((MessageWaitingListener) args[0]);
            return null;
        });
    }

    private static Call call(String id, Direction dir, State state, Instant connected, EndReason reason) {
        return new Call(id, "sip:bob@parley.test", "Bob", dir, state, null, false, null, null, 0, null, 0,
                Instant.now(), connected, false, null, null, false, reason, null);
    }

    private void event(Call c) {
        callListeners.forEach(l -> l.onCall(c));
    }

    @Test
    void incomingCallsThatEndUnansweredAreCountedOnceAndOthersAreNot() {
        vm.start();
        event(call("1", Direction.INCOMING, State.INCOMING, null, null));
        event(call("1", Direction.INCOMING, State.ENDED, null, EndReason.CANCELLED));
        event(call("1", Direction.INCOMING, State.ENDED, null, EndReason.CANCELLED)); // told twice
        event(call("2", Direction.INCOMING, State.ENDED, null, EndReason.UNAVAILABLE));
        event(call("3", Direction.INCOMING, State.ENDED, Instant.now(), EndReason.REMOTE_HANGUP)); // talked
        event(call("4", Direction.INCOMING, State.ENDED, null, EndReason.DECLINED)); // I declined it
        event(call("5", Direction.OUTGOING, State.ENDED, null, EndReason.UNAVAILABLE)); // mine, not answered
        event(call("6", Direction.INCOMING, State.ENDED, null, EndReason.TRANSFERRED)); // redirected by me

        assertThat(vm.missedProperty().get()).isEqualTo(2);
        vm.clearMissed();
        assertThat(vm.missedProperty().get()).isZero();
        event(call("7", Direction.INCOMING, State.ENDED, null, EndReason.CANCELLED));
        assertThat(vm.missedProperty().get()).isEqualTo(1);
    }

    @Test
    void messageWaitingShowsHowManyNewMessagesAndFollowsTheServer() {
        client.answers.put("VoicemailService.messageWaiting", args -> new MessageWaiting(true, 2, 5));
        vm.start();
        assertThat(vm.voicemailAvailableProperty().get()).isTrue();
        assertThat(vm.newVoicemailsProperty().get()).isEqualTo(2);
        assertThat(vm.voicemailProperty().get()).isEqualTo("2 new voicemails");

        mwiListeners.forEach(l -> l.onMessageWaiting(new MessageWaiting(true, 1, 6)));
        assertThat(vm.voicemailProperty().get()).isEqualTo("1 new voicemail");
        mwiListeners.forEach(l -> l.onMessageWaiting(new MessageWaiting(false, 0, 7)));
        assertThat(vm.newVoicemailsProperty().get()).isZero();
        assertThat(vm.voicemailProperty().get()).isEqualTo("No new voicemail");
    }

    @Test
    void aClientWithoutVoicemailSaysSoAndTheRestStillWorks() {
        client.voicemailFailure = new UnsupportedOperationException("voicemail is not built yet");
        client.answers.put("TelephonyService.forwarding", args -> CompletableFuture.completedFuture(
                new CallForwarding(CallForwarding.Mode.FORWARD_ALL, CallTarget.voicemail(), null, false, List.of(),
                        20, CallTarget.voicemail())));

        vm.start();

        assertThat(vm.voicemailAvailableProperty().get()).isFalse();
        assertThat(vm.voicemailProperty().get()).isEqualTo("Voicemail unavailable");
        assertThat(vm.forwardingProperty().get()).isEqualTo("Calls forwarded to voicemail");
        event(call("1", Direction.INCOMING, State.ENDED, null, EndReason.CANCELLED));
        assertThat(vm.missedProperty().get()).isEqualTo(1);
    }

    @Test
    void aForwardingRuleThatCannotBeReadLeavesANeutralLineWithTheReasonAndASavedRuleReplacesIt() {
        client.answers.put("TelephonyService.forwarding", args -> CompletableFuture.failedFuture(
                new ParleyException(ErrorCode.INTERNAL, "call forwarding is not built yet")));
        vm.start();
        assertThat(vm.forwardingProperty().get()).isEqualTo("Call forwarding");
        assertThat(vm.forwardingProblemProperty().get())
                .isEqualTo("Cannot read your forwarding rules: call forwarding is not built yet");

        vm.forwardingSaved(new CallForwarding(CallForwarding.Mode.FORWARD_ALL, CallTarget.number("+15550100"), null,
                false, List.of(), 20, CallTarget.voicemail()));

        assertThat(vm.forwardingProperty().get()).isEqualTo("Calls forwarded to +15550100");
        assertThat(vm.forwardingProblemProperty().get()).isNull();
    }
}
