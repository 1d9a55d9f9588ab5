package org.parley.attendant.console;

import java.util.function.Consumer;
import javafx.beans.InvalidationListener;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.parley.attendant.contacts.ContactRow;
import org.parley.attendant.contacts.ContactsViewModel;
import org.parley.core.model.ContactGroup;
import org.parley.core.model.DirectoryEntry;

/** Left side of the console: the contact groups (list or tiles, live presence) and the directory search. */
final class ContactsPane extends VBox {
    private final TextField search = new TextField();

    ContactsPane(ContactsViewModel vm, Consumer<String> pick) {
        getStyleClass().add("contacts-pane");
        setSpacing(8);
        ToggleButton tilesToggle = new ToggleButton("Tiles");
        tilesToggle.setId("tilesToggle");
        tilesToggle.selectedProperty().bindBidirectional(vm.tilesProperty());
        Label title = new Label("Contacts");
        title.getStyleClass().add("pane-title");

        ListView<ContactRow> list = new ListView<>(vm.rows());
        list.setId("contacts");
        list.setCellFactory(v -> new ContactCell());
        list.setOnMouseClicked(e -> {
            ContactRow r = list.getSelectionModel().getSelectedItem();
            if (r != null) {
                pick.accept(r.uri());
            }
        });
        ContactTiles tiles = new ContactTiles(vm.rows(), pick);
        StackPane groups = new StackPane();
        // Only the shown one is in the scene: hidden cells or 500 hidden tiles would still be laid out and styled.
        Runnable show = () -> {
            tiles.setActive(vm.tilesProperty().get());
            groups.getChildren().setAll(vm.tilesProperty().get() ? tiles.view() : list);
        };
        vm.tilesProperty().addListener((o, a, b) -> show.run());
        show.run();
        VBox.setVgrow(groups, Priority.ALWAYS);

        search.setId("directorySearch");
        search.setPromptText("Search the directory (F)");
        search.setOnAction(e -> vm.search(search.getText()));
        ListView<DirectoryEntry> results = new ListView<>(vm.results());
        results.setId("directoryResults");
        results.setPrefHeight(160);
        results.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(DirectoryEntry e, boolean empty) {
                super.updateItem(e, empty);
                setText(empty || e == null ? null : e.card().displayName() + "  " + e.card().uri());
            }
        });
        results.setOnMouseClicked(e -> {
            DirectoryEntry d = results.getSelectionModel().getSelectedItem();
            if (d != null) {
                pick.accept(d.card().uri());
            }
        });
        ComboBox<ContactGroup> group = new ComboBox<>();
        group.setId("groupChoice");
        group.setPromptText("Group");
        group.setOnShowing(e -> group.getItems().setAll(vm.groups()));
        group.setConverter(new StringConverter<>() {
            @Override
            public String toString(ContactGroup g) {
                return g == null ? "" : g.name();
            }

            @Override
            public ContactGroup fromString(String s) {
                return null;
            }
        });
        Button add = new Button("Add to group");
        add.setId("addToGroup");
        add.setOnAction(e -> {
            DirectoryEntry d = results.getSelectionModel().getSelectedItem();
            vm.addToGroup(d == null ? null : d.card().uri(), group.getValue());
        });
        Label status = new Label();
        status.textProperty().bind(vm.statusProperty());
        getChildren().addAll(new HBox(8, title, tilesToggle), groups, search, results, new HBox(8, group, add), status);
    }

    void focusSearch() {
        search.requestFocus();
    }

    /**
     * A list row: its dot and text follow the row's presence through one listener, moved when the cell shows
     * another row (cells are reused; nothing is created per presence change).
     */
    private static final class ContactCell extends ListCell<ContactRow> {
        private final Label dot = PresenceDots.dot();
        private final InvalidationListener changed = o -> show();
        private ContactRow shown;

        @Override
        protected void updateItem(ContactRow row, boolean empty) {
            super.updateItem(row, empty);
            ContactRow next = empty ? null : row;
            if (next != shown) {
                if (shown != null) {
                    shown.presenceProperty().removeListener(changed);
                }
                shown = next;
                if (shown != null) {
                    shown.presenceProperty().addListener(changed);
                }
            }
            show();
        }

        private void show() {
            if (shown == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            setText(shown.group() + " · " + shown.name() + " — " + shown.state().label());
            PresenceDots.style(dot, shown.state().availability());
            setGraphic(dot);
        }
    }
}
