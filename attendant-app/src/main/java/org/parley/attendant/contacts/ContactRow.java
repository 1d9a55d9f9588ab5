package org.parley.attendant.contacts;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.parley.core.model.PresenceInfo;
import org.parley.core.model.PresenceState;

/** A contact in one of the attendant's groups, with its live presence. */
public final class ContactRow {
    private final String uri;
    private final String name;
    private final String group;
    private final ObjectProperty<PresenceInfo> presence = new SimpleObjectProperty<>(PresenceInfo.UNKNOWN);

    ContactRow(String uri, String name, String group) {
        this.uri = uri;
        this.name = name;
        this.group = group;
    }

    public String uri() {
        return uri;
    }

    public String name() {
        return name;
    }

    public String group() {
        return group;
    }

    public ReadOnlyObjectProperty<PresenceInfo> presenceProperty() {
        return presence;
    }

    public PresenceState state() {
        return presence.get().state();
    }

    void setPresence(PresenceInfo value) {
        presence.set(value == null ? PresenceInfo.UNKNOWN : value);
    }
}
