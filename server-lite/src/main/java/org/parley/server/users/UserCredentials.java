package org.parley.server.users;

import org.parley.core.sip.DigestAlgorithm;

/** What the server keeps to check a password: the digest HA1 per algorithm for one realm. */
public record UserCredentials(String username, String realm, String ha1Md5, String ha1Sha256) {

    public static UserCredentials fromPassword(String username, String realm, String password) {
        return new UserCredentials(username, realm,
                DigestAlgorithm.MD5.ha1(username, realm, password),
                DigestAlgorithm.SHA_256.ha1(username, realm, password));
    }

    public String ha1(DigestAlgorithm algorithm) {
        return algorithm == DigestAlgorithm.MD5 ? ha1Md5 : ha1Sha256;
    }
}
