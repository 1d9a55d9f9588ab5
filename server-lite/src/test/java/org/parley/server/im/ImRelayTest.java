package org.parley.server.im;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.parley.core.model.AccessLevel;
import org.parley.core.model.PresenceState;
import org.parley.server.testsupport.SipMessage;
import org.parley.server.testsupport.SipTestClient.Transport;

/** 1:1 instant messages through a real server over UDP and TCP: relay, store and forward, and the refusals. */
class ImRelayTest {
    private static final String BOB = "sip:bob@parley.test";
    private static final String COMPOSING = "application/im-iscomposing+xml";
    private static final String COMPOSING_BODY = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<isComposing xmlns=\"urn:ietf:params:xml:ns:im-iscomposing\"><state>active</state>"
            + "<contenttype>text/plain</contenttype></isComposing>";

    @RegisterExtension
    final ImServer parley = ImServer.withUsers("alice", "bob", "carol");

    private static Instant date(SipMessage m) {
        return ZonedDateTime.parse(m.header("date"), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
    }

    @ParameterizedTest(name = "over {0}")
    @EnumSource(value = Transport.class, names = {"UDP", "TCP"})
    void messageToOnlineUserIsDeliveredWith200(Transport transport) throws IOException {
        try (ImClient bob = parley.registered(transport, "bob"); ImClient alice = parley.client(transport, "alice")) {
            alice.send(BOB, "text/plain;charset=UTF-8", "Lunch at noon? \u00e9t\u00e9");
            SipMessage in = bob.receive();
            assertThat(in.requestUri()).startsWith("sip:bob@127.0.0.1:" + bob.sip().localPort());
            assertThat(in.body()).isEqualTo("Lunch at noon? \u00e9t\u00e9");
            assertThat(in.header("from")).contains("<sip:alice@parley.test>").contains("Alice Test");
            assertThat(in.header("to")).contains(BOB);
            assertThat(in.header("content-type")).startsWith("text/plain");
            assertThat(in.header("date")).isNotNull();
            assertThat(in.header("x-parley-stored")).as("a live message").isNull();
            assertThat(in.header("proxy-authorization")).as("credentials stay with us").isNull();
            assertThat(alice.answer().status()).isEqualTo(200);
        }
    }

    @Test
    void messageReachesEveryDeviceAndTheFirst2xxAnswersTheSender() throws IOException {
        try (ImClient phone = parley.registered(Transport.UDP, "bob"); ImClient desk = parley.registered(Transport.TCP, "bob");
             ImClient alice = parley.client(Transport.UDP, "alice")) {
            alice.send(BOB, "text/plain", "both of you");
            assertThat(desk.receive(m -> true, 480, ImClient.WAIT)).as("desk refuses").isNotNull();
            assertThat(phone.receive().body()).isEqualTo("both of you");
            assertThat(alice.answer().status()).isEqualTo(200);
        }
    }

    @Test
    void messageToOfflineUserGets202AndArrivesAtNextRegister() throws IOException {
        try (ImClient alice = parley.client(Transport.UDP, "alice")) {
            for (int i = 1; i <= 3; i++) {
                assertThat(alice.text(BOB, "offline " + i)).as("message " + i).isEqualTo(202);
                parley.clock.advance(Duration.ofMinutes(1));
            }
        }
        parley.clock.advance(Duration.ofHours(2));
        try (ImClient bob = parley.registered(Transport.TCP, "bob")) {
            for (int i = 1; i <= 3; i++) {
                SipMessage in = bob.receive();
                assertThat(in.body()).as("oldest first").isEqualTo("offline " + i);
                assertThat(in.header("x-parley-stored")).isEqualTo("offline");
                assertThat(in.header("from")).contains("<sip:alice@parley.test>");
                assertThat(date(in)).as("the original time").isEqualTo(ImServer.START.plus(Duration.ofMinutes(i - 1)));
            }
            assertThat(bob.anyNewWithin(Duration.ofSeconds(1))).as("nothing more").isNull();
        }
        try (ImClient again = parley.registered(Transport.UDP, "bob")) {
            assertThat(again.anyNewWithin(Duration.ofSeconds(1))).as("delivered messages were deleted").isNull();
        }
    }

    @Test
    void storedDeliveryWaitsForEach2xxAndStopsAtAFailureUntilTheNextRegister() throws IOException {
        try (ImClient alice = parley.client(Transport.UDP, "alice")) {
            assertThat(alice.text(BOB, "first")).isEqualTo(202);
            assertThat(alice.text(BOB, "second")).isEqualTo(202);
        }
        try (ImClient bob = parley.registered(Transport.UDP, "bob")) {
            assertThat(bob.receive(m -> true, 500, ImClient.WAIT).body()).isEqualTo("first");
            assertThat(bob.anyNewWithin(Duration.ofSeconds(1))).as("no next one after a failure").isNull();
        }
        try (ImClient bob = parley.registered(Transport.TCP, "bob")) {
            assertThat(bob.receive().body()).as("retried at the next register").isEqualTo("first");
            assertThat(bob.receive().body()).isEqualTo("second");
        }
    }

    @Test
    void deviceThatRefusesOrNeverAnswersMakesTheMessageStored() throws IOException {
        try (ImClient alice = parley.client(Transport.UDP, "alice")) {
            try (ImClient bob = parley.registered(Transport.UDP, "bob")) {
                alice.send(BOB, "text/plain", "refused");
                assertThat(bob.receive(m -> true, 480, ImClient.WAIT)).isNotNull();
                assertThat(alice.answer().status()).isEqualTo(202);

                alice.send(BOB, "text/plain", "unanswered");
                long start = System.nanoTime();
                // bob reads nothing: the 2 s delivery timeout of the test server stores it
                assertThat(alice.answer(Duration.ofSeconds(6)).status()).isEqualTo(202);
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
            }
        }
        try (ImClient bob = parley.registered(Transport.TCP, "bob")) {
            assertThat(bob.receive().body()).isEqualTo("refused");
            assertThat(bob.receive().body()).isEqualTo("unanswered");
        }
    }

    @Test
    void storedMessagesAreRetriedAfterARestartForDevicesStillRegistered() throws IOException {
        try (ImClient bob = parley.registered(Transport.UDP, "bob")) {
            try (ImClient alice = parley.client(Transport.UDP, "alice")) {
                alice.send(BOB, "text/plain", "try again later");
                assertThat(bob.receive(m -> true, 480, ImClient.WAIT)).isNotNull();
                assertThat(alice.answer().status()).isEqualTo(202);
            }
            parley.restart(); // bob's registration is kept; he does not register again
            SipMessage again = bob.receive();
            assertThat(again.body()).isEqualTo("try again later");
            assertThat(again.header("x-parley-stored")).isEqualTo("offline");
        }
    }

    @Test
    void blockedSenderGets480() throws IOException {
        parley.access.set("bob", "sip:alice@parley.test", AccessLevel.BLOCKED);
        try (ImClient bob = parley.registered(Transport.UDP, "bob"); ImClient alice = parley.client(Transport.UDP, "alice");
             ImClient carol = parley.client(Transport.UDP, "carol")) {
            assertThat(alice.text(BOB, "let me in")).isEqualTo(480);
            carol.send(BOB, "text/plain", "hello");
            assertThat(bob.receive().body()).as("only the blocked sender is refused").isEqualTo("hello");
            assertThat(carol.answer().status()).isEqualTo(200);
        }
        try (ImClient bob = parley.registered(Transport.TCP, "bob")) {
            assertThat(bob.anyNewWithin(Duration.ofSeconds(1))).as("the refused message was not stored").isNull();
        }
    }

    @Test
    void dndLetsOnlyTeamThroughAndStoresOthersAsMissedUntilDndEnds() throws IOException {
        parley.presence.set("bob", PresenceState.DO_NOT_DISTURB);
        parley.access.set("bob", "sip:carol@parley.test", AccessLevel.TEAM);
        try (ImClient bob = parley.registered(Transport.UDP, "bob"); ImClient alice = parley.client(Transport.UDP, "alice");
             ImClient carol = parley.client(Transport.TCP, "carol")) {
            assertThat(alice.text(BOB, "from company")).as("Company during DND").isEqualTo(202);
            parley.access.set("bob", "sip:alice@parley.test", AccessLevel.PERSONAL);
            assertThat(alice.text(BOB, "from personal")).as("Personal is held too: only Team breaks through").isEqualTo(202);

            carol.send(BOB, "text/plain", "urgent from team");
            assertThat(bob.receive().body()).isEqualTo("urgent from team");
            assertThat(carol.answer().status()).isEqualTo(200);
            assertThat(bob.anyNewWithin(Duration.ofMillis(800))).as("the missed one waits").isNull();

            try (ImClient bob2 = parley.registered(Transport.TCP, "bob")) {
                assertThat(bob2.anyNewWithin(Duration.ofSeconds(1))).as("a new device during DND gets no missed ones").isNull();
            }

            parley.presence.set("bob", PresenceState.AVAILABLE);
            SipMessage missed = bob.receive();
            assertThat(missed.body()).isEqualTo("from company");
            assertThat(missed.header("x-parley-stored")).isEqualTo("missed");
            assertThat(date(missed)).isEqualTo(ImServer.START);
            assertThat(bob.receive().body()).isEqualTo("from personal");
        }
    }

    @Test
    void oversizedMessageGets413() throws IOException {
        try (ImClient alice = parley.client(Transport.TCP, "alice")) {
            assertThat(alice.text(BOB, "x".repeat(16385))).isEqualTo(413);
            assertThat(alice.text(BOB, "x".repeat(16384))).as("exactly the limit is stored").isEqualTo(202);
        }
    }

    @Test
    void unknownUserGets404() throws IOException {
        try (ImClient alice = parley.client(Transport.UDP, "alice")) {
            assertThat(alice.text("sip:nobody@parley.test", "hi")).isEqualTo(404);
        }
    }

    @Test
    void messageWithoutCredentialsGets407() throws IOException {
        try (ImClient alice = parley.client(Transport.UDP, "alice")) {
            SipMessage r = alice.sendUnauthenticated(BOB, "text/plain", "hi");
            assertThat(r.status()).isEqualTo(407);
            assertThat(r.header("proxy-authenticate")).contains("realm=\"parley.test\"");
        }
    }

    @Test
    void forgedFromGets403() throws IOException {
        try (ImClient alice = parley.client(Transport.UDP, "alice")) {
            alice.sendAs("\"Carol\" <sip:carol@parley.test>", BOB, "text/plain", "I am carol");
            assertThat(alice.answer().status()).isEqualTo(403);
        }
    }

    @Test
    void isComposingIsRelayedWhenOnlineAndRefusedNotStoredWhenOffline() throws IOException {
        try (ImClient alice = parley.client(Transport.UDP, "alice")) {
            alice.send(BOB, COMPOSING, COMPOSING_BODY);
            assertThat(alice.answer().status()).as("offline").isEqualTo(480);
            try (ImClient bob = parley.registered(Transport.UDP, "bob")) {
                assertThat(bob.anyNewWithin(Duration.ofSeconds(1))).as("is-composing was not stored").isNull();
                alice.send(BOB, COMPOSING, COMPOSING_BODY);
                SipMessage in = bob.receive();
                assertThat(in.header("content-type")).isEqualTo(COMPOSING);
                assertThat(in.body()).contains("<state>active</state>");
                assertThat(alice.answer().status()).isEqualTo(200);
            }
        }
    }
}
