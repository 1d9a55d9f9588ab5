package org.parley.client;

import java.util.Objects;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.parley.client.ui.Theme;
import org.parley.client.ui.ThemeSwitcher;
import org.parley.client.welcome.WelcomeView;
import org.parley.client.welcome.WelcomeViewModel;

/**
 * Composition root of the Communicator: builds the view models and views with their collaborators and shows the
 * first screen. Features are wired here by constructor injection; nothing is looked up statically.
 */
public final class ClientApp {
    static final double WIDTH = 560;
    static final double HEIGHT = 380;

    private final BuildInfo buildInfo;
    private final ThemeSwitcher themes;

    public ClientApp(BuildInfo buildInfo, ThemeSwitcher themes) {
        this.buildInfo = Objects.requireNonNull(buildInfo, "buildInfo");
        this.themes = Objects.requireNonNull(themes, "themes");
    }

    /** Shows the first screen (welcome, not signed in) on {@code stage}. Call on the JavaFX application thread. */
    public void show(Stage stage) {
        WelcomeViewModel welcome = new WelcomeViewModel(buildInfo.version(), Theme.LIGHT);
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
