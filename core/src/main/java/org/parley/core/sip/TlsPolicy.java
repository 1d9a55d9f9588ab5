package org.parley.core.sip;

/**
 * The TLS versions and cipher suites Parley's SIP stacks (server and client) allow: TLS 1.3 and 1.2 with forward-secret
 * AEAD suites only (JAIN-SIP's defaults include obsolete RSA-key-exchange and anonymous suites).
 */
public final class TlsPolicy {
    private TlsPolicy() {
    }

    /** Value for {@code gov.nist.javax.sip.TLS_CLIENT_PROTOCOLS}. */
    public static final String PROTOCOLS = "TLSv1.3,TLSv1.2";

    /** Value for {@code gov.nist.javax.sip.ENABLED_CIPHER_SUITES}. */
    public static final String CIPHER_SUITES = String.join(" ",
            "TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256", "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", "TLS_DHE_RSA_WITH_AES_128_GCM_SHA256",
            "TLS_DHE_RSA_WITH_AES_256_GCM_SHA384");
}
