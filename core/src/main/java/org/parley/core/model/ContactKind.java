package org.parley.core.model;

import java.util.Locale;

/** What a contact-list entry points at. */
public enum ContactKind {
    /** A SIP user (local or another domain): has presence. */
    USER,
    /** An external phone number ({@code tel:} URI): no presence. */
    PHONE,
    /** An admin-defined distribution group: expandable to its members. */
    DISTRIBUTION_GROUP;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static ContactKind fromWire(String s) {
        for (ContactKind k : values()) {
            if (k.wireName().equalsIgnoreCase(s)) {
                return k;
            }
        }
        return USER;
    }
}
