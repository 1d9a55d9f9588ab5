package org.parley.core.client.sip;

import java.util.List;
import org.parley.core.sdp.Codec;
import org.parley.core.sdp.Negotiated;

/**
 * The media side of one call, as call signalling sees it: a local RTP port (RTCP on the next one), the codecs and
 * a=crypto lines this side offers, then start/update/stop with what offer/answer negotiated. Called on the client's
 * engine thread; implementations must not block it.
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

    /** Whether plain RTP offers are taken (policy; false means SRTP only). */
    boolean plainRtpAllowed();

    /** Media starts (or restarts after a new offer/answer) towards the negotiated peer, codec and direction. */
    void start(Negotiated negotiated);

    /** Stops everything and releases the ports; later calls are ignored. */
    void stop();
}
