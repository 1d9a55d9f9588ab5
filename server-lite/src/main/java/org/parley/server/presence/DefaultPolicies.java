package org.parley.server.presence;

import java.util.List;
import org.parley.core.model.AccessLevel;
import org.parley.server.policy.AccessPolicy;
import org.parley.server.policy.Aors;
import org.parley.server.policy.ContactListEvents;

/**
 * Stand-ins used until contact lists are wired: every watcher gets the default level (Company for the same domain,
 * Public otherwise) and nobody has a contact list.
 */
public final class DefaultPolicies {
    private DefaultPolicies() {
    }

    public static AccessPolicy domainDefaults(String domain) {
        String suffix = "@" + domain.toLowerCase(java.util.Locale.ROOT);
        return (owner, watcherAor) -> Aors.normalize(watcherAor).endsWith(suffix)
                ? AccessLevel.DEFAULT_SAME_DOMAIN : AccessLevel.DEFAULT_OTHER_DOMAIN;
    }

    public static ContactListEvents noLists() {
        return new ContactListEvents() {
            @Override
            public List<String> presenceUris(String owner) {
                return List.of();
            }

            @Override
            public void addListener(Listener listener) {
                // no lists, no changes
            }
        };
    }
}
