package org.parley.client.widgets;

import java.util.List;
import java.util.Locale;
import org.parley.core.model.Availability;

/**
 * The colours users know, as style classes of {@code client.css}: green available, red busy and do not disturb
 * (DND with a bar), yellow away, grey offline and unknown. Every presence indicator in the app uses these classes.
 */
public final class PresenceStyle {
    /** Every class {@link #styleClass} can return, to remove the old one before adding the new. */
    public static final List<String> ALL = List.of("presence-available", "presence-busy", "presence-do-not-disturb",
            "presence-away", "presence-offline", "presence-unknown");

    private PresenceStyle() {
    }

    public static String styleClass(Availability availability) {
        Availability a = availability == null ? Availability.UNKNOWN : availability;
        return "presence-" + a.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
