package org.parley.server.registrar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.parley.core.sip.DigestAlgorithm;
import org.parley.server.testsupport.SipMessage;
import org.parley.server.testsupport.SipTestClient;
import org.parley.server.testsupport.SipTestClient.Transport;
import org.parley.server.testsupport.TestServer;
import org.parley.server.testsupport.TestServerExtension;

class RegistrarTest {
    @RegisterExtension
    final TestServerExtension parley = TestServerExtension.withUsers("alice", "bob");

    private SipTestClient client(Transport t, String user) throws IOException {
        int port = t == Transport.TLS ? parley.server().tlsPort() : parley.server().sipPort();
        return new SipTestClient(t, "127.0.0.1", port, user, TestServer.DOMAIN);
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void registerWithDigestGets200ListingTheContact(Transport transport) throws IOException {
        try (SipTestClient alice = client(transport, "alice")) {
            SipMessage ok = alice.registerWithDigest(TestServer.password("alice"), 600, DigestAlgorithm.MD5);
            assertThat(ok.status()).as(ok.raw()).isEqualTo(200);
            assertThat(ok.headers("contact")).hasSize(1);
            assertThat(ok.header("contact")).contains(alice.contact()).contains("expires=");
        }
    }

    @Test
    void challengeOffersSha256BeforeMd5WhenConfiguredAndSha256AnswerIsAccepted() throws IOException {
        parley.restart(c -> c.withDigestAlgorithms(
                java.util.List.of(DigestAlgorithm.SHA_256, DigestAlgorithm.MD5)));
        try (SipTestClient alice = client(Transport.UDP, "alice")) {
            alice.send(alice.register("c1@test", 1, 600, null, "<" + alice.contact() + ">"));
            SipMessage challenge = alice.expectResponse(Duration.ofSeconds(5));
            assertThat(challenge.status()).isEqualTo(401);
            assertThat(challenge.headers("www-authenticate")).hasSize(2);
            assertThat(SipMessage.param(challenge.headers("www-authenticate").get(0), "algorithm")).isEqualTo("SHA-256");
            assertThat(SipMessage.param(challenge.headers("www-authenticate").get(1), "algorithm")).isEqualTo("MD5");
            SipMessage ok = alice.registerWithDigest(TestServer.password("alice"), 600, DigestAlgorithm.SHA_256);
            assertThat(ok.status()).isEqualTo(200);
        }
    }

    @Test
    void defaultConfigurationOffersOneMd5ChallengeAndRefusesSha256Answers() throws Exception {
        try (SipTestClient alice = client(Transport.UDP, "alice")) {
            alice.send(alice.register("c2@test", 1, 600, null, "<" + alice.contact() + ">"));
            SipMessage challenge = alice.expectResponse(Duration.ofSeconds(5));
            assertThat(challenge.headers("www-authenticate")).hasSize(1);
            assertThat(SipMessage.param(challenge.header("www-authenticate"), "algorithm")).isEqualTo("MD5");
            String sha = challenge.header("www-authenticate").replace("algorithm=MD5", "algorithm=SHA-256");
            String auth = SipTestClient.authorization(sha, "alice", TestServer.password("alice"), "REGISTER", "sip:" + TestServer.DOMAIN);
            alice.send(alice.register("c2@test", 2, 600, auth, "<" + alice.contact() + ">"));
            assertThat(alice.expectResponse(Duration.ofSeconds(5)).status()).as("an algorithm not offered is challenged again")
                    .isEqualTo(401);
            assertThat(alice.registerWithDigest(TestServer.password("alice"), 600, DigestAlgorithm.MD5).status()).isEqualTo(200);
        }
    }

    @Test
    void registerWithWrongPasswordGets403() throws IOException {
        try (SipTestClient alice = client(Transport.UDP, "alice")) {
            assertThat(alice.registerWithDigest("wrong", 600, DigestAlgorithm.MD5).status()).isEqualTo(403);
        }
    }

    @Test
    void registerAsUnknownUserGets403() throws IOException {
        try (SipTestClient mallory = client(Transport.UDP, "mallory")) {
            assertThat(mallory.registerWithDigest("whatever", 600, DigestAlgorithm.MD5).status()).isEqualTo(403);
        }
    }

    @Test
    void registeringSomeoneElsesAddressGets403() throws IOException {
        try (SipTestClient alice = client(Transport.UDP, "alice")) {
            String callId = UUID.randomUUID().toString();
            String bobRegister = alice.register(callId, 1, 600, null, "<" + alice.contact() + ">")
                    .replace("sip:alice@" + TestServer.DOMAIN + ">", "sip:bob@" + TestServer.DOMAIN + ">");
            alice.send(bobRegister);
            SipMessage challenge = alice.expectResponse(Duration.ofSeconds(5));
            String auth = SipTestClient.authorization(challenge.header("www-authenticate"), "alice",
                    TestServer.password("alice"), "REGISTER", "sip:" + TestServer.DOMAIN);
            // a new request: a new branch (the same branch would be a retransmission of the first, RFC 3261 §17.2.3)
            alice.send(alice.register(callId, 2, 600, auth, "<" + alice.contact() + ">")
                    .replace("sip:alice@" + TestServer.DOMAIN + ">", "sip:bob@" + TestServer.DOMAIN + ">"));
            assertThat(alice.expectResponse(Duration.ofSeconds(5)).status()).isEqualTo(403);
        }
    }

    @Test
    void fiveFailuresInAMinuteLockTheUserFromThatAddressEvenWithTheRightPassword() throws IOException {
        try (SipTestClient alice = client(Transport.UDP, "alice")) {
            for (int i = 0; i < 5; i++) {
                assertThat(alice.registerWithDigest("wrong-" + i, 600, DigestAlgorithm.MD5).status()).isEqualTo(403);
            }
            assertThat(alice.registerWithDigest(TestServer.password("alice"), 600, DigestAlgorithm.MD5).status())
                    .as("locked pair refuses even the right password").isEqualTo(403);
        }
        try (SipTestClient bob = client(Transport.UDP, "bob")) {
            assertThat(bob.registerWithDigest(TestServer.password("bob"), 600, DigestAlgorithm.MD5).status())
                    .as("another user from the same address is not locked").isEqualTo(200);
        }
    }

    @Test
    void expiresBelowMinimumGets423WithMinExpires() throws IOException {
        try (SipTestClient alice = client(Transport.UDP, "alice")) {
            SipMessage r = alice.registerWithDigest(TestServer.password("alice"), 10, DigestAlgorithm.MD5);
            assertThat(r.status()).isEqualTo(423);
            assertThat(r.header("min-expires")).isEqualTo("60");
        }
    }

    @Test
    void expiresAboveMaximumIsCutToMaximum() throws IOException {
        try (SipTestClient alice = client(Transport.UDP, "alice")) {
            SipMessage r = alice.registerWithDigest(TestServer.password("alice"), 10_000_000, DigestAlgorithm.MD5);
            assertThat(r.status()).isEqualTo(200);
            int granted = Integer.parseInt(SipMessage.param(r.header("contact"), "expires"));
            assertThat(granted).isBetween(86_390, 86_400);
        }
    }

    @Test
    void severalContactsPerAddressAndUnregisterOneWithExpiresZero() throws IOException {
        try (SipTestClient desk = client(Transport.UDP, "alice"); SipTestClient laptop = client(Transport.TCP, "alice")) {
            assertThat(desk.registerWithDigest(TestServer.password("alice"), 600, DigestAlgorithm.MD5).status()).isEqualTo(200);
            SipMessage both = laptop.registerWithDigest(TestServer.password("alice"), 600, DigestAlgorithm.MD5);
            assertThat(both.headers("contact")).hasSize(2);
            SipMessage one = desk.registerWithDigest(TestServer.password("alice"), 0, DigestAlgorithm.MD5);
            assertThat(one.status()).isEqualTo(200);
            assertThat(one.headers("contact")).hasSize(1);
            assertThat(one.header("contact")).contains(laptop.contact());
        }
    }

    @Test
    void wildcardContactWithExpiresZeroRemovesEveryBinding() throws IOException {
        try (SipTestClient desk = client(Transport.UDP, "alice"); SipTestClient laptop = client(Transport.UDP, "alice")) {
            desk.registerWithDigest(TestServer.password("alice"), 600, DigestAlgorithm.MD5);
            laptop.registerWithDigest(TestServer.password("alice"), 600, DigestAlgorithm.MD5);
            String callId = UUID.randomUUID().toString();
            desk.send(desk.register(callId, 1, 0, null, "*"));
            SipMessage challenge = desk.expectResponse(Duration.ofSeconds(5));
            String auth = SipTestClient.authorization(challenge.header("www-authenticate"), "alice",
                    TestServer.password("alice"), "REGISTER", "sip:" + TestServer.DOMAIN);
            desk.send(desk.register(callId, 2, 0, auth, "*"));
            SipMessage ok = desk.expectResponse(Duration.ofSeconds(5));
            assertThat(ok.status()).isEqualTo(200);
            assertThat(ok.headers("contact")).isEmpty();
        }
    }

    @Test
    void wildcardContactWithNonZeroExpiresGets400() throws IOException {
        try (SipTestClient alice = client(Transport.UDP, "alice")) {
            String callId = UUID.randomUUID().toString();
            alice.send(alice.register(callId, 1, 600, null, "*"));
            SipMessage challenge = alice.expectResponse(Duration.ofSeconds(5));
            String auth = SipTestClient.authorization(challenge.header("www-authenticate"), "alice",
                    TestServer.password("alice"), "REGISTER", "sip:" + TestServer.DOMAIN);
            alice.send(alice.register(callId, 2, 600, auth, "*"));
            assertThat(alice.expectResponse(Duration.ofSeconds(5)).status()).isEqualTo(400);
        }
    }

    @Test
    void expiredNonceGetsAStaleChallenge() throws Exception {
        parley.restart(c -> c.withNonceLifetime(Duration.ofMillis(300)));
        try (SipTestClient alice = client(Transport.UDP, "alice")) {
            String callId = UUID.randomUUID().toString();
            alice.send(alice.register(callId, 1, 600, null, "<" + alice.contact() + ">"));
            SipMessage challenge = alice.expectResponse(Duration.ofSeconds(5));
            Thread.sleep(500);
            String auth = SipTestClient.authorization(challenge.header("www-authenticate"), "alice",
                    TestServer.password("alice"), "REGISTER", "sip:" + TestServer.DOMAIN);
            alice.send(alice.register(callId, 2, 600, auth, "<" + alice.contact() + ">"));
            SipMessage stale = alice.expectResponse(Duration.ofSeconds(5));
            assertThat(stale.status()).isEqualTo(401);
            assertThat(stale.header("www-authenticate")).containsIgnoringCase("stale=true");
        }
    }

    @Test
    void replayedAuthorizationGetsAStaleChallengeAndAnswerForAnotherUriIsRefused() throws IOException {
        try (SipTestClient alice = client(Transport.UDP, "alice")) {
            String callId = UUID.randomUUID().toString();
            String contact = "<" + alice.contact() + ">";
            alice.send(alice.register(callId, 1, 600, null, contact));
            SipMessage challenge = alice.expectResponse(Duration.ofSeconds(5));
            String auth = SipTestClient.authorization(challenge.header("www-authenticate"), "alice",
                    TestServer.password("alice"), "REGISTER", "sip:" + TestServer.DOMAIN);
            alice.send(alice.register(callId, 2, 600, auth, contact));
            assertThat(alice.expectResponse(Duration.ofSeconds(5)).status()).isEqualTo(200);
            alice.send(alice.register(callId, 3, 600, auth, contact));
            SipMessage replay = alice.expectResponse(Duration.ofSeconds(5));
            assertThat(replay.status()).isEqualTo(401);
            assertThat(replay.header("www-authenticate")).containsIgnoringCase("stale=true");

            String otherUri = SipTestClient.authorization(replay.header("www-authenticate"), "alice",
                    TestServer.password("alice"), "REGISTER", "sip:elsewhere.example");
            alice.send(alice.register(callId, 4, 600, otherUri, contact));
            assertThat(alice.expectResponse(Duration.ofSeconds(5)).status()).isEqualTo(403);
        }
    }

    @Test
    void bindingsSurviveARestartUntilTheyExpire() throws Exception {
        try (SipTestClient alice = client(Transport.UDP, "alice")) {
            assertThat(alice.registerWithDigest(TestServer.password("alice"), 600, DigestAlgorithm.MD5).status()).isEqualTo(200);
            parley.restart(c -> c);
            try (SipTestClient again = new SipTestClient(Transport.UDP, "127.0.0.1", parley.server().sipPort(), "alice", TestServer.DOMAIN)) {
                // a refresh from another contact lists both: the one from before the restart was kept
                SipMessage ok = again.registerWithDigest(TestServer.password("alice"), 600, DigestAlgorithm.MD5);
                assertThat(ok.headers("contact")).hasSize(2);
                assertThat(String.join(",", ok.headers("contact"))).contains(alice.contact());
            }
        }
    }

    @Test
    void rportAndReceivedAreFilledInForClientsBehindNat() throws IOException {
        try (SipTestClient alice = client(Transport.UDP, "alice")) {
            SipMessage ok = alice.registerWithDigest(TestServer.password("alice"), 600, DigestAlgorithm.MD5);
            assertThat(SipMessage.param(ok.header("via"), "rport")).isEqualTo(Integer.toString(alice.localPort()));
        }
    }
}
