package org.parley.core.model;

import java.util.Locale;
import org.parley.core.error.ErrorCode;
import org.parley.core.error.ParleyException;

/**
 * What a watcher may see of a user, chosen by that user per contact or per group (the server enforces it).
 * Ordered from least to most trusted. The field-by-field rules live in {@link Visibility}.
 */
public enum AccessLevel {
    /** Always sees Offline; calls and IMs from them are refused as if the user were offline. */
    BLOCKED,
    /** Name, title, company, e-mail and limited availability (no note, location or activity detail). */
    PUBLIC,
    /** Public + work phone, the presence state and the note. Default for users of the same domain. */
    COMPANY,
    /** Company + mobile phone, full availability detail (location, devices, idle time); may interrupt DND. */
    TEAM,
    /** Everything, including the home phone. */
    PERSONAL;

    /** The level a same-domain watcher gets when the owner chose none. */
    public static final AccessLevel DEFAULT_SAME_DOMAIN = COMPANY;
    /** The level any other watcher gets when the owner chose none. */
    public static final AccessLevel DEFAULT_OTHER_DOMAIN = PUBLIC;

    /** Wire and command-line name: lower case ("team"). */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static AccessLevel fromWire(String name) {
        if (name != null) {
            for (AccessLevel l : values()) {
                if (l.wireName().equalsIgnoreCase(name.trim())) {
                    return l;
                }
            }
        }
        throw new ParleyException(ErrorCode.INVALID_ARGUMENT,
                "unknown access level '" + name + "': use blocked, public, company, team or personal");
    }

    public boolean atLeast(AccessLevel other) {
        return compareTo(other) >= 0;
    }
}
