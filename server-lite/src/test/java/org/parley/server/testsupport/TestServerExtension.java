package org.parley.server.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.parley.server.ParleyServer;
import org.parley.server.ServerConfig;

/**
 * A real server-lite per test ({@link TestServer#config} in a fresh temporary data directory) with the given users
 * (password {@code "pw-" + name}); closed and deleted after the test.
 * Use as {@code @RegisterExtension final TestServerExtension parley = TestServerExtension.withUsers("alice");}.
 */
public final class TestServerExtension implements BeforeEachCallback, AfterEachCallback {
    private final List<String> users;
    private Path data;
    private ParleyServer server;

    private TestServerExtension(List<String> users) {
        this.users = users;
    }

    public static TestServerExtension withUsers(String... users) {
        return new TestServerExtension(List.of(users));
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        data = Files.createTempDirectory("parley-test-");
        server = TestServer.start(data);
        users.forEach(u -> TestServer.addUser(server, u));
    }

    public ParleyServer server() {
        return server;
    }

    public Path dataDir() {
        return data;
    }

    /** Stops the server and starts it again on the same store with a changed configuration (new ports). */
    public ParleyServer restart(UnaryOperator<ServerConfig> change) {
        server.close();
        server = TestServer.start(change.apply(TestServer.config(data)));
        return server;
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
