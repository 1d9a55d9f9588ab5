package org.parley.server.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.parley.core.contacts.ServiceCodec;
import org.parley.server.testsupport.ServiceClient;
import org.parley.server.testsupport.SipMessage;
import org.parley.server.testsupport.TestServer;
import org.parley.server.testsupport.TestServerExtension;

class ServiceEndpointTest {
    private static final String ALICE = "sip:alice@" + TestServer.DOMAIN;

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
    void opAnswersItsJsonWith200() throws IOException {
        try (ServiceClient alice = new ServiceClient(parley.server(), "alice")) {
            var list = ServiceCodec.contactList(alice.ok(ServiceCodec.contactsGet()));
            assertThat(list.contacts()).isEmpty();
            assertThat(list.version()).isZero();
        }
    }
}
