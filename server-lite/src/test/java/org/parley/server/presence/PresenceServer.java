package org.parley.server.presence;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.parley.server.ParleyServer;
import org.parley.server.testsupport.MutableClock;
import org.parley.server.testsupport.SipTestClient;
import org.parley.server.testsupport.TestServer;
import org.parley.server.users.UserCredentials;
import org.parley.server.users.UserProfile;

/**
 * A real server per test with a movable clock and {@link InMemoryContacts} as access policy and contact lists;
 * users alice, bob, carol, dave with full directory profiles (password "pw-" + name).
 */
final class PresenceServer implements BeforeEachCallback, AfterEachCallback {
    final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T09:00:00Z"));
    final InMemoryContacts contacts = new InMemoryContacts(TestServer.DOMAIN);
    private Path data;
    private ParleyServer server;

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        data = Files.createTempDirectory("parley-presence-");
        server = ParleyServer.start(TestServer.config(data), clock, contacts, contacts);
        for (String u : new String[] {"alice", "bob", "carol", "dave"}) {
            String cap = Character.toUpperCase(u.charAt(0)) + u.substring(1);
            server.users().add(new UserProfile(u, cap + " Test", cap + "'s title", "Dept " + cap, u + "@mail.test",
                    "+1 555 01" + u.length() + "0", "+1 555 02" + u.length() + "0", "+1 555 03" + u.length() + "0"),
                    UserCredentials.fromPassword(u, server.domain(), TestServer.password(u)));
        }
    }

    ParleyServer server() {
        return server;
    }

    PresenceClient client(SipTestClient.Transport t, String user) throws IOException {
        return new PresenceClient(new SipTestClient(t, "127.0.0.1", server.sipPort(), user, TestServer.DOMAIN));
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
