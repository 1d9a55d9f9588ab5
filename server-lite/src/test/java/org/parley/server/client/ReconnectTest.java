package org.parley.server.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.parley.core.client.ClientConfig.Transport;
import org.parley.core.client.UcClient.ConnectionState;
import org.parley.core.error.ErrorCode;
import org.parley.core.model.InstantMessage.Delivery;
import org.parley.server.testsupport.TestServerExtension;

class ReconnectTest {
    @RegisterExtension
    final TestServerExtension parley = TestServerExtension.withUsers("alice", "bob");
    @RegisterExtension
    final Clients clients = new Clients();

    @ParameterizedTest
    @EnumSource(Transport.class)
    void afterTheServerRestartsOnTheSamePortTheClientReconnectsAndIsReachableAgain(Transport transport) throws Exception {
        var alice = clients.signedIn(parley.server(), transport, "alice");
        List<ConnectionState> states = new CopyOnWriteArrayList<>();
        List<ErrorCode> errors = new CopyOnWriteArrayList<>();
        alice.addConnectionListener((s, e) -> {
            states.add(s);
            if (e != null) {
                errors.add(e.code());
            }
        });
        int sip = parley.server().sipPort();
        int tls = parley.server().tlsPort();
        parley.server().close();
        waitFor(() -> alice.connectionState() == ConnectionState.RECONNECTING, 10_000);
        assertThat(errors).first().isEqualTo(ErrorCode.NETWORK_FAILURE);
        Thread.sleep(1500); // a few failed attempts while the server is away
        parley.restart(c -> c.withPorts(sip, tls));
        waitFor(() -> alice.connectionState() == ConnectionState.SIGNED_IN, 15_000);
        assertThat(states).containsSubsequence(ConnectionState.RECONNECTING, ConnectionState.SIGNED_IN);

        var bob = clients.signedIn(parley.server(), Transport.UDP, "bob");
        var sent = bob.messaging().send("alice", "text/plain", "are you back?").get(10, TimeUnit.SECONDS);
        assertThat(sent.delivery()).as("alice's new registration routes the message to her").isEqualTo(Delivery.DELIVERED);
    }

    static void waitFor(java.util.function.BooleanSupplier condition, long millis) throws InterruptedException {
        long end = System.currentTimeMillis() + millis;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > end) {
                throw new AssertionError("condition not met within " + millis + " ms");
            }
            Thread.sleep(50);
        }
    }
}
