package org.parley.server.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.parley.core.client.AudioDevices;
import org.parley.core.client.CallOptions;
import org.parley.core.client.ClientConfig.Transport;
import org.parley.core.client.TelephonyService.Call;
import org.parley.core.client.TelephonyService.State;
import org.parley.core.client.UcClient;
import org.parley.core.client.VoicemailService.MessageWaiting;
import org.parley.core.client.VoicemailService.Voicemail;
import org.parley.core.media.Goertzel;
import org.parley.core.media.Wav;
import org.parley.server.testsupport.TestServer;
import org.parley.server.testsupport.TestServerExtension;

/**
 * Voicemail through the core client API: a real client call (SRTP, generated tone) leaves a message for bob; bob's
 * client sees message-waiting change, lists, fetches (the tone is in the WAV), marks heard, sets a greeting that the
 * next caller hears, and deletes.
 */
class VoicemailClientTest {
    private static final double ALICE_HZ = 700;
    private static final double GREETING_HZ = 500;
    /** The default greeting and the beep last 1.45 s. */
    private static final double PROMPT = 1.45;

    @RegisterExtension
    final TestServerExtension parley = TestServerExtension.withUsers("alice", "bob");
    @RegisterExtension
    final Clients clients = new Clients();

    private final List<MessageWaiting> waiting = new CopyOnWriteArrayList<>();

    /** Waits until the client's state is {@code expected} and a listener was told so. */
    private void awaitWaiting(UcClient bob, MessageWaiting expected) throws InterruptedException {
        long end = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < end) {
            if (bob.voicemail().messageWaiting().equals(expected) && waiting.contains(expected)) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("not " + expected + ": now " + bob.voicemail().messageWaiting() + ", told " + waiting);
    }

    /** Alice leaves bob a message: calls bob's mailbox, talks {@code seconds} after the beep, hangs up. */
    private Path leaveMessage(UcClient alice, CallTest.Calls calls, double seconds) throws Exception {
        Path heard = clients.newDataDir().resolve("alice-heard.wav");
        alice.telephony().useDevices(new AudioDevices("tone:" + ALICE_HZ, "file:" + heard, null));
        Call placed = alice.telephony().call("sip:voicemail@" + TestServer.DOMAIN + ";mailbox=bob", CallOptions.NONE);
        calls.await(placed.id(), State.CONNECTED);
        Thread.sleep((long) ((PROMPT + seconds) * 1000));
        alice.telephony().hangup(placed.id()).get(10, TimeUnit.SECONDS);
        calls.await(placed.id(), State.ENDED);
        return heard;
    }

    private static double secondsOf(short[] s, int rate, double hz) {
        int block = rate / 10;
        int n = 0;
        for (int i = 0; i + block <= s.length; i += block) {
            double all = Goertzel.totalPower(s, i, i + block);
            if (all > 1e4 && 2 * Goertzel.power(s, i, i + block, rate, hz) > 0.5 * all) {
                n++;
            }
        }
        return n / 10.0;
    }

    @Test
    void messageLeftByAClientCallIsListedFetchedHeardAndDeletedWithMessageWaiting() throws Exception {
        UcClient bob = clients.signedIn(parley.server(), Transport.TLS, "bob");
        bob.voicemail().addMessageWaitingListener(waiting::add);
        UcClient alice = clients.signedIn(parley.server(), Transport.TCP, "alice");
        leaveMessage(alice, new CallTest.Calls(alice), 2.0);

        awaitWaiting(bob, new MessageWaiting(true, 1, 0));
        List<Voicemail> box = bob.voicemail().list().get(10, TimeUnit.SECONDS);
        assertThat(box).hasSize(1);
        Voicemail m = box.get(0);
        assertThat(m.caller()).isEqualTo("sip:alice@" + TestServer.DOMAIN);
        assertThat(m.reason()).isEqualTo("direct");
        assertThat(m.heard()).isFalse();
        assertThat(m.length().toMillis() / 1000.0).isCloseTo(2.0, within(0.5));

        Path wav = bob.voicemail().fetch(m.id(), clients.newDataDir().resolve("msg.wav")).get(10, TimeUnit.SECONDS);
        Wav.Pcm pcm = Wav.read(wav);
        assertThat(pcm.seconds()).isCloseTo(m.length().toMillis() / 1000.0, within(0.01));
        assertThat(secondsOf(pcm.samples(), pcm.sampleRate(), ALICE_HZ)).as("alice's tone in the message")
                .isCloseTo(2.0, within(0.5));

        bob.voicemail().markHeard(m.id(), true).get(10, TimeUnit.SECONDS);
        awaitWaiting(bob, new MessageWaiting(false, 0, 1));
        waiting.clear();
        bob.voicemail().delete(m.id()).get(10, TimeUnit.SECONDS);
        awaitWaiting(bob, MessageWaiting.NONE);
        assertThat(bob.voicemail().list().get(10, TimeUnit.SECONDS)).isEmpty();
    }

    @Test
    void uploadedGreetingIsWhatTheNextCallerHears() throws Exception {
        UcClient bob = clients.signedIn(parley.server(), Transport.TCP, "bob");
        // 1.5 s at 44.1 kHz stereo-free mono: 132 KB, six pieces
        short[] tone = new short[(int) (44100 * 1.5)];
        for (int i = 0; i < tone.length; i++) {
            tone[i] = (short) (Math.sin(2 * Math.PI * GREETING_HZ * i / 44100) * 12000);
        }
        Path greeting = clients.newDataDir().resolve("greeting.wav");
        Wav.write(greeting, tone, tone.length, 44100);
        bob.voicemail().setGreeting(greeting).get(20, TimeUnit.SECONDS);

        UcClient alice = clients.signedIn(parley.server(), Transport.TCP, "alice");
        Path heard = leaveMessage(alice, new CallTest.Calls(alice), 0.5);
        short[] s = Wav.read(heard).samples();
        assertThat(secondsOf(s, Wav.read(heard).sampleRate(), GREETING_HZ)).as("bob's greeting heard by alice")
                .isCloseTo(1.5, within(0.4));

        bob.voicemail().setGreeting(null).get(10, TimeUnit.SECONDS);
        assertThat(parley.server().voicemail().store().greeting("bob")).isEmpty();
    }
}
