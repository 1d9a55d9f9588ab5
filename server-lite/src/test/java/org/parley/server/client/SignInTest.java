package org.parley.server.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.parley.core.client.ClientConfig;
import org.parley.core.client.ClientConfig.Transport;
import org.parley.core.client.UcClient.ConnectionState;
import org.parley.core.error.ErrorCode;
import org.parley.core.error.ParleyException;
import org.parley.core.sip.DigestAlgorithm;
import org.parley.server.testsupport.FreePorts;
import org.parley.server.testsupport.SipMessage;
import org.parley.server.testsupport.SipTestClient;
import org.parley.server.testsupport.TestServer;
import org.parley.server.testsupport.TestServerExtension;

class SignInTest {
    @RegisterExtension
    final TestServerExtension parley = TestServerExtension.withUsers("alice", "bob");
    @RegisterExtension
    final Clients clients = new Clients();

    private static ParleyException failure(java.util.concurrent.CompletableFuture<?> f) {
        Throwable t = catchThrowable(() -> f.get(15, TimeUnit.SECONDS));
        assertThat(t).isInstanceOf(ExecutionException.class);
        assertThat(t.getCause()).isInstanceOf(ParleyException.class);
        return (ParleyException) t.getCause();
    }

    /** The contacts registered for alice, as a refresh from a raw probe client (one contact of its own) lists them. */
    private static java.util.List<String> contactsOfAlice(SipTestClient probe) throws java.io.IOException {
        SipMessage ok = probe.registerWithDigest(TestServer.password("alice"), 600, DigestAlgorithm.MD5);
        assertThat(ok.status()).isEqualTo(200);
        return ok.headers("contact");
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void signInRegistersAndSignOutUnregisters(Transport transport) throws Exception {
        var alice = clients.signedIn(parley.server(), transport, "alice");
        assertThat(alice.connectionState()).isEqualTo(ConnectionState.SIGNED_IN);
        try (SipTestClient probe = new SipTestClient(SipTestClient.Transport.UDP, "127.0.0.1", parley.server().sipPort(),
                "alice", TestServer.DOMAIN)) {
            assertThat(contactsOfAlice(probe)).as("the client's binding and the probe's").hasSize(2);
            alice.signOut().get(10, TimeUnit.SECONDS);
            assertThat(alice.connectionState()).isEqualTo(ConnectionState.SIGNED_OUT);
            assertThat(contactsOfAlice(probe)).as("only the probe's").hasSize(1);
        }
    }

    @Test
    void wrongPasswordFailsWithAuthenticationFailed() throws Exception {
        var alice = clients.client(parley.server(), Transport.UDP, "alice");
        ParleyException e = failure(alice.signIn("not-her-password".toCharArray()));
        assertThat(e.code()).isEqualTo(ErrorCode.AUTHENTICATION_FAILED);
        assertThat(alice.connectionState()).isEqualTo(ConnectionState.SIGNED_OUT);
    }

    @Test
    void unknownUserIsRefusedLikeAWrongPasswordSinceTheServerRevealsNoUserNames() throws Exception {
        var mallory = clients.client(parley.server(), Transport.TCP, "mallory");
        ParleyException e = failure(mallory.signIn("whatever".toCharArray()));
        assertThat(e.code()).isEqualTo(ErrorCode.AUTHENTICATION_FAILED);
        assertThat(e.getMessage()).contains("user name or password");
    }

    @Test
    void aDomainTheServerDoesNotServeIsNotFoundOrRefused() throws Exception {
        var alice = clients.client(ClientConfig.of("127.0.0.1", parley.server().sipPort(), Transport.UDP, "alice",
                "elsewhere.example", clients.newDataDir()));
        ParleyException e = failure(alice.signIn(TestServer.password("alice").toCharArray()));
        assertThat(e.code()).isIn(ErrorCode.NOT_FOUND, ErrorCode.AUTHENTICATION_FAILED);
    }

    @ParameterizedTest
    @EnumSource(value = Transport.class, names = {"UDP", "TCP"})
    void unreachableServerFailsWithNetworkFailure(Transport transport) throws Exception {
        int nobody = FreePorts.udpAndTcp();
        var alice = clients.client(ClientConfig.of("127.0.0.1", nobody, transport, "alice", TestServer.DOMAIN,
                clients.newDataDir()));
        long start = System.nanoTime();
        ParleyException e = failure(alice.signIn("pw-alice".toCharArray()));
        assertThat(e.code()).isEqualTo(ErrorCode.NETWORK_FAILURE);
        assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start)).as("fails within the request timeout")
                .isLessThan(10);
    }
}
