package org.parley.core.msrp;

import java.math.BigInteger;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Date;
import java.util.HexFormat;
import java.util.Locale;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.parley.core.sip.TlsPolicy;

/**
 * This client's self-signed certificate for MSRP over TLS, and TLS contexts that trust exactly one peer certificate:
 * the one whose SHA-256 fingerprint came in the peer's SDP ({@code a=fingerprint}, RFC 4572/8122). The SDP came over
 * the authenticated signalling, so a matching fingerprint is what authenticates the peer.
 */
public final class TlsIdentity {
    private static final char[] KEY_PASSWORD = "msrp".toCharArray();
    private final KeyPair keys;
    private final X509Certificate certificate;
    private final String fingerprint;

    private TlsIdentity(KeyPair keys, X509Certificate certificate) {
        this.keys = keys;
        this.certificate = certificate;
        this.fingerprint = fingerprintOf(certificate);
    }

    /** A fresh EC P-256 key and a self-signed certificate valid for a day around now. */
    public static TlsIdentity generate(String commonName) {
        try {
            KeyPairGenerator gen = KeyPairGenerator.getInstance("EC");
            gen.initialize(256);
            KeyPair pair = gen.generateKeyPair();
            X500Name name = new X500Name("CN=" + commonName.replaceAll("[^A-Za-z0-9._@-]", "_"));
            long now = System.currentTimeMillis();
            var builder = new JcaX509v3CertificateBuilder(name, new BigInteger(64, new SecureRandom()),
                    new Date(now - 3_600_000L), new Date(now + 86_400_000L), name, pair.getPublic());
            X509Certificate cert = new JcaX509CertificateConverter()
                    .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
            return new TlsIdentity(pair, cert);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("cannot make a certificate for MSRP over TLS: " + e.getMessage(), e);
        }
    }

    /** The SDP value of this certificate's fingerprint: {@code SHA-256 AB:CD:...}. */
    public String fingerprint() {
        return fingerprint;
    }

    public static String fingerprintOf(X509Certificate cert) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(cert.getEncoded());
            return "SHA-256 " + HexFormat.ofDelimiter(":").withUpperCase().formatHex(d);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Same fingerprint, compared without regard to case and spacing. */
    static boolean sameFingerprint(String a, String b) {
        return a != null && b != null && normalize(a).equals(normalize(b));
    }

    private static String normalize(String f) {
        return f.trim().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
    }

    /** A TLS context presenting this identity and trusting only a peer with {@code peerFingerprint}. */
    public SSLContext context(String peerFingerprint) {
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry("msrp", keys.getPrivate(), KEY_PASSWORD, new X509Certificate[] {certificate});
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, KEY_PASSWORD);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf.getKeyManagers(), new TrustManager[] {new FingerprintTrust(peerFingerprint)}, new SecureRandom());
            return ctx;
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("cannot set up TLS for MSRP: " + e.getMessage(), e);
        }
    }

    /** Restricts a socket to the project's TLS versions and suites. */
    static void restrict(SSLSocket socket) {
        SSLParameters p = socket.getSSLParameters();
        p.setProtocols(TlsPolicy.PROTOCOLS.split(","));
        p.setCipherSuites(java.util.Arrays.stream(TlsPolicy.CIPHER_SUITES.split(" "))
                .filter(s -> java.util.Arrays.asList(socket.getSupportedCipherSuites()).contains(s))
                .toArray(String[]::new));
        socket.setSSLParameters(p);
    }

    /** Trusts exactly the certificate with the expected fingerprint, in both directions. */
    private static final class FingerprintTrust extends X509ExtendedTrustManager {
        private final String expected;

        FingerprintTrust(String expected) {
            this.expected = expected;
        }

        private void check(X509Certificate[] chain) throws CertificateException {
            if (chain == null || chain.length == 0) {
                throw new CertificateException("the MSRP peer presented no certificate");
            }
            chain[0].checkValidity();
            String got = fingerprintOf(chain[0]);
            if (!sameFingerprint(got, expected)) {
                throw new CertificateException("the MSRP peer's certificate (" + got
                        + ") does not match the fingerprint in its SDP (" + expected + ")");
            }
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            check(chain);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            check(chain);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
            check(chain);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
            check(chain);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
            check(chain);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
            check(chain);
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
