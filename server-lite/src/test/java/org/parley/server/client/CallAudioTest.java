package org.parley.server.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.parley.core.client.AudioDevices;
import org.parley.core.client.CallOptions;
import org.parley.core.client.CallQuality;
import org.parley.core.client.ClientConfig.Transport;
import org.parley.core.client.TelephonyService.Call;
import org.parley.core.client.TelephonyService.State;
import org.parley.core.client.UcClient;
import org.parley.core.media.Goertzel;
import org.parley.core.media.Wav;
import org.parley.server.testsupport.TestServerExtension;

/**
 * Calls between two real clients through a real server carry real audio: each side sends its own tone from a
 * generated capture device and records what arrives to a WAV file; the recordings are checked for the other side's
 * frequency (Goertzel) and for how long it lasted, through SRTP by default, hold and mute.
 */
class CallAudioTest {
    private static final double ALICE_HZ = 697;
    private static final double BOB_HZ = 1477;

    @RegisterExtension
    final TestServerExtension parley = TestServerExtension.withUsers("alice", "bob");
    @RegisterExtension
    final Clients clients = new Clients();

    private record Party(UcClient client, CallTest.Calls calls, Path recording) {
    }

    private Party party(String user, double hz, Transport transport) throws Exception {
        UcClient c = clients.signedIn(parley.server(), transport, user);
        Path out = clients.newDataDir().resolve(user + "-heard.wav");
        c.telephony().useDevices(new AudioDevices("tone:" + hz, "file:" + out, null));
        return new Party(c, new CallTest.Calls(c), out);
    }

    /** Alice calls Bob, Bob answers; returns {aliceCallId, bobCallId} once both are connected. */
    private String[] connect(Party alice, Party bob) throws Exception {
        Call placed = alice.client().telephony().call("bob", CallOptions.NONE);
        Call incoming = bob.calls().incoming();
        bob.client().telephony().answer(incoming.id()).get(15, TimeUnit.SECONDS);
        alice.calls().await(placed.id(), State.CONNECTED);
        return new String[] {placed.id(), incoming.id()};
    }

    private static void hangUp(Party alice, String id, Party bob, String bobId) throws Exception {
        alice.client().telephony().hangup(id).get(10, TimeUnit.SECONDS);
        alice.calls().await(id, State.ENDED);
        bob.calls().await(bobId, State.ENDED);
    }

    /** Tone power at {@code hz} as a share of the window's power (a pure tone scores 0.5 with this normalisation). */
    private static double toneShare(short[] s, int from, int to, double hz) {
        double total = Goertzel.totalPower(s, from, to);
        return total <= 0 ? 0 : Goertzel.power(s, from, to, 48000, hz) / total;
    }

    /** Seconds of the recording whose 100 ms windows are dominated by {@code hz}. */
    private static double secondsOf(Path wav, double hz) throws Exception {
        Wav.Pcm pcm = Wav.read(wav);
        int win = pcm.sampleRate() / 10;
        int n = 0;
        for (int i = 0; i + win <= pcm.samples().length; i += win) {
            if (toneShare(pcm.samples(), i, i + win, hz) > 0.25) {
                n++;
            }
        }
        return n / 10.0;
    }

    @ParameterizedTest
    @EnumSource(value = Transport.class, names = {"TLS", "UDP"})
    void bothSidesHearTheOtherSidesToneOverSrtp(Transport transport) throws Exception {
        Party alice = party("alice", ALICE_HZ, transport);
        Party bob = party("bob", BOB_HZ, transport);
        String[] ids = connect(alice, bob);
        Thread.sleep(2_000);
        CallQuality q = alice.client().telephony().quality(ids[0]);
        assertThat(q.encrypted()).as("SRTP by default").isTrue();
        assertThat(q.codec()).isEqualTo("opus/48000");
        assertThat(q.packetsReceived()).isGreaterThan(50);
        hangUp(alice, ids[0], bob, ids[1]);

        assertThat(secondsOf(alice.recording(), BOB_HZ)).as("Bob's tone in Alice's recording").isBetween(1.4, 3.0);
        assertThat(secondsOf(bob.recording(), ALICE_HZ)).as("Alice's tone in Bob's recording").isBetween(1.4, 3.0);
        assertThat(secondsOf(alice.recording(), ALICE_HZ)).as("no echo of Alice's own tone").isZero();
        assertThat(secondsOf(bob.recording(), BOB_HZ)).as("no echo of Bob's own tone").isZero();
    }

    @Test
    void holdStopsTheToneBothWaysAndResumeBringsItBack() throws Exception {
        Party alice = party("alice", ALICE_HZ, Transport.TLS);
        Party bob = party("bob", BOB_HZ, Transport.TLS);
        String[] ids = connect(alice, bob);
        Thread.sleep(1_000);
        alice.client().telephony().hold(ids[0]).get(10, TimeUnit.SECONDS);
        bob.calls().await(ids[1], State.REMOTE_HELD);
        Thread.sleep(300);
        long before = alice.client().telephony().quality(ids[0]).packetsReceived();
        Thread.sleep(1_500);
        assertThat(alice.client().telephony().quality(ids[0]).packetsReceived() - before)
                .as("packets Alice received from Bob while she held him (he is recvonly)").isLessThan(5);
        alice.client().telephony().resume(ids[0]).get(10, TimeUnit.SECONDS);
        bob.calls().await(c -> c.id().equals(ids[1]) && c.state() == State.CONNECTED
                && bob.calls().all.stream().anyMatch(x -> x.id().equals(ids[1]) && x.state() == State.REMOTE_HELD));
        Thread.sleep(1_000);
        hangUp(alice, ids[0], bob, ids[1]);
        // about 1 s of tone before the hold and 1 s after it; the 1.8 s held carried none of it either way
        assertThat(secondsOf(alice.recording(), BOB_HZ)).as("Bob's tone heard by Alice").isBetween(1.2, 2.6);
        double bobHeard = secondsOf(bob.recording(), ALICE_HZ);
        assertThat(bobHeard).as("Alice's tone heard by Bob").isBetween(1.2, 2.6);
        assertThat(Wav.read(bob.recording()).seconds() - bobHeard)
                .as("while held Bob got silence from Alice, not her microphone").isGreaterThan(1.2);
    }

    @Test
    void muteSendsSilenceInsteadOfTheTone() throws Exception {
        Party alice = party("alice", ALICE_HZ, Transport.TLS);
        Party bob = party("bob", BOB_HZ, Transport.TLS);
        String[] ids = connect(alice, bob);
        Thread.sleep(1_000);
        alice.client().telephony().mute(ids[0], true).get(5, TimeUnit.SECONDS);
        assertThat(alice.calls().await(c -> c.id().equals(ids[0]) && c.muted()).muted()).isTrue();
        Thread.sleep(1_500);
        alice.client().telephony().mute(ids[0], false).get(5, TimeUnit.SECONDS);
        Thread.sleep(1_000);
        hangUp(alice, ids[0], bob, ids[1]);
        double heard = secondsOf(bob.recording(), ALICE_HZ);
        double total = Wav.read(bob.recording()).seconds();
        assertThat(heard).as("Alice's tone before and after the mute").isBetween(1.2, 2.6);
        assertThat(total - heard).as("the muted stretch arrives as audio without the tone").isGreaterThan(1.0);
    }

    @Test
    void dtmfOnAConnectedCallIsAcceptedAndBadDigitsAreRefused() throws Exception {
        Party alice = party("alice", ALICE_HZ, Transport.TLS);
        Party bob = party("bob", BOB_HZ, Transport.TLS);
        String[] ids = connect(alice, bob);
        alice.client().telephony().sendDtmf(ids[0], "12#").get(5, TimeUnit.SECONDS);
        assertThat(alice.client().telephony().sendDtmf(ids[0], "9x")).failsWithin(5, TimeUnit.SECONDS)
                .withThrowableOfType(java.util.concurrent.ExecutionException.class)
                .withMessageContaining("DTMF digits");
        hangUp(alice, ids[0], bob, ids[1]);
        assertThat(Files.exists(bob.recording())).isTrue();
    }
}
