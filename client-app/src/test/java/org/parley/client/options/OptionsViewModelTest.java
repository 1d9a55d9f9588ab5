package org.parley.client.options;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.client.settings.Appearance;
import org.parley.client.settings.ClientSettings;
import org.parley.client.settings.SettingsStore;
import org.parley.ui.Theme;
import org.parley.ui.ThemeSwitcher;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The Options dialog's state without its controls: a real settings store in a temporary directory. */
class OptionsViewModelTest {
    @TempDir
    Path dir;
    SettingsStore store;
    Appearance appearance;
    OptionsViewModel vm;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage(); // the theme switch installs a user-agent stylesheet
    }

    static <T> T fx(Callable<T> work) {
        return WaitForAsyncUtils.waitForAsyncFx(10_000, work);
    }

    @BeforeEach
    void open() {
        store = new SettingsStore(dir);
        store.save(ClientSettings.defaults().withAccount("10.0.0.1", 5071, "TLS", "alice@parley.test", true, false));
        appearance = fx(() -> new Appearance(new ThemeSwitcher(), Theme.LIGHT, 13));
        vm = fx(() -> new OptionsViewModel(store, appearance, true));
    }

    @Test
    void showsWhatIsSavedAndIsNotDirty() {
        assertEquals(5, vm.inactiveMinutesProperty().get());
        assertEquals(15, vm.awayMinutesProperty().get());
        assertTrue(vm.soundsProperty().get());
        assertEquals(Theme.LIGHT, vm.themeProperty().get());
        assertEquals(13, vm.fontSizeProperty().get());
        assertNull(vm.downloadsProperty().get());
        assertTrue(vm.downloadsShownProperty().get().endsWith("Downloads"));
        assertTrue(vm.validProperty().get());
        assertFalse(vm.dirtyProperty().get());
    }

    @Test
    void awayShorterThanInactiveIsRejectedAndNotSaved() {
        fx(() -> {
            vm.inactiveMinutesProperty().set(20);
            vm.awayMinutesProperty().set(10);
            return null;
        });
        assertFalse(vm.validProperty().get());
        assertTrue(vm.errorProperty().get().contains("Away after must be at least Inactive after"), vm.errorProperty().get());
        assertFalse(fx(vm::apply));
        assertEquals(5, new SettingsStore(dir).load().inactiveMinutes());
    }

    @Test
    void minutesOutsideOneTo240AreRejected() {
        fx(() -> {
            vm.inactiveMinutesProperty().set(0);
            return null;
        });
        assertTrue(vm.errorProperty().get().contains("1 to 240"), vm.errorProperty().get());
        fx(() -> {
            vm.inactiveMinutesProperty().set(5);
            vm.awayMinutesProperty().set(241);
            return null;
        });
        assertTrue(vm.errorProperty().get().startsWith("Away after must be 1 to 240"), vm.errorProperty().get());
        fx(() -> {
            vm.awayMinutesProperty().set(240);
            return null;
        });
        assertNull(vm.errorProperty().get());
        assertTrue(vm.validProperty().get());
    }

    @Test
    void applySavesTheFieldsAndKeepsTheAccountSettings() {
        fx(() -> {
            vm.inactiveMinutesProperty().set(10);
            vm.awayMinutesProperty().set(30);
            vm.soundsProperty().set(false);
            vm.signInAtStartProperty().set(true);
            vm.downloadsProperty().set(dir.resolve("dl").toString());
            return null;
        });
        assertTrue(vm.dirtyProperty().get());
        assertTrue(fx(vm::apply));
        assertFalse(vm.dirtyProperty().get());
        ClientSettings saved = new SettingsStore(dir).load();
        assertEquals(10, saved.inactiveMinutes());
        assertEquals(30, saved.awayMinutes());
        assertFalse(saved.sounds());
        assertTrue(saved.signInAtStart());
        assertEquals(dir.resolve("dl").toString(), saved.downloads());
        assertEquals("10.0.0.1", saved.server());
        assertEquals(5071, saved.port());
        assertEquals("alice@parley.test", saved.address());
        assertTrue(saved.rememberMe());
    }

    @Test
    void themeAndFontSizeArePreviewedLiveAndCancelPutsThemBack() {
        fx(() -> {
            vm.themeProperty().set(Theme.DARK);
            vm.fontSizeProperty().set(16);
            return null;
        });
        assertEquals(Theme.DARK, appearance.themeProperty().get());
        assertEquals(16, appearance.fontSizeProperty().get());
        fx(() -> {
            vm.cancel();
            return null;
        });
        assertEquals(Theme.LIGHT, appearance.themeProperty().get());
        assertEquals(13, appearance.fontSizeProperty().get());
        assertEquals(Theme.LIGHT, vm.themeProperty().get());
        assertFalse(vm.dirtyProperty().get());
        assertEquals(Theme.LIGHT, new SettingsStore(dir).load().theme());
    }

    @Test
    void appliedThemeStaysAfterCancel() {
        fx(() -> {
            vm.themeProperty().set(Theme.DARK);
            vm.fontSizeProperty().set(18);
            vm.apply();
            vm.cancel();
            return null;
        });
        assertEquals(Theme.DARK, appearance.themeProperty().get());
        assertEquals(18, appearance.fontSizeProperty().get());
        ClientSettings saved = new SettingsStore(dir).load();
        assertEquals(Theme.DARK, saved.theme());
        assertEquals(18, saved.fontSize());
    }

    @Test
    void fontSizeOutsideTenToTwentyIsRejectedAndNotPreviewed() {
        fx(() -> {
            vm.fontSizeProperty().set(24);
            return null;
        });
        assertFalse(vm.validProperty().get());
        assertTrue(vm.errorProperty().get().contains("10 to 20"), vm.errorProperty().get());
        assertEquals(13, appearance.fontSizeProperty().get());
    }

    @Test
    void signInAtStartNeedsARememberedCredential() {
        store.save(store.load().withAccount("10.0.0.1", 5071, "TLS", "alice@parley.test", false, false));
        OptionsViewModel fresh = fx(() -> new OptionsViewModel(store, appearance, false));
        assertFalse(fresh.signInAtStartPossibleProperty().get());
        fx(() -> {
            fresh.signInAtStartProperty().set(true);
            return fresh.apply();
        });
        assertFalse(new SettingsStore(dir).load().signInAtStart());
        assertTrue(fresh.idleNote().contains("when you sign in"));
        assertTrue(vm.idleNote().contains("next time you sign in"));
    }

    @Test
    void defaultDownloadsClearsTheChosenFolder() {
        fx(() -> {
            vm.downloadsProperty().set("/tmp/elsewhere");
            vm.useDefaultDownloads();
            return null;
        });
        assertNull(vm.downloadsProperty().get());
        assertFalse(vm.dirtyProperty().get());
    }
}
