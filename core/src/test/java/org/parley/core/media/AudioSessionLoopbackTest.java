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
        assertThat(a.shareOfEnergy()).as(who + " tone share of the energy: " + a).isGreaterThan(0.4);
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
            System.out.printf("opus+srtp alice sent %.1f kbit/s of RTP payload+headers%n", a.bytesSent() * 8 / 2000.0);
            assertThat(b.packetsReceived()).isGreaterThan(80L);
        }
    }

    @Test
    void dtmfDigitsSentAsTelephoneEventsArriveInOrderOverSrtp() throws Exception {
        java.util.List<Character> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (LoopbackCall call = call(true).exchangeKeys().start(AudioCodec.OPUS, 101)) {
            call.bob.setDtmfListener(heard::add);
            Thread.sleep(300);
            for (char d : "5#".toCharArray()) {
                call.alice.startDtmf(d, 100);
                Thread.sleep(150);
                call.alice.stopDtmf();
                Thread.sleep(150);
            }
            long deadline = System.currentTimeMillis() + 3000;
            while (heard.size() < 2 && System.currentTimeMillis() < deadline) {
                Thread.sleep(50);
            }
        }
        assertThat(heard).containsExactly('5', '#');
    }

    @Test
    void muteSendsSilenceAndUnmuteBringsTheToneBack() throws Exception {
        try (LoopbackCall call = call(true).exchangeKeys().start(AudioCodec.OPUS)) {
            Thread.sleep(800);
            int mutedFrom = call.bobHears.length();
            call.alice.setMute(true);
            Thread.sleep(1000);
            int mutedTo = call.bobHears.length();
            call.alice.setMute(false);
            Thread.sleep(800);
            call.close();
            short[] s = call.bobHears.samples();
            int from = mutedFrom + PcmRecorder.SAMPLE_RATE / 5;
            assertThat(mutedTo - from).as("audio kept arriving while muted").isGreaterThan(PcmRecorder.SAMPLE_RATE / 2);
            assertThat(Goertzel.power(s, from, mutedTo, PcmRecorder.SAMPLE_RATE, ALICE_HZ))
                    .as("Alice's tone while muted").isLessThan(Goertzel.power(s, 0, mutedFrom, PcmRecorder.SAMPLE_RATE, ALICE_HZ) / 100);
            assertThat(call.alice.muted()).isFalse();
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

    @Test
    void holdStopsAlicesToneAtBobAndResumeBringsItBack() throws Exception {
        try (LoopbackCall call = call(true).exchangeKeys().start(AudioCodec.OPUS)) {
            Thread.sleep(1000);
            int talking = call.bobHears.length();
            // Alice stops sending: first she only listens (recvonly, Bob sendonly), then neither side sends (inactive).
            // The classic hold (holder sendonly, held party recvonly) is covered by the PCMA test below.
            call.alice.setDirection(MediaDirection.RECVONLY);
            call.bob.setDirection(MediaDirection.SENDONLY);
            int aliceHeardBeforeHold = call.aliceHears.length();
            Thread.sleep(1000);
            int listening = call.bobHears.length();
            int aliceHeardDuringRecvonly = call.aliceHears.length() - aliceHeardBeforeHold;
            call.alice.setDirection(MediaDirection.INACTIVE);
            call.bob.setDirection(MediaDirection.INACTIVE);
            Thread.sleep(1000);
            int inactive = call.bobHears.length();
            call.alice.setDirection(MediaDirection.SENDRECV);
            call.bob.setDirection(MediaDirection.SENDRECV);
            Thread.sleep(1000);
            call.close();
            short[] all = call.bobHears.samples();
            // The first 200 ms after each switch may still carry audio already in flight or in the jitter buffer.
            int settle = PcmRecorder.SAMPLE_RATE / 5;
            ToneAnalysis before = ToneAnalysis.of(java.util.Arrays.copyOfRange(all, 0, talking), ALICE_HZ, BOB_HZ,
                    AMPLITUDE);
            ToneAnalysis held = ToneAnalysis.of(java.util.Arrays.copyOfRange(all, Math.min(talking + settle, inactive),
                    inactive), ALICE_HZ, BOB_HZ, AMPLITUDE);
            ToneAnalysis resumed = ToneAnalysis.of(java.util.Arrays.copyOfRange(all, inactive, all.length), ALICE_HZ,
                    BOB_HZ, AMPLITUDE);
            System.out.println("hold: before " + before + " | recvonly+inactive " + held + " (" + (listening - talking)
                    + "/" + (inactive - listening) + " samples) | resumed " + resumed + " | alice heard during"
                    + " recvonly " + aliceHeardDuringRecvonly + " samples");
            assertThat(before.toneSeconds()).as("before hold: " + before).isGreaterThan(0.7);
            assertThat(held.toneSeconds()).as("while held: " + held).isLessThanOrEqualTo(0.1);
            assertThat(resumed.toneSeconds()).as("after resume: " + resumed).isGreaterThan(0.6);
            assertThat(aliceHeardDuringRecvonly).as("alice still hears bob while only receiving")
                    .isGreaterThan(PcmRecorder.SAMPLE_RATE * 7 / 10);
        }
    }

    @Test
    void mismatchedSrtpKeysGiveNoAudioAndNoCrash() throws Exception {
        try (LoopbackCall call = call(true);
                LoopbackCall decoy = call(true)) {
            // Bob answers another offer than Alice's: he decrypts with a key Alice never uses.
            call.alice.offerCrypto();
            String bobAnswer = call.bob.answerCrypto(decoy.alice.offerCrypto());
            call.alice.acceptCryptoAnswer(bobAnswer);
            call.start(AudioCodec.OPUS);
            Thread.sleep(1500);
            AudioStats a = call.alice.stats();
            AudioStats b = call.bob.stats();
            call.close();
            ToneAnalysis bobHeard = ToneAnalysis.of(call.bobHears.samples(), ALICE_HZ, BOB_HZ, AMPLITUDE);
            ToneAnalysis aliceHeard = ToneAnalysis.of(call.aliceHears.samples(), BOB_HZ, ALICE_HZ, AMPLITUDE);
            System.out.println("wrong key: alice " + a + " bob " + b + " | bob heard " + bobHeard
                    + " | alice heard " + aliceHeard);
            assertThat(a.packetsSent()).as("alice kept sending").isGreaterThan(50L);
            assertThat(bobHeard.toneSeconds()).as("bob decoded nothing of alice: " + bobHeard).isZero();
            assertThat(aliceHeard.toneSeconds()).as("the correctly keyed direction still works: " + aliceHeard)
                    .isGreaterThan(1.0);
        }
    }

    @Test
    void aWavFileSentWithPcmaArrivesInTheRecordedWav() throws Exception {
        Path input = dataDir.resolve("prompt.wav");
        short[] prompt = new short[8000]; // 1 s at 8 kHz, looped
        for (int i = 0; i < prompt.length; i++) {
            prompt[i] = (short) Math.round(AMPLITUDE * Short.MAX_VALUE * Math.sin(2 * Math.PI * 700 * i / 8000.0));
        }
        Wav.write(input, prompt, prompt.length, 8000);
        PcmRecorder aliceHears = new PcmRecorder(10);
        PcmRecorder bobHears = new PcmRecorder(10);
        try (AudioSession alice = engine.openAudio(LoopbackCall.LOOPBACK, 0, AudioSource.wav(input, true), aliceHears,
                false);
                AudioSession bob = engine.openAudio(LoopbackCall.LOOPBACK, 0, AudioSource.silence(), bobHears, false)) {
            alice.start(LoopbackCall.rtp(bob), LoopbackCall.rtcp(bob), AudioCodec.PCMA, 8, MediaDirection.SENDONLY);
            bob.start(LoopbackCall.rtp(alice), LoopbackCall.rtcp(alice), AudioCodec.PCMA, 8, MediaDirection.RECVONLY);
            Thread.sleep(1500);
        }
        Path output = dataDir.resolve("bob-heard.wav");
        bobHears.writeWav(output);
        Wav.Pcm heard = Wav.read(output);
        ToneAnalysis a = ToneAnalysis.of(heard.samples(), 700, ALICE_HZ, AMPLITUDE);
        System.out.println("pcma wav: " + a + "; alice (sendonly) recorded " + aliceHears.length() + " samples");
        assertThat(heard.sampleRate()).isEqualTo(PcmRecorder.SAMPLE_RATE);
        assertThat(a.toneSeconds()).as("the looped file played for the whole call: " + a).isBetween(1.0, 1.8);
        assertThat(a.shareOfEnergy()).as(a.toString()).isGreaterThan(0.3);
        assertThat(aliceHears.length()).as("bob is recvonly: alice hears nothing").isZero();
    }
}
