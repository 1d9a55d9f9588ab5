package org.parley.core.client;

import org.parley.core.sip.DigestAlgorithm;

/**
 * What a client signs in with: the password as typed, or the digest hashes kept by "remember me" so no password is
 * ever written to disk (decision 0006).
 */
public sealed interface Credentials permits Credentials.Password, Credentials.Hashed {

    static Password password(char[] password) {
        return new Password(password.clone());
    }

    /**
     * The MD5 and SHA-256 HA1 hashes of {@code username:realm:password} (the realm is the SIP domain the server
     * challenges with), for "remember me". The password array is left as it is (the caller wipes it).
     */
    static Hashed hash(String username, String realm, char[] password) {
        String pw = new String(password);
        return new Hashed(username, realm, DigestAlgorithm.MD5.ha1(username, realm, pw),
                DigestAlgorithm.SHA_256.ha1(username, realm, pw));
    }

    /** The password as typed; cleared by the client once used. */
    record Password(char[] chars) implements Credentials {
    }

    /**
     * HA1 values (RFC 7616 §3.4.2) of {@code username:realm:password} for MD5 and SHA-256, in lower-case hex. Good for
     * this realm only; stored with owner-only permissions.
     */
    record Hashed(String username, String realm, String md5, String sha256) implements Credentials {
        @Override
        public String toString() {
            return "Hashed[username=" + username + ", realm=" + realm + "]";
        }
    }
}
