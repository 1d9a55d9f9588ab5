package org.parley.server.im;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.parley.core.model.AccessLevel;
import org.parley.server.policy.AccessPolicy;

/**
 * Test stand-in for the contact lists' access levels (the real AccessPolicy comes from the contacts service):
 * levels set by the test, Company otherwise.
 */
final class InMemoryAccessPolicy implements AccessPolicy {
    private final Map<String, AccessLevel> levels = new ConcurrentHashMap<>();

    /** {@code owner} grants {@code watcherAor} the level. */
    void set(String owner, String watcherAor, AccessLevel level) {
        levels.put(owner + " " + watcherAor, level);
    }

    @Override
    public AccessLevel levelFor(String owner, String watcherAor) {
        return levels.getOrDefault(owner + " " + watcherAor, AccessLevel.COMPANY);
    }
}
