package org.parley.server.client;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.parley.server.ParleyServer;
import org.parley.server.cdr.CallDetails;
import org.parley.server.cdr.CallRecord;
import org.parley.server.store.Database;
import org.parley.server.store.SqliteDialect;
import org.parley.server.testsupport.FakeVoicemailDesk;
import org.parley.server.testsupport.RawUas;
import org.parley.server.testsupport.TestServer;
import org.parley.server.users.UserCredentials;
import org.parley.server.users.UserProfile;

/**
 * A real server for routing tests with users alice, bob, carol (work phone +1 555 0100) and dave, a stand-in
 * voicemail desk (the voicemail module is built separately) and a number gateway that answers 486. Register it before
 * {@link Clients} so the clients are closed first.
 */
final class RoutingServer implements AfterEachCallback {
    private Path data;
    private ParleyServer server;
    private FakeVoicemailDesk desk;
    private RawUas gateway;

    void start(Set<String> mailboxes) throws IOException {
        data = Files.createTempDirectory("parley-routing-");
        desk = new FakeVoicemailDesk(mailboxes);
        gateway = new RawUas(486);
        server = ParleyServer.start(TestServer.config(data).withGateway("sip:127.0.0.1:" + gateway.port()), Clock.systemUTC(),
                ParleyServer.Overrides.voicemail(desk));
        for (String u : List.of("alice", "bob", "dave")) {
            TestServer.addUser(server, u);
        }
        server.users().add(new UserProfile("carol", "Carol Test", null, null, null, "+1 555 0100", null, null),
                UserCredentials.fromPassword("carol", server.domain(), TestServer.password("carol")));
    }

    ParleyServer server() {
        return server;
    }

    FakeVoicemailDesk desk() {
        return desk;
    }

    RawUas gateway() {
        return gateway;
    }

    /** The one call detail record, once it is written and matches {@code complete} (call records are written behind). */
    CallRecord awaitRecord(Predicate<CallRecord> complete) throws InterruptedException {
        try (Database db = Database.open(data, new SqliteDialect())) {
            long end = System.currentTimeMillis() + 15_000;
            while (true) {
                List<CallRecord> all = CallDetails.list(db, 10);
                if (all.size() == 1 && complete.test(all.get(0))) {
                    return all.get(0);
                }
                if (System.currentTimeMillis() > end) {
                    throw new AssertionError("expected one complete call record within 15 s, found " + all);
                }
                Thread.sleep(50);
            }
        }
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        if (server != null) {
            server.close();
        }
        if (desk != null) {
            desk.close();
        }
        if (gateway != null) {
            gateway.close();
        }
        if (data != null) {
            try (Stream<Path> files = Files.walk(data)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
