package org.parley.client.contacts;

import java.util.Locale;
import java.util.Objects;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.parley.core.model.Availability;
import org.parley.core.model.Contact;
import org.parley.core.model.ContactCard;
import org.parley.core.model.ContactKind;
import org.parley.core.model.DeviceKind;
import org.parley.core.model.PresenceInfo;

/**
 * One person, phone number or distribution group the list shows, with observable presence: a presence event updates
 * its properties at once (the visible cell follows), while re-sorting and re-grouping are coalesced by the list.
 * The same item appears in every group the contact is in. Call on the JavaFX application thread.
 */
public final class ContactItem {
    private final String uri;
    private final String key;
    private final ObjectProperty<Contact> contact = new SimpleObjectProperty<>(this, "contact");
    private final StringProperty name = new SimpleStringProperty(this, "name");
    private final ObjectProperty<PresenceInfo> presence = new SimpleObjectProperty<>(this, "presence", PresenceInfo.UNKNOWN);
    private final ObjectProperty<ContactCard> card = new SimpleObjectProperty<>(this, "card");
    private final StringProperty callState = new SimpleStringProperty(this, "callState");
    private ContactKind kind;
    private String sortName;
    private String searchText;

    public ContactItem(String uri, ContactKind kind) {
        this.uri = Objects.requireNonNull(uri, "uri");
        this.key = keyOf(uri);
        this.kind = kind == null ? ContactKind.USER : kind;
        updateName();
    }

    /** The map key of a URI: case does not matter in addresses here. */
    public static String keyOf(String uri) {
        return uri.toLowerCase(Locale.ROOT);
    }

    public String uri() {
        return uri;
    }

    public String key() {
        return key;
    }

    public ContactKind kind() {
        return kind;
    }

    /** The contact-list entry, or null when this item is not in my list (directory result, recent, member). */
    public Contact contact() {
        return contact.get();
    }

    public ReadOnlyObjectProperty<Contact> contactProperty() {
        return contact;
    }

    void setContact(Contact c) {
        contact.set(c);
        if (c != null) {
            kind = c.kind();
        }
        updateName();
    }

    public String name() {
        return name.get();
    }

    /** The state of my call with this person ("On a call", "On hold"), or null when there is none. */
    public String callState() {
        return callState.get();
    }

    public ReadOnlyStringProperty callStateProperty() {
        return callState;
    }

    void setCallState(String state) {
        callState.set(state);
    }

    public ReadOnlyStringProperty nameProperty() {
        return name;
    }

    public PresenceInfo presence() {
        return presence.get();
    }

    public ReadOnlyObjectProperty<PresenceInfo> presenceProperty() {
        return presence;
    }

    /** What the server last let me see of this person's directory fields, or null. */
    public ContactCard card() {
        return card.get();
    }

    public ReadOnlyObjectProperty<ContactCard> cardProperty() {
        return card;
    }

    void setPresence(PresenceInfo info) {
        presence.set(info == null ? PresenceInfo.UNKNOWN : info);
    }

    void setCard(ContactCard c) {
        if (c != null) {
            card.set(c);
            updateName();
        }
    }

    void setKind(ContactKind k) {
        if (k != null) {
            kind = k;
        }
    }

    private void updateName() {
        Contact c = contact.get();
        ContactCard cc = card.get();
        String n = c != null && c.displayName() != null && !c.displayName().isBlank() ? c.displayName()
                : cc != null && cc.displayName() != null && !cc.displayName().isBlank() ? cc.displayName()
                : fallbackName(uri);
        name.set(n);
        sortName = n.toLowerCase(Locale.ROOT);
        searchText = sortName + "\u0000" + key + (cc != null && cc.email() != null ? "\u0000"
                + cc.email().toLowerCase(Locale.ROOT) : "");
    }

    /** "sip:bob@x" → "bob", "tel:+15551234" → "+15551234". */
    static String fallbackName(String uri) {
        String s = uri;
        int colon = s.indexOf(':');
        if (colon >= 0 && colon < 5) {
            s = s.substring(colon + 1);
        }
        int at = s.indexOf('@');
        return at > 0 ? s.substring(0, at) : s;
    }

    String sortName() {
        return sortName;
    }

    /** True when {@code lowerCaseQuery} is part of the name, address or e-mail. */
    public boolean matches(String lowerCaseQuery) {
        return searchText.contains(lowerCaseQuery);
    }

    public Availability availability() {
        return kind == ContactKind.USER ? presence.get().availability() : Availability.UNKNOWN;
    }

    /** A phone contact's number (the tel: URI without its scheme), else null. */
    public String phoneNumber() {
        return kind == ContactKind.PHONE ? fallbackName(uri) : null;
    }

    /** The state line: a custom state's label, else the state's ("Available", "In a call"). */
    public String stateText() {
        if (kind == ContactKind.PHONE) {
            return phoneNumber();
        }
        if (kind == ContactKind.DISTRIBUTION_GROUP) {
            return "Distribution group";
        }
        PresenceInfo p = presence.get();
        return p.customState() != null && !p.customState().isBlank() ? p.customState() : p.state().label();
    }

    /** The device this person is signed in on as one word for the icon, or null when not known. */
    public DeviceKind mainDevice() {
        PresenceInfo p = presence.get();
        if (p.devices().isEmpty()) {
            return null;
        }
        if (p.devices().contains(DeviceKind.DESKTOP)) {
            return DeviceKind.DESKTOP;
        }
        return p.devices().contains(DeviceKind.MOBILE) ? DeviceKind.MOBILE : DeviceKind.PHONE;
    }

    boolean online() {
        Availability a = availability();
        return a != Availability.OFFLINE && a != Availability.UNKNOWN;
    }

    @Override
    public String toString() {
        return "ContactItem[" + uri + "]";
    }
}
