package org.parley.client.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.parley.client.contacts.ContactRow.Entry;
import org.parley.client.contacts.ContactRow.Section;
import org.parley.client.testing.Parties;
import org.parley.client.testing.SignedInApp;
import org.parley.client.widgets.PresenceStyle;
import org.parley.core.client.sip.SipUcClient;
import org.parley.core.model.Availability;
import org.parley.core.model.PresenceState;
import org.parley.server.testsupport.TestServerExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Bob's Communicator finds Alice in the directory through the search box, adds her from the result's menu, and sees
 * her presence and note change in his list as her own client publishes them.
 */
@ExtendWith(ApplicationExtension.class)
class ContactListScreenTest {
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

    private Optional<ContactCell> cellOf(FxRobot robot, Section section) {
        return robot.lookup(".contact-cell").queryAllAs(ContactCell.class).stream()
                .filter(c -> c.isVisible() && c.getItem() instanceof Entry e && e.section() == section
                        && e.item().uri().equalsIgnoreCase(ALICE))
                .findFirst();
    }

    /** A label's text in a cell, or null while the cell is still being filled (a wait goes on polling). */
    private static String text(ContactCell cell, String selector) {
        return cell.lookup(selector) instanceof Label l ? l.getText() : null;
    }

    @Test
    void aContactAddedFromTheDirectoryShowsHerPresenceChangesInMyList(FxRobot robot) throws Exception {
        SipUcClient alice = parties.signedIn(parley.server(), "alice");
        app = SignedInApp.signIn(parley.server(), parties, data, "bob");

        robot.press(KeyCode.CONTROL, KeyCode.F).release(KeyCode.F, KeyCode.CONTROL);
        assertThat(robot.lookup("#searchField").queryAs(TextField.class).isFocused()).isTrue();
        robot.write("alice");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> cellOf(robot, Section.DIRECTORY).isPresent());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> cellOf(robot, Section.DIRECTORY)
                .map(c -> "Available".equals(text(c, ".contact-state"))).orElse(false));
        app.snapshot("search-directory");

        robot.rightClickOn(cellOf(robot, Section.DIRECTORY).orElseThrow());
        robot.clickOn("#menuAddToGroup");
        robot.clickOn("#addToNoGroup");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> cellOf(robot, Section.OTHER).isPresent());
        robot.clickOn("#searchField").type(KeyCode.ESCAPE);
        assertThat(robot.lookup("#searchField").queryAs(TextField.class).getText()).isEmpty();

        alice.presence().setState(PresenceState.BUSY).get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> cellOf(robot, Section.OTHER)
                .map(c -> c.lookup(".presence-dot") != null
                        && c.lookup(".presence-dot").getStyleClass().contains(PresenceStyle.styleClass(Availability.BUSY)))
                .orElse(false));
        ContactCell cell = cellOf(robot, Section.OTHER).orElseThrow();
        assertThat(((Label) cell.lookup(".contact-name")).getText()).isEqualTo("Alice Test");
        assertThat(((Label) cell.lookup(".contact-state")).getText()).isEqualTo("Busy");

        alice.presence().setNote("Writing the quarterly report").get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> cellOf(robot, Section.OTHER)
                .map(c -> "Writing the quarterly report".equals(text(c, ".contact-note")))
                .orElse(false));
        app.snapshot("main-with-contact");
    }

    @Test
    void f2RenamesTheSelectedGroupAndTheContextMenuKeyOpensItsMenu(FxRobot robot) throws Exception {
        app = SignedInApp.signIn(parley.server(), parties, data, "bob");
        app.windows().session().orElseThrow().client().contacts().addGroup("Team").get(5, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> header("Team") >= 0);
        javafx.scene.control.ListView<?> list = robot.lookup("#contactList").queryAs(javafx.scene.control.ListView.class);
        robot.interact(() -> {
            list.requestFocus();
            list.getSelectionModel().select(header("Team"));
        });

        robot.type(KeyCode.F2);
        robot.lookup("#groupNameField").queryAs(TextField.class);
        robot.interact(() -> robot.lookup("#groupNameField").queryAs(TextField.class).setText("Core team"));
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> header("Core team") >= 0);
        assertThat(list.getSelectionModel().getSelectedIndex()).as("the renamed header stays selected")
                .isEqualTo(header("Core team"));

        robot.type(KeyCode.CONTEXT_MENU);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#menuRenameGroup").tryQuery().isPresent());
        robot.type(KeyCode.ESCAPE);
    }

    private int header(String title) {
        var rows = app.main().contacts().rows();
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i) instanceof ContactRow.Header h && h.title().equals(title)) {
                return i;
            }
        }
        return -1;
    }
}
