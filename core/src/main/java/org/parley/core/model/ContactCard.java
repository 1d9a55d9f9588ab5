package org.parley.core.model;

/**
 * The directory fields of a user as one watcher may see them: fields the watcher's access level does not allow
 * are null (see {@link Visibility#card}).
 */
public record ContactCard(String uri, String displayName, String title, String company, String department,
                          String email, String workPhone, String mobilePhone, String homePhone) {

    public static ContactCard of(String uri, String displayName) {
        return new ContactCard(uri, displayName, null, null, null, null, null, null, null);
    }
}
