package org.parley.core.model;

import java.util.List;

/**
 * One entry of a user's contact list.
 *
 * @param uri            sip: URI of a user or distribution group, or tel: URI of a phone contact
 * @param displayName    the name to show (the directory's for users; the owner's own for phone contacts)
 * @param kind           user, phone or distribution group
 * @param groupIds       the owner's groups it is in (may be empty: "Other contacts")
 * @param tagged         the owner asked to be alerted when this contact's presence changes
 * @param accessLevel    the level the owner set for this contact itself, or null
 * @param effectiveLevel the level this contact really gets (contact's own, else its groups', else the default)
 */
public record Contact(String uri, String displayName, ContactKind kind, List<String> groupIds, boolean tagged,
                      AccessLevel accessLevel, AccessLevel effectiveLevel) {
    public Contact {
        groupIds = groupIds == null ? List.of() : List.copyOf(groupIds);
    }
}
