package org.parley.server.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.parley.core.client.AudioDevices;
import org.parley.core.client.CallOptions;
import org.parley.core.client.ClientConfig.Transport;
import org.parley.core.client.DelegationService.RingMode;
import org.parley.core.client.DelegationService.Settings;
import org.parley.core.client.TelephonyService.Call;
import org.parley.core.client.TelephonyService.Direction;
import org.parley.core.client.TelephonyService.State;
import org.parley.core.client.UcClient;
import org.parley.server.client.CallTest.Calls;
import org.parley.server.testsupport.SipMessage;
import org.parley.server.testsupport.SipTestClient;
import org.parley.server.testsupport.TestServer;
import org.parley.server.testsupport.TestServerExtension;
import org.parley.server.testsupport.ToneMeter;

/**
 * The conference focus with real clients and real audio (docs/protocol.md, "Conferences"): members call
 * {@code sip:conf-ID@D} as an ordinary call; each hears the others' tones and never its own (mix-minus), a member who
 * holds drops out of the mix, the roster (RFC 4575 NOTIFYs) follows joins, holds and leaves, a transferred member
 * shows who referred it, and who may start a room (local users; delegates for their managers) is enforced.
 */
class ConferenceTest {
    private static final String D = "@" + TestServer.DOMAIN;
    private static final double ALICE_HZ = 440;
    private static final double BOB_HZ = 660;
    private static final double CARL_HZ = 880;

    @RegisterExtension
    final TestServerExtension parley = TestServerExtension.withUsers("alice", "bob", "carl", "amy", "boss", "ben", "dave");
    @RegisterExtension
    final Clients clients = new Clients();

    private record Member(UcClient client, Calls calls, Path heard) {
    }

    private Member member(String user, double hz) throws Exception {
        UcClient c = clients.signedIn(parley.server(), Transport.TLS, user);
        Path out = clients.newDataDir().resolve(user + "-heard.wav");
        c.telephony().useDevices(new AudioDevices("tone:" + hz, "file:" + out, null));
        return new Member(c, new Calls(c), out);
    }

    /** {@code m} calls the room and is connected; returns the call id. */
    private static String join(Member m, String room) throws Exception {
        Call call = m.client().telephony().call(room, CallOptions.NONE);
        m.calls().await(call.id(), State.CONNECTED);
        return call.id();
    }

    /** Seconds of a recording whose 100 ms windows carry {@code hz} as a clear part (over 10 %) of their power. */
    private static double secondsOf(Path wav, double hz) throws Exception {
        return ToneMeter.secondsOf(wav, hz, 0.1);
    }

    private static void hangUp(Member m, String callId) throws Exception {
        m.client().telephony().hangup(callId).get(10, TimeUnit.SECONDS);
        m.calls().await(callId, State.ENDED);
    }

    @Test
    void membersHearTheOthersButNeverThemselvesAndAHeldMemberLeavesTheMixAndTheRoster() throws Exception {
        String room = "sip:conf-weekly" + D;
        Member alice = member("alice", ALICE_HZ);
        Member bob = member("bob", BOB_HZ);
        Member carl = member("carl", CARL_HZ);
        String a = join(alice, "conf-weekly");
        Call aliceCall = alice.calls().latest(a);
        assertThat(aliceCall.codec()).isEqualTo("opus/48000");
        assertThat(alice.client().telephony().quality(a).encrypted()).as("SRTP like any call").isTrue();

        try (RosterWatcher dave = new RosterWatcher(parley.server(), "dave")) {
            assertThat(dave.subscribe(room).status()).isEqualTo(200);
            SipMessage first = dave.until("alice alone", n -> RosterWatcher.userCount(n) == 1);
            assertThat(first.body()).contains("entity=\"" + room + "\"", "state=\"full\"", "<display-text>sip:alice" + D);
            assertThat(RosterWatcher.user(first, "sip:alice" + D)).contains("<status>connected</status>");
            long v1 = RosterWatcher.version(first);

            String b = join(bob, "conf-weekly");
            String c = join(carl, "conf-weekly");
            SipMessage three = dave.until("three members", n -> RosterWatcher.userCount(n) == 3);
            assertThat(RosterWatcher.version(three)).isGreaterThan(v1);
            assertThat(parley.server().conferences().roster("weekly"))
                    .containsExactly("sip:alice" + D, "sip:bob" + D, "sip:carl" + D);
            Thread.sleep(2_000);

            carl.client().telephony().hold(c).get(10, TimeUnit.SECONDS);
            carl.calls().await(c, State.HELD);
            SipMessage held = dave.until("carl on hold",
                    n -> RosterWatcher.user(n, "sip:carl" + D).contains("<status>on-hold</status>"));
            assertThat(RosterWatcher.userCount(held)).isEqualTo(3);
            Thread.sleep(1_500);

            hangUp(carl, c);
            dave.until("carl left", n -> RosterWatcher.userCount(n) == 2 && RosterWatcher.user(n, "sip:carl" + D).isEmpty());
            hangUp(bob, b);
            hangUp(alice, a);
            SipMessage last = dave.until("the room ended", n -> n.header("subscription-state").startsWith("terminated"));
            assertThat(RosterWatcher.userCount(last)).isZero();
        }
        ReconnectTest.waitFor(() -> parley.server().conferences().activeRooms() == 0, 5_000);

        // alice heard bob all along (about 3.5 s) and carl only until he held (about 2 s), never herself
        assertThat(secondsOf(alice.heard(), BOB_HZ)).as("bob in alice's mix").isGreaterThan(2.8);
        assertThat(secondsOf(alice.heard(), CARL_HZ)).as("carl in alice's mix until his hold").isBetween(1.4, 2.9);
        assertThat(secondsOf(alice.heard(), ALICE_HZ)).as("alice never hears herself").isLessThan(0.3);
        assertThat(secondsOf(bob.heard(), ALICE_HZ)).as("alice in bob's mix").isGreaterThan(2.8);
        assertThat(secondsOf(bob.heard(), CARL_HZ)).as("carl in bob's mix until his hold").isBetween(1.4, 2.9);
        assertThat(secondsOf(bob.heard(), BOB_HZ)).as("bob never hears himself").isLessThan(0.3);
        assertThat(secondsOf(carl.heard(), ALICE_HZ)).as("alice in carl's mix before the hold").isBetween(1.4, 2.9);
        assertThat(secondsOf(carl.heard(), BOB_HZ)).as("bob in carl's mix before the hold").isBetween(1.4, 2.9);
        assertThat(secondsOf(carl.heard(), CARL_HZ)).as("carl never hears himself").isLessThan(0.3);
    }

    @Test
    void aCallerTransferredInByReferAppearsWithWhoReferredIt() throws Exception {
        Member carl = member("carl", CARL_HZ);
        Member amy = member("amy", ALICE_HZ);
        Call placed = carl.client().telephony().call("amy", CallOptions.NONE);
        Call ringing = amy.calls().incoming();
        amy.client().telephony().answer(ringing.id()).get(10, TimeUnit.SECONDS);
        carl.calls().await(placed.id(), State.CONNECTED);

        amy.client().telephony().transfer(ringing.id(), "sip:conf-handover" + D).get(15, TimeUnit.SECONDS);
        Call inRoom = carl.calls().await(x -> x.direction() == Direction.OUTGOING && x.peer().contains("conf-handover")
                && x.state() == State.CONNECTED);
        assertThat(inRoom.referredBy()).isEqualTo("sip:amy" + D);
        assertThat(parley.server().conferences().roster("handover")).containsExactly("sip:carl" + D);

        try (RosterWatcher watcher = new RosterWatcher(parley.server(), "amy")) {
            assertThat(watcher.subscribe("sip:conf-handover" + D).status()).isEqualTo(200);
            SipMessage n = watcher.until("carl in the room", x -> !RosterWatcher.user(x, "sip:carl" + D).isEmpty());
            assertThat(RosterWatcher.user(n, "sip:carl" + D)).contains("<referred><by>sip:amy" + D + "</by></referred>",
                    "<status>connected</status>");
        }
        hangUp(carl, inRoom.id());
        ReconnectTest.waitFor(() -> parley.server().conferences().activeRooms() == 0, 5_000);
    }

    @Test
    void anUnknownRoomIs404ForACallerFromAnotherDomain() throws Exception {
        try (SipTestClient outsider = new SipTestClient(SipTestClient.Transport.UDP, "127.0.0.1",
                parley.server().sipPort(), "visitor", "elsewhere.example")) {
            String uri = "sip:conf-nosuchroom" + D;
            String sdp = "v=0\no=- 1 1 IN IP4 127.0.0.1\ns=-\nc=IN IP4 127.0.0.1\nt=0 0\nm=audio 40000 RTP/AVP 0\n"
                    + "a=rtpmap:0 PCMU/8000\na=sendrecv\n";
            outsider.send("INVITE " + uri + " SIP/2.0\n"
                    + "Via: " + outsider.via(SipTestClient.newBranch()) + "\n"
                    + "Max-Forwards: 70\n"
                    + "From: <sip:visitor@elsewhere.example>;tag=" + SipTestClient.newTag() + "\n"
                    + "To: <" + uri + ">\n"
                    + "Call-ID: " + UUID.randomUUID() + "@outside\n"
                    + "CSeq: 1 INVITE\n"
                    + "Contact: <" + outsider.contact() + ">\n"
                    + "Content-Type: application/sdp\n"
                    + "\n" + sdp);
            SipMessage r = outsider.expect(m -> m.isResponse() && m.status() >= 200, Duration.ofSeconds(5));
            assertThat(r).as("final response").isNotNull();
            assertThat(r.status()).isEqualTo(404);
        }
        assertThat(parley.server().conferences().activeRooms()).isZero();
    }

    @Test
    void aDelegateStartingARoomForAManagerMakesTheManagerOrganizerAndOthersAreRefused() throws Exception {
        UcClient boss = clients.signedIn(parley.server(), Transport.TLS, "boss");
        boss.delegation().setSettings(new Settings(List.of("amy"), RingMode.WITH_MANAGER, 0)).get(10, TimeUnit.SECONDS);
        Member amy = member("amy", ALICE_HZ);
        Member ben = member("ben", BOB_HZ);

        Call forBoss = amy.client().delegation().callOnBehalfOf("boss", "conf-board", false, CallOptions.NONE);
        amy.calls().await(forBoss.id(), State.CONNECTED);
        assertThat(parley.server().conferences().organizer("board")).isEqualTo("sip:boss" + D);
        assertThat(parley.server().conferences().roster("board")).containsExactly("sip:amy" + D);
        try (RosterWatcher watcher = new RosterWatcher(parley.server(), "boss")) {
            assertThat(watcher.subscribe("sip:conf-board" + D).status()).isEqualTo(200);
            SipMessage n = watcher.until("amy in the room", x -> RosterWatcher.userCount(x) == 1);
            assertThat(n.body()).contains("<display-text>sip:boss" + D + "</display-text>");
        }

        Call refused = ben.client().delegation().callOnBehalfOf("boss", "conf-bensroom", false, CallOptions.NONE);
        Call ended = ben.calls().await(refused.id(), State.ENDED);
        assertThat(ended.connected()).as("never connected").isNull();
        assertThat(ended.detail()).contains("403");
        assertThat(parley.server().conferences().organizer("bensroom")).isNull();
        hangUp(amy, forBoss.id());
    }
}
