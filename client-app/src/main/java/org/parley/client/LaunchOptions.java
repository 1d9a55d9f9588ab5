package org.parley.client;

import java.nio.file.Path;

/**
 * What the command line ({@code ./parley client ...}) tells the Communicator at start. Every field but
 * {@code dataRoot} may be null/absent: the sign-in screen then shows what the settings remember.
 *
 * @param dataRoot  the client's root directory (settings, per-account data); default {@code ~/.parley/client}
 * @param server    server host to pre-fill
 * @param port      server port (null: the transport's default)
 * @param transport UDP, TCP or TLS
 * @param address   sign-in address {@code user@domain}
 * @param password  read from stdin with {@code --password-stdin}: sign in at once with it (used by {@code ./parley demo})
 */
public record LaunchOptions(Path dataRoot, String server, Integer port, String transport, String address,
                            char[] password) {

    public static LaunchOptions defaults() {
        return new LaunchOptions(Path.of(System.getProperty("user.home"), ".parley", "client"), null, null, null, null,
                null);
    }

    /** True when the command line asks to sign in at once. */
    public boolean signInNow() {
        return password != null && address != null;
    }
}
