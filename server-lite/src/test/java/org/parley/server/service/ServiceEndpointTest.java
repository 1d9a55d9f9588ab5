package org.parley.server.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.parley.core.contacts.ServiceCodec;
import org.parley.server.testsupport.ServiceClient;
import org.parley.server.testsupport.SipMessage;
import org.parley.server.testsupport.SipTestClient;
import org.parley.server.testsupport.TestServer;
import org.parley.server.testsupport.TestServerExtension;

class ServiceEndpointTest {
    private static final String ALICE = "sip:alice@" + TestServer.DOMAIN;
    private static final java.time.Duration WAIT = java.time.Duration.ofSeconds(5);

    @RegisterExtension
    final TestServerExtension parley = TestServerExtension.withUsers("alice", "bob");

    @Test
    void serviceWithoutCredentialsGets407() throws IOException {
        try (ServiceClient alice = new ServiceClient(parley.server(), "alice")) {
            SipMessage r = alice.sendUnauthenticated(ALICE, ServiceCodec.SERVICE_CONTENT_TYPE, ServiceCodec.contactsGet());
            assertThat(r.status()).isEqualTo(407);
            assertThat(r.header("proxy-authenticate")).contains("Digest").contains("realm=\"" + TestServer.DOMAIN + "\"");
        }
    }

    @Test
    void serviceForAnotherUserGets403() throws IOException {
        try (ServiceClient bob = new ServiceClient(parley.server(), "bob")) {
            SipMessage r = bob.send(ALICE, ServiceCodec.SERVICE_CONTENT_TYPE, ServiceCodec.contactsGet());
            assertThat(r.status()).isEqualTo(403);
            assertThat(ServiceCodec.errorMessage(r.body(), "")).contains("your own address");
        }
    }

    @Test
    void otherBodyTypeGets415WithAccept() throws IOException {
        try (ServiceClient alice = new ServiceClient(parley.server(), "alice")) {
            SipMessage r = alice.send(ALICE, "text/plain", "{\"op\":\"contacts.get\"}");
            assertThat(r.status()).isEqualTo(415);
            assertThat(r.header("accept")).isEqualTo(ServiceCodec.SERVICE_CONTENT_TYPE);
        }
    }

    @Test
    void badJsonUnknownOpAndMissingOpGet400WithAMessage() throws IOException {
        try (ServiceClient alice = new ServiceClient(parley.server(), "alice")) {
            assertThat(alice.fails("{\"op\": ", 400)).contains("not valid JSON");
            assertThat(alice.fails("[]", 400)).contains("not a JSON object");
            assertThat(alice.fails("{\"op\":\"contacts.explode\"}", 400)).contains("unknown op 'contacts.explode'");
            assertThat(alice.fails("{}", 400)).contains("missing 'op'");
        }
    }

    @Test
    void aRetransmittedRequestIsAnsweredAgainNotRunTwice() throws IOException {
        try (SipTestClient udp = new SipTestClient(SipTestClient.Transport.UDP, "127.0.0.1", parley.server().sipPort(),
                "alice", TestServer.DOMAIN); ServiceClient alice = new ServiceClient(parley.server(), "alice")) {
            String body = ServiceCodec.contactsAdd("sip:bob@" + TestServer.DOMAIN, null);
            udp.send(overUdp(udp, alice.request(ALICE, ServiceCodec.SERVICE_CONTENT_TYPE, body, null)));
            SipMessage challenge = udp.expectResponse(WAIT);
            assertThat(challenge.status()).isEqualTo(407);
            String auth = SipTestClient.authorization(challenge.header("proxy-authenticate"), "alice",
                    TestServer.password("alice"), "SERVICE", ALICE);
            String request = overUdp(udp, alice.request(ALICE, ServiceCodec.SERVICE_CONTENT_TYPE, body, auth));
            udp.send(request);
            SipMessage first = udp.expectResponse(WAIT);
            udp.send(request);
            SipMessage again = udp.expectResponse(WAIT);
            assertThat(first.status()).isEqualTo(200);
            assertThat(again.status()).as("the same answer, not 409").isEqualTo(200);
            assertThat(again.body()).isEqualTo(first.body());
            assertThat(ServiceCodec.contactList(alice.ok(ServiceCodec.contactsGet())).version()).as("ran once").isEqualTo(1);
        }
    }

    @Test
    void customStatesOpIsRegistered() throws IOException {
        try (ServiceClient alice = new ServiceClient(parley.server(), "alice")) {
            assertThat(alice.ok("{\"op\":\"presence.customStates\"}").path("states").isArray()).isTrue();
        }
    }

    /** The request text built by the TCP helper, with a Via for the UDP socket. */
    private static String overUdp(SipTestClient udp, String request) {
        return request.replaceFirst("SIP/2.0/TCP 127.0.0.1:\\d+", "SIP/2.0/UDP 127.0.0.1:" + udp.localPort());
    }

    @Test
    void opAnswersItsJsonWith200() throws IOException {
        try (ServiceClient alice = new ServiceClient(parley.server(), "alice")) {
            var list = ServiceCodec.contactList(alice.ok(ServiceCodec.contactsGet()));
            assertThat(list.contacts()).isEmpty();
            assertThat(list.version()).isZero();
        }
    }
}
