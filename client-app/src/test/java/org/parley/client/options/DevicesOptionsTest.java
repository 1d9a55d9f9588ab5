package org.parley.client.options;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.client.settings.Appearance;
import org.parley.client.settings.ClientSettings;
import org.parley.client.settings.SettingsStore;
import org.parley.client.testing.FakeClient;
import org.parley.core.client.AudioDevices;
import org.parley.ui.Theme;
import org.parley.ui.ThemeSwitcher;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** Audio devices in the Options dialog's state: offered by the (fake) client, saved for the next sign-in, applied now. */
class DevicesOptionsTest {
    @TempDir
    Path dir;
    private final FakeClient client = new FakeClient();
    private final List<AudioDevices> used = new ArrayList<>();

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage(); // the theme switch installs a user-agent stylesheet
    }

    static <T> T fx(Callable<T> work) {
        return WaitForAsyncUtils.waitForAsyncFx(10_000, work);
    }

    DevicesOptionsTest() {
        client.answers.put("TelephonyService.availableDevices", args -> new AudioDevices.Available(
                List.of("silence", "tone:440", "USB Headset"), List.of("none", "USB Headset", "Speakers")));
        client.answers.put("TelephonyService.devices", args -> new AudioDevices("silence", "Speakers", "Speakers"));
        client.answers.put("TelephonyService.useDevices", args -> {
            used.add((AudioDevices) args[0]);
            return null;
        });
    }

    private OptionsViewModel open(SettingsStore store, boolean signedIn) {
        Appearance appearance = fx(() -> new Appearance(new ThemeSwitcher(), Theme.LIGHT, 13));
        return fx(() -> new OptionsViewModel(store, appearance, signedIn,
                new DevicesViewModel(signedIn ? client.telephony() : null)));
    }

    @Test
    void signedInTheChoicesAreTheClientsDevicesStartingFromThoseInUse() {
        OptionsViewModel vm = open(new SettingsStore(dir), true);
        DevicesViewModel d = vm.devices();

        assertThat(d.captureChoices()).containsExactly("silence", "tone:440", "USB Headset");
        assertThat(d.playbackChoices()).containsExactly("none", "USB Headset", "Speakers");
        assertThat(d.captureProperty().get()).isEqualTo("silence");
        assertThat(d.playbackProperty().get()).isEqualTo("Speakers");
        assertThat(vm.dirtyProperty().get()).isFalse();
        assertThat(DevicesViewModel.describe("silence")).isEqualTo("No microphone (silence)");
        assertThat(DevicesViewModel.describe("tone:440")).isEqualTo("Test tone 440 Hz");
        assertThat(DevicesViewModel.describe("file:/tmp/x/in.wav")).isEqualTo("File in.wav");
    }

    @Test
    void choosingDevicesSavesThemForTheNextSignInAndGivesThemToTheClientNow() {
        SettingsStore store = new SettingsStore(dir);
        OptionsViewModel vm = open(store, true);
        DevicesViewModel d = vm.devices();

        fx(() -> {
            d.captureProperty().set("USB Headset");
            d.playbackProperty().set("USB Headset");
            return null;
        });
        assertThat(vm.dirtyProperty().get()).isTrue();
        assertThat(fx(vm::apply)).isTrue();

        assertThat(used).containsExactly(new AudioDevices("USB Headset", "USB Headset", "Speakers"));
        ClientSettings saved = new SettingsStore(dir).load();
        assertThat(saved.captureDevice()).isEqualTo("USB Headset");
        assertThat(saved.playbackDevice()).isEqualTo("USB Headset");
        assertThat(saved.ringerDevice()).isEqualTo("Speakers");
        assertThat(vm.dirtyProperty().get()).isFalse();
        assertThat(saved.devicesOver(AudioDevices.HEADLESS))
                .isEqualTo(new AudioDevices("USB Headset", "USB Headset", "Speakers"));
    }

    @Test
    void unchangedDevicesAreNotPinnedInTheSettings() {
        OptionsViewModel vm = open(new SettingsStore(dir), true);
        fx(() -> {
            vm.soundsProperty().set(false);
            return null;
        });
        assertThat(fx(vm::apply)).isTrue();

        assertThat(new SettingsStore(dir).load().hasDevices()).isFalse();
        assertThat(used).isEmpty();
    }

    @Test
    void beforeSignInTheSavedChoicesAreShownAndOnlyChosenOnesOverrideTheEngine() {
        SettingsStore store = new SettingsStore(dir);
        store.save(ClientSettings.defaults().withDevices("tone:440", null, null));
        OptionsViewModel vm = open(store, false);
        DevicesViewModel d = vm.devices();

        assertThat(d.availableProperty().get()).isFalse();
        assertThat(d.captureChoices()).containsExactly("tone:440");
        assertThat(d.captureProperty().get()).isEqualTo("tone:440");
        assertThat(d.playbackProperty().get()).isNull();
        assertThat(store.load().devicesOver(new AudioDevices("silence", "Speakers", "Bell")))
                .isEqualTo(new AudioDevices("tone:440", "Speakers", "Bell"));
    }

    @Test
    void devicesTheClientRefusesAreExplainedAndNotSaved() {
        client.answers.put("TelephonyService.useDevices", args -> {
            throw new IllegalArgumentException("cannot play /nowhere/in.wav: no such file");
        });
        OptionsViewModel vm = open(new SettingsStore(dir), true);
        fx(() -> {
            vm.devices().captureProperty().set("file:/nowhere/in.wav");
            return null;
        });

        assertThat(fx(vm::apply)).isFalse();

        assertThat(vm.errorProperty().get())
                .isEqualTo("Cannot use these audio devices: cannot play /nowhere/in.wav: no such file");
        assertThat(new SettingsStore(dir).load().hasDevices()).isFalse();
    }
}
