package org.parley.attendant.notes;

import java.time.Clock;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.parley.attendant.notes.CallNotes.Note;
import org.parley.core.client.TelephonyService.Call;

/** The notes of the selected call (saved with the call in the local store) and the searchable notes history. */
public final class NotesViewModel {
    private final CallNotes notes;
    private final Clock clock;
    private final StringProperty text = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("");
    private final ObservableList<Note> history = FXCollections.observableArrayList();
    private Call call;
    private String callName;

    public NotesViewModel(CallNotes notes, Clock clock) {
        this.notes = notes;
        this.clock = clock;
        search("");
    }

    public StringProperty textProperty() {
        return text;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public ObservableList<Note> history() {
        return history;
    }

    /** Shows the notes of {@code c} (null: none selected). */
    public void show(Call c, String name) {
        if (c != null && call != null && c.id().equals(call.id())) {
            call = c;
            return;
        }
        call = c;
        callName = name;
        text.set(c == null ? "" : notes.of(c.id()).map(Note::text).orElse(""));
        status.set(c == null ? "Select a call to take notes" : "");
    }

    /** Saves the text with the selected call. */
    public boolean save() {
        if (call == null) {
            status.set("Select a call to take notes");
            return false;
        }
        notes.save(new Note(call.id(), call.peer(), callName, text.get() == null ? "" : text.get(), clock.instant()));
        status.set("Notes saved");
        search("");
        return true;
    }

    public void search(String query) {
        history.setAll(notes.search(query, 100));
    }
}
