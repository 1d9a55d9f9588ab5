package org.parley.client;

import java.util.Objects;
import javafx.stage.Stage;
import org.kordamp.ikonli.feather.Feather;
import org.parley.ui.AppIdentity;
import org.parley.ui.BuildInfo;
import org.parley.ui.ThemeSwitcher;
import org.parley.ui.welcome.WelcomeScreen;

/**
 * Composition root of the Communicator: builds the view models and views with their collaborators and shows the
 * first screen. Features are wired here by constructor injection; nothing is looked up statically.
 */
public final class ClientApp {
    /** The Communicator's name and icon on the screens it shares with the Attendant console (ui-common). */
    static final AppIdentity IDENTITY = new AppIdentity("Parley Communicator", Feather.MESSAGE_CIRCLE);

    private final BuildInfo buildInfo;
    private final ThemeSwitcher themes;

    public ClientApp(BuildInfo buildInfo, ThemeSwitcher themes) {
        this.buildInfo = Objects.requireNonNull(buildInfo, "buildInfo");
        this.themes = Objects.requireNonNull(themes, "themes");
    }

    /** Shows the first screen (welcome, not signed in) on {@code stage}. Call on the JavaFX application thread. */
    public void show(Stage stage) {
        new WelcomeScreen(IDENTITY, buildInfo, themes).show(stage);
    }
}
