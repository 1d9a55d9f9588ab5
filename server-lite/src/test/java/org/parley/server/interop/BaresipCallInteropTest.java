package org.parley.server.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.server.ParleyServer;
import org.parley.server.testsupport.TestServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Two baresip agents (a softphone nobody on the project wrote) register to server-lite over UDP; alice calls bob,
 * bob answers automatically, each sends its own tone for a few seconds, alice hangs up. The test asserts on what
 * was measured: RTP packet counts on both sides and the tone each side recorded from the other.
 */
@Tag("interop")
class BaresipCallInteropTest {
    private static final Logger LOG = LoggerFactory.getLogger(BaresipCallInteropTest.class);
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final double ALICE_HZ = 440;
    private static final double BOB_HZ = 1000;
    private static final long TALK_MILLIS = 3000;

    @TempDir
    Path data;

    @TempDir
    Path work;

    ParleyServer server;
    BaresipAgent alice;
    BaresipAgent bob;

    @BeforeEach
    void start() {
        BaresipAgent.requireBaresip();
        // the default configuration (MD5 offered alone: see docs/decisions/0003) is what these peers must work with
        server = TestServer.start(TestServer.config(data));
        TestServer.addUser(server, "alice");
        TestServer.addUser(server, "bob");
    }

    @AfterEach
    void stop() {
        for (BaresipAgent a : new BaresipAgent[] {alice, bob}) {
            if (a != null) {
                a.close();
            }
        }
        if (server != null) {
            server.close();
        }
    }

    private BaresipAgent agent(String user, double toneHz) {
        return BaresipAgent.start(work.resolve(user), user, TestServer.password(user), server.domain(),
                server.sipPort(), toneHz);
    }

    @Test
    void aliceCallsBobThroughTheServerAndAudioFlowsBothWaysUntilBye() throws InterruptedException {
        bob = agent("bob", BOB_HZ);
        alice = agent("alice", ALICE_HZ);
        bob.await("registration", "bob@parley\\.test: \\{0/UDP/v4\\} 200 OK", WAIT);
        alice.await("registration", "alice@parley\\.test: \\{0/UDP/v4\\} 200 OK", WAIT);

        alice.command("/dial sip:bob@" + server.domain());
        alice.await("established call", "Call established: sip:bob@parley\\.test", WAIT);
        bob.await("answered call", "Call established: sip:alice@parley\\.test", WAIT);
        Thread.sleep(TALK_MILLIS);
        alice.command("/hangup");
        alice.await("end of call", "Call with sip:bob@parley\\.test terminated", WAIT);
        bob.await("BYE from alice", "Call with sip:alice@parley\\.test terminated", WAIT);
        alice.quit();
        bob.quit();
        String both = alice.describe() + "\n" + bob.describe();
        assertThat(bob.receivedRequestFrom("INVITE", server.sipPort())).as("INVITE reached bob via the server\n" + both)
                .isTrue();
        assertThat(bob.receivedRequestFrom("BYE", server.sipPort()))
                .as("BYE reached bob via the server (Record-Route)\n" + both).isTrue();

        // 20 ms packets: 50 per second each way; allow for start-up and the hang-up.
        long minimumPackets = TALK_MILLIS / 20 / 2;
        BaresipAgent.RtpPackets a = alice.rtpPackets();
        BaresipAgent.RtpPackets b = bob.rtpPackets();
        assertThat(a.sent()).as("RTP packets alice sent\n" + both).isGreaterThanOrEqualTo(minimumPackets);
        assertThat(a.received()).as("RTP packets alice received\n" + both).isGreaterThanOrEqualTo(minimumPackets);
        assertThat(b.sent()).as("RTP packets bob sent\n" + both).isGreaterThanOrEqualTo(minimumPackets);
        assertThat(b.received()).as("RTP packets bob received\n" + both).isGreaterThanOrEqualTo(minimumPackets);

        ToneFile.Recording heardByAlice = alice.receivedAudio();
        ToneFile.Recording heardByBob = bob.receivedAudio();
        LOG.info("RTP packets sent/received: alice {}/{}, bob {}/{}; alice heard {}; bob heard {}", a.sent(),
                a.received(), b.sent(), b.received(), heardByAlice.summary(ALICE_HZ, BOB_HZ),
                heardByBob.summary(ALICE_HZ, BOB_HZ));
        String measured = "alice heard " + heardByAlice.summary(ALICE_HZ, BOB_HZ) + "; bob heard "
                + heardByBob.summary(ALICE_HZ, BOB_HZ) + "\n" + both;
        double minimumSeconds = TALK_MILLIS / 1000.0 / 2;
        assertThat(heardByAlice.audibleSeconds()).as(measured).isGreaterThanOrEqualTo(minimumSeconds);
        assertThat(heardByBob.audibleSeconds()).as(measured).isGreaterThanOrEqualTo(minimumSeconds);
        assertThat(heardByAlice.powerAt(BOB_HZ)).as("alice hears bob's tone, not her own\n" + measured)
                .isGreaterThan(20 * heardByAlice.powerAt(ALICE_HZ));
        assertThat(heardByBob.powerAt(ALICE_HZ)).as("bob hears alice's tone, not his own\n" + measured)
                .isGreaterThan(20 * heardByBob.powerAt(BOB_HZ));
    }
}
