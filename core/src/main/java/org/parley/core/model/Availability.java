package org.parley.core.model;

import java.util.Locale;

/** The coarse availability a presence state shows as (the colour of the presence icon). */
public enum Availability {
    AVAILABLE, BUSY, DO_NOT_DISTURB, AWAY, OFFLINE, UNKNOWN;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
