package org.parley.core.client;

/**
 * What a client signs in with: the password as typed, or the digest hashes kept by "remember me" so no password is
 * ever written to disk (decision 0006).
 */
public sealed interface Credentials permits Credentials.Password, Credentials.Hashed {

    static Password password(char[] password) {
        return new Password(password.clone());
    }

    /** The password as typed; cleared by the client once used. */
    record Password(char[] chars) implements Credentials {
    }

    /**
     * HA1 values (RFC 7616 §3.4.2) of {@code username:realm:password} for MD5 and SHA-256, in lower-case hex. Good for
     * this realm only; stored with owner-only permissions.
     */
    record Hashed(String username, String realm, String md5, String sha256) implements Credentials {
    }
}
