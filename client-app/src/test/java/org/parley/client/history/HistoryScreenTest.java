package org.parley.client.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.parley.client.history.HistoryViewModel.ConversationItem;
import org.parley.client.history.HistoryViewModel.MessageItem;
import org.parley.client.settings.Appearance;
import org.parley.client.shell.Navigator;
import org.parley.client.shell.Session;
import org.parley.core.client.ClientConfig;
import org.parley.core.client.UcClient;
import org.parley.core.client.sip.SipUcClient;
import org.parley.server.testsupport.TestServer;
import org.parley.server.testsupport.TestServerExtension;
import org.parley.ui.Theme;
import org.parley.ui.ThemeSwitcher;
import org.parley.ui.UiExecutor;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The history window of alice, whose messages with bob went through a real server-lite. */
@ExtendWith(ApplicationExtension.class)
class HistoryScreenTest {
    static final String BOB = "sip:bob@parley.test";

    @RegisterExtension
    final TestServerExtension parley = TestServerExtension.withUsers("alice", "bob");

    private Session alice;
    private Session bob;
    private HistoryWindow window;
    private final List<String> opened = new CopyOnWriteArrayList<>();

    @Start
    void start(Stage stage) {
        // the history window is its own stage
    }

    @AfterEach
    void close(FxRobot robot) {
        if (window != null && window.stage() != null) {
            robot.interact(window.stage()::close);
        }
        for (Session s : new Session[] {alice, bob}) {
            if (s != null) {
                s.close();
            }
        }
    }

    private Session signIn(String user, Executor events) throws Exception {
        Path data = Files.createTempDirectory("parley-history-" + user + "-");
        ClientConfig cfg = ClientConfig.of("127.0.0.1", parley.server().sipPort(), ClientConfig.Transport.TCP, user,
                TestServer.DOMAIN, data);
        UcClient client = SipUcClient.create(cfg, events);
        client.signIn(TestServer.password(user).toCharArray()).get(20, TimeUnit.SECONDS);
        return new Session(client, cfg);
    }

    /** Remembers which conversations were asked for; the rest of navigation is not this window's. */
    private Navigator navigator() {
        return new Navigator() {
            @Override
            public void openConversation(String peerOrSession) {
                opened.add(peerOrSession);
            }

            @Override
            public void startConversation(List<String> participants, String subject) {
            }

            @Override
            public void showContactCard(String uri) {
            }

            @Override
            public void showHistory(String participant) {
            }

            @Override
            public void showOptions() {
            }

            @Override
            public void signOut() {
            }
        };
    }

    @Test
    void messagesExchangedThroughTheServerAreListedSearchableAndOpenTheConversation(FxRobot robot) throws Exception {
        alice = signIn("alice", new UiExecutor());
        bob = signIn("bob", Runnable::run);
        bob.client().messaging().send("sip:alice@parley.test", "text/html", "<b>Lunch</b> at noon?")
                .get(10, TimeUnit.SECONDS);
        alice.client().messaging().send(BOB, "text/plain", "Yes, the usual place").get(10, TimeUnit.SECONDS);
        bob.client().messaging().send("sip:alice@parley.test", "text/plain", "Budget review moved to Friday")
                .get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> alice.client().history().conversations(10).stream()
                .anyMatch(c -> c.peer().equals(BOB) && c.count() == 3));

        robot.interact(() -> {
            window = new HistoryWindow(alice, navigator(), new Appearance(new ThemeSwitcher(), Theme.DARK, 16));
            window.show(BOB);
        });
        ListView<ConversationItem> list = robot.lookup(".history-conversations").queryListView();
        TableView<MessageItem> table = robot.lookup(".history-messages").queryTableView();
        assertThat(list.getItems()).extracting(ConversationItem::peer).containsExactly(BOB);
        assertThat(list.getItems().get(0).count()).isEqualTo(3);
        assertThat(table.getItems()).extracting(MessageItem::text)
                .containsExactly("Lunch at noon?", "Yes, the usual place", "Budget review moved to Friday");
        assertThat(table.getItems()).extracting(MessageItem::fromName).containsExactly("bob@parley.test", "You", "bob@parley.test"); // not a contact: the address

        robot.clickOn(n -> "Text contains".equals(n.getAccessibleText())).write("budget");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(table.getItems()).extracting(MessageItem::text).containsExactly("Budget review moved to Friday");
        assertThat(list.getItems().get(0).count()).as("the count is of the matches").isEqualTo(1);

        robot.doubleClickOn(".history-conversations .list-cell");
        assertThat(opened).containsExactly(BOB);
        robot.clickOn(n -> "Clear the search".equals(n.getAccessibleText()));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(table.getItems()).hasSize(3);
    }
}
