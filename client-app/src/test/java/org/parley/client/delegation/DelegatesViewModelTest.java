package org.parley.client.delegation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.parley.client.testing.FakeClient;
import org.parley.core.client.DelegationService.RingMode;
import org.parley.core.client.DelegationService.Settings;

class DelegatesViewModelTest {
    private static final String ME = "sip:mia@parley.test";
    private static final String BOB = "sip:bob@parley.test";
    private static final String DAN = "sip:dan@parley.test";

    private final FakeClient client = new FakeClient();
    private final List<Settings> saved = new ArrayList<>();
    private final DelegatesViewModel vm;

    DelegatesViewModelTest() {
        client.answers.put("DelegationService.settings", a -> CompletableFuture.completedFuture(
                new Settings(List.of(BOB), RingMode.AFTER_DELAY, 15)));
        client.answers.put("DelegationService.setSettings", a -> {
            saved.add((Settings) a[0]);
            return CompletableFuture.completedFuture(null);
        });
        vm = new DelegatesViewModel(client.delegation(), ME, Map.of(BOB, "Bob Baker")::get, Runnable::run);
    }

    @Test
    void loadShowsMyDelegatesAndRingMode() {
        vm.load().join();
        assertThat(vm.delegates()).containsExactly(BOB);
        assertThat(vm.modeProperty().get()).isEqualTo(RingMode.AFTER_DELAY);
        assertThat(vm.delaySecondsProperty().get()).isEqualTo(15);
        assertThat(vm.nameOf(BOB)).isEqualTo("Bob Baker");
        assertThat(vm.nameOf(DAN)).isEqualTo("dan@parley.test");
    }

    @Test
    void typedNamesAreCompletedToMyDomainAndSavedWithTheMode() {
        vm.load().join();
        vm.newDelegateProperty().set(" Dan ");
        assertThat(vm.addDelegate()).isTrue();
        assertThat(vm.newDelegateProperty().get()).isEmpty();
        vm.removeDelegate(BOB);
        vm.modeProperty().set(RingMode.DELEGATES_ONLY);
        assertThat(vm.save().join()).isTrue();
        assertThat(saved).containsExactly(new Settings(List.of(DAN), RingMode.DELEGATES_ONLY, 0));
    }

    @Test
    void myselfNumbersDuplicatesAndBlanksAreRefused() {
        vm.load().join();
        vm.newDelegateProperty().set("mia");
        assertThat(vm.addDelegate()).isFalse();
        assertThat(vm.errorProperty().get()).isEqualTo("You cannot be your own delegate.");
        vm.newDelegateProperty().set("+1 555 0100");
        assertThat(vm.addDelegate()).isFalse();
        assertThat(vm.errorProperty().get()).isEqualTo("Delegates are people of this service, not numbers.");
        vm.newDelegateProperty().set("bob@parley.test");
        assertThat(vm.addDelegate()).isFalse();
        assertThat(vm.errorProperty().get()).isEqualTo("Bob Baker is already your delegate.");
        vm.newDelegateProperty().set("  ");
        assertThat(vm.addDelegate()).isFalse();
        assertThat(vm.delegates()).containsExactly(BOB);
    }

    @Test
    void aDelayOutsideOneToOneHundredTwentySecondsOrNobodyToRingIsNotSaved() {
        vm.load().join();
        vm.delaySecondsProperty().set(121);
        assertThat(vm.save().join()).isFalse();
        assertThat(vm.errorProperty().get()).isEqualTo("Delegates ring after 1 to 120 seconds.");
        vm.removeDelegate(BOB);
        vm.modeProperty().set(RingMode.DELEGATES_ONLY);
        assertThat(vm.save().join()).isFalse();
        assertThat(vm.errorProperty().get()).startsWith("Add a delegate first");
        assertThat(saved).isEmpty();
    }

    @Test
    void serverErrorsAreShown() {
        client.answers.put("DelegationService.setSettings",
                a -> CompletableFuture.failedFuture(new IllegalStateException("unknown user sip:zed@parley.test")));
        vm.load().join();
        assertThat(vm.save().join()).isFalse();
        assertThat(vm.errorProperty().get()).isEqualTo("Cannot save your delegates: unknown user sip:zed@parley.test");
        assertThat(vm.busyProperty().get()).isFalse();
        client.answers.put("DelegationService.settings",
                a -> CompletableFuture.failedFuture(new IllegalStateException("timeout")));
        vm.load().join();
        assertThat(vm.errorProperty().get()).isEqualTo("Cannot read your delegates: timeout");
    }
}
