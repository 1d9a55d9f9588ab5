package org.parley.client.signin;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.parley.client.settings.SettingsStore;
import org.parley.core.client.Credentials;
import org.parley.core.error.ParleyException;
import org.parley.core.store.CredentialStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "Remember my password" (decision 0006): the digest hashes of one account, never the password, kept owner-only in
 * {@code signin.json} of the account's data directory through the core's {@link CredentialStore}.
 */
public final class RememberedSignIn {
    private static final Logger LOG = LoggerFactory.getLogger(RememberedSignIn.class);
    static final String FILE = "signin.json";

    private final SettingsStore settings;

    public RememberedSignIn(SettingsStore settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    private CredentialStore store(String user, String domain) {
        Path dir = settings.accountDir(user, domain);
        return new CredentialStore(dir.resolve(FILE));
    }

    /** The hashes kept for {@code user@domain}, if any (and made for that realm). */
    public Optional<Credentials.Hashed> load(String user, String domain) {
        try {
            return store(user, domain).load().filter(h -> h.username().equalsIgnoreCase(user)
                    && h.realm().equalsIgnoreCase(domain));
        } catch (ParleyException e) {
            LOG.warn("cannot read the remembered sign-in of {}@{}: {}", user, domain, e.getMessage());
            return Optional.empty();
        }
    }

    /** Keeps the hashes of this password (the caller wipes the array). */
    public void save(String user, String domain, char[] password) {
        try {
            store(user, domain).save(Credentials.hash(user, domain, password));
        } catch (ParleyException | IllegalArgumentException e) {
            LOG.warn("cannot remember the sign-in of {}@{}: {}", user, domain, e.getMessage());
        }
    }

    public void forget(String user, String domain) {
        try {
            store(user, domain).delete();
        } catch (ParleyException e) {
            LOG.warn("{}", e.getMessage());
        }
    }
}
