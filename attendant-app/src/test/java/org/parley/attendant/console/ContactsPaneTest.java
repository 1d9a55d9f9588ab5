package org.parley.attendant.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.FlowPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.parley.attendant.contacts.ContactRow;
import org.parley.attendant.contacts.ContactsViewModel;
import org.parley.core.client.ContactsService;
import org.parley.core.client.DirectoryService;
import org.parley.core.client.PresenceService;
import org.parley.core.model.AccessLevel;
import org.parley.core.model.Contact;
import org.parley.core.model.ContactGroup;
import org.parley.core.model.ContactKind;
import org.parley.core.model.ContactList;
import org.parley.core.model.PresenceInfo;
import org.parley.core.model.PresenceState;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The contacts pane follows presence in place: list cells and tiles change their text, no row or tile is rebuilt. */
@ExtendWith(ApplicationExtension.class)
class ContactsPaneTest {
    private final List<PresenceService.PresenceListener> presence = new ArrayList<>();
    private ContactsViewModel vm;

    @SuppressWarnings("unchecked")
    private static <T> T stub(Class<T> type, Map<String, Function<Object[], Object>> answers) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (p, m, args) ->
                answers.containsKey(m.getName()) ? answers.get(m.getName()).apply(args) : null);
    }

    private static Contact contact(String user, String name) {
        return new Contact("sip:" + user + "@parley.test", name, ContactKind.USER, List.of("g1"), false, null,
                AccessLevel.COMPANY);
    }

    @Start
    void start(Stage stage) {
        ContactList list = new ContactList(1, List.of(new ContactGroup("g1", "Office", null)),
                List.of(contact("dave", "Dave Dunn"), contact("alice", "Alice Archer")));
        ContactsService contacts = stub(ContactsService.class, Map.of("current", a -> list));
        PresenceService presenceService = stub(PresenceService.class, Map.of(
                "of", a -> Optional.of(PresenceInfo.of(PresenceState.AVAILABLE)),
                "addListener", a -> presence.add((PresenceService.PresenceListener) a[0])));
        DirectoryService directory = stub(DirectoryService.class, Map.of());
        vm = new ContactsViewModel(contacts, presenceService, directory);
        ContactsPane pane = new ContactsPane(vm, uri -> { });
        Scene scene = new Scene(pane, 400, 500);
        scene.getStylesheets().add(ConsoleView.class.getResource("attendant.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    private void busy(FxRobot robot, String uri) {
        robot.interact(() -> presence.forEach(l -> l.onPresence(uri, PresenceInfo.of(PresenceState.BUSY), null)));
    }

    @Test
    void listRowsAndTilesShowPresenceChangesInPlace(FxRobot robot) {
        @SuppressWarnings("unchecked")
        ListView<ContactRow> list = robot.lookup("#contacts").queryAs(ListView.class);
        ListCell<?> daveCell = robot.lookup(".list-cell").queryAllAs(ListCell.class).stream()
                .filter(c -> c.getText() != null && c.getText().contains("Dave")).findFirst().orElseThrow();
        assertThat(daveCell.getText()).isEqualTo("Office · Dave Dunn — Available");

        busy(robot, "sip:dave@parley.test");
        assertThat(daveCell.getText()).isEqualTo("Office · Dave Dunn — Busy");
        assertThat(daveCell.getGraphic().getPseudoClassStates()).extracting(Object::toString).contains("busy");
        assertThat(robot.lookup("#contactTiles").tryQuery()).as("no tiles while the list shows").isEmpty();

        robot.clickOn("#tilesToggle");
        FlowPane tiles = robot.lookup("#contactTiles").queryAs(FlowPane.class);
        assertThat(list.getScene()).as("the hidden list leaves the scene").isNull();
        Button alice = (Button) tiles.getChildren().get(1);
        assertThat(alice.getText()).isEqualTo("Alice Archer\nAvailable");
        busy(robot, "sip:alice@parley.test");
        assertThat(tiles.getChildren().get(1)).as("the same tile, updated").isSameAs(alice);
        assertThat(alice.getText()).isEqualTo("Alice Archer\nBusy");

        robot.clickOn("#tilesToggle");
        robot.interact(() -> presence.forEach(l -> l.onPresence("sip:alice@parley.test",
                PresenceInfo.of(PresenceState.AVAILABLE), null)));
        assertThat(alice.getText()).as("hidden tiles do not follow").isEqualTo("Alice Archer\nBusy");
        robot.clickOn("#tilesToggle");
        assertThat(tiles.getChildren().get(1)).isSameAs(alice);
        assertThat(alice.getText()).as("shown again, it reads the row once").isEqualTo("Alice Archer\nAvailable");
    }
}
