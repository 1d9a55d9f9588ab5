package org.parley.core.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real RTP/SRTP through libjitsi on 127.0.0.1: each side sends its own tone and must hear only the other's. */
class AudioSessionLoopbackTest {
    private static final double ALICE_HZ = 440;
    private static final double BOB_HZ = 1000;
    private static final double AMPLITUDE = 0.3;

    @TempDir
    static Path dataDir;
    private static MediaEngine engine;

    @BeforeAll
    static void startEngine() throws Exception {
        engine = new MediaEngine(MediaSettings.headless(dataDir));
    }

    @AfterAll
    static void stopEngine() {
        if (engine != null) {
            engine.close();
        }
    }

    private static LoopbackCall call(boolean srtp) throws Exception {
        return new LoopbackCall(engine, AudioSource.tone(ALICE_HZ, AMPLITUDE), AudioSource.tone(BOB_HZ, AMPLITUDE),
                srtp);
    }

    private static void assertHearsOnly(PcmRecorder recorder, double expected, double notExpected, double seconds,
            String who) {
        ToneAnalysis a = ToneAnalysis.of(recorder.samples(), expected, notExpected, AMPLITUDE);
        System.out.println(who + ": " + a);
        assertThat(a.ratioToOther()).as(who + " tone vs. the other tone: " + a).isGreaterThan(100);
        assertThat(a.shareOfEnergy()).as(who + " tone share of the energy: " + a).isGreaterThan(0.3);
        assertThat(a.toneSeconds()).as(who + " duration of tone: " + a).isBetween(seconds - 0.5, seconds + 0.3);
    }

    @Test
    void opusWithSrtpCarriesEachSidesToneToTheOther() throws Exception {
        try (LoopbackCall call = call(true).exchangeKeys().start(AudioCodec.OPUS)) {
            Thread.sleep(2000);
            AudioStats a = call.alice.stats();
            AudioStats b = call.bob.stats();
            System.out.println("opus+srtp alice " + a + " bob " + b);
            call.close();
            assertHearsOnly(call.bobHears, ALICE_HZ, BOB_HZ, 2, "opus+srtp bob hears");
            assertHearsOnly(call.aliceHears, BOB_HZ, ALICE_HZ, 2, "opus+srtp alice hears");
            assertThat(a.packetsSent()).isBetween(80L, 110L);
            assertThat(b.packetsReceived()).isGreaterThan(80L);
        }
    }

    @Test
    void pcmuWithoutSrtpCarriesEachSidesToneToTheOther() throws Exception {
        try (LoopbackCall call = call(false).start(AudioCodec.PCMU)) {
            Thread.sleep(2000);
            AudioStats a = call.alice.stats();
            AudioStats b = call.bob.stats();
            System.out.println("pcmu alice " + a + " bob " + b);
            call.close();
            assertHearsOnly(call.bobHears, ALICE_HZ, BOB_HZ, 2, "pcmu bob hears");
            assertHearsOnly(call.aliceHears, BOB_HZ, ALICE_HZ, 2, "pcmu alice hears");
            assertThat(b.packetsReceived()).isGreaterThan(80L);
        }
    }
}
