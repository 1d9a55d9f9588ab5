package org.parley.server.policy;

import java.util.List;

/** What other services need to know of contact lists: who is on a list, and when a list or its levels change. */
public interface ContactListEvents {
    /** The URIs (normalized AORs) of the owner's contacts that have presence (users), in list order. */
    List<String> presenceUris(String owner);

    void addListener(Listener listener);

    interface Listener {
        /** The owner's list changed (contacts, groups or access levels): re-evaluate lists and what watchers see. */
        void onContactListChanged(String owner);
    }
}
