package org.parley.server.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.parley.core.contacts.ServiceCodec;
import org.parley.core.model.ContactList;
import org.parley.server.testsupport.ServiceClient;
import org.parley.server.testsupport.SipMessage;
import org.parley.server.testsupport.SipTestClient;
import org.parley.server.testsupport.TestServer;
import org.parley.server.testsupport.TestServerExtension;

/** The parley-contacts event package: every device of the owner gets the whole list at once and after each edit. */
class ContactsRoamingTest {
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final String D = TestServer.DOMAIN;

    @RegisterExtension
    final TestServerExtension parley = TestServerExtension.withUsers("alice", "bob");

    private SipTestClient device(String user) throws IOException {
        return new SipTestClient(SipTestClient.Transport.TCP, "127.0.0.1", parley.server().sipPort(), user, D);
    }

    private static SipMessage subscribe(SipTestClient c, String target) throws IOException {
        String uri = "sip:" + target + "@" + D;
        String callId = UUID.randomUUID() + "@t";
        String fromTag = SipTestClient.newTag();
        return c.authenticated(TestServer.password(c.user()), "SUBSCRIBE", uri, (cseq, auth) ->
                "SUBSCRIBE " + uri + " SIP/2.0\n"
                        + "Via: " + c.via(SipTestClient.newBranch()) + "\n"
                        + "Max-Forwards: 70\n"
                        + "From: <sip:" + c.user() + "@" + D + ">;tag=" + fromTag + "\n"
                        + "To: <" + uri + ">\n"
                        + "Call-ID: " + callId + "\n"
                        + "CSeq: " + cseq + " SUBSCRIBE\n"
                        + "Contact: <" + c.contact() + ">\n"
                        + "Event: parley-contacts\n"
                        + "Accept: " + ServiceCodec.CONTACTS_CONTENT_TYPE + "\n"
                        + "Expires: 600\n"
                        + auth
                        + "\n");
    }

    private static ContactList nextList(SipTestClient c) throws IOException {
        SipMessage n = c.expectRequest("NOTIFY", WAIT);
        assertThat(n).as("a NOTIFY").isNotNull();
        StringBuilder ok = new StringBuilder("SIP/2.0 200 OK\n");
        n.headers("via").forEach(v -> ok.append("Via: ").append(v).append('\n'));
        ok.append("From: ").append(n.header("from")).append('\n').append("To: ").append(n.header("to")).append('\n')
                .append("Call-ID: ").append(n.header("call-id")).append('\n').append("CSeq: ").append(n.header("cseq"))
                .append("\n\n");
        c.send(ok.toString());
        assertThat(n.header("event")).isEqualTo("parley-contacts");
        assertThat(n.header("content-type")).isEqualTo(ServiceCodec.CONTACTS_CONTENT_TYPE);
        return ServiceCodec.contactList(n.body());
    }

    @Test
    void everyDeviceOfTheOwnerGetsTheListAtOnceAndAfterEachEdit() throws IOException {
        try (SipTestClient desk = device("alice"); SipTestClient phone = device("alice");
             ServiceClient laptop = new ServiceClient(parley.server(), "alice")) {
            laptop.ok(ServiceCodec.groupsAdd("Team"));
            assertThat(subscribe(desk, "alice").status()).isEqualTo(200);
            assertThat(nextList(desk).groups()).extracting(g -> g.name()).containsExactly("Team");
            assertThat(subscribe(phone, "alice").status()).isEqualTo(200);
            assertThat(nextList(phone).version()).isEqualTo(1);

            ContactList answered = ServiceCodec.contactList(laptop.ok(ServiceCodec.contactsAdd("sip:bob@" + D, null)));
            ContactList onDesk = nextList(desk);
            ContactList onPhone = nextList(phone);
            assertThat(onDesk).isEqualTo(answered);
            assertThat(onPhone).isEqualTo(answered);
            assertThat(onDesk.contact("sip:bob@" + D)).isPresent();
        }
    }

    @Test
    void onlyTheOwnerMaySubscribeToAList() throws IOException {
        try (SipTestClient bob = device("bob")) {
            assertThat(subscribe(bob, "alice").status()).isEqualTo(403);
        }
    }
}
