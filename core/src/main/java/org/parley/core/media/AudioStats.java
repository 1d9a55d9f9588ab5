package org.parley.core.media;

/**
 * Counters of one audio session. Jitter in milliseconds ({@code NaN} while unknown); loss rate 0..1 as reported by
 * RTCP from the peer.
 */
public record AudioStats(long packetsSent, long packetsReceived, long packetsLost, double jitterMs, long rttMs) {
}
