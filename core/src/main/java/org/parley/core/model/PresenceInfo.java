package org.parley.core.model;

import java.time.Instant;
import java.util.List;

/**
 * A user's presence as one watcher sees it (or, unfiltered, as the server aggregated it).
 * Fields the watcher's access level does not allow are null or empty (see {@link Visibility#presence}).
 *
 * @param availability the coarse availability; always present
 * @param state        the state; for watchers not allowed activity detail it is the plain state of the
 *                     availability (AVAILABLE, BUSY, DO_NOT_DISTURB, AWAY, OFFLINE, UNKNOWN)
 * @param customState  label of an admin-defined custom state, or null
 * @param note         the personal note, or null
 * @param location     "Office", "Home" or a custom text, or null
 * @param devices      the kinds of endpoint signed in (desktop, mobile, phone), empty when not allowed or offline
 * @param idleSince    when the user became inactive/away automatically, or null
 */
public record PresenceInfo(Availability availability, PresenceState state, String customState, String note,
                           String location, List<DeviceKind> devices, Instant idleSince) {

    public PresenceInfo {
        devices = devices == null ? List.of() : List.copyOf(devices);
        if (availability == null) {
            availability = state == null ? Availability.UNKNOWN : state.availability();
        }
        if (state == null) {
            state = PresenceState.UNKNOWN;
        }
    }

    public static PresenceInfo of(PresenceState state) {
        return new PresenceInfo(state.availability(), state, null, null, null, List.of(), null);
    }

    public static final PresenceInfo OFFLINE = of(PresenceState.OFFLINE);
    public static final PresenceInfo UNKNOWN = of(PresenceState.UNKNOWN);

    /** True when only phone devices are signed in ("phone only"). */
    public boolean phoneOnly() {
        return !devices.isEmpty() && devices.stream().allMatch(d -> d == DeviceKind.PHONE);
    }
}
