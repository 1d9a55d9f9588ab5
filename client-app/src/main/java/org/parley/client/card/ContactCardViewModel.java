package org.parley.client.card;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.parley.core.model.AccessLevel;
import org.parley.core.model.Availability;
import org.parley.core.model.Contact;
import org.parley.core.model.ContactCard;
import org.parley.core.model.DeviceKind;
import org.parley.core.model.PresenceInfo;

/**
 * A contact card: what the server sent of one person (it already filtered by the access level they grant me), as
 * label/value fields in a fixed order; fields the server left out are simply absent. Follows presence and card
 * changes live. Also the access level I grant this contact (null: automatic). Call on the JavaFX application thread.
 */
public final class ContactCardViewModel {
    /** One line of the card; {@code id} names it for tests and styling ("title", "workPhone"...). */
    public record Field(String id, String label, String value) {
    }

    private final String uri;
    private final ObservableValue<ContactCard> card;
    private final ObservableValue<PresenceInfo> presence;
    private final ObservableValue<Contact> contact;
    private final Function<AccessLevel, CompletableFuture<?>> grant;
    private final ReadOnlyStringWrapper name = new ReadOnlyStringWrapper(this, "name");
    private final ReadOnlyStringWrapper state = new ReadOnlyStringWrapper(this, "state");
    private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper(this, "note", "");
    private final ReadOnlyObjectWrapper<Availability> availability = new ReadOnlyObjectWrapper<>(this, "availability");
    private final ReadOnlyStringWrapper email = new ReadOnlyStringWrapper(this, "email");
    private final ReadOnlyBooleanWrapper inMyList = new ReadOnlyBooleanWrapper(this, "inMyList");
    private final ReadOnlyStringWrapper effectiveLevel = new ReadOnlyStringWrapper(this, "effectiveLevel", "");
    private final ObjectProperty<AccessLevel> grantedLevel = new SimpleObjectProperty<>(this, "grantedLevel");
    private final ObservableList<Field> fields = FXCollections.observableArrayList();
    private boolean refreshing;

    /**
     * @param grant sets the level I grant ({@code null}: automatic); the new list comes back through {@code contact}
     */
    public ContactCardViewModel(String uri, String fallbackName, ObservableValue<ContactCard> card,
                                ObservableValue<PresenceInfo> presence, ObservableValue<Contact> contact,
                                Function<AccessLevel, CompletableFuture<?>> grant) {
        this.uri = Objects.requireNonNull(uri, "uri");
        this.card = Objects.requireNonNull(card, "card");
        this.presence = Objects.requireNonNull(presence, "presence");
        this.contact = Objects.requireNonNull(contact, "contact");
        this.grant = Objects.requireNonNull(grant, "grant");
        name.set(fallbackName);
        card.addListener((obs, old, now) -> refresh());
        presence.addListener((obs, old, now) -> refresh());
        contact.addListener((obs, old, now) -> refresh());
        grantedLevel.addListener((obs, old, now) -> {
            Contact c = contact.getValue();
            if (!refreshing && c != null && now != c.accessLevel()) {
                grant.apply(now);
            }
        });
        refresh();
    }

    private void refresh() {
        ContactCard c = card.getValue();
        PresenceInfo p = presence.getValue() == null ? PresenceInfo.UNKNOWN : presence.getValue();
        Contact mine = contact.getValue();
        if (c != null && present(c.displayName())) {
            name.set(c.displayName());
        } else if (mine != null && present(mine.displayName())) {
            name.set(mine.displayName());
        }
        boolean phone = uri.startsWith("tel:");
        availability.set(phone ? Availability.UNKNOWN : p.availability());
        state.set(phone ? "Phone contact" : present(p.customState()) ? p.customState() : p.state().label());
        note.set(present(p.note()) ? p.note() : "");
        List<Field> out = new ArrayList<>();
        if (c != null) {
            add(out, "title", "Title", c.title());
            add(out, "company", "Company", c.company());
            add(out, "department", "Department", c.department());
            add(out, "email", "E-mail", c.email());
            add(out, "workPhone", "Work phone", c.workPhone());
            add(out, "mobilePhone", "Mobile", c.mobilePhone());
            add(out, "homePhone", "Home phone", c.homePhone());
        }
        if (phone) {
            add(out, "phone", "Phone", uri.substring(4));
        }
        add(out, "location", "Location", p.location());
        if (!p.devices().isEmpty()) {
            add(out, "devices", "Signed in on", p.devices().stream().distinct().map(ContactCardViewModel::device)
                    .collect(Collectors.joining(", ")) + (p.phoneOnly() ? " (phone only)" : ""));
        }
        if (!out.equals(fields)) {
            fields.setAll(out);
        }
        email.set(c != null && present(c.email()) ? c.email() : null);
        inMyList.set(mine != null);
        refreshing = true;
        try {
            grantedLevel.set(mine == null ? null : mine.accessLevel());
        } finally {
            refreshing = false;
        }
        effectiveLevel.set(mine == null || mine.effectiveLevel() == null ? "" : title(mine.effectiveLevel()));
    }

    private static void add(List<Field> out, String id, String label, String value) {
        if (present(value)) {
            out.add(new Field(id, label, value.trim()));
        }
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank() && !s.equalsIgnoreCase("null");
    }

    private static String device(DeviceKind d) {
        return switch (d) {
            case DESKTOP -> "Computer";
            case MOBILE -> "Mobile";
            case PHONE -> "Phone";
        };
    }

    static String title(AccessLevel l) {
        String w = l.wireName();
        return Character.toUpperCase(w.charAt(0)) + w.substring(1);
    }

    /** What a level shows, in one line (for the access-level choice). */
    public static String explain(AccessLevel l) {
        return switch (l) {
            case PERSONAL -> "Everything, including your home phone";
            case TEAM -> "Also your mobile, location and devices; may interrupt Do not disturb";
            case COMPANY -> "Your work phone, state and note";
            case PUBLIC -> "Your name, title, e-mail and availability only";
            case BLOCKED -> "Sees you offline; cannot reach you";
        };
    }

    public String uri() {
        return uri;
    }

    public ReadOnlyStringProperty nameProperty() {
        return name.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** The note, "" when none was sent. */
    public ReadOnlyStringProperty noteProperty() {
        return note.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Availability> availabilityProperty() {
        return availability.getReadOnlyProperty();
    }

    /** The e-mail address when sent, else null (the E-mail action is disabled). */
    public ReadOnlyStringProperty emailProperty() {
        return email.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty inMyListProperty() {
        return inMyList.getReadOnlyProperty();
    }

    /** The level this contact really gets ("Company"), "" when not in my list. */
    public ReadOnlyStringProperty effectiveLevelProperty() {
        return effectiveLevel.getReadOnlyProperty();
    }

    /** The level I set for this contact; null is automatic. Setting it tells the server. */
    public ObjectProperty<AccessLevel> grantedLevelProperty() {
        return grantedLevel;
    }

    public ObservableList<Field> fields() {
        return fields;
    }

    public java.util.Optional<Field> field(String id) {
        return fields.stream().filter(f -> f.id().equals(id)).findFirst();
    }
}
