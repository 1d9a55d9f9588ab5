package org.parley.server.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.parley.core.client.ClientConfig.Transport;
import org.parley.core.client.Credentials;
import org.parley.core.client.MessagingService.MessageListener;
import org.parley.core.client.UcClient.ConnectionState;
import org.parley.core.error.ErrorCode;
import org.parley.core.error.ParleyException;
import org.parley.core.model.InstantMessage;
import org.parley.core.model.InstantMessage.Delivery;
import org.parley.core.store.CredentialStore;
import org.parley.server.testsupport.TestServer;
import org.parley.server.testsupport.TestServerExtension;

/** "Remember me": signing in from the digest hashes kept in a {@link CredentialStore}, never the password. */
class RememberedSignInTest {
    @RegisterExtension
    final TestServerExtension parley = TestServerExtension.withUsers("alice", "bob");
    @RegisterExtension
    final Clients clients = new Clients();

    private static ParleyException failure(CompletableFuture<?> f) {
        Throwable t = catchThrowable(() -> f.get(15, TimeUnit.SECONDS));
        assertThat(t).isInstanceOf(ExecutionException.class);
        assertThat(t.getCause()).isInstanceOf(ParleyException.class);
        return (ParleyException) t.getCause();
    }

    @Test
    void signInWithRememberedHashesRegistersAndAnswersLaterChallengesToo() throws Exception {
        Path file = clients.newDataDir().resolve("signin.json");
        CredentialStore store = new CredentialStore(file);
        store.save(Credentials.hash("alice", TestServer.DOMAIN, TestServer.password("alice").toCharArray()));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Files.readString(file)).doesNotContain(TestServer.password("alice"));

        var alice = clients.client(parley.server(), Transport.UDP, "alice");
        alice.signIn(store.load().orElseThrow()).get(10, TimeUnit.SECONDS);
        assertThat(alice.connectionState()).isEqualTo(ConnectionState.SIGNED_IN);

        var bob = clients.signedIn(parley.server(), Transport.TCP, "bob");
        List<InstantMessage> bobGot = new CopyOnWriteArrayList<>();
        bob.messaging().addListener(new MessageListener() {
            @Override
            public void onMessage(InstantMessage m) {
                bobGot.add(m);
            }
        });
        InstantMessage sent = alice.messaging().send("bob", "text/plain", "signed in from hashes")
                .get(10, TimeUnit.SECONDS);
        assertThat(sent.delivery()).as("the MESSAGE's proxy challenge was answered from the HA1")
                .isEqualTo(Delivery.DELIVERED);
        ReconnectTest.waitFor(() -> bobGot.size() == 1, 5000);

        alice.signOut().get(10, TimeUnit.SECONDS);
        alice.signIn(store.load().orElseThrow()).get(10, TimeUnit.SECONDS);
        assertThat(alice.connectionState()).isEqualTo(ConnectionState.SIGNED_IN);
    }

    @Test
    void hashesOfAWrongPasswordFailWithAuthenticationFailed() throws Exception {
        var alice = clients.client(parley.server(), Transport.TCP, "alice");
        ParleyException e = failure(alice.signIn(Credentials.hash("alice", TestServer.DOMAIN, "pw-wrong".toCharArray())));
        assertThat(e.code()).isEqualTo(ErrorCode.AUTHENTICATION_FAILED);
        assertThat(alice.connectionState()).isEqualTo(ConnectionState.SIGNED_OUT);
    }

    @Test
    void hashesMadeForAnotherRealmFailWithAMessageNamingBothRealms() throws Exception {
        var alice = clients.client(parley.server(), Transport.UDP, "alice");
        ParleyException e = failure(alice.signIn(Credentials.hash("alice", "old.example",
                TestServer.password("alice").toCharArray())));
        assertThat(e.code()).isEqualTo(ErrorCode.AUTHENTICATION_FAILED);
        assertThat(e.getMessage()).contains("old.example").contains(TestServer.DOMAIN).contains("password");
        assertThat(alice.connectionState()).isEqualTo(ConnectionState.SIGNED_OUT);
    }

    @Test
    void hashesOfAnotherUserAreRefusedBeforeAnythingIsSent() throws Exception {
        var alice = clients.client(parley.server(), Transport.UDP, "alice");
        ParleyException e = failure(alice.signIn(Credentials.hash("bob", TestServer.DOMAIN,
                TestServer.password("bob").toCharArray())));
        assertThat(e.code()).isEqualTo(ErrorCode.AUTHENTICATION_FAILED);
        assertThat(e.getMessage()).contains("bob");
    }

    @Test
    void thePasswordSignInStillWorksThroughCredentials() throws Exception {
        var alice = clients.client(parley.server(), Transport.UDP, "alice");
        char[] typed = TestServer.password("alice").toCharArray();
        Credentials.Password p = Credentials.password(typed);
        alice.signIn(p).get(10, TimeUnit.SECONDS);
        assertThat(alice.connectionState()).isEqualTo(ConnectionState.SIGNED_IN);
        assertThat(new String(p.chars())).as("the client wiped the password it was given").isEqualTo("\0".repeat(typed.length));
    }
}
