package org.parley.server.im;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.parley.server.ParleyServer;
import org.parley.server.ServerConfig;
import org.parley.server.testsupport.MutableClock;
import org.parley.server.testsupport.SipTestClient;
import org.parley.server.testsupport.TestServer;

/**
 * A real server-lite per test, like TestServerExtension, but on a clock the test moves and with in-memory access
 * levels and presence states the test sets (stand-ins for the contacts and presence services). A 2 s delivery
 * timeout keeps tests with silent devices short.
 */
final class ImServer implements BeforeEachCallback, AfterEachCallback {
    static final Instant START = Instant.parse("2026-11-21T09:00:00Z");

    private final List<String> users;
    private final UnaryOperator<ServerConfig> tweak;
    final MutableClock clock = new MutableClock(START);
    final InMemoryAccessPolicy access = new InMemoryAccessPolicy();
    final InMemoryPresenceStates presence = new InMemoryPresenceStates();
    private Path data;
    private ParleyServer server;

    private ImServer(List<String> users, UnaryOperator<ServerConfig> tweak) {
        this.users = users;
        this.tweak = tweak;
    }

    static ImServer withUsers(String... users) {
        return new ImServer(List.of(users), c -> c);
    }

    ImServer configured(UnaryOperator<ServerConfig> change) {
        return new ImServer(users, change);
    }

    private ServerConfig config() {
        return tweak.apply(TestServer.config(data).withImDeliveryTimeout(Duration.ofSeconds(2)));
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        data = Files.createTempDirectory("parley-im-test-");
        server = ParleyServer.start(config(), clock, new ParleyServer.Overrides(access, null, presence));
        users.forEach(u -> TestServer.addUser(server, u));
    }

    ParleyServer server() {
        return server;
    }

    /** Stops the server and starts it again on the same store (new ports). */
    ParleyServer restart() {
        server.close();
        server = ParleyServer.start(config(), clock, new ParleyServer.Overrides(access, null, presence));
        return server;
    }

    ImClient client(SipTestClient.Transport transport, String user) throws IOException {
        return new ImClient(new SipTestClient(transport, "127.0.0.1", server.sipPort(), user, TestServer.DOMAIN));
    }

    /** A client whose device is registered. */
    ImClient registered(SipTestClient.Transport transport, String user) throws IOException {
        ImClient c = client(transport, user);
        c.register();
        return c;
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        if (server != null) {
            server.close();
        }
        try (Stream<Path> files = Files.walk(data)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
