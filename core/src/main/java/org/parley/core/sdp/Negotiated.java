package org.parley.core.sdp;

/**
 * The outcome of one offer/answer for the audio stream, from this side: where to send (remote address and RTP
 * port), the codec both agreed on (the one to send with), the telephone-event format for DTMF (null if the peer has
 * none), this side's direction, whether SRTP is used, and the peer's a=crypto line this side decrypts with (null for
 * plain RTP).
 */
public record Negotiated(String remoteAddress, int remotePort, int remoteRtcpPort, Codec codec, Codec events,
                         Direction direction, boolean srtp, String remoteCrypto) {
}
