package org.parley.client.members;

import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * A list of people of this service being edited in a dialog (the Team-Call group, my delegates): what is typed in
 * the "add a person" field becomes an address of record of the user's domain, and is refused when blank, a number,
 * the user himself or already listed. The dialog's own view model owns one and shows the refusals on its error line.
 * Call on the JavaFX application thread.
 */
public final class MemberList {
    /** The sentences of the refusals; {@code already} is a format with the person's name as {@code %s}. */
    public record Messages(String empty, String number, String self, String already) {
        public Messages {
            Objects.requireNonNull(empty, "empty");
            Objects.requireNonNull(number, "number");
            Objects.requireNonNull(self, "self");
            Objects.requireNonNull(already, "already");
        }
    }

    private final String ownAor;
    private final Function<String, String> names;
    private final Messages messages;
    private final ObservableList<String> members = FXCollections.observableArrayList();
    private final StringProperty newMember = new SimpleStringProperty(this, "newMember", "");

    /**
     * @param ownAor the signed-in user (typed names are completed to this domain; his own address is refused)
     * @param names  display name for an address, or null when unknown
     */
    public MemberList(String ownAor, Function<String, String> names, Messages messages) {
        this.ownAor = Objects.requireNonNull(ownAor, "ownAor").toLowerCase(Locale.ROOT);
        this.names = Objects.requireNonNull(names, "names");
        this.messages = Objects.requireNonNull(messages, "messages");
    }

    /** The people, as addresses of record. */
    public ObservableList<String> members() {
        return members;
    }

    /** The "add a person" field: a user name, {@code user@domain} or SIP URI. */
    public StringProperty newMemberProperty() {
        return newMember;
    }

    /** Adds what {@link #newMemberProperty()} holds and empties it; returns null when added, else why not. */
    public String add() {
        String typed = newMember.get() == null ? "" : newMember.get().strip();
        if (typed.isEmpty()) {
            return messages.empty();
        }
        if (typed.matches("\\+?[0-9][0-9 ().-]*")) {
            return messages.number();
        }
        String aor = aorOf(typed);
        if (aor.equals(ownAor)) {
            return messages.self();
        }
        if (members.contains(aor)) {
            return String.format(messages.already(), nameOf(aor));
        }
        members.add(aor);
        newMember.set("");
        return null;
    }

    public void remove(String aor) {
        members.remove(aor);
    }

    /** A user name, {@code user@domain} or SIP URI as an address of record, of this user's domain when none given. */
    public String aorOf(String typed) {
        String s = typed.strip().toLowerCase(Locale.ROOT);
        if (s.startsWith("sip:") || s.startsWith("sips:")) {
            return s;
        }
        if (s.contains("@")) {
            return "sip:" + s;
        }
        int at = ownAor.indexOf('@');
        return "sip:" + s + (at < 0 ? "" : ownAor.substring(at));
    }

    /** The name to show for a person: the display name, else the bare address ("" for null). */
    public String nameOf(String aor) {
        String n = aor == null ? null : names.apply(aor);
        return n == null || n.isBlank() ? (aor == null ? "" : aor.replaceFirst("^sips?:", "")) : n;
    }
}
