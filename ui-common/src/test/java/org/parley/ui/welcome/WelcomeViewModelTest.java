package org.parley.ui.welcome;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kordamp.ikonli.feather.Feather;
import org.parley.ui.AppIdentity;
import org.parley.ui.Theme;

class WelcomeViewModelTest {
    private static final AppIdentity APP = new AppIdentity("Parley Test Console", Feather.ANCHOR);

    @Test
    void showsTheTitleOfTheAppItWelcomesToAndTheBuildVersion() {
        WelcomeViewModel model = new WelcomeViewModel(APP, "1.4.2", Theme.LIGHT);

        assertThat(model.titleProperty().get()).isEqualTo("Parley Test Console");
        assertThat(model.app()).isSameAs(APP);
        assertThat(model.versionTextProperty().get()).isEqualTo("Version 1.4.2");
    }

    @Test
    void startsSignedOutAndSaysSignInComesWithPresence() {
        WelcomeViewModel model = new WelcomeViewModel(APP, "1.0", Theme.LIGHT);

        assertThat(model.signedInProperty().get()).isFalse();
        assertThat(model.statusTextProperty().get()).isEqualTo("Not signed in");
        assertThat(model.signInHintProperty().get()).contains("presence");
    }

    @Test
    void toggleThemeFlipsBetweenLightAndDarkAndNotifiesListeners() {
        WelcomeViewModel model = new WelcomeViewModel(APP, "1.0", Theme.LIGHT);
        List<Theme> seen = new ArrayList<>();
        model.themeProperty().addListener((obs, old, now) -> seen.add(now));

        model.toggleTheme();
        assertThat(model.getTheme()).isEqualTo(Theme.DARK);
        model.toggleTheme();

        assertThat(model.getTheme()).isEqualTo(Theme.LIGHT);
        assertThat(seen).containsExactly(Theme.DARK, Theme.LIGHT);
    }

    @Test
    void themeToggleTextNamesTheThemeItWillSwitchTo() {
        WelcomeViewModel model = new WelcomeViewModel(APP, "1.0", Theme.DARK);
        assertThat(model.themeToggleTextBinding().get()).isEqualTo("Switch to light theme");

        model.toggleTheme();

        assertThat(model.themeToggleTextBinding().get()).isEqualTo("Switch to dark theme");
    }
}
