package org.parley.client.settings;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import org.parley.core.error.ErrorCode;
import org.parley.core.error.ParleyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client's root directory ({@code ~/.parley/client} unless {@code --data} says otherwise): {@code settings.json}
 * there, and one data directory per account under {@code accounts/}. Saving writes a temporary file and renames it,
 * so a crash leaves the old or the new settings, never half of them.
 */
public final class SettingsStore {
    private static final Logger LOG = LoggerFactory.getLogger(SettingsStore.class);
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final Path root;
    private final AtomicReference<ClientSettings> current = new AtomicReference<>();

    public SettingsStore(Path root) {
        this.root = Objects.requireNonNull(root, "root");
    }

    public Path root() {
        return root;
    }

    /** The settings on disk, or the defaults when there are none or the file cannot be read (logged). */
    public ClientSettings load() {
        ClientSettings s = current.get();
        if (s != null) {
            return s;
        }
        Path file = root.resolve("settings.json");
        s = ClientSettings.defaults();
        if (Files.exists(file)) {
            try {
                s = JSON.readValue(file.toFile(), ClientSettings.class);
            } catch (IOException e) {
                LOG.warn("ignoring unreadable settings {}: {}", file, e.getMessage());
            }
        }
        current.set(s);
        return s;
    }

    public void save(ClientSettings settings) {
        Objects.requireNonNull(settings, "settings");
        try {
            Files.createDirectories(root);
            Path tmp = root.resolve("settings.json.tmp");
            JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), settings);
            try {
                Files.move(tmp, root.resolve("settings.json"), StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, root.resolve("settings.json"), StandardCopyOption.REPLACE_EXISTING);
            }
            current.set(settings);
        } catch (IOException e) {
            throw new ParleyException(ErrorCode.STORAGE_FAILURE, "cannot save settings in " + root + ": " + e.getMessage(), e);
        }
    }

    /** The data directory of one account ({@code user@domain}), created if needed. */
    public Path accountDir(String username, String domain) {
        String name = (username + "@" + domain).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9@._-]", "_");
        Path dir = root.resolve("accounts").resolve(name);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new ParleyException(ErrorCode.STORAGE_FAILURE, "cannot create " + dir + ": " + e.getMessage(), e);
        }
        return dir;
    }
}
