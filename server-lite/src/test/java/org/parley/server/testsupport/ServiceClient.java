package org.parley.server.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.UUID;
import org.parley.core.contacts.ServiceCodec;
import org.parley.server.ParleyServer;

/** Sends SERVICE requests (docs/protocol.md) as one user over TCP, answering the 407 challenge with digest. */
public final class ServiceClient implements Closeable {
    private static final Duration WAIT = Duration.ofSeconds(5);
    private final SipTestClient sip;

    public ServiceClient(ParleyServer server, String user) throws IOException {
        this.sip = new SipTestClient(SipTestClient.Transport.TCP, "127.0.0.1", server.sipPort(), user, TestServer.DOMAIN);
    }

    /** The SERVICE request text; {@code auth} is a Proxy-Authorization value or null. */
    public String request(String target, String contentType, String body, String auth) {
        String from = "sip:" + sip.user() + "@" + TestServer.DOMAIN;
        return "SERVICE " + target + " SIP/2.0\n"
                + "Via: " + sip.via(SipTestClient.newBranch()) + "\n"
                + "Max-Forwards: 70\n"
                + "From: <" + from + ">;tag=" + SipTestClient.newTag() + "\n"
                + "To: <" + target + ">\n"
                + "Call-ID: " + UUID.randomUUID() + "@test\n"
                + "CSeq: " + sip.nextCseq() + " SERVICE\n"
                + (contentType == null ? "" : "Content-Type: " + contentType + "\n")
                + (auth == null ? "" : "Proxy-Authorization: " + auth + "\n")
                + "\n" + (body == null ? "" : body);
    }

    /** Sends without credentials and returns the final response. */
    public SipMessage sendUnauthenticated(String target, String contentType, String body) throws IOException {
        sip.send(request(target, contentType, body, null));
        return sip.expectResponse(WAIT);
    }

    /** Sends to {@code target}, answering the challenge; returns the final response. */
    public SipMessage send(String target, String contentType, String body) throws IOException {
        SipMessage challenge = sendUnauthenticated(target, contentType, body);
        assertThat(challenge).as("an answer to SERVICE").isNotNull();
        if (challenge.status() != 407) {
            return challenge;
        }
        String auth = SipTestClient.authorization(challenge.header("proxy-authenticate"), sip.user(),
                TestServer.password(sip.user()), "SERVICE", target);
        sip.send(request(target, contentType, body, auth));
        SipMessage answer = sip.expectResponse(WAIT);
        assertThat(answer).as("an answer to the authenticated SERVICE").isNotNull();
        return answer;
    }

    /** An op to the user's own address. */
    public SipMessage call(String json) throws IOException {
        return send("sip:" + sip.user() + "@" + TestServer.DOMAIN, ServiceCodec.SERVICE_CONTENT_TYPE, json);
    }

    /** An op that must answer 200; its JSON result. */
    public JsonNode ok(String json) throws IOException {
        SipMessage r = call(json);
        assertThat(r.status()).as("answer to %s:%n%s", json, r).isEqualTo(200);
        assertThat(r.header("content-type")).isEqualTo(ServiceCodec.SERVICE_CONTENT_TYPE);
        return ServiceCodec.parseObject(r.body());
    }

    /** An op that must fail with {@code status}; its error message. */
    public String fails(String json, int status) throws IOException {
        SipMessage r = call(json);
        assertThat(r.status()).as("answer to %s:%n%s", json, r).isEqualTo(status);
        return ServiceCodec.parseObject(r.body()).path("error").asText();
    }

    public SipTestClient sip() {
        return sip;
    }

    @Override
    public void close() throws IOException {
        sip.close();
    }
}
