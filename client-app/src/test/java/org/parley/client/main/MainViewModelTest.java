package org.parley.client.main;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.parley.client.shell.Session;
import org.parley.client.testing.FakeClient;
import org.parley.core.client.ClientConfig;
import org.parley.core.client.UcClient.ConnectionState;
import org.parley.core.error.ErrorCode;
import org.parley.core.error.ParleyException;
import org.parley.core.model.PresenceState;

class MainViewModelTest {
    private final FakeClient client = new FakeClient();
    private final MainViewModel vm = new MainViewModel(new Session(client,
            ClientConfig.of("127.0.0.1", 5060, ClientConfig.Transport.TCP, "alice", "x.test", Path.of("unused"))));

    @Test
    void theBannerShowsWhileReconnectingWithTheReasonAndGoesAwayWhenSignedInAgain() {
        assertThat(vm.bannerProperty().get()).isEmpty();
        vm.onConnection(ConnectionState.RECONNECTING, new ParleyException(ErrorCode.NETWORK_FAILURE, "no answer"));
        assertThat(vm.bannerProperty().get())
                .isEqualTo("Connection to the server lost. Reconnecting… (no answer)");
        vm.onConnection(ConnectionState.SIGNED_IN, null);
        assertThat(vm.bannerProperty().get()).isEmpty();
    }

    @Test
    void theSelectorOffersTheStatesAUserMayPickThenTheServersCustomStates() {
        client.customStates.add("Working from home");
        vm.refreshChoices();
        assertThat(vm.choices()).extracting(StateChoice::label).containsExactly("Available", "Busy", "Do not disturb",
                "Be right back", "Away", "Appear offline", "Working from home");
        assertThat(vm.stateProperty().get().state()).isEqualTo(PresenceState.AVAILABLE);
    }

    @Test
    void choosingAStatePublishesItAndACustomStateByItsLabel() {
        client.customStates.add("Working from home");
        vm.refreshChoices();
        vm.stateProperty().set(vm.choices().get(2));
        assertThat(client.calls).contains("setState DO_NOT_DISTURB");
        vm.stateProperty().set(vm.choices().get(6));
        assertThat(client.calls).contains("setCustomState Working from home");
    }

    @Test
    void theNoteAndLocationArePublishedTrimmedAndBlankClears() {
        vm.noteProperty().set("  In Berlin  ");
        vm.publishNote();
        vm.locationProperty().set(" ");
        vm.publishLocation();
        assertThat(client.calls).contains("setNote In Berlin", "setLocation null");
    }

    @Test
    void leavingTheNoteFieldPublishesOnlyAChangedNote() {
        vm.publishNoteIfChanged();
        assertThat(client.calls).noneMatch(c -> c.startsWith("setNote"));
        vm.noteProperty().set("Out at four");
        vm.publishNoteIfChanged();
        vm.publishNoteIfChanged();
        assertThat(client.calls.stream().filter(c -> c.startsWith("setNote"))).containsExactly("setNote Out at four");
    }
}
