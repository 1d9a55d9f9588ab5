package org.parley.client.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.parley.client.contacts.ContactRow;
import org.parley.client.testing.Parties;
import org.parley.client.testing.SignedInApp;
import org.parley.server.testsupport.TestServerExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** Enter on a contact opens the conversation window, and the contact shows under "Current Conversations". */
@ExtendWith(ApplicationExtension.class)
class NavigatorScreenTest {
    private static final String ALICE = "sip:alice@parley.test";

    @RegisterExtension
    final TestServerExtension parley = TestServerExtension.withUsers("alice", "bob");
    @RegisterExtension
    final Parties parties = new Parties();
    @TempDir
    Path data;
    private SignedInApp app;

    @AfterEach
    void close() throws Exception {
        if (app != null) {
            app.close();
        }
    }

    private int rowOf(ContactRow.Section section) {
        var rows = app.main().contacts().rows();
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i) instanceof ContactRow.Entry e && e.section() == section && e.item().uri().equals(ALICE)) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void enterOnAContactOpensTheConversationAndListsItUnderCurrentConversations(FxRobot robot) throws Exception {
        app = SignedInApp.signIn(parley.server(), parties, data, "bob");
        app.windows().session().orElseThrow().client().contacts().add(ALICE, null).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> rowOf(ContactRow.Section.OTHER) >= 0);
        ListView<?> list = robot.lookup("#contactList").queryAs(ListView.class);
        robot.interact(() -> {
            list.requestFocus();
            list.getSelectionModel().select(rowOf(ContactRow.Section.OTHER));
        });

        robot.type(KeyCode.ENTER);

        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> rowOf(ContactRow.Section.CONVERSATIONS) == 1);
        assertThat(robot.listWindows().stream().filter(Window::isShowing).count()).as("main and conversation")
                .isEqualTo(2);
        robot.interact(() -> app.windows().conversations().orElseThrow().close());
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> rowOf(ContactRow.Section.CONVERSATIONS) < 0);
    }

    private boolean showing(FxRobot robot, String selector) {
        return robot.listWindows().stream().anyMatch(w -> w.isShowing() && w.getScene().lookup(selector) != null);
    }

    @Test
    void menuShortcutsOpenTheHistoryBrowserAndTheOptions(FxRobot robot) throws Exception {
        app = SignedInApp.signIn(parley.server(), parties, data, "bob");

        robot.press(KeyCode.CONTROL, KeyCode.H).release(KeyCode.H, KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> showing(robot, ".history"));

        robot.interact(() -> app.stage().requestFocus());
        robot.press(KeyCode.CONTROL, KeyCode.COMMA).release(KeyCode.COMMA, KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> showing(robot, ".options"));
    }
}
