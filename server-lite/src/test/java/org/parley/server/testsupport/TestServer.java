package org.parley.server.testsupport;

import java.nio.file.Path;
import java.time.Duration;
import org.parley.server.ParleyServer;
import org.parley.server.ServerConfig;
import org.parley.server.users.UserCredentials;
import org.parley.server.users.UserProfile;

/** A real server-lite on 127.0.0.1 free ports with a temporary store, for protocol tests. */
public final class TestServer {
    public static final String DOMAIN = "parley.test";

    private TestServer() {
    }

    public static ServerConfig config(Path dataDir) {
        return ServerConfig.defaults(dataDir).withBind("127.0.0.1").withDomain(DOMAIN)
                .withPorts(FreePorts.udpAndTcp(), FreePorts.tcp());
    }

    public static ParleyServer start(Path dataDir) {
        return ParleyServer.start(config(dataDir));
    }

    public static ParleyServer start(ServerConfig config) {
        return ParleyServer.start(config);
    }

    /** Adds a user whose password is {@code "pw-" + name}. */
    public static void addUser(ParleyServer server, String name) {
        server.users().add(new UserProfile(name, Character.toUpperCase(name.charAt(0)) + name.substring(1) + " Test",
                null, null, null, null, null, null), UserCredentials.fromPassword(name, server.domain(), password(name)));
    }

    public static String password(String name) {
        return "pw-" + name;
    }

    public static Duration shortWait() {
        return Duration.ofSeconds(5);
    }
}
