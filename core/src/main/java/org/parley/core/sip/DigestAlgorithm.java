package org.parley.core.sip;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * The HTTP digest algorithms SIP uses (RFC 3261 §22, RFC 8760): SHA-256 preferred, MD5 for older peers.
 * Holds the digest arithmetic shared by the server (verifying) and the client (answering challenges).
 */
public enum DigestAlgorithm {
    SHA_256("SHA-256", "SHA-256"),
    MD5("MD5", "MD5");

    private final String sipName;
    private final String jcaName;

    DigestAlgorithm(String sipName, String jcaName) {
        this.sipName = sipName;
        this.jcaName = jcaName;
    }

    /** The token used in the {@code algorithm=} parameter. */
    public String sipName() {
        return sipName;
    }

    /** Parses an {@code algorithm=} value; absent means MD5 (RFC 3261). */
    public static Optional<DigestAlgorithm> fromSipName(String name) {
        if (name == null || name.isEmpty()) {
            return Optional.of(MD5);
        }
        String upper = name.toUpperCase(Locale.ROOT);
        for (DigestAlgorithm a : values()) {
            if (a.sipName.equals(upper)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    public String hash(String text) {
        try {
            MessageDigest md = MessageDigest.getInstance(jcaName);
            return HexFormat.of().formatHex(md.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(jcaName + " is missing from this JVM", e);
        }
    }

    /** HA1 = H(username ":" realm ":" password): what the server stores instead of the password. */
    public String ha1(String username, String realm, String password) {
        return hash(username + ":" + realm + ":" + password);
    }

    /**
     * The request-digest (RFC 2617 §3.2.2.1) for qop=auth, or for no qop when {@code qop} is null.
     */
    public String response(String ha1, String method, String uri, String nonce, String nc, String cnonce, String qop) {
        String ha2 = hash(method + ":" + uri);
        if (qop == null || qop.isEmpty()) {
            return hash(ha1 + ":" + nonce + ":" + ha2);
        }
        return hash(ha1 + ":" + nonce + ":" + nc + ":" + cnonce + ":" + qop + ":" + ha2);
    }
}
