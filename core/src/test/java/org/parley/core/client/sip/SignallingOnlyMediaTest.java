package org.parley.core.client.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import org.junit.jupiter.api.Test;
import org.parley.core.sdp.Codec;
import org.parley.core.sdp.Direction;
import org.parley.core.sdp.Negotiated;

class SignallingOnlyMediaTest {

    @Test
    void holdsAnEvenRtpPortAndTheRtcpPortAboveUntilStopped() throws Exception {
        SignallingOnlyMedia media = SignallingOnlyMedia.open("127.0.0.1");
        int rtp = media.rtpPort();
        assertThat(rtp % 2).isZero();
        assertThatThrownBy(() -> bind(rtp)).isInstanceOf(SocketException.class);
        assertThatThrownBy(() -> bind(rtp + 1)).isInstanceOf(SocketException.class);

        media.stop();
        bind(rtp).close();
        bind(rtp + 1).close();
    }

    @Test
    void offersPlainRtpG711AndTelephoneEventAndRemembersWhatWasNegotiated() {
        SignallingOnlyMedia media = SignallingOnlyMedia.open("127.0.0.1");
        try {
            assertThat(media.crypto()).isEmpty();
            assertThat(media.plainRtpAllowed()).isTrue();
            assertThat(media.codecs()).extracting(Codec::name).containsExactly("PCMU", "PCMA", "telephone-event");
            Negotiated n = new Negotiated("127.0.0.1", 40000, 40001, Codec.of(8, "PCMA", 8000), Direction.SENDONLY,
                    false, null);
            media.start(n);
            assertThat(media.negotiated()).isEqualTo(n);
        } finally {
            media.stop();
        }
        // a stopped port ignores a late start
        media.start(new Negotiated("127.0.0.1", 1, 2, Codec.of(0, "PCMU", 8000), Direction.SENDRECV, false, null));
        assertThat(media.negotiated().remotePort()).isEqualTo(40000);
    }

    private static DatagramSocket bind(int port) throws SocketException {
        return new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    }
}
