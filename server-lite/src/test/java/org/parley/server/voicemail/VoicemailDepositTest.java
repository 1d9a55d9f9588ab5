package org.parley.server.voicemail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.parley.core.media.MediaEngine;
import org.parley.core.media.MediaSettings;
import org.parley.core.media.Wav;
import org.parley.core.sdp.Codec;
import org.parley.server.ParleyServer;
import org.parley.server.testsupport.SipMessage;
import org.parley.server.testsupport.SipTestClient;
import org.parley.server.testsupport.TestServer;
import org.parley.server.testsupport.TestServerExtension;

/** Messages left by real RTP/SRTP callers (raw SIP, core media) are stored with the caller's audio. */
class VoicemailDepositTest {
    private static final double CALLER_HZ = 700;
    static final List<Codec> G711 = List.of(Codec.of(0, "PCMU", 8000), Codec.of(8, "PCMA", 8000),
            Codec.of(101, "telephone-event", 8000).withFmtp("0-16"));
    static final List<Codec> OPUS_FIRST = List.of(new Codec(111, "opus", 48000, 2, null), Codec.of(0, "PCMU", 8000));
    /** Default greeting 1.15 s plus the beep 0.3 s. */
    static final double PROMPT_SECONDS = 1.45;

    @TempDir
    static Path mediaDir;
    static MediaEngine engine;

    @RegisterExtension
    final TestServerExtension parley = TestServerExtension.withUsers("alice", "bob");

    @BeforeAll
    static void startMedia() throws Exception {
        engine = new MediaEngine(MediaSettings.headless(mediaDir));
        RawCaller.warmUp(engine);
    }

    @AfterAll
    static void stopMedia() {
        engine.close();
    }

    private RawCaller caller(ParleyServer server, SipTestClient.Transport t, boolean srtp) throws Exception {
        return new RawCaller(new SipTestClient(t, "127.0.0.1", server.sipPort(), "alice", TestServer.DOMAIN), engine,
                CALLER_HZ, srtp);
    }

    static String mailbox(String user) {
        return "sip:voicemail@" + TestServer.DOMAIN + ";mailbox=" + user;
    }

    @Test
    void plainRtpPcmuCallerLeavesAMessageWithItsToneAndLength() throws Exception {
        ParleyServer server = parley.server();
        try (RawCaller alice = caller(server, SipTestClient.Transport.UDP, false)) {
            SipMessage ok = alice.call(mailbox("bob"), G711, null);
            assertThat(ok.status()).as("%s", ok).isEqualTo(200);
            assertThat(alice.answerSdp()).contains("m=audio").contains("RTP/AVP 0").doesNotContain("a=crypto");
            alice.talkUntil(PROMPT_SECONDS + 2.0);
            assertThat(alice.repeated200s()).as("the ACK reached voicemail: its 200 was not sent again").isZero();
            assertThat(alice.hangUp().status()).isEqualTo(200);
            // the caller heard the greeting's tones and the beep
            assertThat(Recordings.secondsOf(alice.heard.samples(), 48000, Prompts.BEEP_HZ)).isBetween(0.15, 0.45);
        }
        List<VoicemailStore.Message> box = server.voicemail().store().list("bob");
        assertThat(box).hasSize(1);
        VoicemailStore.Message m = box.get(0);
        assertThat(m.caller()).isEqualTo("sip:alice@" + TestServer.DOMAIN);
        assertThat(m.callerName()).isEqualTo("Raw alice");
        assertThat(m.reason()).isEqualTo("direct");
        assertThat(m.heard()).isFalse();
        Wav.Pcm pcm = Wav.read(server.voicemail().store().file("bob", m.id()).orElseThrow());
        assertThat(pcm.sampleRate()).isEqualTo(16000);
        assertThat(pcm.seconds()).as("recorded from the beep to the BYE").isCloseTo(2.0, within(0.4));
        assertThat(m.length().toMillis() / 1000.0).isCloseTo(pcm.seconds(), within(0.01));
        assertThat(Recordings.secondsOf(pcm.samples(), 16000, CALLER_HZ)).as("seconds of the caller's tone")
                .isCloseTo(2.0, within(0.45));
        assertThat(Recordings.share(pcm, Prompts.BEEP_HZ)).as("no beep in the message").isLessThan(0.05);
    }

    @Test
    void srtpOpusCallerOverTcpLeavesAMessage() throws Exception {
        ParleyServer server = parley.server();
        try (RawCaller alice = caller(server, SipTestClient.Transport.TCP, true)) {
            SipMessage ok = alice.call(mailbox("bob"), OPUS_FIRST, null);
            assertThat(ok.status()).as("%s", ok).isEqualTo(200);
            assertThat(alice.answerSdp()).contains("RTP/SAVP 111").contains("a=crypto:");
            alice.talkUntil(PROMPT_SECONDS + 1.5);
            assertThat(alice.hangUp().status()).isEqualTo(200);
        }
        VoicemailStore.Message m = server.voicemail().store().list("bob").get(0);
        Wav.Pcm pcm = Wav.read(server.voicemail().store().file("bob", m.id()).orElseThrow());
        assertThat(pcm.seconds()).isCloseTo(1.5, within(0.4));
        assertThat(Recordings.secondsOf(pcm.samples(), 16000, CALLER_HZ)).isCloseTo(1.5, within(0.45));
    }

    @Test
    void recordingStopsAtTheMaximumLengthAndVoicemailHangsUp() throws Exception {
        ParleyServer server = parley.restart(c -> c.withVoicemailMaxLength(Duration.ofSeconds(1)));
        try (RawCaller alice = caller(server, SipTestClient.Transport.UDP, false)) {
            assertThat(alice.call(mailbox("bob"), G711, null).status()).isEqualTo(200);
            long t0 = System.nanoTime();
            SipMessage bye = alice.awaitBye(Duration.ofSeconds(6));
            double after = (System.nanoTime() - t0) / 1e9;
            assertThat(bye).as("voicemail hangs up at the maximum").isNotNull();
            assertThat(after).isCloseTo(PROMPT_SECONDS + 1.0, within(0.5));
        }
        VoicemailStore.Message m = server.voicemail().store().list("bob").get(0);
        assertThat(m.length().toMillis()).isBetween(700L, 1100L);
    }

    @Test
    void callerWhoHangsUpDuringTheGreetingLeavesNoMessage() throws Exception {
        ParleyServer server = parley.server();
        try (RawCaller alice = caller(server, SipTestClient.Transport.UDP, false)) {
            assertThat(alice.call(mailbox("bob"), G711, null).status()).isEqualTo(200);
            Thread.sleep(400);
            assertThat(alice.hangUp().status()).isEqualTo(200);
        }
        assertThat(server.voicemail().store().list("bob")).isEmpty();
        assertThat(Files.exists(parley.dataDir().resolve("voicemail/bob"))).isFalse();
    }

    @Test
    void offerWithoutACommonCodecIsRefusedWith488() throws Exception {
        ParleyServer server = parley.server();
        try (RawCaller alice = caller(server, SipTestClient.Transport.UDP, false)) {
            SipMessage r = alice.call(mailbox("bob"), List.of(Codec.of(18, "G729", 8000)), null);
            assertThat(r.status()).isEqualTo(488);
        }
        assertThat(server.voicemail().calls().activeCalls()).isZero();
    }

    @Test
    void ownBoxCallPlaysOnePipPerNewMessageThenHangsUp() throws Exception {
        ParleyServer server = parley.server();
        VoicemailStore store = server.voicemail().store();
        for (int i = 0; i < 3; i++) {
            store.deposit(new VoicemailStore.Message(store.newId(), "alice", "sip:bob@" + TestServer.DOMAIN, null,
                    java.time.Instant.now(), Duration.ofMillis(100), false, "no-answer"), new short[1600]);
        }
        try (RawCaller alice = caller(server, SipTestClient.Transport.UDP, false)) {
            SipMessage ok = alice.call("sip:voicemail@" + TestServer.DOMAIN, G711, TestServer.password("alice"));
            assertThat(ok.status()).as("%s", ok).isEqualTo(200);
            assertThat(alice.awaitBye(Duration.ofSeconds(5))).as("voicemail hangs up after the count").isNotNull();
            assertThat(pips(alice.heard.samples())).isEqualTo(3);
        }
    }

    /** Pips of 440 Hz (10 ms blocks; a pip starts after at least 80 ms without the tone: packet gaps split none). */
    private static int pips(short[] s) {
        int block = 480;
        int n = 0;
        int quiet = Integer.MAX_VALUE / 2;
        for (int i = 0; i + block <= s.length; i += block) {
            double all = org.parley.core.media.Goertzel.totalPower(s, i, i + block);
            boolean tone = all > 1e4 && 2 * org.parley.core.media.Goertzel.power(s, i, i + block, 48000, Prompts.PIP_HZ) > 0.5 * all;
            if (tone) {
                if (quiet >= 8) {
                    n++;
                }
                quiet = 0;
            } else {
                quiet++;
            }
        }
        return n;
    }
}
