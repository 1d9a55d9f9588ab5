package org.parley.server.voicemail;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.parley.server.testsupport.ServiceClient;
import org.parley.server.testsupport.SipMessage;
import org.parley.server.testsupport.SipTestClient;
import org.parley.server.testsupport.TestServer;
import org.parley.server.testsupport.TestServerExtension;

/** RFC 3842 message-summary for one's own box: counts on every change, owner only; the box's SERVICE ops. */
class MessageWaitingTest {
    private static final Duration WAIT = Duration.ofSeconds(5);

    @RegisterExtension
    final TestServerExtension parley = TestServerExtension.withUsers("alice", "bob");

    private static String subscribe(SipTestClient c, String target, String callId, String fromTag, int cseq, String auth) {
        String uri = "sip:" + target + "@" + TestServer.DOMAIN;
        return "SUBSCRIBE " + uri + " SIP/2.0\n"
                + "Via: " + c.via(SipTestClient.newBranch()) + "\n"
                + "Max-Forwards: 70\n"
                + "From: <sip:" + c.user() + "@" + TestServer.DOMAIN + ">;tag=" + fromTag + "\n"
                + "To: <" + uri + ">\n"
                + "Call-ID: " + callId + "\n"
                + "CSeq: " + cseq + " SUBSCRIBE\n"
                + "Contact: <" + c.contact() + ">\n"
                + "Event: message-summary\n"
                + "Accept: application/simple-message-summary\n"
                + "Expires: 600\n"
                + auth
                + "\n";
    }

    private static SipMessage subscribeTo(SipTestClient c, String target) throws Exception {
        String callId = UUID.randomUUID() + "@mwi";
        String tag = SipTestClient.newTag();
        return c.authenticated(TestServer.password(c.user()), "SUBSCRIBE", "sip:" + target + "@" + TestServer.DOMAIN,
                (cseq, auth) -> subscribe(c, target, callId, tag, cseq, auth));
    }

    private static String nextSummary(SipTestClient c) throws Exception {
        SipMessage n = c.expectRequest("NOTIFY", WAIT);
        assertThat(n).as("a message-summary NOTIFY").isNotNull();
        StringBuilder sb = new StringBuilder("SIP/2.0 200 OK\n");
        n.headers("via").forEach(v -> sb.append("Via: ").append(v).append('\n'));
        sb.append("From: ").append(n.header("from")).append("\nTo: ").append(n.header("to")).append("\nCall-ID: ")
                .append(n.header("call-id")).append("\nCSeq: ").append(n.header("cseq")).append("\n\n");
        c.send(sb.toString());
        assertThat(n.header("event")).isEqualTo("message-summary");
        assertThat(n.header("content-type")).isEqualTo("application/simple-message-summary");
        return n.body();
    }

    private void deposit(String owner) throws Exception {
        VoicemailStore store = parley.server().voicemail().store();
        store.deposit(new VoicemailStore.Message(store.newId(), owner, "sip:carol@example.org", "Carol", Instant.now(),
                Duration.ofMillis(500), false, "no-answer"), new short[8000]);
        // as a call's end does
        parley.server().subscriptions().changed(MessageSummaryPackage.EVENT, owner);
    }

    @Test
    void ownerSeesCountsAfterDepositHeardAndDelete() throws Exception {
        try (SipTestClient bob = new SipTestClient(SipTestClient.Transport.TCP, "127.0.0.1", parley.server().sipPort(),
                "bob", TestServer.DOMAIN); ServiceClient ops = new ServiceClient(parley.server(), "bob")) {
            assertThat(subscribeTo(bob, "bob").status()).isEqualTo(200);
            assertThat(nextSummary(bob)).contains("Messages-Waiting: no").contains("Voice-Message: 0/0 (0/0)")
                    .contains("Message-Account: sip:bob@" + TestServer.DOMAIN);
            deposit("bob");
            assertThat(nextSummary(bob)).contains("Messages-Waiting: yes").contains("Voice-Message: 1/0 (0/0)");

            JsonNode list = ops.ok("{\"op\":\"voicemail.list\"}").path("messages");
            assertThat(list).hasSize(1);
            String id = list.get(0).path("id").asText();
            assertThat(list.get(0).path("callerName").asText()).isEqualTo("Carol");
            assertThat(list.get(0).path("lengthMs").asLong()).isEqualTo(500);

            ops.ok("{\"op\":\"voicemail.heard\",\"id\":\"" + id + "\",\"heard\":true}");
            assertThat(nextSummary(bob)).contains("Messages-Waiting: no").contains("Voice-Message: 0/1 (0/0)");
            ops.ok("{\"op\":\"voicemail.delete\",\"id\":\"" + id + "\"}");
            assertThat(nextSummary(bob)).contains("Voice-Message: 0/0 (0/0)");
            assertThat(ops.ok("{\"op\":\"voicemail.list\"}").path("messages")).isEmpty();
            assertThat(ops.fails("{\"op\":\"voicemail.delete\",\"id\":\"" + id + "\"}", 404)).isNotBlank();
        }
    }

    @Test
    void anotherUsersMailboxCannotBeWatched() throws Exception {
        try (SipTestClient alice = new SipTestClient(SipTestClient.Transport.TCP, "127.0.0.1", parley.server().sipPort(),
                "alice", TestServer.DOMAIN)) {
            assertThat(subscribeTo(alice, "bob").status()).isEqualTo(403);
        }
    }

    @Test
    void anotherUsersMessagesCannotBeFetched() throws Exception {
        deposit("bob");
        String id = parley.server().voicemail().store().list("bob").get(0).id();
        try (ServiceClient alice = new ServiceClient(parley.server(), "alice")) {
            assertThat(alice.fails("{\"op\":\"voicemail.fetch\",\"id\":\"" + id + "\"}", 404)).isNotBlank();
            assertThat(alice.fails("{\"op\":\"voicemail.delete\",\"id\":\"" + id + "\"}", 404)).isNotBlank();
        }
        assertThat(parley.server().voicemail().store().list("bob")).hasSize(1);
    }
}
