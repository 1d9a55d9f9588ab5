package org.parley.server.reception;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import org.parley.core.media.AudioCodec;
import org.parley.core.media.AudioSession;
import org.parley.core.media.AudioSource;
import org.parley.core.media.MediaDirection;
import org.parley.core.sdp.Codec;
import org.parley.core.sdp.Direction;
import org.parley.core.sdp.LocalMedia;
import org.parley.core.sdp.Negotiated;
import org.parley.core.sdp.OfferAnswer;
import org.parley.core.sdp.SessionDescription;

/**
 * The media side of a queued caller: answers the INVITE's offer (SRTP-SDES or plain RTP; Opus, PCMU, PCMA) with a
 * session playing the hold music, and answers later offers of the same dialog (the caller holding the line while it
 * rings an attendant, and resuming) on the same port and keys, following the offered direction.
 */
final class CallerMedia {
    private static final List<Codec> CODECS = List.of(new Codec(111, "opus", 48000, 2, "useinbandfec=1"),
            Codec.of(0, "PCMU", 8000), Codec.of(8, "PCMA", 8000), Codec.of(101, "telephone-event", 8000).withFmtp("0-16"));

    /** The answer sent and the session started; {@code answer} is null when no common codec was found. */
    record Answered(SessionDescription answer, AudioSession session, List<String> crypto) {
    }

    private final ReceptionMedia media;

    CallerMedia(ReceptionMedia media) {
        this.media = media;
    }

    /** Opens a session for {@code offer}; the caller closes it when the answer is null (no common codec). */
    Answered answer(SessionDescription offer, AudioSource source, long now) throws IOException {
        boolean srtp = offer.audio().secure();
        AudioSession session = media.open(source, srtp);
        try {
            List<String> crypto = srtp ? List.of(session.answerCrypto(offer.audio().crypto())) : List.of();
            LocalMedia local = new LocalMedia(media.host(), session.localRtpPort(), CODECS, crypto, true, "parley", now);
            SessionDescription answer = OfferAnswer.answer(offer, local);
            if (!start(session, answer, offer)) {
                session.close();
                return new Answered(null, null, crypto);
            }
            return new Answered(answer, session, crypto);
        } catch (IOException | RuntimeException e) {
            session.close();
            throw e;
        }
    }

    /** The answer to a new offer in the dialog, or null when it cannot be taken (keys or codec changed). */
    SessionDescription reanswer(QueuedCall call, SessionDescription offer, long version) {
        AudioSession session = call.session;
        SessionDescription first = call.answer;
        if (session == null || first == null || offer.audio() == null) {
            return null;
        }
        LocalMedia local = new LocalMedia(media.host(), session.localRtpPort(), CODECS, call.crypto, true, "parley",
                first.sessionId());
        SessionDescription answer = OfferAnswer.answer(offer, local, Direction.SENDRECV, version);
        Negotiated n = OfferAnswer.negotiated(answer, offer);
        if (n == null) {
            return null;
        }
        session.setDirection(MediaDirection.valueOf(n.direction().name()));
        return answer;
    }

    private static boolean start(AudioSession session, SessionDescription answer, SessionDescription offer) {
        Negotiated n = OfferAnswer.negotiated(answer, offer);
        AudioCodec codec = n == null ? null : codecOf(n.codec());
        if (codec == null) {
            return false;
        }
        session.start(new InetSocketAddress(n.remoteAddress(), n.remotePort()),
                new InetSocketAddress(n.remoteAddress(), n.remoteRtcpPort()), codec, n.codec().payloadType(),
                MediaDirection.valueOf(n.direction().name()));
        return true;
    }

    private static AudioCodec codecOf(Codec c) {
        for (AudioCodec a : AudioCodec.values()) {
            if (a.encoding().equalsIgnoreCase(c.name()) && a.clockRate() == c.clockRate()) {
                return a;
            }
        }
        return null;
    }
}
