package org.parley.server.im;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.parley.core.im.Cpim;
import org.parley.server.service.ServiceError;
import org.parley.server.service.ServiceOp;
import org.parley.server.testsupport.SipMessage;
import org.parley.server.testsupport.SipTestClient.Transport;

/**
 * Multiparty sessions: the chat.* SERVICE ops (called directly until the SERVICE endpoint is wired), the notices and
 * the fan-out, through a real server over UDP and TCP.
 */
class ChatSessionTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ALICE = "sip:alice@parley.test";
    private static final String BOB = "sip:bob@parley.test";
    private static final String CAROL = "sip:carol@parley.test";

    @RegisterExtension
    final ImServer parley = ImServer.withUsers("alice", "bob", "carol", "dave", "erin").configured(c -> c.withImSessionMax(4));

    private JsonNode op(String user, String name, String args) throws IOException {
        ServiceOp op = parley.server().serviceOps().stream().filter(o -> o.name().equals(name)).findFirst().orElseThrow();
        return op.handle(user, JSON.readTree(args));
    }

    private String create(String user, String subject, String... participants) throws IOException {
        String list = String.join("\", \"", participants);
        return op(user, "chat.create", "{\"participants\": [\"" + list + "\"], \"subject\": \"" + subject + "\"}")
                .get("session").asText();
    }

    private static JsonNode event(SipMessage m) throws IOException {
        assertThat(m.header("content-type")).isEqualTo("application/vnd.parley.chat-event+json");
        return JSON.readTree(m.body());
    }

    private static List<String> participants(JsonNode event) {
        List<String> out = new java.util.ArrayList<>();
        event.get("participants").forEach(p -> out.add(p.asText()));
        return out;
    }

    @Test
    void sessionCreateAnnouncesJoinsFansOutWithCpimAndAnnouncesLeave() throws IOException {
        try (ImClient alice = parley.registered(Transport.UDP, "alice"); ImClient bob = parley.registered(Transport.UDP, "bob");
             ImClient carol = parley.registered(Transport.TCP, "carol"); ImClient dave = parley.client(Transport.UDP, "dave")) {
            String session = create("alice", "Launch", BOB, CAROL);
            assertThat(session).matches("sip:chat~[a-z0-9]{20}@parley\\.test");

            for (ImClient c : List.of(alice, bob, carol)) {
                SipMessage notice = c.receive();
                assertThat(notice.header("from")).contains("<" + session + ">");
                JsonNode joined = event(notice);
                assertThat(joined.get("event").asText()).isEqualTo("joined");
                assertThat(joined.get("who").asText()).isEqualTo(c.aor());
                assertThat(participants(joined)).containsExactly(ALICE, BOB, CAROL);
                assertThat(joined.get("subject").asText()).isEqualTo("Launch");
            }

            alice.sendAs("\"The Boss\" <" + ALICE + ">", session, "text/plain;charset=UTF-8", "Hello team");
            assertThat(alice.answer().status()).isEqualTo(200);
            for (ImClient c : List.of(bob, carol)) {
                SipMessage in = c.receiveContaining("Hello team");
                assertThat(in.header("from")).contains("<" + session + ">");
                assertThat(in.header("content-type")).isEqualTo("message/cpim");
                Cpim.Message cpim = Cpim.parse(in.body());
                assertThat(cpim.from()).isEqualTo(ALICE);
                assertThat(cpim.fromName()).as("the directory's name, not the one in From").isEqualTo("Alice Test");
                assertThat(cpim.to()).containsExactly(session);
                assertThat(cpim.contentType()).isEqualTo("text/plain;charset=UTF-8");
                assertThat(cpim.body()).isEqualTo("Hello team");
                assertThat(cpim.dateTime()).isEqualTo(ImServer.START);
            }
            assertThat(alice.anyNewWithin(Duration.ofMillis(500))).as("the sender gets no copy").isNull();

            dave.send(session, "text/plain", "let me in");
            assertThat(dave.answer().status()).as("not a participant").isEqualTo(403);

            op("bob", "chat.leave", "{\"session\": \"" + session + "\"}");
            for (ImClient c : List.of(alice, carol)) {
                JsonNode left = event(c.receive());
                assertThat(left.get("event").asText()).isEqualTo("left");
                assertThat(left.get("who").asText()).isEqualTo(BOB);
                assertThat(participants(left)).containsExactly(ALICE, CAROL);
            }
            bob.send(session, "text/plain", "still here?");
            assertThat(bob.answer().status()).as("after leaving").isEqualTo(403);
        }
    }

    @Test
    void inviteAddsAParticipantAndTellsEveryone() throws IOException {
        try (ImClient alice = parley.registered(Transport.UDP, "alice"); ImClient dave = parley.registered(Transport.TCP, "dave")) {
            String session = create("alice", "Ops", BOB);
            alice.receive();
            JsonNode result = op("alice", "chat.invite", "{\"session\": \"" + session + "\", \"uri\": \"sip:dave@parley.test\"}");
            assertThat(participants(result)).containsExactly(ALICE, BOB, "sip:dave@parley.test");
            for (ImClient c : List.of(alice, dave)) {
                JsonNode joined = event(c.receive());
                assertThat(joined.get("who").asText()).isEqualTo("sip:dave@parley.test");
                assertThat(participants(joined)).containsExactly(ALICE, BOB, "sip:dave@parley.test");
            }
            assertThatThrownBy(() -> op("carol", "chat.invite", "{\"session\": \"" + session + "\", \"uri\": \"sip:erin@parley.test\"}"))
                    .as("only participants invite").isInstanceOfSatisfying(ServiceError.class, e -> assertThat(e.status()).isEqualTo(403));
        }
    }

    @Test
    void offlineParticipantGetsNoticeAndMessagesStoredInOrder() throws IOException {
        String session = create("alice", "Later", CAROL);
        try (ImClient alice = parley.client(Transport.UDP, "alice")) {
            alice.send(session, "text/plain", "one");
            assertThat(alice.answer().status()).isEqualTo(200);
            alice.send(session, "text/plain", "two");
            assertThat(alice.answer().status()).isEqualTo(200);
        }
        try (ImClient carol = parley.registered(Transport.TCP, "carol")) {
            SipMessage notice = carol.receive();
            assertThat(notice.header("x-parley-stored")).isEqualTo("offline");
            assertThat(event(notice).get("event").asText()).isEqualTo("joined");
            for (String text : List.of("one", "two")) {
                SipMessage m = carol.receive();
                assertThat(m.header("x-parley-stored")).isEqualTo("offline");
                assertThat(m.header("from")).contains("<" + session + ">");
                assertThat(Cpim.parse(m.body()).body()).isEqualTo(text);
                assertThat(Cpim.parse(m.body()).from()).isEqualTo(ALICE);
            }
        }
    }

    @Test
    void sessionRosterSurvivesRestart() throws IOException {
        String session = create("alice", "Kept", BOB, CAROL);
        op("carol", "chat.leave", "{\"session\": \"" + session + "\"}");
        parley.restart();
        try (ImClient bob = parley.registered(Transport.UDP, "bob"); ImClient alice = parley.client(Transport.UDP, "alice");
             ImClient carol = parley.client(Transport.UDP, "carol")) {
            alice.send(session, "text/plain", "after the restart");
            assertThat(alice.answer().status()).isEqualTo(200);
            assertThat(Cpim.parse(bob.receiveContaining("after the restart").body()).from()).isEqualTo(ALICE);
            carol.send(session, "text/plain", "me too");
            assertThat(carol.answer().status()).as("carol left before the restart").isEqualTo(403);
        }
        JsonNode roster = op("bob", "chat.invite", "{\"session\": \"" + session + "\", \"uri\": \"" + ALICE + "\"}");
        assertThat(participants(roster)).containsExactly(ALICE, BOB);
    }

    @Test
    void sessionLimitsAndBadParticipantsAreRefused() {
        assertThatThrownBy(() -> create("alice", "Big", BOB, CAROL, "sip:dave@parley.test", "sip:erin@parley.test"))
                .as("five with the creator, the limit is four")
                .isInstanceOfSatisfying(ServiceError.class, e -> assertThat(e.status()).isEqualTo(413));
        assertThatThrownBy(() -> create("alice", "Ghost", "sip:nobody@parley.test"))
                .isInstanceOfSatisfying(ServiceError.class, e -> assertThat(e.status()).isEqualTo(404));
        assertThatThrownBy(() -> create("alice", "Away", "sip:bob@elsewhere.example"))
                .isInstanceOfSatisfying(ServiceError.class, e -> assertThat(e.status()).isEqualTo(400));
        assertThatThrownBy(() -> op("alice", "chat.leave", "{\"session\": \"sip:chat~nosuchsession@parley.test\"}"))
                .isInstanceOfSatisfying(ServiceError.class, e -> assertThat(e.status()).isEqualTo(404));
    }

    @Test
    void messageToUnknownSessionGets404() throws IOException {
        try (ImClient alice = parley.client(Transport.UDP, "alice")) {
            alice.send("sip:chat~nosuchsession@parley.test", "text/plain", "anyone?");
            assertThat(alice.answer().status()).isEqualTo(404);
        }
    }
}
