package org.parley.client.shell;

import java.nio.file.Path;
import java.util.Objects;
import org.parley.core.client.ClientConfig;
import org.parley.core.client.UcClient;

/**
 * One signed-in (or signing-in) account: the core client and where its local data lives. Created by the sign-in
 * screen, handed to the main window, closed at sign-out. The client delivers every event on the UI executor, so
 * view models that listen to it run on the JavaFX application thread.
 */
public final class Session implements AutoCloseable {
    private final UcClient client;
    private final ClientConfig config;

    public Session(UcClient client, ClientConfig config) {
        this.client = Objects.requireNonNull(client, "client");
        this.config = Objects.requireNonNull(config, "config");
    }

    public UcClient client() {
        return client;
    }

    public ClientConfig config() {
        return config;
    }

    /** The signed-in user's address of record, e.g. {@code sip:alice@parley.local}. */
    public String aor() {
        return config.aor();
    }

    /** The account's local data directory (history, pinned certificates, remembered credential). */
    public Path dataDir() {
        return config.dataDir();
    }

    @Override
    public void close() {
        client.close();
    }
}
