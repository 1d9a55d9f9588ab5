package org.parley.core.model;

import java.util.Locale;
import org.parley.core.error.ErrorCode;
import org.parley.core.error.ParleyException;

/** The presence states of the product, each with the availability it shows as and a user-facing label. */
public enum PresenceState {
    AVAILABLE(Availability.AVAILABLE, "Available"),
    BUSY(Availability.BUSY, "Busy"),
    IN_A_CALL(Availability.BUSY, "In a call"),
    IN_A_CONFERENCE(Availability.BUSY, "In a conference"),
    IN_A_MEETING(Availability.BUSY, "In a meeting"),
    DO_NOT_DISTURB(Availability.DO_NOT_DISTURB, "Do not disturb"),
    BE_RIGHT_BACK(Availability.AWAY, "Be right back"),
    AWAY(Availability.AWAY, "Away"),
    INACTIVE(Availability.AWAY, "Inactive"),
    OFFLINE(Availability.OFFLINE, "Offline"),
    UNKNOWN(Availability.UNKNOWN, "Presence unknown");

    private final Availability availability;
    private final String label;

    PresenceState(Availability availability, String label) {
        this.availability = availability;
        this.label = label;
    }

    public Availability availability() {
        return availability;
    }

    public String label() {
        return label;
    }

    /** Wire and command-line name: lower case with dashes ("in-a-call", "do-not-disturb"). */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Accepts the wire name, the enum name or the label, ignoring case ("dnd" too). */
    public static PresenceState fromWire(String name) {
        if (name != null) {
            String n = name.trim().toLowerCase(Locale.ROOT).replace('_', '-').replace(' ', '-');
            if (n.equals("dnd")) {
                return DO_NOT_DISTURB;
            }
            if (n.equals("brb")) {
                return BE_RIGHT_BACK;
            }
            for (PresenceState s : values()) {
                if (s.wireName().equals(n)) {
                    return s;
                }
            }
        }
        throw new ParleyException(ErrorCode.INVALID_ARGUMENT, "unknown presence state '" + name
                + "': use available, busy, in-a-call, in-a-conference, in-a-meeting, do-not-disturb, be-right-back,"
                + " away, inactive or offline");
    }
}
