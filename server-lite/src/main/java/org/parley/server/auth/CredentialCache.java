package org.parley.server.auth;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.parley.server.users.UserCredentials;
import org.parley.server.users.UserRepository;

/**
 * Credentials by user name, cached so that authentication does not query the store on every request.
 * {@link #invalidateAll()} is called when the store changes (another process, e.g. {@code parley admin},
 * may add or remove users while the server runs; see {@code StoreChangeWatcher}).
 */
public final class CredentialCache {
    private static final int MAX_ENTRIES = 50_000;

    private final UserRepository users;
    private final ConcurrentMap<String, Optional<UserCredentials>> cache = new ConcurrentHashMap<>();

    public CredentialCache(UserRepository users) {
        this.users = users;
    }

    public Optional<UserCredentials> find(String username) {
        Optional<UserCredentials> hit = cache.get(username);
        if (hit != null) {
            return hit;
        }
        Optional<UserCredentials> loaded = users.credentials(username);
        if (cache.size() >= MAX_ENTRIES) {
            cache.clear();
        }
        cache.put(username, loaded);
        return loaded;
    }

    public void invalidateAll() {
        cache.clear();
    }
}
