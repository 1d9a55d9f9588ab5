package org.parley.core.media;

/**
 * Counters of one audio session: RTP packets and bytes (headers included) sent and received, packets lost and
 * interarrival jitter of the received stream in milliseconds ({@code NaN} until known), and the round trip in
 * milliseconds from RTCP reports (-1 until the first ones arrived, a few seconds into a call).
 */
public record AudioStats(long packetsSent, long packetsReceived, long packetsLost, long bytesSent, long bytesReceived,
        double jitterMs, long rttMs) {
}
