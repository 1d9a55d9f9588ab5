package org.parley.server.client;

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
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.parley.core.client.ClientConfig;
import org.parley.core.client.ClientConfig.Transport;
import org.parley.core.client.sip.ClientTuning;
import org.parley.core.client.sip.SipUcClient;
import org.parley.server.ParleyServer;
import org.parley.server.testsupport.TestServer;

/**
 * Real {@link SipUcClient}s for tests against a {@link org.parley.server.testsupport.TestServerExtension} server:
 * short timings, one data directory per client, events on one test executor; all closed after each test.
 * Register it after the server extension: {@code @RegisterExtension final Clients clients = new Clients();}.
 */
final class Clients implements AfterEachCallback {
    /** Test timings: answers within 3 s, keep-alive every second, reconnection from 250 ms doubling to 2 s. */
    static final ClientTuning FAST = ClientTuning.defaults()
            .withRequestTimeout(Duration.ofSeconds(3))
            .withKeepAlive(Duration.ofSeconds(1))
            .withBackoff(Duration.ofMillis(250), Duration.ofSeconds(2))
            .withExpires(Duration.ofSeconds(60), Duration.ofSeconds(60), Duration.ofSeconds(60));

    private final List<SipUcClient> open = new ArrayList<>();
    private final List<Path> dirs = new ArrayList<>();
    final ExecutorService events = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "test-client-events");
        t.setDaemon(true);
        return t;
    });

    Path newDataDir() throws IOException {
        Path d = Files.createTempDirectory("parley-client-");
        dirs.add(d);
        return d;
    }

    static ClientConfig config(ParleyServer server, Transport transport, String user, Path dataDir) {
        int port = transport == Transport.TLS ? server.tlsPort() : server.sipPort();
        return ClientConfig.of("127.0.0.1", port, transport, user, TestServer.DOMAIN, dataDir);
    }

    SipUcClient client(ClientConfig config) {
        return client(config, Clock.systemUTC());
    }

    SipUcClient client(ClientConfig config, Clock clock) {
        SipUcClient c = SipUcClient.create(config, events, FAST, clock);
        open.add(c);
        return c;
    }

    SipUcClient client(ParleyServer server, Transport transport, String user) throws IOException {
        return client(config(server, transport, user, newDataDir()));
    }

    /** A client of {@code user} signed in with the right password. */
    SipUcClient signedIn(ParleyServer server, Transport transport, String user) throws Exception {
        SipUcClient c = client(server, transport, user);
        c.signIn(TestServer.password(user).toCharArray()).get(10, java.util.concurrent.TimeUnit.SECONDS);
        return c;
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        for (SipUcClient c : open) {
            c.close();
        }
        events.shutdownNow();
        for (Path d : dirs) {
            try (Stream<Path> files = Files.walk(d)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
