package org.parley.client.call;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.parley.client.testing.FakeClient;
import org.parley.core.client.CallQuality;
import org.parley.core.client.TelephonyService.Call;
import org.parley.core.client.TelephonyService.Direction;
import org.parley.core.client.TelephonyService.EndReason;
import org.parley.core.client.TelephonyService.State;
import org.parley.core.model.Contact;
import org.parley.core.model.ContactCard;
import org.parley.core.model.ContactKind;
import org.parley.core.model.ContactList;
import org.parley.core.model.DirectoryEntry;
import org.parley.core.model.DirectoryPage;

class CallViewModelTest {
    private static final String BOB = "sip:bob@parley.test";

    private final FakeClient client = new FakeClient();
    private final PeerNames names = new PeerNames(client);

    private CallViewModel vm(State state) {
        return new CallViewModel(FakeClient.call("c1", BOB, Direction.OUTGOING, state), client.telephony(), names,
                Runnable::run);
    }

    private static Call with(Call c, State s, EndReason r) {
        return new Call(c.id(), c.peer(), c.peerName(), c.direction(), s, c.subject(), c.highPriority(), c.codec(),
                c.mediaDirection(), 0, null, 0, c.started(), c.connected(), c.muted(), null, null, false, r, null);
    }

    @Test
    void peerNameComesFromTheContactListBeforeTheSipDisplayName() {
        client.list = new ContactList(1, List.of(), List.of(new Contact(BOB, "Bob Baker", ContactKind.USER, List.of(),
                false, null, null)));
        Call c = FakeClient.call("c1", BOB, Direction.INCOMING, State.CONNECTED);
        c = new Call(c.id(), c.peer(), "bobby", c.direction(), c.state(), null, false, null, null, 0, null, 0,
                c.started(), c.connected(), false, null, null, false, null, null);
        CallViewModel vm = new CallViewModel(c, client.telephony(), names, Runnable::run);
        assertThat(vm.nameProperty().get()).isEqualTo("Bob Baker");
    }

    @Test
    void unknownPeerGetsTheDirectoryNameAndTitleElseTheAddress() {
        client.directory = q -> CompletableFuture.completedFuture(new DirectoryPage(q, 0, 10, 1, List.of(
                new DirectoryEntry(ContactKind.USER, new ContactCard(BOB, "Bob Baker", "Engineer", null, null, null,
                        null, null, null)))));
        CallViewModel vm = vm(State.DIALING);
        assertThat(vm.nameProperty().get()).isEqualTo("Bob Baker");
        assertThat(vm.titleProperty().get()).isEqualTo("Engineer");
        assertThat(client.calls).contains("search bob");

        CallViewModel stranger = new CallViewModel(FakeClient.call("c2", "sip:zed@parley.test", Direction.OUTGOING,
                State.DIALING), client.telephony(), names, Runnable::run);
        assertThat(stranger.nameProperty().get()).isEqualTo("zed@parley.test");
        assertThat(stranger.titleProperty().get()).isNull();
    }

    @Test
    void statesReadAsWordsAndOnlyAnEstablishedCallOffersTheInCallActions() {
        CallViewModel vm = vm(State.RINGING);
        assertThat(vm.stateTextProperty().get()).isEqualTo("Ringing…");
        assertThat(vm.establishedProperty().get()).isFalse();
        vm.holdOrResume();
        vm.toggleMute();
        vm.dtmf('5');
        assertThat(vm.transfer("carol")).isFalse();
        assertThat(client.calls).noneMatch(s -> s.startsWith("hold") || s.startsWith("mute")
                || s.startsWith("sendDtmf") || s.startsWith("transfer"));

        Call up = FakeClient.call("c1", BOB, Direction.OUTGOING, State.CONNECTED);
        vm.update(up);
        assertThat(vm.stateTextProperty().get()).isEqualTo("Connected");
        assertThat(vm.establishedProperty().get()).isTrue();
        vm.update(with(up, State.REMOTE_HELD, null));
        assertThat(vm.stateTextProperty().get()).isEqualTo("bob@parley.test put you on hold");
        vm.update(with(up, State.ENDED, EndReason.BUSY));
        assertThat(vm.stateTextProperty().get()).isEqualTo("Call ended: busy");
        assertThat(vm.endedProperty().get()).isTrue();
        vm.hangUp();
        assertThat(client.calls).noneMatch(s -> s.startsWith("hangup"));
    }

    @Test
    void holdResumeMuteKeypadTransferAndHangUpCallCore() {
        CallViewModel vm = vm(State.CONNECTED);
        vm.holdOrResume();
        vm.update(with(vm.call(), State.HELD, null));
        assertThat(vm.heldProperty().get()).isTrue();
        vm.holdOrResume();
        vm.toggleMute();
        assertThat(vm.mutedProperty().get()).isTrue();
        vm.dtmf('4');
        vm.dtmf('#');
        vm.dtmf('x');
        assertThat(vm.transfer("  carol ")).isTrue();
        vm.transferTo("c9");
        vm.hangUp();
        assertThat(client.calls).containsSubsequence("hold c1", "resume c1", "mute c1 true", "sendDtmf c1 4",
                "sendDtmf c1 #", "transfer c1 carol", "transferToCall c1 c9", "hangup c1");
        assertThat(vm.digitsProperty().get()).isEqualTo("4#");
    }

    @Test
    void timerRunsFromConnectedAndQualityIsPolledWhileUp() {
        CallViewModel vm = vm(State.CONNECTED);
        Instant connected = vm.call().connected();
        client.quality.put("c1", new CallQuality("opus/48000/2", 4.4, 0.0, 12, 28, 28, 100, 100, true));
        vm.tick(connected.plusSeconds(83));
        assertThat(vm.timerProperty().get()).isEqualTo("1:23");
        assertThat(vm.qualityTextProperty().get()).isEqualTo("Opus · jitter 4 ms · loss 0.0 % · round trip 12 ms");
        assertThat(vm.encryptedProperty().get()).isTrue();
        assertThat(vm.qualityProperty().get()).isEqualTo(CallViewModel.Quality.GOOD);

        client.quality.put("c1", new CallQuality("PCMU/8000", 80, 7.5, -1, 64, 60, 100, 90, false));
        vm.tick(connected.plusSeconds(3723));
        assertThat(vm.timerProperty().get()).isEqualTo("1:02:03");
        assertThat(vm.qualityTextProperty().get()).isEqualTo("G.711 µ-law · jitter 80 ms · loss 7.5 % · round trip …");
        assertThat(vm.encryptedProperty().get()).isFalse();
        assertThat(vm.qualityProperty().get()).isEqualTo(CallViewModel.Quality.POOR);
    }

    @Test
    void aRingingCallHasNoTimerAndPollsNoQuality() {
        CallViewModel vm = vm(State.RINGING);
        vm.tick(Instant.now());
        assertThat(vm.timerProperty().get()).isEmpty();
        assertThat(client.calls).noneMatch(s -> s.startsWith("quality"));
    }

    @Test
    void consultativeTransferOffersMyOtherEstablishedCalls() {
        client.fire(FakeClient.call("c1", BOB, Direction.OUTGOING, State.CONNECTED));
        client.fire(FakeClient.call("c2", "sip:carol@parley.test", Direction.OUTGOING, State.HELD));
        client.fire(FakeClient.call("c3", "sip:dave@parley.test", Direction.OUTGOING, State.RINGING));
        CallViewModel vm = vm(State.CONNECTED);
        assertThat(vm.others()).containsExactly(new CallViewModel.Other("c2", "carol@parley.test (on hold)"));
    }

    @Test
    void aFailedActionSaysWhy() {
        client.telephonyFailures.put("transfer", new IllegalStateException("REFER refused (403)"));
        CallViewModel vm = vm(State.CONNECTED);
        vm.transfer("carol");
        assertThat(vm.errorProperty().get()).isEqualTo("Transfer to carol failed: REFER refused (403)");
    }

    @Test
    void aCallForAManagerSaysForWhomAndAnOwnCallDoesNot() {
        Call c = FakeClient.call("c7", BOB, Direction.INCOMING, State.CONNECTED);
        Call forMia = new Call(c.id(), c.peer(), null, c.direction(), c.state(), null, false, c.codec(), null, 0, null,
                0, c.started(), c.connected(), false, null, "sip:mia@parley.test", false, null, null);
        assertThat(new CallViewModel(forMia, client.telephony(), names, Runnable::run).forManager())
                .isEqualTo("for mia@parley.test");
        assertThat(new CallViewModel(c, client.telephony(), names, Runnable::run).forManager()).isNull();
    }

    @Test
    void aCallHandledForAManagerGoesToTheManagersMailboxAndAnOwnCallDoesNot() {
        Call c = FakeClient.call("c7", BOB, Direction.INCOMING, State.CONNECTED);
        Call forMia = new Call(c.id(), c.peer(), null, c.direction(), c.state(), null, false, c.codec(), null, 0, null,
                0, c.started(), c.connected(), false, null, "sip:mia@parley.test", false, null, null);
        CallViewModel delegated = new CallViewModel(forMia, client.telephony(), names, Runnable::run);
        CallViewModel own = new CallViewModel(c, client.telephony(), names, Runnable::run);

        assertThat(own.toManagersVoicemail()).isFalse();
        assertThat(delegated.toManagersVoicemail()).isTrue();

        assertThat(client.calls).filteredOn(s -> s.startsWith("transfer"))
                .containsExactly("transfer c7 sip:voicemail@parley.test;mailbox=mia");
        assertThat(CallViewModel.managersVoicemail("sips:Boss@corp.example")).isEqualTo(
                "sip:voicemail@corp.example;mailbox=Boss");
        assertThat(CallViewModel.managersVoicemail("mia")).isNull();
    }

    @Test
    void aRingingCallForAManagerIsNotTransferredAndAFailureSaysWhoseVoicemail() {
        Call c = FakeClient.call("c8", BOB, Direction.INCOMING, State.INCOMING);
        Call ringing = new Call(c.id(), c.peer(), null, c.direction(), c.state(), null, false, c.codec(), null, 0,
                null, 0, c.started(), c.connected(), false, null, "sip:mia@parley.test", false, null, null);
        assertThat(new CallViewModel(ringing, client.telephony(), names, Runnable::run).toManagersVoicemail()).isFalse();
        assertThat(client.calls).noneMatch(s -> s.startsWith("transfer"));

        client.telephonyFailures.put("transfer", new IllegalStateException("REFER refused (403)"));
        Call answered = new Call(c.id(), c.peer(), null, c.direction(), State.CONNECTED, null, false, c.codec(), null,
                0, null, 0, c.started(), c.connected(), false, null, "sip:mia@parley.test", false, null, null);
        CallViewModel vm = new CallViewModel(answered, client.telephony(), names, Runnable::run);
        vm.toManagersVoicemail();
        assertThat(vm.errorProperty().get())
                .isEqualTo("Cannot send the call to mia@parley.test's voicemail: REFER refused (403)");
    }
}
