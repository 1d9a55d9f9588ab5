package org.parley.core.sip;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import org.parley.core.error.ErrorCode;
import org.parley.core.error.ParleyException;

/**
 * Trust on first use: the SHA-256 fingerprint of each server's certificate, per {@code host:port}, kept in
 * {@code pinned-servers.properties} in the client's data directory. The first certificate seen is pinned; a
 * different one later is a mismatch (the caller refuses it).
 */
public final class PinStore {
    public static final String FILE_NAME = "pinned-servers.properties";

    private final Path file;

    public PinStore(Path dataDir) {
        this.file = dataDir.resolve(FILE_NAME);
    }

    public static String key(String host, int port) {
        return host.toLowerCase(Locale.ROOT) + ":" + port;
    }

    public static String fingerprint(X509Certificate cert) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(cert.getEncoded()));
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException("cannot fingerprint a certificate", e);
        }
    }

    public synchronized Optional<String> pinned(String key) {
        return Optional.ofNullable(load().getProperty(key));
    }

    /** Outcome of checking a presented certificate. */
    public enum Verdict { PINNED_NOW, MATCHES, MISMATCH }

    /** Pins {@code fingerprint} for {@code key} if nothing is pinned yet, else compares. */
    public synchronized Verdict check(String key, String fingerprint) {
        Properties p = load();
        String pinned = p.getProperty(key);
        if (pinned == null) {
            p.setProperty(key, fingerprint);
            save(p);
            return Verdict.PINNED_NOW;
        }
        return pinned.equalsIgnoreCase(fingerprint) ? Verdict.MATCHES : Verdict.MISMATCH;
    }

    /** Forgets a pin (the user accepted a new server certificate). */
    public synchronized void forget(String key) {
        Properties p = load();
        if (p.remove(key) != null) {
            save(p);
        }
    }

    private Properties load() {
        Properties p = new Properties();
        if (Files.exists(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                p.load(in);
            } catch (IOException e) {
                throw new ParleyException(ErrorCode.STORAGE_FAILURE, "cannot read " + file + ": " + e.getMessage(), e);
            }
        }
        return p;
    }

    private void save(Properties p) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(FILE_NAME + ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                p.store(out, "SHA-256 fingerprints of server certificates, pinned at first use");
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new ParleyException(ErrorCode.STORAGE_FAILURE, "cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
