package org.parley.attendant.signin;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The attendant's local sign-in settings ({@code signin.properties} in the data folder): the server, port, transport
 * and sign-in address last used. Never the password.
 */
public final class SignInSettings {
    private static final Logger LOG = LoggerFactory.getLogger(SignInSettings.class);
    static final String FILE = "signin.properties";

    /** What was remembered; empty strings when nothing was. */
    public record Remembered(String address, String server, String port, String transport) {
        public static final Remembered NONE = new Remembered("", "", "", "");
    }

    private final Path file;

    public SignInSettings(Path dataRoot) {
        this.file = Objects.requireNonNull(dataRoot, "dataRoot").resolve(FILE);
    }

    public Remembered load() {
        if (!Files.isRegularFile(file)) {
            return Remembered.NONE;
        }
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
        } catch (IOException | IllegalArgumentException e) {
            LOG.warn("cannot read {}: {}", file, e.toString());
            return Remembered.NONE;
        }
        return new Remembered(p.getProperty("address", ""), p.getProperty("server", ""), p.getProperty("port", ""),
                p.getProperty("transport", ""));
    }

    /** Saves {@code r} (written to a temporary file, then moved over the old one); a failure is logged, not thrown. */
    public void save(Remembered r) {
        Properties p = new Properties();
        p.setProperty("address", r.address());
        p.setProperty("server", r.server());
        p.setProperty("port", r.port());
        p.setProperty("transport", r.transport());
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(FILE + ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                p.store(out, "Parley Attendant sign-in (no password)");
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.warn("signed in, but cannot save {}: {}", file, e.toString());
        }
    }
}
