package org.parley.server.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.parley.core.sip.DigestAlgorithm;
import org.parley.server.testsupport.SipMessage;
import org.parley.server.testsupport.SipTestClient;
import org.parley.server.testsupport.SipTestClient.Transport;
import org.parley.server.testsupport.TestServer;
import org.parley.server.testsupport.TestServerExtension;

class ProxyTest {
    private static final Duration WAIT = Duration.ofSeconds(5);

    @RegisterExtension
    final TestServerExtension parley = TestServerExtension.withUsers("alice", "bob", "carol");

    private SipTestClient client(Transport t, String user) throws IOException {
        return new SipTestClient(t, "127.0.0.1", t == Transport.TLS ? parley.server().tlsPort() : parley.server().sipPort(), user, TestServer.DOMAIN);
    }

    private SipTestClient registered(Transport t, String user) throws IOException {
        SipTestClient c = client(t, user);
        assertThat(c.registerWithDigest(TestServer.password(user), 600, DigestAlgorithm.MD5).status()).isEqualTo(200);
        return c;
    }

    /** The INVITE state a caller keeps to continue the dialog. */
    record Call(String callId, String fromTag, String target, int cseq, String branch) {
    }

    private static String invite(SipTestClient caller, Call call, String auth) {
        return "INVITE " + call.target() + " SIP/2.0\n"
                + "Via: " + caller.via(call.branch()) + "\n"
                + "Max-Forwards: 70\n"
                + "From: \"" + caller.user() + "\" <sip:" + caller.user() + "@" + TestServer.DOMAIN + ">;tag=" + call.fromTag() + "\n"
                + "To: <" + call.target() + ">\n"
                + "Call-ID: " + call.callId() + "\n"
                + "CSeq: " + call.cseq() + " INVITE\n"
                + "Contact: <" + caller.contact() + ">\n"
                + (auth == null ? "" : "Proxy-Authorization: " + auth + "\n")
                + "Content-Type: application/sdp\n"
                + "\n"
                + "v=0\no=- 1 1 IN IP4 127.0.0.1\ns=-\nc=IN IP4 127.0.0.1\nt=0 0\nm=audio 4000 RTP/AVP 0\n";
    }

    /** Sends INVITE, answers the 407 with credentials (ACKing the 407), and returns the call state. */
    private Call inviteWithAuth(SipTestClient caller, String calleeUser) throws IOException {
        String target = "sip:" + calleeUser + "@" + TestServer.DOMAIN;
        Call first = new Call(UUID.randomUUID() + "@test", SipTestClient.newTag(), target, 1, SipTestClient.newBranch());
        caller.send(invite(caller, first, null));
        SipMessage challenge = caller.expectResponse(WAIT);
        assertThat(challenge.status()).as("challenge").isEqualTo(407);
        caller.send(ackFor(caller, first, challenge, null));
        String auth = SipTestClient.authorization(challenge.header("proxy-authenticate"), caller.user(),
                TestServer.password(caller.user()), "INVITE", target);
        Call second = new Call(first.callId(), first.fromTag(), target, 2, SipTestClient.newBranch());
        caller.send(invite(caller, second, auth));
        return second;
    }

    /** ACK for a non-2xx final response (same branch as the INVITE). */
    private static String ackFor(SipTestClient caller, Call call, SipMessage response, String route) {
        return "ACK " + call.target() + " SIP/2.0\n"
                + "Via: " + caller.via(call.branch()) + "\n"
                + "Max-Forwards: 70\n"
                + "From: <sip:" + caller.user() + "@" + TestServer.DOMAIN + ">;tag=" + call.fromTag() + "\n"
                + "To: " + response.header("to") + "\n"
                + "Call-ID: " + call.callId() + "\n"
                + "CSeq: " + call.cseq() + " ACK\n"
                + (route == null ? "" : "Route: " + route + "\n")
                + "\n";
    }

    /** A callee's response to a request it received, with its own To tag and Contact. */
    private static String answer(SipTestClient callee, SipMessage request, int status, String reason, String toTag) {
        StringBuilder sb = new StringBuilder("SIP/2.0 " + status + " " + reason + "\n");
        for (String via : request.headers("via")) {
            sb.append("Via: ").append(via).append('\n');
        }
        for (String rr : request.headers("record-route")) {
            sb.append("Record-Route: ").append(rr).append('\n');
        }
        sb.append("From: ").append(request.header("from")).append('\n');
        String to = request.header("to");
        sb.append("To: ").append(toTag == null || to.contains(";tag=") ? to : to + ";tag=" + toTag).append('\n');
        sb.append("Call-ID: ").append(request.header("call-id")).append('\n');
        sb.append("CSeq: ").append(request.header("cseq")).append('\n');
        sb.append("Contact: <").append(callee.contact()).append(">\n\n");
        return sb.toString();
    }

    /** The caller's route set from a 2xx: the Record-Route entries reversed. */
    private static List<String> routeSet(SipMessage ok) {
        List<String> rr = new java.util.ArrayList<>(ok.headers("record-route"));
        java.util.Collections.reverse(rr);
        return rr;
    }

    private static String inDialog(SipTestClient caller, String method, Call call, SipMessage ok, int cseq, String branch) {
        String remoteTarget = ok.header("contact").replaceAll("^<|>.*$", "");
        StringBuilder sb = new StringBuilder(method + " " + remoteTarget + " SIP/2.0\n");
        sb.append("Via: ").append(caller.via(branch)).append('\n');
        sb.append("Max-Forwards: 70\n");
        for (String r : routeSet(ok)) {
            sb.append("Route: ").append(r).append('\n');
        }
        sb.append("From: <sip:").append(caller.user()).append('@').append(TestServer.DOMAIN).append(">;tag=").append(call.fromTag()).append('\n');
        sb.append("To: ").append(ok.header("to")).append('\n');
        sb.append("Call-ID: ").append(call.callId()).append('\n');
        sb.append("CSeq: ").append(cseq).append(' ').append(method).append("\n\n");
        return sb.toString();
    }

    @ParameterizedTest(name = "caller {0}, callee {1}")
    @CsvSource({"UDP,UDP", "TCP,TCP", "TCP,UDP", "UDP,TLS"})
    void callBetweenRegisteredUsersIsProxiedWithRecordRouteThroughBye(Transport callerT, Transport calleeT) throws IOException {
        try (SipTestClient bob = registered(calleeT, "bob"); SipTestClient alice = client(callerT, "alice")) {
            Call call = inviteWithAuth(alice, "bob");
            SipMessage incoming = bob.expectRequest("INVITE", WAIT);
            assertThat(incoming).as("callee receives the INVITE").isNotNull();
            assertThat(incoming.requestUri()).startsWith("sip:bob@127.0.0.1:" + bob.localPort());
            assertThat(incoming.header("max-forwards")).isEqualTo("69");
            assertThat(incoming.header("proxy-authorization")).as("our credentials are not passed on").isNull();
            assertThat(incoming.headers("record-route")).isNotEmpty().allSatisfy(rr -> assertThat(rr).contains(";lr"));
            assertThat(incoming.headers("record-route")).hasSize(callerT == calleeT ? 1 : 2);
            assertThat(incoming.headers("via")).hasSize(2);

            String toTag = SipTestClient.newTag();
            bob.send(answer(bob, incoming, 180, "Ringing", toTag));
            SipMessage ringing = alice.expect(m -> m.isResponse() && m.status() == 180, WAIT);
            assertThat(ringing).as("180 relayed").isNotNull();
            bob.send(answer(bob, incoming, 200, "OK", toTag));
            SipMessage ok = alice.expect(m -> m.isResponse() && m.status() == 200, WAIT);
            assertThat(ok).as("200 relayed").isNotNull();
            assertThat(ok.headers("via")).as("proxy removed its Via").hasSize(1);

            alice.send(inDialog(alice, "ACK", call, ok, call.cseq(), SipTestClient.newBranch()));
            assertThat(bob.expectRequest("ACK", WAIT)).as("ACK for 2xx reaches the callee through the proxy").isNotNull();

            alice.send(inDialog(alice, "BYE", call, ok, call.cseq() + 1, SipTestClient.newBranch()));
            SipMessage bye = bob.expectRequest("BYE", WAIT);
            assertThat(bye).as("BYE follows the route set").isNotNull();
            assertThat(bye.headers("route")).as("the proxy removed its own Route entries").isEmpty();
            bob.send(answer(bob, bye, 200, "OK", null));
            SipMessage byeOk = alice.expectResponse(WAIT);
            assertThat(byeOk.status()).isEqualTo(200);
            assertThat(byeOk.header("cseq")).contains("BYE");
        }
    }

    @Test
    void inviteWithoutCredentialsGets407WithTheConfiguredDigestChallenge() throws IOException {
        try (SipTestClient alice = client(Transport.UDP, "alice")) {
            Call call = new Call("x@test", "t1", "sip:bob@" + TestServer.DOMAIN, 1, SipTestClient.newBranch());
            alice.send(invite(alice, call, null));
            SipMessage r = alice.expectResponse(WAIT);
            assertThat(r.status()).isEqualTo(407);
            assertThat(r.headers("proxy-authenticate")).hasSize(1);
            assertThat(SipMessage.param(r.header("proxy-authenticate"), "algorithm")).isEqualTo("MD5");
            assertThat(SipMessage.param(r.header("proxy-authenticate"), "realm")).isEqualTo(TestServer.DOMAIN);
        }
    }

    @Test
    void inviteToUnknownUserGets404() throws IOException {
        try (SipTestClient alice = client(Transport.UDP, "alice")) {
            inviteWithAuth(alice, "nobody");
            assertThat(alice.expectResponse(WAIT).status()).isEqualTo(404);
        }
    }

    @Test
    void inviteToKnownButUnregisteredUserIsAnsweredByTheirVoicemail() throws IOException {
        try (SipTestClient alice = client(Transport.UDP, "alice")) {
            inviteWithAuth(alice, "carol");
            SipMessage answer = alice.expect(m -> m.status() >= 200, WAIT);
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.header("contact")).contains("voicemail@");
        }
    }

    @Test
    void forkingRingsEveryContactAndCancelsTheOthersWhenOneAnswers() throws IOException {
        try (SipTestClient desk = registered(Transport.UDP, "bob"); SipTestClient mobile = registered(Transport.TCP, "bob");
             SipTestClient alice = client(Transport.UDP, "alice")) {
            inviteWithAuth(alice, "bob");
            SipMessage atDesk = desk.expectRequest("INVITE", WAIT);
            SipMessage atMobile = mobile.expectRequest("INVITE", WAIT);
            assertThat(atDesk).isNotNull();
            assertThat(atMobile).isNotNull();
            mobile.send(answer(mobile, atMobile, 180, "Ringing", "m1"));
            desk.send(answer(desk, atDesk, 180, "Ringing", "d1"));
            desk.send(answer(desk, atDesk, 200, "OK", "d1"));
            assertThat(alice.expect(m -> m.isResponse() && m.status() == 200, WAIT)).isNotNull();
            SipMessage cancel = mobile.expectRequest("CANCEL", WAIT);
            assertThat(cancel).as("the other fork is cancelled").isNotNull();
            mobile.send(answer(mobile, cancel, 200, "OK", null));
            mobile.send(answer(mobile, atMobile, 487, "Request Terminated", "m1"));
            assertThat(mobile.expectRequest("ACK", WAIT)).as("proxy ACKs the 487").isNotNull();
        }
    }

    @Test
    void cancelBeforeAnswerReachesTheCalleeAndTheCallerGets487() throws IOException {
        try (SipTestClient bob = registered(Transport.UDP, "bob"); SipTestClient alice = client(Transport.UDP, "alice")) {
            Call call = inviteWithAuth(alice, "bob");
            SipMessage incoming = bob.expectRequest("INVITE", WAIT);
            bob.send(answer(bob, incoming, 180, "Ringing", "b1"));
            assertThat(alice.expect(m -> m.isResponse() && m.status() == 180, WAIT)).isNotNull();
            alice.send("CANCEL " + call.target() + " SIP/2.0\n"
                    + "Via: " + alice.via(call.branch()) + "\n"
                    + "Max-Forwards: 70\n"
                    + "From: <sip:alice@" + TestServer.DOMAIN + ">;tag=" + call.fromTag() + "\n"
                    + "To: <" + call.target() + ">\n"
                    + "Call-ID: " + call.callId() + "\n"
                    + "CSeq: " + call.cseq() + " CANCEL\n\n");
            SipMessage cancelOk = alice.expect(m -> m.isResponse() && m.header("cseq").contains("CANCEL"), WAIT);
            assertThat(cancelOk.status()).isEqualTo(200);
            SipMessage cancel = bob.expectRequest("CANCEL", WAIT);
            assertThat(cancel).isNotNull();
            bob.send(answer(bob, cancel, 200, "OK", null));
            bob.send(answer(bob, incoming, 487, "Request Terminated", "b1"));
            SipMessage terminated = alice.expect(m -> m.isResponse() && m.header("cseq").contains("INVITE") && m.status() >= 300, WAIT);
            assertThat(terminated.status()).isEqualTo(487);
        }
    }

    @Test
    void requestWithMaxForwardsZeroGets483() throws IOException {
        try (SipTestClient alice = client(Transport.UDP, "alice")) {
            Call call = new Call("mf@test", "t1", "sip:bob@" + TestServer.DOMAIN, 1, SipTestClient.newBranch());
            alice.send(invite(alice, call, null).replace("Max-Forwards: 70", "Max-Forwards: 0"));
            assertThat(alice.expectResponse(WAIT).status()).isEqualTo(483);
        }
    }

    @Test
    void requestThatCameBackThroughUsUnchangedGets482() throws IOException {
        try (SipTestClient bob = registered(Transport.UDP, "bob"); SipTestClient alice = client(Transport.UDP, "alice")) {
            inviteWithAuth(alice, "bob");
            SipMessage forwarded = bob.expectRequest("INVITE", WAIT);
            // bob's side forwards the request it received back to the same address of record, as a misconfigured
            // forward would: same Request-URI, tags, Call-ID and CSeq as the original, our Via still inside
            String looped = forwarded.raw().replaceFirst("Via: ", "Via: " + bob.via(SipTestClient.newBranch()) + "\r\nVia: ")
                    .replaceFirst("^INVITE \\S+ ", "INVITE sip:bob@" + TestServer.DOMAIN + " ");
            bob.sendRaw(looped.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            assertThat(bob.expect(m -> m.isResponse() && m.status() == 482, WAIT)).as("482 Loop Detected").isNotNull();
        }
    }

    @Test
    void authenticatedUserCannotSendAsSomeoneElse() throws IOException {
        try (SipTestClient alice = client(Transport.UDP, "alice")) {
            String target = "sip:bob@" + TestServer.DOMAIN;
            Call call = new Call("spoof@test", "t1", target, 1, SipTestClient.newBranch());
            String spoofed = invite(alice, call, null).replace("From: \"alice\" <sip:alice@", "From: \"carol\" <sip:carol@");
            alice.send(spoofed);
            SipMessage challenge = alice.expectResponse(WAIT);
            String auth = SipTestClient.authorization(challenge.header("proxy-authenticate"), "alice", TestServer.password("alice"),
                    "INVITE", target);
            alice.send(spoofed.replace("CSeq: 1 INVITE", "CSeq: 2 INVITE").replace("Content-Type:", "Proxy-Authorization: " + auth + "\nContent-Type:")
                    .replace(call.branch(), SipTestClient.newBranch()));
            assertThat(alice.expectResponse(WAIT).status()).isEqualTo(403);
        }
    }

    @Test
    void messageIsRelayedToTheRegisteredContactAndItsAnswerComesBack() throws IOException {
        try (SipTestClient bob = registered(Transport.TCP, "bob"); SipTestClient alice = client(Transport.UDP, "alice")) {
            String target = "sip:bob@" + TestServer.DOMAIN;
            String message = "MESSAGE " + target + " SIP/2.0\n"
                    + "Via: " + alice.via("BRANCH") + "\n"
                    + "Max-Forwards: 70\n"
                    + "From: <sip:alice@" + TestServer.DOMAIN + ">;tag=m1\n"
                    + "To: <" + target + ">\n"
                    + "Call-ID: msg@test\n"
                    + "CSeq: CSEQ MESSAGE\n"
                    + "AUTH"
                    + "Content-Type: text/plain\n\nhello bob";
            alice.send(message.replace("BRANCH", SipTestClient.newBranch()).replace("CSEQ", "1").replace("AUTH", ""));
            SipMessage challenge = alice.expectResponse(WAIT);
            String auth = SipTestClient.authorization(challenge.header("proxy-authenticate"), "alice", TestServer.password("alice"),
                    "MESSAGE", target);
            alice.send(message.replace("BRANCH", SipTestClient.newBranch()).replace("CSEQ", "2")
                    .replace("AUTH", "Proxy-Authorization: " + auth + "\n"));
            SipMessage atBob = bob.expectRequest("MESSAGE", WAIT);
            assertThat(atBob.body()).isEqualTo("hello bob");
            bob.send(answer(bob, atBob, 200, "OK", "b2"));
            assertThat(alice.expectResponse(WAIT).status()).isEqualTo(200);
        }
    }

    @Test
    void optionsToTheServerItselfGets200WithoutAuthentication() throws IOException {
        try (SipTestClient anyone = client(Transport.UDP, "probe")) {
            anyone.send("OPTIONS sip:127.0.0.1:" + parley.server().sipPort() + " SIP/2.0\n"
                    + "Via: " + anyone.via(SipTestClient.newBranch()) + "\n"
                    + "Max-Forwards: 70\n"
                    + "From: <sip:probe@example.org>;tag=o1\n"
                    + "To: <sip:127.0.0.1:" + parley.server().sipPort() + ">\n"
                    + "Call-ID: opt@test\n"
                    + "CSeq: 1 OPTIONS\n\n");
            SipMessage ok = anyone.expectResponse(WAIT);
            assertThat(ok.status()).isEqualTo(200);
            assertThat(String.join(",", ok.headers("allow"))).contains("INVITE").contains("REGISTER");
        }
    }
}
