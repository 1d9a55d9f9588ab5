package org.parley.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Objects;
import javafx.application.Application;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.testfx.api.FxToolkit;

/**
 * What every desktop app must show when started the way its plain main class starts it (through its
 * {@link Application} subclass, headless under Monocle): its own name and icon on the shared welcome screen, and the
 * version the build stamped. Each app's launch test extends this with its Application class and what it expects;
 * shipped to the apps in ui-common's test jar.
 */
public abstract class AppLaunchContract {
    private final Class<? extends Application> applicationClass;
    private final String expectedTitle;
    private final Ikon expectedIcon;
    private Application app;
    private Stage stage;

    protected AppLaunchContract(Class<? extends Application> applicationClass, String expectedTitle, Ikon expectedIcon) {
        this.applicationClass = Objects.requireNonNull(applicationClass, "applicationClass");
        this.expectedTitle = Objects.requireNonNull(expectedTitle, "expectedTitle");
        this.expectedIcon = Objects.requireNonNull(expectedIcon, "expectedIcon");
    }

    @BeforeEach
    void launch() throws Exception {
        stage = FxToolkit.registerPrimaryStage();
        app = FxToolkit.setupApplication(applicationClass);
    }

    @AfterEach
    void stop() throws Exception {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
        }
        FxToolkit.cleanupStages();
    }

    @Test
    void launchedApplicationShowsWelcomeWindowWithTheStampedVersion() {
        assertThat(stage.isShowing()).isTrue();
        assertThat(stage.getTitle()).isEqualTo(expectedTitle);
        Labeled version = (Labeled) stage.getScene().lookup("#appVersion");
        assertThat(version.getText()).isEqualTo("Version " + BuildInfo.load().version());
        assertThat(version.getText()).doesNotContain("development build");
    }

    @Test
    void welcomeScreenShowsTheAppsOwnNameAndIcon() {
        Labeled title = (Labeled) stage.getScene().lookup("#appTitle");
        assertThat(title.getText()).isEqualTo(expectedTitle);
        FontIcon icon = (FontIcon) stage.getScene().lookup("#appIcon");
        assertThat(icon.getIconCode()).isEqualTo(expectedIcon);
    }
}
