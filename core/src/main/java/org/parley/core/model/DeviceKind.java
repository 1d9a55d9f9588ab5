package org.parley.core.model;

import java.util.Locale;

/** The kind of endpoint a user is signed in on, shown as a device indication. */
public enum DeviceKind {
    DESKTOP, MOBILE, PHONE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static DeviceKind fromWire(String name) {
        for (DeviceKind k : values()) {
            if (k.wireName().equalsIgnoreCase(name)) {
                return k;
            }
        }
        return DESKTOP;
    }
}
