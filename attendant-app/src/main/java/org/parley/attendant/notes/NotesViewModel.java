package org.parley.attendant.notes;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.parley.attendant.notes.CallNotes.Note;
import org.parley.core.client.TelephonyService.Call;

/**
 * The notes of the selected call (saved with the call in the local store), the searchable notes history, and
 * e-mailing notes through the desktop's mail client ({@code mailto:}, RFC 6068).
 */
public final class NotesViewModel {
    private final CallNotes notes;
    private final Clock clock;
    private final MailClient mail;
    private final DateTimeFormatter when;
    private final StringProperty text = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("");
    private final ObservableList<Note> history = FXCollections.observableArrayList();
    private Call call;
    private String callName;

    public NotesViewModel(CallNotes notes, Clock clock, MailClient mail) {
        this.notes = notes;
        this.clock = clock;
        this.mail = mail;
        this.when = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(clock.getZone());
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

    /** The e-mail for notes about a call with {@code who} at {@code at}: subject "Call with WHO at TIME", body the notes. */
    public URI mailtoFor(String who, Instant at, String text) {
        return Mailto.of("Call with " + who + " at " + when.format(at), text == null ? "" : text);
    }

    /** Opens the mail client with the selected call's notes (as typed, saved or not). */
    public boolean email() {
        if (call == null) {
            status.set("Select a call to e-mail its notes");
            return false;
        }
        Instant at = call.started() != null ? call.started() : clock.instant();
        return compose(mailtoFor(callName != null ? callName : call.peer(), at, text.get()));
    }

    /** Opens the mail client with a note from the history. */
    public boolean email(Note note) {
        if (note == null) {
            status.set("Pick a note to e-mail");
            return false;
        }
        return compose(mailtoFor(note.peerName() != null ? note.peerName() : note.peer(), note.savedAt(), note.text()));
    }

    private boolean compose(URI uri) {
        try {
            mail.compose(uri);
            status.set("Opened in your mail program");
            return true;
        } catch (RuntimeException e) {
            status.set("Cannot open a mail program: " + (e.getMessage() == null ? e.getClass().getSimpleName()
                    : e.getMessage()));
            return false;
        }
    }

    public void search(String query) {
        history.setAll(notes.search(query, 100));
    }
}
