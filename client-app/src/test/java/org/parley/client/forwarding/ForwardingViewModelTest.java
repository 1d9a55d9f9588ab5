package org.parley.client.forwarding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.parley.client.testing.FakeClient;
import org.parley.core.client.CallForwarding;
import org.parley.core.client.CallForwarding.Mode;
import org.parley.core.client.CallTarget;
import org.parley.core.client.CallTarget.Kind;
import org.parley.core.error.ErrorCode;
import org.parley.core.error.ParleyException;

/** The forwarding dialog's state without controls; the core client is a recording fake. */
class ForwardingViewModelTest {
    private final FakeClient client = new FakeClient();
    private final List<CallForwarding> stored = new ArrayList<>();
    private final List<CallForwarding> told = new ArrayList<>();
    private final ForwardingViewModel vm;

    ForwardingViewModelTest() {
        client.answers.put("TelephonyService.setForwarding", args -> {
            stored.add((CallForwarding) args[0]);
            return CompletableFuture.completedFuture(null);
        });
        vm = new ForwardingViewModel(client.telephony(), "sip:alice@parley.test",
                Map.of("sip:bob@parley.test", "Bob Builder")::get, told::add);
    }

    @Test
    void loadingPutsTheServersRuleIntoTheFields() {
        CallForwarding rule = new CallForwarding(Mode.SIMULTANEOUS_RING, CallTarget.NONE, "+1 555 0100", true,
                List.of("sip:bob@parley.test"), 30, CallTarget.number("+1 555 0199"));
        client.answers.put("TelephonyService.forwarding", args -> CompletableFuture.completedFuture(rule));

        vm.load().join();

        assertThat(vm.modeProperty().get()).isEqualTo(Mode.SIMULTANEOUS_RING);
        assertThat(vm.simRingExtraProperty().get()).isEqualTo("+1 555 0100");
        assertThat(vm.simRingTeamProperty().get()).isTrue();
        assertThat(vm.team()).containsExactly("sip:bob@parley.test");
        assertThat(vm.unansweredSecondsProperty().get()).isEqualTo(30);
        assertThat(vm.unansweredKindProperty().get()).isEqualTo(Kind.NUMBER);
        assertThat(vm.unansweredValueProperty().get()).isEqualTo("+1 555 0199");
        assertThat(vm.rule()).as("the fields make the same rule again").isEqualTo(rule);
        assertThat(vm.errorProperty().get()).isNull();
    }

    @Test
    void aRuleThatCannotBeReadIsAnErrorLineAndTheDefaultStays() {
        client.answers.put("TelephonyService.forwarding", args -> CompletableFuture.failedFuture(
                new ParleyException(ErrorCode.INTERNAL, "call forwarding is not built yet")));

        vm.load().join();

        assertThat(vm.errorProperty().get())
                .isEqualTo("Cannot read your forwarding rules: call forwarding is not built yet");
        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(vm.rule()).isEqualTo(CallForwarding.DEFAULT);
    }

    @Test
    void forwardingAllCallsToANumberStoresThatRuleAndTellsTheHeader() {
        vm.modeProperty().set(Mode.FORWARD_ALL);
        vm.forwardKindProperty().set(Kind.NUMBER);
        vm.forwardValueProperty().set(" +1 (555) 0100 ");

        assertThat(vm.save().join()).isTrue();

        assertThat(stored).hasSize(1);
        CallForwarding r = stored.get(0);
        assertThat(r.mode()).isEqualTo(Mode.FORWARD_ALL);
        assertThat(r.forwardTo()).isEqualTo(CallTarget.number("+1 (555) 0100"));
        assertThat(r.unansweredTarget()).isEqualTo(CallTarget.voicemail());
        assertThat(told).containsExactly(r);
        assertThat(ForwardingText.describe(r, u -> null)).isEqualTo("Calls forwarded to +1 (555) 0100");
        assertThat(vm.statusProperty().get()).isEqualTo("Saved: Calls forwarded to +1 (555) 0100");
    }

    @Test
    void aWrongNumberShowsTheCoreMessageAndNothingIsSent() {
        vm.modeProperty().set(Mode.FORWARD_ALL);
        vm.forwardKindProperty().set(Kind.NUMBER);
        vm.forwardValueProperty().set("call me");

        assertThat(vm.save().join()).isFalse();

        assertThat(vm.errorProperty().get()).isEqualTo("Not a telephone number: call me.");
        assertThat(stored).isEmpty();
        vm.forwardValueProperty().set("+15550100");
        assertThat(vm.errorProperty().get()).as("editing clears the error").isNull();
    }

    @Test
    void forwardingToAPersonNeedsOneAndAUserNameBecomesAnAddressOfMyDomain() {
        vm.modeProperty().set(Mode.FORWARD_ALL);
        vm.forwardKindProperty().set(Kind.USER);
        assertThat(vm.validate()).isFalse();
        assertThat(vm.errorProperty().get()).isEqualTo("Forward to which user?");

        vm.forwardValueProperty().set("Bob");
        assertThat(vm.save().join()).isTrue();
        assertThat(stored.get(0).forwardTo()).isEqualTo(CallTarget.user("sip:bob@parley.test"));
        assertThat(ForwardingText.describe(stored.get(0), Map.of("sip:bob@parley.test", "Bob Builder")::get))
                .isEqualTo("Calls forwarded to Bob Builder");
    }

    @Test
    void simultaneousRingNeedsSomeoneAndAnEmptyTeamIsNotEnough() {
        vm.modeProperty().set(Mode.SIMULTANEOUS_RING);
        assertThat(vm.validate()).isFalse();
        assertThat(vm.errorProperty().get()).startsWith("Ring which number or user at the same time?");

        vm.simRingTeamProperty().set(true);
        assertThat(vm.validate()).isFalse();
        assertThat(vm.errorProperty().get()).isEqualTo("Your Team-Call group is empty: add members to it first.");

        vm.newMemberProperty().set("bob");
        assertThat(vm.addTeamMember()).isTrue();
        vm.simRingExtraProperty().set("carol@other.test");
        assertThat(vm.save().join()).isTrue();
        CallForwarding r = stored.get(0);
        assertThat(r.simRingTeam()).isTrue();
        assertThat(r.team()).containsExactly("sip:bob@parley.test");
        assertThat(r.simRingNumber()).isEqualTo("sip:carol@other.test");
        assertThat(ForwardingText.describe(r, u -> null))
                .isEqualTo("Calls also ring carol@other.test and your team · unanswered to voicemail after 20 s");
    }

    @Test
    void theTeamRefusesNumbersMyselfAndDuplicatesAndMembersCanBeRemoved() {
        vm.newMemberProperty().set("+1 555 0100");
        assertThat(vm.addTeamMember()).isFalse();
        assertThat(vm.errorProperty().get()).startsWith("Your team holds people, not numbers");
        vm.newMemberProperty().set("Alice");
        assertThat(vm.addTeamMember()).isFalse();
        assertThat(vm.errorProperty().get()).isEqualTo("You are always rung: add someone else.");
        vm.newMemberProperty().set("sip:bob@parley.test");
        assertThat(vm.addTeamMember()).isTrue();
        assertThat(vm.newMemberProperty().get()).as("the field empties for the next one").isEmpty();
        vm.newMemberProperty().set("bob@parley.test");
        assertThat(vm.addTeamMember()).isFalse();
        assertThat(vm.errorProperty().get()).isEqualTo("Bob Builder is already in your team.");
        vm.newMemberProperty().set("dave");
        vm.addTeamMember();
        assertThat(vm.team()).containsExactly("sip:bob@parley.test", "sip:dave@parley.test");

        vm.removeTeamMember("sip:bob@parley.test");

        assertThat(vm.team()).containsExactly("sip:dave@parley.test");
        assertThat(vm.rule().team()).containsExactly("sip:dave@parley.test");
    }

    @Test
    void unansweredCallsWaitFiveToOneHundredTwentySecondsAndMayKeepRinging() {
        vm.unansweredSecondsProperty().set(3);
        assertThat(vm.validate()).isFalse();
        assertThat(vm.errorProperty().get()).isEqualTo("Unanswered calls wait between 5 and 120 seconds, not 3.");

        vm.unansweredSecondsProperty().set(120);
        vm.unansweredKindProperty().set(Kind.NONE);
        assertThat(vm.save().join()).isTrue();
        assertThat(stored.get(0).unansweredTarget()).isEqualTo(CallTarget.NONE);
        assertThat(stored.get(0).unansweredSeconds()).isEqualTo(120);
        assertThat(ForwardingText.describe(stored.get(0), u -> null)).isEqualTo("Call forwarding off");
    }

    @Test
    void aRefusedSaveIsAnErrorLineAndTheHeaderIsNotTold() {
        client.answers.put("TelephonyService.setForwarding", args -> CompletableFuture.failedFuture(
                new ParleyException(ErrorCode.INTERNAL, "call forwarding is not built yet")));
        vm.modeProperty().set(Mode.FORWARD_ALL);

        assertThat(vm.save().join()).isFalse();

        assertThat(vm.errorProperty().get())
                .isEqualTo("Cannot save your forwarding rules: call forwarding is not built yet");
        assertThat(told).isEmpty();
        assertThat(vm.busyProperty().get()).isFalse();
    }
}
