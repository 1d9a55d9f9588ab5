package org.parley.server.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.parley.core.client.AudioDevices;
import org.parley.core.client.CallOptions;
import org.parley.core.client.ClientConfig;
import org.parley.core.client.ClientConfig.Transport;
import org.parley.core.client.TelephonyService.Call;
import org.parley.core.client.TelephonyService.State;
import org.parley.core.client.sip.ClientTuning;
import org.parley.core.client.sip.SipUcClient;
import org.parley.core.media.Goertzel;
import org.parley.core.media.Wav;
import org.parley.server.testsupport.FreePorts;
import org.parley.server.testsupport.TestServer;
import org.parley.server.testsupport.TestServerExtension;

/**
 * A standard phone from another domain (SIPp, uac-conference-rtp.xml, plain RTP/AVP PCMU, a G.711 tone) joins a
 * room a Parley client started: the focus answers with plain RTP PCMU and an {@code ;isfocus} Contact, the phone is
 * on the roster while it talks, and the Parley member hears the phone's tone in its mix.
 */
@Tag("interop")
class SippConferenceInteropTest {
    private static final double PHONE_HZ = 600;
    private static final double ALICE_HZ = 1000;

    @TempDir
    Path work;

    @RegisterExtension
    final TestServerExtension parley = TestServerExtension.withUsers("alice");

    private final ExecutorService events = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "conference-interop-events");
        t.setDaemon(true);
        return t;
    });
    private SipUcClient alice;

    @BeforeEach
    void requirePeer() {
        SippRunner.requireSipp();
    }

    @AfterEach
    void stop() {
        if (alice != null) {
            alice.close();
        }
        events.shutdownNow();
    }

    @Test
    void plainRtpG711PhoneJoinsARoomAndIsHeardByTheOtherMember() throws Exception {
        byte[] audio = ToneFile.ulawSine(PHONE_HZ, 4);
        Files.write(work.resolve("conf-tone.ulaw"), audio);

        Path dir = Files.createDirectories(work.resolve("alice"));
        var server = parley.server();
        alice = SipUcClient.create(ClientConfig.of("127.0.0.1", server.tlsPort(), Transport.TLS, "alice",
                TestServer.DOMAIN, dir), events, ClientTuning.defaults().withRequestTimeout(Duration.ofSeconds(3)),
                Clock.systemUTC());
        List<Call> calls = new CopyOnWriteArrayList<>();
        alice.telephony().addCallListener(calls::add);
        alice.signIn(TestServer.password("alice").toCharArray()).get(10, TimeUnit.SECONDS);
        Path heard = dir.resolve("alice-heard.wav");
        alice.telephony().useDevices(new AudioDevices("tone:" + (int) ALICE_HZ, "file:" + heard, "none"));
        Call placed = alice.telephony().call("conf-lobby", CallOptions.NONE);
        waitFor(() -> calls.stream().anyMatch(c -> c.id().equals(placed.id()) && c.state() == State.CONNECTED),
                "alice in the room");

        SippRunner.Running phone = SippRunner.scenario(work, "uac-conference-rtp.xml", FreePorts.udpAndTcp())
                .remote("127.0.0.1", server.sipPort())
                .key("room", "lobby").key("domain", TestServer.DOMAIN)
                .start();
        waitFor(() -> server.conferences().roster("lobby").contains("sip:phone@sipp.example"), "the phone on the roster");
        SippResult result = phone.await();
        assertThat(result.oneCallSucceeded()).as("the SIPp phone's call\n" + result.describe()).isTrue();
        assertThat(result.messages()).as("the focus answers the plain RTP offer with plain RTP PCMU")
                .contains("RTP/AVP 0", ";isfocus").doesNotContain("a=crypto");
        waitFor(() -> server.conferences().roster("lobby").equals(List.of("sip:alice@" + TestServer.DOMAIN)),
                "the phone left");

        alice.telephony().hangup(placed.id()).get(10, TimeUnit.SECONDS);
        waitFor(() -> server.conferences().activeRooms() == 0, "the room ended");
        Wav.Pcm pcm = Wav.read(heard);
        int block = pcm.sampleRate() / 10;
        int toneBlocks = 0;
        for (int i = 0; i + block <= pcm.samples().length; i += block) {
            double all = Goertzel.totalPower(pcm.samples(), i, i + block);
            if (all > 1e4 && Goertzel.power(pcm.samples(), i, i + block, pcm.sampleRate(), PHONE_HZ) / all > 0.25) {
                toneBlocks++;
            }
        }
        assertThat(toneBlocks / 10.0).as("seconds of the phone's tone in alice's mix").isBetween(1.5, 3.0);
    }

    private static void waitFor(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("not within 10 s: " + what);
            }
            Thread.sleep(50);
        }
    }
}
