package org.parley.server.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.parley.core.client.CallOptions;
import org.parley.core.client.ClientConfig.Transport;
import org.parley.core.client.TelephonyService.Call;
import org.parley.core.client.TelephonyService.Direction;
import org.parley.core.client.TelephonyService.State;
import org.parley.core.client.UcClient;
import org.parley.server.client.CallTest.Calls;
import org.parley.server.reception.ReceptionStore;
import org.parley.server.store.Database;
import org.parley.server.store.SqliteDialect;
import org.parley.server.testsupport.TestServer;
import org.parley.server.testsupport.TestServerExtension;

/** A core client attending the reception line reads the line's repeat-caller mark (Referred-By ;repeat=N). */
class ReceptionRepeatMarkTest {
    @RegisterExtension
    final TestServerExtension parley = TestServerExtension.withUsers("alice", "bob");
    @RegisterExtension
    final Clients clients = new Clients();

    private void configure(List<String> attendants, String... nameValues) {
        try (Database db = Database.open(parley.dataDir(), new SqliteDialect())) {
            ReceptionStore store = new ReceptionStore(db);
            for (int i = 0; i < nameValues.length; i += 2) {
                store.set(nameValues[i], nameValues[i + 1]);
            }
            store.setAttendants(attendants);
        }
    }

    @Test
    void secondCallFromTheSameCallerReachesTheAttendantWithRepeatCountTwo() throws Exception {
        configure(List.of(), "repeat-minutes", "60");
        UcClient bob = clients.signedIn(parley.server(), Transport.TCP, "bob");
        Calls b = new Calls(bob);
        Call first = b.await(bob.telephony().call("reception", CallOptions.NONE).id(), State.CONNECTED);
        bob.telephony().hangup(first.id()).get(30, TimeUnit.SECONDS);
        b.await(first.id(), State.ENDED);
        b.await(bob.telephony().call("reception", CallOptions.NONE).id(), State.CONNECTED);

        UcClient alice = clients.signedIn(parley.server(), Transport.TCP, "alice");
        Calls a = new Calls(alice);
        configure(List.of("alice"));
        Call in = a.await(c -> c.direction() == Direction.INCOMING && c.state() == State.INCOMING
                && c.peer().contains("bob"));
        assertThat(in.referredBy()).isEqualTo("sip:reception@" + TestServer.DOMAIN);
        assertThat(in.referredRepeat()).as("bob's second call within the window").isEqualTo(2);
    }
}
