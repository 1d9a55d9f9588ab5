package org.parley.core.model;

/** A user-defined group of a contact list; {@code accessLevel} is null when the group sets none. */
public record ContactGroup(String id, String name, AccessLevel accessLevel) {
}
