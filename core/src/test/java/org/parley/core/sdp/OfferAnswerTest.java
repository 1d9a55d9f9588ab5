package org.parley.core.sdp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Offer/answer against the exchanges of RFC 4317 (fixtures shortened to what each test needs). */
class OfferAnswerTest {
    /** RFC 4317 §2.1: audio (PCMU, PCMA, iLBC) and video offered. */
    static final String AUDIO_VIDEO_OFFER = String.join("\r\n",
            "v=0",
            "o=alice 2890844526 2890844526 IN IP4 host.atlanta.example.com",
            "s=",
            "c=IN IP4 host.atlanta.example.com",
            "t=0 0",
            "m=audio 49170 RTP/AVP 0 8 97",
            "a=rtpmap:0 PCMU/8000",
            "a=rtpmap:8 PCMA/8000",
            "a=rtpmap:97 iLBC/8000",
            "m=video 51372 RTP/AVP 31 32",
            "a=rtpmap:31 H261/90000",
            "a=rtpmap:32 MPV/90000", "");

    /** RFC 4317 §3.1: the answerer's SDP after the offerer put the call on hold (sendonly offered). */
    static final String HOLD_OFFER = String.join("\r\n",
            "v=0",
            "o=alice 2890844526 2890844527 IN IP4 host.atlanta.example.com",
            "s=",
            "c=IN IP4 host.atlanta.example.com",
            "t=0 0",
            "m=audio 49170 RTP/AVP 0 97",
            "a=rtpmap:0 PCMU/8000",
            "a=rtpmap:97 iLBC/8000",
            "a=sendonly", "");

    static LocalMedia bob(boolean plain, List<String> crypto, Codec... codecs) {
        return new LocalMedia("host.biloxi.example.com", 49174, List.of(codecs), crypto, plain, "bob", 2808844564L);
    }

    @Test
    void parsesOriginConnectionStreamsAndStaticAndDynamicTypes() {
        SessionDescription sdp = SessionDescription.parse(AUDIO_VIDEO_OFFER);
        assertThat(sdp.originUser()).isEqualTo("alice");
        assertThat(sdp.version()).isEqualTo(2890844526L);
        assertThat(sdp.connection()).isEqualTo("host.atlanta.example.com");
        assertThat(sdp.media()).extracting(MediaDescription::media).containsExactly("audio", "video");
        MediaDescription audio = sdp.audio();
        assertThat(audio.port()).isEqualTo(49170);
        assertThat(audio.protocol()).isEqualTo("RTP/AVP");
        assertThat(audio.codecs()).extracting(Codec::name).containsExactly("PCMU", "PCMA", "iLBC");
        assertThat(audio.direction()).isEqualTo(Direction.SENDRECV);
    }

    @Test
    void answerPicksFirstOfferedCodecTheAnswererHasAndRefusesVideo() {
        SessionDescription answer = OfferAnswer.answer(SessionDescription.parse(AUDIO_VIDEO_OFFER),
                bob(true, List.of(), Codec.of(8, "PCMA", 8000), Codec.of(0, "PCMU", 8000)));
        // the offerer's order wins: PCMU is offered before PCMA
        assertThat(answer.media()).hasSize(2);
        assertThat(answer.audio().codecs()).extracting(Codec::rtpmap).containsExactly("0 PCMU/8000");
        assertThat(answer.audio().port()).isEqualTo(49174);
        assertThat(answer.media().get(1).port()).isZero();
        // and it survives its own encoding
        SessionDescription again = SessionDescription.parse(answer.encode());
        assertThat(again.audio().codecs()).extracting(Codec::name).containsExactly("PCMU");
        assertThat(again.media().get(1).refused()).isTrue();
        assertThat(again.connection()).isEqualTo("host.biloxi.example.com");
    }

    @Test
    void dynamicCodecKeepsTheOfferersPayloadTypeNumber() {
        SessionDescription answer = OfferAnswer.answer(SessionDescription.parse(AUDIO_VIDEO_OFFER),
                bob(true, List.of(), Codec.of(102, "iLBC", 8000).withFmtp("mode=30")));
        assertThat(answer.audio().codecs().get(0).payloadType()).isEqualTo(97);
        assertThat(answer.audio().codecs().get(0).fmtp()).isEqualTo("mode=30");
        assertThat(answer.encode()).contains("m=audio 49174 RTP/AVP 97\r\n").contains("a=fmtp:97 mode=30\r\n");
    }

    @Test
    void noCommonCodecRefusesTheStreamWithPortZero() {
        SessionDescription answer = OfferAnswer.answer(SessionDescription.parse(AUDIO_VIDEO_OFFER),
                bob(true, List.of(), Codec.of(9, "G722", 8000)));
        assertThat(answer.audio().refused()).isTrue();
        assertThat(answer.encode()).contains("m=audio 0 RTP/AVP");
    }

    @Test
    void sendonlyHoldOfferIsAnsweredRecvonly() {
        SessionDescription offer = SessionDescription.parse(HOLD_OFFER);
        assertThat(offer.audio().direction()).isEqualTo(Direction.SENDONLY);
        SessionDescription answer = OfferAnswer.answer(offer, bob(true, List.of(), Codec.of(0, "PCMU", 8000)));
        assertThat(answer.audio().direction()).isEqualTo(Direction.RECVONLY);
        assertThat(answer.encode()).contains("a=recvonly\r\n");
    }

    @Test
    void inactiveOfferIsAnsweredInactive() {
        SessionDescription offer = SessionDescription.parse(HOLD_OFFER.replace("a=sendonly", "a=inactive"));
        SessionDescription answer = OfferAnswer.answer(offer, bob(true, List.of(), Codec.of(0, "PCMU", 8000)));
        assertThat(answer.audio().direction()).isEqualTo(Direction.INACTIVE);
    }

    @Test
    void answererThatHoldsAnswersSendonlyToSendrecvAndInactiveToSendonly() {
        SessionDescription normal = SessionDescription.parse(AUDIO_VIDEO_OFFER);
        LocalMedia local = bob(true, List.of(), Codec.of(0, "PCMU", 8000));
        assertThat(OfferAnswer.answer(normal, local, Direction.SENDONLY, 2).audio().direction()).isEqualTo(Direction.SENDONLY);
        SessionDescription hold = SessionDescription.parse(HOLD_OFFER);
        assertThat(OfferAnswer.answer(hold, local, Direction.SENDONLY, 2).audio().direction()).isEqualTo(Direction.INACTIVE);
    }

    @Test
    void holdOfferIsSendonlyOrInactiveWhenAlreadyHeldByThePeer() {
        assertThat(OfferAnswer.holdDirection(false)).isEqualTo(Direction.SENDONLY);
        assertThat(OfferAnswer.holdDirection(true)).isEqualTo(Direction.INACTIVE);
        LocalMedia local = bob(true, List.of(), Codec.of(0, "PCMU", 8000));
        assertThat(OfferAnswer.offer(local, Direction.SENDONLY, 3).encode())
                .contains("m=audio 49174 RTP/AVP 0\r\n").contains("a=sendonly\r\n").contains("a=rtcp:49175\r\n");
    }

    @Test
    void sessionLevelDirectionAppliesToStreamsWithoutTheirOwn() {
        String sdp = HOLD_OFFER.replace("a=sendonly\r\n", "").replace("t=0 0\r\n", "t=0 0\r\na=inactive\r\n");
        assertThat(SessionDescription.parse(sdp).audio().direction()).isEqualTo(Direction.INACTIVE);
    }

    @Test
    void srtpOfferIsAnsweredWithTheOfferedTagAndLocalKeyOrRefusedWithoutKeys() {
        String savp = AUDIO_VIDEO_OFFER.replace("RTP/AVP 0 8 97", "RTP/SAVP 0")
                .replace("a=rtpmap:0 PCMU/8000", "a=rtpmap:0 PCMU/8000\r\na=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:"
                        + "PS1uQCVeeCFCanVmcjkpPywjNWhcYD0mXXtxaVBR|2^20|1:32");
        SessionDescription offer = SessionDescription.parse(savp);
        assertThat(offer.audio().secure()).isTrue();
        assertThat(offer.audio().crypto()).hasSize(1);
        LocalMedia keyed = bob(false, List.of("1 AES_CM_128_HMAC_SHA1_80 inline:d0RmdmcmVCspeEc3QGZiNWpVLFJhQX1cfHAwJSoj"),
                Codec.of(0, "PCMU", 8000));
        SessionDescription answer = OfferAnswer.answer(offer, keyed);
        assertThat(answer.audio().protocol()).isEqualTo("RTP/SAVP");
        assertThat(answer.audio().crypto()).containsExactly(
                "1 AES_CM_128_HMAC_SHA1_80 inline:d0RmdmcmVCspeEc3QGZiNWpVLFJhQX1cfHAwJSoj");
        assertThat(OfferAnswer.answer(offer, bob(true, List.of(), Codec.of(0, "PCMU", 8000))).audio().refused()).isTrue();
        // plain RTP refused when policy requires SRTP
        assertThat(OfferAnswer.answer(SessionDescription.parse(AUDIO_VIDEO_OFFER), keyed).audio().refused()).isTrue();
    }

    @Test
    void negotiatedGivesEachSideThePeersAddressPortCodecAndDirection() {
        LocalMedia alice = new LocalMedia("10.0.0.1", 40000, List.of(Codec.of(0, "PCMU", 8000), Codec.of(8, "PCMA", 8000)),
                List.of(), true, "alice", 1);
        SessionDescription offer = OfferAnswer.offer(alice, Direction.SENDONLY, 1);
        SessionDescription answer = OfferAnswer.answer(offer, bob(true, List.of(), Codec.of(8, "PCMA", 8000)));
        Negotiated forAlice = OfferAnswer.negotiated(offer, answer);
        Negotiated forBob = OfferAnswer.negotiated(answer, offer);
        assertThat(forAlice.remotePort()).isEqualTo(49174);
        assertThat(forAlice.remoteAddress()).isEqualTo("host.biloxi.example.com");
        assertThat(forAlice.codec().name()).isEqualTo("PCMA");
        assertThat(forAlice.direction()).isEqualTo(Direction.SENDONLY);
        assertThat(forBob.remotePort()).isEqualTo(40000);
        assertThat(forBob.codec().name()).isEqualTo("PCMA");
        assertThat(forBob.direction()).isEqualTo(Direction.RECVONLY);
    }

    @Test
    void textThatIsNotSdpIsRejected() {
        assertThatThrownBy(() -> SessionDescription.parse("hello")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SessionDescription.parse("v=0\r\nm=audio x RTP/AVP 0\r\n"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
