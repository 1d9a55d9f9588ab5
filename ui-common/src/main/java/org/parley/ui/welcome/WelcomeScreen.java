package org.parley.ui.welcome;

import java.util.Objects;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.parley.ui.AppIdentity;
import org.parley.ui.BuildInfo;
import org.parley.ui.Theme;
import org.parley.ui.ThemeSwitcher;

/**
 * Puts the welcome screen of one app into a window: builds its view model and view, keeps the theme applied as the
 * user toggles it, and titles the window after the app. The apps' composition roots call {@link #show}.
 */
public final class WelcomeScreen {
    static final double WIDTH = 560;
    static final double HEIGHT = 380;

    private final AppIdentity app;
    private final BuildInfo buildInfo;
    private final ThemeSwitcher themes;

    public WelcomeScreen(AppIdentity app, BuildInfo buildInfo, ThemeSwitcher themes) {
        this.app = Objects.requireNonNull(app, "app");
        this.buildInfo = Objects.requireNonNull(buildInfo, "buildInfo");
        this.themes = Objects.requireNonNull(themes, "themes");
    }

    /** Shows the welcome screen (light theme, signed out) on {@code stage}. Call on the JavaFX application thread. */
    public void show(Stage stage) {
        WelcomeViewModel welcome = new WelcomeViewModel(app, buildInfo.version(), Theme.LIGHT);
        themes.apply(welcome.getTheme());
        welcome.themeProperty().addListener((obs, old, now) -> themes.apply(now));

        stage.titleProperty().bind(welcome.titleProperty());
        stage.setMinWidth(WIDTH * 0.75);
        stage.setMinHeight(HEIGHT * 0.75);
        Scene scene = new Scene(new WelcomeView(welcome).root(), WIDTH, HEIGHT);
        scene.getStylesheets().add(themes.appStylesheet());
        stage.setScene(scene);
        stage.show();
    }
}
