package org.parley.server.client;

import static org.parley.server.testsupport.ToneMeter.secondsOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.parley.core.client.AudioDevices;
import org.parley.core.client.CallOptions;
import org.parley.core.client.CallTarget;
import org.parley.core.client.ClientConfig.Transport;
import org.parley.core.client.TelephonyService.Call;
import org.parley.core.client.TelephonyService.Direction;
import org.parley.core.client.TelephonyService.EndReason;
import org.parley.core.client.TelephonyService.State;
import org.parley.core.client.UcClient;
import org.parley.core.error.ErrorCode;
import org.parley.core.error.ParleyException;
import org.parley.core.sip.DigestAlgorithm;
import org.parley.server.client.CallTest.Calls;
import org.parley.server.testsupport.SipMessage;
import org.parley.server.testsupport.SipTestClient;
import org.parley.server.testsupport.TestServer;
import org.parley.server.testsupport.TestServerExtension;

/**
 * Transfer and redirect between real clients through a real server: blind transfer (REFER, Referred-By, the refer
 * subscription's sipfrag NOTIFYs), consultative transfer (REFER with Replaces; INVITE with Replaces), a refused
 * transfer, transfer to one's own other endpoint, and redirect (302) to a user, a number and voicemail. After blind
 * and consultative transfers the final pair's recordings must hold each other's tone (real SRTP audio).
 */
class TransferTest {
    private static final String ALICE = "sip:alice@" + TestServer.DOMAIN;
    private static final double ALICE_HZ = 697;
    private static final double BOB_HZ = 1209;
    private static final double CAROL_HZ = 1477;

    @RegisterExtension
    final TestServerExtension parley = TestServerExtension.withUsers("alice", "bob", "carol");
    @RegisterExtension
    final Clients clients = new Clients();

    /** {@code caller} calls {@code callee}, who answers; returns the caller's call id and the callee's. */
    private static String[] connect(UcClient caller, Calls callerCalls, UcClient callee, Calls calleeCalls,
                                    String calleeName, String callerName) throws Exception {
        Call placed = caller.telephony().call(calleeName, CallOptions.NONE);
        Call in = calleeCalls.await(c -> c.direction() == Direction.INCOMING && c.state() == State.INCOMING
                && c.peer().contains(callerName) && calleeCalls.all.stream()
                .noneMatch(x -> x.id().equals(c.id()) && x.state().isFinal()));
        callee.telephony().answer(in.id()).get(10, TimeUnit.SECONDS);
        callerCalls.await(placed.id(), State.CONNECTED);
        return new String[] {placed.id(), in.id()};
    }

    private static String[] swap(String[] ids) {
        return new String[] {ids[1], ids[0]};
    }

    /** From now on {@code c} sends a tone of {@code hz} and records what it hears to a new WAV file, returned. */
    private Path tone(UcClient c, String name, double hz) throws Exception {
        Path out = clients.newDataDir().resolve(name + ".wav");
        c.telephony().useDevices(new AudioDevices("tone:" + hz, "file:" + out, null));
        return out;
    }


    /**
     * Lets the final pair talk for 2 s, hangs up, and checks each recording holds the other's tone and not the
     * transferor's.
     */
    private static void assertTalking(UcClient hangsUp, Calls hangerCalls, String hangerCallId, Calls otherCalls,
                                      String otherCallId, Path hangerHeard, double otherHz, Path otherHeard,
                                      double hangerHz) throws Exception {
        Thread.sleep(2_000);
        hangsUp.telephony().hangup(hangerCallId).get(10, TimeUnit.SECONDS);
        hangerCalls.await(hangerCallId, State.ENDED);
        otherCalls.await(otherCallId, State.ENDED);
        assertThat(secondsOf(hangerHeard, otherHz)).as("the other party's tone heard after the transfer").isBetween(1.2, 3.0);
        assertThat(secondsOf(otherHeard, hangerHz)).as("the transferee's tone heard after the transfer").isBetween(1.2, 3.0);
        assertThat(secondsOf(hangerHeard, ALICE_HZ)).as("the transferor is not in the new call").isZero();
        assertThat(secondsOf(otherHeard, ALICE_HZ)).as("the transferor is not in the new call").isZero();
    }

    /** The two calls carry each other's media addresses (the offer/answer of one dialog between them). */
    private static void assertPaired(Call one, Call other) {
        assertThat(one.remoteRtpPort()).isEqualTo(other.localRtpPort()).isPositive();
        assertThat(other.remoteRtpPort()).isEqualTo(one.localRtpPort()).isPositive();
    }

    @ParameterizedTest
    @EnumSource(value = Transport.class, names = {"TLS", "UDP"})
    void blindTransferConnectsTransfereeWithTargetAndEndsTransferorsCallTransferred(Transport transport) throws Exception {
        var alice = clients.signedIn(parley.server(), transport, "alice");
        var bob = clients.signedIn(parley.server(), transport, "bob");
        var carol = clients.signedIn(parley.server(), transport, "carol");
        Calls a = new Calls(alice);
        Calls b = new Calls(bob);
        Calls c = new Calls(carol);
        tone(alice, "alice", ALICE_HZ);
        tone(bob, "bob-with-alice", BOB_HZ);
        Path carolHeard = tone(carol, "carol", CAROL_HZ);
        String[] ab = connect(alice, a, bob, b, "bob", "alice");
        Path bobHeard = tone(bob, "bob-with-carol", BOB_HZ);

        CompletableFuture<Void> transferred = alice.telephony().transfer(ab[0], "carol");
        Call atCarol = c.incomingFrom("bob");
        assertThat(atCarol.referredBy()).isEqualTo(ALICE);
        assertThat(transferred).isNotDone();
        carol.telephony().answer(atCarol.id()).get(10, TimeUnit.SECONDS);
        transferred.get(10, TimeUnit.SECONDS);

        assertThat(a.await(ab[0], State.ENDED).endReason()).isEqualTo(EndReason.TRANSFERRED);
        Call bobToCarol = b.await(x -> x.direction() == Direction.OUTGOING && x.peer().contains("carol")
                && x.state() == State.CONNECTED);
        assertThat(bobToCarol.referredBy()).isEqualTo(ALICE);
        assertPaired(bobToCarol, c.await(atCarol.id(), State.CONNECTED));
        assertThat(b.await(ab[1], State.ENDED).endReason()).isEqualTo(EndReason.TRANSFERRED);
        ReconnectTest.waitFor(() -> alice.telephony().calls().isEmpty(), 5_000);
        assertThat(bob.telephony().calls()).extracting(Call::id).containsExactly(bobToCarol.id());
        assertTalking(bob, b, bobToCarol.id(), c, atCarol.id(), bobHeard, CAROL_HZ, carolHeard, BOB_HZ);
    }

    /** The consulted call placed by the transferor, or placed by the consulted party (the dialog's tags swap sides). */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(booleans = {false, true})
    void consultativeTransferReplacesTheConsultedCallAndEndsBothOfTheTransferorsCalls(boolean consultedCallsIn)
            throws Exception {
        var alice = clients.signedIn(parley.server(), Transport.TLS, "alice");
        var bob = clients.signedIn(parley.server(), Transport.TLS, "bob");
        var carol = clients.signedIn(parley.server(), Transport.TLS, "carol");
        Calls a = new Calls(alice);
        Calls b = new Calls(bob);
        Calls c = new Calls(carol);
        tone(alice, "alice", ALICE_HZ);
        tone(bob, "bob-with-alice", BOB_HZ);
        tone(carol, "carol-with-alice", CAROL_HZ);
        String[] ab = connect(alice, a, bob, b, "bob", "alice");
        String[] ac = consultedCallsIn ? swap(connect(carol, c, alice, a, "alice", "carol"))
                : connect(alice, a, carol, c, "carol", "alice");
        a.await(ab[0], State.HELD);
        Path bobHeard = tone(bob, "bob-with-carol", BOB_HZ);
        Path carolHeard = tone(carol, "carol-with-bob", CAROL_HZ);

        alice.telephony().transferToCall(ab[0], ac[0]).get(10, TimeUnit.SECONDS);

        Call bobToCarol = b.await(x -> x.direction() == Direction.OUTGOING && x.peer().contains("carol")
                && x.state() == State.CONNECTED);
        Call carolFromBob = c.await(x -> x.direction() == Direction.INCOMING && x.peer().contains("bob")
                && x.state() == State.CONNECTED);
        assertThat(c.all).as("the replacing call is answered without ringing")
                .noneMatch(x -> x.id().equals(carolFromBob.id()) && x.state() == State.INCOMING);
        assertThat(carolFromBob.referredBy()).isEqualTo(ALICE);
        assertPaired(bobToCarol, carolFromBob);
        assertThat(c.await(ac[1], State.ENDED).endReason()).isEqualTo(EndReason.REPLACED);
        assertThat(a.await(ab[0], State.ENDED).endReason()).isEqualTo(EndReason.TRANSFERRED);
        assertThat(a.await(ac[0], State.ENDED).endReason()).isEqualTo(EndReason.TRANSFERRED);
        assertThat(b.await(ab[1], State.ENDED).endReason()).isEqualTo(EndReason.TRANSFERRED);
        ReconnectTest.waitFor(() -> alice.telephony().calls().isEmpty(), 5_000);
        assertTalking(bob, b, bobToCarol.id(), c, carolFromBob.id(), bobHeard, CAROL_HZ, carolHeard, BOB_HZ);
    }

    @Test
    void transferTheTargetDeclinesFailsAndTheCallComesBack() throws Exception {
        var alice = clients.signedIn(parley.server(), Transport.TLS, "alice");
        var bob = clients.signedIn(parley.server(), Transport.TLS, "bob");
        var carol = clients.signedIn(parley.server(), Transport.TLS, "carol");
        Calls a = new Calls(alice);
        Calls b = new Calls(bob);
        Calls c = new Calls(carol);
        String[] ab = connect(alice, a, bob, b, "bob", "alice");

        CompletableFuture<Void> transferred = alice.telephony().transfer(ab[0], "carol");
        carol.telephony().decline(c.incomingFrom("bob").id()).get(10, TimeUnit.SECONDS);

        assertThatThrownBy(() -> transferred.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(ParleyException.class).hasMessageContaining("603")
                .matches(e -> ((ParleyException) e).code() == ErrorCode.REFUSED);
        try {
            ReconnectTest.waitFor(() -> a.latest(ab[0]).state() == State.CONNECTED
                    && b.latest(ab[1]).state() == State.CONNECTED, 10_000);
        } catch (AssertionError e) {
            throw new AssertionError("alice " + a.all + "\nbob " + b.all, e);
        }
        assertThat(a.all).noneMatch(x -> x.id().equals(ab[0]) && x.state() == State.ENDED);
        assertThat(b.all).noneMatch(x -> x.id().equals(ab[1]) && x.state() == State.ENDED);
    }

    @Test
    void transferToOwnUserRingsTheOtherEndpointNotTheTransferringOne() throws Exception {
        var aliceDesk = clients.signedIn(parley.server(), Transport.TLS, "alice");
        var aliceMobile = clients.signedIn(parley.server(), Transport.TLS, "alice");
        var bob = clients.signedIn(parley.server(), Transport.TLS, "bob");
        Calls desk = new Calls(aliceDesk);
        Calls mobile = new Calls(aliceMobile);
        Calls b = new Calls(bob);
        // bob's call forks to both of alice's endpoints; the desk answers (the mobile's leg is cancelled)
        Call placed = bob.telephony().call("alice", CallOptions.NONE);
        Call atDesk = desk.incomingFrom("bob");
        Call firstAtMobile = mobile.incomingFrom("bob");
        aliceDesk.telephony().answer(atDesk.id()).get(10, TimeUnit.SECONDS);
        b.await(placed.id(), State.CONNECTED);
        mobile.await(firstAtMobile.id(), State.ENDED);

        // the transferor is the callee here: its REFER and the NOTIFYs go the other way round the dialog
        CompletableFuture<Void> transferred = aliceDesk.telephony().transfer(atDesk.id(), "alice");
        Call atMobile = mobile.await(x -> x.state() == State.INCOMING && !x.id().equals(firstAtMobile.id()));
        assertThat(atMobile.referredBy()).isEqualTo(ALICE);
        aliceMobile.telephony().answer(atMobile.id()).get(10, TimeUnit.SECONDS);
        transferred.get(10, TimeUnit.SECONDS);

        assertThat(desk.await(atDesk.id(), State.ENDED).endReason()).isEqualTo(EndReason.TRANSFERRED);
        assertThat(desk.all).as("the transferring endpoint does not ring for its own transfer")
                .allMatch(x -> x.id().equals(atDesk.id()));
        Call bobToAlice = b.await(x -> x.direction() == Direction.OUTGOING && !x.id().equals(placed.id())
                && x.state() == State.CONNECTED);
        assertThat(bobToAlice.referredBy()).isEqualTo(ALICE);
        assertPaired(bobToAlice, mobile.await(atMobile.id(), State.CONNECTED));
        assertThat(b.await(placed.id(), State.ENDED).endReason()).isEqualTo(EndReason.TRANSFERRED);
    }

    @Test
    void transferRefusedByThePeerOrFailingInItsNotifyKeepsTheCall() throws Exception {
        var alice = clients.signedIn(parley.server(), Transport.TLS, "alice");
        Calls a = new Calls(alice);
        try (SipTestClient bob = new SipTestClient(SipTestClient.Transport.TLS, "127.0.0.1",
                parley.server().tlsPort(), "bob", TestServer.DOMAIN)) {
            assertThat(bob.registerWithDigest(TestServer.password("bob"), 60, DigestAlgorithm.MD5).status()).isEqualTo(200);
            Call placed = alice.telephony().call("bob", CallOptions.NONE);
            RawCallee dialog = RawCallee.answer(bob);
            a.await(placed.id(), State.CONNECTED);
            assertThat(bob.expectRequest("ACK", Duration.ofSeconds(10))).as("ACK of the 200").isNotNull();

            // a REFER answered 403: the transfer fails, the call stays
            CompletableFuture<Void> first = alice.telephony().transfer(placed.id(), "carol");
            SipMessage refer = bob.expectRequest("REFER", Duration.ofSeconds(10));
            assertThat(refer).as("REFER in the call's dialog").isNotNull();
            assertThat(refer.header("refer-to")).isEqualTo("<sip:carol@" + TestServer.DOMAIN + ">");
            assertThat(refer.header("referred-by")).isEqualTo("<" + ALICE + ">");
            assertThat(refer.tag("to")).isEqualTo(dialog.tag);
            bob.send(RawCallee.response(refer, "403 Forbidden", dialog.tag));
            assertThatThrownBy(() -> first.get(10, TimeUnit.SECONDS)).cause().hasMessageContaining("403");

            // accepted, then the sipfrag NOTIFYs of RFC 3515 §2.4.5: 100 Trying, then a failure
            CompletableFuture<Void> second = alice.telephony().transfer(placed.id(), "carol");
            refer = bob.expectRequest("REFER", Duration.ofSeconds(10));
            bob.send(RawCallee.response(refer, "202 Accepted", dialog.tag));
            bob.send(dialog.notify(bob, "active;expires=60", "SIP/2.0 100 Trying"));
            assertThat(bob.expect(m -> m.isResponse() && m.header("cseq").endsWith("NOTIFY"), Duration.ofSeconds(10))
                    .status()).isEqualTo(200);
            assertThat(second).isNotDone();
            bob.send(dialog.notify(bob, "terminated;reason=noresource", "SIP/2.0 503 Service Unavailable"));
            assertThatThrownBy(() -> second.get(10, TimeUnit.SECONDS)).cause().hasMessageContaining("503");
            assertThat(a.latest(placed.id()).state()).isEqualTo(State.CONNECTED);
            assertThat(a.all).noneMatch(x -> x.state() == State.ENDED);
        }
    }

    @Test
    void redirectToUserSendsTheCallerThereMarkedForwarded() throws Exception {
        var alice = clients.signedIn(parley.server(), Transport.TLS, "alice");
        var bob = clients.signedIn(parley.server(), Transport.UDP, "bob");
        var carol = clients.signedIn(parley.server(), Transport.TLS, "carol");
        Calls a = new Calls(alice);
        Calls b = new Calls(bob);
        Calls c = new Calls(carol);

        Call placed = alice.telephony().call("bob", CallOptions.NONE);
        Call atBob = b.incomingFrom("alice");
        bob.telephony().redirect(atBob.id(), CallTarget.user("carol")).get(10, TimeUnit.SECONDS);
        assertThat(b.await(atBob.id(), State.ENDED).endReason()).isEqualTo(EndReason.TRANSFERRED);

        Call atCarol = c.incomingFrom("alice");
        carol.telephony().answer(atCarol.id()).get(10, TimeUnit.SECONDS);
        Call connected = a.await(placed.id(), State.CONNECTED);
        assertThat(connected.forwarded()).isTrue();
        assertPaired(connected, c.await(atCarol.id(), State.CONNECTED));
    }

    @Test
    void redirectToVoicemailOrNumberAnswers302WithThatContact() throws Exception {
        var bob = clients.signedIn(parley.server(), Transport.TLS, "bob");
        Calls b = new Calls(bob);
        try (SipTestClient raw = new SipTestClient(SipTestClient.Transport.TLS, "127.0.0.1",
                parley.server().tlsPort(), "alice", TestServer.DOMAIN)) {
            sendInvite(raw, "sip:bob@" + TestServer.DOMAIN, "");
            Call first = b.incomingFrom("alice");
            bob.telephony().redirect(first.id(), CallTarget.voicemail()).get(10, TimeUnit.SECONDS);
            SipMessage moved = finalAnswer(raw);
            assertThat(moved.status()).isEqualTo(302);
            assertThat(moved.header("contact")).isEqualTo("<sip:voicemail@" + TestServer.DOMAIN + ";mailbox=bob>");
            assertThat(b.await(first.id(), State.ENDED).endReason()).isEqualTo(EndReason.TRANSFERRED);

            sendInvite(raw, "sip:bob@" + TestServer.DOMAIN, "");
            Call second = b.await(x -> x.state() == State.INCOMING && !x.id().equals(first.id()));
            bob.telephony().redirect(second.id(), CallTarget.number("+1 555 0100")).get(10, TimeUnit.SECONDS);
            assertThat(finalAnswer(raw).header("contact"))
                    .isEqualTo("<sip:+15550100@" + TestServer.DOMAIN + ";user=phone>");
        }
    }

    @Test
    void inviteReplacingAnUnknownDialogGets481() throws Exception {
        var bob = clients.signedIn(parley.server(), Transport.TLS, "bob");
        Calls b = new Calls(bob);
        try (SipTestClient raw = new SipTestClient(SipTestClient.Transport.TLS, "127.0.0.1",
                parley.server().tlsPort(), "alice", TestServer.DOMAIN)) {
            sendInvite(raw, "sip:bob@" + TestServer.DOMAIN, "Replaces: gone@example.org;to-tag=1234;from-tag=5678\n");
            assertThat(finalAnswer(raw).status()).isEqualTo(481);
        }
        assertThat(b.all).isEmpty();
    }

    private static final String OFFER = "v=0\no=- 1 1 IN IP4 127.0.0.1\ns=-\nc=IN IP4 127.0.0.1\nt=0 0\n"
            + "m=audio 40000 RTP/AVP 0\na=rtpmap:0 PCMU/8000\na=sendrecv\n";

    /** A hand-written INVITE as alice with {@code extra} header lines; the 407 is ACKed and answered. */
    private static void sendInvite(SipTestClient raw, String target, String extra) throws Exception {
        String callId = UUID.randomUUID() + "@test";
        String tag = SipTestClient.newTag();
        java.util.function.BiFunction<Integer, String, String> invite = (cseq, auth) -> "INVITE " + target + " SIP/2.0\n"
                + "Via: " + raw.via(SipTestClient.newBranch()) + "\n"
                + "Max-Forwards: 70\nFrom: <" + ALICE + ">;tag=" + tag + "\n"
                + "To: <" + target + ">\nCall-ID: " + callId + "\nCSeq: " + cseq + " INVITE\n"
                + "Contact: <" + raw.contact() + ">\nContent-Type: application/sdp\n" + extra + auth + "\n" + OFFER;
        int first = raw.nextCseq();
        String request = invite.apply(first, "");
        raw.send(request);
        SipMessage challenge = raw.expect(m -> m.isResponse() && m.status() == 407, Duration.ofSeconds(5));
        assertThat(challenge).as("407 to the first INVITE").isNotNull();
        String via = request.lines().filter(l -> l.startsWith("Via: ")).findFirst().orElseThrow();
        raw.send("ACK " + target + " SIP/2.0\n" + via + "\nMax-Forwards: 70\nFrom: <" + ALICE + ">;tag=" + tag + "\n"
                + "To: <" + target + ">;tag=" + challenge.tag("to") + "\nCall-ID: " + callId + "\nCSeq: " + first
                + " ACK\n\n");
        String auth = SipTestClient.authorization(challenge.headers("proxy-authenticate").get(0), "alice",
                TestServer.password("alice"), "INVITE", target);
        raw.send(invite.apply(raw.nextCseq(), "Proxy-Authorization: " + auth + "\n"));
    }

    private static SipMessage finalAnswer(SipTestClient raw) throws Exception {
        SipMessage m = raw.expect(r -> r.isResponse() && r.status() >= 200 && r.status() != 407
                && r.header("cseq") != null && r.header("cseq").endsWith("INVITE"), Duration.ofSeconds(10));
        assertThat(m).as("final answer to the INVITE").isNotNull();
        return m;
    }
}
