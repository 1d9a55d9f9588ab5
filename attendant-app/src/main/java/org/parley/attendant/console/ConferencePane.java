package org.parley.attendant.console;

import java.util.List;
import java.util.Optional;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TextInputDialog;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.parley.attendant.conference.ConferenceTemplates.Template;
import org.parley.attendant.conference.ConferenceViewModel;
import org.parley.attendant.conference.ConferenceViewModel.Pick;
import org.parley.attendant.contacts.ContactRow;

/**
 * The conference set (a drop zone for calls and contacts, with Start, Clear and Save as template) and the conversation
 * templates (a click starts one); plus the small dialogs of the conference shortcuts.
 */
final class ConferencePane extends VBox {
    private final ConferenceViewModel vm;

    ConferencePane(ConferenceViewModel vm, ConferenceDrag drag) {
        this.vm = vm;
        setSpacing(8);
        Label title = new Label("Conference");
        title.getStyleClass().add("pane-title");
        FlowPane set = new FlowPane();
        set.setId("conferenceSet");
        set.getStyleClass().add("conference-set");
        Label empty = new Label("Drop calls and contacts here, or onto one another");
        Runnable fill = () -> {
            set.getChildren().setAll(vm.picked().stream().map(this::chip).toList());
            if (vm.picked().isEmpty()) {
                set.getChildren().add(empty);
            }
        };
        vm.picked().addListener((ListChangeListener<Pick>) c -> fill.run());
        fill.run();
        drag.target(set, vm::pick);
        Button start = new Button("Start (Ctrl+Enter)");
        start.setId("startConference");
        start.setOnAction(e -> vm.startPicked());
        Button clear = new Button("Clear");
        clear.setId("clearConference");
        clear.setOnAction(e -> vm.picked().clear());
        Button save = new Button("Save template (Ctrl+T)");
        save.setId("saveTemplate");
        save.setOnAction(e -> askTemplateName(getScene() == null ? null : getScene().getWindow()));
        Label templatesTitle = new Label("Templates (Ctrl+1…9)");
        templatesTitle.getStyleClass().add("pane-title");
        ListView<Template> templates = new ListView<>(vm.templates());
        templates.setId("templates");
        templates.setPrefHeight(140);
        templates.setPlaceholder(new Label("No templates yet"));
        templates.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Template t, boolean empty) {
                super.updateItem(t, empty);
                setText(empty || t == null ? null : (getIndex() < 9 ? (getIndex() + 1) + "  " : "") + t.name() + " — "
                        + t.members().size() + " contacts");
            }
        });
        templates.setOnMouseClicked(e -> {
            Template t = templates.getSelectionModel().getSelectedItem();
            if (t != null) {
                vm.startTemplate(t.name());
            }
        });
        Button delete = new Button("Delete template");
        delete.setId("deleteTemplate");
        delete.setOnAction(e -> {
            Template t = templates.getSelectionModel().getSelectedItem();
            if (t != null) {
                vm.deleteTemplate(t.name());
            }
        });
        Label status = new Label();
        status.setId("conferenceStatus");
        status.setWrapText(true);
        status.textProperty().bind(vm.statusProperty());
        for (Button b : List.of(start, clear, save)) {
            b.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        FlowPane buttons = new FlowPane(8, 8, start, clear, save);
        getChildren().addAll(title, set, buttons, status, templatesTitle, templates, delete);
    }

    private Label chip(Pick p) {
        Label chip = new Label((p.call() ? "☎ " : "👤 ") + p.label() + "  ✕");
        chip.getStyleClass().add("conference-chip");
        chip.setOnMouseClicked(e -> vm.unpick(p.key()));
        return chip;
    }

    /** Asks for a name and saves the conference set's contacts as a template. */
    void askTemplateName(Window owner) {
        TextInputDialog d = new TextInputDialog();
        d.initOwner(owner);
        d.setTitle("Save template");
        d.setHeaderText("Save the contacts of the conference set as a template");
        d.setContentText("Name:");
        d.showAndWait().ifPresent(vm::saveTemplate);
    }

    /** A small dialog to pick contacts (several at once); empty when cancelled. */
    static Optional<List<ContactRow>> pickContacts(Window owner, List<ContactRow> rows) {
        Dialog<List<ContactRow>> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle("Conference with…");
        d.setHeaderText("Pick the contacts to bring into the conference (Ctrl+click for several)");
        ListView<ContactRow> list = new ListView<>();
        list.getItems().setAll(rows);
        list.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(ContactRow r, boolean empty) {
                super.updateItem(r, empty);
                setText(empty || r == null ? null : r.name() + " — " + r.state().label());
            }
        });
        d.getDialogPane().setContent(list);
        d.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        d.setResultConverter(b -> b == ButtonType.OK ? List.copyOf(list.getSelectionModel().getSelectedItems()) : null);
        return d.showAndWait().filter(l -> !l.isEmpty());
    }
}
