package org.parley.core.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MediaEngineTest {
    @TempDir
    Path dir;

    private static double peerToneSeconds(MediaEngine engine) throws Exception {
        try (LoopbackCall call = new LoopbackCall(engine, AudioSource.tone(440, 0.3), AudioSource.silence(), false)
                .start(AudioCodec.PCMU)) {
            Thread.sleep(600);
            call.close();
            return ToneAnalysis.of(call.bobHears.samples(), 440, 1000, 0.3).toneSeconds();
        }
    }

    @Test
    void anEngineWorksAgainAfterAnotherOneWasClosed() throws Exception {
        try (MediaEngine first = new MediaEngine(MediaSettings.headless(dir))) {
            assertThat(peerToneSeconds(first)).isGreaterThan(0.3);
        }
        try (MediaEngine second = new MediaEngine(MediaSettings.headless(dir))) {
            assertThat(peerToneSeconds(second)).isGreaterThan(0.3);
        }
    }

    @Test
    void aClosedEngineOpensNoSessionWhileAnotherStillRuns() throws Exception {
        try (MediaEngine keeper = new MediaEngine(MediaSettings.headless(dir))) {
            MediaEngine closed = new MediaEngine(MediaSettings.headless(dir));
            closed.close();
            assertThatThrownBy(() -> closed.openAudio(LoopbackCall.LOOPBACK, 0, AudioSource.silence(),
                    new PcmRecorder(1), false)).isInstanceOf(IllegalStateException.class);
            assertThat(peerToneSeconds(keeper)).as("libjitsi still runs for the other engine").isGreaterThan(0.3);
        }
    }

    @Test
    void aPlainSessionRefusesSdesAndAnSrtpOneRefusesToStartUnkeyed() throws Exception {
        try (MediaEngine engine = new MediaEngine(MediaSettings.headless(dir));
                AudioSession plain = engine.openAudio(LoopbackCall.LOOPBACK, 0, AudioSource.silence(),
                        new PcmRecorder(1), false);
                AudioSession secure = engine.openAudio(LoopbackCall.LOOPBACK, 0, AudioSource.silence(),
                        new PcmRecorder(1), true)) {
            assertThat(plain.localRtcpPort()).isEqualTo(plain.localRtpPort() + 1);
            assertThatThrownBy(plain::offerCrypto).isInstanceOf(IllegalStateException.class);
            assertThat(secure.offerCrypto()).isNotEmpty().allMatch(line -> line.contains("inline:"));
            assertThatThrownBy(() -> secure.start(LoopbackCall.rtp(plain), LoopbackCall.rtcp(plain),
                    AudioCodec.PCMU, 0, MediaDirection.SENDRECV)).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> secure.acceptCryptoAnswer("1 NO_SUCH_SUITE inline:AAAA"))
                    .isInstanceOf(java.io.IOException.class);
        }
    }
}
