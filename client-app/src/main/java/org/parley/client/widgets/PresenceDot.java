package org.parley.client.widgets;

import javafx.scene.layout.Region;
import org.parley.core.model.Availability;

/** The small round presence indicator beside a name; its colour comes from {@link PresenceStyle}. */
public final class PresenceDot extends Region {
    public PresenceDot() {
        getStyleClass().add("presence-dot");
        setAvailability(Availability.UNKNOWN);
        setMinSize(USE_PREF_SIZE, USE_PREF_SIZE);
        setMaxSize(USE_PREF_SIZE, USE_PREF_SIZE);
    }

    public void setAvailability(Availability availability) {
        getStyleClass().removeAll(PresenceStyle.ALL);
        getStyleClass().add(PresenceStyle.styleClass(availability));
    }
}
