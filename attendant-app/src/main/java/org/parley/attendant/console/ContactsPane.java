package org.parley.attendant.console;

import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.FlowPane;
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
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(ContactRow row, boolean empty) {
                super.updateItem(row, empty);
                textProperty().unbind();
                if (empty || row == null) {
                    setText(null);
                    setGraphic(null);
                    return;
                }
                textProperty().bind(Bindings.createStringBinding(() -> row.group() + " · " + row.name() + " — "
                        + row.state().label(), row.presenceProperty()));
                setGraphic(dot(row));
            }
        });
        list.setOnMouseClicked(e -> {
            ContactRow r = list.getSelectionModel().getSelectedItem();
            if (r != null) {
                pick.accept(r.uri());
            }
        });
        FlowPane tiles = new FlowPane(8, 8);
        tiles.setId("contactTiles");
        Runnable fill = () -> tiles.getChildren().setAll(vm.rows().stream().map(r -> tile(r, pick)).toList());
        vm.rows().addListener((ListChangeListener<ContactRow>) c -> fill.run());
        fill.run();
        ScrollPane tileScroll = new ScrollPane(tiles);
        tileScroll.setFitToWidth(true);
        list.visibleProperty().bind(vm.tilesProperty().not());
        tileScroll.visibleProperty().bind(vm.tilesProperty());
        StackPane groups = new StackPane(list, tileScroll);
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

    private static Label dot(ContactRow row) {
        Label dot = new Label("●");
        dot.getStyleClass().add("presence-dot");
        Runnable style = () -> {
            for (org.parley.core.model.Availability a : org.parley.core.model.Availability.values()) {
                dot.pseudoClassStateChanged(PseudoClass.getPseudoClass(a.name().toLowerCase().replace('_', '-')),
                        a == row.state().availability());
            }
        };
        row.presenceProperty().addListener((o, a, b) -> style.run());
        style.run();
        return dot;
    }

    private static Button tile(ContactRow r, Consumer<String> pick) {
        Button b = new Button();
        b.getStyleClass().add("contact-tile");
        b.setUserData(r); // a conference drag source (ConferenceDrag)
        b.setGraphic(dot(r));
        b.textProperty().bind(Bindings.createStringBinding(() -> r.name() + "\n" + r.state().label(),
                r.presenceProperty()));
        b.setOnAction(e -> pick.accept(r.uri()));
        return b;
    }
}
