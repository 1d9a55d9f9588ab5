package org.parley.server.uas;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.parley.core.media.AudioCodec;
import org.parley.core.media.AudioSession;
import org.parley.core.media.AudioSink;
import org.parley.core.media.AudioSource;
import org.parley.core.media.MediaDirection;
import org.parley.core.sdp.Codec;
import org.parley.core.sdp.Direction;
import org.parley.core.sdp.LocalMedia;
import org.parley.core.sdp.Negotiated;
import org.parley.core.sdp.OfferAnswer;
import org.parley.core.sdp.SessionDescription;

/**
 * The offer/answer step of a server-side media endpoint: reads the INVITE's offer, answers it with a new session
 * (SRTP-SDES when offered, else plain RTP/AVP; Opus, PCMU, PCMA, telephone-event) and starts that session; answers
 * later offers of the same dialog (hold, resume) on the same port and keys, following the offered direction.
 */
public final class UasMedia {
    public static final List<Codec> CODECS = List.of(new Codec(111, "opus", 48000, 2, "useinbandfec=1"),
            Codec.of(0, "PCMU", 8000), Codec.of(8, "PCMA", 8000), Codec.of(101, "telephone-event", 8000).withFmtp("0-16"));

    /** An INVITE's offer, or why it cannot be answered ({@code status} and {@code reason} for the response). */
    public record Offer(SessionDescription sdp, int status, String reason) {
        public boolean usable() {
            return sdp != null;
        }
    }

    /**
     * The answer sent and the session started; {@code answer} (and {@code session}) are null when no common codec was
     * found. {@code direction} is the answer's direction.
     */
    public record Answered(SessionDescription answer, AudioSession session, List<String> crypto, AudioCodec codec,
                           MediaDirection direction) {
    }

    private final MediaHost host;

    public UasMedia(MediaHost host) {
        this.host = host;
    }

    public MediaHost host() {
        return host;
    }

    /** The SDP offer of {@code invite}: 488 without a body or audio, 400 when unreadable. */
    public static Offer offerOf(Request invite) {
        SessionDescription offer;
        try {
            byte[] body = invite.getRawContent();
            if (body == null || body.length == 0) {
                return new Offer(null, Response.NOT_ACCEPTABLE_HERE, "An SDP offer is required");
            }
            offer = SessionDescription.parse(body);
        } catch (RuntimeException e) {
            return new Offer(null, Response.BAD_REQUEST, "Bad SDP");
        }
        if (offer.audio() == null || offer.audio().refused()) {
            return new Offer(null, Response.NOT_ACCEPTABLE_HERE, "No audio offered");
        }
        return new Offer(offer, 0, null);
    }

    /** Opens and starts a session for {@code offer}; no session is left open when the answer is null. */
    public Answered answer(SessionDescription offer, AudioSource source, AudioSink sink, long now) throws IOException {
        boolean srtp = offer.audio().secure();
        AudioSession session = host.open(source, sink, srtp);
        try {
            List<String> crypto = srtp ? List.of(session.answerCrypto(offer.audio().crypto())) : List.of();
            LocalMedia local = new LocalMedia(host.host(), session.localRtpPort(), CODECS, crypto, true, "parley", now);
            SessionDescription answer = OfferAnswer.answer(offer, local);
            Negotiated n = OfferAnswer.negotiated(answer, offer);
            AudioCodec codec = n == null ? null : codecOf(n.codec());
            if (codec == null) {
                session.close();
                return new Answered(null, null, crypto, null, null);
            }
            MediaDirection direction = MediaDirection.valueOf(n.direction().name());
            session.start(new InetSocketAddress(n.remoteAddress(), n.remotePort()),
                    new InetSocketAddress(n.remoteAddress(), n.remoteRtcpPort()), codec, n.codec().payloadType(),
                    direction);
            return new Answered(answer, session, crypto, codec, direction);
        } catch (IOException | RuntimeException e) {
            session.close();
            throw e;
        }
    }

    /**
     * The answer to a new offer in the dialog whose first answer was {@code first}, or null when it cannot be taken
     * (keys or codec changed); the session's direction follows the new answer.
     */
    public SessionDescription reanswer(AudioSession session, SessionDescription first, List<String> crypto,
                                       SessionDescription offer, long version) {
        if (session == null || first == null || offer.audio() == null) {
            return null;
        }
        LocalMedia local = new LocalMedia(host.host(), session.localRtpPort(), CODECS, crypto, true, "parley",
                first.sessionId());
        SessionDescription answer = OfferAnswer.answer(offer, local, Direction.SENDRECV, version);
        Negotiated n = OfferAnswer.negotiated(answer, offer);
        if (n == null) {
            return null;
        }
        session.setDirection(MediaDirection.valueOf(n.direction().name()));
        return answer;
    }

    /** The media codec of a negotiated SDP codec, or null. */
    public static AudioCodec codecOf(Codec c) {
        for (AudioCodec a : AudioCodec.values()) {
            if (a.encoding().equalsIgnoreCase(c.name()) && a.clockRate() == c.clockRate()) {
                return a;
            }
        }
        return null;
    }
}
