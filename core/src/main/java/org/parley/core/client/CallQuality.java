package org.parley.core.client;

/**
 * How a call sounds right now, from RTP/RTCP: the codec, inter-arrival jitter, the share of packets lost, the round
 * trip from RTCP (-1 while unknown), the bit rates both ways over the last interval, packet counts, and whether
 * the media is encrypted (SRTP).
 */
public record CallQuality(String codec, double jitterMillis, double lossPercent, long roundTripMillis,
                          double sendKbps, double receiveKbps, long packetsSent, long packetsReceived, boolean encrypted) {
}
