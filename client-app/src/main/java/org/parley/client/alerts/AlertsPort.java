package org.parley.client.alerts;

import org.parley.core.model.AccessLevel;
import org.parley.core.model.PresenceInfo;

/** What the alerts need to know about the signed-in user and their contacts (tests give their own). */
public interface AlertsPort {
    String self();

    /** What the user publishes now (Do Not Disturb, In a meeting...). */
    PresenceInfo own();

    /** The access level a contact effectively has, or null when they are not in the contact list. */
    AccessLevel levelOf(String uri);

    String name(String uri);

    /** Job title from the contact card, or null. */
    String title(String uri);


    boolean soundsEnabled();
}
