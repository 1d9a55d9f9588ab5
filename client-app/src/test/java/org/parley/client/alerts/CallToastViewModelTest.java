package org.parley.client.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.parley.client.call.PeerNames;
import org.parley.client.testing.FakeClient;
import org.parley.core.client.CallTarget;
import org.parley.core.client.TelephonyService.Call;
import org.parley.core.client.TelephonyService.Direction;
import org.parley.core.client.TelephonyService.EndReason;
import org.parley.core.client.TelephonyService.State;
import org.parley.core.model.ContactCard;
import org.parley.core.model.ContactKind;
import org.parley.core.model.DirectoryEntry;
import org.parley.core.model.DirectoryPage;

class CallToastViewModelTest {
    private static final String BOB = "sip:bob@parley.test";

    private final FakeClient client = new FakeClient();
    private final List<String> opened = new ArrayList<>();
    private boolean sounds = true;
    private final CompletableFuture<DirectoryPage> directory = new CompletableFuture<>();
    private final CallToastViewModel vm;

    CallToastViewModelTest() {
        client.directory = q -> directory;
        vm = new CallToastViewModel(client.telephony(), new PeerNames(client), opened::add, () -> sounds,
                Runnable::run);
    }

    private static Call incoming(String id, String subject, boolean urgent) {
        Call c = FakeClient.call(id, BOB, Direction.INCOMING, State.INCOMING);
        return new Call(c.id(), c.peer(), "Bobby", c.direction(), c.state(), subject, urgent, null, null, 0, null, 0,
                c.started(), null, false, null, null, false, null, null);
    }

    private static Call now(Call c, State s) {
        return new Call(c.id(), c.peer(), c.peerName(), c.direction(), s, c.subject(), c.highPriority(), null, null,
                0, null, 0, c.started(), null, false, null, null, false, s == State.ENDED ? EndReason.CANCELLED : null, null);
    }

    @Test
    void anIncomingCallRaisesOneToastWithSubjectPriorityAndTheDirectoryNameAndTitle() {
        Call c = incoming("c1", "Release", true);
        vm.onCall(c);
        vm.onCall(c);
        assertThat(vm.ringing()).singleElement().satisfies(r -> {
            assertThat(r.name()).isEqualTo("Bobby");
            assertThat(r.subject()).isEqualTo("Release");
            assertThat(r.highPriority()).isTrue();
        });
        directory.complete(new DirectoryPage("bob", 0, 10, 1, List.of(new DirectoryEntry(ContactKind.USER,
                new ContactCard(BOB, "Bob Baker", "Engineer", null, null, null, null, null, null)))));
        assertThat(vm.ringing()).singleElement().satisfies(r -> {
            assertThat(r.name()).isEqualTo("Bob Baker");
            assertThat(r.title()).isEqualTo("Engineer");
        });
        assertThat(vm.ringsAloud()).isTrue();
        sounds = false;
        assertThat(vm.ringsAloud()).isFalse();
    }

    @Test
    void theToastGoesWhenTheCallerCancelsOrItIsAnsweredElsewhere() {
        Call c = incoming("c1", null, false);
        vm.onCall(c);
        vm.onCall(FakeClient.call("c2", BOB, Direction.OUTGOING, State.RINGING));
        assertThat(vm.ringing()).hasSize(1);
        vm.onCall(now(c, State.ENDED));
        assertThat(vm.ringing()).isEmpty();
        assertThat(vm.ringsAloud()).isFalse();
    }

    @Test
    void answerDeclineAndVoicemailCallCoreAndCloseTheToast() {
        vm.onCall(incoming("c1", null, false));
        vm.onCall(incoming("c2", null, false));
        vm.onCall(incoming("c3", null, false));
        vm.answer(vm.ringing().get(0));
        vm.decline(vm.ringing().get(0));
        vm.toVoicemail(vm.ringing().get(0));
        assertThat(vm.ringing()).isEmpty();
        assertThat(client.calls).containsSubsequence("answer c1", "decline c2",
                "redirect c3 " + CallTarget.voicemail());
    }

    @Test
    void redirectTakesANumberOrAUserAndRefusesNonsense() {
        vm.onCall(incoming("c1", null, false));
        vm.onCall(incoming("c2", null, false));
        assertThat(vm.redirect(vm.ringing().get(0), "  ")).isFalse();
        assertThat(vm.errorProperty().get()).isEqualTo("Type a number or a user to send the call to.");
        assertThat(vm.redirect(vm.ringing().get(0), "two words")).isFalse();
        assertThat(vm.ringing()).hasSize(2);
        assertThat(vm.redirect(vm.ringing().get(0), "+1 555 0100")).isTrue();
        assertThat(vm.redirect(vm.ringing().get(0), "carol")).isTrue();
        assertThat(vm.errorProperty().get()).isNull();
        assertThat(client.calls).containsSubsequence("redirect c1 " + CallTarget.number("+1 555 0100"),
                "redirect c2 " + CallTarget.user("carol"));
    }

    @Test
    void replyWithImDeclinesAndOpensTheConversation() {
        vm.onCall(incoming("c1", null, false));
        vm.replyWithIm(vm.ringing().get(0));
        assertThat(client.calls).contains("decline c1");
        assertThat(opened).containsExactly(BOB);
        assertThat(vm.ringing()).isEmpty();
    }

    @Test
    void redirectTargetsAreClassified() {
        assertThat(CallToastViewModel.target("sip:carol@parley.test").kind()).isEqualTo(CallTarget.Kind.USER);
        assertThat(CallToastViewModel.target("0044 20 7946").kind()).isEqualTo(CallTarget.Kind.NUMBER);
        assertThatThrownBy(() -> CallToastViewModel.target("a b")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aDelegatedCallSaysWhichManagerItIsFor() {
        Call c = incoming("c9", null, false);
        vm.onCall(new Call(c.id(), c.peer(), c.peerName(), c.direction(), c.state(), null, false, null, null, 0, null,
                0, c.started(), null, false, null, "sip:mia.manager@parley.test", false, null, null));
        assertThat(vm.ringing()).singleElement().satisfies(r -> {
            assertThat(r.onBehalfOf()).isEqualTo("mia.manager@parley.test");
            assertThat(r.forManager()).isEqualTo("for mia.manager@parley.test");
        });
        vm.onCall(incoming("c10", null, false));
        assertThat(vm.ringing().get(1).forManager()).isNull();
    }
}
