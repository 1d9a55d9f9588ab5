package org.parley.server.transport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.parley.core.error.ErrorCode;
import org.parley.core.error.ParleyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's TLS key and certificate: a PKCS#12 key store in {@code DATA/tls/}. Generated at first start
 * (self-signed, RSA 2048 for the widest phone support, ten years, SubjectAltName = the domain and the advertised host) unless present.
 * Clients pin it on first use (see the client's trust decision).
 */
public final class TlsMaterial {
    private static final Logger LOG = LoggerFactory.getLogger(TlsMaterial.class);
    private static final String ALIAS = "parley-server";

    private final Path keyStore;
    private final String password;

    private TlsMaterial(Path keyStore, String password) {
        this.keyStore = keyStore;
        this.password = password;
    }

    public Path keyStore() {
        return keyStore;
    }

    public String password() {
        return password;
    }

    /** Loads the key store in {@code dataDir/tls}, generating it first if it does not exist. */
    public static TlsMaterial loadOrCreate(Path dataDir, String domain, String host) {
        Path dir = dataDir.resolve("tls");
        Path store = dir.resolve("server.p12");
        Path pass = dir.resolve("server.p12.pass");
        try {
            if (Files.exists(store) && Files.exists(pass)) {
                return new TlsMaterial(store, Files.readString(pass, StandardCharsets.UTF_8).trim());
            }
            Files.createDirectories(dir);
            restrict(dir, "rwx------");
            byte[] secret = new byte[18];
            new SecureRandom().nextBytes(secret);
            String password = HexFormat.of().formatHex(secret);
            Files.writeString(pass, password, StandardCharsets.UTF_8);
            restrict(pass, "rw-------");
            KeyStore ks = selfSigned(domain, host, password.toCharArray());
            try (OutputStream out = Files.newOutputStream(store)) {
                ks.store(out, password.toCharArray());
            }
            restrict(store, "rw-------");
            LOG.info("generated a self-signed TLS certificate for {} in {}", domain, store);
            return new TlsMaterial(store, password);
        } catch (IOException | GeneralSecurityException | org.bouncycastle.operator.OperatorCreationException e) {
            throw new ParleyException(ErrorCode.CONFIGURATION, "cannot prepare TLS material in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** The certificate, for tests and for clients that pin it. */
    public X509Certificate certificate() {
        try (InputStream in = Files.newInputStream(keyStore)) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, password.toCharArray());
            return (X509Certificate) ks.getCertificate(ALIAS);
        } catch (IOException | GeneralSecurityException e) {
            throw new ParleyException(ErrorCode.CONFIGURATION, "cannot read " + keyStore + ": " + e.getMessage(), e);
        }
    }

    private static KeyStore selfSigned(String domain, String host, char[] password)
            throws GeneralSecurityException, IOException, org.bouncycastle.operator.OperatorCreationException {
        KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
        gen.initialize(2048);
        KeyPair pair = gen.generateKeyPair();
        X500Name name = new X500Name("CN=" + domain + ", O=Parley server-lite");
        Instant now = Instant.now();
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name,
                new BigInteger(64, new SecureRandom()), Date.from(now.minus(Duration.ofDays(1))),
                Date.from(now.plus(Duration.ofDays(3650))), name, pair.getPublic());
        GeneralName[] alt = host == null || host.equals(domain)
                ? new GeneralName[] {new GeneralName(GeneralName.dNSName, domain)}
                : new GeneralName[] {new GeneralName(GeneralName.dNSName, domain), altName(host)};
        builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(alt));
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        X509Certificate cert = new JcaX509CertificateConverter()
                .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())));
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry(ALIAS, pair.getPrivate(), password, new java.security.cert.Certificate[] {cert});
        return ks;
    }

    private static GeneralName altName(String host) {
        boolean ip = host.chars().allMatch(ch -> Character.isDigit(ch) || ch == '.') || host.contains(":");
        return new GeneralName(ip ? GeneralName.iPAddress : GeneralName.dNSName, host);
    }

    private static void restrict(Path p, String perms) throws IOException {
        try {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(perms));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the data directory's ACL applies
        }
    }
}
