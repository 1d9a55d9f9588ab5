package org.parley.core.media;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/** Two audio sessions on 127.0.0.1 wired to each other, alice the offerer; for the media tests. */
final class LoopbackCall implements AutoCloseable {
    static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    final PcmRecorder aliceHears = new PcmRecorder(30);
    final PcmRecorder bobHears = new PcmRecorder(30);
    final AudioSession alice;
    final AudioSession bob;

    LoopbackCall(MediaEngine engine, AudioSource aliceSays, AudioSource bobSays, boolean srtp) throws IOException {
        alice = engine.openAudio(LOOPBACK, 0, aliceSays, aliceHears, srtp);
        bob = engine.openAudio(LOOPBACK, 0, bobSays, bobHears, srtp);
    }

    /** SDES offer/answer as the call layer will do it through SDP. */
    LoopbackCall exchangeKeys() throws IOException {
        alice.acceptCryptoAnswer(bob.answerCrypto(alice.offerCrypto()));
        return this;
    }

    LoopbackCall start(AudioCodec codec) {
        alice.start(rtp(bob), rtcp(bob), codec, codec.defaultPayloadType(), MediaDirection.SENDRECV);
        bob.start(rtp(alice), rtcp(alice), codec, codec.defaultPayloadType(), MediaDirection.SENDRECV);
        return this;
    }

    /** Both sides agree on telephone-events (RFC 4733) on payload type {@code eventPt}. */
    LoopbackCall start(AudioCodec codec, int eventPt) {
        alice.start(rtp(bob), rtcp(bob), codec, codec.defaultPayloadType(), eventPt, MediaDirection.SENDRECV);
        bob.start(rtp(alice), rtcp(alice), codec, codec.defaultPayloadType(), eventPt, MediaDirection.SENDRECV);
        return this;
    }

    static InetSocketAddress rtp(AudioSession s) {
        return new InetSocketAddress(LOOPBACK, s.localRtpPort());
    }

    static InetSocketAddress rtcp(AudioSession s) {
        return new InetSocketAddress(LOOPBACK, s.localRtcpPort());
    }

    @Override
    public void close() {
        alice.close();
        bob.close();
    }
}
