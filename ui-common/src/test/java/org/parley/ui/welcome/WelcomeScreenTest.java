package org.parley.ui.welcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.testfx.api.FxAssert.verifyThat;
import static org.testfx.matcher.control.LabeledMatchers.hasText;

import javafx.application.Application;
import javafx.scene.control.Button;
import javafx.stage.Stage;
import org.controlsfx.control.StatusBar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;
import org.parley.ui.AppIdentity;
import org.parley.ui.BuildInfo;
import org.parley.ui.Theme;
import org.parley.ui.ThemeSwitcher;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Opens the welcome screen in a real window (headless under Monocle) and checks what a person would see. */
@ExtendWith(ApplicationExtension.class)
class WelcomeScreenTest {
    private static final AppIdentity APP = new AppIdentity("Parley Test Console", Feather.ANCHOR);

    private final ThemeSwitcher themes = new ThemeSwitcher();
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        new WelcomeScreen(APP, new BuildInfo("9.8.7-test"), themes).show(stage);
    }

    @Test
    void windowShowsTheAppsNameIconVersionAndSignedOutState(FxRobot robot) {
        assertThat(stage.isShowing()).isTrue();
        assertThat(stage.getTitle()).isEqualTo("Parley Test Console");
        verifyThat("#appTitle", hasText("Parley Test Console"));
        verifyThat("#appVersion", hasText("Version 9.8.7-test"));
        assertThat(robot.lookup("#signInHint").queryLabeled().getText()).contains("presence");
        assertThat(robot.lookup("#statusBar").queryAs(StatusBar.class).getText()).isEqualTo("Not signed in");
        FontIcon icon = robot.lookup("#appIcon").queryAs(FontIcon.class);
        assertThat(icon.getIconCode()).isEqualTo(Feather.ANCHOR);
        assertThat(icon.getIconSize()).isEqualTo(64);
    }

    @Test
    void statusBarIsStyledByTheThemeColours(FxRobot robot) {
        // ControlsFX styles its status bar with Modena colours that AtlantaFX lacks; the shared stylesheet fills them in.
        StatusBar status = robot.lookup("#statusBar").queryAs(StatusBar.class);
        assertThat(status.getBackground()).isNotNull();
        assertThat(status.getBackground().getFills()).isNotEmpty();
    }

    @Test
    void startsWithTheLightPrimerTheme() {
        assertThat(Application.getUserAgentStylesheet()).isEqualTo(themes.stylesheetOf(Theme.LIGHT));
    }

    @Test
    void clickingTheThemeToggleSwitchesToDarkAndBack(FxRobot robot) {
        Button toggle = robot.lookup("#themeToggle").queryButton();
        assertThat(((FontIcon) toggle.getGraphic()).getIconCode()).isEqualTo(Feather.MOON);

        robot.clickOn("#themeToggle");

        assertThat(Application.getUserAgentStylesheet()).isEqualTo(themes.stylesheetOf(Theme.DARK));
        assertThat(((FontIcon) toggle.getGraphic()).getIconCode()).isEqualTo(Feather.SUN);
        assertThat(toggle.getTooltip().getText()).isEqualTo("Switch to light theme");

        robot.clickOn("#themeToggle");

        assertThat(Application.getUserAgentStylesheet()).isEqualTo(themes.stylesheetOf(Theme.LIGHT));
        assertThat(((FontIcon) toggle.getGraphic()).getIconCode()).isEqualTo(Feather.MOON);
    }
}
