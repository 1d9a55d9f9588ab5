package org.parley.client.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.parley.client.shell.ClientFactory;
import org.parley.core.client.ClientConfig;
import org.parley.core.client.ClientConfig.Transport;
import org.parley.core.client.sip.ClientTuning;
import org.parley.core.client.sip.SipUcClient;
import org.parley.server.ParleyServer;
import org.parley.server.testsupport.TestServer;
import org.parley.ui.UiExecutor;

/**
 * Core clients for screen tests against a TestServerExtension server: the app's factory (events on the JavaFX thread
 * through the one UiExecutor, short test timings) and plain signed-in "other parties" (events on a test thread). All
 * closed after each test. Register after the server extension.
 */
public final class Parties implements AfterEachCallback {
    public static final ClientTuning FAST = ClientTuning.defaults()
            .withRequestTimeout(Duration.ofSeconds(3))
            .withKeepAlive(Duration.ofSeconds(1))
            .withBackoff(Duration.ofMillis(250), Duration.ofSeconds(2))
            .withExpires(Duration.ofSeconds(60), Duration.ofSeconds(60), Duration.ofSeconds(60));

    private final List<SipUcClient> open = new ArrayList<>();
    private final List<Path> dirs = new ArrayList<>();
    private final ExecutorService events = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "test-party-events");
        t.setDaemon(true);
        return t;
    });

    /** What the app uses to create its client, with test timings; the clients are closed after the test. */
    public ClientFactory appFactory() {
        return cfg -> {
            SipUcClient c = SipUcClient.create(cfg, new UiExecutor(), FAST, Clock.systemUTC());
            synchronized (open) {
                open.add(c);
            }
            return c;
        };
    }

    public Path newDir() throws IOException {
        Path d = Files.createTempDirectory("parley-ui-test-");
        dirs.add(d);
        return d;
    }

    /** Another person, signed in over TCP with a plain core client. */
    public SipUcClient signedIn(ParleyServer server, String user) throws Exception {
        ClientConfig cfg = ClientConfig.of("127.0.0.1", server.sipPort(), Transport.TCP, user, TestServer.DOMAIN, newDir());
        SipUcClient c = SipUcClient.create(cfg, events, FAST, Clock.systemUTC());
        synchronized (open) {
            open.add(c);
        }
        c.signIn(TestServer.password(user).toCharArray()).get(10, TimeUnit.SECONDS);
        return c;
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        List<SipUcClient> all;
        synchronized (open) {
            all = List.copyOf(open);
            open.clear();
        }
        all.parallelStream().forEach(c -> {
            try {
                c.close();
            } catch (RuntimeException e) {
                // already closed by the app
            }
        });
        events.shutdownNow();
        for (Path d : dirs) {
            try (Stream<Path> files = Files.walk(d)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
