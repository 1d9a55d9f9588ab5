package org.parley.client.contacts;

import java.util.Locale;

/** How the contact list is grouped (Options and the list's View menu; kept in the settings by name). */
public enum Grouping {
    GROUPS("My groups"), AVAILABILITY("Availability"), ACCESS_LEVEL("Access level"), TAGGED("Tagged for alerts");

    private final String label;

    Grouping(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The grouping a settings value names; GROUPS for anything else. */
    public static Grouping parse(String name) {
        if (name != null) {
            for (Grouping g : values()) {
                if (g.name().equalsIgnoreCase(name.trim().toUpperCase(Locale.ROOT))) {
                    return g;
                }
            }
        }
        return GROUPS;
    }

    @Override
    public String toString() {
        return label;
    }
}
