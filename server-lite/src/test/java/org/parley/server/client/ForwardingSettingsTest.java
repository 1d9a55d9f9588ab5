package org.parley.server.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.parley.core.client.CallForwarding;
import org.parley.core.client.CallForwarding.Mode;
import org.parley.core.client.CallTarget;
import org.parley.core.client.ClientConfig.Transport;
import org.parley.core.error.ErrorCode;
import org.parley.core.error.ParleyException;
import org.parley.server.testsupport.ServiceClient;
import org.parley.server.testsupport.TestServerExtension;

/** Forwarding rules read and written by the user's client over SERVICE, and what the server refuses. */
class ForwardingSettingsTest {
    @RegisterExtension
    final TestServerExtension parley = TestServerExtension.withUsers("alice", "bob", "dave");
    @RegisterExtension
    final Clients clients = new Clients();

    @Test
    void rulesNeverSetAreTheDefaultsAndStoredRulesAreReadBackWithTeamMembersAsAddresses() throws Exception {
        var bob = clients.signedIn(parley.server(), Transport.TLS, "bob");
        assertThat(bob.telephony().forwarding().get(10, TimeUnit.SECONDS)).isEqualTo(CallForwarding.DEFAULT);

        CallForwarding rules = new CallForwarding(Mode.SIMULTANEOUS_RING, CallTarget.NONE, "alice", true,
                List.of("dave", "sip:Dave@parley.test"), 30, CallTarget.user("alice"));
        bob.telephony().setForwarding(rules).get(10, TimeUnit.SECONDS);

        var again = clients.signedIn(parley.server(), Transport.UDP, "bob");
        CallForwarding stored = again.telephony().forwarding().get(10, TimeUnit.SECONDS);
        assertThat(stored.mode()).isEqualTo(Mode.SIMULTANEOUS_RING);
        assertThat(stored.simRingNumber()).isEqualTo("sip:alice@parley.test");
        assertThat(stored.team()).containsExactly("sip:dave@parley.test");
        assertThat(stored.unansweredSeconds()).isEqualTo(30);
        assertThat(stored.unansweredTarget()).isEqualTo(CallTarget.user("sip:alice@parley.test"));
    }

    @Test
    void forwardingToAnUnknownUserIsRefusedAsNotFound() throws Exception {
        var bob = clients.signedIn(parley.server(), Transport.TLS, "bob");
        assertRefused(bob.telephony().setForwarding(forwardAll(CallTarget.user("zed"))), ErrorCode.NOT_FOUND, "no user 'zed'");
    }

    @Test
    void forwardingToYourselfIsRefused() throws Exception {
        var bob = clients.signedIn(parley.server(), Transport.TLS, "bob");
        assertRefused(bob.telephony().setForwarding(forwardAll(CallTarget.user("sip:bob@parley.test"))),
                ErrorCode.INVALID_ARGUMENT, "your own address");
    }

    @Test
    void anOutsideNumberIsRefusedWhenTheServerHasNoGateway() throws Exception {
        var bob = clients.signedIn(parley.server(), Transport.TLS, "bob");
        assertRefused(bob.telephony().setForwarding(forwardAll(CallTarget.number("+44 20 7946 0000"))),
                ErrorCode.INVALID_ARGUMENT, "no gateway");
        assertThat(bob.telephony().forwarding().get(10, TimeUnit.SECONDS)).isEqualTo(CallForwarding.DEFAULT);
    }

    @Test
    void rulesTheClientTypeWouldNotAllowAreRefusedByTheServerWith400() throws Exception {
        try (ServiceClient bob = new ServiceClient(parley.server(), "bob")) {
            assertThat(bob.fails("{\"op\":\"forwarding.set\",\"rules\":{\"mode\":\"OFF\",\"unansweredSeconds\":2}}", 400))
                    .contains("between 5 and 120 seconds");
            assertThat(bob.fails("{\"op\":\"forwarding.set\",\"rules\":{\"mode\":\"FORWARD_ALL\"}}", 400))
                    .contains("forward all calls to where?");
            assertThat(bob.fails("{\"op\":\"forwarding.set\",\"rules\":{\"mode\":\"SOMETIMES\"}}", 400))
                    .contains("SOMETIMES");
            assertThat(bob.fails("{\"op\":\"forwarding.set\"}", 400)).contains("'rules' is required");
            assertThat(bob.fails("{\"op\":\"forwarding.set\",\"rules\":{\"mode\":\"SIMULTANEOUS_RING\",\"team\":\"dave\"}}", 400))
                    .contains("'team' must be a list");
        }
    }

    private static CallForwarding forwardAll(CallTarget to) {
        return new CallForwarding(Mode.FORWARD_ALL, to, null, false, List.of(), 20, CallTarget.voicemail());
    }

    private static void assertRefused(java.util.concurrent.CompletableFuture<?> f, ErrorCode code, String message) {
        assertThatThrownBy(() -> f.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(ParleyException.class)
                .satisfies(e -> {
                    assertThat(((ParleyException) e).code()).isEqualTo(code);
                    assertThat(((ParleyException) e).userMessage()).contains(message);
                });
    }
}
