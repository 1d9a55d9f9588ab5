package org.parley.core.media;

/** The audio codecs a session can send, with their RTP clock rate, channels and payload type (RFC 3551 / dynamic). */
public enum AudioCodec {
    OPUS("opus", 48000, 2, 111),
    PCMU("PCMU", 8000, 1, 0),
    PCMA("PCMA", 8000, 1, 8);

    private final String encoding;
    private final int clockRate;
    private final int channels;
    private final int defaultPayloadType;

    AudioCodec(String encoding, int clockRate, int channels, int defaultPayloadType) {
        this.encoding = encoding;
        this.clockRate = clockRate;
        this.channels = channels;
        this.defaultPayloadType = defaultPayloadType;
    }

    /** The encoding name as in SDP rtpmap. */
    public String encoding() { return encoding; }

    public int clockRate() { return clockRate; }

    public int channels() { return channels; }

    /** The static payload type, or the conventional dynamic one (Opus 111). */
    public int defaultPayloadType() { return defaultPayloadType; }

    public boolean dynamicPayloadType() { return defaultPayloadType >= 96; }
}
