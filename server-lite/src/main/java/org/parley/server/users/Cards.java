package org.parley.server.users;

import java.util.Optional;
import org.parley.core.model.ContactCard;
import org.parley.server.policy.Aors;

/** Unfiltered contact cards of local users (filter with {@code Visibility.card} before anything leaves). */
public final class Cards {
    private final UserRepository users;
    private final String domain;
    private final String organization;

    /** @param organization the company name shown on every local user's card (server setting, default the domain) */
    public Cards(UserRepository users, String domain, String organization) {
        this.users = users;
        this.domain = domain;
        this.organization = organization;
    }

    public Optional<ContactCard> of(String username) {
        return users.find(username).map(this::of);
    }

    public ContactCard of(UserProfile p) {
        return new ContactCard(Aors.of(p.username(), domain), p.displayName(), p.title(), organization, p.department(),
                p.email(), p.workPhone(), p.mobilePhone(), p.homePhone());
    }
}
