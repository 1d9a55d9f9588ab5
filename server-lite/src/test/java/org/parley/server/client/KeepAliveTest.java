package org.parley.server.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.parley.core.client.ClientConfig.Transport;
import org.parley.core.client.UcClient;
import org.parley.core.client.sip.SipUcClient;
import org.parley.server.testsupport.TestServerExtension;

/** Keep-alives to a server that is there keep the client signed in, on every transport. */
class KeepAliveTest {
    @RegisterExtension
    final TestServerExtension parley = TestServerExtension.withUsers("alice");
    @RegisterExtension
    final Clients clients = new Clients();

    @ParameterizedTest
    @EnumSource(Transport.class)
    void keepAlivesAnsweredByTheServerKeepTheClientSignedIn(Transport transport) throws Exception {
        SipUcClient alice = clients.signedIn(parley.server(), transport, "alice");
        List<UcClient.ConnectionState> states = new CopyOnWriteArrayList<>();
        alice.addConnectionListener((state, error) -> states.add(state));
        Thread.sleep(6500); // six keep-alives at the test tuning's 1 s, longer than its 3 s request timeout
        assertThat(states).as("connection changes while the server was up").isEmpty();
        assertThat(alice.connectionState()).isEqualTo(UcClient.ConnectionState.SIGNED_IN);
    }
}
