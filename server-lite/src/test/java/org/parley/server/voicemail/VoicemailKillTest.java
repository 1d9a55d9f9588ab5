package org.parley.server.voicemail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.parley.core.media.MediaEngine;
import org.parley.core.media.MediaSettings;
import org.parley.core.media.Wav;
import org.parley.server.ParleyServer;
import org.parley.server.testsupport.FreePorts;
import org.parley.server.testsupport.ParleyProcesses;
import org.parley.server.testsupport.SipTestClient;
import org.parley.server.testsupport.TestServer;

/**
 * "Nothing recorded is lost on a server kill after the caller hangs up": a separate `parley server` process takes a
 * message and is killed (SIGKILL) as soon as it answered the caller's BYE; the store reopened has the message with
 * the caller's tone.
 */
class VoicemailKillTest {
    private static final double TONE = 850;

    @TempDir
    Path data;
    @TempDir
    Path media;

    @RegisterExtension
    final ParleyProcesses parley = new ParleyProcesses();

    private void addUser(String name) throws Exception {
        assertThat(parley.run(data, "admin", "--data", data.toString(), "--domain", TestServer.DOMAIN, "user", "add",
                name, "--display-name", name, "--password", TestServer.password(name))).as("admin user add").isZero();
    }

    private static MediaEngine warm(MediaEngine engine) throws Exception {
        RawCaller.warmUp(engine);
        return engine;
    }

    @Test
    void messageAcknowledgedByTheByeAnswerSurvivesAKill() throws Exception {
        int sipPort = FreePorts.udpAndTcp();
        addUser("alice");
        addUser("bob");
        Process server = parley.startServer(data, TestServer.DOMAIN, sipPort);
        try (MediaEngine engine = warm(new MediaEngine(MediaSettings.headless(media)));
             RawCaller alice = new RawCaller(new SipTestClient(SipTestClient.Transport.UDP, "127.0.0.1", sipPort, "alice",
                     TestServer.DOMAIN), engine, TONE, false)) {
            assertThat(alice.call(VoicemailDepositTest.mailbox("bob"), VoicemailDepositTest.G711, null).status())
                    .isEqualTo(200);
            alice.talkUntil(VoicemailDepositTest.PROMPT_SECONDS + 1.5);
            assertThat(alice.hangUp().status()).as("BYE answered").isEqualTo(200);
            server.destroyForcibly(); // SIGKILL right after the 200: no shutdown hook, no flush
            assertThat(server.waitFor(10, TimeUnit.SECONDS)).isTrue();
        }
        try (ParleyServer reopened = TestServer.start(TestServer.config(data).withPorts(FreePorts.udpAndTcp(), -1))) {
            List<VoicemailStore.Message> box = reopened.voicemail().store().list("bob");
            assertThat(box).as("bob's box after the kill").hasSize(1);
            Wav.Pcm pcm = Wav.read(reopened.voicemail().store().file("bob", box.get(0).id()).orElseThrow());
            assertThat(pcm.seconds()).isCloseTo(1.5, within(0.45));
            assertThat(Recordings.secondsOf(pcm.samples(), pcm.sampleRate(), TONE)).as("seconds of the caller's tone")
                    .isCloseTo(1.5, within(0.5));
            assertThat(box.get(0).caller()).isEqualTo("sip:alice@" + TestServer.DOMAIN);
        }
    }
}
