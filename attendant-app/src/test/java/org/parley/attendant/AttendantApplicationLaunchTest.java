package org.parley.attendant;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.application.Application;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/** Starts the app the way {@code AttendantMain} does (through the Application subclass) and checks its window. */
class AttendantApplicationLaunchTest {
    private Application app;

    @AfterEach
    void stop() throws Exception {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
        }
        FxToolkit.cleanupStages();
    }

    @Test
    void launchedApplicationShowsWelcomeWindowWithTheStampedVersion() throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        app = FxToolkit.setupApplication(AttendantApplication.class);

        assertThat(stage.isShowing()).isTrue();
        assertThat(stage.getTitle()).isEqualTo("Parley Attendant");
        Labeled version = (Labeled) stage.getScene().lookup("#appVersion");
        assertThat(version.getText()).isEqualTo("Version " + BuildInfo.load().version());
        assertThat(version.getText()).doesNotContain("development build");
    }
}
