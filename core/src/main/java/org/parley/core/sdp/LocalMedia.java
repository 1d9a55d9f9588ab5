package org.parley.core.sdp;

import java.util.List;

/**
 * What this side can do for audio: its address and RTP port, its codecs in its own preference order, the a=crypto
 * lines it offers for SRTP (empty: plain RTP only), whether it accepts plain RTP offers, and the origin fields of
 * its session descriptions.
 */
public record LocalMedia(String address, int rtpPort, List<Codec> codecs, List<String> crypto, boolean plainRtpAllowed,
                         String originUser, long sessionId) {
    public LocalMedia {
        codecs = List.copyOf(codecs);
        crypto = List.copyOf(crypto);
        if (codecs.isEmpty()) {
            throw new IllegalArgumentException("no local codecs");
        }
    }

    public boolean srtp() {
        return !crypto.isEmpty();
    }
}
