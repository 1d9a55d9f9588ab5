package org.parley.core.client.sip;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.List;
import org.parley.core.sdp.Codec;
import org.parley.core.sdp.Negotiated;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link MediaPort} that carries NO audio yet: it reserves a real UDP port pair (an even RTP port and the RTCP port
 * above it) so the SDP names ports nobody else holds, offers PCMU, PCMA and telephone-event over plain RTP (no SRTP
 * keys: nothing is sent, so nothing could be encrypted), and only logs what a media engine would do with the
 * negotiated address, codec and direction. The audio engine ({@code org.parley.core.media}) replaces it.
 */
public final class SignallingOnlyMedia implements MediaPort {
    private static final Logger LOG = LoggerFactory.getLogger(SignallingOnlyMedia.class);
    private static final List<Codec> CODECS = List.of(Codec.of(0, "PCMU", 8000), Codec.of(8, "PCMA", 8000),
            Codec.of(101, "telephone-event", 8000).withFmtp("0-16"));

    private final DatagramSocket rtp;
    private final DatagramSocket rtcp;
    private Negotiated current;
    private boolean stopped;

    private SignallingOnlyMedia(DatagramSocket rtp, DatagramSocket rtcp) {
        this.rtp = rtp;
        this.rtcp = rtcp;
    }

    /** Binds an even/odd UDP port pair on {@code localAddress}. */
    public static SignallingOnlyMedia open(String localAddress) {
        InetAddress address;
        try {
            address = InetAddress.getByName(localAddress);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("unknown local address " + localAddress, e);
        }
        for (int attempt = 0; attempt < 50; attempt++) {
            DatagramSocket first = null;
            try {
                first = new DatagramSocket(new InetSocketAddress(address, 0));
                int port = first.getLocalPort();
                if (port % 2 != 0 || port == 65534) {
                    first.close();
                    continue;
                }
                DatagramSocket second = new DatagramSocket(new InetSocketAddress(address, port + 1));
                return new SignallingOnlyMedia(first, second);
            } catch (SocketException e) {
                if (first != null) {
                    first.close();
                }
            }
        }
        throw new IllegalStateException("no free RTP/RTCP port pair on " + localAddress);
    }

    @Override
    public int rtpPort() {
        return rtp.getLocalPort();
    }

    @Override
    public List<Codec> codecs() {
        return CODECS;
    }

    @Override
    public List<String> crypto() {
        return List.of();
    }

    @Override
    public boolean plainRtpAllowed() {
        return true;
    }

    /** What offer/answer last negotiated (null before start). */
    public synchronized Negotiated negotiated() {
        return current;
    }

    @Override
    public synchronized void start(Negotiated negotiated) {
        if (stopped) {
            return;
        }
        current = negotiated;
        LOG.info("signalling only, no audio carried: would {} {} with {}:{} from port {}", negotiated.direction().attribute(),
                negotiated.codec().rtpmap(), negotiated.remoteAddress(), negotiated.remotePort(), rtpPort());
    }

    @Override
    public synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        rtp.close();
        rtcp.close();
    }
}
