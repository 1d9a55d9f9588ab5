package org.parley.client.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
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

/** What the sender sees when the server refuses a message or keeps it for later. */
@ExtendWith(ApplicationExtension.class)
class DeliveryFailureTest {
    @RegisterExtension
    final TestServerExtension parley = TestServerExtension.withUsers("alice", "bob");

    private Session alice;
    private Conversations conversations;

    @Start
    void start(Stage stage) {
        // The conversation window is its own stage.
    }

    @AfterEach
    void close(FxRobot robot) {
        if (conversations != null) {
            robot.interact(conversations::close);
        }
        if (alice != null) {
            alice.close();
        }
    }

    @Test
    void unknownUserShowsTheReasonInRedWithRetryAndOfflineUserGetsItLater(FxRobot robot) throws Exception {
        alice = SignedIn.session(parley.server(), "alice", new UiExecutor());
        SettingsStore settings = new SettingsStore(Files.createTempDirectory("parley-settings-"));
        robot.interact(() -> {
            conversations = new Conversations(alice, new SignedIn.RecordingNavigator(), settings,
                    new Appearance(new ThemeSwitcher(), Theme.LIGHT, 13));
            conversations.open("nobody");
        });
        robot.clickOn(".compose-area").write("hello?").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> robot.lookup(".delivery-failed").tryQuery().isPresent());
        assertThat(robot.lookup(".delivery-failed").queryAs(Label.class).getText()).startsWith("Not delivered: ");
        assertThat(robot.lookup(".delivery-retry").query().isVisible()).isTrue();
        Snapshots.save(robot.lookup(".conversation").query().getScene(), "conversation-failed");

        robot.interact(() -> conversations.open("bob"));
        robot.clickOn(".compose-area").write("see you tomorrow").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> robot.lookup(".delivery").queryAll().stream()
                .anyMatch(n -> ((Label) n).getText().startsWith("Will be delivered when ")));
    }
}
