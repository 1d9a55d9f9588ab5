package org.parley.server.policy;

import org.parley.core.model.AccessLevel;

/**
 * The access level an owner grants a watcher: the contact's own level, else the highest level of the
 * owner's groups that contain the watcher, else the default (Company for the same domain,
 * Public otherwise). Implemented by the contact-list service; used by presence, IM and the directory.
 */
public interface AccessPolicy {
    /**
     * @param owner      user name of the owner (local user)
     * @param watcherAor normalized AOR of the watcher, e.g. {@code sip:bob@parley.local} (see {@link Aors})
     */
    AccessLevel levelFor(String owner, String watcherAor);
}
