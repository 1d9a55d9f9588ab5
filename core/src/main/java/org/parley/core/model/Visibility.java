package org.parley.core.model;

import java.util.List;

/**
 * The one place that says which field each access level sees. The server filters with it before anything leaves
 * for a watcher; clients use it only to explain levels to the user.
 *
 * <pre>
 * field                                  Blocked Public Company Team Personal
 * display name                              x      x      x      x     x
 * title, company, department, e-mail               x      x      x     x
 * availability (colour)                  Offline   x      x      x     x
 * state (In a call, BRB, custom...), note                 x      x     x
 * work phone                                              x      x     x
 * location, devices, idle since, mobile                          x     x
 * home phone                                                           x
 * </pre>
 */
public final class Visibility {
    private Visibility() {
    }

    public static PresenceInfo presence(PresenceInfo full, AccessLevel level) {
        if (full == null) {
            return PresenceInfo.UNKNOWN;
        }
        switch (level) {
            case BLOCKED:
                return PresenceInfo.OFFLINE;
            case PUBLIC:
                return new PresenceInfo(full.availability(), plainState(full.availability()), null, null, null, List.of(), null);
            case COMPANY:
                return new PresenceInfo(full.availability(), full.state(), full.customState(), full.note(), null, List.of(), null);
            default:
                return full;
        }
    }

    public static ContactCard card(ContactCard full, AccessLevel level) {
        switch (level) {
            case BLOCKED:
                return ContactCard.of(full.uri(), full.displayName());
            case PUBLIC:
                return new ContactCard(full.uri(), full.displayName(), full.title(), full.company(), full.department(),
                        full.email(), null, null, null);
            case COMPANY:
                return new ContactCard(full.uri(), full.displayName(), full.title(), full.company(), full.department(),
                        full.email(), full.workPhone(), null, null);
            case TEAM:
                return new ContactCard(full.uri(), full.displayName(), full.title(), full.company(), full.department(),
                        full.email(), full.workPhone(), full.mobilePhone(), null);
            default:
                return full;
        }
    }

    /**
     * Only Team may interrupt Do Not Disturb: the level a user gives the people they work with. Personal (family and
     * friends) sees more of the card, but is held like everyone else while the user is not to be disturbed.
     */
    public static boolean mayInterruptDnd(AccessLevel level) {
        return level == AccessLevel.TEAM;
    }

    /** The state shown to watchers who may see availability only. */
    public static PresenceState plainState(Availability a) {
        switch (a) {
            case AVAILABLE:
                return PresenceState.AVAILABLE;
            case BUSY:
                return PresenceState.BUSY;
            case DO_NOT_DISTURB:
                return PresenceState.DO_NOT_DISTURB;
            case AWAY:
                return PresenceState.AWAY;
            case OFFLINE:
                return PresenceState.OFFLINE;
            default:
                return PresenceState.UNKNOWN;
        }
    }
}
