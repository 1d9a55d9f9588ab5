package org.parley.server.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.parley.core.client.ClientConfig.Transport;
import org.parley.core.client.MessageOptions;
import org.parley.core.client.MessagingService.MessageListener;
import org.parley.core.model.InstantMessage;
import org.parley.core.model.InstantMessage.Delivery;
import org.parley.server.testsupport.TestServer;
import org.parley.server.testsupport.TestServerExtension;

class MessagingTest {
    @RegisterExtension
    final TestServerExtension parley = TestServerExtension.withUsers("alice", "bob", "carol");
    @RegisterExtension
    final Clients clients = new Clients();

    private static List<InstantMessage> inbox(org.parley.core.client.UcClient c, List<String> threads) {
        List<InstantMessage> got = new CopyOnWriteArrayList<>();
        c.messaging().addListener(new MessageListener() {
            @Override
            public void onMessage(InstantMessage m) {
                threads.add(Thread.currentThread().getName());
                got.add(m);
            }
        });
        return got;
    }

    @Test
    void messagesGoBothWaysAreDeliveredAndLandInBothHistoriesOnTheApplicationExecutor() throws Exception {
        var alice = clients.signedIn(parley.server(), Transport.TCP, "alice");
        var bob = clients.signedIn(parley.server(), Transport.UDP, "bob");
        List<String> threads = new CopyOnWriteArrayList<>();
        List<InstantMessage> bobGot = inbox(bob, threads);
        List<InstantMessage> aliceGot = inbox(alice, threads);

        InstantMessage sent = alice.messaging().send("bob", "text/plain", "Lunch at noon?").get(10, TimeUnit.SECONDS);
        assertThat(sent.delivery()).isEqualTo(Delivery.DELIVERED);
        ReconnectTest.waitFor(() -> bobGot.size() == 1, 5000);
        assertThat(bobGot.get(0).from()).isEqualTo("sip:alice@" + TestServer.DOMAIN);
        assertThat(bobGot.get(0).text()).isEqualTo("Lunch at noon?");
        assertThat(bobGot.get(0).delivery()).isEqualTo(Delivery.RECEIVED);

        InstantMessage reply = bob.messaging().send("sip:alice@" + TestServer.DOMAIN, "text/html", "<b>Yes</b>, noon")
                .get(10, TimeUnit.SECONDS);
        assertThat(reply.delivery()).isEqualTo(Delivery.DELIVERED);
        ReconnectTest.waitFor(() -> aliceGot.size() == 1, 5000);
        assertThat(aliceGot.get(0).contentType()).isEqualTo("text/html");
        assertThat(threads).allMatch(t -> t.equals("test-client-events"));

        assertThat(alice.history().conversation("sip:bob@" + TestServer.DOMAIN, 10)).extracting(InstantMessage::text)
                .containsExactly("Lunch at noon?", "<b>Yes</b>, noon");
        assertThat(bob.history().search("NOON", 10)).extracting(InstantMessage::text)
                .containsExactly("<b>Yes</b>, noon", "Lunch at noon?");
        assertThat(alice.history().conversation("sip:bob@" + TestServer.DOMAIN, 10).get(0).delivery())
                .isEqualTo(Delivery.DELIVERED);
        assertThat(alice.contacts().recent()).containsExactly("sip:bob@" + TestServer.DOMAIN);
    }

    @Test
    void typingNotificationsReachThePeer() throws Exception {
        var alice = clients.signedIn(parley.server(), Transport.UDP, "alice");
        var bob = clients.signedIn(parley.server(), Transport.UDP, "bob");
        List<Boolean> typing = new CopyOnWriteArrayList<>();
        bob.messaging().addListener(new MessageListener() {
            @Override
            public void onMessage(InstantMessage m) {
            }

            @Override
            public void onTyping(String from, String session, boolean active) {
                if (from.equals("sip:alice@" + TestServer.DOMAIN)) {
                    typing.add(active);
                }
            }
        });
        alice.messaging().typing("bob", true);
        alice.messaging().typing("bob", true); // within the repeat interval: not sent again
        alice.messaging().typing("bob", false);
        ReconnectTest.waitFor(() -> typing.size() == 2, 5000);
        assertThat(typing).containsExactly(true, false);
        assertThat(bob.history().search("isComposing", 10)).as("typing is not history").isEmpty();
    }

    @Test
    void aMessageToASignedOutUserIsStoredAndArrivesAsOfflineWhenTheySignIn() throws Exception {
        var alice = clients.signedIn(parley.server(), Transport.UDP, "alice");
        InstantMessage sent = alice.messaging().send("carol", "text/plain", "call me when you are in").get(10, TimeUnit.SECONDS);
        assertThat(sent.delivery()).isEqualTo(Delivery.STORED);

        var carol = clients.client(parley.server(), Transport.TCP, "carol");
        List<InstantMessage> got = inbox(carol, new CopyOnWriteArrayList<>());
        carol.signIn(TestServer.password("carol").toCharArray()).get(10, TimeUnit.SECONDS);
        ReconnectTest.waitFor(() -> got.size() == 1, 10_000);
        assertThat(got.get(0).delivery()).isEqualTo(Delivery.RECEIVED_OFFLINE);
        assertThat(got.get(0).text()).isEqualTo("call me when you are in");
        assertThat(carol.history().search("call me", 5)).hasSize(1);
    }

    @Test
    void aMessageToNoSuchUserFailsAndIsRecordedAsFailed() throws Exception {
        var alice = clients.signedIn(parley.server(), Transport.UDP, "alice");
        Throwable t = org.assertj.core.api.Assertions.catchThrowable(() ->
                alice.messaging().send("nobody", "text/plain", "hello?").get(10, TimeUnit.SECONDS));
        assertThat(t).hasCauseInstanceOf(org.parley.core.error.ParleyException.class);
        assertThat(alice.history().conversation("sip:nobody@" + TestServer.DOMAIN, 5)).extracting(InstantMessage::delivery)
                .containsExactly(Delivery.FAILED);
    }

    @Test
    void subjectAndHighPriorityTravelWithTheMessageAndStayInBothHistories() throws Exception {
        var alice = clients.signedIn(parley.server(), Transport.UDP, "alice");
        var bob = clients.signedIn(parley.server(), Transport.TCP, "bob");
        List<InstantMessage> bobGot = inbox(bob, new CopyOnWriteArrayList<>());

        InstantMessage sent = alice.messaging().send("bob", "text/plain", "The build is red",
                new MessageOptions("Release 1.2: blocker ü", true)).get(10, TimeUnit.SECONDS);
        assertThat(sent.subject()).isEqualTo("Release 1.2: blocker ü");
        assertThat(sent.highPriority()).isTrue();
        alice.messaging().send("bob", "text/plain", "no subject").get(10, TimeUnit.SECONDS);
        ReconnectTest.waitFor(() -> bobGot.size() == 2, 5000);

        assertThat(bobGot.get(0).subject()).isEqualTo("Release 1.2: blocker ü");
        assertThat(bobGot.get(0).highPriority()).isTrue();
        assertThat(bobGot.get(1).subject()).isNull();
        assertThat(bobGot.get(1).highPriority()).isFalse();
        assertThat(bob.history().conversation("sip:alice@" + TestServer.DOMAIN, 10))
                .extracting(InstantMessage::subject, InstantMessage::highPriority)
                .containsExactly(tuple("Release 1.2: blocker ü", true), tuple(null, false));
        assertThat(alice.history().conversation("sip:bob@" + TestServer.DOMAIN, 10))
                .extracting(InstantMessage::subject, InstantMessage::highPriority)
                .containsExactly(tuple("Release 1.2: blocker ü", true), tuple(null, false));
    }

    @Test
    void aStoredMessageKeepsItsSubjectAndPriorityUntilDelivered() throws Exception {
        var alice = clients.signedIn(parley.server(), Transport.UDP, "alice");
        InstantMessage sent = alice.messaging().send("carol", "text/plain", "call me",
                new MessageOptions("Urgent: contract", true)).get(10, TimeUnit.SECONDS);
        assertThat(sent.delivery()).isEqualTo(Delivery.STORED);
        alice.messaging().send("carol", "text/plain", "plain one", MessageOptions.NONE).get(10, TimeUnit.SECONDS);

        var carol = clients.client(parley.server(), Transport.TCP, "carol");
        List<InstantMessage> got = inbox(carol, new CopyOnWriteArrayList<>());
        carol.signIn(TestServer.password("carol").toCharArray()).get(10, TimeUnit.SECONDS);
        ReconnectTest.waitFor(() -> got.size() == 2, 10_000);
        assertThat(got).extracting(InstantMessage::text, InstantMessage::subject, InstantMessage::highPriority,
                InstantMessage::delivery).containsExactly(
                        tuple("call me", "Urgent: contract", true, Delivery.RECEIVED_OFFLINE),
                        tuple("plain one", null, false, Delivery.RECEIVED_OFFLINE));
    }

    @Test
    void sessionMessagesCarrySubjectAndPriorityToTheOtherParticipants() throws Exception {
        var alice = clients.signedIn(parley.server(), Transport.UDP, "alice");
        var bob = clients.signedIn(parley.server(), Transport.UDP, "bob");
        List<InstantMessage> bobGot = inbox(bob, new CopyOnWriteArrayList<>());
        String session = alice.messaging().createSession(List.of("bob"), "Ops").get(10, TimeUnit.SECONDS);
        alice.messaging().send(session, "text/plain", "all hands", new MessageOptions("Incident", true))
                .get(10, TimeUnit.SECONDS);
        ReconnectTest.waitFor(() -> bobGot.size() == 1, 5000);
        assertThat(bobGot.get(0).session()).isEqualTo(session);
        assertThat(bobGot.get(0).subject()).isEqualTo("Incident");
        assertThat(bobGot.get(0).highPriority()).isTrue();
    }

    @Test
    void hostileRichTextIsSanitizedBeforeTheReceiverStoresOrSeesIt() throws Exception {
        var alice = clients.signedIn(parley.server(), Transport.UDP, "alice");
        var bob = clients.signedIn(parley.server(), Transport.UDP, "bob");
        List<InstantMessage> bobGot = inbox(bob, new CopyOnWriteArrayList<>());
        alice.messaging().send("bob", "text/html", "<b onclick=\"steal()\">hi</b><script>steal()</script>"
                + "<a href=\"javascript:steal()\">click</a><img src=x onerror=steal()>").get(10, TimeUnit.SECONDS);
        ReconnectTest.waitFor(() -> bobGot.size() == 1, 5000);
        assertThat(bobGot.get(0).text()).isEqualTo("<b>hi</b>click");
        assertThat(bob.history().conversation("sip:alice@" + TestServer.DOMAIN, 5).get(0).text())
                .isEqualTo("<b>hi</b>click");
        assertThat(alice.history().conversation("sip:bob@" + TestServer.DOMAIN, 5).get(0).text())
                .as("the sender keeps what was sent: the safe subset").isEqualTo("<b>hi</b>click");
    }
}
