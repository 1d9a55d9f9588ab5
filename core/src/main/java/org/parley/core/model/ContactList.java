package org.parley.core.model;

import java.util.List;
import java.util.Optional;

/** A user's server-stored contact list; {@code version} grows with every change. */
public record ContactList(long version, List<ContactGroup> groups, List<Contact> contacts) {
    public ContactList {
        groups = groups == null ? List.of() : List.copyOf(groups);
        contacts = contacts == null ? List.of() : List.copyOf(contacts);
    }

    public static final ContactList EMPTY = new ContactList(0, List.of(), List.of());

    public Optional<Contact> contact(String uri) {
        return contacts.stream().filter(c -> c.uri().equalsIgnoreCase(uri)).findFirst();
    }
}
