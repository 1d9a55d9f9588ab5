package org.parley.client.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
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
import org.parley.core.model.InstantMessage;
import org.parley.server.testsupport.TestServerExtension;
import org.parley.ui.Theme;
import org.parley.ui.ThemeSwitcher;
import org.parley.ui.UiExecutor;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Alice uses the conversation window; Bob is a plain core client. Both are signed in to a real server-lite. */
@ExtendWith(ApplicationExtension.class)
class ConversationRoundTripTest {
    @RegisterExtension
    final TestServerExtension parley = TestServerExtension.withUsers("alice", "bob");

    private Session alice;
    private Session bob;
    private Conversations conversations;

    @Start
    void start(Stage stage) {
        // The conversation window is its own stage; nothing to show on the primary one.
    }

    @AfterEach
    void close(FxRobot robot) {
        if (conversations != null) {
            robot.interact(conversations::close);
        }
        if (alice != null) {
            alice.close();
        }
        if (bob != null) {
            bob.close();
        }
    }

    @Test
    void anImRoundTripBetweenTwoClientsSignedInToARealServer(FxRobot robot) throws Exception {
        alice = SignedIn.session(parley.server(), "alice", new UiExecutor());
        bob = SignedIn.session(parley.server(), "bob", Runnable::run);
        BlockingQueue<InstantMessage> bobGot = new LinkedBlockingQueue<>();
        bob.client().messaging().addListener(bobGot::add);
        SettingsStore settings = new SettingsStore(Files.createTempDirectory("parley-settings-"));
        robot.interact(() -> {
            Appearance appearance = new Appearance(new ThemeSwitcher(), Theme.LIGHT, 13);
            conversations = new Conversations(alice, new SignedIn.RecordingNavigator(), settings, appearance);
            conversations.open("bob");
        });
        assertThat(conversations.openPeers()).containsExactly("sip:bob@parley.test");

        robot.clickOn(".compose-area").write("Lunch at noon? :)").type(KeyCode.ENTER);
        InstantMessage got = bobGot.poll(10, TimeUnit.SECONDS);
        assertThat(got).isNotNull();
        assertThat(got.text()).isEqualTo("Lunch at noon? :)");
        assertThat(got.contentType()).isEqualTo("text/plain");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".delivery").queryAll().stream()
                .anyMatch(n -> "Delivered".equals(((Label) n).getText())));

        bob.client().messaging().typing("sip:alice@parley.test", true);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".typing").queryAs(Label.class).getText()
                .endsWith("is typing…"));
        bob.client().messaging().send("sip:alice@parley.test", "text/html", "<b>Sure</b>, see www.parley.test").get(
                10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup(".bubble-in").queryAll().isEmpty());
        assertThat(robot.lookup(".bubble-in .message-link").queryAll()).hasSize(1);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup(".typing").queryAs(Label.class).getText()
                .isEmpty());
        assertThat(robot.lookup(".bubble-out .emoticon").queryAll()).hasSize(1);
        assertThat(robot.lookup(".compose-area").queryAs(org.fxmisc.richtext.StyledTextArea.class).getText())
                .isEmpty();
        Snapshots.save(robot.lookup(".conversation").query().getScene(), "conversation-round-trip");
    }

    @Test
    void boldTextWithSubjectAndHighPriorityArrivesAsRichText(FxRobot robot) throws Exception {
        alice = SignedIn.session(parley.server(), "alice", new UiExecutor());
        bob = SignedIn.session(parley.server(), "bob", Runnable::run);
        BlockingQueue<InstantMessage> bobGot = new LinkedBlockingQueue<>();
        bob.client().messaging().addListener(bobGot::add);
        SettingsStore settings = new SettingsStore(Files.createTempDirectory("parley-settings-"));
        robot.interact(() -> {
            Appearance appearance = new Appearance(new ThemeSwitcher(), Theme.DARK, 16);
            conversations = new Conversations(alice, new SignedIn.RecordingNavigator(), settings, appearance);
            conversations.open("sip:bob@parley.test");
        });
        robot.clickOn("Subject…").clickOn(".subject-row .text-field").write("Release");
        robot.clickOn(".priority-toggle");
        robot.clickOn(".compose-area").write("Ship ").press(KeyCode.CONTROL).type(KeyCode.B).release(KeyCode.CONTROL)
                .write("today").type(KeyCode.ENTER);
        InstantMessage got = bobGot.poll(10, TimeUnit.SECONDS);
        assertThat(got).isNotNull();
        assertThat(got.contentType()).isEqualTo("text/html");
        assertThat(got.text()).isEqualTo("Ship <b>today</b>");
        assertThat(got.subject()).isEqualTo("Release");
        assertThat(got.highPriority()).isTrue();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".delivery").queryAll().stream()
                .anyMatch(n -> "Delivered".equals(((Label) n).getText())));
        assertThat(robot.lookup(".bubble-out .priority-mark").queryAll()).hasSize(1);
        Snapshots.save(robot.lookup(".conversation").query().getScene(), "conversation-dark-16px");
    }

    @Test
    void ctrlTabSwitchesConversationsAndCtrlWClosesOne(FxRobot robot) throws Exception {
        alice = SignedIn.session(parley.server(), "alice", new UiExecutor());
        SettingsStore settings = new SettingsStore(Files.createTempDirectory("parley-settings-"));
        robot.interact(() -> {
            conversations = new Conversations(alice, new SignedIn.RecordingNavigator(), settings,
                    new Appearance(new ThemeSwitcher(), Theme.LIGHT, 13));
            conversations.open("bob");
            conversations.open("carol@parley.test");
        });
        javafx.scene.control.TabPane tabs = robot.lookup(".conversation-tabs").queryAs(javafx.scene.control.TabPane.class);
        assertThat(tabs.getSelectionModel().getSelectedIndex()).isEqualTo(1);
        robot.clickOn(".compose-area").press(KeyCode.CONTROL).type(KeyCode.TAB).release(KeyCode.CONTROL);
        assertThat(tabs.getSelectionModel().getSelectedIndex()).isZero();
        robot.press(KeyCode.CONTROL).type(KeyCode.W).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(tabs.getTabs()).hasSize(1);
        assertThat(conversations.openPeers()).containsExactly("sip:carol@parley.test");
    }
}
