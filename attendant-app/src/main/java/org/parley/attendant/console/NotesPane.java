package org.parley.attendant.console;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.parley.attendant.notes.CallNotes.Note;
import org.parley.attendant.notes.NotesViewModel;

/** The notes of the selected call (Save, E-mail) and the searchable notes history (a selected note can be e-mailed). */
final class NotesPane extends VBox {
    private final TextArea notesArea = new TextArea();

    NotesPane(NotesViewModel notes) {
        super(8);
        notesArea.setId("notes");
        notesArea.setWrapText(true);
        notesArea.setPrefRowCount(5);
        notesArea.textProperty().bindBidirectional(notes.textProperty());
        Button save = ActionButton.of("saveNotes", "Save notes (Ctrl+S)", notes::save);
        Button email = ActionButton.of("emailNotes", "E-mail (Ctrl+E)", notes::email);
        Label notesStatus = new Label();
        notesStatus.textProperty().bind(notes.statusProperty());
        TextField search = new TextField();
        search.setId("notesSearch");
        search.setPromptText("Search notes");
        search.textProperty().addListener((o, a, b) -> notes.search(b));
        ListView<Note> history = new ListView<>(notes.history());
        history.setId("notesHistory");
        history.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Note n, boolean empty) {
                super.updateItem(n, empty);
                setText(empty || n == null ? null
                        : (n.peerName() == null ? n.peer() : n.peerName()) + ": " + n.text());
            }
        });
        VBox.setVgrow(history, Priority.ALWAYS);
        Button emailNote = ActionButton.of("emailHistoryNote", "E-mail note",
                () -> notes.email(history.getSelectionModel().getSelectedItem()));
        emailNote.disableProperty().bind(history.getSelectionModel().selectedItemProperty().isNull());
        Label notesTitle = new Label("Notes");
        notesTitle.getStyleClass().add("pane-title");
        HBox.setHgrow(search, Priority.ALWAYS);
        getChildren().addAll(notesTitle, notesArea, new HBox(8, save, email, notesStatus),
                new HBox(8, search, emailNote), history);
    }


    /** Puts the cursor in the notes of the selected call. */
    void focusNotes() {
        notesArea.requestFocus();
    }
}
