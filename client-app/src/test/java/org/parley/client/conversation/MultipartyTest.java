package org.parley.client.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.parley.client.settings.Appearance;
import org.parley.client.settings.SettingsStore;
import org.parley.client.shell.Session;
import org.parley.client.testing.Snapshots;
import org.parley.core.client.MessagingService;
import org.parley.server.testsupport.TestServerExtension;
import org.parley.ui.Theme;
import org.parley.ui.ThemeSwitcher;
import org.parley.ui.UiExecutor;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Alice starts a group conversation with Bob; a contact dropped on it (Carol) is invited; Bob writes to all. */
@ExtendWith(ApplicationExtension.class)
class MultipartyTest {
    @RegisterExtension
    final TestServerExtension parley = TestServerExtension.withUsers("alice", "bob", "carol");

    private Session alice;
    private Session bob;
    private Session carol;
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
        for (Session s : new Session[]{alice, bob, carol}) {
            if (s != null) {
                s.close();
            }
        }
    }

    @Test
    void groupConversationShowsRosterJoinsAndMessagesOfOthers(FxRobot robot) throws Exception {
        alice = SignedIn.session(parley.server(), "alice", new UiExecutor());
        bob = SignedIn.session(parley.server(), "bob", Runnable::run);
        carol = SignedIn.session(parley.server(), "carol", Runnable::run);
        BlockingQueue<String> bobSessions = new LinkedBlockingQueue<>();
        BlockingQueue<String> bobSawLeave = new LinkedBlockingQueue<>();
        bob.client().messaging().addListener(new MessagingService.MessageListener() {
            @Override
            public void onMessage(org.parley.core.model.InstantMessage message) {
            }

            @Override
            public void onSessionEvent(String session, String event, String who, List<String> participants) {
                bobSessions.add(session);
                if ("left".equals(event)) {
                    bobSawLeave.add(who);
                }
            }
        });
        SettingsStore settings = new SettingsStore(Files.createTempDirectory("parley-settings-"));
        robot.interact(() -> {
            conversations = new Conversations(alice, new SignedIn.RecordingNavigator(), settings,
                    new Appearance(new ThemeSwitcher(), Theme.LIGHT, 13));
            conversations.start(List.of("sip:bob@parley.test"), "Launch plan");
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup(".conversation-tabs").queryAll().isEmpty()
                && robot.lookup(".conversation-title").queryAll().stream()
                .anyMatch(n -> "Launch plan".equals(((Label) n).getText())));
        String session = bobSessions.poll(10, TimeUnit.SECONDS);
        assertThat(session).startsWith("sip:chat~");
        assertThat(conversations.openPeers()).containsExactly(session);

        robot.interact(() -> conversations.contactDropped(conversations.ensure(session, true), "carol"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".chat-notice").queryAll().stream()
                .anyMatch(n -> ((Label) n).getText().endsWith("joined the conversation")
                        && ((Label) n).getText().toLowerCase(java.util.Locale.ROOT).startsWith("carol")));

        bob.client().messaging().send(session, "text/plain", "Agenda is ready").get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup(".bubble-in").queryAll().isEmpty());
        assertThat(robot.lookup(".roster-title").queryAs(Label.class).getText()).isEqualTo("Participants (3)");
        assertThat(robot.lookup(".conversation-tabs").queryAs(TabPane.class).getTabs()).hasSize(1);
        Snapshots.save(robot.lookup(".conversation").query().getScene(), "conversation-multiparty");

        robot.clickOn(".compose-area").press(javafx.scene.input.KeyCode.CONTROL).type(javafx.scene.input.KeyCode.W)
                .release(javafx.scene.input.KeyCode.CONTROL);
        assertThat(bobSawLeave.poll(10, TimeUnit.SECONDS)).isEqualTo("sip:alice@parley.test");
        assertThat(conversations.openPeers()).isEmpty();
    }
}
