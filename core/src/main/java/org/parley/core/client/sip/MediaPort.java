package org.parley.core.client.sip;

import java.util.List;
import org.parley.core.client.CallQuality;
import org.parley.core.sdp.Codec;
import org.parley.core.sdp.Negotiated;

/**
 * The media side of one call, as call signalling sees it: a local RTP port (RTCP on the next one), the codecs and
 * a=crypto lines this side offers or answers with, then start/update/stop with what offer/answer negotiated, plus
 * mute, DTMF and quality. Called on the client's engine thread; implementations must not block it for long.
 */
public interface MediaPort {

    /** Opens the media of one call on {@code localAddress} (the address the SIP endpoint uses). */
    interface Factory {
        MediaPort open(String localAddress);
    }

    int rtpPort();

    /** Local codecs in preference order (telephone-event included when supported). */
    List<Codec> codecs();

    /** The RFC 4568 a=crypto values this side offers (empty: plain RTP only). */
    List<String> crypto();

    /** This side's a=crypto value answering an SRTP offer's values (its own keys), or null if none is acceptable. */
    String answerCrypto(List<String> offered);

    /** Whether plain RTP offers are taken (policy; false means SRTP only). */
    boolean plainRtpAllowed();

    /**
     * Media starts (or, after a new offer/answer, changes direction) towards the negotiated peer and codec.
     *
     * @throws IllegalStateException if the negotiated media cannot be used (e.g. the answer's SRTP keys do not match)
     */
    void start(Negotiated negotiated);

    /** Sends silence instead of the capture device while muted. */
    void setMute(boolean muted);

    /**
     * This side holds the call: nothing of the capture device goes out (silence keeps the stream alive) whatever the
     * negotiated direction says, until released.
     */
    void setHeld(boolean held);

    /** Sends DTMF digits as RFC 4733 telephone-events, one after the other (returns at once). */
    void sendDtmf(String digits);

    /** How the media is doing now; null before it started. */
    CallQuality quality();

    /** Stops everything and releases the ports; later calls are ignored. */
    void stop();
}
