package org.parley.core.sdp;

import java.util.List;

/**
 * What this side can do for audio: its address and RTP port, its codecs in its own preference order, the a=crypto
 * lines it offers for SRTP (empty: plain RTP only), whether it accepts plain RTP offers, and the origin fields of
 * its session descriptions. {@code cryptoAnswerer} picks this side's a=crypto value when it answers an SRTP offer (the
 * media engine makes its own keys); null answers with the offered tag and suite and this side's key from
 * {@code crypto}.
 */
public record LocalMedia(String address, int rtpPort, List<Codec> codecs, List<String> crypto, boolean plainRtpAllowed,
                         String originUser, long sessionId, CryptoAnswerer cryptoAnswerer) {

    /** Chooses the a=crypto value of an answer from the offered ones; null when none is acceptable. */
    public interface CryptoAnswerer {
        String answer(List<String> offered);
    }

    public LocalMedia(String address, int rtpPort, List<Codec> codecs, List<String> crypto, boolean plainRtpAllowed,
                      String originUser, long sessionId) {
        this(address, rtpPort, codecs, crypto, plainRtpAllowed, originUser, sessionId, null);
    }

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
