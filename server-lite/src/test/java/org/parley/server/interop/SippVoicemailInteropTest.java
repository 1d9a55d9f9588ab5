package org.parley.server.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.parley.core.media.Goertzel;
import org.parley.core.media.Wav;
import org.parley.server.testsupport.FreePorts;
import org.parley.server.testsupport.TestServer;
import org.parley.server.testsupport.TestServerExtension;
import org.parley.server.voicemail.VoicemailStore;

/**
 * A standard phone (SIPp, uac-voicemail-rtp.xml) calls voicemail with a plain RTP/AVP PCMU offer and streams a
 * G.711 tone; the stored message holds that tone for about the time it talked after the beep.
 */
@Tag("interop")
class SippVoicemailInteropTest {
    private static final double TONE = 600;

    @TempDir
    Path work;

    @RegisterExtension
    final TestServerExtension parley = TestServerExtension.withUsers("alice", "bob");

    @BeforeEach
    void requirePeer() {
        SippRunner.requireSipp();
    }


    @Test
    void sippPhoneWithPlainRtpPcmuLeavesAMessageHoldingItsTone() throws Exception {
        byte[] audio = ToneFile.ulawSine(TONE, 4);
        Files.write(work.resolve("vm-tone.ulaw"), audio);

        SippResult phone = SippRunner.scenario(work, "uac-voicemail-rtp.xml", FreePorts.udpAndTcp())
                .remote("127.0.0.1", parley.server().sipPort())
                .key("caller", "alice").key("domain", TestServer.DOMAIN).key("mailbox", "bob")
                .run();
        assertThat(phone.oneCallSucceeded()).as("the SIPp phone's call\n" + phone.describe()).isTrue();
        assertThat(phone.messages()).as("voicemail answers the plain RTP offer with plain RTP PCMU")
                .contains("RTP/AVP 0").doesNotContain("a=crypto");

        List<VoicemailStore.Message> box = parley.server().voicemail().store().list("bob");
        assertThat(box).as("bob's box").hasSize(1);
        assertThat(box.get(0).caller()).isEqualTo("sip:alice@" + TestServer.DOMAIN);
        Wav.Pcm pcm = Wav.read(parley.server().voicemail().store().file("bob", box.get(0).id()).orElseThrow());
        int block = pcm.sampleRate() / 10;
        int toneBlocks = 0;
        for (int i = 0; i + block <= pcm.samples().length; i += block) {
            double all = Goertzel.totalPower(pcm.samples(), i, i + block);
            if (all > 1e4 && 2 * Goertzel.power(pcm.samples(), i, i + block, pcm.sampleRate(), TONE) > 0.5 * all) {
                toneBlocks++;
            }
        }
        assertThat(toneBlocks / 10.0).as("seconds of the phone's tone in the message").isCloseTo(2.0, within(0.5));
    }
}
