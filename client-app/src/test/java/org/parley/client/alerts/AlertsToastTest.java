package org.parley.client.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.parley.client.conversation.SignedIn;
import org.parley.client.settings.Appearance;
import org.parley.client.settings.SettingsStore;
import org.parley.client.shell.Session;
import org.parley.client.testing.Snapshots;
import org.parley.server.testsupport.TestServerExtension;
import org.parley.ui.Theme;
import org.parley.ui.ThemeSwitcher;
import org.parley.ui.UiExecutor;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Bob writes to Alice; Alice's toast shows his name and the first line, and a click opens the conversation. */
@ExtendWith(ApplicationExtension.class)
class AlertsToastTest {
    @RegisterExtension
    final TestServerExtension parley = TestServerExtension.withUsers("alice", "bob");

    private Session alice;
    private Session bob;
    private Alerts alerts;

    @Start
    void start(Stage stage) {
        // Toasts are their own windows.
    }

    @AfterEach
    void close(FxRobot robot) {
        if (alerts != null) {
            robot.interact(alerts::close);
        }
        if (alice != null) {
            alice.close();
        }
        if (bob != null) {
            bob.close();
        }
    }

    @Test
    void incomingMessageRaisesAToastThatOpensTheConversation(FxRobot robot) throws Exception {
        alice = SignedIn.session(parley.server(), "alice", new UiExecutor());
        bob = SignedIn.session(parley.server(), "bob", Runnable::run);
        SignedIn.RecordingNavigator navigator = new SignedIn.RecordingNavigator();
        SettingsStore settings = new SettingsStore(Files.createTempDirectory("parley-settings-"));
        robot.interact(() -> alerts = new Alerts(alice, navigator, settings,
                new Appearance(new ThemeSwitcher(), Theme.DARK, 16)));

        bob.client().messaging().send("sip:alice@parley.test", "text/html", "<i>Release</i> is out!<br>Details later")
                .get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup(".toast").queryAll().isEmpty());
        assertThat(robot.lookup(".toast-text").queryAs(Label.class).getText()).isEqualTo("Release is out!");
        assertThat(robot.lookup(".toast-name").queryAs(Label.class).getText()).isNotBlank();
        Snapshots.save(robot.lookup(".toast").query().getScene(), "toast-dark-16px");

        robot.clickOn(".toast-text");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !navigator.opened.isEmpty());
        assertThat(navigator.opened).containsExactly("sip:bob@parley.test");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup(".toast").queryAll().isEmpty());
    }
}
